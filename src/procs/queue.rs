//! `Queue<T>`: many producers and many consumers in different processes, Python's
//! `multiprocessing.Queue`.
//!
//! Messages are framed (length, then postcard bytes) into a ring buffer in shared memory, so a
//! message costs no system call while both sides are busy; a side that must wait (ring empty or
//! full) sleeps on a futex. Like CPython, writers hold a lock for a whole message, so that two
//! large messages never interleave, and readers hold theirs for a whole message too. Messages of
//! any size pass: one larger than the ring streams through it in pieces.
use std::cell::{Cell, RefCell, UnsafeCell};
use std::marker::PhantomData;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::error::{Error, Result};
use super::futex;
use super::interrupt;
use super::lock::Lock;
use super::shm::Shared;
use super::wire;

/// Bytes of the ring. Pages are only touched as the ring is used.
const CAPACITY: usize = 512 * 1024;
/// Looks at the other side before sleeping: a busy peer usually answers within microseconds.
const SPINS: u32 = 200;

/// A value alone on its cache line, so that the producer's and the consumer's writes do not make
/// the two cores fight over one line.
#[repr(align(64))]
struct Line<T>(T);

/// How a side sleeps: a futex word the other side bumps, and a flag saying it sleeps. Written only
/// around a sleep, so reading it (on every message) stays a cache hit.
struct Sleeper {
    seq: AtomicU32,
    sleeping: AtomicU32,
}

struct Ring {
    /// Bytes written since creation (moved by the write-lock holder).
    head: Line<AtomicU64>,
    /// Bytes read since creation (moved by the read-lock holder).
    tail: Line<AtomicU64>,
    producer: Line<Sleeper>,
    consumer: Line<Sleeper>,
    data: UnsafeCell<[u8; CAPACITY]>,
}

/// A process-shared FIFO of `T`. Create it before forking; every process that got a copy may put and get.
pub struct Queue<T> {
    ring: Shared<Ring>,
    /// Last tail this process saw: positions only grow, so it is a safe lower bound that spares
    /// reading the consumer's line on every put.
    seen_tail: Cell<u64>,
    /// Last head this process saw (same idea for gets).
    seen_head: Cell<u64>,
    read_lock: Lock,
    write_lock: Lock,
    scratch: RefCell<Vec<u8>>,
    _items: PhantomData<fn(T) -> T>,
}

impl<T: Serialize + DeserializeOwned> Queue<T> {
    /// An empty queue.
    pub fn new() -> Result<Queue<T>> {
        // SAFETY: every field of `Ring` (atomics and bytes) is valid all-zero, which is the
        // initial state wanted: empty ring, nobody sleeping.
        let ring = unsafe { Shared::<Ring>::zeroed()? };
        Ok(Queue {
            ring,
            seen_tail: Cell::new(0),
            seen_head: Cell::new(0),
            read_lock: Lock::new()?,
            write_lock: Lock::new()?,
            scratch: RefCell::new(Vec::new()),
            _items: PhantomData,
        })
    }

    /// Adds a message; waits while the ring is full (a consumer must be reading).
    pub fn put(&self, value: &T) -> Result<()> {
        let mut buf = self.scratch.borrow_mut();
        buf.clear();
        wire::encode(&mut buf, value)?;
        let _guard = self.write_lock.acquire()?;
        let ring = self.ring.get();
        let mut head = ring.head.0.load(Ordering::Relaxed);
        let mut rest: &[u8] = &buf;
        while !rest.is_empty() {
            // Another producer may have moved the head far past this process's last view of the
            // tail: `>=`, not `==`.
            let mut tail = self.seen_tail.get();
            if head - tail >= CAPACITY as u64 {
                tail = ring.tail.0.load(Ordering::Acquire);
                if head - tail == CAPACITY as u64 {
                    tail = wait_for(
                        &ring.producer.0,
                        &ring.tail.0,
                        |t| head - t < CAPACITY as u64,
                        None,
                    )?;
                }
                self.seen_tail.set(tail);
            }
            let free = CAPACITY - (head - tail) as usize;
            let n = free.min(rest.len());
            // SAFETY: the bytes [head, head + n) are free (the consumer is past them) and only the
            // write-lock holder (us) writes there.
            unsafe { copy_in(ring, head, &rest[..n]) };
            head += n as u64;
            rest = &rest[n..];
            publish(&ring.head.0, head, &ring.consumer.0);
        }
        Ok(())
    }

    /// Takes the oldest message, waiting as long as needed.
    pub fn get(&self) -> Result<T> {
        self.get_until(None)
    }

    /// Takes the oldest message within `timeout`, else `Err(Timeout)` (Python's `queue.Empty`).
    pub fn get_timeout(&self, timeout: Duration) -> Result<T> {
        self.get_until(Some(Instant::now() + timeout))
    }

    fn get_until(&self, deadline: Option<Instant>) -> Result<T> {
        let Some(_guard) = self.read_lock.acquire_until(deadline)? else {
            return Err(Error::Timeout);
        };
        let mut header = [0u8; wire::HEADER];
        self.read_bytes(&mut header, deadline)?;
        let mut body = self.scratch.borrow_mut();
        body.clear();
        body.resize(wire::frame_len(header), 0);
        // Once the length is read the body is on its way: finish the frame whatever the deadline,
        // or the next reader would start in the middle of it.
        self.read_bytes(&mut body, None)?;
        wire::decode(&body)
    }

    /// Fills `out` from the ring, waiting for the producer as needed.
    fn read_bytes(&self, out: &mut [u8], deadline: Option<Instant>) -> Result<()> {
        let ring = self.ring.get();
        let mut tail = ring.tail.0.load(Ordering::Relaxed);
        let mut done = 0;
        while done < out.len() {
            let mut head = self.seen_head.get();
            if head <= tail {
                head = ring.head.0.load(Ordering::Acquire);
                if head == tail {
                    head = wait_for(&ring.consumer.0, &ring.head.0, |h| h != tail, deadline)?;
                }
                self.seen_head.set(head);
            }
            let n = ((head - tail) as usize).min(out.len() - done);
            // SAFETY: the bytes [tail, tail + n) were published by the producer (Acquire above)
            // and only the read-lock holder (us) reads them before moving the tail past them.
            unsafe { copy_out(ring, tail, &mut out[done..done + n]) };
            tail += n as u64;
            done += n;
            publish(&ring.tail.0, tail, &ring.producer.0);
        }
        Ok(())
    }
}

/// Makes a new position visible and wakes the other side if it sleeps.
fn publish(position: &AtomicU64, value: u64, other: &Sleeper) {
    position.store(value, Ordering::SeqCst);
    // SeqCst pairs with the sleeper's store to `sleeping` then load of this position: one of the
    // two sides sees the other's write, so a wake-up is never lost.
    if other.sleeping.load(Ordering::SeqCst) != 0 {
        other.seq.fetch_add(1, Ordering::SeqCst);
        futex::wake(&other.seq, 1);
    }
}

/// Waits until `ready(watched)` holds, spinning briefly, then sleeping on `me.seq`. Returns the
/// watched position. Honours the deadline (`Err(Timeout)`) and Ctrl-C (`Err(Interrupted)`).
fn wait_for(
    me: &Sleeper,
    watched: &AtomicU64,
    ready: impl Fn(u64) -> bool,
    deadline: Option<Instant>,
) -> Result<u64> {
    for _ in 0..SPINS {
        let value = watched.load(Ordering::Acquire);
        if ready(value) {
            return Ok(value);
        }
        std::hint::spin_loop();
    }
    loop {
        let seq = me.seq.load(Ordering::SeqCst);
        me.sleeping.store(1, Ordering::SeqCst);
        let value = watched.load(Ordering::SeqCst);
        if ready(value) {
            me.sleeping.store(0, Ordering::Relaxed);
            return Ok(value);
        }
        interrupt::check().inspect_err(|_| me.sleeping.store(0, Ordering::Relaxed))?;
        let remaining = deadline.map(|d| d.saturating_duration_since(Instant::now()));
        if remaining == Some(Duration::ZERO) {
            me.sleeping.store(0, Ordering::Relaxed);
            return Err(Error::Timeout);
        }
        futex::wait(&me.seq, seq, interrupt::slice(remaining))?;
        me.sleeping.store(0, Ordering::Relaxed);
    }
}

/// Copies `bytes` into the ring at absolute position `at`, wrapping at the end.
///
/// # Safety
/// The caller holds the write lock and the region is free.
unsafe fn copy_in(ring: &Ring, at: u64, bytes: &[u8]) {
    let start = (at % CAPACITY as u64) as usize;
    let first = bytes.len().min(CAPACITY - start);
    let base = ring.data.get().cast::<u8>();
    // SAFETY: both ranges lie inside the ring's array (start + first <= CAPACITY and the wrapped
    // rest starts at 0 and is shorter than CAPACITY) and do not overlap `bytes`, which is local.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), base.add(start), first);
        std::ptr::copy_nonoverlapping(bytes.as_ptr().add(first), base, bytes.len() - first);
    }
}

/// Copies from the ring at absolute position `at` into `out`, wrapping at the end.
///
/// # Safety
/// The caller holds the read lock and the region was published.
unsafe fn copy_out(ring: &Ring, at: u64, out: &mut [u8]) {
    let start = (at % CAPACITY as u64) as usize;
    let first = out.len().min(CAPACITY - start);
    let base = ring.data.get().cast::<u8>();
    // SAFETY: as in `copy_in`, with the roles of source and destination swapped.
    unsafe {
        std::ptr::copy_nonoverlapping(base.add(start), out.as_mut_ptr(), first);
        std::ptr::copy_nonoverlapping(base, out.as_mut_ptr().add(first), out.len() - first);
    }
}
