//! The report as a person reads it: one line per check, what was expected and what came for a
//! failure (a coloured diff for texts), the hint, the run's figures and its picture.
use std::io::{self, Write};

use similar::{ChangeTag, TextDiff};

use super::timeline::processes::write_timeline;
use crate::grader::verdict::{CheckReport, CheckResult, NotJudged, RunSummary, RunsSummary, Status, Verdict};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::sandbox::RunStatus;
use crate::style::{self, paint};

/// The report's colours through [`crate::style`], or nothing when colour is off.
#[derive(Clone, Copy)]
struct Paint {
    on: bool,
}

impl Paint {
    fn green(self, t: &str) -> String {
        paint(self.on, style::GREEN, t)
    }
    fn red(self, t: &str) -> String {
        paint(self.on, style::RED, t)
    }
    fn dim(self, t: &str) -> String {
        paint(self.on, style::DIM, t)
    }
    fn bold(self, t: &str) -> String {
        paint(self.on, style::BOLD, t)
    }
    fn yellow(self, t: &str) -> String {
        paint(self.on, style::YELLOW, t)
    }
}

/// Lines of a diff or of an output shown at most.
const MAX_SHOWN_LINES: usize = 24;

/// Writes `report` for a person, coloured when `color` (as [`crate::style::stdout_color`] decides).
pub fn write_check_report(
    report: &CheckReport,
    lang: Lang,
    color: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    let paint = Paint { on: color };
    let heading = msg!(
        "report-heading",
        exercise = paint.bold(&report.exercise),
        title = &report.title,
        submission = &report.submission
    );
    writeln!(out, "{}", heading.word(lang))?;
    write_checks(report, lang, paint, out)?;
    let verdict = match report.verdict {
        Verdict::Pass => paint.green(&lang.text("report-verdict-pass")),
        Verdict::Fail => paint.red(&lang.text("report-verdict-fail")),
        Verdict::Error => paint.yellow(&lang.text("report-verdict-error")),
    };
    let score = msg!(
        "report-score",
        score = report.score,
        max = report.max_score,
        verdict = verdict
    );
    writeln!(out, "{}", score.word(lang))?;
    writeln!(out)?;
    write_run(&report.run, lang, paint, out)?;
    write_case_runs(report, lang, paint, out)?;
    if let Some(runs) = &report.runs {
        writeln!(out)?;
        write_runs(runs, lang, paint, out)?;
    }
    if report.verdict == Verdict::Pass {
        writeln!(out)?;
        writeln!(out, "{}", paint.green(&lang.text("report-solution-unlocked")))?;
    } else if report
        .checks
        .iter()
        .any(|c| c.not_judged == Some(NotJudged::NoInstrument))
    {
        writeln!(out)?;
        writeln!(out, "{}", paint.yellow(&lang.text("report-no-verdict")))?;
    } else if report.verdict == Verdict::Fail {
        writeln!(out)?;
        let command = paint.dim(&format!("atelier show {}", report.lesson_anchor));
        writeln!(out, "{}", msg!("report-statement", command = command).word(lang))?;
    }
    Ok(())
}

/// The checks, grouped by case when the spec has cases: those of every case first.
fn write_checks(report: &CheckReport, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    if report.cases.is_empty() && report.checks.iter().all(|c| c.case.is_none()) {
        for check in &report.checks {
            write_check(check, lang, paint, out)?;
        }
        return Ok(());
    }
    let mut groups: Vec<Option<&str>> = vec![None];
    groups.extend(report.cases.iter().map(|c| Some(c.name.as_str())));
    for check in &report.checks {
        if !groups.contains(&check.case.as_deref()) {
            groups.push(check.case.as_deref());
        }
    }
    for group in groups {
        let checks: Vec<&CheckResult> = report
            .checks
            .iter()
            .filter(|c| c.case.as_deref() == group)
            .collect();
        if checks.is_empty() {
            continue;
        }
        let heading = match group {
            None => lang.text("report-every-case"),
            Some(name) => msg!("report-case", name = name).word(lang),
        };
        writeln!(out, " {}", paint.bold(&heading))?;
        for check in checks {
            write_check(check, lang, paint, out)?;
        }
    }
    Ok(())
}

/// One line per case's run.
fn write_case_runs(report: &CheckReport, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    for case in &report.cases {
        let run = &case.run;
        let code = exit_words(run.exit_code, run.signal);
        let line = msg!(
            "report-case-run",
            name = &case.name,
            status = status_words(run.status),
            code = code,
            wall = format!("{:.2}", run.wall_s)
        );
        writeln!(out, "  {}", line.word(lang))?;
        if let Some(detail) = &run.detail {
            writeln!(out, "    {}", paint.yellow(detail))?;
        }
    }
    Ok(())
}

fn write_check(check: &CheckResult, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let (mark, points) = match check.status {
        Status::Pass => (paint.green("✓"), format!("{}/{}", check.points, check.max_points)),
        Status::Fail => (paint.red("✗"), format!("{}/{}", check.points, check.max_points)),
        // Not applicable here: its points are given. Not observable here: none, and no verdict.
        Status::Skip => match check.not_judged {
            Some(NotJudged::NoInstrument) => (
                paint.yellow("?"),
                format!("{}/{}", check.points, check.max_points),
            ),
            _ => (paint.dim("–"), format!("{}/{}", check.points, check.max_points)),
        },
    };
    if !check.visibility.is_visible() && check.message.is_empty() && check.hint.is_empty() {
        // Redacted for a student: its name and whether it passed, nothing it expects.
        writeln!(
            out,
            "  {mark} {points:>5}  {} {}",
            check.title,
            paint.dim(&lang.text("report-hidden-check"))
        )?;
        return Ok(());
    }
    if check.status != Status::Fail {
        writeln!(
            out,
            "  {mark} {points:>5}  {} {}",
            check.title,
            paint.dim(&format!("— {}", check.message))
        )?;
        return Ok(());
    }
    writeln!(out, "  {mark} {points:>5}  {}", paint.bold(&check.title))?;
    writeln!(out, "      {}", check.message)?;
    match (&check.expected, &check.actual) {
        (Some(expected), Some(actual)) => write_diff(expected, actual, lang, paint, out)?,
        (None, Some(actual)) => write_output(actual, lang, paint, out)?,
        _ => {}
    }
    writeln!(
        out,
        "      {} {}",
        paint.yellow(&lang.text("report-hint")),
        check.hint.trim()
    )?;
    Ok(())
}

/// What the program printed, when there is no expected text to diff against.
fn write_output(actual: &str, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "      {}", paint.dim(&lang.text("report-program-output")))?;
    if actual.trim().is_empty() {
        writeln!(out, "      {}", paint.dim(&lang.text("report-nothing-came")))?;
    }
    let lines: Vec<&str> = actual.lines().collect();
    for line in lines.iter().take(MAX_SHOWN_LINES) {
        writeln!(out, "      | {line}")?;
    }
    if lines.len() > MAX_SHOWN_LINES {
        writeln!(out, "      | …")?;
    }
    Ok(())
}

/// The diff of [`write_diff`] without colour, as text (for the feedback files).
pub(crate) fn plain_diff(expected: &str, actual: &str, lang: Lang) -> String {
    let mut out = Vec::new();
    let _ = write_diff(expected, actual, lang, Paint { on: false }, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// A line diff of expected against actual: `-` what was expected, `+` what came.
fn write_diff(expected: &str, actual: &str, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "      {} {}",
        paint.red(&lang.text("report-diff-expected")),
        paint.green(&lang.text("report-diff-got")),
    )?;
    if actual.trim().is_empty() {
        writeln!(out, "      {}", paint.dim(&lang.text("report-nothing-came")))?;
    }
    let diff = TextDiff::from_lines(expected, actual);
    for (shown, change) in diff.iter_all_changes().enumerate() {
        if shown == MAX_SHOWN_LINES {
            writeln!(out, "      …")?;
            break;
        }
        let line = change.value().trim_end_matches('\n');
        let text = match change.tag() {
            ChangeTag::Delete => paint.red(&format!("- {line}")),
            ChangeTag::Insert => paint.green(&format!("+ {line}")),
            ChangeTag::Equal => paint.dim(&format!("  {line}")),
        };
        writeln!(out, "      {text}")?;
    }
    Ok(())
}

/// A run's status, to be worded (the report and the feedback files say it alike).
pub(crate) fn status_words(status: RunStatus) -> Message {
    Message::new(match status {
        RunStatus::Ok => "report-status-ok",
        RunStatus::Timeout => "report-status-timeout",
        RunStatus::MemoryLimit => "report-status-memory-limit",
        RunStatus::ProcessLimit => "report-status-process-limit",
        RunStatus::OutputLimit => "report-status-output-limit",
        RunStatus::Signal => "report-status-signal",
        RunStatus::InternalError => "report-status-internal-error",
        RunStatus::Interrupted => "report-status-interrupted",
    })
}

/// The processes still alive when the program ended, killed (the report and the feedback files say it alike).
pub(crate) fn leftovers_killed(count: u32) -> Message {
    msg!("report-leftovers-killed", count = count)
}

/// `code 0`, `signal 9` or `-` (the same in every language; the feedback files say it alike).
pub(crate) fn exit_words(exit_code: Option<i32>, signal: Option<i32>) -> String {
    match (exit_code, signal) {
        (_, Some(sig)) => format!("signal {sig}"),
        (Some(code), None) => format!("code {code}"),
        (None, None) => "-".into(),
    }
}

fn write_run(run: &RunSummary, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let code = exit_words(run.exit_code, run.signal);
    let line = msg!(
        "report-run",
        status = status_words(run.status),
        code = code,
        wall = format!("{:.2}", run.wall_s),
        cpu = format!("{:.2}", run.cpu_s),
        parallelism = format!("{:.2}", run.parallelism),
        processes = run.processes,
        busy = run.busy_processes,
        memory_mb = run.max_rss_kb / 1024,
        pinned = if run.pinned { "yes" } else { "no" }
    );
    writeln!(out, "{}", line.word(lang))?;
    if let Some(detail) = &run.detail {
        writeln!(out, "  {}", paint.yellow(detail))?;
    }
    if run.leftovers_killed > 0 {
        writeln!(
            out,
            "  {} {}",
            paint.yellow("!"),
            leftovers_killed(run.leftovers_killed).word(lang)
        )?;
    }
    if run.stdout_truncated || run.stderr_truncated {
        writeln!(out, "  {}", paint.yellow(&lang.text("report-output-truncated")))?;
    }
    if !run.layers.is_empty() {
        writeln!(
            out,
            "  {}",
            paint.dim(&msg!("report-confinement", layers = run.layers.join(", ")).word(lang))
        )?;
    }
    write_timeline(&run.trace, run.wall_s, lang, out)
}

fn write_runs(runs: &RunsSummary, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let line = msg!(
        "report-runs",
        passed = runs.passed,
        runs = runs.runs,
        pinned_passed = runs.pinned_passed,
        pinned_runs = runs.pinned_runs
    )
    .word(lang);
    let line = if runs.passed == runs.runs {
        paint.green(&line)
    } else {
        paint.red(&line)
    };
    writeln!(out, "{line}")?;
    for outcome in &runs.outcomes {
        let mark = if outcome.verdict == Verdict::Pass {
            paint.green("✓")
        } else {
            paint.red("✗")
        };
        writeln!(
            out,
            "  {mark} #{:<2} {:<10} {:.2} s  {}{}",
            outcome.index,
            if outcome.pinned {
                "1 CPU".to_string()
            } else {
                lang.text("report-runs-every-cpu")
            },
            outcome.wall_s,
            msg!("report-runs-output", number = outcome.output + 1).word(lang),
            if outcome.failed.is_empty() {
                String::new()
            } else {
                format!("  ✗ {}", outcome.failed.join(", "))
            }
        )?;
    }
    writeln!(
        out,
        "{}",
        msg!("report-runs-distinct", count = runs.distinct_outputs.len()).word(lang)
    )?;
    if runs.distinct_outputs.len() > 1 {
        for (i, output) in runs.distinct_outputs.iter().enumerate() {
            let heading = msg!(
                "report-runs-distinct-output",
                number = i + 1,
                count = output.count
            );
            writeln!(out, "  {}", heading.word(lang))?;
            for line in output.text.lines().take(MAX_SHOWN_LINES) {
                writeln!(out, "    {}", paint.dim(line))?;
            }
        }
    }
    Ok(())
}
