//! `pool`: the lesson's `Pool.map` of `square` over 1..8 on a pool of one process per core; each result
//! carries the PID of the worker that computed it, and a timeline shows which worker ran what, when.
use std::time::Instant;

use serde_json::{Value, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::Pool;
use crate::view::timeline::tasks as timeline;

/// The lesson's `square`: the square and the PID that computed it (its `os.getpid()`).
fn square(x: u64) -> (u64, i32) {
    (x * x, std::process::id() as i32)
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let started = Instant::now();
    let mut pool = Pool::new(cores)?;
    let pool_start = started.elapsed();
    let workers = pool.pids();
    n.pid_says(
        parent,
        &msg!(
            "demo-pool-started",
            cores = cores,
            time = fmt_duration(pool_start),
            workers = format!("{workers:?}")
        ),
    )?;
    // The lesson's Python line, shown as it is: code, not words to translate.
    n.pid(parent, "results = pool.map(square, [1, 2, 3, 4, 5, 6, 7, 8])")?;
    let numbers: Vec<u64> = (1..=8).collect();
    let started = Instant::now();
    let results = pool.map_traced(square, numbers.clone(), 0)?;
    let map_time = started.elapsed();
    drop(pool);

    // Printed as the lesson's `for res in results: print(res)`: in input order, once map has returned.
    for ((sq, pid), event) in &results {
        let x = numbers[event.index];
        n.pid_says(
            event.worker_pid,
            &msg!("demo-pool-result", input = x, square = *sq, pid = *pid),
        )?;
    }
    n.say(&Message::new("demo-pool-in-order"))?;

    n.heading_of(&Message::new("demo-pool-who"))?;
    n.block(&timeline::of_tasks(
        results.iter().map(|e| (&e.1, numbers[e.1.index].to_string())),
        lang,
    ))?;

    let mut per_worker: Vec<(i32, usize)> = workers
        .iter()
        .map(|&w| (w, results.iter().filter(|(_, e)| e.worker_pid == w).count()))
        .collect();
    per_worker.sort();
    n.summary(&[
        (n.text("demo-pool-workers"), format!("{workers:?}")),
        (
            n.text("demo-pool-tasks-per-worker"),
            per_worker
                .iter()
                .map(|(w, c)| format!("{w}: {c}"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (n.text("demo-pool-start"), fmt_duration(pool_start)),
        (n.text("demo-pool-map"), fmt_duration(map_time)),
    ])?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": workers,
        "cores": cores,
        "inputs": numbers,
        "results": results.iter().map(|((sq, _), _)| sq).collect::<Vec<_>>(),
        "tasks": results.iter().map(|((sq, pid), e)| json!({
            "input": numbers[e.index],
            "square": sq,
            "pid": pid,
            "worker_pid": e.worker_pid,
            "start_ms": ms(e.start),
            "end_ms": ms(e.end),
        })).collect::<Vec<_>>(),
        "pool_start_ms": ms(pool_start),
        "map_ms": ms(map_time),
    }))
}
