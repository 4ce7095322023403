//! The child side of a run, from `clone` to `execve`: async-signal-safe work only.
//!
//! Two shapes. Without namespaces the cloned child *is* the program. With them it is PID 1 of fresh
//! PID, network, mount, IPC and UTS namespaces: it sets up the filesystem view, starts the program
//! as PID 2, reaps every orphan, tells the grader how the program ended, and when the grader kills
//! it the kernel kills everything else in the namespace.
//!
//! Nothing here allocates, formats or panics: every value comes ready-made from the [`Plan`].
//! Failures travel to the grader as fixed-size messages on the report pipe (descriptor 3).
use super::plan::Plan;
use super::syscalls;

/// Report pipe message kinds (first word of a 3-word message).
pub const MSG_SETUP_ERROR: i32 = 1;
pub const MSG_MAIN_EXIT: i32 = 2;

/// The signal the grader sends PID 1 to have SIGTERM sent to every process of the namespace
/// (from inside, where no pid can be stale).
pub const RELAY_TERM: libc::c_int = libc::SIGUSR1;

/// PID 1's handler for [`RELAY_TERM`]: `kill(-1)` from PID 1 reaches every other process of its
/// namespace. Async-signal-safe.
extern "C" fn relay_term(_: libc::c_int) {
    // SAFETY: kill is async-signal-safe.
    unsafe { libc::kill(-1, libc::SIGTERM) };
}

/// Setup steps, named in the grader's error message.
pub const STEPS: [&str; 14] = [
    "?",
    "joining the run's cgroup",
    "pinning to one CPU",
    "starting a session",
    "setting the parent-death signal",
    "moving descriptors",
    "setting up the filesystem view",
    "starting the program under PID 1",
    "entering the working folder",
    "setting rlimits",
    "dropping to the run's uid",
    "executing the program",
    "the grader died",
    "mapping the user namespace",
];

const REPORT_FD: libc::c_int = 3;

fn send(kind: i32, a: i32, b: i32) {
    let msg = [kind, a, b];
    // SAFETY: write of 12 bytes from a stack array; fewer than PIPE_BUF bytes, so atomic.
    unsafe { libc::write(REPORT_FD, msg.as_ptr().cast(), std::mem::size_of_val(&msg)) };
}

fn fail(step: usize, errno: libc::c_int) -> ! {
    send(MSG_SETUP_ERROR, step as i32, errno);
    // SAFETY: leaving the child without running the grader's destructors or atexit handlers.
    unsafe { libc::_exit(127) }
}

fn check(step: usize, ok: bool) {
    if !ok {
        fail(step, syscalls::errno());
    }
}

/// Runs in the cloned child; never returns.
///
/// # Safety
/// Must be called only in a freshly cloned child of the process that built `plan`.
pub unsafe fn start(plan: &Plan) -> ! {
    use std::os::fd::AsRawFd;
    // SAFETY: single system calls on prepared values (whole block); see the module comment.
    unsafe {
        // The grader's signal handlers must never run here (the grader blocked every signal
        // around the clone): back to the defaults, then unblock. An ignored signal would also
        // stay ignored across execve (Rust ignores SIGPIPE).
        reset_signals();
        // The report pipe first, so that every later failure can be told.
        if libc::dup2(plan.fds.report.as_raw_fd(), REPORT_FD) < 0 {
            libc::_exit(126);
        }
        if let Some(go) = &plan.fds.go {
            let mut byte = 0u8;
            loop {
                let n = libc::read(go.as_raw_fd(), (&mut byte as *mut u8).cast(), 1);
                if n == 1 {
                    break;
                }
                if n == 0 || syscalls::errno() != libc::EINTR {
                    // The grader gave up (or died) before mapping our uid.
                    libc::_exit(126);
                }
            }
        }
        for fd in &plan.cgroup_procs {
            check(1, libc::write(fd.as_raw_fd(), b"0".as_ptr().cast(), 1) == 1);
        }
        if let Some(set) = &plan.cpu_set {
            check(
                2,
                libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), set) == 0,
            );
        }
        check(3, libc::setsid() >= 0);
        check(
            4,
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) == 0,
        );
        if plan.namespaces == 0 && libc::getppid() != plan.grader_pid {
            fail(12, 0);
        }
        check(5, libc::dup2(plan.fds.stdin.as_raw_fd(), 0) == 0);
        check(5, libc::dup2(plan.fds.stdout.as_raw_fd(), 1) == 1);
        check(5, libc::dup2(plan.fds.stderr.as_raw_fd(), 2) == 2);
        // The program must not inherit the report pipe; a failed execve still reports through it.
        check(5, libc::fcntl(REPORT_FD, libc::F_SETFD, libc::FD_CLOEXEC) == 0);
        close_inherited(plan, REPORT_FD + 1);
        if plan.namespaces == 0 {
            program(plan)
        }
        if let Some(mounts) = &plan.mounts
            && let Err(errno) = mounts.apply()
        {
            fail(6, errno);
        }
        pid_one(plan)
    }
}

/// Default disposition for every signal, empty signal mask. Async-signal-safe.
fn reset_signals() {
    // SAFETY: sigaction and sigprocmask with values built on the stack.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = libc::SIG_DFL;
        for signal in 1..=libc::SIGRTMAX() {
            if signal != libc::SIGKILL && signal != libc::SIGSTOP {
                libc::sigaction(signal, &action, std::ptr::null_mut());
            }
        }
        let mut empty: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut empty);
        libc::sigprocmask(libc::SIG_SETMASK, &empty, std::ptr::null_mut());
    }
}

/// Closes every descriptor from `first` up (the grader's files, other runs' pipes).
fn close_inherited(plan: &Plan, first: libc::c_int) {
    if !syscalls::close_from(first as libc::c_uint) {
        for fd in first..plan.max_fd {
            // SAFETY: closing descriptors in the child only; EBADF for unused ones is harmless.
            unsafe { libc::close(fd) };
        }
    }
}

/// PID 1 of the run's namespaces: start the program, reap everything, relay the program's status.
fn pid_one(plan: &Plan) -> ! {
    // Not dumpable: in a user namespace the program has PID 1's uid, and could otherwise open
    // /proc/1/fd/3 and forge reports.
    // SAFETY: prctl with integer arguments.
    unsafe { libc::prctl(libc::PR_SET_DUMPABLE, 0 as libc::c_ulong, 0, 0, 0) };
    // SAFETY: clone like fork in a single-threaded child; the grandchild runs `program` only.
    let main = unsafe { syscalls::clone_fork(0) };
    if main == 0 {
        // The program's parent-death signal: if PID 1 goes, the program goes.
        // SAFETY: prctl with integer arguments.
        check(
            4,
            unsafe { libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) } == 0,
        );
        program(plan)
    }
    check(7, main > 0);
    // Only now: the program must not start with this handler (it resets nothing before exec).
    // SAFETY: installing an async-signal-safe handler with a zeroed, then filled, sigaction.
    unsafe {
        let mut action: libc::sigaction = std::mem::zeroed();
        action.sa_sigaction = relay_term as extern "C" fn(libc::c_int) as libc::sighandler_t;
        action.sa_flags = libc::SA_RESTART;
        libc::sigaction(RELAY_TERM, &action, std::ptr::null_mut());
    }
    // PID 1 keeps no end of the output pipes: they reach end-of-file when the program's side is done.
    // SAFETY: closing our own standard descriptors.
    unsafe {
        libc::close(0);
        libc::close(1);
        libc::close(2);
    }
    loop {
        let mut status = 0;
        // SAFETY: wait4 with a valid status pointer and no rusage.
        let pid = unsafe { libc::wait4(-1, &mut status, libc::__WALL, std::ptr::null_mut()) };
        if pid == main as libc::pid_t {
            send(MSG_MAIN_EXIT, status, 0);
        } else if pid < 0 && syscalls::errno() != libc::EINTR {
            // No child left: the run is over.
            // SAFETY: leaving PID 1; the kernel reaps the namespace.
            unsafe { libc::_exit(0) }
        }
    }
}

/// The program itself: working folder, rlimits, uid, then `execve`.
fn program(plan: &Plan) -> ! {
    // SAFETY: single system calls on prepared values (whole block).
    unsafe {
        check(8, libc::chdir(plan.workdir.as_ptr()) == 0);
        for (resource, limit) in &plan.rlimits {
            check(9, libc::setrlimit(*resource, limit) == 0);
        }
        if let Some(id) = plan.creds {
            if let Err(errno) = syscalls::drop_to(id, id) {
                fail(10, errno);
            }
            // A uid change clears the parent-death signal; set it again.
            check(
                4,
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL as libc::c_ulong, 0, 0, 0) == 0,
            );
        }
        libc::execve(plan.exe.as_ptr(), plan.argv.as_ptr(), plan.envp.as_ptr());
        fail(11, syscalls::errno())
    }
}
