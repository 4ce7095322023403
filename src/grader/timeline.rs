//! A small picture of a run: one lane per process, time across, darker where it burned CPU, and a
//! last row with about how many cores were busy. Approximate by design: the sandbox gives each
//! process's lifetime and total CPU, so a lane's CPU is spread evenly over its life.
use std::io::{self, Write};

use crate::i18n::Lang;
use crate::sandbox::ProcessTrace;

/// Columns of the time axis.
const WIDTH: usize = 48;
/// Lanes drawn before "… and N more".
const MAX_LANES: usize = 12;

/// The share of its lifetime a process spent on a CPU.
fn density(p: &ProcessTrace) -> f64 {
    let life = (p.end_s - p.start_s).max(1e-3);
    (p.cpu_s / life).clamp(0.0, 1.0)
}

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

/// Whether process `p` was alive during column `col` of a run lasting `wall` seconds.
fn alive(p: &ProcessTrace, col: usize, wall: f64) -> bool {
    let t0 = wall * col as f64 / WIDTH as f64;
    let t1 = wall * (col + 1) as f64 / WIDTH as f64;
    p.start_s < t1 && p.end_s >= t0
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
    writeln!(
        out,
        "  {} ({} {:.2} s ; █ {} ░ {})",
        lang.pick("Déroulement", "Timeline"),
        lang.pick("durée", "duration"),
        wall,
        lang.pick("calcule", "computing"),
        lang.pick("attend", "waiting"),
    )?;
    for (i, p) in lanes.iter().take(MAX_LANES).enumerate() {
        let d = density(p);
        let row: String = (0..WIDTH)
            .map(|col| if alive(p, col, wall) { shade(d) } else { ' ' })
            .collect();
        let label = if i == 0 {
            lang.pick("principal", "main").to_string()
        } else {
            format!("pid {}", p.pid)
        };
        writeln!(out, "  {label:>10} │{row}│ {:.2} s CPU", p.cpu_s)?;
    }
    if lanes.len() > MAX_LANES {
        writeln!(
            out,
            "  {:>10} │ … {} {}",
            "",
            lanes.len() - MAX_LANES,
            lang.pick("autres processus", "more processes")
        )?;
    }
    // About how many cores were busy in each column: the sum of the densities of the processes alive.
    let cores: String = (0..WIDTH)
        .map(|col| {
            let busy: f64 = lanes
                .iter()
                .filter(|p| alive(p, col, wall))
                .map(|p| density(p))
                .sum();
            match busy.round() as u32 {
                0 => '·',
                n @ 1..=9 => char::from_digit(n, 10).unwrap_or('+'),
                _ => '+',
            }
        })
        .collect();
    writeln!(out, "  {:>10} │{cores}│", lang.pick("cœurs", "cores"))?;
    Ok(())
}
