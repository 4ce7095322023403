//! How the renderer's inline runs look in colour, built on [`crate::style`] (the one module that
//! writes escape sequences): plain mode (no TTY, `NO_COLOR`) is "never call this file".
//!
//! Colours are chosen to stay readable on dark and light terminals alike.
use anstyle::{Ansi256Color, AnsiColor, Color, Effects};

/// How a run of inline text looks in colour.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
    pub strike: bool,
    /// Dimmed: images' and links' addresses, frames.
    pub dim: bool,
    /// Underlined: headings of level 1, link text.
    pub underline: bool,
    /// A foreground colour as an SGR code (31 red … 37 white, 90–97 bright), 0 for the default.
    pub color: u8,
}

impl Look {
    fn style(self) -> anstyle::Style {
        let mut effects = Effects::new();
        for (on, effect) in [
            (self.bold, Effects::BOLD),
            (self.dim, Effects::DIMMED),
            (self.italic, Effects::ITALIC),
            (self.underline, Effects::UNDERLINE),
            (self.strike, Effects::STRIKETHROUGH),
        ] {
            if on {
                effects |= effect;
            }
        }
        // Code in a warm foreground: no background, which would pad and glare across wrapped lines.
        let color = if self.code {
            Some(Color::Ansi256(Ansi256Color(179)))
        } else {
            sgr_color(self.color).map(Color::Ansi)
        };
        anstyle::Style::new().effects(effects).fg_color(color)
    }
}

fn sgr_color(code: u8) -> Option<AnsiColor> {
    const BASE: [AnsiColor; 8] = [
        AnsiColor::Black,
        AnsiColor::Red,
        AnsiColor::Green,
        AnsiColor::Yellow,
        AnsiColor::Blue,
        AnsiColor::Magenta,
        AnsiColor::Cyan,
        AnsiColor::White,
    ];
    match code {
        30..=37 => Some(BASE[usize::from(code - 30)]),
        90..=97 => Some(BASE[usize::from(code - 90)].bright(true)),
        _ => None,
    }
}

/// `text` drawn with `look`, closed again (no state crosses a line or a word).
pub fn paint(text: &str, look: Look) -> String {
    if text.is_empty() || look == Look::default() {
        text.to_string()
    } else {
        crate::style::paint(true, look.style(), text)
    }
}

/// An OSC 8 hyperlink around already painted text (terminals without them show the text alone).
pub fn hyperlink(url: &str, text: &str) -> String {
    crate::style::hyperlink(url, text)
}

/// Reverse video, for the pager's prompt.
pub fn reverse(text: &str) -> String {
    crate::style::paint(true, crate::style::INVERT, text)
}

/// A highlighted code line ends with this, so that no colour leaks past the frame.
pub fn reset() -> String {
    crate::style::reset().to_string()
}
