//! A lesson's table of contents as text, and the "unknown anchor" message that lists the anchors.
use std::io::{self, Write};

use crate::course::{Course, Lesson};
use crate::i18n::{Lang, Message};
use crate::msg;

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
            let questions = msg!("toc-key-questions", count = lesson.questions.len());
            writeln!(out, "  {}", questions.word(lang))?;
        }
        for exercise in &lesson.exercises {
            let id = course
                .exercise_for(lesson, exercise.number)
                .map(|e| e.id.as_str())
                .unwrap_or("-");
            let line = msg!(
                "toc-exercise",
                number = exercise.number,
                title = &exercise.title,
                id = id
            );
            writeln!(out, "  {}", line.word(lang))?;
        }
    }
    Ok(())
}

/// "unknown anchor", with the anchors there are.
pub fn unknown_anchor(lesson: &Lesson, anchor: &str) -> Message {
    let anchors: Vec<String> = lesson
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| format!("{} ({})", s.anchor, i + 1))
        .collect();
    msg!(
        "toc-unknown-anchor",
        anchor = anchor,
        lesson = &lesson.slug,
        anchors = anchors.join(", ")
    )
}
