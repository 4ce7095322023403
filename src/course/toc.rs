//! The whole course as the site's sidebar shows it: categories (from `_category_.json`) as headings,
//! each lesson with its sections under them.
use std::io::{self, Write};

use super::{Course, Lesson};
use crate::i18n::Lang;

/// Writes the course's tree; `lesson` writes one lesson's entry (the `toc LESSON` text).
pub fn write_tree(
    course: &Course,
    lang: Lang,
    out: &mut dyn Write,
    lesson: &dyn Fn(&Lesson, &mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut open: Vec<String> = Vec::new();
    for entry in &course.lessons {
        let labels: Vec<String> = entry.place.folders.iter().map(|s| s.label.clone()).collect();
        let common = open.iter().zip(&labels).take_while(|(a, b)| a == b).count();
        for (depth, label) in labels.iter().enumerate().skip(common) {
            writeln!(out, "{}▸ {label}", "  ".repeat(depth))?;
        }
        open = labels;
        let mut text = Vec::new();
        lesson(entry, &mut text)?;
        let indent = "  ".repeat(open.len());
        for line in String::from_utf8_lossy(&text).lines() {
            writeln!(out, "{indent}{line}")?;
        }
    }
    let count = course.lessons.len();
    writeln!(out, "{}", crate::msg!("lesson-count", count = count).word(lang))?;
    Ok(())
}
