//! `ipc-cost`: the lesson's warning about IPC, measured. A child sums a large list of numbers two ways:
//! the parent sends the list through a `Queue` (serialised, copied through the kernel, deserialised),
//! or the child builds the data itself, where it is needed, and only the 8-byte result crosses.
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::{fmt_secs, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::{Process, Queue};

/// 4 million 64-bit numbers: 32 MB in memory.
const LEN: u64 = 4_000_000;

#[derive(Debug, Serialize, Deserialize)]
enum Transfer {
    Data(Vec<u64>),
    /// What the child reports: when it had the data in hand, and the sum.
    Result {
        pid: i32,
        had_data_at: f64,
        at: f64,
        sum: u64,
    },
}

fn make_data() -> Vec<u64> {
    (0..LEN)
        .map(|i| i.wrapping_mul(2_654_435_761) % 1_000_003)
        .collect()
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let parent = std::process::id() as i32;
    let origin = n.origin();
    let mb = (LEN * 8) as f64 / 1e6;
    n.say(&msg!("demo-ipc-data", len = LEN, mb = format!("{mb:.0}")))?;

    n.heading_of(&Message::new("demo-ipc-act-queue"))?;
    let data = make_data();
    let expected: u64 = data.iter().sum();
    let to_child: Queue<Transfer> = Queue::new()?;
    let from_child: Queue<Transfer> = Queue::new()?;
    let mut sender_child = {
        let (inq, outq) = (&to_child, &from_child);
        Process::start(move || -> anyhow::Result<()> {
            let Transfer::Data(data) = inq.get()? else {
                anyhow::bail!("expected the data first");
            };
            let had_data_at = origin.elapsed().as_secs_f64();
            let sum = data.iter().sum();
            outq.put(&Transfer::Result {
                pid: std::process::id() as i32,
                had_data_at,
                at: origin.elapsed().as_secs_f64(),
                sum,
            })?;
            Ok(())
        })?
    };
    let sent_from = n.elapsed();
    n.pid_says(parent, &Message::new("demo-ipc-put"))?;
    let started = Instant::now();
    to_child.put(&Transfer::Data(data))?;
    let (pid_a, had_a, done_a, sum_a) = wait_result(&from_child)?;
    let send_total = started.elapsed();
    sender_child.join_ok()?;
    n.pid_at_says(
        pid_a,
        had_a,
        &msg!("demo-ipc-received", time = fmt_secs(had_a - sent_from)),
    )?;
    n.pid_at_says(
        pid_a,
        done_a,
        &msg!(
            "demo-ipc-sum-computed",
            sum = sum_a,
            time = fmt_secs(done_a - had_a)
        ),
    )?;

    n.heading_of(&Message::new("demo-ipc-act-in-place"))?;
    let started = Instant::now();
    let mut local_child = {
        let outq = &from_child;
        Process::start(move || -> anyhow::Result<()> {
            // The worker produces its data itself (as it would read its own file or slice).
            let data = make_data();
            let had_data_at = origin.elapsed().as_secs_f64();
            let sum = data.iter().sum();
            outq.put(&Transfer::Result {
                pid: std::process::id() as i32,
                had_data_at,
                at: origin.elapsed().as_secs_f64(),
                sum,
            })?;
            Ok(())
        })?
    };
    let (pid_b, had_b, done_b, sum_b) = wait_result(&from_child)?;
    let local_total = started.elapsed();
    local_child.join_ok()?;
    n.pid_at_says(pid_b, had_b, &Message::new("demo-ipc-built-itself"))?;
    n.pid_at_says(pid_b, done_b, &msg!("demo-ipc-sum-back", sum = sum_b))?;

    let ratio = send_total.as_secs_f64() / local_total.as_secs_f64().max(1e-9);
    let rate = mb / (had_a - sent_from).max(1e-9);
    n.summary(&[
        (
            n.text("demo-ipc-sending"),
            n.word(&msg!(
                "demo-ipc-sending-total",
                time = fmt_secs(send_total.as_secs_f64()),
                rate = format!("{rate:.0}")
            )),
        ),
        (n.text("demo-ipc-in-place"), fmt_secs(local_total.as_secs_f64())),
        (n.text("demo-ipc-ratio"), format!("{ratio:.1} ×")),
        (
            n.text("demo-ipc-same-sum"),
            format!("{}", sum_a == expected && sum_b == expected),
        ),
    ])?;
    n.say(&Message::new("demo-ipc-lesson"))?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": [pid_a, pid_b],
        "payload_bytes": LEN * 8,
        "expected_sum": expected,
        "via_queue": {"pid": pid_a, "sum": sum_a, "total_ms": ms(send_total), "transfer_ms": ((had_a - sent_from) * 1e6).round() / 1e3},
        "in_place": {"pid": pid_b, "sum": sum_b, "total_ms": ms(local_total)},
        "ratio": (ratio * 100.0).round() / 100.0,
    }))
}

fn wait_result(queue: &Queue<Transfer>) -> anyhow::Result<(i32, f64, f64, u64)> {
    match queue.get()? {
        Transfer::Result {
            pid,
            had_data_at,
            at,
            sum,
        } => Ok((pid, had_data_at, at, sum)),
        Transfer::Data(_) => anyhow::bail!("unexpected data from the child"),
    }
}
