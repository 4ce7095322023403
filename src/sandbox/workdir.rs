//! The run's fresh working folder: the request's files copied in, owned by the run's uid, removed
//! afterwards (std's `remove_dir_all` does not follow links the submission may have left).
//!
//! Layout: `atelier-run-<grader pid>-XXXX/` (root, 0711: others may pass through, not list), holding
//! `work/` (the program's folder, its uid, 0700) and `root/` (an empty mount point for the run's
//! private root).
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, bail};
use tempfile::TempDir;

const PREFIX: &str = "atelier-run-";
/// A folder this old whose grader is gone is left over from a crash, not a run in progress.
const STALE_AFTER: Duration = Duration::from_secs(3600);

/// Removes the run folders that graders which died (killed, power cut) left in the temporary folder.
/// Both conditions protect a live run: its grader's pid exists, and it is recent.
pub fn remove_stale() {
    let Ok(entries) = fs::read_dir(std::env::temp_dir()) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|r| r.split('-').next())
        else {
            continue;
        };
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > STALE_AFTER));
        if old && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// The run's folders; everything is removed on drop.
pub struct RunFolder {
    pub work: PathBuf,
    pub root: PathBuf,
    _base: TempDir,
}

/// Creates the folders and copies `files` in; `owner` is the run's uid and gid when it has one.
pub fn create(files: &[(String, PathBuf)], owner: Option<u32>) -> anyhow::Result<RunFolder> {
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let base = tempfile::Builder::new()
        .prefix(&prefix)
        .tempdir()
        .context("creating the run's working folder")?;
    fs::set_permissions(base.path(), fs::Permissions::from_mode(0o711))
        .with_context(|| format!("setting the mode of {}", base.path().display()))?;
    let root = base.path().join("root");
    fs::create_dir(&root).with_context(|| format!("creating {}", root.display()))?;
    let work = base.path().join("work");
    fs::create_dir(&work).with_context(|| format!("creating {}", work.display()))?;
    let dir = &work;
    for (name, source) in files {
        let relative = Path::new(name);
        let plain = relative.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || name.is_empty() {
            bail!("file name {name:?} for the run's folder must be a relative path without `..`");
        }
        let target = dir.join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            // Every folder created on the way belongs to the run, not only the last one.
            for folder in parent
                .ancestors()
                .take_while(|a| a.starts_with(dir) && *a != dir.as_path())
            {
                chown(folder, owner)?;
            }
        }
        fs::copy(source, &target)
            .with_context(|| format!("copying {} into the run's folder", source.display()))?;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644))
            .with_context(|| format!("setting the mode of {}", target.display()))?;
        chown(&target, owner)?;
    }
    fs::set_permissions(dir, fs::Permissions::from_mode(0o700))
        .with_context(|| format!("setting the mode of {}", dir.display()))?;
    chown(dir, owner)?;
    Ok(RunFolder {
        work,
        root,
        _base: base,
    })
}

fn chown(path: &Path, owner: Option<u32>) -> anyhow::Result<()> {
    if let Some(id) = owner {
        std::os::unix::fs::chown(path, Some(id), Some(id))
            .with_context(|| format!("giving {} to uid {id}", path.display()))?;
    }
    Ok(())
}
