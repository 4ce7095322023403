//! Turning the lesson model into terminal text: termimad for prose and tables, syntect for code,
//! `<details>` folded behind a one-line invitation. Plain text (no escape sequence at all) when
//! [`crate::style`] says no colour (a pipe, `NO_COLOR`, `--color never`).
mod highlight;
mod lesson;
pub mod pager;

use std::io::IsTerminal;

pub use lesson::{render_details, render_lesson, render_section};

/// How to draw: with colour or plain, and how wide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// Colour as [`crate::style`] decides; the terminal's width, or 80 when not a terminal.
    pub fn detect() -> Style {
        let tty = std::io::stdout().is_terminal();
        // A fresh pseudo-terminal may report 0×0 or nonsense: take 80 columns then.
        let width = match termimad::terminal_size().0 as usize {
            w if tty && w >= 30 => w.min(120),
            _ => 80,
        };
        Style {
            color: crate::style::stdout_color(),
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
    let rows = termimad::terminal_size().1 as usize;
    (std::io::stdout().is_terminal() && rows >= 10).then_some(rows)
}
