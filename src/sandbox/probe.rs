//! What this platform lets the sandbox do, found once per process and cached.
//!
//! Every layer is tried for real (a throw-away child in fresh namespaces, a throw-away cgroup), never
//! guessed from version numbers: containers and hardened distributions refuse things the kernel has.
use std::sync::OnceLock;

use serde::Serialize;

use super::cgroup::CgroupKind;
use super::syscalls;

/// The layers the platform allows, in the order they are applied.
#[derive(Debug, Clone, Serialize)]
pub struct Probe {
    /// The grader runs as root: each run gets a dedicated uid (and RLIMIT_NPROC then applies).
    pub root: bool,
    /// `PR_SET_CHILD_SUBREAPER` took effect (only set without a PID namespace): orphans of a run
    /// come back to the grader.
    pub subreaper: bool,
    /// PID + network + mount + IPC namespaces can be created directly (root).
    pub namespaces: bool,
    /// Not root, but unprivileged user namespaces work: the namespaces hang off one.
    pub user_namespace: bool,
    /// The per-run cgroup flavour that could be created, if any.
    pub cgroup: Option<CgroupKind>,
    /// `pidfd_open` works (the main process's exit wakes `poll`).
    pub pidfd: bool,
    /// `close_range` works (else descriptors are closed one by one up to the limit).
    pub close_range: bool,
    /// The Linux proc connector can be subscribed to (exact fork counts, root in the initial PID
    /// namespace only).
    pub proc_connector: bool,
    /// ptrace on one's own child works: every process of a run is followed exactly.
    pub ptrace: bool,
    /// Why ptrace is not used, when it is not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ptrace_refused: Option<String>,
}

impl Probe {
    /// How a run's processes are counted here, and whether that count is exact.
    pub fn counting_method(&self) -> (&'static str, bool) {
        if self.ptrace {
            ("ptrace", true)
        } else if self.proc_connector {
            ("proc-connector", true)
        } else {
            ("sampling", false)
        }
    }
}

static PROBE: OnceLock<Probe> = OnceLock::new();

/// What the platform allows; probed on the first call, then cached for the life of the process.
pub fn probe() -> Probe {
    PROBE.get_or_init(detect).clone()
}

/// Layers switched off by `ATELIER_SANDBOX_DISABLE` (comma-separated: `namespaces`, `cgroup`, `uid`,
/// `connector`, `subreaper`, `ptrace`), to exercise the degraded paths on a machine that has
/// everything (and to measure what a layer costs).
pub const DISABLE_VAR: &str = "ATELIER_SANDBOX_DISABLE";

fn detect() -> Probe {
    super::workdir::remove_stale();
    let disabled = std::env::var(DISABLE_VAR).unwrap_or_default();
    let on = |layer: &str| !disabled.split(',').any(|d| d.trim() == layer);
    let root = nix::unistd::geteuid().is_root();
    let namespaces = on("namespaces") && cfg!(target_os = "linux") && syscalls::try_namespaces(false);
    // Without root the namespaces need a user namespace (the grader then writes the uid/gid maps
    // between clone and exec).
    let user_namespace = !root && !namespaces && on("namespaces") && syscalls::try_namespaces(true);
    // With a PID namespace its PID 1 adopts the run's orphans; the grader becomes a subreaper (a
    // process-wide setting: it would adopt the orphans of everything it starts) only without one.
    let subreaper = !(namespaces || user_namespace) && on("subreaper") && syscalls::set_child_subreaper();
    let ptrace = if on("ptrace") {
        super::ptrace::works()
    } else {
        Err(String::new())
    };
    Probe {
        root: root && on("uid"),
        subreaper,
        namespaces,
        user_namespace,
        cgroup: if on("cgroup") {
            super::cgroup::detect()
        } else {
            None
        },
        pidfd: syscalls::pidfd_works(),
        close_range: syscalls::close_range_works(),
        proc_connector: root && on("connector") && super::connector::works(),
        ptrace: on("ptrace") && ptrace.is_ok(),
        ptrace_refused: if on("ptrace") {
            ptrace.err()
        } else {
            Some(format!("switched off by {DISABLE_VAR}"))
        },
    }
}
