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
    let lang = globals.lang(course.lang);
    let mut out = io::stdout().lock();
    let findings = lint(&course, lang, &mut out)?;
    for problem in &findings.problems {
        writeln!(out, "{}", problem.word(lang))?;
    }
    let where_ = dir.map_or_else(|| lang.text("lint-builtin-course"), |d| d.display().to_string());
    writeln!(out, "{}", lang.word(&atelier::lint::summary(&findings, &where_)))?;
    Ok(ExitCode::from(if findings.problems.is_empty() { 0 } else { 1 }))
}
