//! How a child ended: an exit code or a signal, decoded once from `waitpid`'s status word.
use std::fmt;

/// The end of a child process, as Python's `exitcode` sees it (a code, or minus the signal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Exit {
    /// `_exit(code)`. [`PANIC_EXIT_CODE`](super::fork::PANIC_EXIT_CODE) means the closure panicked.
    Code(i32),
    /// Killed by this signal number.
    Signal(i32),
}

impl Exit {
    /// Decodes a raw `waitpid` status.
    pub fn from_wait_status(status: i32) -> Exit {
        if libc::WIFSIGNALED(status) {
            Exit::Signal(libc::WTERMSIG(status))
        } else {
            Exit::Code(libc::WEXITSTATUS(status))
        }
    }

    /// True for `Code(0)`.
    pub fn success(self) -> bool {
        self == Exit::Code(0)
    }

    /// Python's `Process.exitcode`: the code, or the negated signal number.
    pub fn python_exitcode(self) -> i32 {
        match self {
            Exit::Code(code) => code,
            Exit::Signal(signal) => -signal,
        }
    }

    /// True when the child's closure panicked.
    pub fn panicked(self) -> bool {
        self == Exit::Code(super::fork::PANIC_EXIT_CODE)
    }
}

impl fmt::Display for Exit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Exit::Code(code) if code == super::fork::PANIC_EXIT_CODE => {
                write!(f, "exit code {code}: panicked")
            }
            Exit::Code(code) => write!(f, "exit code {code}"),
            Exit::Signal(signal) => write!(f, "killed by signal {signal} ({})", signal_name(signal)),
        }
    }
}

/// The usual name of a signal number (`SIGKILL`), for messages.
pub fn signal_name(signal: i32) -> String {
    nix::sys::signal::Signal::try_from(signal)
        .map(|s| s.as_str().to_string())
        .unwrap_or_else(|_| format!("signal {signal}"))
}
