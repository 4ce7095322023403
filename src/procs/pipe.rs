//! `Pipe`: two connected ends that `send` and `recv` whole messages, Python's `multiprocessing.Pipe`.
//! Duplex pairs are a Unix socket pair; one-way pairs a plain pipe. Each end buffers what it reads,
//! so many small messages cost few system calls.
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Error, Result};
use super::wire;

/// One end of a pipe. Create the pair before forking; each process then uses one end and drops the
/// other (an end still open in some process keeps the other side from seeing end-of-file).
#[derive(Debug)]
pub struct Connection {
    fd: OwnedFd,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    scratch: Vec<u8>,
}

/// Constructors of connected pairs.
pub struct Pipe;

impl Pipe {
    /// A duplex pair: both ends send and receive (Python's `Pipe()`).
    pub fn duplex() -> Result<(Connection, Connection)> {
        let mut fds = [0; 2];
        // SAFETY: `fds` is a valid array of two ints for socketpair to fill.
        let r = unsafe {
            libc::socketpair(
                libc::AF_UNIX,
                libc::SOCK_STREAM | libc::SOCK_CLOEXEC,
                0,
                fds.as_mut_ptr(),
            )
        };
        if r != 0 {
            return Err(io::Error::last_os_error().into());
        }
        // SAFETY: two fresh descriptors owned by nobody else.
        let (a, b) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        Ok((Connection::new(a), Connection::new(b)))
    }

    /// A one-way pair `(receiver, sender)` (Python's `Pipe(duplex=False)`).
    pub fn simplex() -> Result<(Connection, Connection)> {
        let (r, w) = wire::pipe()?;
        Ok((Connection::new(r), Connection::new(w)))
    }
}

const READ_CHUNK: usize = 64 * 1024;

impl Connection {
    fn new(fd: OwnedFd) -> Connection {
        Connection {
            fd,
            buf: vec![0; READ_CHUNK],
            start: 0,
            end: 0,
            scratch: Vec::new(),
        }
    }

    /// Sends one message (one `write` for messages up to the pipe's buffer).
    pub fn send<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<()> {
        self.scratch.clear();
        wire::encode(&mut self.scratch, value)?;
        wire::write_all(self.fd.as_raw_fd(), &self.scratch, None)
    }

    /// Receives one message, waiting as long as needed. `Err(Disconnected)` when every sender is gone.
    pub fn recv<T: DeserializeOwned>(&mut self) -> Result<T> {
        self.recv_until(None)
    }

    /// Receives one message within `timeout`, else `Err(Timeout)`.
    pub fn recv_timeout<T: DeserializeOwned>(&mut self, timeout: Duration) -> Result<T> {
        self.recv_until(Some(Instant::now() + timeout))
    }

    /// True when a message (or end of file) is waiting, within `timeout` (Python's `poll`).
    pub fn poll(&mut self, timeout: Duration) -> Result<bool> {
        if self.end > self.start {
            return Ok(true);
        }
        match wire::wait_ready(self.fd.as_raw_fd(), libc::POLLIN, Some(Instant::now() + timeout)) {
            Ok(()) => Ok(true),
            Err(Error::Timeout) => Ok(false),
            Err(e) => Err(e),
        }
    }

    fn recv_until<T: DeserializeOwned>(&mut self, deadline: Option<Instant>) -> Result<T> {
        self.fill_to(wire::HEADER, deadline)?;
        let header: [u8; wire::HEADER] = self.buf[self.start..self.start + wire::HEADER]
            .try_into()
            .unwrap();
        let len = wire::frame_len(header);
        self.fill_to(wire::HEADER + len, deadline)?;
        let body = &self.buf[self.start + wire::HEADER..self.start + wire::HEADER + len];
        let value = wire::decode(body);
        self.start += wire::HEADER + len;
        value
    }

    /// Makes at least `need` unread bytes available in the buffer.
    fn fill_to(&mut self, need: usize, deadline: Option<Instant>) -> Result<()> {
        if self.end - self.start >= need {
            return Ok(());
        }
        // Move what is left to the front, and grow for a large message.
        self.buf.copy_within(self.start..self.end, 0);
        self.end -= self.start;
        self.start = 0;
        if self.buf.len() < need {
            self.buf.resize(need.max(READ_CHUNK), 0);
        }
        while self.end < need {
            let n = wire::read_some(self.fd.as_raw_fd(), &mut self.buf[self.end..], deadline)?;
            if n == 0 {
                return Err(Error::Disconnected);
            }
            self.end += n;
        }
        Ok(())
    }

    /// The underlying descriptor (to poll it with others).
    pub fn as_raw_fd(&self) -> RawFd {
        self.fd.as_raw_fd()
    }
}
