//! The worker side of the pool: read task frames, run them, write result frames.
//!
//! Tasks are plain function pointers `fn(T) -> R`. Their address is sent over the pipe as a number,
//! which is sound because a worker is a `fork` of the process that created the pool, without
//! `exec`: it runs the very same executable image mapped at the very same addresses, so a function
//! address in the parent names the same function in the worker. A generic *trampoline*, instantiated
//! with the task's `T` and `R` in the parent, travels the same way and knows how to decode the
//! arguments and encode the results.
use std::os::fd::RawFd;
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::super::arena::Arena;
use super::super::wire;
use super::bulk;

/// Fixed header of a task frame after the length: run, first index, count, trampoline, function,
/// kind ([`IN_RING`], [`BULK`]).
pub(super) const TASK_HEADER: usize = 4 + 8 + 4 + 8 + 8 + 1;
/// Fixed header of a result frame after the length: run, first index, count, kind ([`IN_RING`]).
pub(super) const RESULT_HEADER: usize = 4 + 8 + 4 + 1;
/// Kind bit: the payload is in the shared ring; the frame carries its position and length (two
/// little-endian `u64`).
pub(super) const IN_RING: u8 = 1;
/// Kind bit: the tasks are vectors of numbers in raw bytes (see `bulk.rs`), not postcard.
pub(super) const BULK: u8 = 2;
/// Payloads from this size on go through the shared ring (when it has room): below it, the pipe's
/// copies cost less than the bookkeeping.
pub(super) const RING_THRESHOLD: usize = 16 * 1024;
/// Bytes of each ring (one for a worker's tasks, one for its results): room for a few chunks of
/// the chapter's primes program (200 KB each) in flight. A larger payload, or one that finds the
/// ring full, goes through the pipe.
pub(super) const RING_BYTES: usize = 1 << 20;

/// A payload placed in a ring, as a frame carries it.
pub(super) fn ring_place(pos: u64, len: usize) -> [u8; 16] {
    let mut place = [0; 16];
    place[..8].copy_from_slice(&pos.to_le_bytes());
    place[8..].copy_from_slice(&(len as u64).to_le_bytes());
    place
}

/// The position and length a frame's payload names in a ring.
pub(super) fn ring_place_of(payload: &[u8]) -> Option<(u64, usize)> {
    let pos = u64::from_le_bytes(payload.get(..8)?.try_into().ok()?);
    let len = u64::from_le_bytes(payload.get(8..16)?.try_into().ok()?);
    Some((pos, usize::try_from(len).ok()?))
}

/// What the trampoline needs to run one chunk.
pub(super) struct Chunk<'a> {
    pub payload: &'a [u8],
    /// The payload is in [`bulk`] layout.
    pub bulk: bool,
    pub run: u32,
    pub first: u64,
    pub count: u32,
    pub out: &'a mut Vec<u8>,
    pub slot: &'a AtomicU64,
    pub epoch: Instant,
    /// Where large results go (this worker writes it, the parent reads it).
    pub results_ring: &'a Arena,
}

/// The trampoline's type: the task function's address and the chunk.
pub(super) type Trampoline = fn(usize, &mut Chunk<'_>);

/// The body of a result frame: when the chunk started (ns since the pool's epoch), when each task
/// ended (ns since that start: small numbers, short varints), and each result or panic message.
/// A task starts when the previous one of its chunk ends: one clock reading per task.
#[derive(Serialize, serde::Deserialize)]
pub(super) struct Outcomes<R> {
    pub start: u64,
    pub ends: Vec<u64>,
    pub results: Vec<Result<R, String>>,
}

/// Runs one chunk of `fn(T) -> R` tasks and appends its result frame to `chunk.out`.
pub(super) fn trampoline<T: DeserializeOwned + 'static, R: Serialize>(func: usize, chunk: &mut Chunk<'_>) {
    // SAFETY: `func` is the address of an `fn(T) -> R` taken in the parent by `Tasks::send`, which
    // sends it together with *this* instantiation of the trampoline (same T and R). The worker is a
    // fork of the parent without exec, so the address names the same function here.
    let f: fn(T) -> R = unsafe { std::mem::transmute::<usize, fn(T) -> R>(func) };
    let begun = Instant::now();
    let mut outcomes = Outcomes {
        start: begun.saturating_duration_since(chunk.epoch).as_nanos() as u64,
        ends: Vec::new(),
        results: Vec::new(),
    };
    let items = if chunk.bulk {
        bulk::decode::<T>(chunk.payload, chunk.count)
    } else {
        postcard::from_bytes::<Vec<T>>(chunk.payload).map_err(|err| err.to_string())
    };
    match items {
        Ok(items) => {
            outcomes.ends.reserve(items.len());
            outcomes.results.reserve(items.len());
            for (i, item) in items.into_iter().enumerate() {
                chunk.slot.store(chunk.first + i as u64 + 1, Ordering::Relaxed);
                let result = panic::catch_unwind(AssertUnwindSafe(|| f(item))).map_err(panic_message);
                outcomes.ends.push(begun.elapsed().as_nanos() as u64);
                outcomes.results.push(result);
            }
            chunk.slot.store(0, Ordering::Relaxed);
        }
        Err(err) => {
            for _ in 0..chunk.count {
                outcomes.ends.push(0);
                outcomes
                    .results
                    .push(Err(format!("could not decode the task: {err}")));
            }
        }
    }
    let body = postcard::to_allocvec(&outcomes).unwrap_or_else(|err| {
        // A result that cannot be encoded: report it as a failure of every task of the chunk.
        let failed: Outcomes<()> = Outcomes {
            start: 0,
            ends: vec![0; chunk.count as usize],
            results: vec![Err(format!("could not encode the result: {err}")); chunk.count as usize],
        };
        postcard::to_allocvec(&failed).unwrap_or_default()
    });
    let placed = if body.len() >= RING_THRESHOLD {
        // SAFETY: this worker is the only writer of its results ring: it was made for this worker
        // alone, and the worker's only thread runs this loop (a task that forks cannot return here:
        // a child never returns into its parent's stack).
        unsafe {
            chunk
                .results_ring
                .write(body.len(), |region| region.copy_from_slice(&body))
        }
    } else {
        None
    };
    let (kind, body): (u8, &[u8]) = match placed {
        Some(pos) => (IN_RING, &ring_place(pos, body.len())),
        None => (0, &body),
    };
    let len = (RESULT_HEADER + body.len()) as u32;
    chunk.out.extend_from_slice(&len.to_le_bytes());
    chunk.out.extend_from_slice(&chunk.run.to_le_bytes());
    chunk.out.extend_from_slice(&chunk.first.to_le_bytes());
    chunk.out.extend_from_slice(&chunk.count.to_le_bytes());
    chunk.out.push(kind);
    chunk.out.extend_from_slice(body);
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic with a non-text payload".to_string()
    }
}

/// A worker's two rings: tasks (the parent writes, the worker reads) and results (the other way).
pub(super) struct Rings {
    pub tasks: Arena,
    pub results: Arena,
}

impl Rings {
    pub(super) fn new() -> std::io::Result<Rings> {
        Ok(Rings {
            tasks: Arena::new(RING_BYTES)?,
            results: Arena::new(RING_BYTES)?,
        })
    }
}

/// Results are flushed when no task is waiting in the read buffer, or when the oldest unsent result
/// is this old: a slow task must not hold back the fast ones finished before it.
const FLUSH_AFTER: Duration = Duration::from_micros(200);
const FLUSH_BYTES: usize = 64 * 1024;

/// The worker's loop; returns its exit code. Ends at end of file on the task pipe.
pub(super) fn serve(tasks: RawFd, results: RawFd, rings: &Rings, slot: &AtomicU64, epoch: Instant) -> i32 {
    // A panicking task is reported to the caller with its message; the default hook would also
    // print it on the terminal, in the middle of the caller's output.
    panic::set_hook(Box::new(|_| {}));
    let mut inbuf = vec![0u8; 256 * 1024];
    let (mut start, mut end) = (0usize, 0usize);
    let mut out: Vec<u8> = Vec::with_capacity(FLUSH_BYTES * 2);
    let mut oldest: Option<Instant> = None;
    loop {
        let have_frame = end - start >= wire::HEADER && {
            let len = wire::frame_len(inbuf[start..start + wire::HEADER].try_into().unwrap());
            end - start >= wire::HEADER + len
        };
        if !out.is_empty()
            && (!have_frame || out.len() >= FLUSH_BYTES || oldest.is_some_and(|t| t.elapsed() >= FLUSH_AFTER))
        {
            if wire::write_all(results, &out, None).is_err() {
                return 3;
            }
            out.clear();
            oldest = None;
        }
        if !have_frame {
            // Make room, grow for a large frame, then read what the pipe holds.
            inbuf.copy_within(start..end, 0);
            end -= start;
            start = 0;
            if end >= wire::HEADER {
                let need = wire::HEADER + wire::frame_len(inbuf[..wire::HEADER].try_into().unwrap());
                if need > inbuf.len() {
                    inbuf.resize(need, 0);
                }
            }
            match wire::read_some(tasks, &mut inbuf[end..], None) {
                Ok(0) => return if end == 0 { 0 } else { 4 },
                Ok(n) => end += n,
                Err(_) => return 5,
            }
            continue;
        }
        let len = wire::frame_len(inbuf[start..start + wire::HEADER].try_into().unwrap());
        let frame = &inbuf[start + wire::HEADER..start + wire::HEADER + len];
        start += wire::HEADER + len;
        let header = &frame[..TASK_HEADER];
        let run = u32::from_le_bytes(header[0..4].try_into().unwrap());
        let first = u64::from_le_bytes(header[4..12].try_into().unwrap());
        let count = u32::from_le_bytes(header[12..16].try_into().unwrap());
        let tramp = u64::from_le_bytes(header[16..24].try_into().unwrap()) as usize;
        let func = u64::from_le_bytes(header[24..32].try_into().unwrap()) as usize;
        let kind = header[32];
        // SAFETY: `tramp` is the address of a `trampoline::<T, R>` instantiation taken in the
        // parent (see `Tasks::send`); same executable image, same address (see the module comment).
        let tramp: Trampoline = unsafe { std::mem::transmute::<usize, Trampoline>(tramp) };
        let payload = &frame[TASK_HEADER..];
        let mut run_chunk = |payload: &[u8]| {
            let mut chunk = Chunk {
                payload,
                bulk: kind & BULK != 0,
                run,
                first,
                count,
                out: &mut out,
                slot,
                epoch,
                results_ring: &rings.results,
            };
            tramp(func, &mut chunk);
        };
        if kind & IN_RING == 0 {
            run_chunk(payload);
        } else {
            // SAFETY: this worker is the only reader of its tasks ring, and reads the payloads in
            // the order the parent wrote them (the frames arrive in that order on one pipe).
            let done = ring_place_of(payload)
                .and_then(|(pos, len)| unsafe { rings.tasks.read(pos, len, &mut run_chunk) });
            if done.is_none() {
                // Not a published payload: every task of the chunk fails to decode, and says so.
                run_chunk(&[]);
            }
        }
        oldest.get_or_insert_with(Instant::now);
    }
}
