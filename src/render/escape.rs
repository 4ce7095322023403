//! Every escape sequence the renderer writes, in one file, so that plain mode (no TTY, `NO_COLOR`) is
//! "never call this file" and the style decisions can move to one module later without a hunt.
//!
//! SGR parameters are chosen to stay readable on dark and light terminals alike.

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
    /// A foreground colour (an SGR code such as 36), 0 for the default.
    pub color: u8,
}

impl Look {
    fn sgr(self) -> String {
        let mut codes: Vec<String> = Vec::new();
        if self.bold {
            codes.push("1".into());
        }
        if self.dim {
            codes.push("2".into());
        }
        if self.italic {
            codes.push("3".into());
        }
        if self.underline {
            codes.push("4".into());
        }
        if self.strike {
            codes.push("9".into());
        }
        if self.code {
            // A warm foreground: no background, which would pad and glare across wrapped lines.
            codes.push("38;5;179".into());
        } else if self.color != 0 {
            codes.push(self.color.to_string());
        }
        codes.join(";")
    }
}

/// `text` drawn with `look`, closed again (no state crosses a line or a word).
pub fn paint(text: &str, look: Look) -> String {
    let sgr = look.sgr();
    if sgr.is_empty() || text.is_empty() {
        text.to_string()
    } else {
        format!("\x1b[{sgr}m{text}\x1b[0m")
    }
}

/// An OSC 8 hyperlink around already painted text (terminals without them show the text alone).
pub fn hyperlink(url: &str, text: &str) -> String {
    // The URL must not carry the escape or the string terminator itself.
    let url: String = url.chars().filter(|c| !c.is_control()).collect();
    format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
}

/// Reverse video, for the pager's prompt.
pub fn reverse(text: &str) -> String {
    format!("\x1b[7m{text}\x1b[0m")
}

/// Back to the start of the line and clear it (the pager removes its prompt).
pub const CLEAR_LINE: &str = "\r\x1b[2K";

/// A highlighted code line ends with this, so that no colour leaks past the frame.
pub const RESET: &str = "\x1b[0m";
