//! `atelier` with no command, or `atelier repl`: the lesson REPL.
use std::process::ExitCode;

use atelier::repl::{self, ReplOptions};

use super::Globals;

pub fn run(globals: &Globals) -> anyhow::Result<ExitCode> {
    let course = globals.load_course_reporting()?;
    if course.lessons.is_empty() {
        let lang = globals.lang(atelier::i18n::Lang::Fr);
        eprintln!("atelier: {}", lang.text("repl-no-lesson-loaded"));
        return Ok(ExitCode::from(2));
    }
    let options = ReplOptions {
        course_dir: globals.course_dir.clone(),
        lang: globals.lang,
    };
    repl::start(options, course)?;
    Ok(ExitCode::SUCCESS)
}
