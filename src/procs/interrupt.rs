//! Ctrl-C as a value: while a [`Guard`] is held, SIGINT only sets a flag, and every blocking
//! operation of this module (join, pool iteration, queue get, pipe recv, lock acquire) notices it,
//! kills and reaps the children it owns, and returns [`Error::Interrupted`].
//!
//! The handler is installed *without* `SA_RESTART`, so a blocked system call returns `EINTR` at
//! once. To close the window between checking the flag and entering a blocking call, waits made
//! while a guard is held are cut in slices of [`SLICE`] and the flag is checked between slices.
use std::io;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use super::error::{Error, Result};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static GUARDS: AtomicUsize = AtomicUsize::new(0);

/// The longest a blocking call sleeps between two looks at the flag while a guard is held.
pub const SLICE: Duration = Duration::from_millis(50);

extern "C" fn on_sigint(_signal: libc::c_int) {
    // Only an atomic store: async-signal-safe.
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Holds the SIGINT handler; dropping it restores the previous disposition.
#[must_use = "the handler is removed when the guard is dropped"]
pub struct Guard {
    previous: libc::sigaction,
}

impl Guard {
    /// Installs the handler and clears any earlier request.
    pub fn install() -> io::Result<Guard> {
        REQUESTED.store(false, Ordering::SeqCst);
        // SAFETY: a zeroed sigaction is a valid value (no handler, empty mask, no flags).
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = on_sigint as extern "C" fn(libc::c_int) as usize;
        action.sa_flags = 0; // no SA_RESTART: blocked calls must return EINTR
        // SAFETY: `sa_mask` is a valid sigset_t owned by `action`.
        unsafe { libc::sigemptyset(&mut action.sa_mask) };
        // SAFETY: as above, an all-zero sigaction is a valid out-parameter.
        let mut previous: libc::sigaction = unsafe { std::mem::zeroed() };
        // SAFETY: both pointers refer to live sigaction values; the handler only stores an atomic.
        if unsafe { libc::sigaction(libc::SIGINT, &action, &mut previous) } != 0 {
            return Err(io::Error::last_os_error());
        }
        GUARDS.fetch_add(1, Ordering::SeqCst);
        Ok(Guard { previous })
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // SAFETY: restores the disposition saved by `install`; a null old-action pointer is allowed.
        unsafe { libc::sigaction(libc::SIGINT, &self.previous, std::ptr::null_mut()) };
        GUARDS.fetch_sub(1, Ordering::SeqCst);
        REQUESTED.store(false, Ordering::SeqCst);
    }
}

/// True when Ctrl-C arrived while a guard was held (and has not been cleared).
pub fn requested() -> bool {
    REQUESTED.load(Ordering::Relaxed)
}

/// `Err(Interrupted)` when Ctrl-C arrived.
pub fn check() -> Result<()> {
    if requested() {
        Err(Error::Interrupted)
    } else {
        Ok(())
    }
}

/// Forgets a pending request (the REPL calls this once it has returned to the prompt).
pub fn clear() {
    REQUESTED.store(false, Ordering::SeqCst);
}

/// Sets the flag as SIGINT would: for tests and for callers that interrupt for their own reasons.
pub fn request() {
    REQUESTED.store(true, Ordering::SeqCst);
}

/// True while a guard is held: blocking calls then wait in slices.
pub fn active() -> bool {
    GUARDS.load(Ordering::Relaxed) != 0
}

/// The longest single wait allowed now: `SLICE` under a guard, unbounded otherwise.
pub(crate) fn slice(remaining: Option<Duration>) -> Option<Duration> {
    match (active(), remaining) {
        (true, Some(r)) => Some(r.min(SLICE)),
        (true, None) => Some(SLICE),
        (false, r) => r,
    }
}

/// In a freshly forked child: the parent's guards do not apply (SIGINT is back to its default).
pub(crate) fn reset_in_child() {
    GUARDS.store(0, Ordering::SeqCst);
    REQUESTED.store(false, Ordering::SeqCst);
}
