//! `Process`: a closure run in a forked child, with Python's `start`/`join`/`exitcode`/`terminate`.
use std::time::Duration;

use super::error::{Error, Result};
use super::fork::{self, ChildExit};
use super::group::Group;
use super::reap;
use super::status::Exit;

/// A child process running a closure.
///
/// **Drop**: a child not yet joined is killed (SIGKILL) and reaped, so a `Process` never leaves a
/// zombie nor an orphan behind; join it first to let it finish.
#[derive(Debug)]
pub struct Process {
    pid: i32,
    exit: Option<Exit>,
}

impl Process {
    /// Forks a child that runs `f` and exits (0, the closure's code, or
    /// [`PANIC_EXIT_CODE`](super::fork::PANIC_EXIT_CODE) on panic). Python's `Process(target=f).start()`.
    pub fn start<F, R>(f: F) -> Result<Process>
    where
        F: FnOnce() -> R,
        R: ChildExit,
    {
        Process::start_in(None, f)
    }

    /// As [`Process::start`], the child placed in `group` so that the caller can kill them all.
    pub fn start_in<F, R>(group: Option<&Group>, f: F) -> Result<Process>
    where
        F: FnOnce() -> R,
        R: ChildExit,
    {
        let pid = fork::fork_in(group.map(Group::pgid), f)?;
        Ok(Process { pid, exit: None })
    }

    /// The child's process id.
    pub fn pid(&self) -> i32 {
        self.pid
    }

    /// Waits for the child to end. On Ctrl-C (under an interrupt guard) the child is killed and
    /// reaped and `Err(Interrupted)` is returned.
    pub fn join(&mut self) -> Result<Exit> {
        match self.wait(None)? {
            Some(exit) => Ok(exit),
            None => unreachable!("a wait without deadline cannot time out"),
        }
    }

    /// Waits at most `timeout`; `Ok(None)` if the child is still running (Python's `join(timeout)`).
    pub fn join_timeout(&mut self, timeout: Duration) -> Result<Option<Exit>> {
        self.wait(Some(timeout))
    }

    /// Waits, then turns a non-zero end into an error: [`Error::Panicked`] for a panic,
    /// [`Error::WorkerDied`] otherwise. Handy when a failed child should fail the caller.
    pub fn join_ok(&mut self) -> Result<()> {
        match self.join()? {
            exit if exit.success() => Ok(()),
            exit if exit.panicked() => Err(Error::Panicked {
                pid: self.pid,
                task: None,
                message: "the child's closure panicked (see its stderr)".into(),
            }),
            status => Err(Error::WorkerDied {
                pid: self.pid,
                task: None,
                status,
            }),
        }
    }

    fn wait(&mut self, timeout: Option<Duration>) -> Result<Option<Exit>> {
        if let Some(exit) = self.exit {
            return Ok(Some(exit));
        }
        match reap::wait(self.pid, timeout) {
            Ok(found) => {
                self.exit = found;
                Ok(found)
            }
            Err(err) => {
                if matches!(err, Error::Interrupted) {
                    self.exit = reap::kill_and_reap(self.pid);
                }
                Err(err)
            }
        }
    }

    /// How the child ended, if it has been reaped (Python's `exitcode`, which is `None` while running).
    pub fn exit(&self) -> Option<Exit> {
        self.exit
    }

    /// True while the child runs (reaps it if it has ended).
    pub fn is_alive(&mut self) -> Result<bool> {
        if self.exit.is_some() {
            return Ok(false);
        }
        self.exit = reap::try_wait(self.pid)?;
        Ok(self.exit.is_none())
    }

    /// Sends SIGTERM (Python's `terminate`); join afterwards to reap.
    pub fn terminate(&self) -> Result<()> {
        self.signal(libc::SIGTERM)
    }

    /// Sends SIGKILL (Python's `kill`); join afterwards to reap.
    pub fn kill(&self) -> Result<()> {
        self.signal(libc::SIGKILL)
    }

    /// Sends any signal to the child (nothing once it has been reaped: its pid may be reused).
    pub fn signal(&self, signal: i32) -> Result<()> {
        if self.exit.is_some() {
            return Ok(());
        }
        // SAFETY: plain system call on our own child, not yet reaped so the pid is still ours.
        if unsafe { libc::kill(self.pid, signal) } != 0 {
            return Err(std::io::Error::last_os_error().into());
        }
        Ok(())
    }
}

impl Drop for Process {
    fn drop(&mut self) {
        if self.exit.is_none() {
            self.exit = reap::kill_and_reap(self.pid);
        }
    }
}
