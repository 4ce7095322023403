//! A started run as the calling thread sees it, from its start to its report: watched to its end
//! ([`LiveRun::supervise`]), every process of it ended and reaped ([`LiveRun::tear_down`]), then
//! measured and judged ([`LiveRun::finish`]). The run's parent thread meanwhile clones, follows and
//! reaps its first process (see `ptrace`); [`super::Session::run`] holds both together.
use std::os::fd::OwnedFd;
use std::time::{Duration, Instant};

use super::capture::Capture;
use super::cgroup::RunCgroup;
use super::connector::{self, Connector};
use super::doctor;
use super::family::Tree;
use super::layers::Confinement;
use super::probe::Probe;
use super::ptrace::{self, Shared};
use super::report::{Limits, ProcessTrace, RunReport, RunRequest, RunStatus};
use super::status::{self, Evidence, Stop};
use super::supervise::{self, Pipes, RunProcesses, Watch};
use super::syscalls;
use super::teardown::{self, Reaped};
use super::trace::Tracer;

/// How long the pipes are read after every process is gone (data still in the pipe buffers).
const DRAIN: Duration = Duration::from_millis(200);

/// Everything a started run is watched with, from [`super::Session::run`].
pub struct Started<'s> {
    pub request: &'s RunRequest,
    pub probe: &'s Probe,
    pub confinement: &'s Confinement,
    pub child: libc::pid_t,
    pub start: Instant,
    pub start_mono: f64,
    pub connector: Option<Connector>,
    /// The parent thread's state (and the tracer's picture, when ptrace follows the run).
    pub shared: &'s Shared,
    /// Readable when the tracer stopped the run for going over its process limit.
    pub wake: OwnedFd,
    pub stdout: OwnedFd,
    pub stderr: OwnedFd,
    pub report: OwnedFd,
}

/// A started run as the calling thread watches it: who its processes are, its pipes, what has been
/// seen of it so far.
pub struct LiveRun<'s> {
    limits: &'s Limits,
    probe: &'s Probe,
    cgroup: Option<&'s RunCgroup>,
    /// The start on the kernel's monotonic clock, the connector's time base.
    start_mono: f64,
    run: RunProcesses<'s>,
    pipes: Pipes,
    capture: Capture,
    tracer: Tracer,
}

/// What supervision learned, and when it ended (the program's end when it exited by itself).
pub struct Supervised {
    watch: Watch,
    end_s: f64,
}

/// What the tear-down found.
pub struct Ended {
    /// Processes still alive once the program had ended by itself, killed ("you forgot `join()`").
    leftovers: u32,
    reaped: Reaped,
    /// An output went over its cap while the pipes were read to their end.
    flooded_late: bool,
    wall_s: f64,
}

/// What the tracer saw of the run, when ptrace followed it.
struct Followed {
    processes: Vec<ptrace::Process>,
    peak_tasks: u32,
    over_limit: bool,
}

/// How many processes the run started, how they were counted, and their trace.
struct Counted {
    processes: u32,
    method: String,
    /// Why the count may miss processes (`None`: it is exact).
    inexact_reason: Option<crate::i18n::Message>,
    trace: Vec<ProcessTrace>,
}

impl<'s> LiveRun<'s> {
    /// Picks how the run's processes are found: the tracer's picture under ptrace, else the
    /// cgroup, else the family tree rebuilt from `/proc`.
    pub fn new(s: Started<'s>) -> LiveRun<'s> {
        let limits = &s.request.limits;
        let child = s.child;
        let namespaces = s.confinement.namespaces;
        let cgroup = s.confinement.cgroup.as_ref();
        let uid = s.confinement.uid();
        let exact = s.shared.traced().then_some(s.shared);
        let tree = (cgroup.is_none() && exact.is_none()).then(|| Tree::new(child, uid, s.probe.subreaper));
        let run = RunProcesses {
            child,
            pid_one: namespaces != 0,
            cgroup,
            tree,
            exact,
            shared: s.shared,
            start: s.start,
        };
        // Without PID 1 the child is the program itself: its pidfd wakes `poll` when it ends.
        let pidfd = if namespaces == 0 {
            syscalls::pidfd_open(child)
        } else {
            None
        };
        let mut pipes = Pipes::new(s.stdout, s.stderr, s.report, pidfd);
        pipes.wake = Some(s.wake);
        pipes.connector = s
            .connector
            .map(|c| (c, connector::Family::new(child, s.start_mono)));
        let tracer = Tracer::new(run.pid_one.then_some(child));
        LiveRun {
            limits,
            probe: s.probe,
            cgroup,
            start_mono: s.start_mono,
            run,
            pipes,
            capture: Capture::new(limits.output_bytes),
            tracer,
        }
    }

    /// Watches the run until the program ends or a limit is hit (Ctrl-C included): its output
    /// read, its processes sampled, its clocks kept.
    pub fn supervise(&mut self) -> Supervised {
        let watch = supervise::watch(
            &self.run,
            self.limits,
            &mut self.pipes,
            &mut self.capture,
            &mut self.tracer,
        );
        Supervised {
            watch,
            end_s: self.run.elapsed_s(),
        }
    }

    /// Ends every process of the run and reaps it: what a program that exited left behind gets a
    /// moment to leave (and is counted), a run stopped by a clock or Ctrl-C gets SIGTERM and a
    /// grace period, then everything left gets SIGKILL; the pipes are read to their end.
    pub fn tear_down(&mut self, supervised: &Supervised) -> Ended {
        let stop = supervised.watch.stop;
        let (run, pipes, capture, tracer) = (&self.run, &mut self.pipes, &mut self.capture, &mut self.tracer);
        let leftovers = if stop == Stop::Exited {
            teardown::settle(run, pipes, capture, tracer)
        } else {
            0
        };
        if matches!(stop, Stop::Wall | Stop::Cpu | Stop::Interrupted) {
            teardown::terminate(run, pipes, capture, tracer);
        }
        let reaped = teardown::kill_and_reap(run, tracer, supervised.watch.rusage.as_ref());
        let flooded_late = !supervise::drain_rest(run, pipes, capture, tracer, DRAIN);
        pipes.read_events(run, tracer);
        // A program that ended by itself ran until its end, not until its leftovers were gone.
        let wall_s = if stop == Stop::Exited {
            supervised.end_s
        } else {
            run.elapsed_s()
        };
        Ended {
            leftovers,
            reaped,
            flooded_late,
            wall_s,
        }
    }

    /// The report, from what supervision and the tear-down found.
    pub fn finish(mut self, supervised: Supervised, ended: Ended) -> RunReport {
        let watch = &supervised.watch;
        let wait_status = self.wait_status(watch, &ended.reaped);
        let followed = self.followed();
        let cpu_s = self.cpu_s(followed.as_ref(), &ended.reaped);
        let max_rss_kb = self.max_rss_kb(followed.as_ref());
        let counted = self.count_processes(followed.as_ref(), ended.wall_s, wait_status);
        let over_limit = followed.as_ref().is_some_and(|f| f.over_limit);
        let stop = if ended.flooded_late && watch.stop == Stop::Exited {
            Stop::OutputFlood
        } else if over_limit && watch.stop != Stop::OutputFlood {
            Stop::Processes
        } else {
            watch.stop
        };
        let (oom_kills, task_limit_hits) = self
            .cgroup
            .map_or((0, 0), |c| (c.oom_kills(), c.task_limit_hits()));
        let evidence = Evidence {
            stop,
            wait_status,
            oom_kills,
            task_limit_hits,
            peak_tasks: self.peak_tasks(followed.as_ref()),
            memory_cgroup: self.cgroup.is_some(),
            cpu_s,
            max_rss_kb,
            limits: self.limits,
        };
        let (status, reason) = verdict(&evidence, &ended.reaped);
        let output = self.capture.finish();
        RunReport {
            status,
            exit_code: wait_status
                .filter(|s| libc::WIFEXITED(*s))
                .map(|s| libc::WEXITSTATUS(s)),
            signal: wait_status
                .filter(|s| libc::WIFSIGNALED(*s))
                .map(|s| libc::WTERMSIG(s)),
            wall_s: ended.wall_s,
            cpu_s,
            processes: counted.processes,
            processes_method: counted.method,
            exact: counted.inexact_reason.is_none(),
            inexact_reason: counted
                .inexact_reason
                .as_ref()
                .map(|m| m.word(crate::i18n::Lang::En)),
            inexact: counted.inexact_reason,
            max_rss_kb,
            stdout: output.stdout,
            stderr: output.stderr,
            stdout_truncated: output.stdout_truncated,
            stderr_truncated: output.stderr_truncated,
            lines: output.lines,
            trace: counted.trace,
            leftovers_killed: ended.leftovers,
            layers: Vec::new(),
            detail: reason.as_ref().map(|m| m.word(crate::i18n::Lang::En)),
            reason,
        }
    }

    /// How the program ended: PID 1 relays its status (even one that came during the grace
    /// period); without PID 1 the program is our own child.
    fn wait_status(&self, watch: &Watch, reaped: &Reaped) -> Option<i32> {
        watch
            .wait_status
            .or(self.pipes.main_status)
            .or(if self.run.pid_one {
                None
            } else {
                reaped.child_status
            })
    }

    /// The tracer's picture of the run, when ptrace followed it.
    fn followed(&self) -> Option<Followed> {
        self.run.exact.map(|shared| {
            let state = shared.lock();
            Followed {
                processes: state.processes.clone(),
                peak_tasks: state.peak_tasks,
                over_limit: state.over_limit,
            }
        })
    }

    /// The run's CPU time: the cgroup's account where there is one, else the most any instrument
    /// saw (the rusage of what was reaped, the samples, the tracer's exit readings).
    fn cpu_s(&self, followed: Option<&Followed>, reaped: &Reaped) -> f64 {
        let exact_cpu_s = followed
            .map(|f| f.processes.iter().map(|p| p.cpu_ticks).sum::<u64>() as f64 * self.tracer.tick_s());
        self.cgroup.and_then(|c| c.cpu_s()).unwrap_or(
            reaped
                .cpu_s
                .max(self.tracer.cpu_s())
                .max(exact_cpu_s.unwrap_or(0.0)),
        )
    }

    /// The cgroup's peak covers every process of the run together; without it, the largest
    /// process (at its exit under ptrace, else as sampled).
    fn max_rss_kb(&self, followed: Option<&Followed>) -> u64 {
        let exact_rss = followed.map_or(0, |f| {
            f.processes.iter().map(|p| p.peak_rss_kb).max().unwrap_or(0)
        });
        self.cgroup
            .and_then(|c| c.memory_peak())
            .map_or(self.tracer.peak_rss_kb.max(exact_rss), |bytes| bytes / 1024)
    }

    /// Counts the run's processes with the best instrument it had: ptrace (exact), the proc
    /// connector (exact unless it lost events), else sampling (and the report says why it is not
    /// exact, so that the grader does not judge on it).
    fn count_processes(
        &mut self,
        followed: Option<&Followed>,
        wall_s: f64,
        wait_status: Option<i32>,
    ) -> Counted {
        if let Some(followed) = followed {
            let tick = self.tracer.tick_s();
            let trace = followed
                .processes
                .iter()
                .map(|p| ProcessTrace {
                    pid: p.pid,
                    start_s: p.start_s,
                    end_s: p.end_s.unwrap_or(wall_s),
                    cpu_s: p.cpu_ticks as f64 * tick,
                })
                .collect();
            return Counted {
                processes: followed.processes.len() as u32,
                method: "ptrace".to_string(),
                inexact_reason: None,
                trace,
            };
        }
        if let Some((_, family)) = &self.pipes.connector {
            for (&pid, &(forked, ended)) in &family.processes {
                let end = ended.map_or(wall_s, |e| e - self.start_mono);
                self.tracer.merge_exact(pid, forked - self.start_mono, end);
            }
            // Our PID 1 is the family's root, not a process of the program.
            let started = family.started - u32::from(self.run.pid_one);
            let (method, reason) = if family.lost {
                (
                    "proc-connector (events lost: a lower bound)",
                    Some(crate::msg!("doctor-connector-lost")),
                )
            } else {
                ("proc-connector", None)
            };
            return Counted {
                processes: started,
                method: method.to_string(),
                inexact_reason: reason,
                trace: self.tracer.trace(),
            };
        }
        let every = self.run.sample_every().as_millis();
        // A program that ended before the first sample still was one process.
        let ran = u32::from(wait_status.is_some());
        Counted {
            processes: self.tracer.count().max(ran),
            method: format!("sampling every {every} ms (short-lived processes may be missed)"),
            inexact_reason: Some(doctor::inexact_reason(self.probe)),
            trace: self.tracer.trace(),
        }
    }

    /// The most tasks of the program alive at once: the tracer's count, or the kernel's own where
    /// a cgroup holds the run (our PID 1 is in the group too).
    fn peak_tasks(&self, followed: Option<&Followed>) -> u32 {
        let traced_peak = followed.map_or(0, |f| f.peak_tasks);
        let cgroup_peak = self
            .cgroup
            .and_then(|c| c.task_peak())
            .map_or(0, |peak| peak.saturating_sub(u32::from(self.run.pid_one)));
        traced_peak.max(cgroup_peak)
    }
}

/// The run's status and the sentence that explains it, from the evidence and from what reaping
/// found.
fn verdict(evidence: &Evidence<'_>, reaped: &Reaped) -> (RunStatus, Option<crate::i18n::Message>) {
    let (mut status, mut detail) = status::decide(evidence);
    if evidence.stop == Stop::LostInit
        && let Some(init) = reaped.child_status
    {
        // Say how PID 1 ended, to tell a kill from outside from a bug of ours.
        detail = Some(if libc::WIFSIGNALED(init) {
            crate::msg!("run-lost-init-signal", signal = libc::WTERMSIG(init))
        } else {
            crate::msg!("run-lost-init-exit", code = libc::WEXITSTATUS(init))
        });
    }
    if !reaped.survivors.is_empty() {
        status = RunStatus::InternalError;
        detail = Some(crate::msg!("run-survivors", count = reaped.survivors.len()));
    }
    (status, detail)
}
