//! Turning the lesson model into terminal text: termimad for prose and tables, syntect for code,
//! `<details>` folded behind a one-line invitation. Plain text (no escape sequence at all) when stdout
//! is not a terminal or `NO_COLOR` is set.
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
    /// Colour only on a terminal without `NO_COLOR`; the terminal's width, or 80 when not a terminal.
    pub fn detect() -> Style {
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let width = if tty {
            termimad::terminal_size().0 as usize
        } else {
            80
        };
        Style {
            color: tty && !no_color,
            width: width.clamp(20, 120),
        }
    }

    /// Plain text at `width` columns.
    pub fn plain(width: usize) -> Style {
        Style { color: false, width }
    }
}

/// Rows of the terminal when stdout is one (for paging), else `None`.
pub fn terminal_rows() -> Option<usize> {
    std::io::stdout()
        .is_terminal()
        .then(|| termimad::terminal_size().1 as usize)
}
