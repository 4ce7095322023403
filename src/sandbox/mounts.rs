//! The run's view of the filesystem, built by PID 1 inside its own mount namespace.
//!
//! Mount changes stay private to the namespace and vanish with it. The view has a `/proc` of the
//! run's PID namespace only (no grader to look at, no other run's command line).
use std::ffi::CString;

/// One mount system call, prepared before `clone`.
pub struct MountStep {
    source: Option<CString>,
    target: CString,
    fstype: Option<CString>,
    flags: libc::c_ulong,
    data: Option<CString>,
    /// Failure is tolerated (a path some hosts lack).
    optional: bool,
}

/// The list of mounts PID 1 performs, in order.
pub struct MountPlan {
    steps: Vec<MountStep>,
}

fn c(s: &str) -> CString {
    CString::new(s).expect("mount paths are literals without NUL")
}

impl MountPlan {
    /// Private propagation, then a fresh `/proc` for the run's PID namespace.
    pub fn new() -> MountPlan {
        let steps = vec![
            MountStep {
                source: None,
                target: c("/"),
                fstype: None,
                flags: libc::MS_REC | libc::MS_PRIVATE,
                data: None,
                optional: false,
            },
            MountStep {
                source: Some(c("proc")),
                target: c("/proc"),
                fstype: Some(c("proc")),
                flags: libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
                data: None,
                optional: false,
            },
        ];
        MountPlan { steps }
    }

    /// Performs the mounts. Async-signal-safe: system calls on prepared strings only.
    pub fn apply(&self) -> Result<(), libc::c_int> {
        let ptr = |s: &Option<CString>| s.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        for step in &self.steps {
            // SAFETY: mount with NUL-terminated strings owned by the plan (or null where allowed).
            let r = unsafe {
                libc::mount(
                    ptr(&step.source),
                    step.target.as_ptr(),
                    ptr(&step.fstype),
                    step.flags,
                    ptr(&step.data).cast(),
                )
            };
            if r != 0 && !step.optional {
                return Err(super::syscalls::errno());
            }
        }
        Ok(())
    }
}
