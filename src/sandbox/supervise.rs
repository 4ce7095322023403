//! The grader's side of a run while it lives: read both pipes with `poll`, sample the processes,
//! watch the clocks, notice the program's end.
use std::os::fd::{AsRawFd, OwnedFd};
use std::time::{Duration, Instant};

use super::capture::Capture;
use super::cgroup::RunCgroup;
use super::child::{MSG_MAIN_EXIT, MSG_SETUP_ERROR};
use super::connector::{Connector, Family};
use super::family::Tree;
use super::ptrace::Shared;
use super::report::{Limits, Stream};
use super::status::Stop;
use super::trace::{Stat, Tracer};

/// How often the processes are sampled while the run lives, when a cgroup lists them (cheap).
pub const SAMPLE_EVERY: Duration = Duration::from_millis(5);
/// The same when the whole of `/proc` must be scanned to find them (a few hundred files a time).
pub const SAMPLE_EVERY_SCANNING: Duration = Duration::from_millis(20);

/// Who the run's processes are and how to find them.
pub struct RunProcesses<'a> {
    /// The cloned child: the program itself, or PID 1 of the namespaces.
    pub child: libc::pid_t,
    pub pid_one: bool,
    pub cgroup: Option<&'a RunCgroup>,
    /// Without a cgroup and without ptrace: the family tree rebuilt from `/proc`.
    pub tree: Option<Tree>,
    /// The tracer's exact picture, when ptrace follows the run.
    pub exact: Option<&'a Shared>,
    /// The run's parent thread (which reaps the first process).
    pub shared: &'a Shared,
    pub start: Instant,
}

impl RunProcesses<'_> {
    /// Every process of the run now, PID 1 included (host pids).
    pub fn pids(&self) -> Vec<libc::pid_t> {
        if let Some(shared) = self.exact {
            return shared.lock().pids();
        }
        match (self.cgroup, &self.tree) {
            (Some(cgroup), _) => cgroup.pids(),
            (None, Some(tree)) => tree.pids(),
            (None, None) => vec![self.child],
        }
    }

    /// Whether `pid` is (still) a process of this run: in its cgroup, or in its family tree with
    /// the same start time.
    pub fn owns(&self, pid: libc::pid_t) -> bool {
        if let Some(shared) = self.exact {
            return shared.lock().owns(pid);
        }
        match (self.cgroup, &self.tree) {
            (Some(cgroup), _) => super::signal::in_cgroup(pid, cgroup.name()),
            (None, Some(tree)) => tree.contains(pid),
            (None, None) => false,
        }
    }

    /// How often this run's processes are sampled.
    pub fn sample_every(&self) -> Duration {
        if self.tree.is_some() {
            SAMPLE_EVERY_SCANNING
        } else {
            SAMPLE_EVERY
        }
    }

    /// Sends `signal` to the first process (the program, or PID 1) unless it is already reaped.
    pub fn signal_child(&self, signal: libc::c_int) {
        self.shared.lock().signal_first(signal);
    }

    pub fn elapsed_s(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }
}

/// The open pipes of a run.
pub struct Pipes {
    pub stdout: Option<OwnedFd>,
    pub stderr: Option<OwnedFd>,
    pub report: Option<OwnedFd>,
    pub pidfd: Option<OwnedFd>,
    /// Readable when the tracer stopped the run for going over its process limit.
    pub wake: Option<OwnedFd>,
    /// The proc connector and the family tree it is building, when the platform has it.
    pub connector: Option<(Connector, Family)>,
    /// The program's raw wait status as PID 1 relayed it, even when it came during teardown.
    pub main_status: Option<i32>,
    pending: Vec<u8>,
}

impl Pipes {
    pub fn new(stdout: OwnedFd, stderr: OwnedFd, report: OwnedFd, pidfd: Option<OwnedFd>) -> Pipes {
        for fd in [&stdout, &stderr, &report] {
            set_nonblocking(fd);
        }
        Pipes {
            stdout: Some(stdout),
            stderr: Some(stderr),
            report: Some(report),
            pidfd,
            wake: None,
            connector: None,
            main_status: None,
            pending: Vec::new(),
        }
    }

    /// Reads the connector's queued events; a process of the run that just ended gets a last look
    /// (its zombie still shows its CPU time) so that a short-lived worker is not missed.
    pub fn read_events(&mut self, run: &RunProcesses<'_>, tracer: &mut Tracer) {
        if let Some((connector, family)) = &mut self.connector {
            let events = connector.read(family);
            let at = run.elapsed_s();
            for pid in events.exited {
                tracer.observe(pid, at);
            }
        }
    }
}

fn set_nonblocking(fd: &OwnedFd) {
    // SAFETY: F_GETFL/F_SETFL on a descriptor we own.
    unsafe {
        let flags = libc::fcntl(fd.as_raw_fd(), libc::F_GETFL);
        libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, flags | libc::O_NONBLOCK);
    }
}

/// What the watch loop learned.
pub struct Watch {
    pub stop: Stop,
    /// Raw wait status of the program, when known (from PID 1, or reaped here).
    pub wait_status: Option<i32>,
    /// Rusage of what was reaped here (the program without PID 1).
    pub rusage: Option<libc::rusage>,
}

/// Watches the run until the program ends or a limit is hit, and returns why it stopped.
pub fn watch(
    run: &RunProcesses<'_>,
    limits: &Limits,
    pipes: &mut Pipes,
    capture: &mut Capture,
    tracer: &mut Tracer,
) -> Watch {
    let deadline = run.start + limits.wall;
    let mut next_sample = run.start;
    let mut watch = Watch {
        stop: Stop::Exited,
        wait_status: None,
        rusage: None,
    };
    loop {
        let now = Instant::now();
        if now >= deadline {
            watch.stop = Stop::Wall;
            return watch;
        }
        // Ctrl-C in the REPL while a check runs: only set while a guard holds SIGINT (never in
        // batch grading), and the wait below is at most one sampling period.
        if crate::procs::interrupt::requested() {
            watch.stop = Stop::Interrupted;
            return watch;
        }
        if now >= next_sample {
            tracer.sample(&run.pids(), run.elapsed_s());
            next_sample = now + run.sample_every();
            let cpu = run
                .cgroup
                .and_then(|c| c.cpu_s())
                .unwrap_or_else(|| tracer.cpu_s());
            if cpu > limits.cpu.as_secs_f64() {
                watch.stop = Stop::Cpu;
                return watch;
            }
        }
        let wait = deadline.min(next_sample).saturating_duration_since(now);
        match poll_once(run, pipes, capture, tracer, wait) {
            Event::Nothing => {}
            Event::OutputFlood => {
                watch.stop = Stop::OutputFlood;
                return watch;
            }
            Event::Setup(step, errno) => {
                watch.stop = Stop::Setup(step, errno);
                return watch;
            }
            Event::MainExit(status) => {
                watch.wait_status = Some(status);
                return watch;
            }
            Event::InitGone => {
                watch.stop = Stop::LostInit;
                return watch;
            }
            Event::OverLimit => {
                watch.stop = Stop::Processes;
                return watch;
            }
        }
        if !run.pid_one
            && let Some((status, rusage)) = run.shared.lock().first_status
        {
            // Without a pidfd the program's end is noticed at the next tick. A setup failure
            // was written before the child exited: look for it before calling this an exit.
            if let Some(Event::Setup(step, errno)) = read_report(pipes, false) {
                watch.stop = Stop::Setup(step, errno);
            }
            watch.wait_status = Some(status);
            watch.rusage = Some(rusage);
            return watch;
        }
    }
}

enum Event {
    Nothing,
    OutputFlood,
    Setup(i32, i32),
    MainExit(i32),
    InitGone,
    /// The tracer killed the run for going over its process limit.
    OverLimit,
}

/// One `poll` over the open pipes (and the pidfd), then reads whatever is ready.
fn poll_once(
    run: &RunProcesses<'_>,
    pipes: &mut Pipes,
    capture: &mut Capture,
    tracer: &mut Tracer,
    wait: Duration,
) -> Event {
    let raw = |fd: &Option<OwnedFd>| fd.as_ref().map_or(-1, |f| f.as_raw_fd());
    let connector = pipes.connector.as_ref().map_or(-1, |(c, _)| c.raw_fd());
    let mut fds: Vec<libc::pollfd> = [
        raw(&pipes.stdout),
        raw(&pipes.stderr),
        raw(&pipes.report),
        raw(&pipes.pidfd),
        connector,
        raw(&pipes.wake),
    ]
    .into_iter()
    .map(|fd| libc::pollfd {
        fd,
        events: libc::POLLIN,
        revents: 0,
    })
    .collect();
    let ms = wait.as_millis().clamp(0, 1000) as libc::c_int;
    // SAFETY: poll over a valid array of pollfd; negative fds are ignored by the kernel.
    let n = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, ms) };
    if n <= 0 {
        return Event::Nothing;
    }
    let at = run.elapsed_s();
    if fds[5].revents != 0 {
        pipes.wake = None;
        return Event::OverLimit;
    }
    if fds[4].revents != 0 {
        pipes.read_events(run, tracer);
    }
    for (slot, stream) in [(0, Stream::Stdout), (1, Stream::Stderr)] {
        if fds[slot].revents == 0 {
            continue;
        }
        let pipe = if slot == 0 {
            &mut pipes.stdout
        } else {
            &mut pipes.stderr
        };
        if drain(pipe, capture, stream, at) == Some(false) {
            return Event::OutputFlood;
        }
    }
    if fds[2].revents != 0
        && let Some(event) = read_report(pipes, run.pid_one)
    {
        return event;
    }
    // A readable pidfd (the program ended) stays in the set: the parent thread reaps the program
    // a moment later, and the caller's next check finds its status.
    Event::Nothing
}

/// Reads what is available on one output pipe. `None` at end of file (the pipe is closed),
/// `Some(false)` when the cap was passed.
fn drain(pipe: &mut Option<OwnedFd>, capture: &mut Capture, stream: Stream, at: f64) -> Option<bool> {
    let fd = pipe.as_ref()?.as_raw_fd();
    let mut buf = [0u8; 65536];
    // A few reads per wake-up at most, so a flood on one pipe cannot starve the clock.
    for _ in 0..16 {
        // SAFETY: read into a stack buffer of the given length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            if !capture.push(stream, &buf[..n as usize], at) {
                return Some(false);
            }
            continue;
        }
        if n == 0 {
            *pipe = None;
            return None;
        }
        let errno = super::syscalls::errno();
        if errno == libc::EINTR {
            continue;
        }
        if errno != libc::EAGAIN {
            *pipe = None;
            return None;
        }
        break;
    }
    Some(true)
}

/// Reads 3-word messages from the report pipe.
fn read_report(pipes: &mut Pipes, pid_one: bool) -> Option<Event> {
    let fd = pipes.report.as_ref()?.as_raw_fd();
    let mut buf = [0u8; 12 * 16];
    // SAFETY: read into a stack buffer of the given length.
    let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
    if n == 0 {
        pipes.report = None;
        // Without PID 1, end of file means execve succeeded (the pipe is close-on-exec).
        return pid_one.then_some(Event::InitGone);
    }
    if n < 0 {
        return None;
    }
    pipes.pending.extend_from_slice(&buf[..n as usize]);
    while pipes.pending.len() >= 12 {
        let word =
            |i: usize| i32::from_ne_bytes(pipes.pending[i * 4..i * 4 + 4].try_into().unwrap_or([0; 4]));
        let (kind, a, b) = (word(0), word(1), word(2));
        pipes.pending.drain(..12);
        match kind {
            MSG_SETUP_ERROR => return Some(Event::Setup(a, b)),
            MSG_MAIN_EXIT => {
                pipes.main_status = Some(a);
                return Some(Event::MainExit(a));
            }
            _ => {}
        }
    }
    None
}

/// Reads what is left in the pipes after every process is gone, for at most `limit`.
pub fn drain_rest(
    run: &RunProcesses<'_>,
    pipes: &mut Pipes,
    capture: &mut Capture,
    tracer: &mut Tracer,
    limit: Duration,
) -> bool {
    let until = Instant::now() + limit;
    // Readable for good once the program ended; the report pipe stays (PID 1 may still speak).
    pipes.pidfd = None;
    while pipes.stdout.is_some() || pipes.stderr.is_some() {
        let now = Instant::now();
        if now >= until {
            break;
        }
        if let Event::OutputFlood = poll_once(run, pipes, capture, tracer, until - now) {
            return false;
        }
    }
    true
}

/// The live processes other than PID 1 right now.
pub fn live(run: &RunProcesses<'_>, tracer: &mut Tracer) -> Vec<Stat> {
    tracer.sample(&run.pids(), run.elapsed_s())
}
