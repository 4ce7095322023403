//! `atelier show LESSON[#ANCHOR]`.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::render::{self, Style};
use atelier::view::toc::unknown_anchor;

use super::Globals;
use super::cli::ShowArgs;

/// `atelier show LESSON[#ANCHOR]`.
pub fn run(globals: &Globals, args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let course = globals.load_course_reporting()?;
    let (key, anchor) = match args.target.split_once('#') {
        Some((key, anchor)) => (key, Some(anchor)),
        None => (args.target.as_str(), None),
    };
    let lesson = match course.find_lesson(key) {
        Ok(index) => &course.lessons[index],
        Err(not_found) => {
            eprintln!(
                "atelier: {}",
                not_found.message(globals.lang_for(course.lessons.first()))
            );
            return Ok(ExitCode::from(2));
        }
    };
    let lang = globals.lang_for(Some(lesson));
    let style = Style::detect();
    let text = match anchor {
        None => render::render_lesson(lesson, lang, style),
        Some(anchor) => match lesson.find_section(anchor) {
            Some(index) => render::render_section(lesson, index, lang, style),
            None => {
                eprintln!("atelier: {}", unknown_anchor(lesson, anchor).word(lang));
                return Ok(ExitCode::from(2));
            }
        },
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
