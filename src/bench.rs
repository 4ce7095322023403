//! `atelier bench`: the process primitives side by side with CPython's multiprocessing.
//!
//! Each workload runs several times on each side (5, or 2 with `--quick`; the primes race three
//! rounds per run on atelier's side) and the medians are compared. `ratio` is always "how many
//! times better atelier does" (throughput over throughput, or CPython's time over atelier's). Raw figures from bare system calls show the machine's limit.
mod cpython;
mod workloads;

use std::io::{self, Write};

use serde::Serialize;

use crate::procs;
use anyhow::Result;

/// One line of the comparison.
#[derive(Debug, Serialize)]
struct Workload {
    name: &'static str,
    description: String,
    unit: &'static str,
    /// `higher` or `lower` is better.
    better: &'static str,
    atelier: f64,
    cpython: Option<f64>,
    ratio: Option<f64>,
    target: &'static str,
    met: Option<bool>,
    atelier_samples: Vec<f64>,
    cpython_samples: Vec<f64>,
}

#[derive(Debug, Serialize)]
struct Raw {
    fork_exit_waitpid_us: f64,
    pipe_messages_per_s: f64,
    /// The work of one core that all the cores do together with nothing shared (2.0 on two cores
    /// of their own): the ceiling of any parallel speed-up on this machine at this moment.
    cores_speedup: f64,
    cores_speedup_samples: Vec<f64>,
}

#[derive(Debug, Serialize)]
struct Python {
    available: bool,
    version: Option<String>,
    start_method: Option<String>,
    reason: Option<String>,
}

/// Every figure of one `atelier bench`.
#[derive(Debug, Serialize)]
pub struct Report {
    reps: u32,
    /// Rounds of the primes race per run on atelier's side.
    primes_rounds: u32,
    cpus: usize,
    /// `/proc/loadavg` after the runs: other jobs on the machine weigh on every figure (on the
    /// parallel speed-up most), on both sides alike since their runs alternate.
    load_average: Option<[f64; 3]>,
    raw: Raw,
    cpython: Python,
    primes_count: u64,
    workloads: Vec<Workload>,
}

pub(crate) fn median(samples: &[f64]) -> f64 {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// Samples of one workload on atelier's side, keyed like the Python script's.
struct Samples {
    start_join: Vec<f64>,
    map_1: Vec<f64>,
    map_1000: Vec<f64>,
    imap: Vec<f64>,
    queue: Vec<f64>,
    lock: Vec<f64>,
    lock_startup: Vec<f64>,
    seq: Vec<f64>,
    par: Vec<f64>,
    no_pool: Vec<f64>,
    fork: Vec<f64>,
    pipe: Vec<f64>,
    cores: Vec<f64>,
    count: u64,
}

/// Rounds of the primes race per run on atelier's side: sequential, pool and the same without a
/// pool in turn, each round a sample. A round is short (about a third of a second) and a virtual
/// machine's host takes a core away now and then for longer than that: more rounds make the
/// median a figure of the pool rather than of those moments. CPython's side runs one round per
/// run (its pass alone lasts longer than a whole round here).
const PRIMES_ROUNDS: u32 = 3;

/// Runs every workload `reps` times on each side.
pub fn measure(reps: u32) -> Result<Report> {
    let mut s = Samples {
        start_join: vec![],
        map_1: vec![],
        map_1000: vec![],
        imap: vec![],
        queue: vec![],
        lock: vec![],
        lock_startup: vec![],
        seq: vec![],
        par: vec![],
        no_pool: vec![],
        fork: vec![],
        pipe: vec![],
        cores: vec![],
        count: 0,
    };
    // CPython's runs alternate with atelier's, so that a change of load on the machine (other
    // jobs) weighs on both sides alike.
    let mut python: std::result::Result<cpython::PythonRun, String> = Err("not run".into());
    for rep in 0..reps {
        let (ours, raw) = workloads::process_start_join()?;
        s.start_join.push(ours);
        s.fork.push(raw);
        s.pipe
            .push(procs::raw::pipe_message_rate(workloads::QUEUE_MESSAGES)?);
        s.map_1.push(workloads::pool_map(1)?);
        s.map_1000.push(workloads::pool_map(1000)?);
        s.imap.push(workloads::imap_unordered()?);
        s.queue.push(workloads::queue()?);
        let (rate, startup) = workloads::value_lock()?;
        s.lock.push(rate);
        s.lock_startup.push(startup);
        s.cores.push(workloads::cores_speedup()?);
        for _ in 0..PRIMES_ROUNDS {
            let (seconds, seq_count) = workloads::primes_sequential();
            s.seq.push(seconds);
            let (seconds, par_count) = workloads::primes_pool()?;
            s.par.push(seconds);
            let (seconds, no_pool_count) = workloads::primes_no_pool()?;
            s.no_pool.push(seconds);
            anyhow::ensure!(
                seq_count == par_count && par_count == no_pool_count && seq_count > 0,
                "prime counts differ (between the sides or between passes): {seq_count}, {par_count} \
                 and {no_pool_count}"
            );
            s.count = seq_count;
        }
        match (rep, cpython::run(1), &mut python) {
            (0, first, _) => python = first,
            (_, Ok(more), Ok(all)) => all.absorb(more),
            (_, Err(reason), _) => python = Err(reason),
            (_, Ok(_), Err(_)) => {}
        }
    }
    let py = |name: &str| -> Vec<f64> {
        python
            .as_ref()
            .ok()
            .and_then(|p| p.samples.get(name).cloned())
            .unwrap_or_default()
    };
    let raw = Raw {
        fork_exit_waitpid_us: median(&s.fork),
        pipe_messages_per_s: median(&s.pipe),
        cores_speedup: median(&s.cores),
        cores_speedup_samples: s.cores,
    };
    let speedups =
        |seq: &[f64], par: &[f64]| -> Vec<f64> { seq.iter().zip(par).map(|(a, b)| a / b).collect() };
    let mut workloads = vec![
        line(
            "process_start_join",
            "Process start + join (50 times), per process",
            "us",
            "lower",
            s.start_join,
            py("process_start_join"),
            "within 1.3x of raw fork+_exit+waitpid",
        ),
        line(
            "pool_map_chunksize_1",
            "Pool.map of 200 000 trivial tasks, 2 workers, chunksize 1",
            "tasks/s",
            "higher",
            s.map_1,
            py("pool_map_chunksize_1"),
            "at least 10x CPython",
        ),
        line(
            "pool_map_chunksize_1000",
            "Pool.map of 200 000 trivial tasks, 2 workers, chunksize 1000",
            "tasks/s",
            "higher",
            s.map_1000,
            py("pool_map_chunksize_1000"),
            "at least CPython",
        ),
        line(
            "imap_unordered",
            "imap_unordered of 50 000 trivial tasks, 2 workers",
            "tasks/s",
            "higher",
            s.imap,
            py("imap_unordered"),
            "",
        ),
        line(
            "queue",
            "Queue: 200 000 small messages between two processes",
            "msgs/s",
            "higher",
            s.queue,
            py("queue"),
            "at least 10x CPython",
        ),
        line(
            "value_lock",
            "Value + Lock: 10 processes x 10 000 increments, once all are started",
            "incr/s",
            "higher",
            s.lock,
            py("value_lock"),
            "at least 30x CPython",
        ),
        line(
            "value_lock_startup",
            "the start of those 10 processes, until all wait at the gate",
            "s",
            "lower",
            s.lock_startup,
            py("value_lock_startup"),
            "",
        ),
        line(
            "primes_sequential",
            format!(
                "primes in range(100_000, 300_000), sequential (a pass; atelier chains {})",
                workloads::PRIMES_PASSES
            ),
            "s",
            "lower",
            s.seq.clone(),
            py("primes_sequential"),
            "",
        ),
        line(
            "primes_pool",
            "the same in 4 chunks on a pool of 4",
            "s",
            "lower",
            s.par.clone(),
            py("primes_pool"),
            "",
        ),
        line(
            "primes_speedup",
            "speedup of the pool over sequential",
            "x",
            "higher",
            speedups(&s.seq, &s.par),
            speedups(&py("primes_sequential"), &py("primes_pool")),
            "at least 1.9x on 2 cores and CPython's",
        ),
        line(
            "primes_no_pool",
            "the same chunks on four processes with no pool (each holds them; only indices cross)",
            "x",
            "higher",
            speedups(&s.seq, &s.no_pool),
            vec![],
            "",
        ),
        line(
            "primes_pool_share",
            "the pool's speedup over that one's, in the same round: what the pool costs",
            "x",
            "higher",
            speedups(&s.no_pool, &s.par),
            vec![],
            "",
        ),
    ];
    for w in &mut workloads {
        w.met = verdict(w, &raw);
    }
    let cpython = match &python {
        Ok(p) => {
            if let Some(&count) = p.counts.get("primes_pool") {
                anyhow::ensure!(
                    count == s.count,
                    "CPython counted {count} primes, atelier {}",
                    s.count
                );
            }
            Python {
                available: true,
                version: Some(p.python.clone()),
                start_method: Some(p.start_method.clone()),
                reason: None,
            }
        }
        Err(reason) => Python {
            available: false,
            version: None,
            start_method: None,
            reason: Some(reason.clone()),
        },
    };
    Ok(Report {
        reps,
        primes_rounds: PRIMES_ROUNDS,
        cpus: std::thread::available_parallelism().map_or(1, |n| n.get()),
        load_average: load_average(),
        raw,
        cpython,
        primes_count: s.count,
        workloads,
    })
}

/// Whether a workload meets its target; `None` for a line without one (or whose peer is missing).
fn verdict(w: &Workload, raw: &Raw) -> Option<bool> {
    match w.name {
        "process_start_join" => Some(w.atelier <= 1.3 * raw.fork_exit_waitpid_us),
        // Both targets: 1.9x, and no less than CPython's own speed-up on the same protocol.
        "primes_speedup" => Some(w.atelier >= 1.9 && w.cpython.is_none_or(|c| w.atelier >= c)),
        "pool_map_chunksize_1" | "queue" => w.ratio.map(|r| r >= 10.0),
        "pool_map_chunksize_1000" => w.ratio.map(|r| r >= 1.0),
        "value_lock" => w.ratio.map(|r| r >= 30.0),
        _ => None,
    }
}

fn load_average() -> Option<[f64; 3]> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    let mut fields = text.split_whitespace().map(|f| f.parse::<f64>().ok());
    Some([fields.next()??, fields.next()??, fields.next()??])
}

#[allow(clippy::too_many_arguments)]
fn line(
    name: &'static str,
    description: impl Into<String>,
    unit: &'static str,
    better: &'static str,
    atelier_samples: Vec<f64>,
    cpython_samples: Vec<f64>,
    target: &'static str,
) -> Workload {
    let atelier = median(&atelier_samples);
    let cpython = (!cpython_samples.is_empty()).then(|| median(&cpython_samples));
    let ratio = cpython.map(|c| {
        if better == "higher" {
            atelier / c
        } else {
            c / atelier
        }
    });
    Workload {
        name,
        description: description.into(),
        unit,
        better,
        atelier,
        cpython,
        ratio,
        target,
        met: None,
        atelier_samples,
        cpython_samples,
    }
}

fn fmt_value(v: f64, unit: &str) -> String {
    match unit {
        "s" => format!("{:.1} ms", v * 1e3),
        "us" => format!("{v:.0} µs"),
        "x" => format!("{v:.2}x"),
        _ if v >= 1e6 => format!("{:.2} M {unit}", v / 1e6),
        _ if v >= 1e3 => format!("{:.1} k {unit}", v / 1e3),
        _ => format!("{v:.0} {unit}"),
    }
}

/// The comparison as a table for a person.
pub fn print_table(out: &mut dyn Write, r: &Report) -> io::Result<()> {
    writeln!(
        out,
        "atelier bench: medians of {} runs ({} rounds each of the primes race), {} cpus",
        r.reps, r.primes_rounds, r.cpus
    )?;
    if let Some([one, five, _]) = r.load_average {
        writeln!(
            out,
            "load average {one:.1} (1 min), {five:.1} (5 min): other jobs weigh on every figure"
        )?;
    }
    match (&r.cpython.version, &r.cpython.reason) {
        (Some(v), _) => writeln!(out, "CPython {v}, multiprocessing start method fork")?,
        (None, Some(reason)) => writeln!(out, "CPython not measured: {reason}")?,
        _ => {}
    }
    writeln!(
        out,
        "raw: fork + _exit + waitpid {:.0} µs; pipe, one write/read per 8-byte message: {}",
        r.raw.fork_exit_waitpid_us,
        fmt_value(r.raw.pipe_messages_per_s, "msgs/s")
    )?;
    writeln!(
        out,
        "raw: {} cpus at once, nothing shared, do {:.2}x the work of one (the ceiling of a speed-up here)",
        r.cpus, r.raw.cores_speedup
    )?;
    writeln!(out)?;
    writeln!(
        out,
        "{:<26} {:>18} {:>18} {:>8}  target",
        "workload", "atelier", "CPython", "ratio"
    )?;
    for w in &r.workloads {
        let cpython = w.cpython.map_or("-".to_string(), |c| fmt_value(c, w.unit));
        let ratio = w.ratio.map_or("-".to_string(), |x| format!("{x:.1}x"));
        let verdict = match w.met {
            Some(true) => "met: ",
            Some(false) => "MISSED: ",
            None => "",
        };
        writeln!(
            out,
            "{:<26} {:>18} {:>18} {:>8}  {verdict}{}",
            w.name,
            fmt_value(w.atelier, w.unit),
            cpython,
            ratio,
            w.target
        )?;
    }
    writeln!(out, "\nprimes found: {} (expected 16405)", r.primes_count)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speedup(atelier: f64, cpython: Option<f64>) -> Workload {
        line(
            "primes_speedup",
            "",
            "x",
            "higher",
            vec![atelier],
            cpython.into_iter().collect(),
            "",
        )
    }

    const RAW: Raw = Raw {
        fork_exit_waitpid_us: 100.0,
        pipe_messages_per_s: 1e6,
        cores_speedup: 2.0,
        cores_speedup_samples: Vec::new(),
    };

    #[test]
    fn the_primes_speedup_needs_both_1_9_and_cpythons() {
        assert_eq!(verdict(&speedup(1.95, Some(1.6)), &RAW), Some(true));
        assert_eq!(verdict(&speedup(1.9, Some(1.9)), &RAW), Some(true));
        assert_eq!(verdict(&speedup(1.89, Some(1.5)), &RAW), Some(false));
        assert_eq!(verdict(&speedup(1.95, Some(1.96)), &RAW), Some(false));
        // Without CPython, the 1.9x line alone decides.
        assert_eq!(verdict(&speedup(1.95, None), &RAW), Some(true));
    }

    #[test]
    fn ratios_decide_the_other_targets_and_context_lines_have_none() {
        let lock = |atelier: f64| line("value_lock", "", "incr/s", "higher", vec![atelier], vec![1e6], "");
        assert_eq!(verdict(&lock(30e6), &RAW), Some(true));
        assert_eq!(verdict(&lock(29e6), &RAW), Some(false));
        let start = |us: f64| line("process_start_join", "", "us", "lower", vec![us], vec![], "");
        assert_eq!(verdict(&start(130.0), &RAW), Some(true));
        assert_eq!(verdict(&start(131.0), &RAW), Some(false));
        let share = line("primes_pool_share", "", "x", "higher", vec![0.5], vec![], "");
        assert_eq!(verdict(&share, &RAW), None);
        // A ratio target without its peer is not judged.
        assert_eq!(
            verdict(
                &line("queue", "", "msgs/s", "higher", vec![1e6], vec![], ""),
                &RAW
            ),
            None
        );
    }

    #[test]
    fn the_median_of_an_even_count_is_the_mean_of_the_middle_two() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), 2.5);
        assert!(median(&[]).is_nan());
    }
}
