//! A small picture of a checked run: one lane per process, time across, darker where it burned CPU,
//! and a last row with about how many cores were busy. Approximate by design: the sandbox gives each
//! process's lifetime and total CPU, not when it burned it (see [`shares`]).
use std::io::{self, Write};

use super::{Lane, TimeAxis, draw};
use crate::i18n::Lang;
use crate::sandbox::ProcessTrace;

/// Columns of the time axis.
const WIDTH: usize = 48;
/// Lanes drawn before "… and N more".
const MAX_LANES: usize = 12;

fn shade(d: f64) -> char {
    if d >= 0.6 {
        '█'
    } else if d >= 0.25 {
        '▓'
    } else if d >= 0.05 {
        '▒'
    } else {
        '░'
    }
}

/// Whether process `p` was alive during column `col` of the axis.
fn alive(p: &ProcessTrace, col: usize, axis: &TimeAxis) -> bool {
    let (t0, t1) = axis.column(col);
    p.start_s < t1 && p.end_s >= t0
}

/// The CPU share (0..1 of a core) of each process in each column. Only totals are known, so a
/// process's CPU goes first to the columns where none of the processes started after it (its
/// children, most likely) was alive: a parent blocked in `pool.map` waits while its workers
/// compute. What is left is spread over the rest of its life.
fn shares(lanes: &[&ProcessTrace], axis: &TimeAxis) -> Vec<Vec<f64>> {
    let (t0, t1) = axis.column(0);
    let col_s = t1 - t0;
    lanes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let alive_cols: Vec<usize> = (0..WIDTH).filter(|&c| alive(p, c, axis)).collect();
            let (own, shared): (Vec<usize>, Vec<usize>) = alive_cols.iter().partition(|&&c| {
                !lanes
                    .iter()
                    .enumerate()
                    .any(|(j, q)| j != i && q.start_s >= p.start_s && alive(q, c, axis))
            });
            let mut row = vec![0.0; WIDTH];
            let mut left = p.cpu_s;
            for cols in [&own, &shared, &alive_cols] {
                if cols.is_empty() || left <= 0.0 {
                    continue;
                }
                let per = (left / cols.len() as f64).min(col_s);
                for &c in cols.iter() {
                    let room = (col_s - row[c] * col_s).max(0.0);
                    let give = per.min(room);
                    row[c] += give / col_s;
                    left -= give;
                }
            }
            row
        })
        .collect()
}

/// Writes the picture; nothing when the sandbox saw no process.
pub fn write_timeline(
    trace: &[ProcessTrace],
    wall_s: f64,
    lang: Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    if trace.is_empty() || wall_s <= 0.0 {
        return Ok(());
    }
    let mut lanes: Vec<&ProcessTrace> = trace.iter().collect();
    lanes.sort_by(|a, b| a.start_s.total_cmp(&b.start_s).then(a.pid.cmp(&b.pid)));
    let wall = lanes.iter().map(|p| p.end_s).fold(wall_s, f64::max);
    let legend = lang.word(&crate::msg!(
        "demo-timeline-legend",
        duration = format!("{wall:.2}")
    ));
    writeln!(out, "  {legend}")?;
    let axis = TimeAxis::new(0.0, wall, WIDTH);
    let shares = shares(&lanes, &axis);
    let rows: Vec<Lane> = lanes
        .iter()
        .enumerate()
        .map(|(i, p)| Lane {
            label: if i == 0 {
                lang.text("demo-timeline-main")
            } else {
                format!("pid {}", p.pid)
            },
            cells: (0..WIDTH)
                .map(|col| {
                    if alive(p, col, &axis) {
                        shade(shares[i][col])
                    } else {
                        ' '
                    }
                })
                .collect(),
            note: format!("{:.2} s CPU", p.cpu_s),
        })
        .collect();
    // About how many cores were busy in each column.
    let cores = Lane {
        label: lang.text("demo-timeline-cores"),
        cells: (0..WIDTH)
            .map(|col| {
                let busy: f64 = shares.iter().map(|row| row[col]).sum();
                match (busy + 0.2).round() as u32 {
                    0 => '·',
                    n @ 1..=9 => char::from_digit(n, 10).unwrap_or('+'),
                    _ => '+',
                }
            })
            .collect(),
        note: String::new(),
    };
    out.write_all(draw(&rows, &[cores], &axis, MAX_LANES, "  ", lang).as_bytes())
}
