//! Everything the child needs, prepared before `clone`: C strings, pointer arrays, limits, descriptors.
//!
//! After `clone` in a multi-threaded grader the child may not allocate (another thread may have held
//! the allocator's lock at the moment of the copy), so nothing in [`super::child`] builds a value:
//! it only reads this plan.
use std::ffi::{CString, c_char};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::limits;
use super::mounts::MountPlan;
use super::report::RunRequest;

/// The `PATH` of every run; the grader's own `PATH` (pyenv shims under a private home, a virtualenv)
/// is not the student's.
pub const RUN_PATH: &str = "/usr/local/bin:/usr/bin:/bin";

/// Descriptors given to the child, all at 10 or above so that moving them to 0..3 never overwrites one
/// of them, all close-on-exec so that a run started at the same moment on another thread does not
/// keep them past its own `execve`.
pub struct ChildFds {
    pub stdin: OwnedFd,
    pub stdout: OwnedFd,
    pub stderr: OwnedFd,
    pub report: OwnedFd,
    /// The child waits on this pipe until the tracer has seized it (nothing of the run happens
    /// unseen) and, with a user namespace, until the grader has written its uid and gid maps.
    pub go: Option<OwnedFd>,
}

pub struct Plan {
    pub exe: CString,
    _argv: Vec<CString>,
    pub argv: Vec<*const c_char>,
    _envp: Vec<CString>,
    pub envp: Vec<*const c_char>,
    /// The working folder as the program sees it.
    pub workdir: CString,
    pub rlimits: Vec<(libc::__rlimit_resource_t, libc::rlimit)>,
    /// uid and gid to drop to.
    pub creds: Option<u32>,
    /// `cgroup.procs` files the child writes `0` into.
    pub cgroup_procs: Vec<OwnedFd>,
    pub cpu_set: Option<libc::cpu_set_t>,
    /// Clone flags for the namespaces; 0 means none and no PID 1.
    pub namespaces: libc::c_int,
    pub mounts: Option<MountPlan>,
    pub fds: ChildFds,
    /// Highest descriptor to close one by one when `close_range` is missing.
    pub max_fd: libc::c_int,
    /// The grader's pid, to notice a grader that died before `PR_SET_PDEATHSIG` took effect.
    pub grader_pid: libc::pid_t,
}

/// Inputs of [`Plan::new`] decided by the caller from the probe.
pub struct PlanInputs<'a> {
    pub request: &'a RunRequest,
    /// The folder's path as the program sees it (differs under a private filesystem view).
    pub visible_workdir: &'a Path,
    pub creds: Option<u32>,
    pub cgroup_procs: Vec<OwnedFd>,
    pub namespaces: libc::c_int,
    pub mounts: Option<MountPlan>,
    pub nproc: bool,
    pub memory_cgroup: bool,
    pub fds: ChildFds,
}

impl Plan {
    pub fn new(inputs: PlanInputs<'_>) -> anyhow::Result<Plan> {
        let request = inputs.request;
        let Some(program) = request.argv.first() else {
            bail!("the run request has an empty command");
        };
        let exe = resolve(program).with_context(|| format!("cannot find `{program}` in {RUN_PATH}"))?;
        let argv = cstrings(request.argv.iter().map(|a| a.as_bytes()))?;
        let home = inputs.visible_workdir.as_os_str().as_bytes();
        let mut env: Vec<(String, Vec<u8>)> = vec![
            ("PATH".into(), RUN_PATH.into()),
            ("HOME".into(), home.to_vec()),
            ("TMPDIR".into(), home.to_vec()),
            ("LANG".into(), b"C.UTF-8".to_vec()),
            ("PYTHONUNBUFFERED".into(), b"1".to_vec()),
            ("PYTHONDONTWRITEBYTECODE".into(), b"1".to_vec()),
            ("PYTHONIOENCODING".into(), b"utf-8".to_vec()),
        ];
        for (key, value) in &request.env {
            if key.is_empty() || key.contains('=') {
                bail!("environment variable name {key:?} is not valid");
            }
            env.retain(|(k, _)| k != key);
            env.push((key.clone(), value.as_bytes().to_vec()));
        }
        let envp = cstrings(env.iter().map(|(k, v)| [k.as_bytes(), b"=", v].concat()))?;
        let workdir =
            CString::new(inputs.visible_workdir.as_os_str().as_bytes()).context("working folder path")?;
        let cpu_set = request.pin_one_cpu.then(one_cpu).flatten();
        let argv_ptrs = pointers(&argv);
        let envp_ptrs = pointers(&envp);
        let limits = &request.limits;
        Ok(Plan {
            exe,
            _argv: argv,
            argv: argv_ptrs,
            _envp: envp,
            envp: envp_ptrs,
            workdir,
            rlimits: limits::rlimits(limits, inputs.nproc, inputs.memory_cgroup),
            creds: inputs.creds,
            cgroup_procs: inputs.cgroup_procs,
            cpu_set,
            namespaces: inputs.namespaces,
            mounts: inputs.mounts,
            fds: inputs.fds,
            max_fd: max_fd(),
            grader_pid: std::process::id() as libc::pid_t,
        })
    }
}

fn cstrings<I, B>(items: I) -> anyhow::Result<Vec<CString>>
where
    I: Iterator<Item = B>,
    B: Into<Vec<u8>>,
{
    items
        .map(|b| CString::new(b).context("an argument or environment value contains a NUL byte"))
        .collect()
}

/// A null-terminated array of pointers into `strings` (which must outlive it).
fn pointers(strings: &[CString]) -> Vec<*const c_char> {
    strings
        .iter()
        .map(|s| s.as_ptr())
        .chain(std::iter::once(std::ptr::null()))
        .collect()
}

/// The program's path: as given when it has a slash, else the first executable match in [`RUN_PATH`].
pub fn resolve(program: &str) -> Option<CString> {
    let candidates: Vec<PathBuf> = if program.contains('/') {
        vec![PathBuf::from(program)]
    } else {
        RUN_PATH
            .split(':')
            .map(|dir| Path::new(dir).join(program))
            .collect()
    };
    candidates
        .into_iter()
        .find(|p| nix::unistd::access(p.as_path(), nix::unistd::AccessFlags::X_OK).is_ok() && p.is_file())
        .and_then(|p| CString::new(p.as_os_str().as_bytes()).ok())
}

/// The CPU the calling thread is on, as an affinity set (so a pinned run uses a CPU we are allowed).
fn one_cpu() -> Option<libc::cpu_set_t> {
    // SAFETY: an all-zero cpu_set_t is the empty set; sched_getcpu has no arguments.
    unsafe {
        let cpu = libc::sched_getcpu();
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        libc::CPU_SET(cpu.max(0) as usize, &mut set);
        Some(set)
    }
}

fn max_fd() -> libc::c_int {
    let (soft, _) =
        nix::sys::resource::getrlimit(nix::sys::resource::Resource::RLIMIT_NOFILE).unwrap_or((1024, 1024));
    soft.min(65_536) as libc::c_int
}

/// A pipe whose both ends are close-on-exec and at 10 or above.
pub fn pipe() -> anyhow::Result<(OwnedFd, OwnedFd)> {
    let (r, w) = nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).context("creating a pipe")?;
    Ok((high(r)?, high(w)?))
}

/// Moves a descriptor to 10 or above, keeping close-on-exec.
pub fn high(fd: OwnedFd) -> anyhow::Result<OwnedFd> {
    if fd.as_raw_fd() >= 10 {
        return Ok(fd);
    }
    // SAFETY: F_DUPFD_CLOEXEC duplicates a descriptor we own into a new one we then own.
    let new: RawFd = unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 10) };
    if new < 0 {
        return Err(std::io::Error::last_os_error()).context("moving a descriptor");
    }
    // SAFETY: `new` was just returned by fcntl and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(new) })
}
