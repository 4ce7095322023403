//! Evaluating a spec's checks against what a run did. Pure functions of the run's report, the
//! source and the reference's report: no process is started here, so every kind is unit-tested on
//! synthetic reports.
pub mod call;
mod figures;
pub mod pattern;
mod source;
mod text;

use std::collections::BTreeMap;

use evalexpr::{ContextWithMutableVariables, DefaultNumericTypes, HashMapContext, Value};

pub use source::strip_comments;
pub use text::{mask, normalise, strip_accents};

use super::spec::{Check, CheckKind, ExerciseSpec};
use super::verdict::{CheckResult, NotJudged, Status};
use crate::grader::reference::ReferenceOutput;
use crate::i18n::{Arg, Lang, Message};
use crate::msg;
use crate::sandbox::RunReport;

/// Everything a check may look at.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    /// The submission's run.
    pub report: &'a RunReport,
    /// The submission's source text.
    pub source: &'a str,
    /// The reference solution's output, when a `same-as-reference` check needs it.
    pub reference: Option<&'a ReferenceOutput>,
    /// CPUs the run could use (1 when pinned).
    pub cpus: u32,
    /// CPUs of the machine (what Python's `os.cpu_count()` and `Pool()` see).
    pub machine_cpus: u32,
    /// The run was pinned to one CPU.
    pub pinned: bool,
    /// The spec's `busy_share`.
    pub busy_share: f64,
}

/// The run variables that come from observing processes: a lower bound when the observation is
/// not exact, so an expression reading one cannot be judged then.
const OBSERVED_VARIABLES: &[&str] = &["processes", "busy_processes", "busy_at_once"];

impl CheckInput<'_> {
    /// Why the run's processes were not observed exactly (their count, CPU and lifetimes are then
    /// lower bounds: sampling misses what lives less than its period), or `None` when they were.
    pub fn inexact(&self) -> Option<Message> {
        inexact_observation(self.report)
    }

    /// Processes that each did at least `share` of the run's CPU time (and a measurable amount).
    pub fn busy_processes(&self, share: f64) -> u32 {
        let floor = (self.report.cpu_s * share).max(0.01);
        self.report.trace.iter().filter(|p| p.cpu_s >= floor).count() as u32
    }

    /// The most busy processes alive at the same instant.
    pub fn busy_at_once(&self, share: f64) -> u32 {
        let floor = (self.report.cpu_s * share).max(0.01);
        let busy: Vec<_> = self.report.trace.iter().filter(|p| p.cpu_s >= floor).collect();
        // The peak of an interval overlap is reached at some interval's start.
        busy.iter()
            .map(|p| {
                busy.iter()
                    .filter(|q| std::ptr::eq(**q, *p) || (q.start_s <= p.start_s && q.end_s > p.start_s))
                    .count() as u32
            })
            .max()
            .unwrap_or(0)
    }
}

/// Why a run's processes were not observed exactly, from the sandbox's own account of its method:
/// sampling, or an exact method that lost events (both give lower bounds).
pub fn inexact_observation(report: &RunReport) -> Option<Message> {
    // The sandbox says whether its observation was exact (ptrace, or the proc connector without
    // lost events) and, when not, why and what to change.
    (!report.exact).then(|| {
        report.inexact.clone().unwrap_or_else(|| {
            msg!(
                "check-inexact-method",
                method = report
                    .inexact_reason
                    .clone()
                    .unwrap_or_else(|| report.processes_method.clone())
            )
        })
    })
}

/// Says a check cannot be judged here (`why`: the sandbox's account), and what to do about it.
pub fn cannot_judge(why: Message) -> Message {
    msg!("check-cannot-judge", why = why)
}

/// An optional part of a message (a note that may be absent): the message, or nothing.
fn optional(part: Option<Message>) -> Arg {
    part.map_or_else(|| Arg::Text(String::new()), Arg::from)
}

/// The variables expressions see: the run's figures, then the captures of `regex` checks.
#[derive(Debug, Clone, Default)]
pub struct Vars {
    values: BTreeMap<String, Value>,
}

impl Vars {
    /// The run's figures.
    pub fn of_run(obs: &CheckInput) -> Vars {
        let r = obs.report;
        let mut vars = Vars::default();
        vars.set_float("wall_s", r.wall_s);
        vars.set_float("cpu_s", r.cpu_s);
        vars.set_float("parallelism", r.parallelism());
        vars.set_int("processes", r.processes.into());
        vars.set_int("busy_processes", obs.busy_processes(obs.busy_share).into());
        vars.set_int("busy_at_once", obs.busy_at_once(obs.busy_share).into());
        vars.set_int("exit_code", r.exit_code.map_or(-1, i64::from));
        vars.set_int("signal", r.signal.map_or(0, i64::from));
        vars.set_int("cpus", obs.cpus.into());
        vars.set_int("machine_cpus", obs.machine_cpus.into());
        vars.values.insert("pinned".into(), Value::Boolean(obs.pinned));
        vars.set_int("leftovers_killed", r.leftovers_killed.into());
        vars.set_int("max_rss_kb", r.max_rss_kb as i64);
        vars.set_int("stdout_lines", r.stdout.lines().count() as i64);
        vars
    }

    fn set_int(&mut self, name: &str, value: i64) {
        self.values.insert(name.into(), Value::Int(value));
    }

    fn set_float(&mut self, name: &str, value: f64) {
        self.values.insert(name.into(), Value::Float(value));
    }

    /// A captured text: an integer, a decimal number (`1.5` or `1,5`), or a string.
    pub fn set_capture(&mut self, name: &str, text: &str) {
        let text = text.trim();
        let value = if let Ok(int) = text.parse::<i64>() {
            Value::Int(int)
        } else if let Ok(float) = text.replace(',', ".").parse::<f64>() {
            Value::Float(float)
        } else {
            Value::String(text.to_string())
        };
        self.values.insert(name.into(), value);
    }

    /// A variable's value.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// A variable as a number.
    pub fn number(&self, name: &str) -> Option<f64> {
        match self.values.get(name)? {
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// Evaluates an expression; `Err` says why it could not be.
    pub fn eval(&self, expr: &str) -> Result<Value, Message> {
        // evalexpr's own errors are technical text, carried as a value.
        let technical = |e: evalexpr::EvalexprError| msg!("check-expression-error", error = e.to_string());
        let tree = evalexpr::build_operator_tree::<DefaultNumericTypes>(expr).map_err(technical)?;
        if let Some(missing) = tree
            .iter_read_variable_identifiers()
            .find(|v| !self.values.contains_key(*v))
        {
            return Err(msg!("check-value-not-found", name = missing));
        }
        let mut context = HashMapContext::<DefaultNumericTypes>::new();
        for (name, value) in &self.values {
            context
                .set_value(name.clone(), value.clone())
                .map_err(technical)?;
        }
        tree.eval_with_context(&context).map_err(technical)
    }

    /// The values an expression reads, as `a = 1, b = 2` (for messages).
    pub fn describe(&self, expr: &str) -> String {
        let Ok(tree) = evalexpr::build_operator_tree::<DefaultNumericTypes>(expr) else {
            return String::new();
        };
        let mut seen = Vec::new();
        for name in tree.iter_read_variable_identifiers() {
            if seen.iter().any(|(n, _)| n == name) {
                continue;
            }
            if let Some(value) = self.values.get(name) {
                seen.push((name.to_string(), show_value(value)));
            }
        }
        seen.iter()
            .map(|(n, v)| format!("{n} = {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// A value as a person reads it (floats with 3 decimals at most).
pub fn show_value(value: &Value) -> String {
    match value {
        Value::Float(f) => {
            let s = format!("{f:.3}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
        Value::String(s) => format!("{s:?}"),
        other => other.to_string(),
    }
}

/// What evaluating one check gave, before points and hint are attached.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub status: Status,
    /// Why it was not judged, for a skip.
    pub not_judged: Option<NotJudged>,
    /// Why, as data (worded once the verdict is assembled).
    pub reason: Message,
    pub expected: Option<String>,
    pub actual: Option<String>,
}

impl Outcome {
    pub fn pass(reason: Message) -> Outcome {
        Outcome {
            status: Status::Pass,
            not_judged: None,
            reason,
            expected: None,
            actual: None,
        }
    }

    pub fn fail(reason: Message) -> Outcome {
        Outcome {
            status: Status::Fail,
            not_judged: None,
            reason,
            expected: None,
            actual: None,
        }
    }

    /// Not judged because its `when` does not hold here: its points are given.
    pub fn not_applicable(reason: Message) -> Outcome {
        Outcome {
            status: Status::Skip,
            not_judged: Some(NotJudged::NotApplicable),
            reason,
            expected: None,
            actual: None,
        }
    }

    /// Not judged because this machine could not observe what it reads: the verdict is `error`.
    pub fn no_instrument(reason: Message) -> Outcome {
        Outcome {
            status: Status::Skip,
            not_judged: Some(NotJudged::NoInstrument),
            reason,
            expected: None,
            actual: None,
        }
    }

    /// Passes or fails on `ok`, with the message of either case.
    pub fn judge(ok: bool, reason: Message) -> Outcome {
        if ok {
            Outcome::pass(reason)
        } else {
            Outcome::fail(reason)
        }
    }

    /// Attaches texts for a diff.
    pub fn with_texts(mut self, expected: String, actual: String) -> Outcome {
        self.expected = Some(expected);
        self.actual = Some(actual);
        self
    }
}

/// Evaluates every check of `spec`, in order (captures flow from earlier checks to later ones).
/// Each result's reason is data; its `message` is left to [`CheckResult::word`]. `lang` picks the
/// spec's own titles and hints (course content written in two languages), nothing else.
pub fn evaluate(spec: &ExerciseSpec, obs: &CheckInput, lang: Lang) -> Vec<CheckResult> {
    let mut vars = Vars::of_run(obs);
    let inexact = obs.inexact();
    spec.checks
        .iter()
        .map(|check| {
            let outcome = match (&inexact, reads_observed_variables(check)) {
                // A condition or bound over a lower bound decides nothing.
                (Some(why), true) => Outcome::no_instrument(cannot_judge(why.clone())),
                _ => match applies(check, &vars) {
                    Ok(true) => evaluate_one(check, obs, &mut vars),
                    Ok(false) => Outcome::not_applicable(msg!(
                        "check-not-applicable",
                        when = check.when.as_deref().unwrap_or_default()
                    )),
                    // The condition reads a value the output lacks: an earlier check already
                    // fails for it, and this one cannot hold without it.
                    Err(e) => Outcome::fail(msg!("check-when-failed", reason = e)),
                },
            };
            let points = match (outcome.status, outcome.not_judged) {
                (Status::Pass, _) | (Status::Skip, Some(NotJudged::NotApplicable)) => check.points,
                _ => 0,
            };
            CheckResult {
                name: check.name.clone(),
                // Course content: the spec's own title, in its French or English version.
                title: check
                    .title
                    .as_ref()
                    .map_or(check.name.as_str(), |t| t.get(lang))
                    .to_string(),
                kind: check.kind.tag().to_string(),
                status: outcome.status,
                not_judged: outcome.not_judged,
                reason: Some(outcome.reason),
                message: String::new(),
                points,
                max_points: check.points,
                // Course content: the spec's own hint.
                hint: check.hint.get(lang).to_string(),
                expected: outcome.expected,
                actual: outcome.actual,
                case: check.case.clone(),
                visibility: check.visibility,
            }
        })
        .collect()
}

/// Whether a check's condition or expressions read a variable that observes processes.
fn reads_observed_variables(check: &Check) -> bool {
    check
        .when
        .iter()
        .map(String::as_str)
        .chain(check.kind.expressions().into_iter().map(|(_, e)| e))
        .any(|expr| {
            evalexpr::build_operator_tree::<DefaultNumericTypes>(expr).is_ok_and(|tree| {
                tree.iter_read_variable_identifiers()
                    .any(|v| OBSERVED_VARIABLES.contains(&v))
            })
        })
}

/// Whether a check's `when` holds on this run.
fn applies(check: &Check, vars: &Vars) -> Result<bool, Message> {
    match &check.when {
        None => Ok(true),
        Some(when) => match vars.eval(when)? {
            Value::Boolean(b) => Ok(b),
            other => Err(msg!(
                "check-when-not-boolean",
                when = when,
                value = other.to_string()
            )),
        },
    }
}

fn evaluate_one(check: &Check, obs: &CheckInput, vars: &mut Vars) -> Outcome {
    match &check.kind {
        CheckKind::ExitStatus { code } => figures::exit_status(obs.report, *code),
        CheckKind::Exact {
            stream,
            expected,
            ignore_case,
            ignore_accents,
        } => text::exact(obs.report, *stream, expected, *ignore_case, *ignore_accents),
        CheckKind::Contains {
            stream,
            text: needle,
            ignore_case,
            ignore_accents,
        } => text::contains(obs.report, *stream, needle, *ignore_case, *ignore_accents),
        CheckKind::Regex {
            stream,
            patterns,
            occurrence,
        } => text::regex(obs.report, *stream, patterns, *occurrence, vars),
        CheckKind::LinesAnyOrder {
            stream,
            expected,
            line_match,
            allow_extra,
            ignore_case,
            ignore_accents,
        } => text::lines_any_order(
            obs.report,
            *stream,
            expected,
            text::LineRules {
                line_match: *line_match,
                allow_extra: *allow_extra,
                ignore_case: *ignore_case,
                ignore_accents: *ignore_accents,
            },
        ),
        CheckKind::LineCount {
            stream,
            matching,
            key,
            min,
            max,
        } => text::line_count(
            obs.report,
            *stream,
            &text::Counting {
                matching: matching.as_deref(),
                key: key.as_deref(),
                min: *min,
                max: *max,
            },
        ),
        CheckKind::Number {
            var,
            expected,
            tolerance,
        } => figures::number(vars, var, *expected, *tolerance),
        CheckKind::Expression { expr } => figures::expression(vars, expr),
        CheckKind::Processes { min, max } => figures::processes(obs, vars, *min, max.as_deref()),
        CheckKind::BusyProcesses { min, share, at_once } => {
            figures::busy_processes(obs, *min, share.unwrap_or(obs.busy_share), *at_once)
        }
        CheckKind::Parallelism { min } => figures::parallelism(obs, *min),
        CheckKind::WallTime { min, max } => figures::wall_time(obs, vars, min.as_deref(), max.as_deref()),
        CheckKind::Streaming {
            stream,
            matching,
            first_before,
        } => figures::streaming(obs.report, *stream, matching, *first_before),
        CheckKind::Source { contains, lacks } => source::check(obs.source, contains, lacks),
        CheckKind::SameAsReference {
            stream,
            mask,
            order,
            filter,
            extract,
        } => match obs.reference {
            Some(reference) => text::same_as_reference(
                obs.report,
                reference,
                &text::Comparison {
                    stream: *stream,
                    masks: mask,
                    order: *order,
                    filter: filter.as_deref(),
                    extract: extract.as_deref(),
                },
            ),
            None => Outcome::no_instrument(msg!("check-reference-not-run")),
        },
        // Judged on the harness's run, not this one: the engine puts its outcome in (`call::outcome`).
        // If it ever stayed so, the verdict would be `error`, never a pass.
        CheckKind::Call(_) => Outcome::no_instrument(msg!("check-call-pending")),
    }
}

/// Whether a spec needs the reference solution's run.
pub fn needs_reference(spec: &ExerciseSpec) -> bool {
    spec.checks
        .iter()
        .any(|c| matches!(c.kind, CheckKind::SameAsReference { .. }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_check_key_the_code_names_is_in_the_catalog_and_every_one_there_is_used() {
        let code = [
            include_str!("mod.rs"),
            include_str!("figures.rs"),
            include_str!("text.rs"),
            include_str!("source.rs"),
            include_str!("call.rs"),
            include_str!("../cases.rs"),
            include_str!("../engine.rs"),
            include_str!("../reference.rs"),
        ]
        .concat();
        let named: std::collections::BTreeSet<&str> = regex::Regex::new(r#""(check-[a-z0-9-]+)""#)
            .expect("valid regex")
            .captures_iter(&code)
            .map(|c| c.get(1).map_or("", |m| m.as_str()))
            .collect();
        let catalog: std::collections::BTreeSet<&str> = Lang::Fr
            .catalog()
            .keys()
            .filter(|k| k.starts_with("check-"))
            .collect();
        assert_eq!(named, catalog);
    }
}
