//! `pool`: the lesson's `Pool.map` of `square` over 1..8 on a pool of one process per core; each result
//! carries the PID of the worker that computed it, and a timeline shows which worker ran what, when.
use std::time::Instant;

use serde_json::{Value, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Lang;
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
    n.pid(
        parent,
        &match lang {
            Lang::Fr => format!(
                "with Pool() as pool : {cores} ouvriers (un par cœur), démarrés en {} : {workers:?}",
                fmt_duration(pool_start)
            ),
            Lang::En | Lang::Other(_) => format!(
                "with Pool() as pool: {cores} workers (one per core), started in {}: {workers:?}",
                fmt_duration(pool_start)
            ),
        },
    )?;
    n.pid(parent, "results = pool.map(square, [1, 2, 3, 4, 5, 6, 7, 8])")?;
    let numbers: Vec<u64> = (1..=8).collect();
    let started = Instant::now();
    let results = pool.map_traced(square, numbers.clone(), 0)?;
    let map_time = started.elapsed();
    drop(pool);

    // Printed as the lesson's `for res in results: print(res)`: in input order, once map has returned.
    for ((sq, pid), event) in &results {
        let x = numbers[event.index];
        n.pid(
            event.worker_pid,
            &match lang {
                Lang::Fr => format!("Input: {x}, Carré: {sq}, PID: {pid}"),
                Lang::En | Lang::Other(_) => format!("Input: {x}, Square: {sq}, PID: {pid}"),
            },
        )?;
    }
    n.say(
        "map rend les résultats dans l'ordre des entrées, quel que soit l'ouvrier qui les a calculés.",
        "map returns the results in the order of the inputs, whichever worker computed them.",
    )?;

    n.heading(n.pick("Qui a calculé quoi, et quand", "Who computed what, and when"))?;
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
        (n.pick("ouvriers", "workers").to_owned(), format!("{workers:?}")),
        (
            n.pick("tâches par ouvrier", "tasks per worker").to_owned(),
            per_worker
                .iter()
                .map(|(w, c)| format!("{w}: {c}"))
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            n.pick("démarrage du Pool", "Pool start").to_owned(),
            fmt_duration(pool_start),
        ),
        ("map".to_owned(), fmt_duration(map_time)),
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
