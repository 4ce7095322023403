//! `atelier check EXERCISE FILE [--json] [--runs N]`: 0 pass, 1 fail, 2 could not check.
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Context;

use super::engine::{CheckOptions, check_submission};
use super::human::write_human;
use crate::cli::CheckArgs;
use crate::course::{CourseFiles, Exercise, exercise};
use crate::i18n::Lang;
use crate::run::{Ctx, Result};

/// The course of the command line: `--course DIR`, else the built-in one.
pub fn load_course(ctx: &Ctx) -> Result<CourseFiles> {
    CourseFiles::load(ctx.course_dir.as_deref())
}

/// The exercise with this id (`43.1`) or folder name (`43.1-nombres-premiers`); an unknown one is
/// an error listing the known ids.
pub fn find_exercise(files: &CourseFiles, id: &str) -> Result<Exercise> {
    let (exercises, _problems) = exercise::load_all(files);
    let wanted = id.trim().trim_end_matches('/');
    let wanted = wanted.rsplit('/').next().unwrap_or(wanted);
    if let Some(found) = exercises
        .iter()
        .find(|e| e.id == wanted || e.dir.rsplit('/').next() == Some(wanted))
    {
        return Ok(found.clone());
    }
    let known: Vec<&str> = exercises.iter().map(|e| e.id.as_str()).collect();
    anyhow::bail!(
        "unknown exercise `{id}`; known exercises: {}",
        if known.is_empty() {
            "(none)".to_string()
        } else {
            known.join(", ")
        }
    )
}

pub fn check_command(ctx: &Ctx, args: &CheckArgs) -> Result<ExitCode> {
    let files = load_course(ctx)?;
    let exercise = find_exercise(&files, &args.exercise)?;
    // The course speaks French; `--lang en` or an English locale switches the messages.
    let lang = Lang::resolve(ctx.lang, Lang::Fr);
    if !args.file.is_file() {
        anyhow::bail!("{}: no such file (the submission to check)", args.file.display());
    }
    if args.runs == Some(0) {
        anyhow::bail!("--runs: at least 1");
    }
    let opts = CheckOptions {
        lang,
        runs: args.runs,
        reference: None,
        ..CheckOptions::default()
    };
    let report = check_submission(&files, &exercise, &args.file, &opts)?;
    let stdout = io::stdout();
    let color = stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    let mut out = stdout.lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report).context("writing the JSON report")?;
        writeln!(out)?;
    } else {
        write_human(&report, lang, color, &mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::from(report.verdict.exit_code()))
}
