//! `atelier toc [LESSON] [--json]`.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::course::{Course, Lesson};
use atelier::view::toc::write_toc;
use serde_json::json;

use super::Globals;
use super::cli::TocArgs;

/// `atelier toc [LESSON] [--json]`.
pub fn run(globals: &Globals, args: &TocArgs) -> anyhow::Result<ExitCode> {
    let course = globals.load_course_reporting()?;
    let mut out = io::stdout().lock();
    let lessons: Vec<&Lesson> = match &args.lesson {
        Some(key) => match course.find_lesson(key) {
            Ok(index) => vec![&course.lessons[index]],
            Err(not_found) => {
                eprintln!(
                    "atelier: {}",
                    not_found.message(globals.lang_for(course.lessons.first()))
                );
                return Ok(ExitCode::from(2));
            }
        },
        None => course.lessons.iter().collect(),
    };
    if args.json {
        let docs: Vec<serde_json::Value> = lessons.iter().map(|l| lesson_json(&course, l)).collect();
        let doc = match (&args.lesson, docs.as_slice()) {
            (Some(_), [one]) => one.clone(),
            _ => {
                // Each problem with its code and values, and its words in the course's language.
                let lang = globals.lang(course.lang);
                let problems: Vec<serde_json::Value> = course.problems.iter().map(|p| p.json(lang)).collect();
                json!({ "lessons": docs, "problems": problems })
            }
        };
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&atelier::schema::versioned(&doc)?)?
        )?;
    } else {
        let lang = globals.lang_for(lessons.first().copied());
        match &args.lesson {
            // The whole course as the site's sidebar has it: categories, then lessons.
            None => {
                let entry =
                    |lesson: &Lesson, out: &mut dyn Write| write_toc(&course, lesson, false, lang, out);
                atelier::course::toc::write_tree(&course, lang, &mut out, &entry)?;
            }
            Some(_) => {
                for lesson in &lessons {
                    write_toc(&course, lesson, true, lang, &mut out)?;
                }
            }
        }
    }
    // A problem with a requested lesson is reported above; listing everything with a broken file is exit 2.
    let code = if args.lesson.is_none() && !course.problems.is_empty() {
        2
    } else {
        0
    };
    Ok(ExitCode::from(code))
}

fn lesson_json(course: &Course, lesson: &Lesson) -> serde_json::Value {
    json!({
        "number": lesson.number,
        "slug": lesson.slug,
        "title": lesson.title,
        "file": lesson.file,
        "lang": lesson.lang,
        "anchors": lesson.anchors().collect::<Vec<_>>(),
        "sections": lesson.sections.iter().enumerate().map(|(i, s)| json!({
            "number": i + 1,
            "anchor": s.anchor,
            "title": s.title,
            "level": s.level,
            "line": s.line,
            "demos": s.demos,
        })).collect::<Vec<_>>(),
        "questions": lesson.questions,
        "exercises": lesson.exercises.iter().map(|e| json!({
            "number": e.number,
            "title": e.title,
            "anchor": e.anchor,
            "id": course.exercise_for(lesson, e.number).map(|x| x.id.clone()),
            "has_solution": e.solution.is_some(),
        })).collect::<Vec<_>>(),
        "demos": lesson.sections.iter().flat_map(|s| s.demos.iter().map(move |d| json!({"name": d, "section": s.anchor}))).collect::<Vec<_>>(),
    })
}
