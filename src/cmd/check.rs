//! `atelier check EXERCISE FILE [--json] [--runs N]`: 0 pass, 1 fail, 2 could not check.
use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use atelier::course::{CourseFiles, exercise};
use atelier::grader::{CheckOptions, check_submission};
use atelier::i18n::Lang;
use atelier::style;
use atelier::view::write_check_report;

use super::Globals;
use super::cli::CheckArgs;

pub fn run(globals: &Globals, args: &CheckArgs) -> anyhow::Result<ExitCode> {
    let files = CourseFiles::load(globals.course_dir.as_deref())?;
    let exercise = exercise::find(&files, &args.exercise)?;
    // The course speaks French; `--lang en` or an English locale switches the messages.
    let lang = globals.lang(Lang::Fr);
    if !args.file.is_file() {
        let path = args.file.display().to_string();
        anyhow::bail!(
            "{}",
            atelier::msg!("report-no-submission-file", path = path).word(lang)
        );
    }
    if args.runs == Some(0) {
        anyhow::bail!("{}", lang.text("report-runs-at-least-one"));
    }
    let opts = CheckOptions {
        lang,
        runs: args.runs,
        reference: None,
        // A student's check: hidden checks show their name and mark only.
        reveal_hidden: false,
        only: args.only.clone(),
    };
    let report = check_submission(&files, &exercise, &args.file, &opts)?;
    let stdout = io::stdout();
    let color = style::stdout_color();
    let mut out = stdout.lock();
    if args.json {
        let doc = atelier::schema::versioned(&report).context("writing the JSON report")?;
        serde_json::to_writer_pretty(&mut out, &doc).context("writing the JSON report")?;
        writeln!(out)?;
    } else {
        write_check_report(&report, lang, color, &mut out)?;
    }
    out.flush()?;
    Ok(ExitCode::from(report.verdict.exit_code()))
}
