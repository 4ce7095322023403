//! `counter`: exercise 3. Ten processes increment one shared `Value`. With its `Lock` the count is
//! exact; with `--no-lock` each increment is a read then a write of shared memory, and two processes
//! that read the same value both write it plus one: an update is lost. `--runs N` repeats and draws a
//! histogram of the final values.
use std::time::{Duration, Instant};

use nix::sched::{CpuSet, sched_setaffinity};
use nix::unistd::Pid;
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use super::narrator::{fmt_duration, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::procs::{Process, Queue, RawValue, Value};
use crate::view::histogram;

/// The exercise's ten processes.
const PROCESSES: usize = 10;
/// The exercise's hundred increments each, with the lock: 1000.
const LOCKED_INCREMENTS: u32 = 100;
/// Without the lock: a hundred increments take a process a microsecond, too short for two of them to
/// overlap often on 2 cores; with this many, they overlap on every run and the loss shows.
const UNLOCKED_INCREMENTS: u32 = 1_000_000;
/// At most this many runs (`--runs`): each forks ten processes.
const MAX_RUNS: u32 = 200;

/// The question the REPL asks before running `counter`, so the student commits to a prediction.
pub fn counter_prediction_prompt(lang: Lang) -> String {
    lang.word(&msg!(
        "demo-counter-prompt",
        processes = PROCESSES,
        locked = LOCKED_INCREMENTS,
        unlocked = UNLOCKED_INCREMENTS
    ))
}

#[derive(Debug, Serialize, Deserialize)]
enum Report {
    Ready { pid: i32, at: f64 },
    Done { pid: i32, at: f64 },
}

/// One run: the final value and the processes that made it.
struct Run {
    final_value: i64,
    pids: Vec<i32>,
    wall: Duration,
}

pub fn run(opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Json> {
    let parent = std::process::id() as i32;
    let lock = !opts.no_lock;
    let runs = opts.runs.unwrap_or(1).clamp(1, MAX_RUNS);
    let increments = if lock {
        LOCKED_INCREMENTS
    } else {
        UNLOCKED_INCREMENTS
    };
    let expected = PROCESSES as i64 * i64::from(increments);

    let key = if lock {
        "demo-counter-intro-locked"
    } else {
        "demo-counter-intro-unlocked"
    };
    n.say(&msg!(
        key,
        processes = PROCESSES,
        increments = increments,
        expected = expected
    ))?;
    n.say(&Message::new("demo-counter-dealt-out"))?;

    let mut done = Vec::new();
    for k in 0..runs {
        let narrate = k == 0;
        let run = one_run(n, lock, increments, narrate)?;
        let lost = expected - run.final_value;
        n.say(&msg!(
            "demo-counter-run",
            run = k + 1,
            runs = runs,
            value = run.final_value,
            lost = lost,
            time = fmt_duration(run.wall)
        ))?;
        done.push(run);
    }

    let values: Vec<i64> = done.iter().map(|r| r.final_value).collect();
    if values.len() > 1 {
        n.heading_of(&Message::new("demo-counter-histogram"))?;
        n.block(&histogram::render(&values, expected, 40))?;
    }
    let runs_losing = values.iter().filter(|&&v| v != expected).count();
    let min = values.iter().copied().min().unwrap_or(0);
    let max = values.iter().copied().max().unwrap_or(0);
    let mut rows = vec![
        (n.text("demo-counter-expected"), expected.to_string()),
        (
            n.text("demo-counter-measured"),
            if min == max {
                min.to_string()
            } else {
                n.word(&msg!("demo-counter-range", min = min, max = max))
            },
        ),
        (
            n.text("demo-counter-runs-losing"),
            format!("{runs_losing} / {}", values.len()),
        ),
    ];
    if let Some(p) = opts.prediction {
        let hit = values.iter().filter(|&&v| v == p).count();
        rows.push((
            n.text("demo-counter-prediction"),
            n.word(&msg!(
                "demo-counter-prediction-seen",
                prediction = p,
                hit = hit,
                runs = values.len()
            )),
        ));
    }
    n.summary(&rows)?;
    n.say(&Message::new(if lock {
        "demo-counter-lesson-locked"
    } else {
        "demo-counter-lesson-unlocked"
    }))?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": done.first().map(|r| r.pids.clone()).unwrap_or_default(),
        "lock": lock,
        "processes": PROCESSES,
        "increments_per_process": increments,
        "expected": expected,
        "final_value": values.first().copied().unwrap_or(0),
        "final_values": values,
        "runs": done.iter().map(|r| json!({
            "final_value": r.final_value,
            "lost": expected - r.final_value,
            "pids": r.pids,
            "wall_ms": ms(r.wall),
        })).collect::<Vec<_>>(),
        "runs_losing_updates": runs_losing,
        "prediction": opts.prediction,
    }))
}

fn one_run(n: &mut Narrator, lock: bool, increments: u32, narrate: bool) -> anyhow::Result<Run> {
    let origin = n.origin();
    let counter: Value<i64> = Value::new(0)?;
    let gate: RawValue<u32> = RawValue::new(0)?;
    let queue: Queue<Report> = Queue::new()?;
    let started = Instant::now();
    let mut children = Vec::new();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    for k in 0..PROCESSES {
        let (counter, gate, q) = (&counter, &gate, &queue);
        children.push(Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            // Deal the processes out over the cores, as an idle machine would: the scheduler tends to
            // keep fresh children on their parent's core, and a race needs two cores at once.
            spread_over_cores(k, cores);
            q.put(&Report::Ready {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            while gate.load() == 0 {
                std::thread::yield_now();
            }
            for _ in 0..increments {
                if lock {
                    let mut value = counter.get_lock()?;
                    *value += 1;
                } else {
                    // counter.value += 1 without the lock: a read, then a write; another process may
                    // write in between, and its update is overwritten.
                    counter.store(counter.load() + 1);
                }
            }
            q.put(&Report::Done {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            Ok(())
        })?);
    }
    let mut ready = 0;
    while ready < PROCESSES {
        if let Report::Ready { pid, at } = queue.get()? {
            ready += 1;
            if narrate {
                n.pid_at_says(pid, at, &Message::new("demo-counter-ready"))?;
            }
        }
    }
    gate.store(1);
    if narrate {
        n.say(&Message::new("demo-counter-go"))?;
    }
    let mut finished = 0;
    while finished < PROCESSES {
        if let Report::Done { pid, at } = queue.get()? {
            finished += 1;
            if narrate {
                n.pid_at_says(pid, at, &msg!("demo-counter-done", increments = increments))?;
            }
        }
    }
    let mut pids = Vec::new();
    for child in &mut children {
        child.join_ok()?;
        pids.push(child.pid());
    }
    Ok(Run {
        final_value: counter.get()?,
        pids,
        wall: started.elapsed(),
    })
}

/// Places the calling process on core `k % cores` (best effort: a refusal only makes the race rarer).
fn spread_over_cores(k: usize, cores: usize) {
    let mut set = CpuSet::new();
    if set.set(k % cores).is_ok() {
        let _ = sched_setaffinity(Pid::from_raw(0), &set);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prediction_prompt_prints_its_numbers_whole() {
        assert_eq!(
            counter_prediction_prompt(Lang::En),
            "10 processes together increment a shared counter starting at 0: 100 times each with the \
             lock, 1000000 times each without. What final value do you predict?"
        );
        assert!(counter_prediction_prompt(Lang::Fr).contains(" 1000000 fois chacun sans."));
    }
}
