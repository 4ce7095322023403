//! Writing a whole file so that a crash never leaves half of it: a temporary file in the same folder
//! (so the rename stays on one file system), flushed to disk, then renamed over the destination.
use std::fs;
use std::io::Write;
use std::path::Path;

use anyhow::Context;

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    let mut tmp = temp_in(dir, ".atelier-")?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path)
        .with_context(|| format!("{}: cannot write", path.display()))?;
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
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))
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
