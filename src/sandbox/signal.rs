//! Signalling a process by pid without hitting a stranger.
//!
//! A pid read from a cgroup or from `/proc` may belong to someone else a moment later: the process
//! ends, is reaped, and the pid is handed to a new process (a fork bomb next door wraps the pid
//! space in seconds). So the sandbox never `kill`s a listed pid blindly: it opens a pidfd (which
//! pins one process), checks that *this* process is one of the run's, and signals through the pidfd.
use std::os::fd::AsRawFd;

use super::syscalls;

/// Sends `signal` to `pid` only if the process holding that pid now satisfies `is_ours` (asked
/// while the pidfd pins it). Returns whether the signal was sent.
pub fn send_if(pid: libc::pid_t, signal: libc::c_int, is_ours: impl Fn(libc::pid_t) -> bool) -> bool {
    let Some(pidfd) = syscalls::pidfd_open(pid) else {
        return false;
    };
    // While the pidfd's process lives (even as a zombie) nobody else can have its pid, so the
    // check below is about the same process as long as it has not exited by the time we send.
    if !is_ours(pid) {
        return false;
    }
    // SAFETY: pidfd_send_signal on a pidfd we own, no siginfo, no flags.
    let r = unsafe {
        libc::syscall(
            libc::SYS_pidfd_send_signal,
            pidfd.as_raw_fd(),
            signal,
            std::ptr::null::<libc::siginfo_t>(),
            0,
        )
    };
    r == 0
}

/// Whether `pid` is in the cgroup whose directory is named `group` (any controller).
pub fn in_cgroup(pid: libc::pid_t, group: &str) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/cgroup")).is_ok_and(|text| {
        text.lines()
            .any(|line| line.rsplit(':').next().is_some_and(|path| path.ends_with(group)))
    })
}
