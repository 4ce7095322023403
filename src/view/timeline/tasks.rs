//! The timeline of a pool's tasks: each task drawn on its worker's lane, where and when it ran. The
//! picture that makes "the results come in batches of N cores" obvious.
use std::collections::BTreeMap;

use super::{Lane, TimeAxis, draw};
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
pub struct TaskLane {
    pub pid: i32,
    pub spans: Vec<Span>,
}

/// Groups `(pid, span)` pairs into lanes, ordered by each process's first task.
pub fn lanes_by_pid(tasks: impl IntoIterator<Item = (i32, Span)>) -> Vec<TaskLane> {
    let mut by_pid: BTreeMap<i32, Vec<Span>> = BTreeMap::new();
    for (pid, span) in tasks {
        by_pid.entry(pid).or_default().push(span);
    }
    let mut lanes: Vec<TaskLane> = by_pid
        .into_iter()
        .map(|(pid, mut spans)| {
            spans.sort_by(|a, b| a.start.total_cmp(&b.start));
            TaskLane { pid, spans }
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

fn first_start(lane: &TaskLane) -> f64 {
    lane.spans.first().map_or(f64::INFINITY, |s| s.start)
}

/// Draws the lanes on `width` columns of time from `from` to `to` seconds. At most `max_lanes` lanes are
/// drawn (the first ones, then the last one); the others are counted on one line.
pub fn render(lanes: &[TaskLane], from: f64, to: f64, width: usize, max_lanes: usize, lang: Lang) -> String {
    let axis = TimeAxis::new(from, to, width);
    let rows: Vec<Lane> = lanes
        .iter()
        .map(|lane| {
            let mut cells = vec![' '; axis.width()];
            for span in &lane.spans {
                let a = axis.col(span.start);
                let b = axis.last_col(span.end, a);
                draw_span(&mut cells[a..=b], &span.label);
            }
            Lane {
                label: format!("pid {}", lane.pid),
                cells,
                note: String::new(),
            }
        })
        .collect();
    draw(&rows, &[], &axis, max_lanes, "", lang)
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
        let lanes: Vec<TaskLane> = (0..100)
            .map(|i| TaskLane {
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
