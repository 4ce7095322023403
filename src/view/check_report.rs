//! The report as a person reads it: one line per check, what was expected and what came for a
//! failure (a coloured diff for texts), the hint, the run's figures and its picture.
use std::io::{self, Write};

use similar::{ChangeTag, TextDiff};

use super::timeline::processes::write_timeline;
use crate::grader::verdict::{CheckReport, CheckResult, NotJudged, RunSummary, RunsSummary, Status, Verdict};
use crate::i18n::Lang;
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
    writeln!(
        out,
        "{} {} — {}  ({})",
        lang.pick("Exercice", "Exercise"),
        paint.bold(&report.exercise),
        report.title,
        report.submission
    )?;
    write_checks(report, lang, paint, out)?;
    let verdict = match report.verdict {
        Verdict::Pass => paint.green(lang.pick("RÉUSSI", "PASSED")),
        Verdict::Fail => paint.red(lang.pick("ÉCHEC", "FAILED")),
        Verdict::Error => paint.yellow(lang.pick("ERREUR", "ERROR")),
    };
    writeln!(
        out,
        "{} : {}/{} — {verdict}",
        lang.pick("Score", "Score"),
        report.score,
        report.max_score
    )?;
    writeln!(out)?;
    write_run(&report.run, lang, paint, out)?;
    write_case_runs(report, lang, paint, out)?;
    if let Some(runs) = &report.runs {
        writeln!(out)?;
        write_runs(runs, lang, paint, out)?;
    }
    if report.verdict == Verdict::Pass {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.green(lang.pick(
                "Bravo ! La solution de référence est maintenant visible : dans le REPL, `solution` l'affiche, à comparer avec la vôtre.",
                "Well done! The reference solution can now be seen: in the REPL, `solution` shows it, to compare with yours.",
            ))
        )?;
    } else if report
        .checks
        .iter()
        .any(|c| c.not_judged == Some(NotJudged::NoInstrument))
    {
        writeln!(out)?;
        writeln!(
            out,
            "{}",
            paint.yellow(lang.pick(
                "Pas de verdict : une vérification n'a pas pu être jugée ici (marquée ?). `atelier doctor` dit ce que cette machine permet et ce qu'il faut changer.",
                "No verdict: a check could not be judged here (marked ?). `atelier doctor` says what this machine allows and what to change.",
            ))
        )?;
    } else if report.verdict == Verdict::Fail {
        writeln!(out)?;
        writeln!(
            out,
            "{} {}",
            lang.pick("L'énoncé :", "The statement:"),
            paint.dim(&format!("atelier show {}", report.lesson_anchor))
        )?;
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
            None => lang.pick("Tous les cas", "Every case").to_string(),
            Some(name) => format!("{} `{name}`", lang.pick("Cas", "Case")),
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
        let code = exit_words(run);
        writeln!(
            out,
            "  {} `{}` : {} ({code}), {:.2} s",
            lang.pick("cas", "case"),
            case.name,
            status_words(run.status, lang),
            run.wall_s
        )?;
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
            paint.dim(lang.pick("— (vérification cachée)", "— (hidden check)"))
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
        paint.yellow(lang.pick("indice :", "hint:")),
        check.hint.trim()
    )?;
    Ok(())
}

/// What the program printed, when there is no expected text to diff against.
fn write_output(actual: &str, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "      {}",
        paint.dim(lang.pick("sortie du programme :", "the program's output:"))
    )?;
    if actual.trim().is_empty() {
        writeln!(
            out,
            "      {}",
            paint.dim(lang.pick("(rien n'est venu)", "(nothing came)"))
        )?;
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
        paint.red(lang.pick("- attendu", "- expected")),
        paint.green(lang.pick("+ obtenu", "+ got")),
    )?;
    if actual.trim().is_empty() {
        writeln!(
            out,
            "      {}",
            paint.dim(lang.pick("(rien n'est venu)", "(nothing came)"))
        )?;
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

/// A run's status in words (the report and the feedback files say it alike).
pub(crate) fn status_words(status: RunStatus, lang: Lang) -> &'static str {
    match status {
        RunStatus::Ok => lang.pick("terminé", "finished"),
        RunStatus::Timeout => lang.pick("temps dépassé", "timeout"),
        RunStatus::MemoryLimit => lang.pick("mémoire dépassée", "memory limit"),
        RunStatus::ProcessLimit => lang.pick("trop de processus", "process limit"),
        RunStatus::OutputLimit => lang.pick("sortie trop longue", "output limit"),
        RunStatus::Signal => lang.pick("tué par un signal", "killed by a signal"),
        RunStatus::InternalError => lang.pick("erreur interne", "internal error"),
        RunStatus::Interrupted => lang.pick("interrompu", "interrupted"),
    }
}

/// `code 0`, `signal 9` or `-`.
fn exit_words(run: &RunSummary) -> String {
    match (run.exit_code, run.signal) {
        (_, Some(sig)) => format!("signal {sig}"),
        (Some(code), None) => format!("code {code}"),
        (None, None) => "-".into(),
    }
}

fn write_run(run: &RunSummary, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let code = exit_words(run);
    writeln!(
        out,
        "{} : {} ({code}), {:.2} s, CPU {:.2} s (×{:.2}), {} {} ({} {}), {} {} {}{}",
        lang.pick("Exécution", "Run"),
        status_words(run.status, lang),
        run.wall_s,
        run.cpu_s,
        run.parallelism,
        run.processes,
        lang.pick("processus", "processes"),
        run.busy_processes,
        lang.pick("actifs", "busy"),
        lang.pick("mémoire max", "peak memory"),
        run.max_rss_kb / 1024,
        lang.pick("Mo", "MB"),
        if run.pinned {
            lang.pick(", épinglé sur un CPU", ", pinned to one CPU")
        } else {
            ""
        }
    )?;
    if let Some(detail) = &run.detail {
        writeln!(out, "  {}", paint.yellow(detail))?;
    }
    if run.leftovers_killed > 0 {
        writeln!(
            out,
            "  {} {} {}",
            paint.yellow("!"),
            run.leftovers_killed,
            lang.pick(
                "processus encore vivants à la fin du programme ont été tués : avez-vous oublié join() ?",
                "processes still alive when the program ended were killed: did you forget join()?",
            )
        )?;
    }
    if run.stdout_truncated || run.stderr_truncated {
        writeln!(
            out,
            "  {}",
            paint.yellow(lang.pick("sortie tronquée (trop longue)", "output truncated (too long)"))
        )?;
    }
    if !run.layers.is_empty() {
        writeln!(
            out,
            "  {}",
            paint.dim(&format!(
                "{} : {}",
                lang.pick("confinement", "confinement"),
                run.layers.join(", ")
            ))
        )?;
    }
    write_timeline(&run.trace, run.wall_s, lang, out)
}

fn write_runs(runs: &RunsSummary, lang: Lang, paint: Paint, out: &mut dyn Write) -> io::Result<()> {
    let line = format!(
        "{} {} {} {} ({} {} {} {})",
        lang.pick("Réussi", "Passed"),
        runs.passed,
        lang.pick("fois sur", "of"),
        runs.runs,
        runs.pinned_passed,
        lang.pick("sur", "of"),
        runs.pinned_runs,
        lang.pick("épinglées sur un CPU", "pinned to one CPU"),
    );
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
            "  {mark} #{:<2} {:<10} {:.2} s  {} #{}{}",
            outcome.index,
            if outcome.pinned {
                "1 CPU"
            } else {
                lang.pick("tous", "all")
            },
            outcome.wall_s,
            lang.pick("sortie", "output"),
            outcome.output + 1,
            if outcome.failed.is_empty() {
                String::new()
            } else {
                format!("  ✗ {}", outcome.failed.join(", "))
            }
        )?;
    }
    writeln!(
        out,
        "{} {} ({})",
        runs.distinct_outputs.len(),
        lang.pick("sortie(s) différente(s)", "distinct output(s)"),
        lang.pick("PID et durées masqués", "PIDs and timings masked"),
    )?;
    if runs.distinct_outputs.len() > 1 {
        for (i, output) in runs.distinct_outputs.iter().enumerate() {
            writeln!(
                out,
                "  {} #{} (×{}) :",
                lang.pick("sortie", "output"),
                i + 1,
                output.count
            )?;
            for line in output.text.lines().take(MAX_SHOWN_LINES) {
                writeln!(out, "    {}", paint.dim(line))?;
            }
        }
    }
    Ok(())
}
