//! stdout and stderr kept in capped buffers, each line stamped with its arrival time.
//!
//! The cap is what keeps a flood from swelling the grader: past it nothing more is stored and the run
//! is stopped with `output-limit`.
use super::report::{OutputLine, Stream};

/// Lines recorded with their arrival time, at most; beyond, text is still kept but not split.
const MAX_LINES: usize = 200_000;

#[derive(Debug)]
struct Buffer {
    bytes: Vec<u8>,
    /// Start of the line not yet ended by a newline.
    line_start: usize,
    truncated: bool,
}

/// Both streams of a run.
#[derive(Debug)]
pub struct Capture {
    limit: usize,
    out: Buffer,
    err: Buffer,
    lines: Vec<OutputLine>,
    last_at: f64,
}

impl Capture {
    pub fn new(limit: u64) -> Capture {
        let limit = usize::try_from(limit).unwrap_or(usize::MAX);
        let empty = || Buffer {
            bytes: Vec::new(),
            line_start: 0,
            truncated: false,
        };
        Capture {
            limit,
            out: empty(),
            err: empty(),
            lines: Vec::new(),
            last_at: 0.0,
        }
    }

    /// Adds bytes read from `stream` at `at_s`. Returns false when the stream went over the cap.
    pub fn push(&mut self, stream: Stream, data: &[u8], at_s: f64) -> bool {
        self.last_at = at_s;
        let limit = self.limit;
        let buffer = match stream {
            Stream::Stdout => &mut self.out,
            Stream::Stderr => &mut self.err,
        };
        let room = limit.saturating_sub(buffer.bytes.len());
        let kept = &data[..data.len().min(room)];
        let from = buffer.bytes.len();
        buffer.bytes.extend_from_slice(kept);
        for (i, byte) in kept.iter().enumerate() {
            if *byte == b'\n' {
                let end = from + i;
                if self.lines.len() < MAX_LINES {
                    let text = String::from_utf8_lossy(&buffer.bytes[buffer.line_start..end]);
                    let text = text.strip_suffix('\r').unwrap_or(&text).to_string();
                    self.lines.push(OutputLine { stream, at_s, text });
                }
                buffer.line_start = end + 1;
            }
        }
        if kept.len() < data.len() {
            buffer.truncated = true;
        }
        !buffer.truncated
    }

    /// The text of both streams (invalid UTF-8 replaced), whether each was cut, and the lines
    /// (a last line without a newline counts, stamped with the last arrival).
    pub fn finish(mut self) -> Finished {
        for (stream, buffer) in [(Stream::Stdout, &self.out), (Stream::Stderr, &self.err)] {
            if buffer.line_start < buffer.bytes.len() && self.lines.len() < MAX_LINES {
                let text = String::from_utf8_lossy(&buffer.bytes[buffer.line_start..]).into_owned();
                self.lines.push(OutputLine {
                    stream,
                    at_s: self.last_at,
                    text,
                });
            }
        }
        Finished {
            stdout: String::from_utf8_lossy(&self.out.bytes).into_owned(),
            stderr: String::from_utf8_lossy(&self.err.bytes).into_owned(),
            stdout_truncated: self.out.truncated,
            stderr_truncated: self.err.truncated,
            lines: self.lines,
        }
    }
}

pub struct Finished {
    pub stdout: String,
    pub stderr: String,
    pub stdout_truncated: bool,
    pub stderr_truncated: bool,
    pub lines: Vec<OutputLine>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_carry_their_arrival_and_partial_lines_wait_for_the_newline() {
        let mut capture = Capture::new(100);
        assert!(capture.push(Stream::Stdout, b"hel", 0.1));
        assert!(capture.push(Stream::Stdout, b"lo\nwor", 0.2));
        assert!(capture.push(Stream::Stderr, b"oops\r\n", 0.3));
        assert!(capture.push(Stream::Stdout, b"ld", 0.4));
        let done = capture.finish();
        let lines: Vec<(&str, f64)> = done.lines.iter().map(|l| (l.text.as_str(), l.at_s)).collect();
        assert_eq!(lines, [("hello", 0.2), ("oops", 0.3), ("world", 0.4)]);
        assert_eq!(done.stdout, "hello\nworld");
    }

    #[test]
    fn a_flood_is_cut_at_the_cap_and_reported() {
        let mut capture = Capture::new(8);
        assert!(capture.push(Stream::Stdout, b"1234", 0.0));
        assert!(!capture.push(Stream::Stdout, b"56789\n", 0.1));
        let done = capture.finish();
        assert_eq!(done.stdout, "12345678");
        assert!(done.stdout_truncated && !done.stderr_truncated);
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        let mut capture = Capture::new(100);
        capture.push(Stream::Stdout, b"caf\xe9\n", 0.0);
        assert_eq!(capture.finish().lines[0].text, "caf\u{fffd}");
    }
}
