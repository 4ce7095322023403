//! Turning the lesson model into terminal text: prose, lists and tables from pulldown-cmark's events
//! (CommonMark's inline rules), wrapped by display width (piped, by bytes too: see
//! [`Style::fit_bytes`]); syntect for code; `<details>` folded behind
//! a one-line invitation. Plain text (no escape sequence at all) when stdout is not a terminal or
//! [`crate::style`] says no colour (a pipe, `NO_COLOR`, `--color never`): code keeps its backticks,
//! links print their address.
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
    /// Plain lines must also fit `width` in bytes: the tools that read a pipe or a file (mawk's
    /// `length`, GNU `fold`, `cut -c`) count bytes, and an accent is two of them. A terminal shows
    /// columns, so there only the display width counts.
    pub fit_bytes: bool,
}

impl Style {
    /// Colour as [`crate::style`] decides (`--color`, `NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb`); the
    /// terminal's width, or 80 when not a terminal.
    pub fn detect() -> Style {
        let tty = std::io::stdout().is_terminal();
        // A fresh pseudo-terminal may report 0×0 or nonsense: take 80 columns then.
        let width = match terminal_size().0 as usize {
            w if tty && w >= 30 => w.min(120),
            _ => 80,
        };
        Style {
            color: crate::style::stdout_color(),
            width,
            fit_bytes: !tty,
        }
    }

    /// Plain text at `width` columns, as written to a pipe or a file (each line fits in bytes too).
    pub fn plain(width: usize) -> Style {
        Style {
            color: false,
            width,
            fit_bytes: true,
        }
    }

    /// Plain text at `width` columns of a terminal (display width only).
    pub fn plain_terminal(width: usize) -> Style {
        Style {
            fit_bytes: false,
            ..Style::plain(width)
        }
    }

    /// Text in colour at `width` columns of a terminal.
    pub fn colour(width: usize) -> Style {
        Style {
            color: true,
            width,
            fit_bytes: false,
        }
    }

    /// Whether lines are measured in bytes as well as columns: plain text bound for a pipe (in
    /// colour, escape sequences make a byte count meaningless anyway).
    fn counts_bytes(self) -> bool {
        self.fit_bytes && !self.color
    }

    /// How much of the line `c` takes: its display width, or its bytes when those count and are more.
    pub fn char_width(self, c: char) -> usize {
        use unicode_width::UnicodeWidthChar;
        let columns = c.width().unwrap_or(0);
        if self.counts_bytes() {
            columns.max(c.len_utf8())
        } else {
            columns
        }
    }

    /// How much of the line `text` (no escape sequence) takes, as [`Style::char_width`] measures.
    pub fn text_width(self, text: &str) -> usize {
        if self.counts_bytes() {
            text.chars().map(|c| self.char_width(c)).sum()
        } else {
            textwrap::core::display_width(text)
        }
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
