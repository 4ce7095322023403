//! A process group for one demo's children, so that a caller can kill them all with one `killpg`.
//!
//! The group is led by a tiny *anchor* child that only sleeps: a group lives as long as one member
//! does, so the anchor keeps the group id valid while real children come and go.
use super::error::Result;
use super::fork;
use super::reap;

/// A process group; children started with it join it. **Drop** kills every member still in it
/// (SIGKILL) and reaps the anchor; the owners of the other members ([`Process`](super::Process),
/// [`Pool`](super::Pool)) reap theirs.
#[derive(Debug)]
pub struct Group {
    anchor: i32,
}

impl Group {
    /// Creates the group (forks the anchor).
    pub fn new() -> Result<Group> {
        let anchor = fork::fork_in(Some(0), || -> i32 {
            // Hold no descriptor of the parent: a stray pipe end would hide end-of-file from a reader.
            fork::close_fds_except(&[]);
            loop {
                // SAFETY: pause only waits for a signal.
                unsafe { libc::pause() };
            }
        })?;
        Ok(Group { anchor })
    }

    /// The group id (the anchor's pid).
    pub fn pgid(&self) -> i32 {
        self.anchor
    }

    /// Sends `signal` to every member (the anchor included).
    pub fn kill(&self, signal: i32) -> Result<()> {
        // SAFETY: plain system call on a group whose leader is our own unreaped child.
        if unsafe { libc::killpg(self.anchor, signal) } != 0 {
            return Err(std::io::Error::last_os_error().into());
        }
        Ok(())
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        let _ = self.kill(libc::SIGKILL);
        reap::blocking_wait_ignoring_interrupts(self.anchor);
    }
}
