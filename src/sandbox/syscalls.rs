//! The raw system calls the sandbox needs that nix does not wrap (clone with namespace flags,
//! `close_range`, `pidfd_open`, the credential calls) and the probes that try them.
//!
//! Everything called between `clone` and `execve` goes through `libc::syscall` or a thin libc wrapper
//! of one system call: the grader may be multi-threaded, and after a raw `clone` glibc still believes
//! the other threads exist (its `setuid` would wait for them forever).
use std::os::fd::{FromRawFd, OwnedFd};

/// Namespaces a run gets when the platform allows them.
pub const NAMESPACE_FLAGS: libc::c_int =
    libc::CLONE_NEWPID | libc::CLONE_NEWNET | libc::CLONE_NEWNS | libc::CLONE_NEWIPC | libc::CLONE_NEWUTS;

/// `clone` used like `fork` (the child continues on a copy of the stack), with extra flags.
///
/// # Safety
/// Same contract as `fork`: in the child only async-signal-safe work until `execve` or `_exit`.
pub unsafe fn clone_fork(flags: libc::c_int) -> libc::c_long {
    // SAFETY: a null stack makes clone behave like fork; the caller keeps the child async-signal-safe.
    unsafe {
        libc::syscall(
            libc::SYS_clone,
            (flags | libc::SIGCHLD) as libc::c_ulong,
            0usize,
            0usize,
            0usize,
            0usize,
        )
    }
}

/// Blocks every signal on the calling thread until dropped (around `clone`, so that none of the
/// grader's handlers can run in the child before it resets them).
pub struct SignalsBlocked(libc::sigset_t);

impl SignalsBlocked {
    pub fn new() -> SignalsBlocked {
        // SAFETY: sigset_t values on the stack, filled by sigfillset; pthread_sigmask on this thread.
        unsafe {
            let mut all: libc::sigset_t = std::mem::zeroed();
            let mut old: libc::sigset_t = std::mem::zeroed();
            libc::sigfillset(&mut all);
            libc::pthread_sigmask(libc::SIG_SETMASK, &all, &mut old);
            SignalsBlocked(old)
        }
    }
}

impl Drop for SignalsBlocked {
    fn drop(&mut self) {
        // SAFETY: restoring the mask saved by `new` on the same thread.
        unsafe { libc::pthread_sigmask(libc::SIG_SETMASK, &self.0, std::ptr::null_mut()) };
    }
}

/// Makes the grader a child subreaper: orphans of a run are re-parented to it, not to init.
pub fn set_child_subreaper() -> bool {
    // SAFETY: prctl with integer arguments only changes a flag of this process.
    unsafe { libc::prctl(libc::PR_SET_CHILD_SUBREAPER, 1 as libc::c_ulong, 0, 0, 0) == 0 }
}

/// Tries the run's namespaces in a throw-away child.
///
/// The child tries the first mount the run's PID 1 makes (in a user namespace the clone may succeed
/// without the capabilities to use it: Ubuntu's AppArmor restriction) and the grader waits for its
/// verdict. It is reaped here, not on a thread of its own: the REPL forks its demos and must stay
/// single-threaded, and the probe runs once per process, so the few milliseconds of namespace
/// teardown are paid once.
pub fn try_namespaces(with_user: bool) -> bool {
    let flags = NAMESPACE_FLAGS | if with_user { libc::CLONE_NEWUSER } else { 0 };
    // SAFETY: the child only calls mount and _exit, which are async-signal-safe.
    let pid = unsafe { clone_fork(flags) };
    if pid == 0 {
        // SAFETY: a mount with static strings, then leaving without running any destructor.
        unsafe {
            let private = libc::mount(
                std::ptr::null(),
                c"/".as_ptr(),
                std::ptr::null(),
                libc::MS_REC | libc::MS_PRIVATE,
                std::ptr::null(),
            );
            libc::_exit(if private == 0 { 0 } else { 1 })
        }
    }
    if pid < 0 {
        return false;
    }
    let pid = pid as libc::pid_t;
    let mut status = 0;
    // SAFETY: reaping the child we just created; status is a valid out-pointer.
    let r = unsafe { libc::waitpid(pid, &mut status, libc::__WALL) };
    r == pid && libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0
}

/// A descriptor that becomes readable when the process exits (Linux 5.3+).
pub fn pidfd_open(pid: libc::pid_t) -> Option<OwnedFd> {
    // SAFETY: pidfd_open takes a pid and flags and returns a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid, 0) };
    if fd < 0 {
        return None;
    }
    // SAFETY: the kernel just gave us this descriptor; nobody else owns it.
    Some(unsafe { OwnedFd::from_raw_fd(fd as libc::c_int) })
}

pub fn pidfd_works() -> bool {
    pidfd_open(std::process::id() as libc::pid_t).is_some()
}

/// `close_range(first, ~0, 0)`; returns false when the kernel lacks it.
///
/// Async-signal-safe (one system call).
pub fn close_from(first: libc::c_uint) -> bool {
    // SAFETY: close_range only closes descriptors of this process.
    unsafe { libc::syscall(libc::SYS_close_range, first, libc::c_uint::MAX, 0) == 0 }
}

pub fn close_range_works() -> bool {
    // Closing from a huge number closes nothing but tells us whether the call exists.
    close_from(libc::c_uint::MAX - 1)
}

/// The thread's errno, read without allocating (async-signal-safe).
pub fn errno() -> libc::c_int {
    // SAFETY: __errno_location returns the calling thread's errno slot.
    unsafe { *libc::__errno_location() }
}

/// `setgroups([])`, `setresgid`, `setresuid` as raw system calls (see the module comment).
///
/// Async-signal-safe. Returns the failing step's errno.
pub fn drop_to(uid: libc::uid_t, gid: libc::gid_t) -> Result<(), libc::c_int> {
    // SAFETY: raw credential system calls on the calling thread, which is the only one in the child.
    unsafe {
        if libc::syscall(libc::SYS_setgroups, 0usize, std::ptr::null::<libc::gid_t>()) != 0
            || libc::syscall(libc::SYS_setresgid, gid, gid, gid) != 0
            || libc::syscall(libc::SYS_setresuid, uid, uid, uid) != 0
        {
            return Err(errno());
        }
    }
    Ok(())
}
