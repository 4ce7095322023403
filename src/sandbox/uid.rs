//! A dedicated unprivileged uid per run (when the grader is root).
//!
//! One uid per *concurrent* run, not one for all: `RLIMIT_NPROC` counts every process of the uid, and
//! `kill(-1, …)` reaches every process of the uid, so two runs sharing a uid could starve or kill each
//! other. A slot is claimed with an exclusive `flock` on a file, which also keeps separate grader
//! processes (two `atelier grade` at once) apart; the kernel drops the lock if the grader dies.
use std::collections::HashMap;
use std::fs::{self, File};
use std::io;
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;
use std::sync::{LazyLock, Mutex};

/// The first uid (and gid) used; chosen above the range distributions give to people and services,
/// and checked to have no passwd entry.
pub const BASE: u32 = 64_200;
/// How many runs may be confined at once on one machine.
pub const SLOTS: u32 = 256;

const LOCK_DIR: &str = "/run/atelier-sandbox";

/// A claimed uid; released when dropped.
#[derive(Debug)]
pub struct UidSlot {
    pub uid: u32,
    _lock: File,
}

/// Claims a free uid, or says why none could be had.
pub fn claim() -> io::Result<UidSlot> {
    let dir = Path::new(LOCK_DIR);
    if !dir.exists() {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir)?;
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))?;
    // Start at a different slot in each grader process so parallel graders rarely contend.
    let start = std::process::id() % SLOTS;
    for i in 0..SLOTS {
        let uid = BASE + (start + i) % SLOTS;
        if has_passwd_entry(uid) {
            continue;
        }
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(dir.join(format!("uid-{uid}.lock")))?;
        // SAFETY: flock on a descriptor we own; LOCK_NB never blocks.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
            return Ok(UidSlot { uid, _lock: file });
        }
    }
    Err(io::Error::other(format!(
        "all {SLOTS} sandbox uids from {BASE} are in use"
    )))
}

/// Whether `uid` belongs to someone (asked once per uid per process: a lookup may read files or
/// ask a directory service).
fn has_passwd_entry(uid: u32) -> bool {
    static KNOWN: LazyLock<Mutex<HashMap<u32, bool>>> = LazyLock::new(Default::default);
    let mut known = KNOWN.lock().unwrap_or_else(|e| e.into_inner());
    *known.entry(uid).or_insert_with(|| {
        nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
            .map(|u| u.is_some())
            .unwrap_or(true)
    })
}
