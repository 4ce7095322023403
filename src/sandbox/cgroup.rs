//! One cgroup per run: totals (CPU, peak memory), hard limits (tasks, memory without swap) and the
//! list of every process of the run for teardown, whatever sessions or parents it made for itself.
//!
//! cgroup v2 when the host has a writable unified hierarchy, else the v1 `pids`, `memory` and
//! `cpuacct` controllers of hybrid hosts. Each run's group is created inside the grader's own group
//! (what a container or a systemd unit delegates) and removed after the run.
use std::fs;
use std::io;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CgroupKind {
    V1,
    V2,
}

const ROOT: &str = "/sys/fs/cgroup";
const V1_CONTROLLERS: [&str; 3] = ["pids", "memory", "cpuacct"];

/// A run's cgroup (one directory per controller in v1, one in v2); removed on drop.
#[derive(Debug)]
pub struct RunCgroup {
    kind: CgroupKind,
    /// v1: pids, memory, cpuacct (in that order, cpuacct may be missing). v2: the one directory.
    dirs: Vec<PathBuf>,
}

static SERIAL: AtomicU64 = AtomicU64::new(0);

/// A number fixed for the life of this grader process, different from other graders' (the clock's
/// nanoseconds at the first call, mixed with the pid).
fn nonce() -> u32 {
    static NONCE: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *NONCE.get_or_init(|| {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32));
        nanos.rotate_left(13) ^ std::process::id().wrapping_mul(0x9e37_79b9)
    })
}

/// The grader's own group for a v1 controller (or the v2 hierarchy when `controller` is empty).
fn own_group(controller: &str) -> Option<PathBuf> {
    let text = fs::read_to_string("/proc/self/cgroup").ok()?;
    for line in text.lines() {
        let mut parts = line.splitn(3, ':');
        let (_, names, path) = (parts.next()?, parts.next()?, parts.next()?);
        let matches = if controller.is_empty() {
            names.is_empty()
        } else {
            names.split(',').any(|n| n == controller)
        };
        if matches {
            let base = if controller.is_empty() {
                PathBuf::from(ROOT)
            } else {
                Path::new(ROOT).join(controller)
            };
            return Some(base.join(path.trim_start_matches('/')));
        }
    }
    None
}

/// Which flavour can be created here (tried for real with a throw-away group).
pub fn detect() -> Option<CgroupKind> {
    for kind in [CgroupKind::V2, CgroupKind::V1] {
        if let Ok(group) = RunCgroup::create_named(
            kind,
            &format!("atelier-probe-{}-{:08x}", std::process::id(), nonce()),
        ) {
            for dir in &group.dirs {
                if let Some(parent) = dir.parent() {
                    remove_stale(parent);
                }
            }
            drop(group);
            return Some(kind);
        }
    }
    None
}

/// A group this old whose grader is gone is left over from a crash, not a run in progress (a run
/// lasts its wall-clock limit at most).
const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(3600);

/// An empty group younger than this may belong to a run being set up (created, its child not in it
/// yet) by a grader this one cannot see: one in another PID namespace, whose pid means nothing
/// here. Never removed then.
const EMPTY_STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(60);

/// Removes the groups a grader that died (killed, power cut) left behind: named after a pid that
/// no longer exists. Without a PID namespace the run's processes may have outlived their grader in
/// such a group; once the group is old enough to be surely abandoned, they are killed first.
fn remove_stale(parent: &Path) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix("atelier-")) else {
            continue;
        };
        let owner = rest
            .trim_start_matches("probe-")
            .split('-')
            .next()
            .and_then(|p| p.parse::<u32>().ok());
        let Some(pid) = owner else { continue };
        if Path::new(&format!("/proc/{pid}")).exists() {
            continue;
        }
        let age = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .unwrap_or_default();
        if age < EMPTY_STALE_AFTER {
            continue;
        }
        if age > STALE_AFTER {
            for _ in 0..100 {
                let Ok(text) = fs::read_to_string(entry.path().join("cgroup.procs")) else {
                    break;
                };
                let pids: Vec<libc::pid_t> = text.lines().filter_map(|l| l.trim().parse().ok()).collect();
                if pids.is_empty() {
                    break;
                }
                let group = name.to_string_lossy();
                for pid in pids {
                    super::signal::send_if(pid, libc::SIGKILL, |p| super::signal::in_cgroup(p, &group));
                }
                std::thread::sleep(std::time::Duration::from_millis(1));
            }
        }
        let _ = fs::remove_dir(entry.path());
    }
}

impl RunCgroup {
    /// A fresh, empty group for one run.
    ///
    /// Named after the grader's pid (for the stale-group sweep), a nonce (graders in different
    /// PID namespaces may have the same pid and share the hierarchy) and a serial.
    pub fn create(kind: CgroupKind) -> io::Result<Self> {
        let name = format!(
            "atelier-{}-{:08x}-{}",
            std::process::id(),
            nonce(),
            SERIAL.fetch_add(1, Ordering::Relaxed)
        );
        Self::create_named(kind, &name)
    }

    fn create_named(kind: CgroupKind, name: &str) -> io::Result<Self> {
        let mut group = RunCgroup {
            kind,
            dirs: Vec::new(),
        };
        match kind {
            CgroupKind::V2 => {
                if !Path::new(ROOT).join("cgroup.controllers").exists() {
                    return Err(io::Error::other("no unified cgroup hierarchy"));
                }
                let parent =
                    own_group("").ok_or_else(|| io::Error::other("no v2 group in /proc/self/cgroup"))?;
                let dir = parent.join(name);
                fs::create_dir(&dir)?;
                group.dirs.push(dir);
                let controllers = fs::read_to_string(group.dirs[0].join("cgroup.controllers"))?;
                if !(controllers.contains("pids") && controllers.contains("memory")) {
                    return Err(io::Error::other("pids and memory controllers are not delegated"));
                }
            }
            CgroupKind::V1 => {
                for controller in V1_CONTROLLERS {
                    let Some(parent) = own_group(controller) else {
                        if controller == "cpuacct" {
                            continue;
                        }
                        return Err(io::Error::other(format!("no v1 {controller} controller")));
                    };
                    let dir = parent.join(name);
                    match fs::create_dir(&dir) {
                        Ok(()) => group.dirs.push(dir),
                        Err(_) if controller == "cpuacct" => {}
                        Err(err) => return Err(err),
                    }
                }
            }
        }
        Ok(group)
    }

    /// The group's directory name (the same under every controller).
    pub fn name(&self) -> &str {
        self.dirs[0].file_name().and_then(|n| n.to_str()).unwrap_or("")
    }

    pub fn kind(&self) -> CgroupKind {
        self.kind
    }

    /// Sets the task limit and the memory limit (swap included, so a memory bomb cannot hide in swap).
    pub fn set_limits(&self, tasks: u32, memory_bytes: u64) -> io::Result<()> {
        match self.kind {
            CgroupKind::V2 => {
                let dir = &self.dirs[0];
                fs::write(dir.join("pids.max"), tasks.to_string())?;
                fs::write(dir.join("memory.max"), memory_bytes.to_string())?;
                // Not every kernel has swap accounting; without it there is no swap to hide in either.
                let _ = fs::write(dir.join("memory.swap.max"), "0");
            }
            CgroupKind::V1 => {
                fs::write(self.dirs[0].join("pids.max"), tasks.to_string())?;
                fs::write(
                    self.dirs[1].join("memory.limit_in_bytes"),
                    memory_bytes.to_string(),
                )?;
                let memsw = self.dirs[1].join("memory.memsw.limit_in_bytes");
                if memsw.exists() {
                    fs::write(memsw, memory_bytes.to_string())?;
                }
            }
        }
        Ok(())
    }

    /// The files the child writes `0` (itself) into before anything else, opened beforehand.
    ///
    /// On v1 that is `tasks`, not `cgroup.procs`: moving only the calling thread (the child is
    /// single-threaded, so that is the whole process) lets the kernel skip the global threadgroup
    /// lock, whose write side waits for an RCU grace period — 5 to 15 ms per run, more on a loaded
    /// machine.
    pub fn procs_files(&self) -> io::Result<Vec<OwnedFd>> {
        let name = match self.kind {
            CgroupKind::V1 => "tasks",
            CgroupKind::V2 => "cgroup.procs",
        };
        self.dirs
            .iter()
            .map(|dir| {
                Ok(OwnedFd::from(
                    fs::OpenOptions::new().write(true).open(dir.join(name))?,
                ))
            })
            .collect()
    }

    /// Every process in the group now (host pids).
    pub fn pids(&self) -> Vec<libc::pid_t> {
        fs::read_to_string(self.dirs[0].join("cgroup.procs"))
            .map(|text| text.lines().filter_map(|l| l.trim().parse().ok()).collect())
            .unwrap_or_default()
    }

    /// CPU seconds of every process the run ever had, reaped or not.
    pub fn cpu_s(&self) -> Option<f64> {
        match self.kind {
            CgroupKind::V2 => {
                let text = fs::read_to_string(self.dirs[0].join("cpu.stat")).ok()?;
                let usec: f64 = stat_value(&text, "usage_usec")? as f64;
                Some(usec / 1e6)
            }
            CgroupKind::V1 => {
                let dir = self.dirs.get(2)?;
                let ns: f64 = fs::read_to_string(dir.join("cpuacct.usage"))
                    .ok()?
                    .trim()
                    .parse()
                    .ok()?;
                Some(ns / 1e9)
            }
        }
    }

    /// Peak memory of the whole run (page cache included), in bytes.
    pub fn memory_peak(&self) -> Option<u64> {
        let file = match self.kind {
            CgroupKind::V2 => self.dirs[0].join("memory.peak"),
            CgroupKind::V1 => self.dirs[1].join("memory.max_usage_in_bytes"),
        };
        fs::read_to_string(file).ok()?.trim().parse().ok()
    }

    /// How many processes the kernel's OOM killer killed in the group.
    pub fn oom_kills(&self) -> u64 {
        let (file, key) = match self.kind {
            CgroupKind::V2 => (self.dirs[0].join("memory.events"), "oom_kill"),
            CgroupKind::V1 => (self.dirs[1].join("memory.oom_control"), "oom_kill"),
        };
        fs::read_to_string(file)
            .ok()
            .and_then(|t| stat_value(&t, key))
            .unwrap_or(0)
    }

    /// How many times a fork or thread creation failed on the task limit.
    pub fn task_limit_hits(&self) -> u64 {
        fs::read_to_string(self.dirs[0].join("pids.events"))
            .ok()
            .and_then(|t| stat_value(&t, "max"))
            .unwrap_or(0)
    }

    /// The most tasks the group held at once (`pids.peak`, Linux 6.1+), PID 1 included.
    pub fn task_peak(&self) -> Option<u32> {
        fs::read_to_string(self.dirs[0].join("pids.peak"))
            .ok()?
            .trim()
            .parse()
            .ok()
    }

    /// v2's `cgroup.kill`: SIGKILL to every process of the group at once, forks in flight included.
    /// Returns false on v1 (the caller kills pid by pid).
    pub fn kill(&self) -> bool {
        self.kind == CgroupKind::V2 && fs::write(self.dirs[0].join("cgroup.kill"), "1").is_ok()
    }
}

impl Drop for RunCgroup {
    fn drop(&mut self) {
        for dir in &self.dirs {
            // A group empties a moment after its last process is reaped; retry briefly.
            for _ in 0..200 {
                match fs::remove_dir(dir) {
                    Err(err) if err.raw_os_error() == Some(libc::EBUSY) => {
                        std::thread::sleep(std::time::Duration::from_millis(1))
                    }
                    _ => break,
                }
            }
        }
    }
}

/// `key value` lines (cpu.stat, memory.events, pids.events, memory.oom_control).
fn stat_value(text: &str, key: &str) -> Option<u64> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(' ')?;
        (k == key).then(|| v.trim().parse().ok()).flatten()
    })
}
