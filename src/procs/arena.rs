//! A ring of bytes in shared memory, from one process to one other: how large task and result
//! payloads cross between the pool's parent and a worker without going through a pipe (two copies
//! into and out of the kernel, and a read per 64 KiB). The pipe then carries only the payload's
//! place in the ring: `(position, length)`.
//!
//! Positions are absolute byte counts since the ring was made (`u64`: they never wrap in
//! practice); the byte at position `p` lives at `p % capacity`. A payload is always contiguous: one
//! that would straddle the end starts at the beginning instead (the skipped bytes count as used), and
//! so does a payload written while the ring is empty.
//! The producer publishes `head` (release) after writing; the consumer releases everything up to the
//! end of the payload it read by storing `tail` (release). A full ring is never waited on: the
//! producer sends the payload through the pipe instead, so a slow consumer can never deadlock the
//! pool.
use std::io;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU64, Ordering};

/// The two counters, each on its own cache line (the producer writes one, the consumer the other).
#[repr(C)]
struct Header {
    head: Line,
    tail: Line,
}

#[repr(C, align(64))]
struct Line(AtomicU64);

/// One producer, one consumer, each in its own process (the pool's parent and one worker). The
/// mapping is inherited by `fork`; each process unmaps its own view on drop.
pub(crate) struct Arena {
    base: NonNull<u8>,
    capacity: usize,
}

// SAFETY: the mapping is plain shared memory; the counters are atomics and the bytes are only
// touched through the `unsafe` methods below, whose callers uphold the one-producer, one-consumer
// rule.
unsafe impl Send for Arena {}
// SAFETY: as above.
unsafe impl Sync for Arena {}

const HEADER: usize = std::mem::size_of::<Header>();

impl Arena {
    /// A ring of `capacity` bytes (the kernel allocates a page when it is first written).
    pub(crate) fn new(capacity: usize) -> io::Result<Arena> {
        let base = super::shm::map(HEADER + capacity)?;
        // The mapping is zeroed: both counters start at 0, a valid empty ring.
        Ok(Arena { base, capacity })
    }

    fn header(&self) -> &Header {
        // SAFETY: the mapping starts with a page-aligned, zero-initialised `Header` (all-zero
        // atomics are valid) and lives as long as `self`.
        unsafe { self.base.cast::<Header>().as_ref() }
    }

    fn data(&self) -> *mut u8 {
        // SAFETY: the data area starts right after the header, inside the mapping.
        unsafe { self.base.as_ptr().add(HEADER) }
    }

    /// Producer: writes a `len`-byte payload with `fill` and publishes it; its position, or `None`
    /// when the ring has no room (the caller sends the payload another way).
    ///
    /// # Safety
    /// Only one process (and one thread in it) ever calls `write` on this ring.
    pub(crate) unsafe fn write(&self, len: usize, fill: impl FnOnce(&mut [u8])) -> Option<u64> {
        if len == 0 || len > self.capacity {
            return None;
        }
        let cap = self.capacity as u64;
        let head = self.header().head.0.load(Ordering::Relaxed);
        let tail = self.header().tail.0.load(Ordering::Acquire);
        let mut pos = head;
        let offset = pos % cap;
        // An empty ring starts again at its beginning: one payload at a time in flight (a pool
        // worker's usual case) then reuses the same pages, already mapped in both processes and
        // warm in the caches, instead of walking through the whole ring and faulting each page in.
        if offset + len as u64 > cap || (tail == head && offset != 0) {
            pos += cap - offset;
        }
        // What the consumer may still read: `[tail, head)`, nothing when the ring is empty (it
        // stays empty until we publish: only we move `head`, and the consumer never moves `tail`
        // past it).
        let busy_from = if tail == head { pos } else { tail };
        if pos + len as u64 - busy_from > cap {
            return None;
        }
        // SAFETY: `[pos, pos + len)` is inside the data area (checked above: no straddling) and
        // free: the consumer released everything before `tail`, reads only what was published
        // below `head`, which this region is not yet, and the region does not wrap onto the bytes
        // it may still read (`pos + len - busy_from <= cap`). We are the only writer (the caller's
        // contract), so nothing else touches these bytes until `head` is published.
        let region = unsafe { std::slice::from_raw_parts_mut(self.data().add((pos % cap) as usize), len) };
        fill(region);
        self.header().head.0.store(pos + len as u64, Ordering::Release);
        Some(pos)
    }

    /// Consumer: reads the payload published at `pos` (length `len`) with `read`, then releases it
    /// and everything before it. `None` when `pos`/`len` do not name a published payload.
    ///
    /// # Safety
    /// Only one process (and one thread in it) ever calls `read` on this ring, and payloads are
    /// read in the order they were written.
    pub(crate) unsafe fn read<R>(&self, pos: u64, len: usize, read: impl FnOnce(&[u8]) -> R) -> Option<R> {
        let cap = self.capacity as u64;
        let head = self.header().head.0.load(Ordering::Acquire);
        let tail = self.header().tail.0.load(Ordering::Relaxed);
        let end = pos.checked_add(len as u64)?;
        if pos < tail || end > head || len as u64 > cap || pos % cap + len as u64 > cap {
            return None;
        }
        // SAFETY: the region was published by the producer (`end <= head`, acquire) and is not
        // released yet (`pos >= tail`), so the producer does not write it until we store `tail`.
        let region = unsafe { std::slice::from_raw_parts(self.data().add((pos % cap) as usize), len) };
        let result = read(region);
        self.header().tail.0.store(end, Ordering::Release);
        Some(result)
    }
}

impl Drop for Arena {
    fn drop(&mut self) {
        // SAFETY: unmaps exactly the mapping made in `new`; no reference into it outlives `self`.
        unsafe { libc::munmap(self.base.as_ptr().cast(), HEADER + self.capacity) };
    }
}

#[cfg(test)]
mod tests {
    use super::Arena;

    #[test]
    // Miri: "only supports calls to mmap which set the flags argument to MAP_PRIVATE|MAP_ANONYMOUS".
    #[cfg_attr(miri, ignore)]
    fn payloads_go_round_the_ring_in_order() {
        let ring = Arena::new(64).unwrap();
        // SAFETY: one thread plays both the single producer and the single consumer.
        unsafe {
            let a = ring.write(40, |r| r.fill(1)).unwrap();
            // 40 + 40 > 64 and 40 bytes are not released yet: no room.
            assert_eq!(ring.write(40, |r| r.fill(2)), None);
            assert_eq!(ring.read(a, 40, |b| b.iter().all(|&x| x == 1)), Some(true));
            // Empty again: starts over at the beginning (position 64), not at 40.
            let b = ring.write(16, |r| r.fill(2)).unwrap();
            assert_eq!(b, 64);
            // Not empty: goes on after it (80).
            let c = ring.write(16, |r| r.fill(3)).unwrap();
            assert_eq!(c, 80);
            // Would straddle the end (96 + 40 > 128): starts again at 128, the 32 skipped bytes
            // used; nothing was released since `a` (tail 40) and 128 + 40 - 40 > 64: no room.
            assert_eq!(ring.write(40, |r| r.fill(4)), None);
            assert_eq!(ring.read(b, 16, |b| b.to_vec()), Some(vec![2; 16]));
            // `c` alone is unread (80..96): 128 + 40 - 80 > 64, still no room.
            assert_eq!(ring.write(40, |r| r.fill(4)), None);
            assert_eq!(ring.read(c, 16, |b| b.to_vec()), Some(vec![3; 16]));
            let d = ring.write(40, |r| r.fill(4)).unwrap();
            assert_eq!(d, 128);
            // A position never published, or already released, is refused.
            assert_eq!(ring.read(d + 40, 8, |_| ()), None);
            assert_eq!(ring.read(a, 40, |_| ()), None);
            assert_eq!(ring.read(d, 40, |b| b.to_vec()), Some(vec![4; 40]));
            // Too large for the ring, or empty: never placed.
            assert_eq!(ring.write(65, |_| ()), None);
            assert_eq!(ring.write(0, |_| ()), None);
        }
    }
}
