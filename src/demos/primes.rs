//! `primes`: exercise 1, the race. The primes in `range(100_000, 300_000)` counted sequentially, then in
//! 4 chunks on a pool of one worker per core: the count (16405), the times, the speedup, and a timeline
//! of where each chunk ran.
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::prime::is_prime;
use crate::procs::{Pool, TaskEvent};
use crate::view::timeline::tasks as timeline;

/// The exercise's range.
const FROM: u64 = 100_000;
const TO: u64 = 300_000;
/// The exercise's 4 chunks.
const CHUNKS: usize = 4;
/// Each chunk is made of this many slices spread over the whole range: testing a large number costs
/// more than a small one (√n divisions), so 4 consecutive quarters would give the last worker the
/// most work and leave a core idle at the end.
const SLICES_PER_CHUNK: usize = 16;
/// How many times each side is measured by default (the best is kept: other programs share the CPU).
const DEFAULT_RUNS: u32 = 3;
/// Passes over the whole range in one measurement. One pass takes a few milliseconds in Rust, the
/// order of the time it takes to wake a sleeping worker (more on a virtual machine): timed alone, the
/// parallel side would measure wake-ups. Repeated, the measurement is about the computing; every pass
/// still counts the whole range, and every pass's count is checked.
const PASSES: usize = 16;

/// A pool task: the primes in the chunk's slices (`[start, end)` each).
fn count_chunk(slices: Vec<(u64, u64)>) -> u64 {
    slices
        .into_iter()
        .map(|(a, b)| (a..b).filter(|&k| is_prime(k)).count() as u64)
        .sum()
}

/// `CHUNKS` chunks of equal cost: the range cut into `CHUNKS × SLICES_PER_CHUNK` slices, dealt out in
/// turn like cards, so every chunk has small and large numbers alike.
fn balanced_chunks(from: u64, to: u64) -> Vec<Vec<(u64, u64)>> {
    let slices = (CHUNKS * SLICES_PER_CHUNK) as u64;
    let width = (to - from).div_ceil(slices);
    let mut chunks = vec![Vec::new(); CHUNKS];
    for k in 0..slices {
        let a = from + k * width;
        let b = (a + width).min(to);
        if a < b {
            chunks[k as usize % CHUNKS].push((a, b));
        }
    }
    chunks
}

pub fn run(opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let runs = opts.runs.unwrap_or(DEFAULT_RUNS).clamp(1, 20);
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    n.say(&msg!(
        "demo-primes-intro",
        from = FROM,
        to = TO,
        chunks = CHUNKS,
        cores = cores,
        passes = PASSES,
        runs = runs
    ))?;

    n.say(&Message::new("demo-primes-balanced"))?;
    let chunks = balanced_chunks(FROM, TO);
    let started = Instant::now();
    let mut pool = Pool::new(cores)?;
    let pool_start = started.elapsed();
    let workers = pool.pids();
    n.pid_says(
        parent,
        &msg!(
            "demo-primes-pool-started",
            cores = cores,
            time = fmt_duration(pool_start),
            workers = format!("{workers:?}")
        ),
    )?;

    // Sequential and parallel measured in turn, so that both meet the same load from other programs.
    let (mut sequential, mut parallel) = (Duration::MAX, Duration::MAX);
    let (mut count_seq, mut count_par) = (0, 0);
    let mut best_trace = Vec::new();
    for k in 1..=runs {
        let started = Instant::now();
        for _ in 0..PASSES {
            count_seq = count_chunk(vec![(FROM, TO)]);
        }
        let seq = started.elapsed() / PASSES as u32;
        sequential = sequential.min(seq);

        let tasks: Vec<Vec<(u64, u64)>> = (0..PASSES).flat_map(|_| chunks.clone()).collect();
        let started = Instant::now();
        let results = pool.map_traced(count_chunk, tasks, 1)?;
        let par = started.elapsed() / PASSES as u32;
        let per_pass: Vec<u64> = results
            .chunks(CHUNKS)
            .map(|pass| pass.iter().map(|(count, _)| count).sum())
            .collect();
        anyhow::ensure!(
            per_pass.windows(2).all(|w| w[0] == w[1]),
            "the passes disagree on the count: {per_pass:?}"
        );
        count_par = per_pass[0];
        if par < parallel {
            parallel = par;
            best_trace = results;
        }
        n.pid_says(
            parent,
            &msg!(
                "demo-primes-run",
                run = k,
                runs = runs,
                sequential = fmt_duration(seq),
                found_sequential = count_seq,
                parallel = fmt_duration(par),
                found_parallel = count_par
            ),
        )?;
    }
    n.heading_of(&Message::new("demo-primes-best-run"))?;
    let epoch = n.since_start(pool.epoch());
    // Every pass ran the same chunks: the narration and the timeline show the first pass.
    let all_passes = std::mem::take(&mut best_trace);
    best_trace = all_passes
        .iter()
        .filter(|(_, e)| e.index < CHUNKS)
        .cloned()
        .collect();
    let mut by_end: Vec<&(u64, TaskEvent)> = best_trace.iter().collect();
    by_end.sort_by_key(|(_, e)| e.end);
    for (count, event) in by_end {
        n.pid_at_says(
            event.worker_pid,
            epoch + event.end.as_secs_f64(),
            &msg!(
                "demo-primes-chunk",
                chunk = event.index + 1,
                primes = *count,
                time = fmt_duration(event.end.saturating_sub(event.start))
            ),
        )?;
    }
    drop(pool);

    n.heading_of(&Message::new("demo-primes-where"))?;
    n.block(&timeline::of_tasks(
        best_trace.iter().map(|e| (&e.1, format!("{}", e.1.index + 1))),
        lang,
    ))?;

    let speedup = sequential.as_secs_f64() / parallel.as_secs_f64().max(1e-9);
    // What the run did, beside the speedup: how many chunks were running at once on average (the
    // chunks' durations, measured in the workers, over the parallel wall time).
    let busy: f64 = all_passes
        .iter()
        .map(|(_, e)| e.end.saturating_sub(e.start).as_secs_f64())
        .sum();
    let in_parallel = busy / (parallel.as_secs_f64() * PASSES as f64).max(1e-9);
    let with_start = sequential.as_secs_f64() / (parallel + pool_start).as_secs_f64().max(1e-9);
    n.summary(&[
        (n.text("demo-primes-found"), format!("{count_seq} / {count_par}")),
        (n.text("demo-primes-sequential"), fmt_duration(sequential)),
        (
            n.text("demo-primes-parallel"),
            n.word(&msg!(
                "demo-primes-parallel-on",
                time = fmt_duration(parallel),
                cores = cores
            )),
        ),
        (n.text("demo-primes-speedup"), format!("{speedup:.2} ×")),
        (
            n.text("demo-primes-in-parallel"),
            n.word(&msg!(
                "demo-primes-chunks-at-once",
                chunks = format!("{in_parallel:.2}")
            )),
        ),
        (
            n.text("demo-primes-pool-start"),
            n.word(&msg!(
                "demo-primes-pool-start-counted",
                time = fmt_duration(pool_start),
                speedup = format!("{with_start:.2}")
            )),
        ),
    ])?;

    if cores >= 2 && in_parallel < 1.5 {
        super::narrator::loaded_machine_note(n)?;
    }

    Ok(json!({
        "parent_pid": parent,
        "child_pids": workers,
        "range": [FROM, TO],
        "count": count_par,
        "count_sequential": count_seq,
        "cores": cores,
        "runs": runs,
        "passes_per_measurement": PASSES,
        "sequential_ms": ms(sequential),
        "parallel_ms": ms(parallel),
        "pool_start_ms": ms(pool_start),
        "speedup": (speedup * 1000.0).round() / 1000.0,
        "chunks_in_parallel": (in_parallel * 100.0).round() / 100.0,
        "speedup_including_pool_start": (with_start * 1000.0).round() / 1000.0,
        "chunks": best_trace.iter().map(|(count, e)| json!({
            "index": e.index,
            "primes": count,
            "worker_pid": e.worker_pid,
            "start_ms": ms(e.start),
            "end_ms": ms(e.end),
        })).collect::<Vec<_>>(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_cover_the_range_once() {
        let chunks = balanced_chunks(FROM, TO);
        assert_eq!(chunks.len(), CHUNKS);
        let mut slices: Vec<(u64, u64)> = chunks.concat();
        slices.sort();
        assert_eq!(slices.first().map(|s| s.0), Some(FROM));
        assert_eq!(slices.last().map(|s| s.1), Some(TO));
        assert!(slices.windows(2).all(|w| w[0].1 == w[1].0));
    }

    #[test]
    fn naive_test_agrees_on_small_numbers() {
        let primes: Vec<u64> = (0..30).filter(|&k| is_prime(k)).collect();
        assert_eq!(primes, [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]);
    }
}
