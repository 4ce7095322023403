//! Writing a whole file so that a crash never leaves half of it: a temporary file in the same folder
//! (so the rename stays on one file system), flushed to disk, then renamed over the destination.
use std::fs;
use std::io::Write;
use std::path::Path;

use std::path::PathBuf;

use tempfile::NamedTempFile;

use crate::i18n::OrFail;
use crate::msg;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let mut tmp = temp_beside(path, ".atelier-")?;
    tmp.write_all(bytes)?;
    persist(tmp, path)
}

/// Creates `dir` and its parents if missing.
pub fn create_folder(dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir).or_fail(|| msg!("file-create-folder", path = dir.display().to_string()))
}

/// The folder a file at `path` goes in (`.` for a bare name), created if missing.
fn folder_of(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    create_folder(&dir)?;
    Ok(dir)
}

/// A temporary file in `path`'s folder (so that the final rename stays on one file system), for
/// [`persist`] to rename over `path` once it is whole.
pub fn temp_beside(path: &Path, prefix: &str) -> anyhow::Result<NamedTempFile> {
    temp_in(&folder_of(path)?, prefix)
}

/// Flushes a whole temporary file to disk and renames it over `path`.
pub fn persist(tmp: NamedTempFile, path: &Path) -> anyhow::Result<()> {
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .map_err(|e| e.error)
        .or_fail(|| msg!("file-write", path = path.display().to_string()))?;
    Ok(())
}

/// A temporary file in `dir` created with mode 0666 less the user's umask, as a plain `create`
/// would (tempfile's default 0600 would make a gradebook export unreadable to the user's group).
pub fn temp_in(dir: &Path, prefix: &str) -> anyhow::Result<tempfile::NamedTempFile> {
    use std::os::unix::fs::PermissionsExt;
    tempfile::Builder::new()
        .prefix(prefix)
        .permissions(fs::Permissions::from_mode(0o666))
        .tempfile_in(dir)
        .or_fail(|| msg!("file-temp", path = dir.display().to_string()))
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn written_files_follow_the_umask_not_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        super::write_atomic(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // The test process's umask is whatever it inherited; group or other bits beyond 0600 show
        // that 0666 was asked for, unless the umask is 077 (then both give 0600).
        let umask = std::fs::read_to_string("/proc/self/status")
            .ok()
            .and_then(|s| {
                s.lines().find_map(|l| {
                    l.strip_prefix("Umask:")
                        .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
                })
            })
            .expect("Linux reports the umask in /proc/self/status");
        assert_eq!(mode, 0o666 & !umask);
    }
}
