//! Grading many submissions at once: a pool of worker threads, each taking the next submission,
//! checking it in the sandbox and handing the result to the caller's thread, which records it.
//!
//! Threads, not child processes: `sandbox::run` is made to be called from several threads at once
//! (its `clone` child only reads a plan built beforehand and makes single system calls until
//! `execve`; each run claims its own uid slot and cgroup; it waits only for its own pids). Each
//! submission still runs in its own confined process tree, so a hostile one cannot reach the
//! grader or another run; a panic while checking one is caught and reported for that student.
//!
//! Scheduling: `jobs` workers (default: the CPUs this process may use), each running one
//! submission at a time, so that runs do not outnumber cores. A timing-sensitive exercise (its
//! checks compare wall times or CPU parallelism) gets one worker, and each of its runs holds the
//! machine-wide grading lock exclusively ([`grading_lock`]): its run never shares the CPUs with
//! another grading run, of this batch or of another grader on the machine, or a correct parallel
//! program would look slow because its neighbour took half the machine.
//!
//! Nothing of a student's is left behind: each submission is checked from a private copy in
//! `$TMPDIR/atelier-grade-<pid>-*` (see [`PrivateCopy`]), removed when its check ends. SIGTERM and
//! SIGINT stop the batch cleanly (no new run starts, runs under way are stopped, their copies
//! removed, nothing half-judged recorded); copies left by a grader that could not clean up
//! (`kill -9`, a power cut) are swept when the next batch starts ([`sweep_stale_copies`]).
use std::fs::File;
use std::io::{IsTerminal, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use nix::fcntl::{Flock, FlockArg};

use super::class::Submission;
use super::engine::{CheckOptions, check_submission};
use super::grading_lock;
use super::record::{GradeRecord, sha256_hex};
use crate::course::{CourseFiles, Exercise};
use crate::procs::interrupt;

/// One submission to grade.
#[derive(Debug, Clone)]
pub struct Job {
    pub submission: Submission,
}

/// What became of a job.
#[derive(Debug)]
pub enum Outcome {
    /// Judged (pass, fail, or the grader's own `error` verdict).
    Graded(Box<GradeRecord>),
    /// The check could not be done (the sandbox could not start, a panic): nothing is recorded, a
    /// rerun tries again.
    Failed { student: String, error: String },
}

/// What every job needs.
pub struct BatchEnv<'a> {
    pub files: &'a CourseFiles,
    pub exercise: &'a Exercise,
    pub opts: &'a CheckOptions,
    pub spec_hash: &'a str,
    /// The exercise is timing-sensitive: each run takes the machine-wide grading lock exclusively.
    pub timing_sensitive: bool,
}

/// Grades `jobs` on `workers` threads, calling `on_done` on the caller's thread as each one ends.
/// An error from `on_done` (the gradebook cannot be written) stops the batch: the runs under way
/// finish, no new one starts, and the error is returned. SIGTERM or SIGINT stops it too: the runs
/// under way are stopped (and not recorded), and an error says which signal came.
pub fn run_batch(
    env: &BatchEnv<'_>,
    jobs: &[Job],
    workers: usize,
    mut on_done: impl FnMut(Outcome) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    sweep_stale_copies(&std::env::temp_dir());
    // While held, the signals only set a flag that the workers and the sandbox's supervision
    // look at: every run stops, every private copy is removed on the way out.
    let _signals = interrupt::Guard::install_stop().context("cannot install the SIGTERM/SIGINT handler")?;
    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let recorded = AtomicUsize::new(0);
    let workers = workers.clamp(1, jobs.len().max(1));
    let (tx, rx) = mpsc::channel::<Outcome>();
    let finished = std::thread::scope(|scope| {
        for w in 0..workers {
            let tx = tx.clone();
            let (next, stop) = (&next, &stop);
            std::thread::Builder::new()
                .name(format!("grade-{w}"))
                .spawn_scoped(scope, move || {
                    while !stop.load(Ordering::Relaxed) && !interrupt::requested() {
                        let Some(job) = jobs.get(next.fetch_add(1, Ordering::Relaxed)) else {
                            break;
                        };
                        // The receiver is gone only when the batch is stopping.
                        if tx.send(grade_one(env, job)).is_err() {
                            break;
                        }
                    }
                })
                .map_err(|e| anyhow::anyhow!("cannot start a grading thread: {e}"))?;
        }
        drop(tx);
        for outcome in rx.iter() {
            if matches!(outcome, Outcome::Graded(_)) {
                recorded.fetch_add(1, Ordering::Relaxed);
            }
            if let Err(err) = on_done(outcome) {
                stop.store(true, Ordering::Relaxed);
                return Err(err);
            }
        }
        Ok(())
    });
    finished?;
    if interrupt::requested() {
        let signal = match interrupt::signal() {
            Some(libc::SIGTERM) => "sigterm",
            Some(libc::SIGINT) => "sigint",
            _ => "other",
        };
        let stopped = crate::msg!(
            "grade-stopped",
            signal = signal,
            recorded = recorded.load(Ordering::Relaxed),
            total = jobs.len()
        );
        anyhow::bail!("{}", stopped.word(env.opts.lang));
    }
    Ok(())
}

fn grade_one(env: &BatchEnv<'_>, job: &Job) -> Outcome {
    let student = job.submission.student.clone();
    // Held until this submission is checked (see `grading_lock`).
    let _share = match grading_lock::acquire(env.timing_sensitive) {
        Ok(share) => share,
        Err(err) => {
            return Outcome::Failed {
                student,
                error: crate::i18n::worded_error(&err, env.opts.lang),
            };
        }
    };
    // The bytes graded are a private copy, hashed as copied: the hash recorded is that of what was
    // judged, even if the file changes in the class folder meanwhile (an upload still going on).
    let (copy, hash) = match private_copy(&job.submission.path) {
        Ok(found) => found,
        Err(err) => {
            return Outcome::Failed {
                student,
                error: crate::i18n::worded_error(&err, env.opts.lang),
            };
        }
    };
    let program = copy.dir.path().join("submission.py");
    let start = Instant::now();
    let checked = catch_unwind(AssertUnwindSafe(|| {
        check_submission(env.files, env.exercise, &program, env.opts)
    }));
    let grading_s = start.elapsed().as_secs_f64();
    if interrupt::requested() {
        // The run may have been cut short by the stop: its verdict would be wrong.
        return Outcome::Failed {
            student,
            error: crate::msg!("grade-stopped-mid-run").word(env.opts.lang),
        };
    }
    match checked {
        Ok(Ok(report)) => Outcome::Graded(Box::new(GradeRecord::from_report(
            &report,
            &student,
            &job.submission.rel,
            &hash,
            env.spec_hash,
            (grading_s * 1000.0).round() / 1000.0,
        ))),
        Ok(Err(err)) => Outcome::Failed {
            student,
            error: crate::i18n::worded_error(&err, env.opts.lang),
        },
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "a panic".into());
            Outcome::Failed {
                student,
                error: crate::msg!("grade-internal-error", what = what).word(env.opts.lang),
            }
        }
    }
}

/// Prefix of a private copy's folder; the grader's pid follows (see [`sweep_stale_copies`]).
const COPY_PREFIX: &str = "atelier-grade-";

/// A submission's private copy: a fresh folder `atelier-grade-<pid>-*` (mode 0700) holding
/// `submission.py`, removed on drop. The folder itself is `flock`ed while in use, so a sweeper can
/// tell a live grader's copy (even one in another PID namespace sharing the folder) from a dead
/// one's.
pub struct PrivateCopy {
    pub dir: tempfile::TempDir,
    _in_use: Flock<File>,
}

/// Copies a submission into a fresh private folder (as `submission.py`) and hashes the bytes. The
/// submission is read without following links or opening FIFOs (see `submission_file`).
fn private_copy(path: &std::path::Path) -> anyhow::Result<(PrivateCopy, String)> {
    let bytes = super::submission_file::read(path)?;
    let dir = tempfile::Builder::new()
        .prefix(&format!("{COPY_PREFIX}{}-", std::process::id()))
        .tempdir()
        .context("cannot create a temporary folder")?;
    let handle = open_folder(dir.path()).with_context(|| format!("{}: cannot open", dir.path().display()))?;
    let in_use = Flock::lock(handle, FlockArg::LockExclusiveNonblock)
        .map_err(|(_, errno)| anyhow::anyhow!("{}: cannot lock: {errno}", dir.path().display()))?;
    std::fs::write(dir.path().join("submission.py"), &bytes)
        .with_context(|| format!("{}: cannot write", dir.path().display()))?;
    Ok((PrivateCopy { dir, _in_use: in_use }, sha256_hex(&bytes)))
}

/// A folder opened for `flock`, never through a link.
fn open_folder(path: &std::path::Path) -> std::io::Result<File> {
    File::options()
        .read(true)
        .custom_flags(libc::O_DIRECTORY | libc::O_NOFOLLOW)
        .open(path)
}

/// Removes the private copies in `tmp` that a grader left when it died without cleaning up: a
/// folder `atelier-grade-<pid>-*` of this user whose pid is not a live process and whose folder
/// lock nobody holds. Best effort: what cannot be removed stays for a later sweep.
pub fn sweep_stale_copies(tmp: &std::path::Path) {
    let Ok(entries) = std::fs::read_dir(tmp) else {
        return;
    };
    let me = nix::unistd::geteuid().as_raw();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(COPY_PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, _)| pid.parse::<i32>().ok())
        else {
            continue;
        };
        if pid <= 0 || process_alive(pid) {
            continue;
        }
        let path = entry.path();
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        if !meta.is_dir() || meta.uid() != me {
            continue;
        }
        // Held by a live grader (another PID namespace's pid may look dead here): leave it.
        let Ok(handle) = open_folder(&path) else {
            continue;
        };
        if let Ok(_held) = Flock::lock(handle, FlockArg::LockExclusiveNonblock) {
            // `remove_dir_all` never follows the links a submission's run may have left inside.
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether `pid` names a live process (one we may not signal counts as alive).
fn process_alive(pid: i32) -> bool {
    !matches!(
        nix::sys::signal::kill(nix::unistd::Pid::from_raw(pid), None),
        Err(nix::errno::Errno::ESRCH)
    )
}

/// Progress on stderr: an indicatif bar on a terminal, a line per submission otherwise (logs, CI).
/// Best effort: a closed or full stderr must not stop a class's grading (the gradebook and the
/// summary on stdout are what count), so write errors are ignored here.
pub struct Progress {
    bar: Option<ProgressBar>,
    total: usize,
    done: usize,
}

impl Progress {
    pub fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {pos}/{len} ({eta}) {msg}",
            ) {
                bar.set_style(style);
            }
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar, total, done: 0 }
    }

    /// A line that is not about one graded submission (shown above the bar).
    pub fn note(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.println(text),
            None => {
                let _ = writeln!(std::io::stderr().lock(), "{text}");
            }
        }
    }

    /// One submission finished; `important` lines show even above a bar.
    pub fn finished(&mut self, student: &str, text: &str, important: bool) {
        self.done += 1;
        let width = self.total.to_string().len();
        let line = format!("[{:>width$}/{}] {student}: {text}", self.done, self.total);
        match &self.bar {
            Some(bar) => {
                if important {
                    bar.println(&line);
                }
                bar.set_message(student.to_string());
                bar.inc(1);
            }
            None => {
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
