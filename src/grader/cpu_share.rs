//! Keeping a timing-sensitive run alone on the machine, across grader processes.
//!
//! Within one batch a timing-sensitive exercise gets a single worker. But two batches may run on
//! one machine (two shards, two exercises graded at once), so every grading run also holds a
//! machine-wide `flock` on one file: shared for an ordinary run, exclusive for a timing-sensitive
//! one. A timing-sensitive run therefore starts only when no other grading run is under way, and
//! none starts while it runs. The kernel drops the lock when the holder dies (even `kill -9`).
//! `atelier check`, a student's own feedback loop, does not take it.
use std::fs::File;
use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

use anyhow::Context;
use nix::fcntl::{Flock, FlockArg};

/// Held for the length of one run; released when dropped.
pub struct CpuShare {
    _lock: Flock<File>,
}

/// The lock file, in the temporary folder every grader on the machine shares.
fn lock_path() -> PathBuf {
    std::env::temp_dir().join("atelier-grading.lock")
}

/// Waits until this run may use the CPUs: alone (`exclusive`) or beside other ordinary runs.
pub fn acquire(exclusive: bool) -> anyhow::Result<CpuShare> {
    let path = lock_path();
    // `flock` needs no write access: a lock file another user created is opened read-only.
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(_) => {
            let file = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .with_context(|| format!("{}: cannot open the grading lock", path.display()))?;
            // Every grader on the machine, whatever its user, must be able to open it (best effort).
            let _ = file.set_permissions(std::fs::Permissions::from_mode(0o644));
            file
        }
    };
    let how = if exclusive {
        FlockArg::LockExclusive
    } else {
        FlockArg::LockShared
    };
    let lock = Flock::lock(file, how)
        .map_err(|(_, errno)| anyhow::anyhow!("{}: cannot take the grading lock: {errno}", path.display()))?;
    Ok(CpuShare { _lock: lock })
}
