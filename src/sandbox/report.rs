//! The sandbox's contract: what to run, with which limits, and what the run did.
use std::path::PathBuf;
use std::time::Duration;

use serde::Serialize;

/// What to run and how much it may use.
#[derive(Debug, Clone)]
pub struct RunRequest {
    /// The program and its arguments, e.g. `["python3", "submission.py"]` (resolved in `PATH`).
    pub argv: Vec<String>,
    /// Files copied into the run's fresh working folder before the start: (name in the folder, source).
    pub files: Vec<(String, PathBuf)>,
    /// Extra environment on top of the clean one the sandbox builds (PATH, HOME=workdir, LANG, …).
    pub env: Vec<(String, String)>,
    /// The limits.
    pub limits: Limits,
    /// Pin the whole run to one CPU (to see whether a program depends on true parallelism).
    pub pin_one_cpu: bool,
    /// A file of the grader's whose content is the program's stdin; `/dev/null` when absent. The
    /// grader opens it (the program never gets its path), so it may live anywhere private.
    pub stdin: Option<PathBuf>,
}

/// Limits of one run.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    /// Wall clock: SIGTERM to the group, a grace period, then SIGKILL.
    pub wall: Duration,
    /// CPU time of each process (RLIMIT_CPU) and, where a cgroup allows, of the whole run.
    pub cpu: Duration,
    /// Memory of the run in bytes (cgroup `memory.max`, else a generous RLIMIT_AS backstop).
    pub memory_bytes: u64,
    /// Processes (and threads) alive at once.
    pub processes: u32,
    /// Bytes kept of stdout and of stderr each; more is `output-limit`.
    pub output_bytes: u64,
    /// Largest file the program may write (RLIMIT_FSIZE).
    pub file_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            wall: Duration::from_secs(20),
            cpu: Duration::from_secs(20),
            memory_bytes: 512 << 20,
            processes: 64,
            output_bytes: 1 << 20,
            file_bytes: 16 << 20,
        }
    }
}

/// How a run ended, in the design's vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RunStatus {
    Ok,
    Timeout,
    MemoryLimit,
    ProcessLimit,
    OutputLimit,
    Signal,
    InternalError,
    /// Stopped by the student (Ctrl-C in the REPL), every process killed and reaped.
    Interrupted,
}

/// Which stream a line came on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    Stdout,
    Stderr,
}

/// One line of output and when it arrived, seconds from the start of the run.
#[derive(Debug, Clone, Serialize)]
pub struct OutputLine {
    pub stream: Stream,
    pub at_s: f64,
    pub text: String,
}

/// What one process of the run did (as far as the platform lets us see).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct ProcessTrace {
    pub pid: i32,
    /// Seconds from the start of the run when it started / ended (exact under ptrace or the proc
    /// connector, else when first / last seen by sampling).
    pub start_s: f64,
    pub end_s: f64,
    /// CPU seconds (user + system) it used.
    pub cpu_s: f64,
}

/// What a run did.
#[derive(Debug, Clone, Serialize)]
pub struct RunReport {
    pub status: RunStatus,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub wall_s: f64,
    /// CPU seconds of the whole run, children included.
    pub cpu_s: f64,
    /// Processes the program started, itself included.
    pub processes: u32,
    /// How `processes` was counted: "ptrace", "proc-connector", or "sampling every N ms (…)".
    pub processes_method: String,
    /// Whether `processes` and the per-process `trace` (start, end, CPU) are exact. When false, a
    /// check on processes or CPU cannot be judged on this machine (see `inexact_reason`).
    pub exact: bool,
    /// Why the observation is not exact, and what to change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inexact_reason: Option<String>,
    /// The same as data (a message key and its values), for readers in other languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inexact: Option<crate::i18n::Message>,
    pub max_rss_kb: u64,
    pub stdout: String,
    pub stderr: String,
    pub stdout_truncated: bool,
    pub stderr_truncated: bool,
    /// Every line of stdout and stderr with its arrival time.
    pub lines: Vec<OutputLine>,
    /// The processes seen, for CPU-parallelism checks and the picture of the run.
    pub trace: Vec<ProcessTrace>,
    /// Processes still alive when the main program ended, killed by the sandbox.
    pub leftovers_killed: u32,
    /// The confinement layers in force (e.g. "setsid", "rlimits", "subreaper", "pid-namespace", "cgroup-v1", "uid").
    pub layers: Vec<String>,
    /// A sentence in English when `status` is not `ok` (which limit, what happened), for logs and
    /// `__sandbox-run`; readers get [`RunReport::reason`] worded in their language.
    pub detail: Option<String>,
    /// The same as data: a message key and its values (`run-wall-limit`, seconds = 10.0).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<crate::i18n::Message>,
}

impl RunReport {
    /// CPU time over wall time: about 1 for a sequential program, up to the cores for a parallel one.
    pub fn parallelism(&self) -> f64 {
        if self.wall_s > 0.0 {
            self.cpu_s / self.wall_s
        } else {
            0.0
        }
    }
}
