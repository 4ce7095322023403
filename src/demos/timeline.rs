//! The timeline: one lane per process, time across, each task drawn where and when it ran. The picture
//! that makes "the results come in batches of N cores" obvious.
use std::collections::BTreeMap;

use crate::i18n::Lang;
use crate::procs::TaskEvent;

/// One task as it ran: its label and its start and end, in seconds since the demo's origin.
#[derive(Debug, Clone)]
pub struct Span {
    pub label: String,
    pub start: f64,
    pub end: f64,
}

/// One process and the tasks it ran.
#[derive(Debug, Clone)]
pub struct Lane {
    pub pid: i32,
    pub spans: Vec<Span>,
}

/// Groups `(pid, span)` pairs into lanes, ordered by each process's first task.
pub fn lanes_by_pid(tasks: impl IntoIterator<Item = (i32, Span)>) -> Vec<Lane> {
    let mut by_pid: BTreeMap<i32, Vec<Span>> = BTreeMap::new();
    for (pid, span) in tasks {
        by_pid.entry(pid).or_default().push(span);
    }
    let mut lanes: Vec<Lane> = by_pid
        .into_iter()
        .map(|(pid, mut spans)| {
            spans.sort_by(|a, b| a.start.total_cmp(&b.start));
            Lane { pid, spans }
        })
        .collect();
    lanes.sort_by(|a, b| first_start(a).total_cmp(&first_start(b)));
    lanes
}

/// The picture of a pool's tasks (with their labels): one lane per worker, 60 columns from the first
/// task's start to the last one's end.
pub fn of_tasks<'a>(tasks: impl IntoIterator<Item = (&'a TaskEvent, String)>, lang: Lang) -> String {
    let lanes = lanes_by_pid(tasks.into_iter().map(|(e, label)| {
        let span = Span {
            label,
            start: e.start.as_secs_f64(),
            end: e.end.as_secs_f64(),
        };
        (e.worker_pid, span)
    }));
    let spans = || lanes.iter().flat_map(|l| &l.spans);
    let first = spans().map(|s| s.start).fold(f64::INFINITY, f64::min);
    let last = spans().map(|s| s.end).fold(f64::NEG_INFINITY, f64::max);
    if lanes.is_empty() {
        return String::new();
    }
    render(&lanes, first, last.max(first + 1e-6), 60, 12, lang)
}

fn first_start(lane: &Lane) -> f64 {
    lane.spans.first().map_or(f64::INFINITY, |s| s.start)
}

/// Draws the lanes on `width` columns of time from `from` to `to` seconds. At most `max_lanes` lanes are
/// drawn (the first ones, then the last one); the others are counted on one line.
pub fn render(lanes: &[Lane], from: f64, to: f64, width: usize, max_lanes: usize, lang: Lang) -> String {
    let width = width.max(10);
    let span_secs = (to - from).max(1e-9);
    let col = |t: f64| -> usize {
        let x = ((t - from) / span_secs * width as f64).floor();
        (x.max(0.0) as usize).min(width - 1)
    };
    // A task's last column is the one its end falls in, exclusive, so back-to-back tasks do not overlap.
    let last_col = |t: f64, first: usize| -> usize {
        let x = ((t - from) / span_secs * width as f64).ceil();
        ((x.max(0.0) as usize).min(width)).saturating_sub(1).max(first)
    };
    let name_width = lanes
        .iter()
        .map(|l| format!("pid {}", l.pid).len())
        .max()
        .unwrap_or(8);

    let mut text = String::new();
    let shown: Vec<&Lane> = if lanes.len() > max_lanes && max_lanes >= 2 {
        lanes[..max_lanes - 1].iter().chain(lanes.last()).collect()
    } else {
        lanes.iter().collect()
    };
    for (i, lane) in shown.iter().enumerate() {
        if lanes.len() > shown.len() && i == shown.len() - 1 {
            let hidden = lanes.len() - shown.len();
            let line = match lang {
                Lang::Fr => format!("… {hidden} autres processus, dessinés de la même façon"),
                Lang::En => format!("… {hidden} more processes, drawn the same way"),
            };
            text.push_str(&format!("{:name_width$} ┆ {line}\n", ""));
        }
        let mut row = vec![' '; width];
        for span in &lane.spans {
            let a = col(span.start);
            let b = last_col(span.end, a);
            draw_span(&mut row[a..=b], &span.label);
        }
        let name = format!("pid {}", lane.pid);
        text.push_str(&format!(
            "{name:>name_width$} │{}│\n",
            row.iter().collect::<String>()
        ));
    }
    text.push_str(&axis(from, to, width, name_width));
    text
}

/// A task drawn on its columns: `[label===]`, or as much of the label as fits, or one mark.
fn draw_span(cells: &mut [char], label: &str) {
    let n = cells.len();
    let label: Vec<char> = label.chars().collect();
    if n == 1 {
        cells[0] = label.first().copied().unwrap_or('█');
        return;
    }
    if n < label.len() + 2 {
        for (i, cell) in cells.iter_mut().enumerate() {
            *cell = label.get(i).copied().unwrap_or('█');
        }
        return;
    }
    cells[0] = '[';
    cells[n - 1] = ']';
    for (i, cell) in cells[1..n - 1].iter_mut().enumerate() {
        *cell = label.get(i).copied().unwrap_or('=');
    }
}

/// The time axis under the lanes: ticks at the start, a quarter, the middle, three quarters and the end.
fn axis(from: f64, to: f64, width: usize, name_width: usize) -> String {
    let mut ticks = vec!['─'; width];
    let mut labels = vec![' '; width + 12];
    let mut taken = vec![false; width + 12];
    // The ends first, then the middle, then the quarters, each only where it does not touch another.
    for k in [0, 4, 2, 1, 3] {
        let pos = (k * (width - 1)) / 4;
        ticks[pos] = '┴';
        let label = tick_label((to - from) * k as f64 / 4.0);
        let len = label.chars().count();
        let start = if k == 4 {
            (pos + 1).saturating_sub(len)
        } else {
            pos
        };
        let around = start.saturating_sub(1)..(start + len + 1).min(taken.len());
        if taken[around].iter().any(|&t| t) {
            continue;
        }
        for (i, c) in label.chars().enumerate() {
            labels[start + i] = c;
            taken[start + i] = true;
        }
    }
    format!(
        "{:name_width$} └{}┘\n{:name_width$}  {}\n",
        "",
        ticks.iter().collect::<String>(),
        "",
        labels.iter().collect::<String>().trim_end()
    )
}

fn tick_label(secs: f64) -> String {
    if secs == 0.0 {
        "0".to_owned()
    } else if secs < 0.001 {
        format!("{:.0}µs", secs * 1e6)
    } else if secs < 0.01 {
        format!("{:.1}ms", secs * 1e3)
    } else if secs < 1.0 {
        format!("{:.0}ms", secs * 1e3)
    } else {
        format!("{secs:.2}s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(label: &str, start: f64, end: f64) -> Span {
        Span {
            label: label.to_owned(),
            start,
            end,
        }
    }

    #[test]
    fn each_task_is_drawn_on_its_lane_at_its_time() {
        let lanes = lanes_by_pid([
            (20, span("b", 0.5, 1.0)),
            (10, span("a", 0.0, 0.5)),
            (10, span("c", 0.5, 1.0)),
        ]);
        assert_eq!(lanes[0].pid, 10, "the lane that started first comes first");
        let text = render(&lanes, 0.0, 1.0, 20, 10, Lang::En);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[0], "pid 10 │[a=======][c=======]│");
        assert_eq!(rows[1], "pid 20 │          [b=======]│");
        assert!(rows[3].trim_start().starts_with('0') && rows[3].ends_with("1.00s"));
    }

    #[test]
    fn many_lanes_are_elided() {
        let lanes: Vec<Lane> = (0..100)
            .map(|i| Lane {
                pid: 1000 + i,
                spans: vec![span("t", i as f64, i as f64 + 1.0)],
            })
            .collect();
        let text = render(&lanes, 0.0, 100.0, 40, 5, Lang::Fr);
        assert!(text.contains("95 autres processus"));
        assert!(text.contains("pid 1099"));
        assert!(!text.contains("pid 1050"));
    }
}
