//! The run's view of the filesystem, built by PID 1 inside its own mount namespace.
//!
//! A fresh tmpfs becomes the root, holding only what a Python program needs: the system folders
//! read-only (`/usr`, `/etc`, `/lib*`, `/bin`, `/sbin`), a minimal `/dev`, a `/proc` of the run's
//! PID namespace, private `/tmp` and `/dev/shm` (multiprocessing's semaphores live there), and the
//! working folder at [`VISIBLE_WORKDIR`] — a size-capped tmpfs holding a copy of the request's files,
//! so that no run can fill the host's disk with many files below the file-size limit. Everything else of the host — the course folder with the
//! reference solutions, other runs' folders, the grader's home — does not exist in the run's world.
//! Mount changes stay in the namespace and vanish with it.
use std::ffi::CString;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use anyhow::Context;

/// Where the program finds its working folder (and `HOME`), the same on every run: stable paths in
/// tracebacks, nothing about the host in them.
pub const VISIBLE_WORKDIR: &str = "/sandbox";

/// Host folders shown read-only (or recreated as the same symlink on merged-`/usr` systems).
const SYSTEM: [&str; 9] = [
    "/usr", "/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32", "/etc", "/opt",
];

/// Character devices recreated in the run's `/dev` (name, major, minor).
const DEVICES: [(&str, u32, u32); 6] = [
    ("null", 1, 3),
    ("zero", 1, 5),
    ("full", 1, 7),
    ("random", 1, 8),
    ("urandom", 1, 9),
    ("tty", 5, 0),
];

enum Step {
    Mount {
        source: Option<CString>,
        target: CString,
        fstype: Option<CString>,
        flags: libc::c_ulong,
        data: Option<CString>,
    },
    Mkdir(CString, libc::mode_t),
    Symlink {
        target: CString,
        link: CString,
    },
    Mknod(CString, libc::dev_t),
    /// A file copied from the host into the run's view, given to the run's uid.
    Copy {
        source: CString,
        target: CString,
        owner: Option<u32>,
    },
    /// A folder given to the run's uid.
    Chown(CString, u32),
    /// An empty file, then the host's device bind-mounted on it (a user namespace may not mknod).
    BindDevice {
        source: CString,
        target: CString,
    },
    /// chdir(new root); pivot_root(".", "."); detach the old root; chdir("/").
    PivotRoot(CString),
}

/// The list of steps PID 1 performs, in order.
pub struct MountPlan {
    steps: Vec<Step>,
}

fn c(bytes: impl Into<Vec<u8>>) -> anyhow::Result<CString> {
    CString::new(bytes).context("a path contains a NUL byte")
}

fn opt(s: &str) -> anyhow::Result<Option<CString>> {
    Ok(Some(c(s)?))
}

impl MountPlan {
    /// `new_root`: an empty folder to mount the tmpfs root on; `workdir`: the run's folder on the host;
    /// `memory_bytes`: the size cap of the private `/tmp` and `/dev/shm`.
    /// `user_namespace`: the namespaces belong to a user namespace (grader not root): devices are
    /// bind-mounted rather than created. `owner`: the run's uid (and gid), when it has its own.
    pub fn new(
        new_root: &Path,
        workdir: &Path,
        memory_bytes: u64,
        user_namespace: bool,
        owner: Option<u32>,
    ) -> anyhow::Result<MountPlan> {
        let mut plan = Builder {
            root: new_root.as_os_str().as_bytes().to_vec(),
            steps: Vec::new(),
        };
        plan.private_root()?;
        plan.system_folders()?;
        plan.dev(user_namespace)?;
        plan.scratch(memory_bytes)?;
        plan.proc()?;
        plan.workdir(workdir, memory_bytes, owner)?;
        let root = c(plan.root.clone())?;
        plan.steps.push(Step::PivotRoot(root));
        Ok(MountPlan { steps: plan.steps })
    }

    /// Performs the steps. Async-signal-safe: system calls on prepared strings only.
    /// Returns the errno of the first failure.
    pub fn apply(&self) -> Result<(), libc::c_int> {
        let ptr = |s: &Option<CString>| s.as_ref().map_or(std::ptr::null(), |s| s.as_ptr());
        for step in &self.steps {
            // SAFETY: each call takes NUL-terminated strings owned by the plan (or null where allowed).
            let r = unsafe {
                match step {
                    Step::Mount {
                        source,
                        target,
                        fstype,
                        flags,
                        data,
                    } => libc::mount(
                        ptr(source),
                        target.as_ptr(),
                        ptr(fstype),
                        *flags,
                        ptr(data).cast(),
                    ),
                    Step::Mkdir(path, mode) => {
                        let r = libc::mkdir(path.as_ptr(), *mode);
                        if r != 0 && super::syscalls::errno() == libc::EEXIST {
                            0
                        } else {
                            r
                        }
                    }
                    Step::Symlink { target, link } => libc::symlink(target.as_ptr(), link.as_ptr()),
                    Step::Copy {
                        source,
                        target,
                        owner,
                    } => copy(source, target, *owner),
                    Step::Chown(path, id) => libc::lchown(path.as_ptr(), *id, *id),
                    Step::Mknod(path, dev) => libc::mknod(path.as_ptr(), libc::S_IFCHR | 0o666, *dev),
                    Step::BindDevice { source, target } => {
                        let fd = libc::open(
                            target.as_ptr(),
                            libc::O_CREAT | libc::O_WRONLY | libc::O_CLOEXEC,
                            0o666,
                        );
                        if fd < 0 {
                            -1
                        } else {
                            libc::close(fd);
                            libc::mount(
                                source.as_ptr(),
                                target.as_ptr(),
                                std::ptr::null(),
                                libc::MS_BIND,
                                std::ptr::null(),
                            )
                        }
                    }
                    Step::PivotRoot(root) => pivot(root),
                }
            };
            if r != 0 {
                return Err(super::syscalls::errno());
            }
        }
        Ok(())
    }
}

/// The steps of a [`MountPlan`] being written, one part of the run's world at a time.
struct Builder {
    /// The new root as the host names it (before the pivot): the run's paths are put under it.
    root: Vec<u8>,
    steps: Vec<Step>,
}

impl Builder {
    /// `path` of the run's world, as the host names it before the pivot.
    fn inside(&self, path: &str) -> anyhow::Result<CString> {
        under(&self.root, path)
    }

    /// A fresh tmpfs as the root; nothing mounted from now on propagates back to the host.
    fn private_root(&mut self) -> anyhow::Result<()> {
        self.steps.push(Step::Mount {
            source: None,
            target: c("/")?,
            fstype: None,
            flags: libc::MS_REC | libc::MS_PRIVATE,
            data: None,
        });
        self.steps.push(Step::Mount {
            source: opt("tmpfs")?,
            target: c(self.root.clone())?,
            fstype: opt("tmpfs")?,
            flags: libc::MS_NOSUID,
            data: opt("size=16m,mode=0755")?,
        });
        Ok(())
    }

    /// The host's system folders, read-only (a symlink on merged-`/usr` systems stays a symlink).
    fn system_folders(&mut self) -> anyhow::Result<()> {
        for dir in SYSTEM {
            let host = Path::new(dir);
            let Ok(meta) = host.symlink_metadata() else {
                continue;
            };
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(host).with_context(|| format!("reading the link {dir}"))?;
                self.steps.push(Step::Symlink {
                    target: c(target.as_os_str().as_bytes())?,
                    link: self.inside(dir)?,
                });
            } else if meta.is_dir() {
                self.steps.push(Step::Mkdir(self.inside(dir)?, 0o755));
                self.steps.push(bind(c(dir)?, self.inside(dir)?, libc::MS_REC)?);
                self.steps.push(bind_remount(
                    self.inside(dir)?,
                    locked_flags(host) | libc::MS_RDONLY | libc::MS_NOSUID,
                )?);
            }
        }
        Ok(())
    }

    /// A minimal `/dev`: the harmless character devices (created, or bind-mounted from the host in
    /// a user namespace, which may not mknod) and the links to the standard streams.
    fn dev(&mut self, user_namespace: bool) -> anyhow::Result<()> {
        self.fresh_mount(
            "/dev",
            0o755,
            "tmpfs",
            libc::MS_NOSUID | libc::MS_NOEXEC,
            Some("size=1m,mode=0755".into()),
        )?;
        for (name, major, minor) in DEVICES {
            let step = if user_namespace {
                Step::BindDevice {
                    source: c(format!("/dev/{name}"))?,
                    target: self.inside(&format!("/dev/{name}"))?,
                }
            } else {
                Step::Mknod(self.inside(&format!("/dev/{name}"))?, libc::makedev(major, minor))
            };
            self.steps.push(step);
        }
        for (link, target) in [
            ("fd", "/proc/self/fd"),
            ("stdin", "/proc/self/fd/0"),
            ("stdout", "/proc/self/fd/1"),
            ("stderr", "/proc/self/fd/2"),
        ] {
            self.steps.push(Step::Symlink {
                target: c(target)?,
                link: self.inside(&format!("/dev/{link}"))?,
            });
        }
        Ok(())
    }

    /// Private `/dev/shm` (multiprocessing's semaphores) and `/tmp`, capped at the memory limit.
    fn scratch(&mut self, memory_bytes: u64) -> anyhow::Result<()> {
        for (dir, mode) in [("/dev/shm", "1777"), ("/tmp", "1777")] {
            self.fresh_mount(
                dir,
                0o1777,
                "tmpfs",
                libc::MS_NOSUID | libc::MS_NODEV,
                Some(format!("size={memory_bytes},mode={mode}")),
            )?;
        }
        Ok(())
    }

    /// A `/proc` of the run's PID namespace.
    fn proc(&mut self) -> anyhow::Result<()> {
        self.fresh_mount(
            "/proc",
            0o555,
            "proc",
            libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            None,
        )
    }

    /// The working folder at [`VISIBLE_WORKDIR`]: a size-capped tmpfs of the run's uid holding a copy
    /// of the host folder `workdir`.
    fn workdir(&mut self, workdir: &Path, memory_bytes: u64, owner: Option<u32>) -> anyhow::Result<()> {
        let ids = owner.map_or(String::new(), |id| format!(",uid={id},gid={id}"));
        self.fresh_mount(
            VISIBLE_WORKDIR,
            0o755,
            "tmpfs",
            libc::MS_NOSUID | libc::MS_NODEV,
            Some(format!("size={memory_bytes},mode=0700{ids}")),
        )?;
        let root = &self.root;
        copy_tree(
            workdir,
            workdir,
            &|rel| under(root, &format!("{VISIBLE_WORKDIR}/{rel}")),
            owner,
            &mut self.steps,
        )
    }

    /// The folder `path` of the run's world (mode `mode`), with a new `fstype` (tmpfs, proc)
    /// mounted on it.
    fn fresh_mount(
        &mut self,
        path: &str,
        mode: libc::mode_t,
        fstype: &str,
        flags: libc::c_ulong,
        data: Option<String>,
    ) -> anyhow::Result<()> {
        self.steps.push(Step::Mkdir(self.inside(path)?, mode));
        self.steps.push(Step::Mount {
            source: opt(fstype)?,
            target: self.inside(path)?,
            fstype: opt(fstype)?,
            flags,
            data: data.map(c).transpose()?,
        });
        Ok(())
    }
}

/// `path` below the host path `root`.
fn under(root: &[u8], path: &str) -> anyhow::Result<CString> {
    c([root, path.as_bytes()].concat())
}

/// Steps recreating the host folder `dir` (below `base`) inside the view, files and sub-folders.
fn copy_tree(
    base: &Path,
    dir: &Path,
    inside: &dyn Fn(&str) -> anyhow::Result<CString>,
    owner: Option<u32>,
    steps: &mut Vec<Step>,
) -> anyhow::Result<()> {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("reading {}", dir.display()))?
        .collect::<Result<_, _>>()
        .with_context(|| format!("reading {}", dir.display()))?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let path = entry.path();
        let rel = path
            .strip_prefix(base)
            .context("a path outside the working folder")?;
        let rel = rel.to_str().context("a file name that is not UTF-8")?;
        let target = inside(rel)?;
        if entry.file_type()?.is_dir() {
            steps.push(Step::Mkdir(target.clone(), 0o755));
            if let Some(id) = owner {
                steps.push(Step::Chown(target, id));
            }
            copy_tree(base, &path, inside, owner, steps)?;
        } else {
            steps.push(Step::Copy {
                source: c(path.as_os_str().as_bytes())?,
                target,
                owner,
            });
        }
    }
    Ok(())
}

/// Copies one file with `sendfile` (no buffer to allocate). Async-signal-safe.
///
/// # Safety
/// System calls on NUL-terminated paths only.
unsafe fn copy(source: &CString, target: &CString, owner: Option<u32>) -> libc::c_int {
    // SAFETY: open/sendfile/fchown/close on descriptors opened here.
    unsafe {
        let from = libc::open(source.as_ptr(), libc::O_RDONLY | libc::O_CLOEXEC);
        if from < 0 {
            return -1;
        }
        let to = libc::open(
            target.as_ptr(),
            libc::O_WRONLY | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC,
            0o644,
        );
        if to < 0 {
            libc::close(from);
            return -1;
        }
        let mut r = 0;
        loop {
            let n = libc::sendfile(to, from, std::ptr::null_mut(), 1 << 20);
            if n == 0 {
                break;
            }
            if n < 0 && super::syscalls::errno() != libc::EINTR {
                r = -1;
                break;
            }
        }
        if r == 0
            && let Some(id) = owner
        {
            r = libc::fchown(to, id, id);
        }
        // close may overwrite errno; the caller reports the failing call's.
        let errno = super::syscalls::errno();
        libc::close(from);
        libc::close(to);
        *libc::__errno_location() = errno;
        r
    }
}

/// The flags of the host mount under `path` that a remount inside a user namespace must keep
/// (the kernel locks them); harmless to keep as root too.
fn locked_flags(path: &Path) -> libc::c_ulong {
    let Ok(stat) = nix::sys::statvfs::statvfs(path) else {
        return 0;
    };
    use nix::sys::statvfs::FsFlags;
    let flags = stat.flags();
    let mut out = 0;
    for (fs_flag, ms_flag) in [
        (FsFlags::ST_RDONLY, libc::MS_RDONLY),
        (FsFlags::ST_NOSUID, libc::MS_NOSUID),
        (FsFlags::ST_NODEV, libc::MS_NODEV),
        (FsFlags::ST_NOEXEC, libc::MS_NOEXEC),
        (FsFlags::ST_NOATIME, libc::MS_NOATIME),
        (FsFlags::ST_NODIRATIME, libc::MS_NODIRATIME),
        (FsFlags::ST_RELATIME, libc::MS_RELATIME),
    ] {
        if flags.contains(fs_flag) {
            out |= ms_flag;
        }
    }
    out
}

fn bind(source: CString, target: CString, extra: libc::c_ulong) -> anyhow::Result<Step> {
    Ok(Step::Mount {
        source: Some(source),
        target,
        fstype: None,
        flags: libc::MS_BIND | extra,
        data: None,
    })
}

/// A bind mount's own flags (read-only, nosuid) can only be set by remounting it.
fn bind_remount(target: CString, flags: libc::c_ulong) -> anyhow::Result<Step> {
    Ok(Step::Mount {
        source: None,
        target,
        fstype: None,
        flags: libc::MS_BIND | libc::MS_REMOUNT | flags,
        data: None,
    })
}

/// The `pivot_root(".", ".")` idiom of pivot_root(2): no folder for the old root is needed.
///
/// # Safety
/// Async-signal-safe system calls only; `root` is NUL-terminated.
unsafe fn pivot(root: &CString) -> libc::c_int {
    let dot = c".".as_ptr();
    // SAFETY: system calls with NUL-terminated paths.
    unsafe {
        if libc::chdir(root.as_ptr()) != 0 || libc::syscall(libc::SYS_pivot_root, dot, dot) != 0 {
            return -1;
        }
        if libc::umount2(dot, libc::MNT_DETACH) != 0 {
            return -1;
        }
        libc::chdir(c"/".as_ptr())
    }
}
