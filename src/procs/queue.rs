//! `Queue<T>`: many producers and many consumers in different processes, Python's
//! `multiprocessing.Queue`. Messages are framed on one pipe.
//!
//! Like CPython, writers take a lock around each message so that two large messages never
//! interleave; a message that fits in `PIPE_BUF` bytes is written by one atomic `write(2)` and needs
//! no lock. Readers take their own lock for a whole message (length, then body).
use std::cell::RefCell;
use std::marker::PhantomData;
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Error, Result};
use super::lock::Lock;
use super::wire;

/// A process-shared FIFO of `T`. Create it before forking; every process that got a copy may put and get.
pub struct Queue<T> {
    read: OwnedFd,
    write: OwnedFd,
    read_lock: Lock,
    write_lock: Lock,
    scratch: RefCell<Vec<u8>>,
    body: RefCell<Vec<u8>>,
    _items: PhantomData<fn(T) -> T>,
}

impl<T: Serialize + DeserializeOwned> Queue<T> {
    /// An empty queue.
    pub fn new() -> Result<Queue<T>> {
        let (read, write) = wire::pipe()?;
        Ok(Queue {
            read,
            write,
            read_lock: Lock::new()?,
            write_lock: Lock::new()?,
            scratch: RefCell::new(Vec::new()),
            body: RefCell::new(Vec::new()),
            _items: PhantomData,
        })
    }

    /// Adds a message; blocks while the pipe is full (a consumer must be reading).
    pub fn put(&self, value: &T) -> Result<()> {
        let mut buf = self.scratch.borrow_mut();
        buf.clear();
        wire::encode(&mut buf, value)?;
        if buf.len() <= libc::PIPE_BUF {
            return wire::write_all(self.write.as_raw_fd(), &buf, None);
        }
        let _guard = self.write_lock.acquire()?;
        wire::write_all(self.write.as_raw_fd(), &buf, None)
    }

    /// Takes the oldest message, waiting as long as needed.
    pub fn get(&self) -> Result<T> {
        self.get_until(None)
    }

    /// Takes the oldest message within `timeout`, else `Err(Timeout)` (Python's `queue.Empty`).
    pub fn get_timeout(&self, timeout: Duration) -> Result<T> {
        self.get_until(Some(Instant::now() + timeout))
    }

    fn get_until(&self, deadline: Option<Instant>) -> Result<T> {
        let guard = self.read_lock.acquire_until(deadline)?;
        let Some(_guard) = guard else {
            return Err(Error::Timeout);
        };
        let fd = self.read.as_raw_fd();
        let mut header = [0; wire::HEADER];
        if !wire::read_exact(fd, &mut header, deadline)? {
            return Err(Error::Disconnected);
        }
        let len = wire::frame_len(header);
        let mut body = self.body.borrow_mut();
        body.resize(len, 0);
        // Once the length is read the body is on its way: finish the frame whatever the deadline,
        // or the next reader would start in the middle of it.
        if !wire::read_exact(fd, &mut body, None)? && len > 0 {
            return Err(Error::Disconnected);
        }
        wire::decode(&body)
    }
}
