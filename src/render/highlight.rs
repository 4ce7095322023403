//! Code blocks: highlighted with syntect (pure-Rust regex engine) in colour, framed and labelled with
//! their language in both modes.
use std::sync::LazyLock;

use syntect::easy::HighlightLines;
use syntect::highlighting::{Theme, ThemeSet};
use syntect::parsing::SyntaxSet;
use syntect::util::as_24_bit_terminal_escaped;

use super::Style;
use crate::style::{DIM, paint, reset};

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
        out.push_str(&format!("{}\n", paint(true, DIM, &format!("┌─ {label}"))));
        out.push_str(&highlighted(lang, code));
        out.push_str(&format!("{}{}\n", reset(), paint(true, DIM, "└─")));
    } else {
        out.push_str(&format!("┌─ {label}\n"));
        out.push_str(code);
        if !code.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("└─\n");
    }
    out
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
