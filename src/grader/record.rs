//! The one internal result model of batch grading: a [`GradeRecord`] per student and exercise.
//!
//! It is what the gradebook stores and reads back, and the only thing the exports (Gradescope,
//! JUnit, CSV) and `--report` see, so that a grade looks the same wherever it is read. Unlike
//! [`CheckReport`] it is small (the program's output is cut to an excerpt) and reads back from JSON.
use serde::{Deserialize, Serialize};

use super::visibility::Visibility;
use sha2::{Digest, Sha256};

use super::verdict::{CheckReport, Status, Verdict};
use crate::sandbox::ProcessTrace;

/// How much of the program's stdout and stderr a record keeps (the full output is in `check`).
pub const OUTPUT_EXCERPT: usize = 2048;

/// The verdict on a submission, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum GradeVerdict {
    Pass,
    Fail,
    /// The grader could not judge (the sandbox failed inside): graded again on the next batch.
    Error,
}

impl GradeVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            GradeVerdict::Pass => "pass",
            GradeVerdict::Fail => "fail",
            GradeVerdict::Error => "error",
        }
    }

    pub fn parse(text: &str) -> Option<GradeVerdict> {
        match text {
            "pass" => Some(GradeVerdict::Pass),
            "fail" => Some(GradeVerdict::Fail),
            "error" => Some(GradeVerdict::Error),
            _ => None,
        }
    }
}

impl From<Verdict> for GradeVerdict {
    fn from(v: Verdict) -> Self {
        match v {
            Verdict::Pass => GradeVerdict::Pass,
            Verdict::Fail => GradeVerdict::Fail,
            Verdict::Error => GradeVerdict::Error,
        }
    }
}

/// One check's outcome, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckStatus {
    Pass,
    Fail,
    /// Not judged: its `when` did not hold (points given), or this machine could not observe what
    /// it reads (no points, and the verdict is `error`). Its points stay in `max_score`.
    Skip,
}

impl From<Status> for CheckStatus {
    fn from(s: Status) -> Self {
        match s {
            Status::Pass => CheckStatus::Pass,
            Status::Fail => CheckStatus::Fail,
            Status::Skip => CheckStatus::Skip,
        }
    }
}

/// One check of a graded submission.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CheckRecord {
    pub name: String,
    /// What the check verifies, in the report's language (empty in gradebooks written before it
    /// was kept; the feedback falls back on the name).
    #[serde(default)]
    pub title: String,
    pub kind: String,
    pub status: CheckStatus,
    pub message: String,
    pub points: u32,
    pub max_points: u32,
    /// The spec's hint, shown with a failure.
    pub hint: String,
    /// For a failed check that compares texts: what was expected and what came (excerpts), for
    /// the diff of a feedback file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    /// The case whose run it judged (none: every case, or a spec without cases).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Who sees its details (exports pass it on: Gradescope's `visibility`).
    #[serde(default, skip_serializing_if = "Visibility::is_visible")]
    pub visibility: Visibility,
}

impl CheckRecord {
    /// The name with its case, as platforms list tests: `two-lines/six-words`.
    pub fn qualified_name(&self) -> String {
        match &self.case {
            Some(case) => format!("{case}/{}", self.name),
            None => self.name.clone(),
        }
    }
}

/// What the run did (the figures of the run the checks judged).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunFigures {
    /// `ok`, `timeout`, `memory-limit`, … (the sandbox's vocabulary).
    pub status: String,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub wall_s: f64,
    pub cpu_s: f64,
    pub processes: u32,
    pub max_rss_kb: u64,
    pub leftovers_killed: u32,
    /// A sentence when the run did not end normally.
    pub detail: Option<String>,
    /// The start of stdout and stderr ([`OUTPUT_EXCERPT`] bytes each).
    pub stdout: String,
    pub stderr: String,
    /// Runs made and passed, when the spec asks for a series.
    pub runs: Option<(u32, u32)>,
    /// The processes seen, for the picture of the run in a feedback file (empty in gradebooks
    /// written before it was kept).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub trace: Vec<ProcessTrace>,
}

/// The grade of one student on one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GradeRecord {
    pub student: String,
    pub exercise: String,
    /// SHA-256 of the exercise's spec file: a changed spec makes every grade stale.
    pub spec_hash: String,
    /// The file graded, relative to the class folder.
    pub submission: String,
    /// SHA-256 of the file graded.
    pub submission_hash: String,
    pub verdict: GradeVerdict,
    pub score: u32,
    pub max_score: u32,
    pub checks: Vec<CheckRecord>,
    pub run: RunFigures,
    /// When the grade was recorded, milliseconds since the Unix epoch (UTC).
    pub graded_at_ms: i64,
    /// How long grading this submission took (every run of it), in seconds.
    pub grading_s: f64,
}

impl GradeRecord {
    /// The record of a finished check.
    pub fn from_report(
        report: &CheckReport,
        student: &str,
        submission: &str,
        submission_hash: &str,
        spec_hash: &str,
        grading_s: f64,
    ) -> GradeRecord {
        let run = &report.run;
        GradeRecord {
            student: student.to_string(),
            exercise: report.exercise.clone(),
            spec_hash: spec_hash.to_string(),
            submission: submission.to_string(),
            submission_hash: submission_hash.to_string(),
            verdict: report.verdict.into(),
            score: report.score,
            max_score: report.max_score,
            checks: report
                .checks
                .iter()
                .map(|c| CheckRecord {
                    name: c.name.clone(),
                    title: c.title.clone(),
                    kind: c.kind.clone(),
                    status: c.status.into(),
                    message: c.message.clone(),
                    points: c.points,
                    max_points: c.max_points,
                    hint: c.hint.clone(),
                    expected: c
                        .expected
                        .as_deref()
                        .filter(|_| c.status == Status::Fail)
                        .map(excerpt),
                    actual: c
                        .actual
                        .as_deref()
                        .filter(|_| c.status == Status::Fail)
                        .map(excerpt),
                    case: c.case.clone(),
                    visibility: c.visibility,
                })
                .collect(),
            run: RunFigures {
                status: serde_json::to_value(run.status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_else(|| format!("{:?}", run.status)),
                exit_code: run.exit_code,
                signal: run.signal,
                wall_s: run.wall_s,
                cpu_s: run.cpu_s,
                processes: run.processes,
                max_rss_kb: run.max_rss_kb,
                leftovers_killed: run.leftovers_killed,
                detail: run.detail.clone(),
                stdout: excerpt(&run.stdout),
                stderr: excerpt(&run.stderr),
                runs: report.runs.as_ref().map(|r| (r.runs, r.passed)),
                trace: run.trace.clone(),
            },
            graded_at_ms: now_ms(),
            grading_s,
        }
    }

    /// The names of the checks that failed.
    pub fn failed_checks(&self) -> impl Iterator<Item = &str> {
        self.checks
            .iter()
            .filter(|c| c.status == CheckStatus::Fail)
            .map(|c| c.name.as_str())
    }

    /// `graded_at_ms` as an ISO 8601 UTC time.
    pub fn graded_at(&self) -> String {
        iso8601(self.graded_at_ms)
    }
}

/// The first [`OUTPUT_EXCERPT`] bytes of `text`, cut on a character boundary, marked when cut.
fn excerpt(text: &str) -> String {
    if text.len() <= OUTPUT_EXCERPT {
        return text.to_string();
    }
    let mut end = OUTPUT_EXCERPT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}\n[…]", &text[..end])
}

/// Hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

/// `2026-11-25T08:06:08.123Z` from milliseconds since the epoch (civil calendar from days, after
/// Howard Hinnant's `civil_from_days`, to avoid a date crate for one format).
pub fn iso8601(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let millis = ms.rem_euclid(1000);
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso8601_known_instants() {
        assert_eq!(iso8601(0), "1970-01-01T00:00:00.000Z");
        // 2000-02-29 (a leap day of a century leap year) 12:34:56.789
        assert_eq!(iso8601(951_827_696_789), "2000-02-29T12:34:56.789Z");
        assert_eq!(iso8601(1_795_000_000_000), "2026-11-18T11:06:40.000Z");
    }

    #[test]
    fn excerpt_cuts_on_a_char_boundary() {
        let long = "é".repeat(OUTPUT_EXCERPT);
        let cut = excerpt(&long);
        assert!(cut.ends_with("[…]"));
        assert!(cut.len() < long.len());
        assert_eq!(excerpt("short"), "short");
    }

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
