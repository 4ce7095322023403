//! The exercise spec (`exercises/<id>-<slug>/exercise.yaml`): how to run a submission, its limits and
//! the named checks that judge it. Strict: an unknown key is an error naming the file, line and key.
//!
//! The spec lives beside the grader that interprets it (rather than in `course`) so that the check
//! kinds and their evaluation change together; `course` only finds the folders.
mod validate;

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::cases::Case;
use super::checks::call::CallCheck;
use super::spec_location::{find_check_line, find_key_line, yaml_problem};
use super::visibility::Visibility;
use crate::course::Problem;
use crate::i18n::Lang;
use crate::sandbox::Limits;

/// The spec format this build reads.
pub const SPEC_VERSION: u32 = 1;

/// The largest `limits.memory_mb` (1 TiB): its bytes (`memory_mb << 20`) must fit a `u64` with room.
pub const MAX_MEMORY_MB: u64 = 1 << 20;
/// The largest `limits.processes`: the sandbox adds its own PID 1 to it, and no exercise needs more.
pub const MAX_PROCESSES: u32 = 100_000;
/// The largest `limits.output_bytes` (1 GiB): what is kept is held in memory.
pub const MAX_OUTPUT_BYTES: u64 = 1 << 30;

/// The run's figures every expression may read (`when`, `expr`, `max`, `min`), besides the
/// captures of earlier `regex` checks. Kept beside [`crate::grader::checks::Vars::of_run`], which
/// sets exactly these.
pub const RUN_VARIABLES: &[&str] = &[
    "wall_s",
    "cpu_s",
    "parallelism",
    "processes",
    "busy_processes",
    "busy_at_once",
    "exit_code",
    "signal",
    "cpus",
    "machine_cpus",
    "pinned",
    "leftovers_killed",
    "max_rss_kb",
    "stdout_lines",
];

/// A text in the lesson's language, optionally with its English version.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Text {
    /// One text, used whatever the language.
    Plain(String),
    /// A French and an English text.
    Both {
        /// The French text.
        fr: String,
        /// The English text.
        en: String,
    },
}

impl Text {
    /// The text in `lang`, or the only one there is.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(text) => text,
            // Course content: the spec author's own French and English versions, not atelier's
            // words (any other language reads the English one).
            Text::Both { fr, en } => lang.pick(fr, en),
        }
    }
}

/// One exercise: what the student writes, how it runs, and how it is judged.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExerciseSpec {
    /// Format version; this build reads [`SPEC_VERSION`].
    pub version: u32,
    /// `<chapter>.<n>`, the same as the folder's prefix (`43.1`).
    pub id: String,
    /// The exercise's title.
    pub title: Text,
    /// The chapter number of the lesson that states the exercise.
    pub lesson: u32,
    /// The anchor of the exercise's section in that lesson (`exercice-1-nombres-premiers`).
    pub anchor: String,
    /// The name the submission gets in the run's working folder (`premiers.py`).
    pub file: String,
    /// The command that runs a submission; `{file}` is replaced by [`ExerciseSpec::file`].
    #[serde(default = "default_run")]
    pub run: String,
    /// The limits of one run.
    #[serde(default)]
    pub limits: SpecLimits,
    /// Timing-sensitive: batch grading never shares the CPUs with another run of it.
    #[serde(default)]
    pub timing_sensitive: bool,
    /// How many runs a plain `check` makes (all must pass); `--runs` overrides it.
    #[serde(default = "default_runs")]
    pub runs: u32,
    /// A process is "busy" when it did at least this share (0..1) of the run's CPU time
    /// (the `busy_processes` variable).
    #[serde(default = "default_busy_share")]
    pub busy_share: f64,
    /// The checks, in the order they are reported.
    pub checks: Vec<Check>,
    /// Runs of the program with their own stdin, arguments, environment and files; none means one
    /// run with stdin `/dev/null`.
    #[serde(default)]
    pub cases: Vec<Case>,
}

fn default_run() -> String {
    "python3 {file}".into()
}

fn default_runs() -> u32 {
    1
}

fn default_busy_share() -> f64 {
    0.05
}

/// The limits of one run, in the units a teacher thinks in.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SpecLimits {
    /// Wall-clock seconds.
    #[serde(default = "default_wall")]
    pub wall_s: f64,
    /// CPU seconds.
    #[serde(default = "default_cpu")]
    pub cpu_s: f64,
    /// Memory of the whole run, in MiB.
    #[serde(default = "default_memory")]
    pub memory_mb: u64,
    /// Processes (and threads) alive at once.
    #[serde(default = "default_processes")]
    pub processes: u32,
    /// Bytes of stdout (and of stderr) kept; more is `output-limit`.
    #[serde(default = "default_output")]
    pub output_bytes: u64,
}

fn default_wall() -> f64 {
    20.0
}
fn default_cpu() -> f64 {
    20.0
}
fn default_memory() -> u64 {
    512
}
fn default_processes() -> u32 {
    64
}
fn default_output() -> u64 {
    64 << 10
}

impl Default for SpecLimits {
    fn default() -> Self {
        SpecLimits {
            wall_s: default_wall(),
            cpu_s: default_cpu(),
            memory_mb: default_memory(),
            processes: default_processes(),
            output_bytes: default_output(),
        }
    }
}

impl SpecLimits {
    /// The sandbox's limits for one run. A parsed spec is within the maxima; a spec built by hand
    /// is clamped rather than wrapped (a shift would silently drop the high bits).
    pub fn to_limits(&self) -> Limits {
        Limits {
            wall: Duration::try_from_secs_f64(self.wall_s).unwrap_or(Duration::from_secs(3600)),
            cpu: Duration::try_from_secs_f64(self.cpu_s).unwrap_or(Duration::from_secs(3600)),
            memory_bytes: self.memory_mb.min(MAX_MEMORY_MB).saturating_mul(1 << 20),
            processes: self.processes.min(MAX_PROCESSES),
            output_bytes: self.output_bytes.min(MAX_OUTPUT_BYTES),
            ..Limits::default()
        }
    }
}

/// One named check. Deserialized by hand: serde cannot deny unknown fields across a flattened enum,
/// so the common keys are taken out first and the rest must be exactly the kind's fields.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// A short name, unique in the spec (the check's id in reports and gradebooks).
    pub name: String,
    /// What the check verifies, in words (shown on the check's line; the name when absent).
    pub title: Option<Text>,
    /// Points given when it passes.
    #[serde(default = "default_points")]
    pub points: u32,
    /// What to think about when it fails.
    pub hint: Text,
    /// Judge only when this expression holds (`machine_cpus < 10`). When it does not, the check
    /// does not apply on this machine: it is skipped and its points are given, so that a score
    /// means the same wherever it was earned (the maximum is always the spec's total).
    #[serde(default)]
    pub when: Option<String>,
    /// What the check looks at.
    #[serde(flatten)]
    pub kind: CheckKind,
    /// The case whose run the check judges; every case's when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Who sees the check's details (`visible`, `hidden`, `after_due`).
    #[serde(default, skip_serializing_if = "Visibility::is_visible")]
    pub visibility: Visibility,
}

fn default_points() -> u32 {
    1
}

impl<'de> Deserialize<'de> for Check {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        use serde_yaml::Value;
        let mut map = serde_yaml::Mapping::deserialize(deserializer)?;
        let name = match map.remove("name") {
            Some(Value::String(name)) => name,
            Some(_) => return Err(D::Error::custom("check: `name` must be a text")),
            None => return Err(D::Error::custom("check: missing field `name`")),
        };
        let in_check = |e: serde_yaml::Error| D::Error::custom(format!("check `{name}`: {e}"));
        let points = match map.remove("points") {
            Some(value) => u32::deserialize(value).map_err(&in_check)?,
            None => default_points(),
        };
        let hint = match map.remove("hint") {
            Some(value) => Text::deserialize(value).map_err(&in_check)?,
            None => return Err(D::Error::custom(format!("check `{name}`: missing field `hint`"))),
        };
        let title = match map.remove("title") {
            Some(value) => Some(Text::deserialize(value).map_err(&in_check)?),
            None => None,
        };
        let when = match map.remove("when") {
            Some(value) => Some(String::deserialize(value).map_err(&in_check)?),
            None => None,
        };
        let case = match map.remove("case") {
            Some(value) => Some(String::deserialize(value).map_err(&in_check)?),
            None => None,
        };
        let visibility = match map.remove("visibility") {
            Some(value) => Visibility::deserialize(value).map_err(&in_check)?,
            None => Visibility::default(),
        };
        // `call` is read on its own: an internally tagged enum buffers its fields, and the buffer
        // cannot hold the `!py` tags its arguments may carry.
        let kind = if map.get("kind") == Some(&Value::String("call".into())) {
            map.remove("kind");
            CheckKind::Call(CallCheck::deserialize(Value::Mapping(map)).map_err(&in_check)?)
        } else {
            CheckKind::deserialize(Value::Mapping(map)).map_err(&in_check)?
        };
        Ok(Check {
            name,
            title,
            points,
            hint,
            when,
            kind,
            case,
            visibility,
        })
    }
}

/// Which output a check reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StreamName {
    #[default]
    Stdout,
    Stderr,
}

/// How a line is compared with an expected one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LineMatch {
    /// Equal after normalisation.
    #[default]
    Exact,
    /// Contains the expected text.
    Contains,
    /// Matches the expected regular expression.
    Regex,
}

/// Which match of a regex gives the captures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Occurrence {
    #[default]
    First,
    Last,
}

/// How output lines are ordered when compared with the reference.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Order {
    #[default]
    Strict,
    Any,
}

/// A part of the output that varies from run to run and is masked before comparing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mask {
    /// Numbers after `PID`, `pid=`, …
    Pid,
    /// Decimal numbers (timings).
    Float,
    /// Every integer.
    Int,
}

/// What a check looks at. Internally tagged by `kind:`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum CheckKind {
    /// The exit status of the program (a death by signal always fails).
    ExitStatus {
        /// The expected exit code.
        #[serde(default)]
        code: i32,
    },
    /// The whole stream equals `expected` after normalisation (trailing spaces, line endings).
    Exact {
        /// The stream compared.
        #[serde(default)]
        stream: StreamName,
        /// The expected text.
        expected: String,
        /// Ignore the case.
        #[serde(default)]
        ignore_case: bool,
        /// Ignore accents (`é` = `e`).
        #[serde(default)]
        ignore_accents: bool,
    },
    /// The stream contains `text` (after the same normalisation).
    Contains {
        /// The stream searched.
        #[serde(default)]
        stream: StreamName,
        /// The text that must appear.
        text: String,
        /// Ignore the case.
        #[serde(default)]
        ignore_case: bool,
        /// Ignore accents.
        #[serde(default)]
        ignore_accents: bool,
    },
    /// One of `patterns` matches the stream; its named captures become variables for later checks.
    Regex {
        /// The stream searched.
        #[serde(default)]
        stream: StreamName,
        /// Regular expressions tried in order (the first that matches wins), so that several
        /// wordings can be accepted.
        patterns: Vec<String>,
        /// Which match gives the captures when there are several.
        #[serde(default)]
        occurrence: Occurrence,
    },
    /// Each expected line is matched by a distinct output line, in any order.
    LinesAnyOrder {
        /// The stream read.
        #[serde(default)]
        stream: StreamName,
        /// The lines expected.
        expected: Vec<String>,
        /// How a line is compared.
        #[serde(default, rename = "match")]
        line_match: LineMatch,
        /// Other lines may appear too.
        #[serde(default = "yes")]
        allow_extra: bool,
        /// Ignore the case.
        #[serde(default)]
        ignore_case: bool,
        /// Ignore accents.
        #[serde(default)]
        ignore_accents: bool,
    },
    /// The number of (non-empty) lines, or of lines matching `matching`, lies in `min..=max`.
    /// With `key`, what is counted is the distinct keys, and a key on two lines fails: "each of
    /// the 10 images once", whatever the images are called.
    LineCount {
        /// The stream read.
        #[serde(default)]
        stream: StreamName,
        /// Count only the lines this regex matches.
        #[serde(default)]
        matching: Option<String>,
        /// What identifies a line's result (the regex's first group, or its whole match): lines
        /// without one are not counted, and two lines with the same one are a repeat.
        #[serde(default)]
        key: Option<String>,
        /// At least.
        #[serde(default)]
        min: Option<u32>,
        /// At most.
        #[serde(default)]
        max: Option<u32>,
    },
    /// A captured number equals `expected` within `tolerance`.
    Number {
        /// The variable (a named capture of an earlier `regex` check).
        var: String,
        /// The expected value.
        expected: f64,
        /// Absolute tolerance.
        #[serde(default)]
        tolerance: f64,
    },
    /// A boolean expression over the captures and the run's figures (evalexpr syntax).
    Expression {
        /// The expression, such as `t_par < t_seq * 0.8`.
        expr: String,
    },
    /// The number of processes the program started, itself included.
    Processes {
        /// At least.
        #[serde(default)]
        min: Option<u32>,
        /// At most (an expression such as `max(machine_cpus, 4) + 2` is allowed).
        #[serde(default)]
        max: Option<String>,
    },
    /// Processes that each did at least `share` of the run's CPU time.
    BusyProcesses {
        /// At least this many.
        min: u32,
        /// The share (0..1); the spec's `busy_share` when absent.
        #[serde(default)]
        share: Option<f64>,
        /// Count only the busy processes alive at the same time (the most at any instant): workers
        /// started and joined one after the other do not count as parallel.
        #[serde(default)]
        at_once: bool,
    },
    /// CPU time over wall time of the run (children included).
    Parallelism {
        /// At least.
        min: f64,
    },
    /// The run's wall time against figures the program measured itself (expressions in seconds).
    WallTime {
        /// The run lasted at least this (e.g. `t_seq + t_par`: the printed times are not invented).
        #[serde(default)]
        min: Option<String>,
        /// The run lasted at most this.
        #[serde(default)]
        max: Option<String>,
    },
    /// Output lines arrived while the program ran, not all at the end.
    Streaming {
        /// The stream read.
        #[serde(default)]
        stream: StreamName,
        /// The result lines (a regex).
        matching: String,
        /// The first result line arrived before this fraction (0..1) of the run.
        first_before: f64,
    },
    /// The source must contain every pattern of `contains` and none of `lacks` (comments ignored).
    Source {
        /// Regular expressions that must all appear.
        #[serde(default)]
        contains: Vec<String>,
        /// Regular expressions that must not appear.
        #[serde(default)]
        lacks: Vec<String>,
    },
    /// The same output as the reference solution once the varying parts are masked.
    SameAsReference {
        /// The stream compared.
        #[serde(default)]
        stream: StreamName,
        /// What to mask.
        #[serde(default)]
        mask: Vec<Mask>,
        /// Whether the order of lines matters.
        #[serde(default)]
        order: Order,
        /// Compare only the lines this regex matches.
        #[serde(default)]
        filter: Option<String>,
        /// Compare only what this regex extracts from each line (its first group, or the whole match).
        #[serde(default)]
        extract: Option<String>,
    },
    /// The student's function called with given arguments, the module imported without running its
    /// `__main__` block (see `checks/call.rs`).
    Call(CallCheck),
}

fn yes() -> bool {
    true
}

impl CheckKind {
    /// The kind's name as written in the spec.
    pub fn tag(&self) -> &'static str {
        match self {
            CheckKind::ExitStatus { .. } => "exit-status",
            CheckKind::Exact { .. } => "exact",
            CheckKind::Contains { .. } => "contains",
            CheckKind::Regex { .. } => "regex",
            CheckKind::LinesAnyOrder { .. } => "lines-any-order",
            CheckKind::LineCount { .. } => "line-count",
            CheckKind::Number { .. } => "number",
            CheckKind::Expression { .. } => "expression",
            CheckKind::Processes { .. } => "processes",
            CheckKind::BusyProcesses { .. } => "busy-processes",
            CheckKind::Parallelism { .. } => "parallelism",
            CheckKind::WallTime { .. } => "wall-time",
            CheckKind::Streaming { .. } => "streaming",
            CheckKind::Source { .. } => "source",
            CheckKind::SameAsReference { .. } => "same-as-reference",
            CheckKind::Call(_) => "call",
        }
    }
}
