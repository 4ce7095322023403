//! Waiting for a child: blocking, with a deadline, or interruptible by Ctrl-C. A plain `waitpid`
//! is the fast path; a deadline or a held interrupt guard waits on a pidfd with `poll` instead,
//! which a timeout can bound (Linux ≥ 5.3).
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::time::{Duration, Instant};

use super::error::{Error, Result};
use super::interrupt;
use super::status::Exit;

/// `waitpid(pid, WNOHANG)`: the child's end if it has ended (and is now reaped).
pub(crate) fn try_wait(pid: i32) -> Result<Option<Exit>> {
    let mut status = 0;
    loop {
        // SAFETY: plain system call writing into a local integer.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if r == pid {
            return Ok(Some(Exit::from_wait_status(status)));
        }
        if r == 0 {
            return Ok(None);
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINTR) {
            return Err(err.into());
        }
    }
}

/// Waits for `pid` to end; `Ok(None)` when `timeout` passed first. Checks for Ctrl-C between
/// slices; the caller kills and reaps on `Err(Interrupted)`.
pub(crate) fn wait(pid: i32, timeout: Option<Duration>) -> Result<Option<Exit>> {
    interrupt::check()?;
    if timeout.is_none() && !interrupt::active() {
        return blocking_wait(pid).map(Some);
    }
    if let Some(exit) = try_wait(pid)? {
        return Ok(Some(exit));
    }
    let deadline = timeout.map(|t| Instant::now() + t);
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor we own, or -1.
    let raw = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) } as i32;
    let pidfd = if raw >= 0 {
        // SAFETY: `raw` is a fresh descriptor owned by nobody else.
        Some(unsafe { OwnedFd::from_raw_fd(raw) })
    } else {
        None
    };
    loop {
        interrupt::check()?;
        let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if remaining == Some(Duration::ZERO) {
            return Ok(None);
        }
        match &pidfd {
            Some(fd) => {
                let slice = interrupt::slice(remaining);
                poll_one(fd.as_raw_fd(), libc::POLLIN, slice)?;
            }
            // No pidfd (old kernel): look again every millisecond.
            None => std::thread::sleep(remaining.unwrap_or(Duration::MAX).min(Duration::from_millis(1))),
        }
        if let Some(exit) = try_wait(pid)? {
            return Ok(Some(exit));
        }
    }
}

fn blocking_wait(pid: i32) -> Result<Exit> {
    let mut status = 0;
    loop {
        // SAFETY: plain system call writing into a local integer.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r == pid {
            return Ok(Exit::from_wait_status(status));
        }
        let err = io::Error::last_os_error();
        if err.raw_os_error() != Some(libc::EINTR) {
            return Err(err.into());
        }
        interrupt::check()?;
    }
}

/// SIGKILL then reap; used on every failure path so no zombie is left. Returns how it ended.
pub(crate) fn kill_and_reap(pid: i32) -> Option<Exit> {
    // SAFETY: plain system call on our own, not yet reaped, child.
    unsafe { libc::kill(pid, libc::SIGKILL) };
    blocking_wait_ignoring_interrupts(pid)
}

/// Reaps a child that is dead or dying, whatever the interrupt flag says.
pub(crate) fn blocking_wait_ignoring_interrupts(pid: i32) -> Option<Exit> {
    let mut status = 0;
    loop {
        // SAFETY: plain system call writing into a local integer.
        let r = unsafe { libc::waitpid(pid, &mut status, 0) };
        if r == pid {
            return Some(Exit::from_wait_status(status));
        }
        if io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return None;
        }
    }
}

/// `poll` on one descriptor for at most `timeout` (`None`: no limit). True when it is ready.
/// `EINTR` counts as "not ready": the caller looks at the interrupt flag and loops.
pub(crate) fn poll_one(fd: i32, events: i16, timeout: Option<Duration>) -> Result<bool> {
    let mut pfd = libc::pollfd {
        fd,
        events,
        revents: 0,
    };
    let ms = timeout_ms(timeout);
    // SAFETY: one valid pollfd for the duration of the call.
    let r = unsafe { libc::poll(&mut pfd, 1, ms) };
    if r < 0 {
        let err = io::Error::last_os_error();
        if err.raw_os_error() == Some(libc::EINTR) {
            return Ok(false);
        }
        return Err(Error::Io(err));
    }
    Ok(r > 0)
}

/// A poll timeout in milliseconds, rounded up so a short wait is not a busy loop.
pub(crate) fn timeout_ms(timeout: Option<Duration>) -> i32 {
    match timeout {
        None => -1,
        Some(t) => t.as_micros().div_ceil(1000).min(i32::MAX as u128) as i32,
    }
}
