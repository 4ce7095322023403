//! The grading lock: keeping a timing-sensitive run alone on the machine, across grader processes.
//!
//! Within one batch a timing-sensitive exercise gets a single worker. But two batches may run on
//! one machine (two shards, two exercises graded at once), so every grading run also holds a
//! `flock` on one file: shared for an ordinary run, exclusive for a timing-sensitive one. A
//! timing-sensitive run therefore starts only when no other grading run is under way, and none
//! starts while it runs. The kernel drops the lock when the holder dies (even `kill -9`).
//! `atelier check`, a student's own feedback loop, does not take it.
//!
//! Where: never in a folder others can write (a fixed name in `/tmp` lets any local user hold the
//! lock and stall every grader, or plant a link). As root, `/run/atelier`; otherwise the user's
//! runtime folder (`$XDG_RUNTIME_DIR/atelier`), else the user's state folder
//! (`$XDG_STATE_HOME/atelier`, `~/.local/state/atelier`). The folder is created `0700` and checked
//! (ours, a real folder, writable by nobody else); the file is opened with `O_NOFOLLOW`. So the lock
//! coordinates the graders of one user — on a grading server, the one account that grades.
use std::fs::{DirBuilder, File};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use anyhow::Context;
use nix::fcntl::{Flock, FlockArg};

use crate::i18n::{OrFail, fail};
use crate::msg;

/// Held for the length of one run; released when dropped.
pub struct GradingLock {
    _lock: Flock<File>,
}

/// The folder of the lock file (see the module documentation).
fn lock_dir() -> anyhow::Result<PathBuf> {
    if nix::unistd::geteuid().is_root() {
        return Ok(PathBuf::from("/run/atelier"));
    }
    use etcetera::BaseStrategy;
    let base =
        etcetera::choose_base_strategy().context("cannot find the home folder for the grading lock")?;
    let dir = base
        .runtime_dir()
        .or_else(|| base.state_dir())
        .unwrap_or_else(|| base.data_dir());
    Ok(dir.join("atelier"))
}

/// Creates `dir` (`0700`) if needed and checks that only this user can write in it.
fn private_dir(dir: &Path) -> anyhow::Result<()> {
    if let Some(parent) = dir.parent() {
        // The parents are the user's own (their runtime or state folder) or `/run`.
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .or_fail(|| msg!("file-create-folder", path = parent.display().to_string()))?;
    }
    match DirBuilder::new().mode(0o700).create(dir) {
        Ok(()) => {}
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(err) => {
            return Err(err).or_fail(|| msg!("file-create-folder", path = dir.display().to_string()));
        }
    }
    let meta =
        std::fs::symlink_metadata(dir).or_fail(|| msg!("file-read", path = dir.display().to_string()))?;
    let me = nix::unistd::geteuid().as_raw();
    if !meta.file_type().is_dir() {
        return fail(msg!("lock-not-folder", path = dir.display().to_string()));
    }
    if meta.uid() != me || meta.mode() & 0o022 != 0 {
        return fail(msg!(
            "lock-foreign-folder",
            path = dir.display().to_string(),
            uid = meta.uid(),
            mode = format!("{:o}", meta.mode() & 0o7777),
            me = me
        ));
    }
    Ok(())
}

/// Waits until this run may use the CPUs: alone (`exclusive`) or beside other ordinary runs.
pub fn acquire(exclusive: bool) -> anyhow::Result<GradingLock> {
    let dir = lock_dir()?;
    private_dir(&dir)?;
    let path = dir.join("grading.lock");
    let file = File::options()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK)
        .open(&path)
        .or_fail(|| msg!("lock-open", path = path.display().to_string()))?;
    let how = if exclusive {
        FlockArg::LockExclusive
    } else {
        FlockArg::LockShared
    };
    let lock = Flock::lock(file, how)
        .map_err(|(_, errno)| std::io::Error::from(errno))
        .or_fail(|| msg!("lock-take", path = path.display().to_string()))?;
    Ok(GradingLock { _lock: lock })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_folder_others_can_write_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let lock_dir = dir.path().join("atelier");
        private_dir(&lock_dir).unwrap();
        let mode = std::fs::metadata(&lock_dir).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
        std::fs::set_permissions(&lock_dir, std::fs::Permissions::from_mode(0o777)).unwrap();
        let err = private_dir(&lock_dir).unwrap_err().to_string();
        assert!(err.contains("writable by no one else"), "{err}");
        // A link planted where the folder should be is refused, not followed.
        let link = dir.path().join("planted");
        std::os::unix::fs::symlink(dir.path(), &link).unwrap();
        let err = private_dir(&link).unwrap_err().to_string();
        assert!(err.contains("not a folder"), "{err}");
    }
}
