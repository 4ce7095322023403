//! atelier's side of the benchmark: the same workloads as `benches/mp_bench.py`, with the same
//! sizes and units, written with the `procs` primitives.
use std::time::Instant;

use crate::prime::is_prime;
use crate::procs::{self, Pool, Process, Queue, RawValue, Value};

pub const PROCESS_STARTS: u32 = 50;
pub const MAP_TASKS: u64 = 200_000;
pub const IMAP_TASKS: u64 = 50_000;
pub const QUEUE_MESSAGES: u64 = 200_000;
pub const LOCK_PROCESSES: usize = 10;
pub const LOCK_INCREMENTS: u64 = 10_000;
pub const PRIMES: (u32, u32) = (100_000, 300_000);

/// The trivial task of the pool workloads (CPython's `square`).
fn square(x: u64) -> u64 {
    x * x
}

/// The chapter's `count_primes_in_chunk`.
fn count_primes_in_chunk(chunk: Vec<u32>) -> u64 {
    count_primes_in(&chunk)
}

/// Median microseconds of `Process::start` + `join` of an empty closure, and of a bare
/// fork + `_exit` + waitpid, the two interleaved so that a change of load on the machine affects
/// both; medians, so that one start delayed by another job does not weigh.
pub fn process_start_join() -> procs::Result<(f64, f64)> {
    let (mut ours, mut raw) = (Vec::new(), Vec::new());
    for _ in 0..PROCESS_STARTS {
        let start = Instant::now();
        Process::start(|| ())?.join_ok()?;
        ours.push(start.elapsed().as_secs_f64() * 1e6);
        raw.push(procs::raw::fork_exit_wait()?.as_secs_f64() * 1e6);
    }
    Ok((super::median(&ours), super::median(&raw)))
}

/// Tasks per second of `Pool::map` on two workers (pool started and warm before the clock).
pub fn pool_map(chunksize: usize) -> procs::Result<f64> {
    let mut pool = Pool::new(2)?;
    pool.map(square, 0..100u64, 1)?;
    let start = Instant::now();
    let results = pool.map(square, 0..MAP_TASKS, chunksize)?;
    let elapsed = start.elapsed();
    check(
        results.last() == Some(&((MAP_TASKS - 1) * (MAP_TASKS - 1))),
        "pool map result",
    )?;
    pool.join()?;
    Ok(MAP_TASKS as f64 / elapsed.as_secs_f64())
}

/// Tasks per second of `imap_unordered` (chunksize 1, CPython's default).
pub fn imap_unordered() -> procs::Result<f64> {
    let mut pool = Pool::new(2)?;
    pool.map(square, 0..100u64, 1)?;
    let start = Instant::now();
    let mut total = 0u64;
    for result in pool.imap_unordered(square, 0..IMAP_TASKS, 1) {
        result?;
        total += 1;
    }
    let elapsed = start.elapsed();
    check(total == IMAP_TASKS, "imap_unordered count")?;
    pool.join()?;
    Ok(IMAP_TASKS as f64 / elapsed.as_secs_f64())
}

/// Messages per second from a producer process to this one (process start included, as in CPython's).
pub fn queue() -> procs::Result<f64> {
    let queue: Queue<u64> = Queue::new()?;
    let start = Instant::now();
    let mut producer = Process::start(|| -> procs::Result<()> {
        for i in 0..QUEUE_MESSAGES {
            queue.put(&i)?;
        }
        Ok(())
    })?;
    for i in 0..QUEUE_MESSAGES {
        let got = queue.get()?;
        check(got == i, "queue order")?;
    }
    let elapsed = start.elapsed();
    producer.join_ok()?;
    Ok(QUEUE_MESSAGES as f64 / elapsed.as_secs_f64())
}

/// Locked increments per second, 10 processes, counted from the moment they are all started and
/// waiting (a gate opens) to the last one's end, which each reports with its own clock reading
/// (`Instant` is the system-wide monotonic clock, and a child is a fork: same epoch). Also returns
/// the start-up apart: seconds from the first `start` until all ten wait at the gate. CPython's
/// side measures both the same way (`benches/mp_bench.py`).
pub fn value_lock() -> procs::Result<(f64, f64)> {
    let value = Value::new(0i64)?;
    let ready = Value::new(0u32)?;
    let gate: RawValue<u32> = RawValue::new(0)?;
    let ends: Queue<u64> = Queue::new()?;
    let epoch = Instant::now();
    let mut children = Vec::with_capacity(LOCK_PROCESSES);
    for _ in 0..LOCK_PROCESSES {
        children.push(Process::start(|| -> procs::Result<()> {
            *ready.get_lock()? += 1;
            while gate.load() == 0 {
                std::thread::yield_now();
            }
            for _ in 0..LOCK_INCREMENTS {
                *value.get_lock()? += 1;
            }
            ends.put(&(epoch.elapsed().as_nanos() as u64))
        })?);
    }
    while ready.load() < LOCK_PROCESSES as u32 {
        std::thread::yield_now();
    }
    let opened = epoch.elapsed();
    gate.store(1);
    let mut last = 0;
    for _ in 0..LOCK_PROCESSES {
        last = last.max(ends.get()?);
    }
    for child in &mut children {
        child.join_ok()?;
    }
    let counting = std::time::Duration::from_nanos(last).saturating_sub(opened);
    let total = LOCK_PROCESSES as u64 * LOCK_INCREMENTS;
    check(value.get()? == total as i64, "locked counter")?;
    Ok((total as f64 / counting.as_secs_f64(), opened.as_secs_f64()))
}

/// Passes over the range in one measurement on atelier's side. A pass takes 8–10 ms in Rust, the
/// order of the time it takes to wake a sleeping worker on a virtual machine: timed alone, the pool
/// side would measure wake-ups, not computing. CPython's pass takes 110–250 ms and needs no
/// repetition. 32 passes make atelier's window as long as CPython's (about 170 ms of pool), so
/// that what every measurement pays once (waking the workers, the last chunk running alone) weighs
/// as much on both sides. Both of atelier's sides chain the same passes; the figures are per pass.
pub const PRIMES_PASSES: usize = 32;

/// The chapter's pool of four.
const PRIMES_WORKERS: usize = 4;

/// Seconds per pass and count of the sequential prime count.
pub fn primes_sequential() -> (f64, u64) {
    let data: Vec<u32> = (PRIMES.0..PRIMES.1).collect();
    let passes: Vec<Vec<u32>> = (0..PRIMES_PASSES).map(|_| data.clone()).collect();
    let start = Instant::now();
    let counts: Vec<u64> = passes.into_iter().map(count_primes_in_chunk).collect();
    let seconds = start.elapsed().as_secs_f64() / PRIMES_PASSES as f64;
    (seconds, agreed(&counts))
}

/// The passes cut in four chunks each, as the chapter cuts the range.
fn primes_chunks() -> Vec<Vec<u32>> {
    let data: Vec<u32> = (PRIMES.0..PRIMES.1).collect();
    let size = data.len() / 4;
    (0..PRIMES_PASSES)
        .flat_map(|_| data.chunks(size).map(<[u32]>::to_vec))
        .collect()
}

/// Seconds per pass and count of the prime count in four chunks on a pool of four (started before
/// the clock), as the chapter cuts them.
pub fn primes_pool() -> procs::Result<(f64, u64)> {
    let chunks = primes_chunks();
    let per_pass = chunks.len() / PRIMES_PASSES;
    let mut pool = Pool::new(PRIMES_WORKERS)?;
    pool.map(square, 0..8u64, 1)?;
    let start = Instant::now();
    let results = pool.map(count_primes_in_chunk, chunks, 1)?;
    let seconds = start.elapsed().as_secs_f64() / PRIMES_PASSES as f64;
    pool.join()?;
    let counts: Vec<u64> = results.chunks(per_pass).map(|pass| pass.iter().sum()).collect();
    Ok((seconds, agreed(&counts)))
}

/// The pool's figure without the pool: the same chunks counted by as many processes as the pool
/// has workers, forked before the clock, each already holding every chunk (inherited at the fork:
/// nothing crosses between processes but a chunk's index and, at the end, a count). Each takes the
/// next index from a shared counter, so a core that runs slower (another job, the host of a virtual
/// machine) takes fewer chunks, as the pool's idle workers do; they sleep until the clock starts, as
/// the pool's workers do. What the pool costs is the difference; what this costs is the machine's
/// (waking the processes, the last chunk alone, the cores' own speed when both run). Seconds per
/// pass and the count.
pub fn primes_no_pool() -> procs::Result<(f64, u64)> {
    let chunks = primes_chunks();
    let next = Value::new(0u64)?;
    let (seconds, found) = gated(PRIMES_WORKERS, || {
        let mut found = 0;
        loop {
            let index = {
                let mut next = next.get_lock()?;
                let index = *next as usize;
                *next += 1;
                index
            };
            let Some(chunk) = chunks.get(index) else {
                return Ok(found);
            };
            found += count_primes_in(chunk);
        }
    })?;
    let passes = PRIMES_PASSES as u64;
    let count = if found % passes == 0 { found / passes } else { 0 };
    Ok((seconds / PRIMES_PASSES as f64, count))
}

/// What this machine's cores give, with nothing shared: half the passes counted by this process
/// alone, then by one process per core at once, each the same half. The work of one core done per
/// second by all of them together, as a multiple of one (2.0 on two idle cores of their own).
pub fn cores_speedup() -> procs::Result<f64> {
    let data: Vec<u32> = (PRIMES.0..PRIMES.1).collect();
    let work = || {
        (0..PRIMES_PASSES / 2)
            .map(|_| count_primes_in(&data))
            .sum::<u64>()
    };
    let start = Instant::now();
    let alone = work();
    let one = start.elapsed().as_secs_f64();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (together, found) = gated(cores, || Ok(work()))?;
    check(found == alone * cores as u64, "primes counted on every core")?;
    Ok(cores as f64 * one / together)
}

fn count_primes_in(numbers: &[u32]) -> u64 {
    numbers.iter().filter(|&&n| is_prime(u64::from(n))).count() as u64
}

/// Runs `body` in `processes` forked processes started together: each waits at a gate until all
/// are forked and waiting, and the clock starts when the gate opens. Seconds from then until the
/// last one ended (each reports its own end: `Instant` is the system-wide monotonic clock, the same
/// in a fork), and the sum of what they returned.
fn gated(processes: usize, body: impl Fn() -> procs::Result<u64>) -> procs::Result<(f64, u64)> {
    let ready = Value::new(0u32)?;
    let go: Queue<u8> = Queue::new()?;
    // (the instant it ended, in ns since `epoch`; what it returned)
    let ends: Queue<(u64, u64)> = Queue::new()?;
    let epoch = Instant::now();
    let mut children = Vec::with_capacity(processes);
    for _ in 0..processes {
        children.push(Process::start(|| -> procs::Result<()> {
            *ready.get_lock()? += 1;
            go.get()?;
            let value = body()?;
            ends.put(&(epoch.elapsed().as_nanos() as u64, value))
        })?);
    }
    while ready.load() < processes as u32 {
        std::thread::yield_now();
    }
    let opened = epoch.elapsed();
    for _ in 0..processes {
        go.put(&1)?;
    }
    let (mut last, mut total) = (0, 0);
    for _ in 0..processes {
        let (end, value) = ends.get()?;
        last = last.max(end);
        total += value;
    }
    for child in &mut children {
        child.join_ok()?;
    }
    let seconds = std::time::Duration::from_nanos(last)
        .saturating_sub(opened)
        .as_secs_f64();
    Ok((seconds, total))
}

/// The count every pass found, or 0 (which fails the 16405 check) when passes disagree.
fn agreed(counts: &[u64]) -> u64 {
    match counts.first() {
        Some(&first) if counts.iter().all(|&c| c == first) => first,
        _ => 0,
    }
}

fn check(ok: bool, what: &str) -> procs::Result<()> {
    if ok {
        Ok(())
    } else {
        Err(std::io::Error::other(format!("wrong result: {what}")).into())
    }
}
