//! `thumbnails`: exercise 2. Ten simulated images (0.5 s of work each) on a pool with
//! `imap_unordered`: each result is shown the moment it arrives, and they arrive in batches of as many
//! images as there are cores. The arrival times are measured and drawn.
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use super::narrator::{fmt_duration, fmt_secs, ms};
use super::{DemoOptions, Narrator};
use crate::i18n::Message;
use crate::msg;
use crate::procs::Pool;
use crate::view::timeline::tasks as timeline;

/// The exercise's images.
const IMAGES: usize = 10;
/// The exercise's simulated processing time per image.
const WORK: Duration = Duration::from_millis(500);

/// The exercise's `process_image`: 0.5 s of "work", then the thumbnail's name and the worker's PID.
fn process_image(name: String) -> (String, i32) {
    std::thread::sleep(WORK);
    let thumb = format!("{}_thumb.jpg", name.trim_end_matches(".jpg"));
    (format!("{name} -> {thumb}"), std::process::id() as i32)
}

pub fn run(_opts: &DemoOptions, n: &mut Narrator) -> anyhow::Result<Value> {
    let lang = n.lang();
    let parent = std::process::id() as i32;
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    let images: Vec<String> = (0..IMAGES).map(|i| format!("img_{i}.jpg")).collect();
    n.say(&msg!(
        "demo-thumbnails-intro",
        images = IMAGES,
        work = fmt_secs(WORK.as_secs_f64()),
        cores = cores
    ))?;
    let mut pool = Pool::new(cores)?;
    let workers = pool.pids();
    n.pid_says(parent, &Message::new("demo-thumbnails-start"))?;
    let started = Instant::now();
    let mut arrivals = Vec::new();
    let mut traces = Vec::new();
    for item in pool.imap_unordered_traced(process_image, images.clone(), 1) {
        let ((text, pid), event) = item?;
        let arrived = started.elapsed();
        n.pid_says(
            pid,
            &msg!(
                "demo-thumbnails-arrived",
                image = text,
                time = fmt_secs(arrived.as_secs_f64())
            ),
        )?;
        arrivals.push((event.index, pid, arrived));
        traces.push(event);
    }
    let total = started.elapsed();
    n.pid_says(parent, &Message::new("demo-thumbnails-done"))?;
    drop(pool);

    n.heading_of(&Message::new("demo-thumbnails-each"))?;
    n.block(&timeline::of_tasks(
        traces.iter().map(|e| (e, format!("img_{}", e.index))),
        lang,
    ))?;

    // Results closer than a fifth of the work time came in the same batch.
    let mut batches: Vec<usize> = Vec::new();
    let mut previous: Option<Duration> = None;
    for (_, _, at) in &arrivals {
        match previous {
            Some(p) if at.saturating_sub(p) < WORK / 5 => {
                if let Some(last) = batches.last_mut() {
                    *last += 1;
                }
            }
            _ => batches.push(1),
        }
        previous = Some(*at);
    }
    let first_at = arrivals.first().map_or(Duration::ZERO, |a| a.2);
    let last_at = arrivals.last().map_or(Duration::ZERO, |a| a.2);
    n.summary(&[
        (n.text("demo-thumbnails-first"), fmt_duration(first_at)),
        (n.text("demo-thumbnails-last"), fmt_duration(last_at)),
        (
            n.text("demo-thumbnails-batches"),
            batches
                .iter()
                .map(|b| b.to_string())
                .collect::<Vec<_>>()
                .join(" + "),
        ),
        (
            n.text("demo-thumbnails-sequentially"),
            n.word(&msg!(
                "demo-thumbnails-sequential-here",
                sequential = fmt_secs(WORK.as_secs_f64() * IMAGES as f64),
                here = fmt_duration(total)
            )),
        ),
    ])?;

    Ok(json!({
        "parent_pid": parent,
        "child_pids": workers,
        "cores": cores,
        "images": IMAGES,
        "work_ms": WORK.as_millis() as u64,
        "results": arrivals.iter().map(|(i, pid, at)| json!({
            "image": images[*i],
            "pid": pid,
            "arrived_ms": ms(*at),
        })).collect::<Vec<_>>(),
        "arrivals_ms": arrivals.iter().map(|a| ms(a.2)).collect::<Vec<_>>(),
        "first_ms": ms(first_at),
        "last_ms": ms(last_at),
        "batches": batches,
        "total_ms": ms(total),
    }))
}
