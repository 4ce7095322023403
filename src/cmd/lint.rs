//! `atelier lint [DIR]`: 0 when the course has no problem, 1 when it has some, 2 when it could not be read.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::course::Course;
use atelier::lint::lint;

use super::Globals;
use super::cli::LintArgs;

/// `atelier lint [DIR]`.
pub fn run(globals: &Globals, args: &LintArgs) -> anyhow::Result<ExitCode> {
    let dir = args.dir.as_deref().or(globals.course_dir.as_deref());
    let course = Course::load(dir)?;
    let lang = globals.lang_for(course.lessons.first());
    let mut out = io::stdout().lock();
    let findings = lint(&course, lang, &mut out)?;
    for problem in &findings.problems {
        writeln!(out, "{problem}")?;
    }
    let where_ = dir.map_or_else(
        || lang.pick("cours intégré", "built-in course").to_string(),
        |d| d.display().to_string(),
    );
    writeln!(
        out,
        "{where_}{}{} {}, {} {}, {} {} {}, {} starters {} — {} {}",
        lang.pick(" : ", ": "),
        findings.lessons,
        lang.pick("leçons", "lessons"),
        findings.exercises,
        lang.pick("exercices", "exercises"),
        findings.solutions,
        lang.pick("solutions", "solutions"),
        lang.pick("vérifiées (doivent réussir)", "checked (must pass)"),
        findings.starters,
        lang.pick("vérifiés (doivent échouer)", "checked (must fail)"),
        findings.problems.len(),
        lang.pick("problème(s)", "problem(s)"),
    )?;
    Ok(ExitCode::from(if findings.problems.is_empty() { 0 } else { 1 }))
}
