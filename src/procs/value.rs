//! `Value<T>` and `RawValue<T>`: one number in shared memory, Python's `multiprocessing.Value`
//! (with its lock) and `RawValue` (without).
use std::cell::UnsafeCell;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

use super::error::Result;
use super::lock::{Lock, LockGuard, Payload};
use super::shm::Shared;

mod sealed {
    pub trait Sealed {}
}

/// Plain data that can live in shared memory: no pointer (a pointer into one process's heap means
/// nothing in another), every bit pattern written by another process valid.
pub trait Plain: Copy + Send + Sync + 'static + sealed::Sealed {}

macro_rules! plain {
    ($($t:ty),*) => { $(impl sealed::Sealed for $t {} impl Plain for $t {})* };
}
plain!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64
);

struct Cell<T>(UnsafeCell<T>);

// SAFETY: accesses go through volatile reads and writes of plain data (see `RawValue`); races are
// the documented point of `RawValue`, and `Value` serialises them with its lock.
unsafe impl<T: Plain> Sync for Cell<T> {}
// SAFETY: as above.
unsafe impl<T: Plain> Send for Cell<T> {}

/// A number in shared memory with no lock: `v.store(v.load() + 1)` from two processes loses
/// updates, which is what the race demo shows.
pub struct RawValue<T: Plain> {
    cell: Shared<Cell<T>>,
}

impl<T: Plain> RawValue<T> {
    /// A new shared number.
    pub fn new(value: T) -> Result<RawValue<T>> {
        Ok(RawValue {
            cell: Shared::new(Cell(UnsafeCell::new(value)))?,
        })
    }

    fn ptr(&self) -> *mut T {
        self.cell.get().0.get()
    }

    /// Reads the current value, with no synchronisation.
    pub fn load(&self) -> T {
        // SAFETY: the pointer is valid and aligned; volatile so that each call really reads memory
        // (a loop of load/store is not fused into one addition). A concurrent store by another
        // process may be seen or not: the unsynchronised race is this type's purpose.
        unsafe { self.ptr().read_volatile() }
    }

    /// Writes a value, with no synchronisation.
    pub fn store(&self, value: T) {
        // SAFETY: as in `load`.
        unsafe { self.ptr().write_volatile(value) }
    }
}

/// A number in shared memory with its process-shared [`Lock`]. The number lives on the lock's
/// own cache line.
pub struct Value<T: Plain> {
    lock: Lock,
    _number: PhantomData<T>,
}

/// The value, locked: dereferences to the number; unlocks on drop.
pub struct ValueGuard<'a, T: Plain> {
    guard: LockGuard<'a>,
    ptr: *mut T,
}

impl<T: Plain> Value<T> {
    const FITS: () = assert!(
        std::mem::size_of::<T>() <= std::mem::size_of::<Payload>()
            && std::mem::align_of::<T>() <= std::mem::align_of::<Payload>()
    );

    /// A new shared number and its lock.
    pub fn new(value: T) -> Result<Value<T>> {
        let () = Self::FITS;
        let shared = Value {
            lock: Lock::new()?,
            _number: PhantomData,
        };
        shared.store(value);
        Ok(shared)
    }

    fn ptr(&self) -> *mut T {
        // The payload holds 16 bytes aligned on 16, enough for any Plain type (checked by FITS).
        self.lock.payload().cast::<T>()
    }

    /// Takes the lock and gives access to the number (Python's `with v.get_lock(): v.value += 1`).
    pub fn get_lock(&self) -> Result<ValueGuard<'_, T>> {
        Ok(ValueGuard {
            guard: self.lock.acquire()?,
            ptr: self.ptr(),
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

    /// Reads without the lock (Python's `v.value`, whose `+= 1` is a read then a write).
    pub fn load(&self) -> T {
        // SAFETY: as in `RawValue::load`: valid, aligned, shared plain memory, read volatile.
        unsafe { self.ptr().read_volatile() }
    }

    /// Writes without the lock.
    pub fn store(&self, value: T) {
        // SAFETY: as in `RawValue::store`.
        unsafe { self.ptr().write_volatile(value) }
    }
}

impl<T: Plain> ValueGuard<'_, T> {
    /// True when the lock's previous holder died holding it.
    pub fn recovered(&self) -> bool {
        self.guard.recovered()
    }
}

impl<T: Plain> Deref for ValueGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the lock is held, so no process that uses the lock writes the number meanwhile.
        unsafe { &*self.ptr }
    }
}

impl<T: Plain> DerefMut for ValueGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as in `deref`; `&mut self` makes this the only reference in this process.
        unsafe { &mut *self.ptr }
    }
}
