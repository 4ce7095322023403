//! The end of a run: SIGTERM and a grace period when the clock ran out, then SIGKILL to every process
//! of the run, reap what is ours, and check that nothing survived.
use std::time::{Duration, Instant};

use super::capture::Capture;
use super::signal;
use super::supervise::{self, Pipes, RunProcesses};
use super::trace::Tracer;

/// Time a program gets between SIGTERM and SIGKILL when the wall clock runs out.
pub const GRACE: Duration = Duration::from_millis(250);

fn signal_all(run: &RunProcesses<'_>, signal: libc::c_int) {
    if run.pid_one {
        // Inside the namespace, PID 1 signals everyone for us (no pid can be stale there): SIGTERM
        // on request (SIGUSR1), and its own death by SIGKILL takes the whole namespace with it.
        let request = if signal == libc::SIGKILL {
            libc::SIGKILL
        } else {
            super::child::RELAY_TERM
        };
        run.signal_child(request);
        return;
    }
    if signal == libc::SIGKILL && run.cgroup.is_some_and(|c| c.kill()) {
        return;
    }
    for pid in run.pids() {
        // The pid was listed a moment ago; it is signalled only if it is still the run's.
        signal::send_if(pid, signal, |p| run.owns(p));
    }
}

/// How long processes may take to end by themselves after the program ended before they count as
/// leftovers: Python's resource tracker and forkserver leave as soon as the program's pipe closes.
pub const SETTLE: Duration = Duration::from_millis(100);

/// After the program ended: waits up to [`SETTLE`] (output still read) and returns how many of its
/// processes are still alive, the leftovers ("you forgot `join()`").
pub fn settle(run: &RunProcesses<'_>, pipes: &mut Pipes, capture: &mut Capture, tracer: &mut Tracer) -> u32 {
    let until = Instant::now() + SETTLE;
    loop {
        let live = supervise::live(run, tracer)
            .iter()
            .filter(|s| s.pid != run.child)
            .count() as u32;
        if live == 0 || Instant::now() >= until {
            return live;
        }
        if !supervise::drain_rest(run, pipes, capture, tracer, supervise::SAMPLE_EVERY) {
            return live;
        }
        if pipes.stdout.is_none() && pipes.stderr.is_none() {
            // Nothing to read: wait for the next look without spinning.
            std::thread::sleep(supervise::SAMPLE_EVERY);
        }
    }
}

/// SIGTERM to every process of the run, then up to [`GRACE`] for them to go, output still read.
pub fn terminate(run: &RunProcesses<'_>, pipes: &mut Pipes, capture: &mut Capture, tracer: &mut Tracer) {
    signal_all(run, libc::SIGTERM);
    let until = Instant::now() + GRACE;
    while Instant::now() < until {
        // A stopped process (SIGSTOP on itself) only dies of SIGKILL; no point waiting for it.
        let live = supervise::live(run, tracer);
        if live.is_empty() || live.iter().all(|s| s.state == b'T' || s.state == b't') {
            break;
        }
        if !supervise::drain_rest(run, pipes, capture, tracer, supervise::SAMPLE_EVERY) {
            break;
        }
        if pipes.stdout.is_none() && pipes.stderr.is_none() {
            // Nothing to read: wait for the next look without spinning. (A program that ended of
            // SIGTERM is a zombie, not live; it is reaped later with the others.)
            std::thread::sleep(supervise::SAMPLE_EVERY);
        }
    }
}

/// What reaping found.
pub struct Reaped {
    /// Raw wait status of the cloned child (the program, or PID 1).
    pub child_status: Option<i32>,
    /// CPU seconds from the rusage of what was reaped here.
    pub cpu_s: f64,
    /// Processes still present after everything (should be none).
    pub survivors: Vec<libc::pid_t>,
}

fn cpu_of(usage: &libc::rusage) -> f64 {
    let tv = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

/// SIGKILL to everything of the run, wait for the parent thread to reap the cloned child (and,
/// under ptrace, every traced process), reap every orphan re-parented to the grader, and list what
/// is still there.
pub fn kill_and_reap(run: &RunProcesses<'_>, tracer: &Tracer, child_reaped: Option<&libc::rusage>) -> Reaped {
    let mut cpu_s = child_reaped.map_or(0.0, cpu_of);
    // PID 1 takes its whole namespace with it.
    run.signal_child(libc::SIGKILL);
    let grader = std::process::id() as libc::pid_t;
    let deadline = Instant::now() + Duration::from_secs(5);
    let survivors = loop {
        let done = run.shared.lock().done;
        let remaining: Vec<_> = run.pids().into_iter().filter(|&p| p != run.child).collect();
        if (done && remaining.is_empty()) || Instant::now() >= deadline {
            break remaining;
        }
        if !(run.cgroup.is_some_and(|c| c.kill())) {
            for &pid in &remaining {
                signal::send_if(pid, libc::SIGKILL, |p| run.owns(p));
            }
        }
        if run.exact.is_none() {
            // Orphans of the run re-parented to the grader (a subreaper) are ours to reap: only
            // processes of this run, never the first process of another run of this grader.
            for &pid in &remaining {
                let ours = |p: libc::pid_t| {
                    !super::family::is_run_root(p)
                        && super::trace::stat(p)
                            .is_some_and(|s| s.ppid == grader && (run.owns(p) || tracer.saw(&s)))
                };
                if let Some(usage) = signal::reap_if(pid, ours) {
                    cpu_s += cpu_of(&usage);
                }
            }
        }
        std::thread::sleep(Duration::from_millis(1));
    };
    if let Some(shared) = run.exact
        && shared.lock().done
    {
        // Orphans the grader adopted were released to it by the tracer, which has finished: no
        // wait can take a tracee's stop any more.
        let adopted = std::mem::take(&mut shared.lock().adopted);
        for pid in adopted {
            let ours = |p: libc::pid_t| {
                !super::family::is_run_root(p) && super::trace::stat(p).is_some_and(|s| s.ppid == grader)
            };
            signal::reap_if(pid, ours);
        }
    }
    let child_status = if child_reaped.is_none() {
        run.shared.lock().first_status.map(|(status, usage)| {
            cpu_s += cpu_of(&usage);
            status
        })
    } else {
        None
    };
    Reaped {
        child_status,
        cpu_s,
        survivors,
    }
}
