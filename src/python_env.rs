//! The environment every Python program atelier runs gets on top of its own (a lesson's example in
//! the REPL, a submission and its reference solution in the grader), so that a program behaves the
//! same in both and as its author sees it in a terminal.

/// `(name, value)` pairs:
/// - `PYTHONUNBUFFERED`: Python's stdout to a pipe is block-buffered; without this, an
///   `imap_unordered` program's progress would show only at the end (the lesson would seem wrong,
///   and every correct streamed program would be judged unstreamed);
/// - `PYTHONDONTWRITEBYTECODE`: no `__pycache__` left in a student's or a run's folder;
/// - `PYTHONIOENCODING`: accents print the same whatever the locale (`LANG=C` included).
pub const PYTHON_ENV: [(&str, &str); 3] = [
    ("PYTHONUNBUFFERED", "1"),
    ("PYTHONDONTWRITEBYTECODE", "1"),
    ("PYTHONIOENCODING", "utf-8"),
];
