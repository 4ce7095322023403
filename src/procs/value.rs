//! `Value<T>` and `RawValue<T>`: one number in shared memory, Python's `multiprocessing.Value`
//! (with its lock) and `RawValue` (without).
//!
//! Soundness: the number is stored as the bits of an [`AtomicU64`] and every access to the shared
//! memory is an atomic load or store, so two processes (or threads) reading and writing it at once
//! is a race of *values*, never undefined behaviour. That is exactly what the `counter --no-lock`
//! demo needs: `v.store(v.load() + 1)` is two separate atomic operations, and another process may
//! store between them, so an increment is lost — a lost update, with no torn read and no data race.
//!
//! A [`ValueGuard`] (the lock held) works on a private copy of the number, read when the lock is
//! taken and written back when the guard is dropped: `&mut T` never points into shared memory, so an
//! unlocked [`Value::store`] from elsewhere can never write under it (it is simply overwritten by the
//! write-back, a lost update again, as in Python when locked and unlocked code mix). A holder that
//! dies inside its critical section therefore publishes nothing: the next holder sees the last
//! complete update and [`ValueGuard::recovered`] tells it what happened.
//!
//! Miri: see the `procs` module documentation (the bit conversions run under Miri; shared mappings
//! and process-shared mutexes cannot).
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::atomic::{AtomicU64, Ordering};

use super::error::Result;
use super::lock::{Lock, LockGuard};
use super::shm::Shared;

mod sealed {
    /// How a [`Plain`](super::Plain) number is kept in an `AtomicU64`: its bits, zero-extended.
    pub trait Sealed: Sized {
        fn to_bits(self) -> u64;
        fn from_bits(bits: u64) -> Self;
    }
}

/// A number that can live in shared memory: no pointer (a pointer into one process's heap means
/// nothing in another), at most 64 bits, so that every access is one atomic operation.
pub trait Plain: Copy + Send + Sync + 'static + sealed::Sealed {}

macro_rules! plain_int {
    ($($t:ty => $u:ty),*) => { $(
        impl sealed::Sealed for $t {
            // `as` between integers of the same width keeps the bits; to u64 it zero-extends and
            // back it truncates, so `from_bits(to_bits(x)) == x` for every x.
            fn to_bits(self) -> u64 { self as $u as u64 }
            fn from_bits(bits: u64) -> Self { bits as $u as $t }
        }
        impl Plain for $t {}
    )* };
}
plain_int!(
    u8 => u8, u16 => u16, u32 => u32, u64 => u64, usize => usize,
    i8 => u8, i16 => u16, i32 => u32, i64 => u64, isize => usize
);

impl sealed::Sealed for f32 {
    fn to_bits(self) -> u64 {
        u64::from(f32::to_bits(self))
    }
    fn from_bits(bits: u64) -> Self {
        f32::from_bits(bits as u32)
    }
}
impl Plain for f32 {}

impl sealed::Sealed for f64 {
    fn to_bits(self) -> u64 {
        f64::to_bits(self)
    }
    fn from_bits(bits: u64) -> Self {
        f64::from_bits(bits)
    }
}
impl Plain for f64 {}

/// Loads and stores are atomic but `Relaxed`: they order nothing else. What must be seen together
/// goes under a [`Lock`], whose acquire and release order the accesses made while it is held.
fn load<T: Plain>(cell: &AtomicU64) -> T {
    T::from_bits(cell.load(Ordering::Relaxed))
}

fn store<T: Plain>(cell: &AtomicU64, value: T) {
    cell.store(value.to_bits(), Ordering::Relaxed);
}

/// A number in shared memory with no lock: `v.store(v.load() + 1)` from two processes loses
/// updates (two atomic operations, another process may store between them), which is what the
/// race demo shows.
pub struct RawValue<T: Plain> {
    cell: Shared<AtomicU64>,
    _number: PhantomData<T>,
}

impl<T: Plain> RawValue<T> {
    /// A new shared number.
    pub fn new(value: T) -> Result<RawValue<T>> {
        Ok(RawValue {
            cell: Shared::new(AtomicU64::new(value.to_bits()))?,
            _number: PhantomData,
        })
    }

    /// Reads the current value (one atomic load, no lock).
    pub fn load(&self) -> T {
        load(self.cell.get())
    }

    /// Writes a value (one atomic store, no lock).
    pub fn store(&self, value: T) {
        store(self.cell.get(), value);
    }
}

/// A number in shared memory with its process-shared [`Lock`]. The number lives on the lock's
/// own cache line.
pub struct Value<T: Plain> {
    lock: Lock,
    _number: PhantomData<T>,
}

/// The value, locked: dereferences to a private copy of the number, written back to shared memory
/// when the guard is dropped (then the lock is released).
pub struct ValueGuard<'a, T: Plain> {
    /// Declared first, but released last: `Drop for ValueGuard` writes back before the fields drop.
    guard: LockGuard<'a>,
    cell: &'a AtomicU64,
    value: T,
}

impl<T: Plain> Value<T> {
    /// A new shared number and its lock.
    pub fn new(value: T) -> Result<Value<T>> {
        let shared = Value {
            lock: Lock::new()?,
            _number: PhantomData,
        };
        shared.store(value);
        Ok(shared)
    }

    fn cell(&self) -> &AtomicU64 {
        self.lock.payload()
    }

    /// Takes the lock and gives access to the number (Python's `with v.get_lock(): v.value += 1`).
    pub fn get_lock(&self) -> Result<ValueGuard<'_, T>> {
        let guard = self.lock.acquire()?;
        Ok(ValueGuard {
            guard,
            cell: self.cell(),
            value: load(self.cell()),
        })
    }

    /// The lock alone.
    pub fn lock(&self) -> &Lock {
        &self.lock
    }

    /// Reads under the lock.
    pub fn get(&self) -> Result<T> {
        Ok(*self.get_lock()?)
    }

    /// Writes under the lock.
    pub fn set(&self, value: T) -> Result<()> {
        *self.get_lock()? = value;
        Ok(())
    }

    /// Reads without the lock (Python's `v.value`, whose `+= 1` is a read then a write): one
    /// atomic load.
    pub fn load(&self) -> T {
        load(self.cell())
    }

    /// Writes without the lock: one atomic store. A guard held elsewhere meanwhile overwrites it
    /// when it is dropped (a lost update, not undefined behaviour).
    pub fn store(&self, value: T) {
        store(self.cell(), value);
    }
}

impl<T: Plain> ValueGuard<'_, T> {
    /// True when the lock's previous holder died holding it (its update, never written back, is
    /// lost: the number is the last complete update).
    pub fn recovered(&self) -> bool {
        self.guard.recovered()
    }
}

impl<T: Plain> Deref for ValueGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Plain> DerefMut for ValueGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T: Plain> Drop for ValueGuard<'_, T> {
    fn drop(&mut self) {
        // Still under the lock: `self.guard` is dropped after this body.
        store(self.cell, self.value);
    }
}

#[cfg(test)]
mod tests {
    use super::sealed::Sealed;

    #[test]
    fn bits_round_trip() {
        for x in [i8::MIN, -1, 0, 1, i8::MAX] {
            assert_eq!(i8::from_bits(x.to_bits()), x);
        }
        for x in [i64::MIN, -1, 0, i64::MAX] {
            assert_eq!(i64::from_bits(x.to_bits()), x);
        }
        for x in [u32::MAX, 0, 7] {
            assert_eq!(u32::from_bits(x.to_bits()), x);
        }
        for x in [-0.0f32, 1.5, f32::MAX, f32::MIN_POSITIVE] {
            assert_eq!(
                <f32 as Sealed>::from_bits(Sealed::to_bits(x)).to_bits(),
                x.to_bits()
            );
        }
        for x in [-0.0f64, 1.5e300, f64::NEG_INFINITY] {
            assert_eq!(
                <f64 as Sealed>::from_bits(Sealed::to_bits(x)).to_bits(),
                x.to_bits()
            );
        }
        // A negative number does not leak into the bits above its width.
        assert_eq!((-1i16).to_bits(), 0xffff);
    }
}
