//! Cases: one spec, several runs of the program, each with its own stdin, arguments, environment,
//! files and limits (check50's shape). A check names the case it judges (`case: NAME`), or judges
//! every case: then it passes only when it passes on each, and its failure names the case.
use std::collections::BTreeMap;
use std::path::Path;

use anyhow::Context;
use serde::{Deserialize, Serialize};

use super::spec::{ExerciseSpec, SpecLimits, Text};
use super::verdict::{CheckResult, NotJudged, Status};
use crate::course::Exercise;
use crate::i18n::OrFail;
use crate::msg;
use crate::sandbox::RunRequest;

/// One run of the program with its own inputs.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A short name, unique in the spec (checks refer to it with `case:`).
    pub name: String,
    /// What the case tries, in words.
    #[serde(default)]
    pub title: Option<Text>,
    /// The program's stdin, as text.
    #[serde(default)]
    pub stdin: Option<String>,
    /// The program's stdin, from a file of the exercise's folder.
    #[serde(default)]
    pub stdin_file: Option<String>,
    /// Arguments after the run command (`python3 {file} ARGS…`).
    #[serde(default)]
    pub args: Vec<String>,
    /// Environment variables set for the run.
    #[serde(default)]
    pub env: BTreeMap<String, String>,
    /// Files of the exercise's folder copied into the run's working folder (same name).
    #[serde(default)]
    pub files: Vec<String>,
    /// Limits of this case, over the spec's.
    #[serde(default)]
    pub limits: CaseLimits,
}

/// Limits a case changes; what it leaves out is the spec's.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CaseLimits {
    /// Wall-clock seconds.
    #[serde(default)]
    pub wall_s: Option<f64>,
    /// CPU seconds.
    #[serde(default)]
    pub cpu_s: Option<f64>,
    /// Memory of the whole run, in MiB.
    #[serde(default)]
    pub memory_mb: Option<u64>,
    /// Processes alive at once.
    #[serde(default)]
    pub processes: Option<u32>,
    /// Bytes of output kept.
    #[serde(default)]
    pub output_bytes: Option<u64>,
}

impl CaseLimits {
    /// The spec's limits with this case's changes.
    pub fn over(&self, spec: &SpecLimits) -> SpecLimits {
        SpecLimits {
            wall_s: self.wall_s.unwrap_or(spec.wall_s),
            cpu_s: self.cpu_s.unwrap_or(spec.cpu_s),
            memory_mb: self.memory_mb.unwrap_or(spec.memory_mb),
            processes: self.processes.unwrap_or(spec.processes),
            output_bytes: self.output_bytes.unwrap_or(spec.output_bytes),
        }
    }
}

/// Why a case is wrong, with the key at fault.
pub fn validate(spec: &ExerciseSpec) -> Result<(), (&'static str, String)> {
    let mut names = std::collections::BTreeSet::new();
    for case in &spec.cases {
        let at = |message: String| format!("case `{}`: {message}", case.name);
        if case.name.is_empty() || !names.insert(case.name.as_str()) {
            return Err(("cases", at("a case needs a name no other case has".into())));
        }
        if case.stdin.is_some() && case.stdin_file.is_some() {
            return Err(("stdin_file", at("`stdin` or `stdin_file`, not both".into())));
        }
        for file in case.files.iter().chain(&case.stdin_file) {
            if !plain_name(file) {
                return Err((
                    "files",
                    at(format!("`{file}` must be a file name of the exercise's folder")),
                ));
            }
        }
        let limits = case.limits.over(&spec.limits);
        for (key, value) in [("wall_s", limits.wall_s), ("cpu_s", limits.cpu_s)] {
            if !(value.is_finite() && value > 0.0 && value <= 3600.0) {
                return Err((
                    key,
                    at(format!("{key}: {value} is not a number of seconds in 0..3600")),
                ));
            }
        }
        if limits.memory_mb == 0 || limits.processes == 0 || limits.output_bytes == 0 {
            return Err(("limits", at("limits must be above 0".into())));
        }
    }
    for check in &spec.checks {
        if let Some(case) = &check.case
            && !spec.cases.iter().any(|c| &c.name == case)
        {
            let known: Vec<&str> = spec.cases.iter().map(|c| c.name.as_str()).collect();
            return Err((
                "case",
                format!(
                    "check `{}`: case: no case is named `{case}` (cases: {})",
                    check.name,
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                ),
            ));
        }
    }
    Ok(())
}

/// A file name without folders or a leading dot.
fn plain_name(name: &str) -> bool {
    !name.is_empty() && !name.contains(['/', '\\']) && !name.starts_with('.')
}

/// A case's stdin file and the (name, path) pairs copied into its run's folder.
pub type CaseInputs = (Option<std::path::PathBuf>, Vec<(String, std::path::PathBuf)>);

/// The files a case needs, written to `dir` (the course may be built in, so they come from memory):
/// the stdin file's path and the (name, path) pairs to copy into the run's folder.
pub fn prepare(case: &Case, exercise: &Exercise, dir: &Path) -> anyhow::Result<CaseInputs> {
    let from_folder = |name: &str| {
        exercise.files.get(name).with_context(|| {
            format!(
                "{}: case `{}` needs {name}, which is not there",
                exercise.dir, case.name
            )
        })
    };
    let stdin = match (&case.stdin, &case.stdin_file) {
        (Some(text), _) => Some(text.as_bytes().to_vec()),
        (None, Some(name)) => Some(from_folder(name)?.clone()),
        (None, None) => None,
    };
    // Named after the case's position, never after its name (which the student's code could guess).
    let stdin_path = match stdin {
        Some(bytes) => {
            let path = dir.join(format!("stdin-{}", case_slug(&case.name)));
            std::fs::write(&path, bytes).or_fail(|| msg!("file-write", path = path.display().to_string()))?;
            Some(path)
        }
        None => None,
    };
    let files_dir = dir.join(format!("files-{}", case_slug(&case.name)));
    let mut files = Vec::new();
    for name in &case.files {
        crate::atomic_file::create_folder(&files_dir)?;
        let path = files_dir.join(name);
        std::fs::write(&path, from_folder(name)?)
            .or_fail(|| msg!("file-write", path = path.display().to_string()))?;
        files.push((name.clone(), path));
    }
    Ok((stdin_path, files))
}

/// A name usable in a file name.
fn case_slug(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The request of one case: the spec's, plus the case's arguments, environment, files and stdin.
pub fn request(
    base: RunRequest,
    spec: &ExerciseSpec,
    case: &Case,
    stdin: Option<std::path::PathBuf>,
    files: Vec<(String, std::path::PathBuf)>,
) -> RunRequest {
    let mut request = base;
    request
        .argv
        .extend(case.args.iter().map(|a| a.replace("{file}", &spec.file)));
    request
        .env
        .extend(case.env.iter().map(|(k, v)| (k.clone(), v.clone())));
    request.files.extend(files);
    request.stdin = stdin;
    request.limits = case.limits.over(&spec.limits).to_limits();
    request
}

/// The spec restricted to what one case judges: its own checks and those of every case.
pub fn spec_for_case(spec: &ExerciseSpec, case: &str) -> ExerciseSpec {
    let mut sub = spec.clone();
    sub.checks.retain(|c| c.case.as_deref().is_none_or(|n| n == case));
    sub
}

/// One result per check of the spec, in its order, from the results of each case (`per_case`:
/// case name and the results of [`spec_for_case`]). A check of every case passes when it passed
/// on each; its message is that of the first case where it failed, naming it.
pub fn merge(spec: &ExerciseSpec, per_case: &[(String, Vec<CheckResult>)]) -> Vec<CheckResult> {
    let mut merged = Vec::new();
    for check in &spec.checks {
        let found: Vec<(&str, &CheckResult)> = per_case
            .iter()
            .filter_map(|(case, results)| {
                results
                    .iter()
                    .find(|r| r.name == check.name)
                    .map(|r| (case.as_str(), r))
            })
            .collect();
        let Some((_, first)) = found.first() else {
            continue;
        };
        if check.case.is_some() {
            merged.push((*first).clone());
            continue;
        }
        // A failure anywhere wins, then a case that could not be judged (the verdict is `error`),
        // then a pass, then "does not apply".
        let rank = |r: &CheckResult| match (r.status, r.not_judged) {
            (Status::Fail, _) => 0,
            (Status::Skip, Some(NotJudged::NoInstrument)) => 1,
            (Status::Pass, _) => 2,
            _ => 3,
        };
        let (case, worst) = found
            .iter()
            .min_by_key(|(_, r)| rank(r))
            .copied()
            .unwrap_or(("", *first));
        let mut result = worst.clone();
        if rank(worst) <= 1 {
            result.reason = result
                .reason
                .map(|reason| msg!("check-in-case", case = case, reason = reason));
        } else if rank(worst) == 2 && found.len() > 1 {
            result.reason = result
                .reason
                .map(|reason| msg!("check-on-cases", reason = reason, count = found.len()));
        }
        result.case = None;
        merged.push(result);
    }
    merged
}
