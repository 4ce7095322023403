//! Running an untrusted program with limits and full clean-up, and measuring what it did.
//!
//! The contract with the grader is [`RunRequest`] in, [`RunReport`] out; how the run is confined is
//! this module's business alone. Layers (each used where [`probe`] found it works, and named in
//! [`RunReport::layers`]):
//!
//! - every Unix: own session, stdin `/dev/null` (or the request's stdin file), inherited
//!   descriptors closed, clean environment, fresh working folder, capped output read with `poll`, rlimits, wall clock;
//! - Linux: the grader is a child subreaper, parent-death signal, PID + network + mount + IPC + UTS
//!   namespaces under a small PID 1, a per-run cgroup (v2, or v1 `pids`/`memory`/`cpuacct`);
//!   (hanging off a user namespace when the grader is not root);
//! - as root: a dedicated uid per concurrent run (RLIMIT_NPROC applies, `kill(-1)` reaches only the run).
//!
//! What the program can see of the files: only its working folder (at `/sandbox`) and the system
//! folders, read-only, when the mount namespace is in force; the exercise's reference solution and
//! the course folder do not exist for it. Without that layer (no namespaces at all) the program
//! can read whatever its uid may read: keep reference solutions out of world-readable places then.
//!
//! `run` may be called from several threads at once: the child of `clone` only reads a plan built
//! beforehand and makes single system calls until `execve` (see `child`).
//!
//! What the run did is observed exactly by `ptrace` where the platform allows it (every
//! environment the design names: root, a student's account, a container's PID namespace, Docker's
//! capabilities): every process and thread it starts, when each ends, each process's CPU time
//! (see `ptrace` for the design and its cost). Where ptrace is refused, the proc connector (root,
//! initial PID namespace) counts instead, else sampling — and the report says the count is not
//! exact (`exact: false`, `inexact_reason`), so that the grader does not judge on it.
//!
//! How the pieces fit: [`probe`] (once per process) → `layers` (uid, cgroup, namespaces for this
//! run) → `workdir` and `plan` (everything prepared before `clone`) → a parent thread per run
//! (`ptrace::parent`: clones `child` — PID 1 and the program, with `mounts` for the private root —
//! seizes it, follows it, reaps it) while the calling thread runs `supervise` (pipes, clocks,
//! sampling for memory and the CPU limit) → `teardown` → `status` (the verdict). `doctor` says
//! what this machine allows.
//!
//! For tests and measurements: `atelier __sandbox-run [--json] [limits] -- COMMAND…` runs one
//! command and prints its report, and `ATELIER_SANDBOX_DISABLE=namespaces,cgroup,uid,connector,ptrace`
//! switches layers off to exercise the degraded paths on a machine that has them all.
mod capture;
mod cgroup;
mod child;
mod connector;
mod doctor;
mod family;
mod layers;
mod limits;
mod mounts;
mod plan;
mod probe;
mod ptrace;
mod report;
mod signal;
mod status;
mod supervise;
mod syscalls;
mod teardown;
mod trace;
mod uid;
mod workdir;

use std::fs::File;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::Context;

pub use cgroup::CgroupKind;
pub use doctor::{Doctor, degraded_line, doctor};
pub use plan::{RUN_PATH, resolve as resolve_program};
pub use probe::{Probe, probe};
pub use report::*;

use plan::{ChildFds, Plan, PlanInputs};
use status::{Evidence, Stop};
use supervise::{Pipes, Run};

/// How long the pipes are read after every process is gone (data still in the pipe buffers).
const DRAIN: Duration = Duration::from_millis(200);

/// Runs a program under the sandbox. Never panics on a hostile program; an `Err` is an
/// infrastructure failure (could not fork, could not create the working folder).
pub fn run(request: &RunRequest) -> anyhow::Result<RunReport> {
    let probe = probe::probe();
    let limits = &request.limits;
    let confinement = layers::prepare(&probe, limits)?;
    let uid = confinement.uid();
    let namespaces = confinement.namespaces;

    let folder = workdir::create(&request.files, uid)?;
    let stdin_path = request.stdin.as_deref().unwrap_or(Path::new("/dev/null"));
    let devnull =
        plan::high(OwnedFd::from(File::open(stdin_path).with_context(|| {
            format!("opening {} for stdin", stdin_path.display())
        })?))?;
    let (out_r, out_w) = plan::pipe()?;
    let (err_r, err_w) = plan::pipe()?;
    let (report_r, report_w) = plan::pipe()?;
    let tracing = probe.ptrace;
    // The child waits on this pipe until the tracer has seized it (so that nothing of the run
    // happens unseen) and, in a user namespace, until its uid and gid maps are written.
    let (go_r, go_w) = if confinement.user_namespace || tracing {
        let (r, w) = plan::pipe()?;
        (Some(r), Some(w))
    } else {
        (None, None)
    };
    let mount_plan = if namespaces != 0 {
        let user_ns = confinement.user_namespace;
        Some(mounts::MountPlan::new(
            &folder.root,
            &folder.work,
            limits.memory_bytes,
            user_ns,
            uid,
        )?)
    } else {
        None
    };
    let visible = if mount_plan.is_some() {
        Path::new(mounts::VISIBLE_WORKDIR)
    } else {
        &folder.work
    };
    let cgroup = confinement.cgroup.as_ref();
    let plan = Plan::new(PlanInputs {
        request,
        visible_workdir: visible,
        creds: uid,
        cgroup_procs: match cgroup {
            Some(group) => group.procs_files().context("opening the run's cgroup")?,
            None => Vec::new(),
        },
        namespaces,
        mounts: mount_plan,
        nproc: uid.is_some(),
        memory_cgroup: cgroup.is_some(),
        fds: ChildFds {
            stdin: devnull,
            stdout: out_w,
            stderr: err_w,
            report: report_w,
            go: go_r,
        },
    })?;

    // ptrace follows the run exactly where it works; the connector is the fallback (root, initial
    // PID namespace), subscribed before the clone so the run's first forks are already queued.
    let connector = if probe.proc_connector && !tracing {
        connector::Connector::open().ok()
    } else {
        None
    };
    let start = Instant::now();
    let start_mono = connector::monotonic_s();
    let (wake_r, wake_w) = plan::pipe()?;
    let kernel_limit = cgroup.is_some() || uid.is_some();
    let shared = ptrace::Shared::new(wake_w, start, limits.processes, kernel_limit);
    // The run's parent thread lives in this scope: joined before `run` returns, whatever happens.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::channel();
        let sent = ptrace::SendPlan(plan);
        let parent_shared = &shared;
        scope.spawn(move || ptrace::parent(sent, tracing, parent_shared, tx));
        let child = match rx.recv() {
            Ok(Ok(pid)) => pid,
            Ok(Err(err)) => return Err(err).context("starting the run (clone)"),
            Err(_) => anyhow::bail!("the run's parent thread ended before starting the run"),
        };
        let _root = family::RootGuard::new(child);
        if let Some(go) = go_w {
            let started = if confinement.user_namespace {
                layers::map_user_namespace(child, go)
            } else {
                layers::go(go)
            };
            if let Err(err) = started {
                // The child waits on the go pipe; the parent thread reaps it.
                shared.lock().signal_first(libc::SIGKILL);
                return Err(err);
            }
        }
        observe(Observe {
            request,
            probe: &probe,
            confinement: &confinement,
            child,
            start,
            start_mono,
            connector,
            shared: &shared,
            wake: wake_r,
            out_r,
            err_r,
            report_r,
        })
    })
    .map(|mut report| {
        report.layers = confinement.layers.clone();
        if report.processes_method == "ptrace" {
            report.layers.push("ptrace".into());
        }
        drop(confinement);
        drop(folder);
        report
    })
}

/// Everything `observe` needs from `run`.
struct Observe<'a> {
    request: &'a RunRequest,
    probe: &'a Probe,
    confinement: &'a layers::Confinement,
    child: libc::pid_t,
    start: Instant,
    start_mono: f64,
    connector: Option<connector::Connector>,
    /// The parent thread's state (and the tracer's picture, when ptrace follows the run).
    shared: &'a ptrace::Shared,
    wake: OwnedFd,
    out_r: OwnedFd,
    err_r: OwnedFd,
    report_r: OwnedFd,
}

/// Watches the started run to its end, tears it down, and writes the report.
fn observe(o: Observe<'_>) -> anyhow::Result<RunReport> {
    let limits = &o.request.limits;
    let probe = o.probe;
    let child = o.child;
    let namespaces = o.confinement.namespaces;
    let cgroup = o.confinement.cgroup.as_ref();
    let uid = o.confinement.uid();
    let start_mono = o.start_mono;
    let exact = o.shared.traced().then_some(o.shared);
    let tree = (cgroup.is_none() && exact.is_none()).then(|| family::Tree::new(child, uid, probe.subreaper));
    let run = Run {
        child,
        pid_one: namespaces != 0,
        cgroup,
        tree,
        exact,
        shared: o.shared,
        start: o.start,
    };
    let pidfd = if namespaces == 0 {
        syscalls::pidfd_open(child)
    } else {
        None
    };
    let mut pipes = Pipes::new(o.out_r, o.err_r, o.report_r, pidfd);
    pipes.wake = Some(o.wake);
    pipes.connector = o
        .connector
        .map(|c| (c, connector::Family::new(child, start_mono)));
    let mut capture = capture::Capture::new(limits.output_bytes);
    let mut tracer = trace::Tracer::new(run.pid_one.then_some(child));

    let watch = supervise::watch(&run, limits, &mut pipes, &mut capture, &mut tracer);
    let main_end_s = run.elapsed_s();
    let leftovers = if watch.stop == Stop::Exited {
        teardown::settle(&run, &mut pipes, &mut capture, &mut tracer)
    } else {
        0
    };
    if matches!(watch.stop, Stop::Wall | Stop::Cpu | Stop::Interrupted) {
        teardown::terminate(&run, &mut pipes, &mut capture, &mut tracer);
    }
    let reaped = teardown::kill_and_reap(&run, &tracer, watch.rusage.as_ref());
    let flooded_late = !supervise::drain_rest(&run, &mut pipes, &mut capture, &mut tracer, DRAIN);
    pipes.read_events(&run, &mut tracer);
    let wall_s = if watch.stop == Stop::Exited {
        main_end_s
    } else {
        run.elapsed_s()
    };

    // PID 1 relays the program's status (even one that came during the grace period); without
    // PID 1 the program is our own child.
    let wait_status =
        watch
            .wait_status
            .or(pipes.main_status)
            .or(if run.pid_one { None } else { reaped.child_status });
    let followed = exact.map(|shared| {
        let state = shared.lock();
        (state.processes.clone(), state.peak_tasks, state.over_limit)
    });
    let exact_cpu_s = followed
        .as_ref()
        .map(|(processes, ..)| processes.iter().map(|p| p.cpu_ticks).sum::<u64>() as f64 * tracer.tick_s());
    let cpu_s = cgroup
        .and_then(|c| c.cpu_s())
        .unwrap_or(reaped.cpu_s.max(tracer.cpu_s()).max(exact_cpu_s.unwrap_or(0.0)));
    // The cgroup's peak covers every process of the run together; without it, the largest
    // process (at its exit under ptrace, else as sampled).
    let exact_rss = followed.as_ref().map_or(0, |(processes, ..)| {
        processes.iter().map(|p| p.peak_rss_kb).max().unwrap_or(0)
    });
    let max_rss_kb = cgroup
        .and_then(|c| c.memory_peak())
        .map_or(tracer.peak_rss_kb.max(exact_rss), |bytes| bytes / 1024);
    let (oom_kills, task_limit_hits) = cgroup.map_or((0, 0), |c| (c.oom_kills(), c.task_limit_hits()));
    let (processes, processes_method, inexact_reason, trace) = match (&followed, &pipes.connector) {
        (Some((followed, ..)), _) => {
            let tick = tracer.tick_s();
            let trace: Vec<ProcessTrace> = followed
                .iter()
                .map(|p| ProcessTrace {
                    pid: p.pid,
                    start_s: p.start_s,
                    end_s: p.end_s.unwrap_or(wall_s),
                    cpu_s: p.cpu_ticks as f64 * tick,
                })
                .collect();
            (followed.len() as u32, "ptrace".to_string(), None, trace)
        }
        (None, Some((_, family))) => {
            for (&pid, &(forked, ended)) in &family.processes {
                let end = ended.map_or(wall_s, |e| e - start_mono);
                tracer.merge_exact(pid, forked - start_mono, end);
            }
            // Our PID 1 is the family's root, not a process of the program.
            let started = family.started - u32::from(run.pid_one);
            let (method, reason) = if family.lost {
                (
                    "proc-connector (events lost: a lower bound)",
                    Some("the proc connector lost events (socket overflow)".to_string()),
                )
            } else {
                ("proc-connector", None)
            };
            (started, method.to_string(), reason, tracer.finish())
        }
        (None, None) => {
            let every = run.sample_every().as_millis();
            // A program that ended before the first sample still was one process.
            let ran = u32::from(wait_status.is_some());
            (
                tracer.count().max(ran),
                format!("sampling every {every} ms (short-lived processes may be missed)"),
                Some(doctor::inexact_reason(probe)),
                tracer.finish(),
            )
        }
    };
    let (traced_peak, over_limit) = followed.as_ref().map_or((0, false), |f| (f.1, f.2));
    // The kernel's own count where a cgroup holds the run (our PID 1 is in the group too).
    let cgroup_peak = cgroup
        .and_then(|c| c.task_peak())
        .map_or(0, |peak| peak.saturating_sub(u32::from(run.pid_one)));
    let peak_tasks = traced_peak.max(cgroup_peak);
    let output = capture.finish();
    let stop = if flooded_late && watch.stop == Stop::Exited {
        Stop::Flood
    } else if over_limit && watch.stop != Stop::Flood {
        Stop::Processes
    } else {
        watch.stop
    };
    let (mut status, mut detail) = status::decide(&Evidence {
        stop,
        wait_status,
        oom_kills,
        task_limit_hits,
        peak_tasks,
        memory_cgroup: cgroup.is_some(),
        cpu_s,
        max_rss_kb,
        limits,
    });
    if stop == Stop::LostInit
        && let Some(init) = reaped.child_status
    {
        // Say how PID 1 ended, to tell a kill from outside from a bug of ours.
        let how = if libc::WIFSIGNALED(init) {
            format!("killed by signal {}", libc::WTERMSIG(init))
        } else {
            format!("exit code {}", libc::WEXITSTATUS(init))
        };
        detail = Some(format!("the run's PID 1 ended unexpectedly ({how})"));
    }
    if !reaped.survivors.is_empty() {
        status = RunStatus::InternalError;
        detail = Some(format!(
            "{} processes of the run could not be killed",
            reaped.survivors.len()
        ));
    }
    drop(run);
    Ok(RunReport {
        status,
        exit_code: wait_status
            .filter(|s| libc::WIFEXITED(*s))
            .map(|s| libc::WEXITSTATUS(s)),
        signal: wait_status
            .filter(|s| libc::WIFSIGNALED(*s))
            .map(|s| libc::WTERMSIG(s)),
        wall_s,
        cpu_s,
        processes,
        processes_method,
        exact: inexact_reason.is_none(),
        inexact_reason,
        max_rss_kb,
        stdout: output.stdout,
        stderr: output.stderr,
        stdout_truncated: output.stdout_truncated,
        stderr_truncated: output.stderr_truncated,
        lines: output.lines,
        trace,
        leftovers_killed: leftovers,
        layers: Vec::new(),
        detail,
    })
}
