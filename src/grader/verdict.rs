//! The result model of a check: one [`CheckReport`] per submission, serialised as the design's
//! `check --json` document and read by the human renderer, the gradebook and the exports.
use serde::Serialize;

use crate::i18n::{Lang, Message};
use crate::sandbox::{ProcessTrace, RunReport, RunStatus};

/// The verdict on a submission.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// Every check that applied passed.
    Pass,
    /// At least one check failed.
    Fail,
    /// The grader could not judge (the sandbox failed inside).
    Error,
}

impl Verdict {
    /// The exit code of `atelier check`: 0 pass, 1 fail, 2 error.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::Pass => 0,
            Verdict::Fail => 1,
            Verdict::Error => 2,
        }
    }
}

/// The outcome of one check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Pass,
    Fail,
    /// Not judged: see [`CheckResult::not_judged`] for why. Its points stay in the maximum.
    Skip,
}

/// Why a check was not judged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NotJudged {
    /// Its `when` does not hold on this machine (`machine_cpus < 10` on a big one): the check
    /// does not apply here, and its points are given so that a score means the same everywhere.
    NotApplicable,
    /// What it reads was not observed exactly on this machine (processes counted by sampling):
    /// the verdict is `error`, never a pass and never points left out.
    NoInstrument,
}

/// One check's result.
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    /// The check's name in the spec.
    pub name: String,
    /// What it verifies, in the report's language.
    pub title: String,
    /// The check's kind (`regex`, `processes`, …).
    pub kind: String,
    pub status: Status,
    /// Why a skipped check was not judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_judged: Option<NotJudged>,
    /// Why the check ended as it did, as data: the reason code (a catalog key such as
    /// `check-exit-code-wrong`) and its values, `{"code": …, "values": {…}}` in JSON. What a
    /// program reading the report matches on; absent for a hidden check shown to a student.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Message>,
    /// The reason in words, in the report's language (what was expected and what came, for a
    /// failure): made by [`CheckResult::word`], for readers of the JSON and for the views.
    pub message: String,
    /// Points earned.
    pub points: u32,
    /// Points the check is worth.
    pub max_points: u32,
    /// The spec's hint, in the report's language.
    pub hint: String,
    /// The expected text, when the check compares texts (for a diff).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    /// The text that came.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// The case whose run it judged; absent for a check of every case (or a spec without cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Who sees its details; a hidden check's message, texts and hint are removed for students.
    pub visibility: super::visibility::Visibility,
}

impl CheckResult {
    /// Puts the reason in `lang`'s words: the one place a check's outcome becomes a sentence
    /// (the engine calls it once the verdict is assembled).
    pub fn word(&mut self, lang: Lang) {
        self.message = self.reason.as_ref().map(|r| r.word(lang)).unwrap_or_default();
    }
}

/// What the run did, as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct RunSummary {
    pub status: RunStatus,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub wall_s: f64,
    pub cpu_s: f64,
    /// CPU time over wall time.
    pub parallelism: f64,
    /// Processes started, the program included.
    pub processes: u32,
    /// How `processes` was counted.
    pub processes_method: String,
    /// Whether the process count and the per-process trace are exact (else a check on them
    /// cannot be judged here: see `inexact_reason`).
    pub exact: bool,
    /// Why they are not exact, and what to change.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inexact_reason: Option<String>,
    /// Processes that did at least the spec's `busy_share` of the CPU time.
    pub busy_processes: u32,
    pub max_rss_kb: u64,
    pub stdout_truncated: bool,
    pub stderr_truncated: bool,
    /// Processes still alive when the program ended, killed by the sandbox ("forgot join()?").
    pub leftovers_killed: u32,
    /// The confinement layers in force.
    pub layers: Vec<String>,
    /// Whether the run was pinned to one CPU.
    pub pinned: bool,
    /// The CPUs the run could use.
    pub cpus: u32,
    /// A sentence when the run did not end normally.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    pub stdout: String,
    pub stderr: String,
    /// The processes seen (pid, first and last seen, CPU seconds), for the picture of the run.
    pub trace: Vec<ProcessTrace>,
}

impl RunSummary {
    /// The summary of a sandbox report.
    /// `lang` words the sentence that says why the run stopped.
    pub fn new(report: &RunReport, busy_processes: u32, pinned: bool, cpus: u32, lang: Lang) -> RunSummary {
        RunSummary {
            status: report.status,
            exit_code: report.exit_code,
            signal: report.signal,
            wall_s: round3(report.wall_s),
            cpu_s: round3(report.cpu_s),
            parallelism: round3(report.parallelism()),
            processes: report.processes,
            processes_method: report.processes_method.clone(),
            exact: report.exact,
            inexact_reason: super::checks::inexact_observation(report).map(|m| m.word(lang)),
            busy_processes,
            max_rss_kb: report.max_rss_kb,
            stdout_truncated: report.stdout_truncated,
            stderr_truncated: report.stderr_truncated,
            leftovers_killed: report.leftovers_killed,
            layers: report.layers.clone(),
            pinned,
            cpus,
            detail: report.reason.as_ref().map(|m| m.word(lang)),
            stdout: report.stdout.clone(),
            stderr: report.stderr.clone(),
            trace: report.trace.clone(),
        }
    }
}

/// Three decimals are plenty for seconds and ratios, and keep the JSON readable.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// One run of a `--runs N` series.
#[derive(Debug, Clone, Serialize)]
pub struct RunOutcome {
    /// 1-based.
    pub index: u32,
    pub pinned: bool,
    pub verdict: Verdict,
    pub score: u32,
    pub status: RunStatus,
    pub wall_s: f64,
    /// Names of the checks that failed.
    pub failed: Vec<String>,
    /// Which of `distinct_outputs` this run printed.
    pub output: usize,
}

/// An output seen in a series, after masking what varies (PIDs, timings).
#[derive(Debug, Clone, Serialize)]
pub struct DistinctOutput {
    pub text: String,
    /// How many runs printed it.
    pub count: u32,
}

/// The summary of a series of runs (`--runs N`, or the spec's `runs`).
#[derive(Debug, Clone, Serialize)]
pub struct RunsSummary {
    pub runs: u32,
    pub passed: u32,
    /// Runs pinned to one CPU, and how many of them passed.
    pub pinned_runs: u32,
    pub pinned_passed: u32,
    pub outcomes: Vec<RunOutcome>,
    pub distinct_outputs: Vec<DistinctOutput>,
}

/// One case's run.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRun {
    /// The case's name in the spec.
    pub name: String,
    pub run: RunSummary,
}

/// The report on one submission.
#[derive(Debug, Clone, Serialize)]
pub struct CheckReport {
    /// The exercise id (`43.1`).
    pub exercise: String,
    /// The exercise's title in the report's language.
    pub title: String,
    /// The submission as given.
    pub submission: String,
    pub verdict: Verdict,
    /// Points earned (of the run shown, for a series).
    pub score: u32,
    /// The spec's total, always (a check that was not judged keeps its points in it).
    pub max_score: u32,
    /// The checks of the run shown: the first failing run of a series, else the first.
    pub checks: Vec<CheckResult>,
    pub run: RunSummary,
    /// Each case's run (empty for a spec without cases).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<CaseRun>,
    /// Present when there was more than one run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runs: Option<RunsSummary>,
    /// Where the exercise is stated (`43#exercice-1-nombres-premiers`).
    pub lesson_anchor: String,
}

impl CheckReport {
    /// The checks that failed.
    pub fn failed(&self) -> impl Iterator<Item = &CheckResult> {
        self.checks.iter().filter(|c| c.status == Status::Fail)
    }
}

/// The verdict and score of one run's checks. The maximum is the spec's total, always. A check
/// this machine could not judge makes the verdict `error` even beside a failure: its points are
/// unknown, so the score is too, and a gradebook must grade the submission again rather than keep
/// a score that is short by them.
pub fn tally(status: RunStatus, checks: &[CheckResult]) -> (Verdict, u32, u32) {
    let score = checks.iter().map(|c| c.points).sum();
    let max = checks.iter().map(|c| c.max_points).sum();
    let unjudged = checks
        .iter()
        .any(|c| c.not_judged == Some(NotJudged::NoInstrument));
    let verdict = if status == RunStatus::InternalError || unjudged {
        Verdict::Error
    } else if checks.iter().any(|c| c.status == Status::Fail) {
        Verdict::Fail
    } else {
        Verdict::Pass
    };
    (verdict, score, max)
}
