//! Framing: every message on a pipe is a little-endian `u32` length followed by its postcard bytes,
//! so a reader always knows where one message ends; and the raw descriptor reads and writes under
//! it, which honour deadlines and Ctrl-C.
use std::io;
use std::os::fd::RawFd;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Error, Result};
use super::interrupt;
use super::reap::poll_one;

/// Bytes of the length prefix.
pub const HEADER: usize = 4;

/// Appends one frame (length, then `value` in postcard) to `buf`.
pub fn encode<T: Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<()> {
    let start = buf.len();
    buf.extend_from_slice(&[0; HEADER]);
    let taken = std::mem::take(buf);
    *buf = postcard::to_extend(value, taken)?;
    let len =
        u32::try_from(buf.len() - start - HEADER).map_err(|_| io::Error::other("message over 4 GiB"))?;
    buf[start..start + HEADER].copy_from_slice(&len.to_le_bytes());
    Ok(())
}

/// Decodes a frame's body.
pub fn decode<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    Ok(postcard::from_bytes(body)?)
}

/// The length announced by a header.
pub fn frame_len(header: [u8; HEADER]) -> usize {
    u32::from_le_bytes(header) as usize
}

/// Waits until `fd` is ready for `events`, in slices so Ctrl-C is seen; `Err(Timeout)` past
/// `deadline`. Without a deadline and without an interrupt guard it returns at once: the
/// following blocking call does the waiting.
pub(crate) fn wait_ready(fd: RawFd, events: i16, deadline: Option<Instant>) -> Result<()> {
    loop {
        interrupt::check()?;
        let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        let Some(slice) = interrupt::slice(remaining) else {
            return Ok(());
        };
        if poll_one(fd, events, Some(slice))? {
            return Ok(());
        }
        if remaining == Some(Duration::ZERO) || deadline.is_some_and(|d| Instant::now() >= d) {
            return Err(Error::Timeout);
        }
    }
}

/// One `read(2)`: some bytes, or 0 at end of file. Retries `EINTR` unless Ctrl-C was requested.
pub(crate) fn read_some(fd: RawFd, buf: &mut [u8], deadline: Option<Instant>) -> Result<usize> {
    loop {
        wait_ready(fd, libc::POLLIN, deadline)?;
        // SAFETY: `buf` is valid writable memory of the given length for the call's duration.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n >= 0 {
            return Ok(n as usize);
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EINTR) | Some(libc::EAGAIN) => continue,
            _ => return Err(err.into()),
        }
    }
}

/// Writes all of `bytes` (several `write(2)` calls for a message over the pipe's size).
pub(crate) fn write_all(fd: RawFd, mut bytes: &[u8], deadline: Option<Instant>) -> Result<()> {
    while !bytes.is_empty() {
        wait_ready(fd, libc::POLLOUT, deadline)?;
        // SAFETY: `bytes` is valid readable memory of the given length for the call's duration.
        let n = unsafe { libc::write(fd, bytes.as_ptr().cast(), bytes.len()) };
        if n >= 0 {
            bytes = &bytes[n as usize..];
            continue;
        }
        let err = io::Error::last_os_error();
        match err.raw_os_error() {
            Some(libc::EINTR) | Some(libc::EAGAIN) => continue,
            Some(libc::EPIPE) => return Err(Error::Disconnected),
            _ => return Err(err.into()),
        }
    }
    Ok(())
}

/// Creates a pipe (`O_CLOEXEC`, so an exec'd program never inherits it) and enlarges it to 1 MiB
/// where allowed, so that a burst of messages does not block the writer.
pub(crate) fn pipe() -> Result<(std::os::fd::OwnedFd, std::os::fd::OwnedFd)> {
    use std::os::fd::FromRawFd;
    let mut fds = [0; 2];
    // SAFETY: `fds` is a valid array of two ints for pipe2 to fill.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error().into());
    }
    // SAFETY: best effort; failure leaves the default 64 KiB pipe.
    unsafe { libc::fcntl(fds[1], libc::F_SETPIPE_SZ, 1 << 20) };
    // SAFETY: both descriptors are fresh and owned by nobody else.
    Ok(unsafe {
        (
            std::os::fd::OwnedFd::from_raw_fd(fds[0]),
            std::os::fd::OwnedFd::from_raw_fd(fds[1]),
        )
    })
}
