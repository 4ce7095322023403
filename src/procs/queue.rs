//! `Queue<T>`: many producers and many consumers in different processes, Python's
//! `multiprocessing.Queue`.
//!
//! Messages are framed (length, then postcard bytes) into a ring buffer in shared memory, so a
//! message costs no system call while both sides are busy; a side that must wait (ring empty or
//! full) sleeps on a futex. Like CPython, writers hold a lock for a whole message, so that two
//! large messages never interleave, and readers hold theirs for a whole message too. Messages of
//! any size pass: one larger than the ring streams through it in pieces.
//!
//! Crashes: the locks are robust (a holder's death frees them). A message that fits in the ring is
//! published, and consumed, all at once, so a producer or consumer killed at any moment (Ctrl-C in
//! a demo) leaves the queue whole: the message is either there for the next consumer or not sent.
//! Only a death in the middle of a message larger than the ring (512 KiB) breaks the framing;
//! the queue then answers [`Error::Poisoned`] instead of garbage.
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
/// How long a side watches the other before sleeping: waking a sleeper costs the other side a
/// futex system call (a page-table walk for a shared futex), far more than a message, so while
/// the peer is busy it is cheaper to keep watching.
const SPIN_TIME: Duration = Duration::from_micros(50);

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
    /// 1 while a producer streams a message larger than the ring.
    writing: Line<AtomicU32>,
    /// 1 while a consumer streams a message larger than the ring.
    reading: Line<AtomicU32>,
    /// 1 once a process died in the middle of such a message: the byte stream has lost its
    /// framing and the queue refuses further use.
    poisoned: Line<AtomicU32>,
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
        let guard = self.write_lock.acquire()?;
        let ring = self.ring.get();
        self.check_health(guard.recovered(), &ring.writing.0)?;
        if buf.len() <= CAPACITY {
            // The whole frame, published at once: a producer killed here leaves nothing behind.
            let head = ring.head.0.load(Ordering::Relaxed);
            self.wait_space(head, buf.len())?;
            // SAFETY: the bytes [head, head + len) are free (the consumer is past them) and only
            // the write-lock holder (us) writes there.
            unsafe { copy_in(ring, head, &buf) };
            publish(&ring.head.0, head + buf.len() as u64, &ring.consumer.0);
            return Ok(());
        }
        // Larger than the ring: it streams through in pieces, and a producer killed meanwhile
        // leaves half a message, which `writing` lets the next producer detect.
        ring.writing.0.store(1, Ordering::Relaxed);
        let mut head = ring.head.0.load(Ordering::Relaxed);
        for piece in buf.chunks(CAPACITY / 4) {
            self.wait_space(head, piece.len())?;
            // SAFETY: as above.
            unsafe { copy_in(ring, head, piece) };
            head += piece.len() as u64;
            publish(&ring.head.0, head, &ring.consumer.0);
        }
        ring.writing.0.store(0, Ordering::Relaxed);
        Ok(())
    }

    /// Waits until `len` bytes are free after `head`.
    fn wait_space(&self, head: u64, len: usize) -> Result<()> {
        let ring = self.ring.get();
        let fits = |tail: u64| head - tail + len as u64 <= CAPACITY as u64;
        // This process's view of the tail is a lower bound (positions only grow): look at the
        // shared one only when the cached one says there is no room.
        if !fits(self.seen_tail.get()) {
            let mut tail = ring.tail.0.load(Ordering::Acquire);
            if !fits(tail) {
                tail = wait_for(&ring.producer.0, &ring.tail.0, fits, None)?;
            }
            self.seen_tail.set(tail);
        }
        Ok(())
    }

    /// Refuses a queue left with half a message by a process that died, and detects that case
    /// when taking over the lock of a process that died holding it.
    fn check_health(&self, recovered: bool, partial: &AtomicU32) -> Result<()> {
        let ring = self.ring.get();
        if recovered && partial.load(Ordering::Relaxed) != 0 {
            ring.poisoned.0.store(1, Ordering::SeqCst);
        }
        if ring.poisoned.0.load(Ordering::Relaxed) != 0 {
            return Err(Error::Poisoned);
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
        let Some(guard) = self.read_lock.acquire_until(deadline)? else {
            return Err(Error::Timeout);
        };
        let ring = self.ring.get();
        self.check_health(guard.recovered(), &ring.reading.0)?;
        let tail = ring.tail.0.load(Ordering::Relaxed);
        self.wait_data(tail, wire::HEADER, deadline)?;
        let mut header = [0u8; wire::HEADER];
        // SAFETY: the header's bytes were published (waited for above); only the read-lock holder
        // (us) reads at the tail.
        unsafe { copy_out(ring, tail, &mut header) };
        let len = wire::frame_len(header);
        let mut body = self.scratch.borrow_mut();
        body.clear();
        body.resize(len, 0);
        let start = tail + wire::HEADER as u64;
        if wire::HEADER + len <= CAPACITY {
            // Whole frames are published at once: the body is there already. The tail moves
            // past the frame only once it is copied, so a consumer killed or interrupted here
            // leaves the message to the next one.
            self.wait_data(start, len, None)?;
            // SAFETY: as above, for the body's bytes.
            unsafe { copy_out(ring, start, &mut body) };
            publish(&ring.tail.0, start + len as u64, &ring.producer.0);
            return wire::decode(&body);
        }
        // A frame larger than the ring streams: a consumer killed meanwhile would leave the rest
        // of the message in the ring, which `reading` lets the next consumer detect.
        ring.reading.0.store(1, Ordering::Relaxed);
        publish(&ring.tail.0, start, &ring.producer.0);
        let mut at = start;
        for piece in body.chunks_mut(CAPACITY / 4) {
            self.wait_data(at, piece.len(), None)?;
            // SAFETY: as above.
            unsafe { copy_out(ring, at, piece) };
            at += piece.len() as u64;
            publish(&ring.tail.0, at, &ring.producer.0);
        }
        ring.reading.0.store(0, Ordering::Relaxed);
        wire::decode(&body)
    }

    /// Waits until `len` bytes are published after `tail`.
    fn wait_data(&self, tail: u64, len: usize, deadline: Option<Instant>) -> Result<()> {
        let ring = self.ring.get();
        let there = |head: u64| head >= tail + len as u64;
        if !there(self.seen_head.get()) {
            let mut head = ring.head.0.load(Ordering::Acquire);
            if !there(head) {
                head = wait_for(&ring.consumer.0, &ring.head.0, there, deadline)?;
            }
            self.seen_head.set(head);
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
    let mut spun_since: Option<Instant> = None;
    'spin: loop {
        for _ in 0..64 {
            let value = watched.load(Ordering::Acquire);
            if ready(value) {
                return Ok(value);
            }
            std::hint::spin_loop();
        }
        let since = *spun_since.get_or_insert_with(Instant::now);
        if since.elapsed() >= SPIN_TIME || deadline.is_some_and(|d| Instant::now() >= d) {
            break 'spin;
        }
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
