//! `Lock`: a mutex shared between processes, Python's `multiprocessing.Lock`.
//!
//! Choice: a glibc `pthread_mutex_t` in shared memory with `PTHREAD_PROCESS_SHARED` (it works across
//! processes) and `PTHREAD_MUTEX_ROBUST` (the kernel releases it when its holder dies). The next
//! process to lock it gets `EOWNERDEAD`, marks it consistent and carries on; its guard says
//! [`LockGuard::recovered`] so the caller knows the protected data may be half-updated. A holder's
//! death therefore never wedges the others.
//!
//! A [`LockGuard`] is not `Send`: a robust mutex belongs to the thread that locked it, and an
//! unlock from another thread fails (`EPERM`) and leaves it held. The guard cannot even be sent:
//!
//! ```compile_fail
//! fn needs_send<T: Send>(_: T) {}
//! let lock = atelier::procs::Lock::new().unwrap();
//! needs_send(lock.acquire().unwrap());
//! ```
//!
//! Nothing here reads glibc's private mutex layout: waiters spin on a word of our own beside the
//! mutex ([`RawMutex`]), a hint of whether it is held, and only call `pthread_mutex_trylock` when
//! it says free.
use std::cell::UnsafeCell;
use std::io;
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::error::Result;
use super::interrupt;
use super::shm::Shared;

/// How long a waiter spins on a held lock before sleeping in the kernel.
const SPIN_TIME: Duration = Duration::from_micros(50);
/// Pauses between two looks at a held lock (about a microsecond on this project's machine).
const BACKOFF: u32 = 32;

/// The mutex and, on the same cache line, what waiters spin on and the number a
/// [`Value`](super::Value) keeps there, so a contended increment moves one cache line between
/// cores, not two.
#[repr(C, align(64))]
struct RawMutex {
    mutex: UnsafeCell<libc::pthread_mutex_t>,
    /// 1 while a holder is inside (set after locking, cleared before unlocking). Only a hint for
    /// spinning waiters: a holder that died leaves it at 1, and waiters then just stop spinning
    /// and call `pthread_mutex_lock`, which recovers the mutex.
    held: AtomicU32,
    /// Room for any [`Plain`](super::value::Plain) number, as bits.
    payload: AtomicU64,
}

// SAFETY: a process-shared pthread mutex is made to be used from several threads and processes.
unsafe impl Sync for RawMutex {}
// SAFETY: as above.
unsafe impl Send for RawMutex {}

/// A process-shared, robust lock. Create it before forking; children use it through the same
/// shared mapping.
pub struct Lock {
    mutex: Shared<RawMutex>,
}

impl std::fmt::Debug for Lock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Lock")
    }
}

/// Holds the lock; unlocks on drop.
#[must_use = "the lock is released when the guard is dropped"]
pub struct LockGuard<'a> {
    lock: &'a Lock,
    recovered: bool,
    /// Not `Send` (see the module documentation): unlocked by the thread that locked.
    _not_send: PhantomData<*const ()>,
}

impl LockGuard<'_> {
    /// True when the previous holder died holding the lock (its update may be incomplete).
    pub fn recovered(&self) -> bool {
        self.recovered
    }
}

impl Drop for LockGuard<'_> {
    fn drop(&mut self) {
        self.lock.mutex.get().held.store(0, Ordering::Relaxed);
        // SAFETY: this guard exists only while this thread holds the mutex (it is not `Send`).
        let code = unsafe { libc::pthread_mutex_unlock(self.lock.raw()) };
        if code != 0 {
            // Only a guard carried into a forked child (another thread of another process) gets
            // here. Going on would leave every other process waiting forever on a lock that looks
            // free to nobody: stop loudly instead.
            eprintln!(
                "atelier: pthread_mutex_unlock failed (errno {code}): a lock guard was released by a thread that does not hold it"
            );
            std::process::abort();
        }
    }
}

fn check(code: i32, what: &str) -> io::Result<()> {
    if code == 0 {
        Ok(())
    } else {
        Err(io::Error::new(
            io::Error::from_raw_os_error(code).kind(),
            format!("{what}: errno {code}"),
        ))
    }
}

impl Lock {
    /// A new, unlocked lock in shared memory.
    pub fn new() -> Result<Lock> {
        // SAFETY: an all-zero pthread_mutex_t is only storage; it is initialised below before use.
        let storage: libc::pthread_mutex_t = unsafe { std::mem::zeroed() };
        let mutex = Shared::new(RawMutex {
            mutex: UnsafeCell::new(storage),
            held: AtomicU32::new(0),
            payload: AtomicU64::new(0),
        })?;
        // SAFETY: an all-zero attribute object is storage for pthread_mutexattr_init.
        let mut attr: libc::pthread_mutexattr_t = unsafe { std::mem::zeroed() };
        // SAFETY: `attr` is live local storage; `mutex` points into our fresh mapping, which no
        // other process can see yet (nothing has forked since it was made).
        unsafe {
            check(libc::pthread_mutexattr_init(&mut attr), "pthread_mutexattr_init")?;
            let shared = libc::pthread_mutexattr_setpshared(&mut attr, libc::PTHREAD_PROCESS_SHARED);
            let robust = libc::pthread_mutexattr_setrobust(&mut attr, libc::PTHREAD_MUTEX_ROBUST);
            let init = libc::pthread_mutex_init(mutex.get().mutex.get(), &attr);
            libc::pthread_mutexattr_destroy(&mut attr);
            check(shared, "pthread_mutexattr_setpshared")?;
            check(robust, "pthread_mutexattr_setrobust")?;
            check(init, "pthread_mutex_init")?;
        }
        Ok(Lock { mutex })
    }

    fn raw(&self) -> *mut libc::pthread_mutex_t {
        self.mutex.get().mutex.get()
    }

    /// The shared number beside the mutex (see [`RawMutex`]).
    pub(crate) fn payload(&self) -> &AtomicU64 {
        &self.mutex.get().payload
    }

    fn guard(&self, recovered: bool) -> LockGuard<'_> {
        self.mutex.get().held.store(1, Ordering::Relaxed);
        LockGuard {
            lock: self,
            recovered,
            _not_send: PhantomData,
        }
    }

    /// Turns a lock result into a guard: `EOWNERDEAD` is recovered, `EBUSY`/`ETIMEDOUT` is `None`.
    fn outcome(&self, code: i32) -> Result<Option<LockGuard<'_>>> {
        match code {
            0 => Ok(Some(self.guard(false))),
            libc::EOWNERDEAD => {
                // SAFETY: we hold the mutex (EOWNERDEAD means it was handed to us).
                let code = unsafe { libc::pthread_mutex_consistent(self.raw()) };
                check(code, "pthread_mutex_consistent")?;
                Ok(Some(self.guard(true)))
            }
            libc::EBUSY | libc::ETIMEDOUT => Ok(None),
            other => Err(check(other, "pthread_mutex_lock").unwrap_err().into()),
        }
    }

    /// Takes the lock, waiting as long as needed (interruptible by Ctrl-C under a guard).
    pub fn acquire(&self) -> Result<LockGuard<'_>> {
        match self.acquire_until(None)? {
            Some(guard) => Ok(guard),
            None => unreachable!("no deadline"),
        }
    }

    /// Takes the lock if it is free.
    pub fn try_acquire(&self) -> Result<Option<LockGuard<'_>>> {
        // SAFETY: the mutex was initialised in `new` and lives in our mapping.
        self.outcome(unsafe { libc::pthread_mutex_trylock(self.raw()) })
    }

    /// Takes the lock within `timeout`, or `Ok(None)` (Python's `acquire(timeout=…)` returning False).
    pub fn acquire_timeout(&self, timeout: Duration) -> Result<Option<LockGuard<'_>>> {
        self.acquire_until(Some(Instant::now() + timeout))
    }

    pub(crate) fn acquire_until(&self, deadline: Option<Instant>) -> Result<Option<LockGuard<'_>>> {
        if let Some(guard) = self.try_acquire()? {
            return Ok(Some(guard));
        }
        // Critical sections are short (an increment): the holder, running on the other core,
        // usually lets go within microseconds, far cheaper than sleeping in the kernel (whose
        // wake-up then costs the holder a system call at its unlock). Spin on a read of our own
        // `held` word and only try the lock (an atomic exchange) when it looks free, and look
        // only every `BACKOFF` pauses: a waiter that looks at every pause takes the cache line
        // from the holder at each of its increments, and wins the lock back in the holder's
        // short unlocked moments, so the lock and its line cross between the cores every few
        // increments instead of staying with one process for a run of them.
        let held = &self.mutex.get().held;
        let began = Instant::now();
        loop {
            for _ in 0..BACKOFF {
                std::hint::spin_loop();
            }
            if held.load(Ordering::Relaxed) == 0
                && let Some(guard) = self.try_acquire()?
            {
                return Ok(Some(guard));
            }
            let now = Instant::now();
            if now.duration_since(began) >= SPIN_TIME || deadline.is_some_and(|d| now >= d) {
                break;
            }
        }
        if deadline.is_none() && !interrupt::active() {
            // SAFETY: as in `try_acquire`.
            return self.outcome(unsafe { libc::pthread_mutex_lock(self.raw()) });
        }
        loop {
            interrupt::check()?;
            let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
            if remaining == Some(Duration::ZERO) {
                return Ok(None);
            }
            let slice = interrupt::slice(remaining).unwrap_or(interrupt::SLICE);
            let abs = realtime_after(slice);
            // SAFETY: as in `try_acquire`; `abs` is a valid timespec.
            if let Some(guard) = self.outcome(unsafe { libc::pthread_mutex_timedlock(self.raw(), &abs) })? {
                return Ok(Some(guard));
            }
        }
    }
}

/// `CLOCK_REALTIME` now + `d`, the absolute deadline `pthread_mutex_timedlock` wants.
fn realtime_after(d: Duration) -> libc::timespec {
    // SAFETY: an all-zero timespec is valid storage for clock_gettime.
    let mut now: libc::timespec = unsafe { std::mem::zeroed() };
    // SAFETY: `now` is live local storage.
    unsafe { libc::clock_gettime(libc::CLOCK_REALTIME, &mut now) };
    let nanos = now.tv_nsec as u64 + u64::from(d.subsec_nanos());
    libc::timespec {
        tv_sec: now.tv_sec + d.as_secs() as libc::time_t + (nanos / 1_000_000_000) as libc::time_t,
        tv_nsec: (nanos % 1_000_000_000) as libc::c_long,
    }
}
