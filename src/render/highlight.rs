//! Code blocks: highlighted with syntect (pure-Rust regex engine) in colour, framed and labelled with
//! their language in both modes.
use std::sync::LazyLock;

use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::as_24_bit_terminal_escaped;

use super::Style;
use super::escape::{Look, paint, reset};

/// Loaded on first use only: plain output (pipes, `NO_COLOR`) never pays for it.
static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);
static THEME: LazyLock<Theme> = LazyLock::new(|| {
    let mut themes = ThemeSet::load_defaults();
    themes.themes.remove("base16-ocean.dark").unwrap_or_default()
});

/// A framed code block: `┌─ python`, the code, `└─`.
pub fn code_block(lang: &str, code: &str, style: Style) -> String {
    let label = if lang.is_empty() { "code" } else { lang };
    let mut out = String::new();
    if style.color {
        let frame = Look {
            dim: true,
            ..Look::default()
        };
        out.push_str(&paint(&format!("┌─ {label}"), frame));
        out.push('\n');
        out.push_str(&highlighted(lang, code));
        out.push_str(&reset());
        out.push_str(&paint("└─", frame));
        out.push('\n');
    } else {
        out.push_str(&format!("┌─ {label}\n"));
        for line in code.lines() {
            for piece in fit_code_line(line, style) {
                out.push_str(&piece);
                out.push('\n');
            }
        }
        out.push_str("└─\n");
    }
    out
}

/// A code line wider than the page, cut at its last space that fits (else anywhere); the rest
/// continues under its indentation after `↪ `, so that a piped page keeps its width.
fn fit_code_line(line: &str, style: Style) -> Vec<String> {
    let width = style.width.max(20);
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let mut out = Vec::new();
    let mut rest = line.to_string();
    let mut first = true;
    loop {
        let lead = if first {
            String::new()
        } else {
            format!("{indent}↪ ")
        };
        let room = width.saturating_sub(style.text_width(&lead)).max(8);
        let mut cols = 0;
        let mut cut = None;
        let mut last_space = None;
        for (i, c) in rest.char_indices() {
            cols += style.char_width(c);
            if cols > room {
                cut = Some(i);
                break;
            }
            if c == ' ' && i > indent.len() {
                last_space = Some(i);
            }
        }
        let Some(hard) = cut else {
            out.push(format!("{lead}{rest}"));
            return out;
        };
        let at = last_space.filter(|s| *s > 0).unwrap_or(hard);
        out.push(format!("{lead}{}", rest[..at].trim_end()));
        rest = rest[at..].trim_start().to_string();
        first = false;
        if rest.is_empty() {
            return out;
        }
    }
}

fn highlighted(lang: &str, code: &str) -> String {
    let syntax = SYNTAXES
        .find_syntax_by_token(lang)
        .unwrap_or_else(|| SYNTAXES.find_syntax_plain_text());
    let mut lines = HighlightLines::new(syntax, &THEME);
    let mut out = String::new();
    for line in syntect::util::LinesWithEndings::from(code) {
        match lines.highlight_line(line, &SYNTAXES) {
            Ok(ranges) => out.push_str(&as_24_bit_terminal_escaped(&ranges, false)),
            Err(_) => out.push_str(line),
        }
    }
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}
