//! `startup-cost`: key question 4. 100 small tasks, once with one process per task, once on a pool of 4
//! workers, both measured from the first fork to the last result, and drawn on timelines.
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::{fmt_duration, ms};
use super::process::sum_of_squares;
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::{Pool, Process, Queue};
use crate::view::timeline::tasks::{self as timeline, Span};

/// The question's 100 tasks.
const TASKS: usize = 100;
/// The answer's pool of 4 workers.
const WORKERS: usize = 4;
/// A small task: `sum(i*i for i in range(10_000))`, some microseconds.
const TASK_SIZE: u64 = 10_000;

fn small_task(k: u64) -> u64 {
    // `k` only varies the input so that no two tasks are the same computation.
    (sum_of_squares(TASK_SIZE + k) % 1_000_000_007) as u64
}

#[derive(Debug, Serialize, Deserialize)]
struct Report {
    index: usize,
    pid: i32,
    start: f64,
    end: f64,
    result: u64,
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let origin = n.origin();

    n.heading_of(&msg!("demo-startup-act-processes", tasks = TASKS))?;
    let queue: Queue<Report> = Queue::new()?;
    let started = Instant::now();
    let mut children = Vec::with_capacity(TASKS);
    for index in 0..TASKS {
        let q = &queue;
        children.push(Process::start(move || -> anyhow::Result<()> {
            let start = origin.elapsed().as_secs_f64();
            let result = small_task(index as u64);
            q.put(&Report {
                index,
                pid: std::process::id() as i32,
                start,
                end: origin.elapsed().as_secs_f64(),
                result,
            })?;
            Ok(())
        })?);
    }
    let mut reports = Vec::with_capacity(TASKS);
    while reports.len() < TASKS {
        let r = queue.get()?;
        if reports.len() < 3 || reports.len() == TASKS - 1 {
            n.pid_at_says(r.pid, r.end, &msg!("demo-startup-task-done", task = r.index))?;
        } else if reports.len() == 3 {
            n.say(&msg!("demo-startup-more-processes", count = TASKS - 4))?;
        }
        reports.push(r);
    }
    let mut pids = Vec::with_capacity(TASKS);
    for child in &mut children {
        child.join_ok()?;
        pids.push(child.pid());
    }
    let one_per_task = started.elapsed();
    let lanes = timeline::lanes_by_pid(reports.iter().map(|r| {
        (
            r.pid,
            Span {
                label: r.index.to_string(),
                start: r.start,
                end: r.end,
            },
        )
    }));
    let from = n.since_start(started);
    n.block(&timeline::render(
        &lanes,
        from,
        from + one_per_task.as_secs_f64(),
        60,
        8,
        lang,
    ))?;

    n.heading_of(&msg!("demo-startup-act-pool", workers = WORKERS, tasks = TASKS))?;
    let started = Instant::now();
    let mut pool = Pool::new(WORKERS)?;
    let workers = pool.pids();
    let results = pool.map_traced(small_task, 0..TASKS as u64, 0)?;
    let epoch = n.since_start(pool.epoch());
    drop(pool);
    let pooled = started.elapsed();
    for &w in &workers {
        let done = results.iter().filter(|(_, e)| e.worker_pid == w).count();
        n.pid_says(w, &msg!("demo-startup-worker", tasks = done))?;
    }
    let lanes = timeline::lanes_by_pid(results.iter().map(|(_, e)| {
        (
            e.worker_pid,
            Span {
                label: e.index.to_string(),
                start: epoch + e.start.as_secs_f64(),
                end: epoch + e.end.as_secs_f64(),
            },
        )
    }));
    let from = n.since_start(started);
    n.block(&timeline::render(
        &lanes,
        from,
        from + pooled.as_secs_f64(),
        60,
        8,
        lang,
    ))?;

    let same = {
        let mut a: Vec<(usize, u64)> = reports.iter().map(|r| (r.index, r.result)).collect();
        a.sort();
        a.iter().map(|r| r.1).eq(results.iter().map(|(r, _)| *r))
    };
    let ratio = one_per_task.as_secs_f64() / pooled.as_secs_f64().max(1e-9);
    n.summary(&[
        (
            n.word(&msg!("demo-startup-processes", tasks = TASKS)),
            fmt_duration(one_per_task),
        ),
        (
            n.word(&msg!("demo-startup-pool", workers = WORKERS)),
            fmt_duration(pooled),
        ),
        (
            n.text("demo-startup-pool-is"),
            n.word(&msg!("demo-startup-faster", ratio = format!("{ratio:.1}"))),
        ),
        (n.text("demo-startup-same-results"), same.to_string()),
    ])?;
    n.say(&Message::new("demo-startup-lesson"))?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": pids,
        "pool_pids": workers,
        "tasks": TASKS,
        "one_process_per_task_ms": ms(one_per_task),
        "pool_ms": ms(pooled),
        "ratio": (ratio * 100.0).round() / 100.0,
        "same_results": same,
    }))
}
