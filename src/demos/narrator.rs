//! The narrator: what a demo says while it runs, in the lesson's language, each process's lines marked
//! with its PID and the time since the demo started, written as soon as they happen.
use std::io::{self, Write};
use std::time::{Duration, Instant};

use crate::i18n::{Lang, Message};
use crate::style::{BOLD, DIM, paint, process_color};

/// Writes a demo's live narration to its output.
pub struct Narrator<'a> {
    out: &'a mut dyn Write,
    lang: Lang,
    color: bool,
    start: Instant,
}

impl<'a> Narrator<'a> {
    pub fn new(out: &'a mut dyn Write, lang: Lang, color: bool) -> Self {
        Narrator {
            out,
            lang,
            color,
            start: Instant::now(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message in the narration's language.
    pub fn word(&self, message: &Message) -> String {
        message.word(self.lang)
    }

    /// The catalog's message `key` (one without values), in the narration's language.
    pub fn text(&self, key: &str) -> String {
        self.lang.text(key)
    }

    /// When the demo started: every timestamp of the narration, the timelines and the JSON counts from here.
    pub fn origin(&self) -> Instant {
        self.start
    }

    /// Seconds since the demo started.
    pub fn elapsed(&self) -> f64 {
        self.start.elapsed().as_secs_f64()
    }

    /// Seconds between the demo's start and `at`.
    pub fn since_start(&self, at: Instant) -> f64 {
        at.saturating_duration_since(self.start).as_secs_f64()
    }

    /// A heading: the demo's name or one of its acts.
    pub fn heading(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "\n{}", paint(self.color, BOLD, text))?;
        self.out.flush()
    }

    /// A line of explanation, worded in the narration's language.
    pub fn say(&mut self, message: &Message) -> io::Result<()> {
        let text = self.word(message);
        self.line(&text)
    }

    /// A heading worded in the narration's language.
    pub fn heading_of(&mut self, message: &Message) -> io::Result<()> {
        let text = self.word(message);
        self.heading(&text)
    }

    /// A process's line worded in the narration's language, stamped now.
    pub fn pid_says(&mut self, pid: i32, message: &Message) -> io::Result<()> {
        let text = self.word(message);
        self.pid(pid, &text)
    }

    /// A process's line worded in the narration's language, stamped `at`.
    pub fn pid_at_says(&mut self, pid: i32, at: f64, message: &Message) -> io::Result<()> {
        let text = self.word(message);
        self.pid_at(pid, at, &text)
    }

    /// A line as it is: code the lesson shows, or text already worded (a drawing's caption).
    pub fn line(&mut self, text: &str) -> io::Result<()> {
        writeln!(self.out, "{text}")?;
        self.out.flush()
    }

    /// A line said by (or about) one process: `+0.512s [pid 12345] text`, stamped now.
    pub fn pid(&mut self, pid: i32, text: &str) -> io::Result<()> {
        let at = self.elapsed();
        self.pid_at(pid, at, text)
    }

    /// A process's line stamped with the time it happened (`at`, seconds since the start).
    pub fn pid_at(&mut self, pid: i32, at: f64, text: &str) -> io::Result<()> {
        let tag = format!("[pid {pid}]");
        let at = paint(self.color, DIM, &format!("+{at:6.3}s"));
        let tag = paint(self.color, process_color(pid), &tag);
        writeln!(self.out, "{at} {tag} {text}")?;
        self.out.flush()
    }

    /// A block of lines drawn elsewhere (a timeline, a histogram, a tree).
    pub fn block(&mut self, text: &str) -> io::Result<()> {
        write!(self.out, "{text}")?;
        if !text.ends_with('\n') {
            writeln!(self.out)?;
        }
        self.out.flush()
    }

    /// The closing summary: one `label: value` per line, labels aligned.
    pub fn summary(&mut self, rows: &[(String, String)]) -> io::Result<()> {
        let title = self.text("demo-summary-title");
        self.heading(&title)?;
        let width = rows
            .iter()
            .map(|(label, _)| label.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in rows {
            let pad = width - label.chars().count();
            writeln!(self.out, "  {label}{:pad$} : {value}", "")?;
        }
        self.out.flush()
    }
}

/// Said when processes that should have had a core each did not: the figures are then the machine's
/// load as much as the lesson's point.
pub fn loaded_machine_note(n: &mut Narrator) -> io::Result<()> {
    n.say(&Message::new("demo-loaded-machine"))
}

/// A duration as a student reads it: `12.3 ms` below a second, `1.52 s` above.
pub fn fmt_duration(d: Duration) -> String {
    fmt_secs(d.as_secs_f64())
}

/// Seconds as a student reads them: `12.3 ms` below a second, `1.52 s` above, `850 µs` below a millisecond.
pub fn fmt_secs(secs: f64) -> String {
    if secs < 0.001 {
        format!("{:.0} µs", secs * 1e6)
    } else if secs < 1.0 {
        format!("{:.1} ms", secs * 1e3)
    } else {
        format!("{secs:.2} s")
    }
}

/// Milliseconds with three decimals, the unit of every timing in the JSON output.
pub fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1e6).round() / 1e3
}

/// A number with groups of three digits, separated as the language's catalog says
/// (`demo-digit-group-separator`: a narrow no-break space in French, `333 333 283 333 335 000 000`;
/// a comma in English).
pub fn group_digits(lang: Lang, digits: &str) -> String {
    let sep = lang.text("demo-digit-group-separator");
    let (sign, digits) = match digits.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", digits),
    };
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push_str(&sep);
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pid_lines_are_stamped_and_tagged() {
        let mut buf = Vec::new();
        let mut n = Narrator::new(&mut buf, Lang::En, false);
        n.pid_at(4242, 0.5, "starts").unwrap();
        n.say(&Message::new("demo-summary-title")).unwrap();
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(text, "+ 0.500s [pid 4242] starts\n— Measured —\n");
    }

    #[test]
    fn digits_are_grouped() {
        assert_eq!(
            group_digits(Lang::En, "333333283333335000000"),
            "333,333,283,333,335,000,000"
        );
        assert_eq!(group_digits(Lang::En, "-1000"), "-1,000");
        assert_eq!(group_digits(Lang::En, "100"), "100");
        assert_eq!(group_digits(Lang::Fr, "1000000"), "1\u{202f}000\u{202f}000");
    }

    #[test]
    fn durations_read_well() {
        assert_eq!(fmt_secs(0.0123), "12.3 ms");
        assert_eq!(fmt_secs(1.5), "1.50 s");
        assert_eq!(fmt_secs(0.00085), "850 µs");
    }
}
