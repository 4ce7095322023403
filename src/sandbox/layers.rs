//! Which layers a run gets, from what the probe found: the uid, the cgroup, the namespaces, and
//! their names for [`super::RunReport::layers`].
use anyhow::Context;

use super::cgroup::{CgroupKind, RunCgroup};
use super::probe::Probe;
use super::report::Limits;
use super::syscalls;
use super::uid::{self, UidSlot};

/// The confinement resources of one run, released when dropped.
pub struct Confinement {
    pub layers: Vec<String>,
    pub slot: Option<UidSlot>,
    pub cgroup: Option<RunCgroup>,
    /// Clone flags; 0 means no namespaces (and no PID 1).
    pub namespaces: libc::c_int,
    /// The namespaces hang off a user namespace (grader not root): uid/gid maps to write.
    pub user_namespace: bool,
}

impl Confinement {
    pub fn uid(&self) -> Option<u32> {
        self.slot.as_ref().map(|s| s.uid)
    }
}

/// Takes what the platform allows for one run.
pub fn prepare(probe: &Probe, limits: &Limits) -> anyhow::Result<Confinement> {
    let mut layers: Vec<String> = [
        "setsid",
        "stdin-null",
        "close-fds",
        "clean-env",
        "workdir",
        "output-cap",
        "rlimits",
        "wall-clock",
    ]
    .map(String::from)
    .to_vec();
    if cfg!(target_os = "linux") {
        layers.push("pdeathsig".into());
    }
    if probe.subreaper {
        layers.push("subreaper".into());
    }
    let slot = if probe.root {
        Some(uid::claim().context("claiming a uid for the run")?)
    } else {
        None
    };
    if let Some(slot) = &slot {
        layers.push(format!("uid:{}", slot.uid));
        layers.push("nproc".into());
    }
    let user_namespace = !probe.namespaces && probe.user_namespace;
    let namespaces = match (probe.namespaces, user_namespace) {
        (true, _) => syscalls::NAMESPACE_FLAGS,
        (false, true) => syscalls::NAMESPACE_FLAGS | libc::CLONE_NEWUSER,
        (false, false) => 0,
    };
    let cgroup = probe.cgroup.and_then(|kind| {
        let group = RunCgroup::create(kind).ok()?;
        // One task more than asked for: our PID 1 lives in the group too.
        let pid_one = u32::from(namespaces != 0);
        group
            .set_limits(limits.processes + pid_one, limits.memory_bytes)
            .ok()?;
        Some(group)
    });
    if let Some(group) = &cgroup {
        layers.push(match group.kind() {
            CgroupKind::V1 => "cgroup-v1".into(),
            CgroupKind::V2 => "cgroup-v2".into(),
        });
    }
    if user_namespace {
        layers.push("user-namespace".into());
    }
    if namespaces != 0 {
        layers.extend(
            [
                "pid-namespace",
                "net-namespace",
                "mount-namespace",
                "ipc-namespace",
                "private-root",
            ]
            .map(String::from),
        );
    }
    Ok(Confinement {
        layers,
        slot,
        cgroup,
        namespaces,
        user_namespace,
    })
}

/// Maps the grader's uid and gid to root inside the child's user namespace (the only mapping an
/// unprivileged process may write), then lets the child go on.
pub fn map_user_namespace(child: libc::pid_t, go_pipe: std::os::fd::OwnedFd) -> anyhow::Result<()> {
    let uid = nix::unistd::getuid();
    let gid = nix::unistd::getgid();
    let proc = format!("/proc/{child}");
    // setgroups must be denied before an unprivileged gid_map is accepted.
    std::fs::write(format!("{proc}/setgroups"), "deny")
        .context("denying setgroups in the run's user namespace")?;
    std::fs::write(format!("{proc}/uid_map"), format!("0 {uid} 1")).context("writing the run's uid_map")?;
    std::fs::write(format!("{proc}/gid_map"), format!("0 {gid} 1")).context("writing the run's gid_map")?;
    go(go_pipe)
}

/// Lets the child go on (it waits for one byte on the go pipe).
pub fn go(go: std::os::fd::OwnedFd) -> anyhow::Result<()> {
    let file = std::fs::File::from(go);
    use std::io::Write;
    (&file).write_all(b"g").context("starting the run")?;
    Ok(())
}
