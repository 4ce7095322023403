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

/// Reaps `pid` if it is an ended child of the grader that `is_ours` recognises, through a pidfd so
/// that exactly the checked process is reaped (never another run's, after a pid reuse).
/// Returns its rusage when it was reaped.
pub fn reap_if(pid: libc::pid_t, is_ours: impl Fn(libc::pid_t) -> bool) -> Option<libc::rusage> {
    let pidfd = syscalls::pidfd_open(pid)?;
    if !is_ours(pid) {
        return None;
    }
    // SAFETY: all-zero siginfo and rusage are valid values for waitid to fill.
    let (mut info, mut usage): (libc::siginfo_t, libc::rusage) =
        unsafe { (std::mem::zeroed(), std::mem::zeroed()) };
    // SAFETY: waitid(P_PIDFD) through the raw system call (its fifth argument is the rusage).
    let r = unsafe {
        libc::syscall(
            libc::SYS_waitid,
            libc::P_PIDFD,
            pidfd.as_raw_fd(),
            &mut info as *mut libc::siginfo_t,
            libc::WEXITED | libc::WNOHANG,
            &mut usage as *mut libc::rusage,
        )
    };
    // SAFETY: reading the pid field of a siginfo filled (or left zero) by waitid.
    (r == 0 && unsafe { info.si_pid() } == pid).then_some(usage)
}
