//! Where the REPL's lines come from: the line editor on a terminal, or piped stdin. Commands that
//! ask a question mid-way (a quiz answer, a prediction) read through the same [`Input`].
use std::io::{BufRead, Write};

/// One read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Read {
    Line(String),
    /// Ctrl-C at the prompt.
    Interrupted,
    /// Ctrl-D, or the end of piped input.
    Eof,
}

/// A source of lines.
pub trait Input {
    fn read(&mut self, prompt: &str, out: &mut dyn Write) -> Read;
}

/// Lines from a reader (piped stdin, tests). The prompt and the line are echoed to `out`, so a
/// transcript of a scripted session reads like the terminal one.
pub struct Lines<R: BufRead> {
    pub reader: R,
}

impl<R: BufRead> Input for Lines<R> {
    fn read(&mut self, prompt: &str, out: &mut dyn Write) -> Read {
        let mut line = String::new();
        match self.reader.read_line(&mut line) {
            Ok(0) | Err(_) => Read::Eof,
            Ok(_) => {
                let line = line.trim_end_matches(['\n', '\r']).to_string();
                let _ = writeln!(out, "{prompt}{line}");
                Read::Line(line)
            }
        }
    }
}
