//! `queue`: the lesson's producer and consumer, each in its own process. The consumer starts first and
//! blocks in `q.get()` until the producer, busy for a while, puts its data: the wait is measured.
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use super::narrator::fmt_secs;
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::{Process, Queue};

/// How long the producer works before it has something to send.
const PRODUCER_WORK: Duration = Duration::from_millis(600);

#[derive(Debug, Serialize, Deserialize)]
enum Report {
    Waiting {
        pid: i32,
        at: f64,
    },
    Working {
        pid: i32,
        at: f64,
    },
    Sent {
        pid: i32,
        at: f64,
    },
    Received {
        pid: i32,
        at: f64,
        data: String,
        waited: f64,
    },
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let parent = std::process::id() as i32;
    let origin = n.origin();
    let data: Queue<String> = Queue::new()?;
    let reports: Queue<Report> = Queue::new()?;
    n.pid_says(parent, &Message::new("demo-queue-intro"))?;

    let mut consumer = {
        let (q, r) = (&data, &reports);
        Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            let asked = origin.elapsed().as_secs_f64();
            r.put(&Report::Waiting { pid, at: asked })?;
            let got = q.get()?;
            let at = origin.elapsed().as_secs_f64();
            r.put(&Report::Received {
                pid,
                at,
                data: got,
                waited: at - asked,
            })?;
            Ok(())
        })?
    };
    let mut producer = {
        let (q, r) = (&data, &reports);
        let message = n.text("demo-queue-data");
        Process::start(move || -> anyhow::Result<()> {
            let pid = std::process::id() as i32;
            r.put(&Report::Working {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            std::thread::sleep(PRODUCER_WORK);
            q.put(&message)?;
            r.put(&Report::Sent {
                pid,
                at: origin.elapsed().as_secs_f64(),
            })?;
            Ok(())
        })?
    };

    let (mut sent_at, mut received) = (None, None);
    while sent_at.is_none() || received.is_none() {
        match reports.get()? {
            Report::Waiting { pid, at } => {
                n.pid_at_says(pid, at, &Message::new("demo-queue-consumer-blocked"))?
            }
            Report::Working { pid, at } => n.pid_at_says(
                pid,
                at,
                &msg!(
                    "demo-queue-producer-works",
                    time = fmt_secs(PRODUCER_WORK.as_secs_f64())
                ),
            )?,
            Report::Sent { pid, at } => {
                n.pid_at_says(pid, at, &Message::new("demo-queue-producer-sent"))?;
                sent_at = Some(at);
            }
            Report::Received {
                pid,
                at,
                data,
                waited,
            } => {
                n.pid_at_says(
                    pid,
                    at,
                    &msg!(
                        "demo-queue-consumer-received",
                        data = &data,
                        time = fmt_secs(waited)
                    ),
                )?;
                received = Some((at, data, waited));
            }
        }
    }
    producer.join_ok()?;
    consumer.join_ok()?;
    let (sent_at, (received_at, message, waited)) = (sent_at.unwrap_or(0.0), received.unwrap_or_default());

    n.summary(&[
        (n.text("demo-queue-producer"), format!("pid {}", producer.pid())),
        (n.text("demo-queue-consumer"), format!("pid {}", consumer.pid())),
        (n.text("demo-queue-get-blocked"), fmt_secs(waited)),
        (
            n.text("demo-queue-put-to-receipt"),
            fmt_secs((received_at - sent_at).max(0.0)),
        ),
    ])?;
    n.say(&Message::new("demo-queue-lesson"))?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": [consumer.pid(), producer.pid()],
        "producer_pid": producer.pid(),
        "consumer_pid": consumer.pid(),
        "received": message,
        "producer_work_ms": PRODUCER_WORK.as_millis() as u64,
        "consumer_blocked_ms": (waited * 1e6).round() / 1e3,
        "sent_ms": (sent_at * 1e6).round() / 1e3,
        "received_ms": (received_at * 1e6).round() / 1e3,
    }))
}
