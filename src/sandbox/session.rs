//! One run of the sandbox as named steps: [`Session::prepare`] takes and builds everything before
//! the program exists; [`Session::run`] starts it (`start_parent`, `let_go`), watches it to its end
//! ([`LiveRun::supervise`]), ends and reaps every process of it ([`LiveRun::tear_down`]) and writes
//! the report ([`LiveRun::finish`]); `live` holds those last three.
//!
//! The guarantees of a run, and where each is kept:
//! - the run's parent thread (it clones, traces and reaps the first process) is joined before
//!   [`Session::run`] returns, whatever happens: it lives in that function's thread scope;
//! - a run stopped by a limit or by Ctrl-C loses every process, not only the first: `tear_down`
//!   signals the whole run (through PID 1, the cgroup, or each process it owns), then SIGKILL;
//! - every process of the run is reaped before the report is written (`teardown::kill_and_reap`),
//!   and one that could not be killed makes the run an internal error;
//! - the run's uid, cgroup and folder are released only after all of that, when the session ends.
use std::fs::File;
use std::os::fd::OwnedFd;
use std::path::Path;
use std::thread::Scope;
use std::time::Instant;

use anyhow::Context;

use super::connector::{self, Connector};
use super::family::RootGuard;
use super::layers::{self, Confinement};
use super::live::{LiveRun, Started};
use super::mounts::{self, MountPlan};
use super::plan::{self, ChildFds, Plan, PlanInputs};
use super::probe::{self, Probe};
use super::ptrace::{self, Shared};
use super::report::{RunReport, RunRequest};
use super::workdir::{self, RunFolder};

/// A run ready to start: its layers taken, its folder made, the child's plan built.
pub struct Session<'r> {
    request: &'r RunRequest,
    probe: Probe,
    /// The run's uid, cgroup and namespaces; released when the session ends.
    confinement: Confinement,
    /// The run's working folder; removed when the session ends.
    folder: RunFolder,
    /// What the child reads after `clone` (it holds the child's ends of the pipes).
    plan: Plan,
    ends: GraderEnds,
    /// The proc connector, when it is the instrument that counts the run's processes.
    connector: Option<Connector>,
}

/// The grader's ends of the pipes whose other ends the plan gives the child.
struct GraderEnds {
    stdout: OwnedFd,
    stderr: OwnedFd,
    /// The child's setup errors and, from PID 1, how the program ended.
    report: OwnedFd,
    /// One byte written here lets the child go on (see [`ChildFds::go`]).
    go: Option<OwnedFd>,
}

impl<'r> Session<'r> {
    /// Takes the layers the platform allows and builds everything the child needs, so that what
    /// can fail for an ordinary reason (no uid free, no such program, a file that cannot be copied)
    /// fails before any process of the run exists.
    pub fn prepare(request: &'r RunRequest) -> anyhow::Result<Session<'r>> {
        let probe = probe::probe();
        let confinement = layers::prepare(&probe, &request.limits)?;
        let folder = workdir::create(&request.files, confinement.uid())?;
        let (child_fds, ends) = open_pipes(request, &confinement, probe.ptrace)?;
        let plan = build_plan(request, &confinement, &folder, child_fds)?;
        // ptrace follows the run exactly where it works; the connector is the fallback (root,
        // initial PID namespace), subscribed before the clone so the run's first forks are already
        // queued.
        let connector = if probe.proc_connector && !probe.ptrace {
            Connector::open().ok()
        } else {
            None
        };
        Ok(Session {
            request,
            probe,
            confinement,
            folder,
            plan,
            ends,
            connector,
        })
    }

    /// Runs the program to its end and reports what it did. The run's parent thread lives in this
    /// function's thread scope: it is joined before `run` returns, whatever happens.
    pub fn run(self) -> anyhow::Result<RunReport> {
        let start = Instant::now();
        let start_mono = connector::monotonic_s();
        let (wake_r, wake_w) = plan::pipe()?;
        // The tracer enforces the process limit itself only where no kernel limit holds the run.
        let kernel_limit = self.confinement.cgroup.is_some() || self.confinement.uid().is_some();
        let shared = Shared::new(wake_w, start, self.request.limits.processes, kernel_limit);
        std::thread::scope(|scope| {
            let child = start_parent(scope, self.plan, self.probe.ptrace, &shared)?;
            // No other run of this grader may reap or signal this run's first process.
            let _root = RootGuard::new(child);
            let_go(child, self.ends.go, &self.confinement, &shared)?;
            let mut live = LiveRun::new(Started {
                request: self.request,
                probe: &self.probe,
                confinement: &self.confinement,
                child,
                start,
                start_mono,
                connector: self.connector,
                shared: &shared,
                wake: wake_r,
                stdout: self.ends.stdout,
                stderr: self.ends.stderr,
                report: self.ends.report,
            });
            let supervised = live.supervise();
            let ended = live.tear_down(&supervised);
            Ok(live.finish(supervised, ended))
        })
        .map(|mut report| {
            report.layers = self.confinement.layers.clone();
            if report.processes_method == "ptrace" {
                report.layers.push("ptrace".into());
            }
            drop(self.confinement);
            drop(self.folder);
            report
        })
    }
}

/// The child's stdin (the request's file, or `/dev/null`), its output and report pipes, and the
/// go pipe when the child must wait before it goes on.
fn open_pipes(
    request: &RunRequest,
    confinement: &Confinement,
    tracing: bool,
) -> anyhow::Result<(ChildFds, GraderEnds)> {
    let stdin_path = request.stdin.as_deref().unwrap_or(Path::new("/dev/null"));
    let stdin =
        plan::high(OwnedFd::from(File::open(stdin_path).with_context(|| {
            format!("opening {} for stdin", stdin_path.display())
        })?))?;
    let (out_r, out_w) = plan::pipe()?;
    let (err_r, err_w) = plan::pipe()?;
    let (report_r, report_w) = plan::pipe()?;
    // The child waits on this pipe until the tracer has seized it (so that nothing of the run
    // happens unseen) and, in a user namespace, until its uid and gid maps are written.
    let (go_r, go_w) = if confinement.user_namespace || tracing {
        let (r, w) = plan::pipe()?;
        (Some(r), Some(w))
    } else {
        (None, None)
    };
    let child = ChildFds {
        stdin,
        stdout: out_w,
        stderr: err_w,
        report: report_w,
        go: go_r,
    };
    let grader = GraderEnds {
        stdout: out_r,
        stderr: err_r,
        report: report_r,
        go: go_w,
    };
    Ok((child, grader))
}

/// The child's plan: with the namespaces, a private root whose only writable folder is the run's,
/// seen at [`mounts::VISIBLE_WORKDIR`].
fn build_plan(
    request: &RunRequest,
    confinement: &Confinement,
    folder: &RunFolder,
    fds: ChildFds,
) -> anyhow::Result<Plan> {
    let uid = confinement.uid();
    let namespaces = confinement.namespaces;
    let mount_plan = if namespaces != 0 {
        let user_ns = confinement.user_namespace;
        Some(MountPlan::new(
            &folder.root,
            &folder.work,
            request.limits.memory_bytes,
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
    Plan::new(PlanInputs {
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
        fds,
    })
}

/// Starts the run's parent thread in `scope` (it clones the child from the plan, and seizes it
/// when `tracing`) and waits for the child's pid.
fn start_parent<'scope>(
    scope: &'scope Scope<'scope, '_>,
    plan: Plan,
    tracing: bool,
    shared: &'scope Shared,
) -> anyhow::Result<libc::pid_t> {
    let (tx, rx) = std::sync::mpsc::channel();
    let sent = ptrace::SendPlan(plan);
    scope.spawn(move || ptrace::parent(sent, tracing, shared, tx));
    match rx.recv() {
        Ok(Ok(pid)) => Ok(pid),
        Ok(Err(err)) => Err(err).context("starting the run (clone)"),
        Err(_) => anyhow::bail!("the run's parent thread ended before starting the run"),
    }
}

/// Lets the child go on, once it is seized and, in a user namespace, once its uid and gid maps
/// are written (it waits on the go pipe until then).
fn let_go(
    child: libc::pid_t,
    go: Option<OwnedFd>,
    confinement: &Confinement,
    shared: &Shared,
) -> anyhow::Result<()> {
    let Some(go) = go else {
        return Ok(());
    };
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
    Ok(())
}
