//! Lines from several child pipes as they come, with `poll`, so that the caller can narrate them live,
//! keep a time limit and notice Ctrl-C between two waits (a blocking `read` would do none of these).
use std::fs::File;
use std::io::{self, Read};
use std::os::fd::{AsFd, OwnedFd};
use std::time::Duration;

use nix::errno::Errno;
use nix::poll::{PollFd, PollFlags, PollTimeout, poll};

/// Several pipes read line by line; each line tagged with the index of its pipe.
pub struct PipeLines {
    sources: Vec<Source>,
}

struct Source {
    file: File,
    pending: Vec<u8>,
    open: bool,
}

impl PipeLines {
    pub fn new(pipes: impl IntoIterator<Item = OwnedFd>) -> Self {
        PipeLines {
            sources: pipes
                .into_iter()
                .map(|fd| Source {
                    file: File::from(fd),
                    pending: Vec::new(),
                    open: true,
                })
                .collect(),
        }
    }

    /// Waits at most `wait` and returns the complete lines that arrived (maybe none: then the caller
    /// checks its clock and Ctrl-C and calls again). `None` once every pipe is closed and drained.
    pub fn next_batch(&mut self, wait: Duration) -> io::Result<Option<Vec<(usize, String)>>> {
        let open: Vec<usize> = (0..self.sources.len())
            .filter(|&i| self.sources[i].open)
            .collect();
        if open.is_empty() {
            return Ok(None);
        }
        let ready: Vec<usize> = {
            let mut fds: Vec<PollFd> = open
                .iter()
                .map(|&i| PollFd::new(self.sources[i].file.as_fd(), PollFlags::POLLIN))
                .collect();
            let timeout =
                PollTimeout::try_from(wait.as_millis().min(60_000) as i32).unwrap_or(PollTimeout::MAX);
            match poll(&mut fds, timeout) {
                // A signal (Ctrl-C) woke us: the caller looks at why.
                Err(Errno::EINTR) => return Ok(Some(Vec::new())),
                Err(e) => return Err(e.into()),
                Ok(_) => {}
            }
            open.iter()
                .zip(&fds)
                .filter(|(_, fd)| fd.revents().is_some_and(|r| !r.is_empty()))
                .map(|(&i, _)| i)
                .collect()
        };
        let mut lines = Vec::new();
        for i in ready {
            let source = &mut self.sources[i];
            let mut buf = [0u8; 8192];
            let n = match source.file.read(&mut buf) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
                Ok(n) => n,
            };
            if n == 0 {
                source.open = false;
                if !source.pending.is_empty() {
                    let rest = std::mem::take(&mut source.pending);
                    lines.push((i, String::from_utf8_lossy(&rest).into_owned()));
                }
                continue;
            }
            source.pending.extend_from_slice(&buf[..n]);
            while let Some(pos) = source.pending.iter().position(|&b| b == b'\n') {
                let line: Vec<u8> = source.pending.drain(..=pos).collect();
                let text = String::from_utf8_lossy(&line[..line.len() - 1]);
                lines.push((i, text.trim_end_matches('\r').to_owned()));
            }
        }
        Ok(Some(lines))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn lines_from_two_pipes_then_end() {
        let (r1, mut w1) = io::pipe().unwrap();
        let (r2, mut w2) = io::pipe().unwrap();
        let mut lines = PipeLines::new([OwnedFd::from(r1), OwnedFd::from(r2)]);
        w1.write_all(b"one\ntw").unwrap();
        w2.write_all(b"deux\n").unwrap();
        let mut got = Vec::new();
        while got.len() < 2 {
            got.extend(lines.next_batch(Duration::from_millis(100)).unwrap().unwrap());
        }
        got.sort();
        assert_eq!(got, vec![(0, "one".to_owned()), (1, "deux".to_owned())]);
        w1.write_all(b"o").unwrap();
        drop(w1);
        drop(w2);
        let mut rest = Vec::new();
        while let Some(batch) = lines.next_batch(Duration::from_millis(100)).unwrap() {
            rest.extend(batch);
        }
        assert_eq!(rest, vec![(0, "two".to_owned())]);
    }
}
