//! `atelier toc` and `atelier show`.
use std::io::{self, Write};
use std::process::ExitCode;

use serde_json::json;

use super::{Course, Lesson};
use crate::cli::{ShowArgs, TocArgs};
use crate::i18n::Lang;
use crate::render::{self, Style};
use crate::run::{Ctx, Result};

/// Loads the course of `ctx` and reports what did not load on stderr (the rest is still usable).
pub fn load_reporting(ctx: &Ctx) -> Result<Course> {
    let course = Course::load(ctx.course_dir.as_deref())?;
    let mut err = io::stderr().lock();
    for problem in &course.problems {
        writeln!(err, "atelier: {problem}")?;
    }
    Ok(course)
}

/// The language for messages about `lesson` (or the course's first lesson).
pub fn lang_for(ctx: &Ctx, lesson: Option<&Lesson>) -> Lang {
    Lang::resolve(ctx.lang, lesson.map_or(Lang::Fr, |l| l.lang))
}

/// `atelier toc [LESSON] [--json]`.
pub fn toc(ctx: &Ctx, args: &TocArgs) -> Result<ExitCode> {
    let course = load_reporting(ctx)?;
    let mut out = io::stdout().lock();
    let lessons: Vec<&Lesson> = match &args.lesson {
        Some(key) => match course.find_lesson(key) {
            Ok(index) => vec![&course.lessons[index]],
            Err(not_found) => {
                eprintln!(
                    "atelier: {}",
                    not_found.message(lang_for(ctx, course.lessons.first()))
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
            _ => json!({ "lessons": docs, "problems": course.problems }),
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
    } else {
        let lang = lang_for(ctx, lessons.first().copied());
        if args.lesson.is_none() {
            let entry = |lesson: &Lesson, out: &mut dyn Write| write_toc(&course, lesson, false, lang, out);
            super::toc::write_tree(&course, lang, &mut out, &entry)?;
        }
        for lesson in lessons.iter().filter(|_| args.lesson.is_some()) {
            write_toc(&course, lesson, true, lang, &mut out)?;
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

/// The table of contents of one lesson, as text.
pub fn write_toc(
    course: &Course,
    lesson: &Lesson,
    detailed: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(
        out,
        "{} — {}  ({})",
        lesson.short_name(),
        lesson.title,
        lesson.slug
    )?;
    for (index, section) in lesson.sections.iter().enumerate() {
        let indent = if section.level > 2 { "    " } else { "  " };
        let demos = if section.demos.is_empty() {
            String::new()
        } else {
            format!("  ▶ {}", section.demos.join(", "))
        };
        writeln!(
            out,
            "{indent}§{:<2} {}  #{}{demos}",
            index + 1,
            section.title,
            section.anchor
        )?;
    }
    if detailed {
        if !lesson.questions.is_empty() {
            writeln!(
                out,
                "  {}{}",
                lang.pick("Questions clés : ", "Key questions: "),
                lesson.questions.len()
            )?;
        }
        for exercise in &lesson.exercises {
            let id = course
                .exercise_for(lesson, exercise.number)
                .map(|e| e.id.as_str())
                .unwrap_or("-");
            writeln!(
                out,
                "  {} {} — {}  [{}]",
                lang.pick("Exercice", "Exercise"),
                exercise.number,
                exercise.title,
                id
            )?;
        }
    }
    Ok(())
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

/// `atelier show LESSON[#ANCHOR]`.
pub fn show(ctx: &Ctx, args: &ShowArgs) -> Result<ExitCode> {
    let course = load_reporting(ctx)?;
    let (key, anchor) = match args.target.split_once('#') {
        Some((key, anchor)) => (key, Some(anchor)),
        None => (args.target.as_str(), None),
    };
    let lesson = match course.find_lesson(key) {
        Ok(index) => &course.lessons[index],
        Err(not_found) => {
            eprintln!(
                "atelier: {}",
                not_found.message(lang_for(ctx, course.lessons.first()))
            );
            return Ok(ExitCode::from(2));
        }
    };
    let lang = lang_for(ctx, Some(lesson));
    let style = Style::detect();
    let text = match anchor {
        None => render::render_lesson(lesson, lang, style),
        Some(anchor) => match lesson.find_section(anchor) {
            Some(index) => render::render_section(lesson, index, lang, style),
            None => {
                eprintln!("atelier: {}", unknown_anchor(lesson, anchor, lang));
                return Ok(ExitCode::from(2));
            }
        },
    };
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// "unknown anchor", with the anchors there are.
pub fn unknown_anchor(lesson: &Lesson, anchor: &str, lang: Lang) -> String {
    let anchors: Vec<String> = lesson
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} ({})", s.anchor, i + 1))
        .collect();
    format!(
        "{} `{anchor}` {} {} ; {} : {}",
        lang.pick("section", "section"),
        lang.pick("inconnue dans", "is not in"),
        lesson.slug,
        lang.pick("ancres", "anchors"),
        anchors.join(", ")
    )
}
