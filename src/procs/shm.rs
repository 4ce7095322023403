//! Memory shared between a process and the children it forks: an anonymous `MAP_SHARED` mapping.
//! Unlike ordinary memory (copied on write at fork), writes to it are seen by every process.
use std::io;
use std::ptr::NonNull;

/// One `T` in a shared anonymous mapping, unmapped on drop (each process unmaps its own view).
pub(crate) struct Shared<T> {
    ptr: NonNull<T>,
}

impl<T> Shared<T> {
    /// Maps zeroed shared memory for a `T` and moves `value` into it.
    pub(crate) fn new(value: T) -> io::Result<Shared<T>> {
        // SAFETY: the zeroed contents are overwritten with a valid `T` before any use.
        let shared = unsafe { Shared::<T>::zeroed()? };
        // SAFETY: the mapping is page-aligned (enough for any T here), large enough and ours.
        unsafe { shared.ptr.as_ptr().write(value) };
        Ok(shared)
    }

    /// Maps zeroed shared memory for a `T` (a large `T` never passes through the stack).
    ///
    /// # Safety
    /// All-zero bytes must be a valid `T`, or be overwritten before the value is used.
    pub(crate) unsafe fn zeroed() -> io::Result<Shared<T>> {
        let ptr = map(std::mem::size_of::<T>().max(1))?.cast::<T>();
        Ok(Shared { ptr })
    }

    /// The shared object. Interior mutability (atomics, `UnsafeCell`) is how it is changed.
    pub(crate) fn get(&self) -> &T {
        // SAFETY: the pointer is valid, initialised and aligned for as long as `self` lives.
        unsafe { self.ptr.as_ref() }
    }
}

/// Maps `len` zeroed bytes of anonymous shared memory (page-aligned).
pub(crate) fn map(len: usize) -> io::Result<NonNull<u8>> {
    // SAFETY: an anonymous mapping with no fixed address; the result is checked below.
    let raw = unsafe {
        libc::mmap(
            std::ptr::null_mut(),
            len,
            libc::PROT_READ | libc::PROT_WRITE,
            libc::MAP_SHARED | libc::MAP_ANONYMOUS,
            -1,
            0,
        )
    };
    if raw == libc::MAP_FAILED {
        return Err(io::Error::last_os_error());
    }
    NonNull::new(raw.cast::<u8>()).ok_or_else(|| io::Error::other("mmap returned null"))
}

impl<T> Drop for Shared<T> {
    fn drop(&mut self) {
        // The value is not dropped: other processes may still use it (it holds only plain data).
        let len = std::mem::size_of::<T>().max(1);
        // SAFETY: unmaps exactly the mapping made in `new`; no reference to it outlives `self`.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), len) };
    }
}

// SAFETY: the mapping is plain memory; sharing it across threads is as safe as sharing `T`.
unsafe impl<T: Sync> Sync for Shared<T> {}
// SAFETY: as above; the owner of the mapping may move between threads.
unsafe impl<T: Send> Send for Shared<T> {}
