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
        let root = new_root.as_os_str().as_bytes().to_vec();
        let inside = |path: &str| c([root.as_slice(), path.as_bytes()].concat());
        let mut steps = vec![
            // Nothing we mount may propagate back to the host.
            Step::Mount {
                source: None,
                target: c("/")?,
                fstype: None,
                flags: libc::MS_REC | libc::MS_PRIVATE,
                data: None,
            },
            Step::Mount {
                source: opt("tmpfs")?,
                target: c(root.clone())?,
                fstype: opt("tmpfs")?,
                flags: libc::MS_NOSUID,
                data: opt("size=16m,mode=0755")?,
            },
        ];
        for dir in SYSTEM {
            let host = Path::new(dir);
            let Ok(meta) = host.symlink_metadata() else {
                continue;
            };
            if meta.file_type().is_symlink() {
                let target = std::fs::read_link(host).with_context(|| format!("reading the link {dir}"))?;
                steps.push(Step::Symlink {
                    target: c(target.as_os_str().as_bytes())?,
                    link: inside(dir)?,
                });
            } else if meta.is_dir() {
                steps.push(Step::Mkdir(inside(dir)?, 0o755));
                steps.push(bind(c(dir)?, inside(dir)?, libc::MS_REC)?);
                steps.push(bind_remount(
                    inside(dir)?,
                    locked_flags(host) | libc::MS_RDONLY | libc::MS_NOSUID,
                )?);
            }
        }
        let tmpfs_data = |mode: &str| opt(&format!("size={memory_bytes},mode={mode}"));
        steps.push(Step::Mkdir(inside("/dev")?, 0o755));
        steps.push(Step::Mount {
            source: opt("tmpfs")?,
            target: inside("/dev")?,
            fstype: opt("tmpfs")?,
            flags: libc::MS_NOSUID | libc::MS_NOEXEC,
            data: opt("size=1m,mode=0755")?,
        });
        for (name, major, minor) in DEVICES {
            if user_namespace {
                steps.push(Step::BindDevice {
                    source: c(format!("/dev/{name}"))?,
                    target: inside(&format!("/dev/{name}"))?,
                });
            } else {
                steps.push(Step::Mknod(
                    inside(&format!("/dev/{name}"))?,
                    libc::makedev(major, minor),
                ));
            }
        }
        for (link, target) in [
            ("fd", "/proc/self/fd"),
            ("stdin", "/proc/self/fd/0"),
            ("stdout", "/proc/self/fd/1"),
            ("stderr", "/proc/self/fd/2"),
        ] {
            steps.push(Step::Symlink {
                target: c(target)?,
                link: inside(&format!("/dev/{link}"))?,
            });
        }
        for (dir, mode) in [("/dev/shm", "1777"), ("/tmp", "1777")] {
            steps.push(Step::Mkdir(inside(dir)?, 0o1777));
            steps.push(Step::Mount {
                source: opt("tmpfs")?,
                target: inside(dir)?,
                fstype: opt("tmpfs")?,
                flags: libc::MS_NOSUID | libc::MS_NODEV,
                data: tmpfs_data(mode)?,
            });
        }
        steps.push(Step::Mkdir(inside("/proc")?, 0o555));
        steps.push(Step::Mount {
            source: opt("proc")?,
            target: inside("/proc")?,
            fstype: opt("proc")?,
            flags: libc::MS_NOSUID | libc::MS_NODEV | libc::MS_NOEXEC,
            data: None,
        });
        steps.push(Step::Mkdir(inside(VISIBLE_WORKDIR)?, 0o755));
        let ids = owner.map_or(String::new(), |id| format!(",uid={id},gid={id}"));
        steps.push(Step::Mount {
            source: opt("tmpfs")?,
            target: inside(VISIBLE_WORKDIR)?,
            fstype: opt("tmpfs")?,
            flags: libc::MS_NOSUID | libc::MS_NODEV,
            data: opt(&format!("size={memory_bytes},mode=0700{ids}"))?,
        });
        copy_tree(
            workdir,
            workdir,
            &|rel| inside(&format!("{VISIBLE_WORKDIR}/{rel}")),
            owner,
            &mut steps,
        )?;
        steps.push(Step::PivotRoot(c(root)?));
        Ok(MountPlan { steps })
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
