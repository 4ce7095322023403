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
//! How the pieces fit, as the steps of a [`Session`]: [`probe`] (once per process) → `layers` (uid,
//! cgroup, namespaces for this run) → `workdir` and `plan` (everything prepared before `clone`):
//! [`Session::prepare`]; then [`Session::run`]: a parent thread per run (`ptrace::parent`: clones
//! `child` — PID 1 and the program, with `mounts` for the private root — seizes it, follows it,
//! reaps it) while the calling thread runs `supervise` (pipes, clocks, sampling for memory and the
//! CPU limit) → `teardown` → `status` (the verdict). `doctor` says what this machine allows.
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
mod live;
mod mounts;
mod plan;
mod probe;
mod ptrace;
mod report;
mod session;
mod signal;
mod status;
mod supervise;
mod syscalls;
mod teardown;
mod trace;
mod uid;
mod workdir;

pub use cgroup::CgroupKind;
pub use doctor::{Doctor, degraded_line, doctor};
pub use plan::{RUN_PATH, resolve as resolve_program};
pub use probe::{Probe, probe};
pub use report::*;
pub use session::Session;

/// Runs a program under the sandbox. Never panics on a hostile program; an `Err` is an
/// infrastructure failure (could not fork, could not create the working folder).
pub fn run(request: &RunRequest) -> anyhow::Result<RunReport> {
    Session::prepare(request)?.run()
}
