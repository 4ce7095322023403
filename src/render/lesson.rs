//! A lesson, a section or a `<details>` block as terminal text.
use super::Style;
use super::escape::{self, Look};
use super::highlight::code_block;
use super::inline::Inline;
use super::markdown;
use crate::course::{Block, Lesson};
use crate::i18n::Lang;

/// A heading: levels 1 and 2 underlined with `=` / `-` in plain mode (bold and coloured otherwise),
/// deeper levels keep their `###`, so that every level looks different in both modes.
pub fn heading(level: u8, text: &str, style: Style) -> String {
    let level = level.clamp(1, 6);
    let look = match level {
        1 => Look {
            bold: true,
            underline: true,
            color: 35,
            ..Look::default()
        },
        2 => Look {
            bold: true,
            color: 36,
            ..Look::default()
        },
        3 => Look {
            bold: true,
            ..Look::default()
        },
        _ => Look {
            bold: true,
            italic: true,
            ..Look::default()
        },
    };
    let mut inline = Inline::new(look, !style.color);
    if level >= 3 && !style.color {
        inline.push_str(&format!("{} ", "#".repeat(level as usize)));
    }
    // A title keeps its code spans (`Pool`): read it as inline markdown, where `1. Quoi` is no list.
    let source = inline_only(text);
    for event in pulldown_cmark::Parser::new_ext(&source, crate::course::parse::options()) {
        if !inline.event(&event) && matches!(event, pulldown_cmark::Event::End(_)) {
            inline.push_str(" ");
        }
    }
    let lines = inline.lines(style.width, style.width, style);
    let mut out: String = lines.iter().map(|l| format!("{l}\n")).collect();
    if level <= 2 && !style.color {
        let width = lines
            .iter()
            .map(|l| textwrap::core::display_width(l))
            .max()
            .unwrap_or(0)
            .min(style.width);
        let mark = if level == 1 { "=" } else { "-" };
        out.push_str(&format!("{}\n", mark.repeat(width)));
    }
    out
}

/// `text` escaped so that a markdown parser reads it as one paragraph: a leading `1.`, `#`, `>`,
/// `-`, `+`, `=` or `*` would start a list, a heading or a quote.
fn inline_only(text: &str) -> String {
    let text = text.trim();
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && text[digits..].starts_with(['.', ')']) {
        return format!("{}\\{}", &text[..digits], &text[digits..]);
    }
    let mut chars = text.chars();
    let starts_block = match (chars.next(), chars.next()) {
        (Some('>'), _) => true,
        (Some('#' | '-' | '+' | '*'), None | Some(' ' | '#')) => true,
        (Some('='), _) => text.chars().all(|c| c == '='),
        _ => false,
    };
    if starts_block {
        return format!("\\{text}");
    }
    text.to_string()
}

/// A line of text wrapped at the width (a folded `<details>`, a demo link), painted as `look`.
fn note(text: &str, look: Look, style: Style) -> String {
    let mut inline = Inline::new(look, !style.color);
    inline.push_str(text);
    inline
        .lines(style.width, style.width.saturating_sub(2), style)
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if i == 0 {
                format!("{l}\n")
            } else {
                format!("  {l}\n")
            }
        })
        .collect()
}

/// What a folded `<details>` shows: its summary and how to open it.
fn folded(summary: &str, exercise: Option<u32>, lang: Lang, style: Style) -> String {
    let invite = match exercise {
        Some(n) => crate::msg!("lesson-folded-solution", number = n).word(lang),
        None => lang.text("lesson-folded"),
    };
    let look = Look {
        bold: true,
        color: 33,
        ..Look::default()
    };
    note(&format!("▸ {summary} ({invite})"), look, style)
}

/// The label of an admonition kind, in the lesson's language.
fn admonition_label(kind: &str, lang: Lang) -> String {
    match kind.to_ascii_lowercase().as_str() {
        "note" => lang.text("lesson-admonition-note"),
        "tip" => lang.text("lesson-admonition-tip"),
        "info" => lang.text("lesson-admonition-info"),
        "warning" | "caution" => lang.text("lesson-admonition-warning"),
        "danger" => lang.text("lesson-admonition-danger"),
        // A kind atelier does not know is the course's own word: shown as the lesson writes it.
        other => {
            let mut chars = other.chars();
            chars
                .next()
                .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
        }
    }
}

/// Inner blocks drawn inside a frame: `┌─ title`, `│ ` before each line, `└─`.
fn framed(out: &mut String, title: &str, inner: &[Block], ctx: Ctx, style: Style) {
    let inner_style = Style {
        width: style.width.saturating_sub(2).max(10),
        ..style
    };
    let mut body = String::new();
    blocks(&mut body, inner, ctx, inner_style);
    let look = Look {
        bold: true,
        color: 33,
        ..Look::default()
    };
    let bar = if style.color {
        escape::paint(
            "│",
            Look {
                color: 33,
                ..Look::default()
            },
        )
    } else {
        "│".into()
    };
    let top = if style.color {
        escape::paint(
            "┌─ ",
            Look {
                color: 33,
                ..Look::default()
            },
        )
    } else {
        "┌─ ".into()
    };
    let mut head = Inline::new(look, !style.color);
    head.push_str(title);
    for (i, line) in head
        .lines(
            style.width.saturating_sub(3),
            style.width.saturating_sub(3),
            style,
        )
        .iter()
        .enumerate()
    {
        out.push_str(if i == 0 { &top } else { "   " });
        out.push_str(line);
        out.push('\n');
    }
    for line in body.lines() {
        if line.is_empty() {
            out.push_str(&format!("{bar}\n"));
        } else {
            out.push_str(&format!("{bar} {line}\n"));
        }
    }
    let bottom = if style.color {
        escape::paint(
            "└─",
            Look {
                color: 33,
                ..Look::default()
            },
        )
    } else {
        "└─".into()
    };
    out.push_str(&bottom);
    out.push('\n');
}

/// What the blocks of a section need to know besides the style.
#[derive(Clone, Copy)]
struct Ctx {
    exercise: Option<u32>,
    reveal: bool,
    lang: Lang,
}

fn blocks(out: &mut String, blocks: &[Block], ctx: Ctx, style: Style) {
    for block in blocks {
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        match block {
            Block::Heading { level, text } => out.push_str(&heading(*level, text, style)),
            Block::Markdown { text } => out.push_str(&markdown::render(text, style)),
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
                if ctx.reveal {
                    out.push_str(&note(&format!("▾ {summary}"), Look::default(), style));
                    out.push('\n');
                    self::blocks(out, inner, ctx, style);
                } else {
                    out.push_str(&folded(summary, ctx.exercise, ctx.lang, style));
                }
            }
            Block::Admonition {
                kind,
                title,
                blocks: inner,
                ..
            } => {
                let label = admonition_label(kind, ctx.lang);
                let title = if title.is_empty()
                    || crate::course::anchor::fold(title) == crate::course::anchor::fold(&label)
                {
                    label
                } else {
                    format!("{label} : {title}")
                };
                framed(out, &title, inner, ctx, style);
            }
            Block::Tab {
                label, blocks: inner, ..
            } => {
                let tab = crate::msg!("lesson-tab", label = label.as_str()).word(ctx.lang);
                framed(out, &tab, inner, ctx, style);
            }
            Block::Rule => {
                let rule = if style.color { "─" } else { "-" };
                out.push_str(&format!("{}\n", rule.repeat(style.width.min(40))));
            }
        }
    }
}

/// One section: its heading and its blocks, `<details>` folded. `None` when there is no such section.
pub fn render_section(lesson: &Lesson, index: usize, lang: Lang, style: Style) -> String {
    let Some(section) = lesson.sections.get(index) else {
        return String::new();
    };
    let exercise = lesson
        .exercises
        .iter()
        .find(|e| e.section == index)
        .map(|e| e.number);
    let mut out = heading(section.level, &format!("§{} {}", index + 1, section.title), style);
    let ctx = Ctx {
        exercise,
        reveal: false,
        lang,
    };
    blocks(&mut out, &section.blocks, ctx, style);
    if !section.demos.is_empty() {
        let names = section.demos.join(", ");
        out.push('\n');
        out.push_str(&note(
            &crate::msg!("lesson-demos", names = names).word(lang),
            Look::default(),
            style,
        ));
    }
    out
}

/// The introduction: what comes before the first section.
pub fn render_intro(lesson: &Lesson, lang: Lang, style: Style) -> String {
    let mut out = String::new();
    let ctx = Ctx {
        exercise: None,
        reveal: false,
        lang,
    };
    blocks(&mut out, &lesson.intro, ctx, style);
    out
}

/// The whole lesson: title, introduction, every section.
pub fn render_lesson(lesson: &Lesson, lang: Lang, style: Style) -> String {
    let mut out = heading(1, &lesson.title, style);
    let intro = render_intro(lesson, lang, style);
    if !intro.is_empty() {
        out.push('\n');
        out.push_str(&intro);
    }
    for index in 0..lesson.sections.len() {
        out.push('\n');
        out.push_str(&render_section(lesson, index, lang, style));
    }
    out
}

/// The `<details>` blocks of a section, unfolded (`solution N`).
pub fn render_details(lesson: &Lesson, index: usize, lang: Lang, style: Style) -> Option<String> {
    let section = lesson.sections.get(index)?;
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
    let ctx = Ctx {
        exercise: None,
        reveal: true,
        lang,
    };
    blocks(&mut out, &details, ctx, style);
    Some(out)
}
