//! Checking one submission: run it in the sandbox (several times for a series), run the reference
//! solution when a check compares with it, evaluate the checks, build the report.
use std::path::Path;

use anyhow::Context;

use super::cases;
use super::checks::{self, CheckInput, call};
use super::reference::{ReferenceOutput, reference_output};
use super::spec::CheckKind;
use super::spec::{ExerciseSpec, Mask};
use super::verdict::{CaseRun, CheckResult, NotJudged, Status};
use super::verdict::{
    CheckReport, DistinctOutput, RunOutcome, RunSummary, RunsSummary, Verdict, round3, tally,
};
use super::visibility::redact_for_student;
use crate::course::{CourseFiles, Exercise, Problem};
use crate::i18n::{Lang, OrFail};
use crate::msg;
use crate::sandbox::{self, RunRequest};

/// How to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The language of the messages.
    pub lang: Lang,
    /// Number of runs (alternately on all cores and pinned to one CPU); the spec's `runs` when absent.
    pub runs: Option<u32>,
    /// The reference solution's output, when the caller already has it (batch grading gets it once).
    pub reference: Option<ReferenceOutput>,
    /// Keep the details of hidden checks (an instructor's grading); a student's check removes them.
    pub reveal_hidden: bool,
    /// Judge only the check of this name (`check --only NAME`); the score is that check's.
    pub only: Option<String>,
}

/// The spec of an exercise, parsed; an error names the file, line and key, worded in `lang`.
pub fn load_spec(files: &CourseFiles, exercise: &Exercise, lang: Lang) -> anyhow::Result<ExerciseSpec> {
    spec_or_problem(files, exercise).map_err(|problem| anyhow::anyhow!("{}", problem.word(lang)))
}

/// [`load_spec`] with the error kept as a [`Problem`] (file, line, message), for `atelier lint`.
pub fn spec_or_problem(files: &CourseFiles, exercise: &Exercise) -> Result<ExerciseSpec, Problem> {
    let shown = files.display_path(&format!("{}/exercise.yaml", exercise.dir));
    let problem = |line: Option<usize>, message| Problem::new(shown.clone(), line, message);
    let bytes = exercise
        .files
        .get("exercise.yaml")
        .ok_or_else(|| problem(None, crate::msg!("spec-missing")))?;
    let text = std::str::from_utf8(bytes).map_err(|_| problem(None, crate::msg!("spec-not-utf8")))?;
    let spec = ExerciseSpec::parse(&shown, text)?;
    if spec.id != exercise.id {
        let line = super::spec_location::find_key_line(text, "id");
        let message = crate::msg!("spec-id-mismatch", id = &spec.id, folder = &exercise.id);
        return Err(problem(line, message));
    }
    Ok(spec)
}

/// Checks `submission` against `exercise`. A learner's failure is data in the report; `Err` means
/// the check itself could not be done (unreadable file, broken spec, the sandbox could not start,
/// the reference solution failed).
pub fn check_submission(
    files: &CourseFiles,
    exercise: &Exercise,
    submission: &Path,
    opts: &CheckOptions,
) -> anyhow::Result<CheckReport> {
    let mut spec = load_spec(files, exercise, opts.lang)?;
    if let Some(only) = &opts.only {
        restrict_to(&mut spec, only, opts.lang)?;
    }
    let source_bytes = super::submission_file::read(submission)?;
    let source = String::from_utf8_lossy(&source_bytes).into_owned();
    let lang = opts.lang;

    let reference = match (&opts.reference, checks::needs_reference(&spec)) {
        (Some(reference), _) => Some(reference.clone()),
        (None, true) => Some(reference_output(&spec, exercise, lang)?),
        (None, false) => None,
    };

    // Every call of the `call` checks is made once, in one run of the harness.
    let calls = if call::needed(&spec) {
        Some(call::run_calls(&spec, &request_for(&spec, submission, false))?)
    } else {
        None
    };
    // The cases' stdin and files, written once for the whole series.
    let case_dir = tempfile::tempdir().or_fail(|| msg!("file-temp-folder"))?;
    let mut case_inputs = Vec::new();
    for case in &spec.cases {
        case_inputs.push(cases::prepare(case, exercise, case_dir.path())?);
    }

    let runs = opts.runs.unwrap_or(spec.runs).max(1);
    let all_cpus = super::cpus::available_cpus();
    let machine_cpus = super::cpus::machine_cpus().max(all_cpus);
    let mut outcomes = Vec::new();
    let mut outputs: Vec<DistinctOutput> = Vec::new();
    // The run shown in full: the first that failed, else the first.
    let mut shown: Option<CheckReport> = None;
    for index in 0..runs {
        // A series alternates: all cores, then one CPU, so that a program relying on true
        // parallelism (or racing only when truly parallel) shows it.
        let pinned = runs > 1 && index % 2 == 1;
        let cpus = if pinned { 1 } else { all_cpus };
        let seeing = Seeing {
            source: &source,
            reference: reference.as_ref(),
            cpus,
            machine_cpus,
            pinned,
            busy_share: spec.busy_share,
        };
        let judged = judge_runs(&spec, submission, pinned, &case_inputs, |report, sub_spec| {
            checks::evaluate(sub_spec, &seeing.observe(report), lang)
        })?;
        let mut results = judged.results;
        if let Some(calls) = &calls {
            apply_calls(&spec, &mut results, calls);
        }
        let report = judged.shown;
        let obs = seeing.observe(&report);
        let worst = if calls.as_ref().and_then(|c| c.run_status) == Some(sandbox::RunStatus::InternalError) {
            sandbox::RunStatus::InternalError
        } else {
            judged.worst
        };
        let (verdict, score, max_score) = tally(worst, &results);
        let output = count_output(
            &mut outputs,
            checks::mask(&report.stdout, &[Mask::Pid, Mask::Float]),
        );
        outcomes.push(RunOutcome {
            index: index + 1,
            pinned,
            verdict,
            score,
            status: report.status,
            wall_s: round3(report.wall_s),
            failed: results
                .iter()
                .filter(|c| c.status == super::verdict::Status::Fail)
                .map(|c| c.name.clone())
                .collect(),
            output,
        });
        let replace = match &shown {
            None => true,
            Some(first) => first.verdict == Verdict::Pass && verdict != Verdict::Pass,
        };
        if replace {
            let busy = obs.busy_processes(spec.busy_share);
            shown = Some(CheckReport {
                exercise: spec.id.clone(),
                // Course content: the spec's own title, in its French or English version.
                title: spec.title.get(lang).to_string(),
                submission: submission.display().to_string(),
                verdict,
                score,
                max_score,
                checks: results,
                run: RunSummary::new(&report, busy, pinned, cpus, lang),
                cases: judged
                    .case_runs
                    .iter()
                    .map(|(name, r)| CaseRun {
                        name: name.clone(),
                        run: RunSummary::new(r, obs.busy_processes(spec.busy_share), pinned, cpus, lang),
                    })
                    .collect(),
                runs: None,
                lesson_anchor: format!("{}#{}", spec.lesson, spec.anchor),
            });
        }
    }
    let mut report = shown.context("at least one run")?;
    // The outcomes are data up to here: they are put in words once, in the report's language.
    for check in &mut report.checks {
        check.word(lang);
    }
    if !opts.reveal_hidden {
        redact_for_student(&mut report.checks);
    }
    if runs > 1 {
        let passed = outcomes.iter().filter(|o| o.verdict == Verdict::Pass).count() as u32;
        let pinned_runs = outcomes.iter().filter(|o| o.pinned).count() as u32;
        let pinned_passed = outcomes
            .iter()
            .filter(|o| o.pinned && o.verdict == Verdict::Pass)
            .count() as u32;
        // A series passes only when every run passed; an error anywhere is an error.
        if outcomes.iter().any(|o| o.verdict == Verdict::Error) {
            report.verdict = Verdict::Error;
        }
        report.runs = Some(RunsSummary {
            runs,
            passed,
            pinned_runs,
            pinned_passed,
            outcomes,
            distinct_outputs: outputs,
        });
    }
    Ok(report)
}

/// Counts an output of a series; returns its index among the distinct ones.
fn count_output(outputs: &mut Vec<DistinctOutput>, text: String) -> usize {
    if let Some(i) = outputs.iter().position(|o| o.text == text) {
        outputs[i].count += 1;
        return i;
    }
    outputs.push(DistinctOutput { text, count: 1 });
    outputs.len() - 1
}

/// Checks a file of the exercise's own folder (`solution.py`, `starter.py`), as `atelier lint`
/// does: the course may be built in, so the file is written to a temporary folder first.
pub fn check_bundled(
    files: &CourseFiles,
    exercise: &Exercise,
    name: &str,
    opts: &CheckOptions,
) -> anyhow::Result<CheckReport> {
    let bytes = exercise.files.get(name).or_fail(|| {
        msg!(
            "check-reference-missing",
            path = files.display_path(&exercise.dir),
            name = name
        )
    })?;
    let dir = tempfile::tempdir().or_fail(|| msg!("file-temp-folder"))?;
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).or_fail(|| msg!("file-write", path = path.display().to_string()))?;
    let mut report = check_submission(files, exercise, &path, opts)?;
    report.submission = files.display_path(&format!("{}/{name}", exercise.dir));
    Ok(report)
}

/// The sandbox request for a submission (or the reference solution) under the spec.
pub fn request_for(spec: &ExerciseSpec, program: &Path, pinned: bool) -> RunRequest {
    let argv = spec
        .run
        .split_whitespace()
        .map(|word| word.replace("{file}", &spec.file))
        .collect();
    RunRequest {
        argv,
        files: vec![(spec.file.clone(), program.to_path_buf())],
        // Judged as its author sees it in a terminal: no block buffering behind the grader's pipe,
        // or every correct `imap_unordered` program would look unstreamed.
        env: crate::python_env::PYTHON_ENV
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
        limits: spec.limits.to_limits(),
        pin_one_cpu: pinned,
        stdin: None,
    }
}

/// What the checks see of every run of a pass, the run itself aside.
struct Seeing<'a> {
    source: &'a str,
    reference: Option<&'a ReferenceOutput>,
    cpus: u32,
    machine_cpus: u32,
    pinned: bool,
    busy_share: f64,
}

impl<'a> Seeing<'a> {
    /// What the checks see of `report`.
    fn observe<'b>(&self, report: &'b sandbox::RunReport) -> CheckInput<'b>
    where
        'a: 'b,
    {
        CheckInput {
            report,
            source: self.source,
            reference: self.reference,
            cpus: self.cpus,
            machine_cpus: self.machine_cpus,
            pinned: self.pinned,
            busy_share: self.busy_share,
        }
    }
}

/// Keeps only the check named `only` (and errs naming the checks there are).
fn restrict_to(spec: &mut ExerciseSpec, only: &str, lang: Lang) -> anyhow::Result<()> {
    if !spec.checks.iter().any(|c| c.name == only) {
        let names: Vec<&str> = spec.checks.iter().map(|c| c.name.as_str()).collect();
        let unknown = crate::msg!(
            "check-only-unknown",
            exercise = &spec.id,
            name = only,
            names = names.join(", ")
        );
        anyhow::bail!("{}", unknown.word(lang));
    }
    spec.checks.retain(|c| c.name == only);
    let case = spec.checks[0].case.clone();
    if let Some(case) = case {
        spec.cases.retain(|c| c.name == case);
    }
    Ok(())
}

/// The runs of one pass (one run, or one per case) and the checks judged on them.
struct Judged {
    /// One result per check, in the spec's order.
    results: Vec<CheckResult>,
    /// The run shown in the report: the first case with a failed check, else the first.
    shown: sandbox::RunReport,
    /// The worst run status (an internal error anywhere makes the verdict an error).
    worst: sandbox::RunStatus,
    /// Each case's run, by name (empty without cases).
    case_runs: Vec<(String, sandbox::RunReport)>,
}

/// Runs the submission once, or once per case, and judges each run with `evaluate`.
fn judge_runs(
    spec: &ExerciseSpec,
    submission: &Path,
    pinned: bool,
    case_inputs: &[cases::CaseInputs],
    evaluate: impl Fn(&sandbox::RunReport, &ExerciseSpec) -> Vec<CheckResult>,
) -> anyhow::Result<Judged> {
    let base = request_for(spec, submission, pinned);
    if spec.cases.is_empty() {
        let report = sandbox::run(&base).or_fail(|| msg!("check-sandbox-failed"))?;
        let results = evaluate(&report, spec);
        return Ok(Judged {
            results,
            worst: report.status,
            shown: report,
            case_runs: Vec::new(),
        });
    }
    let mut per_case = Vec::new();
    let mut case_runs = Vec::new();
    let mut worst = sandbox::RunStatus::Ok;
    for (case, (stdin, files)) in spec.cases.iter().zip(case_inputs) {
        let request = cases::request(base.clone(), spec, case, stdin.clone(), files.clone());
        let report =
            sandbox::run(&request).or_fail(|| msg!("check-sandbox-failed-case", case = &case.name))?;
        // The first run that did not end well stands for the series, an internal error above all.
        if report.status == sandbox::RunStatus::InternalError || worst == sandbox::RunStatus::Ok {
            worst = report.status;
        }
        let mut results = evaluate(&report, &cases::spec_for_case(spec, &case.name));
        for result in &mut results {
            if result.case.is_some() {
                result.case = Some(case.name.clone());
            }
        }
        per_case.push((case.name.clone(), results));
        case_runs.push((case.name.clone(), report));
    }
    let shown_index = per_case
        .iter()
        .position(|(_, results)| results.iter().any(|r| r.status == Status::Fail))
        .unwrap_or(0);
    Ok(Judged {
        results: cases::merge(spec, &per_case),
        shown: case_runs[shown_index].1.clone(),
        worst,
        case_runs,
    })
}

/// Puts the harness's verdict into each `call` check's result (the run's evaluation skipped them).
fn apply_calls(spec: &ExerciseSpec, results: &mut [CheckResult], calls: &call::CallResults) {
    for result in results.iter_mut() {
        let Some(check) = spec.checks.iter().find(|c| c.name == result.name) else {
            continue;
        };
        let CheckKind::Call(call::CallCheck {
            function,
            calls: list,
            ..
        }) = &check.kind
        else {
            continue;
        };
        if result.not_judged == Some(NotJudged::NotApplicable) {
            // Its `when` does not hold on this machine: it stays so.
            continue;
        }
        let outcome = call::outcome(&check.name, function, list, calls);
        result.status = outcome.status;
        result.not_judged = outcome.not_judged;
        result.reason = Some(outcome.reason);
        result.expected = outcome.expected;
        result.actual = outcome.actual;
        result.points = if outcome.status == Status::Pass {
            check.points
        } else {
            0
        };
    }
}
