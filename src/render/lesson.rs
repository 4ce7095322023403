//! A lesson, a section or a `<details>` block as terminal text.
use termimad::MadSkin;

use super::Style;
use super::highlight::code_block;
use crate::course::{Block, Lesson};
use crate::i18n::Lang;

fn skin(style: Style) -> MadSkin {
    if style.color {
        MadSkin::default()
    } else {
        MadSkin::no_style()
    }
}

/// Markdown prose (paragraphs, lists, tables) through termimad at the style's width.
fn markdown(md: &str, style: Style) -> String {
    let skin = skin(style);
    let text = skin.text(md, Some(style.width)).to_string();
    let mut out: String = text.lines().map(|l| format!("{}\n", l.trim_end())).collect();
    if out.is_empty() {
        out.push('\n');
    }
    out
}

fn heading(level: u8, text: &str, style: Style) -> String {
    let marks = "#".repeat(level.clamp(1, 6) as usize);
    if style.color {
        markdown(&format!("{marks} {text}"), style)
    } else {
        let underline = if level <= 2 { '═' } else { '─' };
        let width = text.chars().count().min(style.width);
        format!("{text}\n{}\n", underline.to_string().repeat(width))
    }
}

/// What a folded `<details>` shows: its summary and how to open it.
fn folded(summary: &str, exercise: Option<u32>, lang: Lang, style: Style) -> String {
    let invite = match exercise {
        Some(n) => format!("{} « solution {n} »", lang.pick("tapez", "type")),
        None => lang.pick("replié", "folded").to_string(),
    };
    let line = format!("▸ {summary}  ({invite})");
    if style.color {
        format!(
            "{}\n",
            crate::style::paint(true, crate::style::BOLD_YELLOW, &line)
        )
    } else {
        format!("{line}\n")
    }
}

fn blocks(out: &mut String, blocks: &[Block], exercise: Option<u32>, reveal: bool, lang: Lang, style: Style) {
    for block in blocks {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => out.push_str(&heading(*level, text, style)),
            Block::Markdown { text } => out.push_str(&markdown(text, style)),
            Block::Code {
                lang: code_lang,
                code,
                ..
            } => out.push_str(&code_block(code_lang, code, style)),
            Block::Details {
                summary,
                blocks: inner,
                ..
            } => {
                if reveal {
                    out.push_str(&format!("▾ {summary}\n\n"));
                    self::blocks(out, inner, exercise, reveal, lang, style);
                } else {
                    out.push_str(&folded(summary, exercise, lang, style));
                }
            }
            Block::Rule => out.push_str(&format!("{}\n", "─".repeat(style.width.min(40)))),
        }
    }
}

/// One section: its heading and its blocks, `<details>` folded.
pub fn render_section(lesson: &Lesson, index: usize, lang: Lang, style: Style) -> String {
    let section = &lesson.sections[index];
    let exercise = lesson
        .exercises
        .iter()
        .find(|e| e.section == index)
        .map(|e| e.number);
    let mut out = heading(section.level, &format!("§{} {}", index + 1, section.title), style);
    blocks(&mut out, &section.blocks, exercise, false, lang, style);
    if !section.demos.is_empty() {
        let names = section.demos.join(", ");
        out.push_str(&format!(
            "\n▶ {} : {names}  ({})\n",
            lang.pick("Démo", "Demo"),
            lang.pick("tapez « demo »", "type “demo”")
        ));
    }
    out
}

/// The whole lesson: title, introduction, every section.
pub fn render_lesson(lesson: &Lesson, lang: Lang, style: Style) -> String {
    let mut out = heading(1, &lesson.title, style);
    blocks(&mut out, &lesson.intro, None, false, lang, style);
    for index in 0..lesson.sections.len() {
        out.push('\n');
        out.push_str(&render_section(lesson, index, lang, style));
    }
    out
}

/// The `<details>` blocks of a section, unfolded (`solution N`).
pub fn render_details(lesson: &Lesson, index: usize, lang: Lang, style: Style) -> Option<String> {
    let section = &lesson.sections[index];
    let details: Vec<Block> = section
        .blocks
        .iter()
        .filter(|b| matches!(b, Block::Details { .. }))
        .cloned()
        .collect();
    if details.is_empty() {
        return None;
    }
    let mut out = heading(3, &section.title, style);
    blocks(&mut out, &details, None, true, lang, style);
    Some(out)
}
