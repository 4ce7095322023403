//! Paging a long text on a terminal, so that a section reads comfortably screen by screen.
use std::io::{self, Write};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyModifiers};
use crossterm::terminal;

use crate::i18n::Lang;

/// Puts the terminal back in cooked mode on every path, even after an error.
struct RawMode;

impl RawMode {
    fn enable() -> io::Result<RawMode> {
        terminal::enable_raw_mode()?;
        Ok(RawMode)
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = terminal::disable_raw_mode();
    }
}

/// Writes `text`; when `rows` is given and the text is longer, one screen at a time: Space/Enter goes
/// on, `q`/Esc/Ctrl-C stops.
pub fn page(text: &str, rows: Option<usize>, lang: Lang, out: &mut dyn Write) -> io::Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    let page_len = match rows {
        Some(rows) if lines.len() + 1 > rows => rows.saturating_sub(2).max(5),
        _ => {
            out.write_all(text.as_bytes())?;
            return out.flush();
        }
    };
    let mut shown = 0;
    while shown < lines.len() {
        let end = (shown + page_len).min(lines.len());
        for line in &lines[shown..end] {
            writeln!(out, "{line}")?;
        }
        shown = end;
        if shown >= lines.len() {
            break;
        }
        let more = crate::msg!("repl-pager-more", shown = shown, total = lines.len());
        let prompt = super::escape::reverse(&more.word(lang));
        write!(out, "{prompt}")?;
        out.flush()?;
        let more = wait_key()?;
        crate::style::clear_line(out)?;
        if !more {
            break;
        }
    }
    out.flush()
}

/// `true` to go on, `false` to stop.
fn wait_key() -> io::Result<bool> {
    let _raw = RawMode::enable()?;
    loop {
        if let Event::Key(KeyEvent { code, modifiers, .. }) = event::read()? {
            return Ok(match code {
                KeyCode::Char('c') if modifiers.contains(KeyModifiers::CONTROL) => false,
                KeyCode::Char('q') | KeyCode::Esc => false,
                _ => true,
            });
        }
    }
}
