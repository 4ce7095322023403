//! The one place that calls `fork(2)`: flush stdio, refuse a multi-threaded process, run the child's
//! closure under `catch_unwind`, flush again and leave with `_exit` so the child never returns into
//! the caller's stack (no destructor of the parent's objects runs twice).
use std::io::{self, Write};
use std::os::fd::RawFd;
use std::panic::{self, AssertUnwindSafe};

use super::error::{Error, Result};
use super::interrupt;

/// The exit code of a child whose closure panicked (Rust's own code for a panicking `main`).
pub const PANIC_EXIT_CODE: i32 = 101;

/// What a child's closure may return, turned into its exit code.
pub trait ChildExit {
    /// The exit code for this outcome.
    fn exit_code(self) -> i32;
}

impl ChildExit for () {
    fn exit_code(self) -> i32 {
        0
    }
}

impl ChildExit for i32 {
    fn exit_code(self) -> i32 {
        self
    }
}

impl<E: std::fmt::Display> ChildExit for std::result::Result<(), E> {
    fn exit_code(self) -> i32 {
        match self {
            Ok(()) => 0,
            Err(err) => {
                let _ = writeln!(io::stderr(), "error: {err}");
                1
            }
        }
    }
}

/// Threads of this process. Fast path: procfs gives `/proc/self/task` one link per thread plus
/// two (one `stat` call); otherwise field 20 of `/proc/self/stat`.
pub fn thread_count() -> io::Result<usize> {
    use std::os::unix::fs::MetadataExt;
    if let Ok(meta) = std::fs::metadata("/proc/self/task")
        && meta.nlink() > 2
    {
        return Ok(meta.nlink() as usize - 2);
    }
    let stat = std::fs::read("/proc/self/stat")?;
    // The command name (field 2) may hold spaces and parentheses: count fields after the last ')'.
    let after = stat
        .iter()
        .rposition(|&b| b == b')')
        .map_or(&stat[..], |i| &stat[i + 1..]);
    let field = std::str::from_utf8(after)
        .ok()
        .and_then(|s| s.split_ascii_whitespace().nth(17))
        .and_then(|s| s.parse().ok());
    field.ok_or_else(|| io::Error::other("unreadable /proc/self/stat"))
}

/// Forks a child that runs `child` and exits with its code; returns the child's pid to the parent.
///
/// The closure may borrow from the caller: the child runs on a copy of the whole address space, and
/// in the parent the closure is only dropped. A panic in the child gives [`PANIC_EXIT_CODE`].
pub fn fork<F, R>(child: F) -> Result<i32>
where
    F: FnOnce() -> R,
    R: ChildExit,
{
    fork_in(None, child)
}

/// As [`fork`], with the child placed in process group `pgid` (`Some(0)`: a new group it leads).
/// Both sides call `setpgid`, so the group is right whichever runs first.
pub fn fork_in<F, R>(pgid: Option<i32>, child: F) -> Result<i32>
where
    F: FnOnce() -> R,
    R: ChildExit,
{
    let threads = thread_count()?;
    if threads > 1 {
        return Err(Error::MultiThreaded { threads });
    }
    // Unflushed output would be written twice, once by each process. A failed flush (stdout is a
    // closed pipe) is no reason to refuse the fork: that output is lost either way.
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    // SAFETY: the process is single-threaded (checked above), so the child may run any code; it
    // never returns from this function (it leaves through `_exit` below).
    let pid = unsafe { libc::fork() };
    if pid < 0 {
        return Err(Error::Fork(io::Error::last_os_error()));
    }
    if pid == 0 {
        child_side(pgid, child);
    }
    if let Some(group) = pgid {
        let group = if group == 0 { pid } else { group };
        // SAFETY: plain system call on our own child; failure (child already gone) is harmless.
        unsafe { libc::setpgid(pid, group) };
    }
    Ok(pid)
}

fn child_side<F, R>(pgid: Option<i32>, child: F) -> !
where
    F: FnOnce() -> R,
    R: ChildExit,
{
    // The parent's Ctrl-C handler and its SIGTERM disposition do not belong to the child: the
    // parent decides when its children die.
    // SAFETY: resetting dispositions to their defaults is always sound.
    unsafe {
        libc::signal(libc::SIGINT, libc::SIG_DFL);
        libc::signal(libc::SIGTERM, libc::SIG_DFL);
    }
    interrupt::reset_in_child();
    if let Some(group) = pgid {
        // SAFETY: plain system call on ourselves.
        unsafe { libc::setpgid(0, group) };
    }
    let code = panic::catch_unwind(AssertUnwindSafe(|| child().exit_code())).unwrap_or(PANIC_EXIT_CODE);
    let _ = io::stdout().flush();
    let _ = io::stderr().flush();
    // SAFETY: `_exit` ends the process without running the parent's destructors or atexit handlers,
    // which belong to the parent's copy of the state.
    unsafe { libc::_exit(code) }
}

/// In a child: closes every descriptor from 3 up except those in `keep`, so that the child holds no
/// end of a pipe it does not use (a stray write end would hide end-of-file from a reader).
pub fn close_fds_except(keep: &[RawFd]) {
    let mut keep: Vec<u32> = keep.iter().filter(|&&fd| fd >= 3).map(|&fd| fd as u32).collect();
    keep.sort_unstable();
    let mut first = 3u32;
    for fd in keep {
        if fd > first {
            // SAFETY: closing descriptors this child does not use; nothing in it refers to them
            // afterwards (the child only uses `keep`).
            unsafe { libc::close_range(first, fd - 1, 0) };
        }
        first = fd + 1;
    }
    // SAFETY: as above.
    unsafe { libc::close_range(first, u32::MAX, 0) };
}
