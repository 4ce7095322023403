//! Reading a student's submission without following anything the student planted.
//!
//! The class folder is found with `lstat`, but a link or a FIFO can be swapped in between the
//! discovery and the read (a student still uploading, or on purpose). So the file itself is opened
//! with `O_NOFOLLOW` (a link is refused, never followed: a root grader must not copy `/etc/shadow`
//! into a run) and `O_NONBLOCK` (opening a FIFO must not hang the grader), then checked on the open
//! descriptor with `fstat` (a regular file, at most [`MAX_SUBMISSION_BYTES`]) and read from that
//! same descriptor: what was checked is what is read.
use std::fs::File;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::Path;

/// A submission bigger than this is not a student's program (and would swell the grader).
pub const MAX_SUBMISSION_BYTES: u64 = 1 << 20;

/// Why a submission was not read.
#[derive(Debug, thiserror::Error)]
pub enum SubmissionFileError {
    #[error("{path}: a symbolic link: a submission must be a real file (links are never followed)")]
    Link { path: String },
    #[error("{path}: not a regular file ({kind}): refused")]
    NotRegular { path: String, kind: &'static str },
    #[error("{path}: {size} bytes, more than the {max} bytes (1 MiB) a submission may have")]
    TooLarge { path: String, size: u64, max: u64 },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

/// Opens `path` without following a final link, checks it is a regular file of at most
/// [`MAX_SUBMISSION_BYTES`], and reads it from the same descriptor.
pub fn read(path: &Path) -> Result<Vec<u8>, SubmissionFileError> {
    let shown = || path.display().to_string();
    let io = |source: std::io::Error| SubmissionFileError::Io {
        path: shown(),
        source,
    };
    let file = File::options()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .map_err(|err| match err.raw_os_error() {
            // What O_NOFOLLOW answers when the last component is a link.
            Some(libc::ELOOP) => SubmissionFileError::Link { path: shown() },
            _ => io(err),
        })?;
    let meta = file.metadata().map_err(io)?;
    let kind = meta.file_type();
    if !kind.is_file() {
        let kind = if kind.is_fifo() {
            "a named pipe (FIFO)"
        } else if kind.is_dir() {
            "a folder"
        } else if kind.is_socket() {
            "a socket"
        } else if kind.is_char_device() || kind.is_block_device() {
            "a device"
        } else {
            "not a plain file"
        };
        return Err(SubmissionFileError::NotRegular { path: shown(), kind });
    }
    if meta.len() > MAX_SUBMISSION_BYTES {
        return Err(too_large(shown(), meta.len()));
    }
    // The file may grow after the fstat: never read more than the cap (and one byte to know).
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_SUBMISSION_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > MAX_SUBMISSION_BYTES {
        return Err(too_large(shown(), bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(path: String, size: u64) -> SubmissionFileError {
    SubmissionFileError::TooLarge {
        path,
        size,
        max: MAX_SUBMISSION_BYTES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ok.py");
        std::fs::write(&path, "print(1)\n").unwrap();
        assert_eq!(read(&path).unwrap(), b"print(1)\n");
    }

    #[test]
    fn refuses_a_link_without_following_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("secret");
        std::fs::write(&target, "secret").unwrap();
        let link = dir.path().join("sub.py");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let err = read(&link).unwrap_err();
        assert!(matches!(err, SubmissionFileError::Link { .. }), "{err:?}");
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert!(!err.to_string().contains("secret\""), "{err}");
    }

    #[test]
    fn refuses_a_fifo_without_hanging() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("sub.py");
        nix::unistd::mkfifo(&fifo, nix::sys::stat::Mode::S_IRWXU).unwrap();
        // No writer: a blocking open would wait forever; this one returns at once.
        let err = read(&fifo).unwrap_err();
        assert!(
            matches!(
                err,
                SubmissionFileError::NotRegular {
                    kind: "a named pipe (FIFO)",
                    ..
                }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn refuses_a_folder_and_an_oversized_file() {
        let dir = tempfile::tempdir().unwrap();
        let err = read(dir.path()).unwrap_err();
        assert!(
            matches!(err, SubmissionFileError::NotRegular { kind: "a folder", .. }),
            "{err:?}"
        );
        let big = dir.path().join("big.py");
        std::fs::write(&big, vec![b'#'; MAX_SUBMISSION_BYTES as usize + 1]).unwrap();
        let err = read(&big).unwrap_err();
        assert!(err.to_string().contains("1048576 bytes (1 MiB)"), "{err}");
        // Exactly at the cap is fine.
        std::fs::write(&big, vec![b'#'; MAX_SUBMISSION_BYTES as usize]).unwrap();
        assert_eq!(read(&big).unwrap().len(), MAX_SUBMISSION_BYTES as usize);
    }
}
