//! The machine's limits, measured with bare system calls and none of this module's machinery, so
//! that `atelier bench` can show how close each primitive gets to them.
use std::io;
use std::time::{Duration, Instant};

use super::error::{Error, Result};
use super::fork::thread_count;

/// One bare `fork` + `_exit(0)` in the child + `waitpid` in the parent, timed. The check that the
/// process is single-threaded happens before the clock starts, so it is not part of the figure.
pub fn fork_exit_wait() -> Result<Duration> {
    let threads = thread_count()?;
    if threads > 1 {
        return Err(Error::MultiThreaded { threads });
    }
    let start = Instant::now();
    // SAFETY: single-threaded (checked just above); the child calls only `_exit`.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: leaves the child at once, running nothing of the parent's state.
        unsafe { libc::_exit(0) };
    }
    if pid < 0 {
        return Err(Error::Fork(io::Error::last_os_error()));
    }
    let mut status = 0;
    // SAFETY: waits for our own child, writing into a local integer.
    while unsafe { libc::waitpid(pid, &mut status, 0) } < 0 {
        if io::Error::last_os_error().raw_os_error() != Some(libc::EINTR) {
            return Err(io::Error::last_os_error().into());
        }
    }
    Ok(start.elapsed())
}

/// Messages per second through a bare pipe: a child writes `count` 8-byte messages, one `write`
/// each; the parent reads them one `read` each. The floor under any framed channel.
pub fn pipe_message_rate(count: u64) -> Result<f64> {
    let (read, write) = super::wire::pipe()?;
    use std::os::fd::AsRawFd;
    let (r, w) = (read.as_raw_fd(), write.as_raw_fd());
    let start = Instant::now();
    let mut child = super::Process::start(move || -> i32 {
        for i in 0..count {
            let bytes = i.to_le_bytes();
            // SAFETY: writes 8 bytes from a local array.
            if unsafe { libc::write(w, bytes.as_ptr().cast(), 8) } != 8 {
                return 1;
            }
        }
        0
    })?;
    drop(write);
    let mut buf = [0u8; 8];
    for i in 0..count {
        let mut got = 0;
        while got < 8 {
            // SAFETY: reads into the unfilled tail of a local array.
            let n = unsafe { libc::read(r, buf[got..].as_mut_ptr().cast(), 8 - got) };
            if n <= 0 {
                return Err(io::Error::other(format!("pipe closed after {i} messages")).into());
            }
            got += n as usize;
        }
    }
    let elapsed = start.elapsed();
    child.join_ok()?;
    Ok(count as f64 / elapsed.as_secs_f64())
}
