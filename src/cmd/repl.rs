//! `atelier` with no command, or `atelier repl`: the lesson REPL.
use std::process::ExitCode;

use atelier::repl::{self, ReplOptions};

use super::Globals;

pub fn run(globals: &Globals) -> anyhow::Result<ExitCode> {
    let course = globals.load_course_reporting()?;
    if course.lessons.is_empty() {
        eprintln!("atelier: no lesson could be loaded");
        return Ok(ExitCode::from(2));
    }
    let options = ReplOptions {
        course_dir: globals.course_dir.clone(),
        lang: globals.lang,
    };
    repl::start(options, course)?;
    Ok(ExitCode::SUCCESS)
}
