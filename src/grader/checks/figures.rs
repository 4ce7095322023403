//! Checks on what the run did and on the numbers it printed: exit status, numbers and expressions,
//! processes started, busy processes, CPU parallelism, wall time, streaming.
use evalexpr::Value;

use super::pattern;
use super::text::{normalise, stream_text};
use super::{CheckInput, Outcome, Vars, cannot_judge, optional, show_value};
use crate::grader::spec::StreamName;
use crate::i18n::Message;
use crate::msg;
use crate::sandbox::{RunReport, RunStatus, Stream};

pub fn exit_status(report: &RunReport, code: i32) -> Outcome {
    if let Some(signal) = report.signal {
        return Outcome::fail(msg!(
            "check-exit-killed",
            signal = signal,
            note = optional(status_note(report))
        ));
    }
    match report.exit_code {
        Some(c) if c == code => Outcome::pass(msg!("check-exit-code", code = c)),
        Some(c) => {
            let raised = c != 0 && report.stderr.contains("Traceback");
            let reason = msg!(
                "check-exit-code-wrong",
                got = c,
                expected = code,
                exception = optional(raised.then(|| msg!("check-exit-raised"))),
                note = optional(status_note(report))
            );
            let tail: Vec<&str> = report.stderr.lines().rev().take(8).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            Outcome::fail(reason).with_texts(format!("exit {code}"), tail.join("\n"))
        }
        None => Outcome::fail(msg!("check-exit-abnormal", note = optional(status_note(report)))),
    }
}

/// Why the sandbox stopped the run, when it did.
fn status_note(report: &RunReport) -> Option<Message> {
    let what = match report.status {
        RunStatus::Ok | RunStatus::Signal => return None,
        RunStatus::Timeout => msg!("check-run-timeout"),
        RunStatus::MemoryLimit => msg!("check-run-memory-limit"),
        RunStatus::ProcessLimit => msg!("check-run-process-limit"),
        RunStatus::OutputLimit => msg!("check-run-output-limit"),
        RunStatus::InternalError => msg!("check-run-internal-error"),
        RunStatus::Interrupted => msg!("check-run-interrupted"),
    };
    Some(match &report.reason {
        Some(detail) => msg!("check-run-stopped-detail", what = what, detail = detail.clone()),
        None => msg!("check-run-stopped", what = what),
    })
}

pub fn number(vars: &Vars, var: &str, expected: f64, tolerance: f64) -> Outcome {
    let Some(got) = vars.number(var) else {
        return Outcome::fail(msg!("check-number-missing", var = var));
    };
    let shown = vars.get(var).map(show_value).unwrap_or_default();
    let want = show_value(&Value::Float(expected));
    let ok = (got - expected).abs() <= tolerance;
    let tol = if tolerance > 0.0 {
        format!(" ± {}", show_value(&Value::Float(tolerance)))
    } else {
        String::new()
    };
    let outcome = Outcome::judge(
        ok,
        msg!(
            "check-number",
            var = var,
            got = &shown,
            expected = &want,
            tolerance = tol
        ),
    );
    if ok {
        outcome
    } else {
        outcome.with_texts(want, shown)
    }
}

pub fn expression(vars: &Vars, expr: &str) -> Outcome {
    match vars.eval(expr) {
        Ok(Value::Boolean(ok)) => {
            let key = if ok {
                "check-expression-true"
            } else {
                "check-expression-false"
            };
            Outcome::judge(ok, msg!(key, expr = expr, values = vars.describe(expr)))
        }
        Ok(other) => Outcome::fail(msg!(
            "check-expression-not-boolean",
            expr = expr,
            value = show_value(&other)
        )),
        Err(e) => Outcome::fail(msg!("check-expression-failed", expr = expr, reason = e)),
    }
}

pub fn processes(obs: &CheckInput, vars: &Vars, min: Option<u32>, max: Option<&str>) -> Outcome {
    let n = obs.report.processes;
    let max_n = match max {
        None => None,
        Some(expr) => match vars.eval(expr) {
            Ok(Value::Int(i)) => Some(i.max(0) as u32),
            Ok(Value::Float(f)) => Some(f.max(0.0) as u32),
            Ok(other) => {
                return Outcome::fail(msg!(
                    "check-max-not-a-number",
                    expr = expr,
                    value = other.to_string()
                ));
            }
            Err(e) => return Outcome::fail(msg!("check-max-failed", expr = expr, reason = e)),
        },
    };
    let started = msg!(
        "check-processes-started",
        count = n,
        bounds = super::text::bounds(min, max_n)
    );
    if min.is_some_and(|m| n < m) {
        // CheckInput inexactly, the count is a lower bound: short of `min`, it proves nothing.
        if let Some(inexact) = obs.inexact() {
            return Outcome::no_instrument(msg!(
                "check-unjudged-because",
                found = started,
                cannot = cannot_judge(inexact)
            ));
        }
        if n <= 1 {
            return Outcome::fail(msg!("check-processes-none", started = started));
        }
        return Outcome::fail(started);
    }
    // A lower bound above `max` is a certain failure; below it, the true count may still be above.
    if max_n.is_some_and(|m| n > m) {
        return Outcome::fail(msg!("check-processes-too-many", started = started));
    }
    if let (Some(_), Some(inexact)) = (max_n, obs.inexact()) {
        return Outcome::no_instrument(msg!(
            "check-unjudged-because",
            found = started,
            cannot = cannot_judge(inexact)
        ));
    }
    Outcome::pass(started)
}

pub fn busy_processes(obs: &CheckInput, min: u32, share: f64, at_once: bool) -> Outcome {
    let busy = if at_once {
        obs.busy_at_once(share)
    } else {
        obs.busy_processes(share)
    };
    let mut per: Vec<f64> = obs.report.trace.iter().map(|p| p.cpu_s).collect();
    per.sort_by(|a, b| b.total_cmp(a));
    let per: Vec<String> = per.iter().take(8).map(|c| format!("{c:.2}s")).collect();
    let found = msg!(
        if at_once {
            "check-busy-at-once"
        } else {
            "check-busy"
        },
        busy = busy,
        share = format!("{:.0}", share * 100.0),
        min = min,
        cpu = per.join(", ")
    );
    if busy >= min {
        // CheckInput inexactly, CPU times and lifetimes are lower bounds: a pass stays certain.
        Outcome::pass(found)
    } else if let Some(inexact) = obs.inexact() {
        Outcome::no_instrument(msg!(
            "check-unjudged-because",
            found = found,
            cannot = cannot_judge(inexact)
        ))
    } else if at_once && obs.busy_processes(share) >= min {
        Outcome::fail(msg!("check-busy-one-after-another", found = found))
    } else {
        Outcome::fail(msg!("check-busy-not-shared", found = found))
    }
}

pub fn parallelism(obs: &CheckInput, min: f64) -> Outcome {
    let p = obs.report.parallelism();
    let found = msg!(
        "check-parallelism",
        parallelism = format!("{p:.2}"),
        cpu = format!("{:.2}", obs.report.cpu_s),
        wall = format!("{:.2}", obs.report.wall_s),
        min = format!("{min:.2}")
    );
    if p >= min {
        Outcome::pass(found)
    } else {
        Outcome::fail(msg!("check-parallelism-one-core", found = found))
    }
}

pub fn wall_time(obs: &CheckInput, vars: &Vars, min: Option<&str>, max: Option<&str>) -> Outcome {
    let wall = obs.report.wall_s;
    let number = |expr: &str| -> Result<f64, Message> {
        match vars.eval(expr)? {
            Value::Int(i) => Ok(i as f64),
            Value::Float(f) => Ok(f),
            other => Err(msg!("check-value-of", expr = expr, value = other.to_string())),
        }
    };
    let duration = msg!("check-wall", wall = format!("{wall:.2}"));
    let mut found = duration.clone();
    // The lower bound then the upper one: the words when it holds, the words when it does not.
    let limits = [
        (min, true, "check-wall-at-least", "check-wall-too-short"),
        (max, false, "check-wall-at-most", "check-wall-too-long"),
    ];
    for (expr, is_min, holds, broken) in limits {
        let Some(expr) = expr else { continue };
        let bound = match number(expr) {
            Ok(bound) => bound,
            Err(e) => return Outcome::fail(e),
        };
        let shown = format!("{bound:.2}");
        if if is_min { wall < bound } else { wall > bound } {
            return Outcome::fail(msg!(
                broken,
                wall = duration,
                expr = expr,
                bound = shown,
                values = vars.describe(expr)
            ));
        }
        let part = msg!(holds, expr = expr, bound = shown);
        found = msg!("check-wall-and-bound", found = found, bound = part);
    }
    Outcome::pass(found)
}

/// Result lines closer together than this came in one burst (printed together).
const ONE_BURST_S: f64 = 0.1;

pub fn streaming(report: &RunReport, stream: StreamName, matching: &str, first_before: f64) -> Outcome {
    let Ok(re) = pattern::compiled(matching) else {
        return Outcome::fail(msg!("check-streaming-bad-pattern", pattern = matching));
    };
    let want = match stream {
        StreamName::Stdout => Stream::Stdout,
        StreamName::Stderr => Stream::Stderr,
    };
    let arrivals: Vec<f64> = report
        .lines
        .iter()
        .filter(|l| l.stream == want && re.is_match(&normalise(&l.text, false, false)))
        .map(|l| l.at_s)
        .collect();
    let end = report.wall_s.max(1e-6);
    let Some(first) = arrivals.iter().copied().reduce(f64::min) else {
        let _ = stream_text(report, stream);
        return Outcome::fail(msg!("check-streaming-none", pattern = matching));
    };
    let last = arrivals.iter().copied().fold(first, f64::max);
    let found = msg!(
        "check-streaming",
        first = format!("{first:.2}"),
        first_share = format!("{:.0}", 100.0 * first / end),
        last = format!("{last:.2}"),
        before = format!("{:.0}", 100.0 * first_before)
    );
    // Results that all came in one burst were printed at the end, whatever share of a very short
    // run (a hard-coded program's 20 ms, mostly interpreter start and exit) the burst fell at: the
    // share alone is a weak witness there. Real work spreads its results (the pool's waves are
    // 0.5 s apart in 43.2), far beyond this margin.
    let one_burst = arrivals.len() > 1 && last - first < ONE_BURST_S;
    if first / end <= first_before && !one_burst {
        Outcome::pass(found)
    } else if one_burst {
        Outcome::fail(msg!("check-streaming-one-burst", found = found))
    } else {
        Outcome::fail(msg!("check-streaming-at-end", found = found))
    }
}
