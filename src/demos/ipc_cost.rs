//! `ipc-cost`: the lesson's warning about IPC, measured. A child sums a large list of numbers two ways:
//! the parent sends the list through a `Queue` (serialised, copied through the kernel, deserialised),
//! or the child builds the data itself, where it is needed, and only the 8-byte result crosses.
use std::time::Instant;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::{fmt_secs, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Lang;
use crate::procs::{Process, Queue};

/// 4 million 64-bit numbers: 32 MB in memory.
const LEN: u64 = 4_000_000;

#[derive(Debug, Serialize, Deserialize)]
enum Message {
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
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let origin = n.origin();
    let mb = (LEN * 8) as f64 / 1e6;
    n.line(&match lang {
        Lang::Fr => format!("La donnée : {LEN} entiers de 64 bits ({mb:.0} Mo). La tâche : les additionner."),
        Lang::En | Lang::Other(_) => {
            format!("The data: {LEN} 64-bit integers ({mb:.0} MB). The task: add them up.")
        }
    })?;

    n.heading(n.pick(
        "1. Envoyer la donnée par une Queue",
        "1. Sending the data through a Queue",
    ))?;
    let data = make_data();
    let expected: u64 = data.iter().sum();
    let to_child: Queue<Message> = Queue::new()?;
    let from_child: Queue<Message> = Queue::new()?;
    let mut sender_child = {
        let (inq, outq) = (&to_child, &from_child);
        Process::start(move || -> anyhow::Result<()> {
            let Message::Data(data) = inq.get()? else {
                anyhow::bail!("expected the data first");
            };
            let had_data_at = origin.elapsed().as_secs_f64();
            let sum = data.iter().sum();
            outq.put(&Message::Result {
                pid: std::process::id() as i32,
                had_data_at,
                at: origin.elapsed().as_secs_f64(),
                sum,
            })?;
            Ok(())
        })?
    };
    let sent_from = n.elapsed();
    n.pid(
        parent,
        n.pick(
            "q.put(data) : sérialisation, copie par le noyau…",
            "q.put(data): serialisation, copy through the kernel…",
        ),
    )?;
    let started = Instant::now();
    to_child.put(&Message::Data(data))?;
    let (pid_a, had_a, done_a, sum_a) = wait_result(&from_child)?;
    let send_total = started.elapsed();
    sender_child.join_ok()?;
    n.pid_at(
        pid_a,
        had_a,
        &match lang {
            Lang::Fr => format!(
                "a reçu et désérialisé la liste après {}",
                fmt_secs(had_a - sent_from)
            ),
            Lang::En | Lang::Other(_) => format!(
                "received and deserialised the list after {}",
                fmt_secs(had_a - sent_from)
            ),
        },
    )?;
    n.pid_at(
        pid_a,
        done_a,
        &match lang {
            Lang::Fr => format!("somme = {sum_a}, calculée en {}", fmt_secs(done_a - had_a)),
            Lang::En | Lang::Other(_) => format!("sum = {sum_a}, computed in {}", fmt_secs(done_a - had_a)),
        },
    )?;

    n.heading(n.pick(
        "2. Calculer là où est la donnée",
        "2. Computing where the data is",
    ))?;
    let started = Instant::now();
    let mut local_child = {
        let outq = &from_child;
        Process::start(move || -> anyhow::Result<()> {
            // The worker produces its data itself (as it would read its own file or slice).
            let data = make_data();
            let had_data_at = origin.elapsed().as_secs_f64();
            let sum = data.iter().sum();
            outq.put(&Message::Result {
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
    n.pid_at(
        pid_b,
        had_b,
        n.pick("a construit sa donnée lui-même", "built its data itself"),
    )?;
    n.pid_at(
        pid_b,
        done_b,
        &match lang {
            Lang::Fr => format!("somme = {sum_b} ; seuls 8 octets reviennent au parent"),
            Lang::En | Lang::Other(_) => format!("sum = {sum_b}; only 8 bytes go back to the parent"),
        },
    )?;

    let ratio = send_total.as_secs_f64() / local_total.as_secs_f64().max(1e-9);
    let rate = mb / (had_a - sent_from).max(1e-9);
    n.summary(&[
        (
            n.pick("envoyer par la Queue", "sending through the Queue")
                .to_owned(),
            match lang {
                Lang::Fr => format!(
                    "{} en tout (transfert ≈ {rate:.0} Mo/s)",
                    fmt_secs(send_total.as_secs_f64())
                ),
                Lang::En | Lang::Other(_) => format!(
                    "{} in all (transfer ≈ {rate:.0} MB/s)",
                    fmt_secs(send_total.as_secs_f64())
                ),
            },
        ),
        (
            n.pick("calculer sur place", "computing in place").to_owned(),
            fmt_secs(local_total.as_secs_f64()),
        ),
        (n.pick("rapport", "ratio").to_owned(), format!("{ratio:.1} ×")),
        (
            n.pick("même somme", "same sum").to_owned(),
            format!("{}", sum_a == expected && sum_b == expected),
        ),
    ])?;
    n.say(
        "En Python, pickle ajoute son propre coût : envoyez peu, calculez près de la donnée.",
        "In Python, pickle adds its own cost: send little, compute near the data.",
    )?;

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

fn wait_result(queue: &Queue<Message>) -> anyhow::Result<(i32, f64, f64, u64)> {
    match queue.get()? {
        Message::Result {
            pid,
            had_data_at,
            at,
            sum,
        } => Ok((pid, had_data_at, at, sum)),
        Message::Data(_) => anyhow::bail!("unexpected data from the child"),
    }
}
