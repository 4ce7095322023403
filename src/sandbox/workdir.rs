//! The run's fresh working folder: the request's files copied in, owned by the run's uid, removed
//! afterwards (std's `remove_dir_all` does not follow links the submission may have left).
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Component, Path};

use anyhow::{Context, bail};
use tempfile::TempDir;

/// Creates the folder and copies `files` in; `owner` is the run's uid and gid when it has one.
pub fn create(files: &[(String, std::path::PathBuf)], owner: Option<u32>) -> anyhow::Result<TempDir> {
    let dir = tempfile::Builder::new()
        .prefix("atelier-run-")
        .tempdir()
        .context("creating the run's working folder")?;
    for (name, source) in files {
        let relative = Path::new(name);
        let plain = relative.components().all(|c| matches!(c, Component::Normal(_)));
        if !plain || name.is_empty() {
            bail!("file name {name:?} for the run's folder must be a relative path without `..`");
        }
        let target = dir.path().join(relative);
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            chown(parent, owner)?;
        }
        fs::copy(source, &target)
            .with_context(|| format!("copying {} into the run's folder", source.display()))?;
        fs::set_permissions(&target, fs::Permissions::from_mode(0o644))
            .with_context(|| format!("setting the mode of {}", target.display()))?;
        chown(&target, owner)?;
    }
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700))
        .with_context(|| format!("setting the mode of {}", dir.path().display()))?;
    chown(dir.path(), owner)?;
    Ok(dir)
}

fn chown(path: &Path, owner: Option<u32>) -> anyhow::Result<()> {
    if let Some(id) = owner {
        std::os::unix::fs::chown(path, Some(id), Some(id))
            .with_context(|| format!("giving {} to uid {id}", path.display()))?;
    }
    Ok(())
}
