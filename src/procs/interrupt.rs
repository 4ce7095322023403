//! Ctrl-C as a value: while a [`Guard`] is held, SIGINT only sets a flag, and every blocking
//! operation of this module (join, pool iteration, queue get, pipe recv, lock acquire) notices it,
//! kills and reaps the children it owns, and returns [`Error::Interrupted`].
//!
//! The handler is installed *without* `SA_RESTART`, so a blocked system call returns `EINTR` at
//! once. To close the window between checking the flag and entering a blocking call, waits made
//! while a guard is held are cut in slices of [`SLICE`] and the flag is checked between slices.
use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicUsize, Ordering};
use std::time::Duration;

use super::error::{Error, Result};

static REQUESTED: AtomicBool = AtomicBool::new(false);
static GUARDS: AtomicUsize = AtomicUsize::new(0);

/// The longest a blocking call sleeps between two looks at the flag while a guard is held.
pub const SLICE: Duration = Duration::from_millis(50);

/// The signal that set the flag (0: none, or [`request`]).
static SIGNAL: AtomicI32 = AtomicI32::new(0);

extern "C" fn on_signal(signal: libc::c_int) {
    // Only atomic stores: async-signal-safe.
    SIGNAL.store(signal, Ordering::SeqCst);
    REQUESTED.store(true, Ordering::SeqCst);
}

/// Holds the handler (SIGINT, and SIGTERM for [`Guard::install_stop`]); dropping it restores the
/// previous dispositions.
#[must_use = "the handler is removed when the guard is dropped"]
pub struct Guard {
    previous: Vec<(libc::c_int, libc::sigaction)>,
    /// Counted in [`GUARDS`]: only once every handler was installed.
    counted: bool,
}

impl Guard {
    /// Installs the SIGINT handler and clears any earlier request.
    pub fn install() -> io::Result<Guard> {
        Guard::install_for(&[libc::SIGINT])
    }

    /// Installs the handler for SIGINT and SIGTERM: a batch (`atelier grade`) asked to stop by a
    /// scheduler or a terminal stops its runs and cleans up instead of dying on the spot.
    pub fn install_stop() -> io::Result<Guard> {
        Guard::install_for(&[libc::SIGINT, libc::SIGTERM])
    }

    fn install_for(signals: &[libc::c_int]) -> io::Result<Guard> {
        REQUESTED.store(false, Ordering::SeqCst);
        SIGNAL.store(0, Ordering::SeqCst);
        // SAFETY: a zeroed sigaction is a valid value (no handler, empty mask, no flags).
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as usize;
        action.sa_flags = 0; // no SA_RESTART: blocked calls must return EINTR
        // SAFETY: `sa_mask` is a valid sigset_t owned by `action`.
        unsafe { libc::sigemptyset(&mut action.sa_mask) };
        let mut guard = Guard {
            previous: Vec::new(),
            counted: false,
        };
        for &signal in signals {
            // SAFETY: as above, an all-zero sigaction is a valid out-parameter.
            let mut previous: libc::sigaction = unsafe { std::mem::zeroed() };
            // SAFETY: both pointers refer to live sigaction values; the handler only stores atomics.
            if unsafe { libc::sigaction(signal, &action, &mut previous) } != 0 {
                // `guard` is dropped here and restores what was installed so far.
                return Err(io::Error::last_os_error());
            }
            guard.previous.push((signal, previous));
        }
        GUARDS.fetch_add(1, Ordering::SeqCst);
        guard.counted = true;
        Ok(guard)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        for (signal, previous) in self.previous.iter().rev() {
            // SAFETY: restores the disposition saved by `install_for`; a null old-action pointer
            // is allowed.
            unsafe { libc::sigaction(*signal, previous, std::ptr::null_mut()) };
        }
        if self.counted {
            GUARDS.fetch_sub(1, Ordering::SeqCst);
            REQUESTED.store(false, Ordering::SeqCst);
        }
    }
}

/// The signal that stopped the work (`SIGINT`, `SIGTERM`), `None` when none did (or the request
/// came from [`request`]).
pub fn signal() -> Option<libc::c_int> {
    match SIGNAL.load(Ordering::SeqCst) {
        0 => None,
        n => Some(n),
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
