//! Turning the lesson model into terminal text: prose, lists and tables from pulldown-cmark's events
//! (CommonMark's inline rules), wrapped by display width; syntect for code; `<details>` folded behind
//! a one-line invitation. Plain text (no escape sequence at all) when stdout is not a terminal or
//! `NO_COLOR` is set: code keeps its backticks, links print their address.
pub mod escape;
mod highlight;
pub mod inline;
mod lesson;
mod markdown;
pub mod pager;
mod table;

use std::io::IsTerminal;

pub use inline::wrap_text;
pub use lesson::{heading, render_details, render_intro, render_lesson, render_section};

/// How to draw: with colour or plain, and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Colour only on a terminal without `NO_COLOR`; the terminal's width, or 80 when not a terminal.
    pub fn detect() -> Style {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        // A fresh pseudo-terminal may report 0×0 or nonsense: take 80 columns then.
        let width = match terminal_size().0 as usize {
            w if tty && w >= 30 => w.min(120),
            _ => 80,
        };
        Style {
            color: tty && !no_color,
            width,
        }
    }

    /// Plain text at `width` columns.
    pub fn plain(width: usize) -> Style {
        Style { color: false, width }
    }
}

/// Rows of the terminal when stdout is one (for paging), else `None`.
pub fn terminal_rows() -> Option<usize> {
    let rows = terminal_size().1 as usize;
    (std::io::stdout().is_terminal() && rows >= 10).then_some(rows)
}

/// The terminal's columns and rows, `(0, 0)` when stdout is no terminal or will not say.
fn terminal_size() -> (u16, u16) {
    crossterm::terminal::size().unwrap_or((0, 0))
}
