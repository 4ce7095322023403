//! The one colour decision, and the only module that writes terminal escape sequences.
//!
//! `--color auto|always|never` is recorded once ([`set_choice`]); with `auto` (the default), anstream
//! decides as the command-line conventions say: `NO_COLOR` (non-empty) turns colour off,
//! `CLICOLOR_FORCE` turns it on even through a pipe, `CLICOLOR=0` turns it off, and otherwise colour
//! needs stdout to be a terminal whose `TERM` is not `dumb`. Everything that draws asks
//! [`stdout_color`] and paints through [`paint`] with the named styles below.
use std::io::{self, Write};

pub use anstyle::Style;
use anstyle::{AnsiColor, Effects};

/// What `--color` asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, as the environment allows.
    #[default]
    Auto,
    /// Colour even through a pipe.
    Always,
    /// Never colour.
    Never,
}

/// Records `--color` for the whole process; called once by the command layer, before any output.
pub fn set_choice(choice: ColorChoice) {
    anstream::ColorChoice::write_global(match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        // ANSI sequences as they are: atelier runs on Unix terminals, which all understand them.
        ColorChoice::Always => anstream::ColorChoice::AlwaysAnsi,
        ColorChoice::Never => anstream::ColorChoice::Never,
    });
}

/// Whether what atelier writes to stdout is coloured.
pub fn stdout_color() -> bool {
    anstream::AutoStream::choice(&io::stdout()) != anstream::ColorChoice::Never
}

/// Bold text: a heading, the exercise's id.
pub const BOLD: Style = Style::new().effects(Effects::BOLD);
/// Dim text: timestamps, frames, secondary figures.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);
/// Reverse video: the pager's prompt.
pub const INVERT: Style = Style::new().effects(Effects::INVERT);
/// A pass.
pub const GREEN: Style = AnsiColor::Green.on_default();
/// A failure.
pub const RED: Style = AnsiColor::Red.on_default();
/// An error of the grader, a folded block.
pub const YELLOW: Style = AnsiColor::Yellow.on_default();
/// A folded `<details>` invitation.
pub const BOLD_YELLOW: Style = AnsiColor::Yellow.on_default().effects(Effects::BOLD);

/// Six colours that stay readable on dark and light terminals, one per process (by its PID).
pub const PROCESS_COLORS: [Style; 6] = [
    AnsiColor::Cyan.on_default(),
    AnsiColor::Yellow.on_default(),
    AnsiColor::Magenta.on_default(),
    AnsiColor::Green.on_default(),
    AnsiColor::Blue.on_default(),
    AnsiColor::Red.on_default(),
];

/// The colour of process `pid`'s lines, the same for the same PID.
pub fn process_color(pid: i32) -> Style {
    PROCESS_COLORS[pid.unsigned_abs() as usize % PROCESS_COLORS.len()]
}

/// `text` in `style` when `color` is on, else as it is.
pub fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

/// An OSC 8 hyperlink around already painted text (terminals without them show the text alone).
pub fn hyperlink(url: &str, text: &str) -> String {
    // The URL must not carry the escape or the string terminator itself.
    let url: String = url.chars().filter(|c| !c.is_control()).collect();
    format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
}

/// Ends whatever style came before (syntect's highlighted code leaves its last colour on).
pub fn reset() -> impl std::fmt::Display {
    anstyle::Reset.render()
}

/// Erases the terminal's current line and returns to its start (after a prompt written in place).
pub fn clear_line(out: &mut dyn Write) -> io::Result<()> {
    use crossterm::QueueableCommand;
    use crossterm::terminal::{Clear, ClearType};
    out.write_all(b"\r")?;
    out.queue(Clear(ClearType::CurrentLine))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paint_only_when_on() {
        assert_eq!(paint(false, RED, "x"), "x");
        assert_eq!(paint(true, RED, "x"), "\u{1b}[31mx\u{1b}[0m");
        assert_eq!(paint(true, BOLD, "x"), "\u{1b}[1mx\u{1b}[0m");
    }

    #[test]
    fn one_colour_per_pid() {
        assert_eq!(process_color(7), process_color(7));
        assert_ne!(process_color(1), process_color(2));
    }
}
