//! The one error type of the process primitives: every way a fork, a child, a pipe or a pool can fail.
use std::io;

use super::status::Exit;

/// What went wrong in a process primitive. `Interrupted` and `Timeout` are expected outcomes a caller
/// (the REPL, a demo) handles; the others are failures to report.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// `fork` in a multi-threaded process is undefined behaviour for anything but async-signal-safe code.
    #[error("refusing to fork: this process runs {threads} threads (fork is only safe single-threaded)")]
    MultiThreaded {
        /// Threads counted in `/proc/self/stat`.
        threads: usize,
    },
    /// The `fork` system call itself failed (process limit, memory).
    #[error("fork failed: {0}")]
    Fork(#[source] io::Error),
    /// A pool worker ended while it had work (killed, crashed, exited).
    #[error("worker {pid} died ({status}){}", task_note(.task))]
    WorkerDied {
        /// The worker's process id.
        pid: i32,
        /// The task it was running, when known.
        task: Option<usize>,
        /// How it ended.
        status: Exit,
    },
    /// A task (in a pool) or a child's closure panicked.
    #[error("process {pid} panicked{}: {message}", task_note(.task))]
    Panicked {
        /// The process that panicked.
        pid: i32,
        /// The pool task, when it was one.
        task: Option<usize>,
        /// The panic's message.
        message: String,
    },
    /// Ctrl-C while an [`interrupt::Guard`](super::interrupt::Guard) was held; the children involved
    /// have been killed and reaped.
    #[error("interrupted")]
    Interrupted,
    /// A deadline given by the caller passed.
    #[error("timed out")]
    Timeout,
    /// The other end of a pipe or queue is closed (every writer gone).
    #[error("the other end is closed")]
    Disconnected,
    /// A queue whose framing was broken by a process that died in the middle of a message larger
    /// than its buffer.
    #[error("the queue is unusable: a process died in the middle of a large message")]
    Poisoned,
    /// The pool was closed, terminated or broken by an earlier failure.
    #[error("the pool is closed")]
    PoolClosed,
    /// A message could not be encoded or decoded.
    #[error("serialisation: {0}")]
    Serde(#[from] postcard::Error),
    /// Any other system call failure.
    #[error(transparent)]
    Io(#[from] io::Error),
}

fn task_note(task: &Option<usize>) -> String {
    match task {
        Some(index) => format!(" while running task {index}"),
        None => String::new(),
    }
}

/// The module's result type.
pub type Result<T> = std::result::Result<T, Error>;

impl From<Error> for io::Error {
    fn from(err: Error) -> io::Error {
        match err {
            Error::Io(e) => e,
            other => io::Error::other(other),
        }
    }
}
