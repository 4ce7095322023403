//! `process`: the lesson's first example. Two children each compute `sum(i*i for i in range(10**7))`,
//! say when they start and finish with their PIDs, and the parent joins them.
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::{fmt_duration, fmt_secs, group_digits, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::{Process, Queue};

/// `range(10**7)`.
const N: u64 = 10_000_000;

/// `sum(i*i for i in range(n))`, exact (it overflows 64 bits for the lesson's n).
pub fn sum_of_squares(n: u64) -> u128 {
    // black_box keeps the loop a loop: LLVM would otherwise replace it with the closed formula, and the
    // lesson's "heavy computation" would take 30 ns.
    (0..n)
        .map(|i| {
            let i = u128::from(std::hint::black_box(i));
            i * i
        })
        .sum()
}

#[derive(Debug, Serialize, Deserialize)]
enum Report {
    Started {
        name: char,
        pid: i32,
        at: f64,
    },
    Done {
        name: char,
        pid: i32,
        at: f64,
        result: u128,
    },
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let origin = n.origin();
    n.pid_says(parent, &Message::new("demo-process-creates"))?;
    let queue: Queue<Report> = Queue::new()?;
    let started = Instant::now();
    let mut children = Vec::new();
    for name in ['A', 'B'] {
        let q = &queue;
        let child = Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            q.put(&Report::Started {
                name,
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            let result = sum_of_squares(N);
            q.put(&Report::Done {
                name,
                pid,
                at: origin.elapsed().as_secs_f64(),
                result,
            })?;
            Ok(())
        })?;
        children.push((name, child));
    }
    let mut results = Vec::new();
    while results.len() < children.len() {
        match queue.get()? {
            Report::Started { name, pid, at } => {
                n.pid_at_says(pid, at, &msg!("demo-process-starts", name = name.to_string()))?
            }
            Report::Done {
                name,
                pid,
                at,
                result,
            } => {
                let shown = group_digits(lang, &result.to_string());
                n.pid_at_says(
                    pid,
                    at,
                    &msg!("demo-process-done", name = name.to_string(), result = shown),
                )?;
                results.push((name, pid, at, result));
            }
        }
    }
    n.pid_says(parent, &Message::new("demo-process-join"))?;
    let mut pids = Vec::new();
    for (_, child) in &mut children {
        child.join_ok()?;
        pids.push(child.pid());
    }
    let wall = started.elapsed();
    n.pid_says(parent, &Message::new("demo-process-all-done"))?;

    results.sort_by_key(|r| r.0);
    let mut rows: Vec<(String, String)> = results
        .iter()
        .map(|(name, pid, at, result)| {
            (
                n.word(&msg!("demo-process-row", name = name.to_string(), pid = *pid)),
                // The exact sum, ungrouped: it does not fit a Fluent number.
                n.word(&msg!(
                    "demo-process-done-at",
                    result = result.to_string(),
                    time = fmt_secs(*at)
                )),
            )
        })
        .collect();
    rows.push((n.text("demo-process-total-time"), fmt_duration(wall)));
    n.summary(&rows)?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": pids,
        "task": "sum(i*i for i in range(10**7))",
        // As strings: the sum does not fit a JSON number that every reader handles exactly.
        "results": results.iter().map(|r| r.3.to_string()).collect::<Vec<_>>(),
        "children": results
            .iter()
            .map(|(name, pid, at, result)| json!({
                "name": name.to_string(),
                "pid": pid,
                "result": result.to_string(),
                "done_ms": (at * 1e6).round() / 1e3,
            }))
            .collect::<Vec<_>>(),
        "wall_ms": ms(wall),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lessons_sum() {
        assert_eq!(sum_of_squares(4), 14);
        assert_eq!(sum_of_squares(N), 333_333_283_333_335_000_000);
    }
}
