//! Exact observation of a run by ptrace: every process and thread it starts, when each ends, and
//! the CPU time each process used, in every environment that allows ptrace on one's own child
//! (root on a host, a student's account, root in a container's PID namespace, Docker's default
//! capabilities) — where the proc connector sees nothing (PID namespace, no `CAP_NET_ADMIN`) and
//! sampling `/proc` misses processes shorter than its period.
//!
//! How: the run's first process (the program, or PID 1 of its namespaces) waits on the "go" pipe
//! until it has been `PTRACE_SEIZE`d with TRACEFORK|TRACEVFORK|TRACECLONE|TRACEEXEC|TRACEEXIT|
//! EXITKILL. Everything it starts is then attached by the kernel before it runs a single
//! instruction (no permission check on auto-attach, so the run may drop to another uid), and a
//! fork, a clone or an exit cannot happen unseen.
//!
//! Who traces: a **parent thread per run**, started by `Session::run` in a thread scope and joined
//! before it returns (the REPL is single-threaded again afterwards; its demos fork). It clones the
//! run's first process, seizes it (same uid, before the child drops to the run's uid: no
//! CAP_SYS_PTRACE needed, which Docker's default set lacks), and then blocks in `waitid`, so a
//! tracee stop is handled at once without a signal handler (a SIGCHLD handler would be
//! process-wide and would turn other threads' sleeps and polls into EINTR), while the calling
//! thread polls the output pipes and keeps the clocks. Every ptrace request comes from this thread,
//! as the kernel requires, and it alone waits on the run's processes: a wait by the real parent's
//! thread group on a child traced by the same group takes the tracer's stops (the kernel treats it
//! as the tracer), which is why the tracer must also be the parent. Its waits carry
//! `__WNOTHREAD`, so several runs graded at once on several threads never take each other's
//! events; the orphans the grader adopts (subreaper) are reaped by the calling thread only once
//! this thread has finished. Alternatives weighed: the calling thread as tracer (needs a SIGCHLD
//! handler to wake its `poll`), PID 1 as tracer (only with namespaces, and nothing may allocate
//! there).
//!
//! Stops handled: fork/vfork/clone events (a new task: a process when it has its own thread group,
//! else a thread — threads are never counted as processes), exec (a thread that execs takes over
//! its leader's pid), exit (the process's peak memory, its mm is still there), the first stop of an
//! auto-attached task, signal-delivery-stops (the signal is re-injected), group-stops (kept stopped
//! with `PTRACE_LISTEN`, as without ptrace). A SIGKILLed task does not stop at exit: its end is
//! seen as a zombie, and every zombie is first looked at with `WNOWAIT` (its `/proc` CPU time is
//! final then) before it is reaped. Threads and processes that exist at once are counted, and when
//! no kernel limit (cgroup `pids.max`, RLIMIT_NPROC under a uid of its own) holds the run, going
//! over the limit kills the run here: a fork bomb is a `process-limit` everywhere.
//!
//! Cost: a thread per run, and one stop per fork, thread start, exec and exit (a 43.3 run has a
//! few dozen); nothing is traced between those events (no syscall tracing). Measured by
//! `cargo bench --bench sandbox_overhead` (with and without `ATELIER_SANDBOX_DISABLE=ptrace`).
use std::collections::HashMap;
use std::os::fd::{AsRawFd, OwnedFd};
use std::sync::Mutex;
use std::time::Instant;

use super::plan::Plan;
use super::trace;

/// `PTRACE_EVENT_STOP` (not exported by the libc crate for glibc).
const EVENT_STOP: libc::c_int = 128;

const OPTIONS: libc::c_int = libc::PTRACE_O_TRACEFORK
    | libc::PTRACE_O_TRACEVFORK
    | libc::PTRACE_O_TRACECLONE
    | libc::PTRACE_O_TRACEEXEC
    | libc::PTRACE_O_TRACEEXIT
    | libc::PTRACE_O_EXITKILL;

/// One process of the run, as the tracer saw it.
#[derive(Debug, Clone)]
pub struct Process {
    pub pid: libc::pid_t,
    /// Seconds from the start of the run: its fork, its end (None while it lives).
    pub start_s: f64,
    pub end_s: Option<f64>,
    pub cpu_ticks: u64,
    /// Peak resident memory (VmHWM) read at its exit stop.
    pub peak_rss_kb: u64,
}

#[derive(Debug)]
struct Task {
    tgid: libc::pid_t,
    /// Its first stop (the auto-attach stop) has been seen and let go.
    running: bool,
    /// Its parent's fork/clone event has been seen (the two come in either order).
    announced: bool,
}

/// What the tracer knows, shared with the run thread.
#[derive(Default)]
pub struct State {
    /// Every process of the run in order of creation (PID 1 of the namespaces excluded).
    pub processes: Vec<Process>,
    /// Live processes: tgid → index in `processes`.
    live: HashMap<libc::pid_t, usize>,
    /// Live tasks (threads and processes, PID 1 included): tid → task.
    tasks: HashMap<libc::pid_t, Task>,
    /// Tasks that ended before their parent's fork/clone event was read, with whether they were
    /// already counted (from their own first stop): the late event must not bring them back.
    gone_early: HashMap<libc::pid_t, bool>,
    /// The most tasks of the program alive at once (PID 1 excluded).
    pub peak_tasks: u32,
    /// The program had more tasks alive than its limit and was killed for it.
    pub over_limit: bool,
    /// Processes of the run that the grader adopted (subreaper) and released as zombies: the
    /// run thread reaps them once the tracer has finished.
    pub adopted: Vec<libc::pid_t>,
    /// The parent thread has finished: the first process is reaped and, under ptrace, every
    /// traced task is gone.
    pub done: bool,
    /// The first process is being or has been reaped: its pid may no longer be signalled.
    first_reaped: bool,
    /// The first process's raw wait status and resource usage, once reaped.
    pub first_status: Option<(i32, libc::rusage)>,
    /// The first process's pid (PID 1 when namespaced).
    first: libc::pid_t,
    pid_one: bool,
}

impl State {
    /// Whether `pid` is a live (unreaped) process of the run. A pid is removed from this set
    /// before the tracer reaps it, so while it is here the pid cannot have been reused.
    pub fn owns(&self, pid: libc::pid_t) -> bool {
        self.live.contains_key(&pid) || (pid == self.first && !self.first_reaped)
    }

    /// Sends `signal` to the first process if it is not reaped yet (so its pid is still its own).
    pub fn signal_first(&self, signal: libc::c_int) {
        if !self.first_reaped && self.first > 0 {
            // SAFETY: the first process is not reaped (the parent thread sets `first_reaped` under
            // this lock before reaping it), so the pid is still its.
            unsafe { libc::kill(self.first, signal) };
        }
    }

    /// Live processes of the run (the first process included).
    pub fn pids(&self) -> Vec<libc::pid_t> {
        let mut pids: Vec<libc::pid_t> = self.live.keys().copied().collect();
        if self.pid_one && !self.first_reaped {
            pids.push(self.first);
        }
        pids
    }

    fn program_tasks(&self) -> u32 {
        (self.tasks.len() - usize::from(self.pid_one && self.tasks.contains_key(&self.first))) as u32
    }
}

/// The shared side of one run's tracer.
pub struct Shared {
    pub state: Mutex<State>,
    /// ptrace follows the run (else the parent thread only waits for the first process).
    pub traced: std::sync::atomic::AtomicBool,
    /// Written (one byte) when the run went over its limit, to wake the run thread's `poll`.
    wake: OwnedFd,
    start: Instant,
    limit: u32,
    /// A kernel limit holds the run's tasks (cgroup `pids.max`, RLIMIT_NPROC): the tracer only
    /// counts.
    kernel_limit: bool,
}

impl Shared {
    pub fn new(wake: OwnedFd, start: Instant, limit: u32, kernel_limit: bool) -> Shared {
        Shared {
            state: Mutex::new(State::default()),
            traced: std::sync::atomic::AtomicBool::new(false),
            wake,
            start,
            limit,
            kernel_limit,
        }
    }

    pub fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn traced(&self) -> bool {
        self.traced.load(std::sync::atomic::Ordering::Acquire)
    }
}

/// The plan moves to the parent thread, which clones the child from it.
pub struct SendPlan(pub Plan);

// SAFETY: the plan's raw pointers point into C strings owned by the plan itself (their heap
// buffers do not move with it), and only the receiving thread uses the plan after the move.
unsafe impl Send for SendPlan {}

/// The run's parent thread: clones the run's first process, seizes it when `tracing`, tells
/// `started` the pid (or why it could not start), then follows the run (ptrace) or only waits for
/// the first process, and reaps it. Returns when the first process is reaped and nothing traced
/// is left.
pub fn parent(
    plan: SendPlan,
    tracing: bool,
    shared: &Shared,
    started: std::sync::mpsc::Sender<std::io::Result<libc::pid_t>>,
) {
    let plan = plan.0;
    let pid_one = plan.namespaces != 0;
    let blocked = super::syscalls::SignalsBlocked::new();
    // SAFETY: the child runs `child::start`, which only reads the prepared plan and makes single
    // system calls until execve or _exit (see its module comment).
    let pid = unsafe { super::syscalls::clone_fork(plan.namespaces) };
    if pid == 0 {
        // SAFETY: we are the freshly cloned child of the process that built the plan.
        unsafe { super::child::start(&plan) }
    }
    drop(blocked);
    // The child's ends of the pipes close here, so end-of-file means the run's side is done.
    drop(plan);
    if pid < 0 {
        let _ = started.send(Err(std::io::Error::last_os_error()));
        shared.lock().done = true;
        return;
    }
    let pid = pid as libc::pid_t;
    // A refusal here (after the probe said yes) falls back to the other instruments.
    let traced = tracing && seize(pid).is_ok();
    begin(shared, pid, pid_one, traced);
    let _ = started.send(Ok(pid));
    if traced {
        follow(shared);
    } else {
        wait_first(shared, pid);
    }
    shared.lock().done = true;
}

/// Without ptrace: waits for the first process only (it is this thread's child).
fn wait_first(shared: &Shared, pid: libc::pid_t) {
    loop {
        // SAFETY: an all-zero siginfo is a valid value for waitid to fill.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // SAFETY: waitid on our own child with a valid siginfo pointer; WNOWAIT leaves it a zombie.
        let r = unsafe {
            libc::waitid(
                libc::P_PID,
                pid as libc::id_t,
                &mut info,
                libc::WEXITED | libc::WNOWAIT | libc::__WALL | libc::__WNOTHREAD,
            )
        };
        if r == 0 {
            break;
        }
        if super::syscalls::errno() != libc::EINTR {
            break;
        }
    }
    shared.lock().first_reaped = true;
    let reaped = consume(pid);
    shared.lock().first_status = reaped;
}

/// `PTRACE_SEIZE` with the run's options. Must be called on the thread that will follow the run.
pub fn seize(pid: libc::pid_t) -> std::io::Result<()> {
    // SAFETY: ptrace with integer arguments on a pid we name; the kernel checks permissions.
    let r = unsafe { libc::ptrace(libc::PTRACE_SEIZE, pid, 0usize, OPTIONS as usize) };
    if r < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}

/// Registers the first process (seized when `traced`).
fn begin(shared: &Shared, first: libc::pid_t, pid_one: bool, traced: bool) {
    shared.traced.store(traced, std::sync::atomic::Ordering::Release);
    let mut state = shared.lock();
    state.first = first;
    state.pid_one = pid_one;
    if !traced {
        return;
    }
    state.tasks.insert(
        first,
        Task {
            tgid: first,
            running: true,
            announced: true,
        },
    );
    if !pid_one {
        let at = shared.start.elapsed().as_secs_f64();
        let index = state.processes.len();
        state.processes.push(Process {
            pid: first,
            start_s: at,
            end_s: None,
            cpu_ticks: 0,
            peak_rss_kb: 0,
        });
        state.live.insert(first, index);
    }
    state.peak_tasks = state.program_tasks();
}

/// Follows the run until every traced task is gone (`waitid` says there is none left).
fn follow(shared: &Shared) {
    let grader = std::process::id() as libc::pid_t;
    loop {
        // SAFETY: an all-zero siginfo is a valid value for waitid to fill.
        let mut info: libc::siginfo_t = unsafe { std::mem::zeroed() };
        // Look first (WNOWAIT): a zombie's CPU time is read before it is reaped.
        // SAFETY: waitid with a valid siginfo pointer.
        let r = unsafe {
            libc::waitid(
                libc::P_ALL,
                0,
                &mut info,
                libc::WEXITED | libc::WSTOPPED | libc::WNOWAIT | libc::__WALL | libc::__WNOTHREAD,
            )
        };
        if r < 0 {
            if super::syscalls::errno() == libc::EINTR {
                continue;
            }
            break;
        }
        // SAFETY: waitid filled the siginfo of a child event.
        let pid = unsafe { info.si_pid() };
        if pid <= 0 {
            continue;
        }
        let at = shared.start.elapsed().as_secs_f64();
        if matches!(
            info.si_code,
            libc::CLD_EXITED | libc::CLD_KILLED | libc::CLD_DUMPED
        ) {
            // Only a process's CPU time is wanted (a thread's is in its process's).
            let process = shared.lock().live.contains_key(&pid);
            let stat = if process { trace::stat(pid) } else { None };
            ended(shared, pid, at, stat, grader);
            let reaped = consume(pid);
            if pid == shared.lock().first {
                shared.lock().first_status = reaped;
            }
            continue;
        }
        let Some((status, usage)) = consume(pid) else {
            continue;
        };
        if !libc::WIFSTOPPED(status) {
            // Killed between the look and the wait: it ended unseen by /proc.
            ended(shared, pid, at, None, grader);
            let mut state = shared.lock();
            if pid == state.first {
                state.first_status = Some((status, usage));
            }
            continue;
        }
        stopped(shared, pid, status, at);
    }
    shared.lock().done = true;
}

/// Reaps or takes the pending stop of `pid`; its raw status and resource usage.
fn consume(pid: libc::pid_t) -> Option<(i32, libc::rusage)> {
    loop {
        let mut status = 0;
        // SAFETY: an all-zero rusage is a valid value for wait4 to fill.
        let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
        // SAFETY: wait4 on one pid with valid out-pointers.
        let r = unsafe { libc::wait4(pid, &mut status, libc::__WALL | libc::__WNOTHREAD, &mut usage) };
        if r == pid {
            return Some((status, usage));
        }
        if r < 0 && super::syscalls::errno() == libc::EINTR {
            continue;
        }
        return None;
    }
}

/// A task is gone: a thread, or a process (its CPU time is final in `stat`).
fn ended(shared: &Shared, pid: libc::pid_t, at: f64, stat: Option<trace::Stat>, grader: libc::pid_t) {
    let mut state = shared.lock();
    if pid == state.first {
        state.first_reaped = true;
    }
    match state.tasks.remove(&pid) {
        None => {
            state.gone_early.insert(pid, false);
        }
        Some(task) if !task.announced => {
            state.gone_early.insert(pid, true);
        }
        Some(_) => {}
    }
    if let Some(index) = state.live.remove(&pid) {
        let process = &mut state.processes[index];
        process.end_s = Some(at);
        if let Some(stat) = stat {
            process.cpu_ticks = process.cpu_ticks.max(stat.cpu_ticks);
            if stat.ppid == grader {
                // An orphan the grader adopted as subreaper: its zombie goes to the grader's
                // main thread once the tracer lets it go.
                state.adopted.push(pid);
            }
        }
    }
}

fn cont(request: libc::c_uint, pid: libc::pid_t, signal: libc::c_int) {
    // SAFETY: a ptrace request on a tracee of this thread; ESRCH (killed meanwhile) is harmless.
    unsafe { libc::ptrace(request, pid, 0usize, signal as usize) };
}

fn event_message(pid: libc::pid_t) -> Option<libc::pid_t> {
    let mut message: libc::c_ulong = 0;
    // SAFETY: PTRACE_GETEVENTMSG writes one unsigned long at the address given.
    let r = unsafe {
        libc::ptrace(
            libc::PTRACE_GETEVENTMSG,
            pid,
            0usize,
            &mut message as *mut libc::c_ulong,
        )
    };
    (r == 0).then_some(message as libc::pid_t)
}

/// A task in a ptrace stop: record what it says and let it go on.
fn stopped(shared: &Shared, pid: libc::pid_t, status: i32, at: f64) {
    let signal = libc::WSTOPSIG(status);
    let event = status >> 16;
    match event {
        libc::PTRACE_EVENT_FORK | libc::PTRACE_EVENT_VFORK | libc::PTRACE_EVENT_CLONE => {
            if let Some(new) = event_message(pid) {
                let parent = shared.lock().tasks.get(&pid).map_or(pid, |t| t.tgid);
                born(shared, new, Some(parent), at);
            }
            cont(libc::PTRACE_CONT, pid, 0);
        }
        libc::PTRACE_EVENT_EXEC => {
            // A thread that execs takes over its leader's pid; its own tid is gone.
            if let Some(former) = event_message(pid)
                && former != pid
            {
                shared.lock().tasks.remove(&former);
            }
            cont(libc::PTRACE_CONT, pid, 0);
        }
        libc::PTRACE_EVENT_EXIT => {
            // The mm still exists here: the process's peak memory is final.
            let leader = shared.lock().tasks.get(&pid).is_some_and(|t| t.tgid == pid);
            if leader && let Some(kb) = peak_rss_kb(pid) {
                let mut state = shared.lock();
                if let Some(&index) = state.live.get(&pid) {
                    let process = &mut state.processes[index];
                    process.peak_rss_kb = process.peak_rss_kb.max(kb);
                }
            }
            cont(libc::PTRACE_CONT, pid, 0);
        }
        EVENT_STOP => {
            let first_stop = {
                let mut state = shared.lock();
                match state.tasks.get_mut(&pid) {
                    Some(task) if task.running => false,
                    Some(task) => {
                        task.running = true;
                        true
                    }
                    None => true,
                }
            };
            if first_stop {
                // The auto-attach stop of a new task (maybe seen before its parent's event).
                born(shared, pid, None, at);
                cont(libc::PTRACE_CONT, pid, 0);
            } else if matches!(
                signal,
                libc::SIGSTOP | libc::SIGTSTP | libc::SIGTTIN | libc::SIGTTOU
            ) {
                // A group-stop: stay stopped as without ptrace, until SIGCONT.
                cont(libc::PTRACE_LISTEN, pid, 0);
            } else {
                cont(libc::PTRACE_CONT, pid, 0);
            }
        }
        _ => {
            // A signal-delivery-stop: deliver the signal as the kernel would have.
            cont(libc::PTRACE_CONT, pid, signal);
        }
    }
}

/// A new task, from its parent's event (`parent`: the parent's tgid) or from its own first stop,
/// whichever comes first.
fn born(shared: &Shared, tid: libc::pid_t, parent: Option<libc::pid_t>, at: f64) {
    let mut state = shared.lock();
    // Already known from the other of its two announcements.
    if let Some(task) = state.tasks.get_mut(&tid) {
        task.announced |= parent.is_some();
        return;
    }
    let early = match parent {
        Some(_) => state.gone_early.remove(&tid),
        None => None,
    };
    if early == Some(true) {
        // Counted at its first stop, ended before this event: nothing more to record.
        return;
    }
    let tgid = match parent {
        Some(parent) if is_thread_of(parent, tid) => parent,
        Some(_) => tid,
        None => tgid_of(tid).unwrap_or(tid),
    };
    if tgid == tid {
        let index = state.processes.len();
        state.processes.push(Process {
            pid: tid,
            start_s: at,
            end_s: early.map(|_| at),
            cpu_ticks: 0,
            peak_rss_kb: 0,
        });
        if early.is_none() {
            state.live.insert(tid, index);
        }
    }
    if early.is_some() {
        return;
    }
    state.tasks.insert(
        tid,
        Task {
            tgid,
            running: parent.is_none(),
            announced: parent.is_some(),
        },
    );
    let tasks = state.program_tasks();
    state.peak_tasks = state.peak_tasks.max(tasks);
    if tasks > shared.limit && !shared.kernel_limit {
        if !state.over_limit {
            state.over_limit = true;
            // SAFETY: write of one byte from a static buffer to our own pipe.
            unsafe { libc::write(shared.wake.as_raw_fd(), b"!".as_ptr().cast(), 1) };
        }
        // Every live process of the program: unreaped tracees, so their pids are still theirs.
        let first = state.first;
        let pid_one = state.pid_one;
        for &pid in state.live.keys() {
            if !(pid_one && pid == first) {
                // SAFETY: SIGKILL to an unreaped tracee of this thread.
                unsafe { libc::kill(pid, libc::SIGKILL) };
            }
        }
    }
}

/// Whether `tid` is a thread of the thread group `tgid` (a signal 0 through tgkill fails with
/// ESRCH otherwise). One system call, no `/proc` read.
fn is_thread_of(tgid: libc::pid_t, tid: libc::pid_t) -> bool {
    if tgid == tid {
        return false;
    }
    // SAFETY: tgkill with signal 0 only checks that the thread exists in the group.
    let r = unsafe { libc::syscall(libc::SYS_tgkill, tgid, tid, 0) };
    r == 0 || super::syscalls::errno() != libc::ESRCH
}

fn status_field(pid: libc::pid_t, key: &str) -> Option<u64> {
    let text = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

fn tgid_of(tid: libc::pid_t) -> Option<libc::pid_t> {
    status_field(tid, "Tgid:").map(|t| t as libc::pid_t)
}

fn peak_rss_kb(pid: libc::pid_t) -> Option<u64> {
    status_field(pid, "VmHWM:")
}

/// Whether ptrace on one's own child works here (Yama, a seccomp filter or a container may refuse
/// it): a throw-away child is seized, killed and reaped. `Err` carries the reason.
pub fn works() -> Result<(), String> {
    let (r, w) = match nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC) {
        Ok(p) => p,
        Err(e) => return Err(format!("pipe: {e}")),
    };
    // SAFETY: the child only calls read and _exit, which are async-signal-safe.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // SAFETY: blocking read on our pipe, then leaving without destructors.
        unsafe {
            let mut byte = 0u8;
            libc::read(r.as_raw_fd(), (&mut byte as *mut u8).cast(), 1);
            libc::_exit(0)
        }
    }
    drop(r);
    if pid < 0 {
        return Err(format!("fork: {}", std::io::Error::last_os_error()));
    }
    let result = seize(pid).map_err(|e| format!("PTRACE_SEIZE on our own child: {e}"));
    drop(w);
    // SAFETY: SIGKILL to our own child (not reaped yet, so the pid is still its).
    unsafe { libc::kill(pid, libc::SIGKILL) };
    loop {
        let mut status = 0;
        // SAFETY: waitpid on our own child with a valid status pointer.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::__WALL | libc::__WNOTHREAD) };
        if r < 0 {
            if super::syscalls::errno() == libc::EINTR {
                continue;
            }
            break;
        }
        if !libc::WIFSTOPPED(status) {
            break;
        }
        // Even a SIGKILLed tracee stops at PTRACE_EVENT_EXIT: let it finish dying.
        cont(libc::PTRACE_CONT, pid, 0);
    }
    result
}
