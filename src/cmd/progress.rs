//! `atelier progress [reset]`: the saved progress, or forgetting it.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::course::Course;
use atelier::i18n::Lang;
use atelier::progress::{Store, write_summary};

use super::Globals;
use super::cli::ProgressArgs;

/// `atelier progress [reset]`.
pub fn run(globals: &Globals, args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    let store = Store::for_course(globals.course_dir.as_deref())?;
    let lang = globals.lang(Lang::Fr);
    let mut out = io::stdout().lock();
    match args.action.as_deref() {
        Some("reset") => {
            store.reset()?;
            writeln!(out, "{}", lang.text("progress-cleared"))?;
        }
        Some(other) => {
            let unknown = atelier::msg!("repl-progress-unknown-action", action = other);
            eprintln!("atelier: {}", unknown.word(lang));
            return Ok(ExitCode::from(2));
        }
        None => {
            let (progress, warning) = store.load();
            if let Some(warning) = warning {
                eprintln!("atelier: {}", warning.word(lang));
            }
            let course = Course::load(globals.course_dir.as_deref())?;
            write_summary(&course, &progress, lang, &mut out)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
