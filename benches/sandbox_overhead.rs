//! What the sandbox costs: a trivial program and 1-second programs (busy, asleep), run bare and through
//! `atelier __sandbox-run` (a whole atelier process: start, probe, confine, measure, tear down —
//! what `atelier check` pays on top of the checks). Not a test: timings are printed, never asserted.
//!
//! `cargo bench --bench sandbox_overhead` (add `-- N` to change the number of trivial runs).
//! The targets: within 30 ms of bare on a trivial program, within 10 % on a 1-second one.
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

const BIN: &str = env!("CARGO_BIN_EXE_atelier");

fn time_once(command: &mut Command) -> f64 {
    let start = Instant::now();
    let status = command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("the command starts");
    assert!(status.success(), "{command:?} failed: {status}");
    start.elapsed().as_secs_f64()
}

fn median(mut samples: Vec<f64>) -> f64 {
    samples.sort_by(f64::total_cmp);
    samples[samples.len() / 2]
}

/// `runs` rounds, each timing every command once in turn (after one warm-up round), so that the
/// load of a shared machine weighs on all of them alike. Medians per command, in seconds.
fn measure(runs: usize, commands: &[&dyn Fn() -> Command]) -> Vec<f64> {
    let mut samples = vec![Vec::new(); commands.len()];
    for round in 0..=runs {
        for (i, make) in commands.iter().enumerate() {
            let t = time_once(&mut make());
            if round > 0 {
                samples[i].push(t);
            }
        }
    }
    samples.into_iter().map(median).collect()
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split(' ').take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn main() -> std::io::Result<()> {
    let runs: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(30);
    let dir = tempfile::tempdir()?;
    let trivial = dir.path().join("trivial.py");
    std::fs::write(&trivial, "pass\n")?;
    let second = dir.path().join("second.py");
    // One second of CPU whatever the machine's speed, so both sides do the same work.
    std::fs::write(
        &second,
        "import time\nwhile time.process_time() < 1.0:\n    pass\n",
    )?;
    // One second asleep: the same fixed costs, without the noise of competing for a loaded CPU.
    let asleep = dir.path().join("asleep.py");
    std::fs::write(&asleep, "import time\ntime.sleep(1.0)\n")?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "sandbox overhead, medians of interleaved runs; load average before: {}",
        load_average()
    )?;
    let few = runs.div_ceil(5);
    for (name, file, n) in [
        ("trivial", &trivial, runs),
        ("1 s of CPU", &second, few),
        ("1 s asleep", &asleep, few),
    ] {
        let path_python = || {
            let mut c = Command::new("python3");
            c.arg(file);
            c
        };
        let usr_python = || {
            let mut c = Command::new("/usr/bin/python3");
            c.arg(file);
            c
        };
        let in_sandbox = || sandboxed(file);
        let times = measure(n, &[&path_python, &usr_python, &in_sandbox]);
        let (bare_path, bare_usr, boxed) = (times[0], times[1], times[2]);
        let over = boxed - bare_usr;
        writeln!(
            out,
            "{name:>10} ({n} runs): bare `python3` {:7.1} ms, bare /usr/bin/python3 {:7.1} ms, sandboxed {:7.1} ms \
             -> {:+.1} ms ({:+.1} %) over the same interpreter",
            bare_path * 1e3,
            bare_usr * 1e3,
            boxed * 1e3,
            over * 1e3,
            over / bare_usr * 100.0
        )?;
    }
    // What following the run by ptrace costs: the same runs with it switched off (the proc
    // connector, or sampling, counts instead).
    let solution = Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises/43.3-memoire-partagee/solution.py");
    for (name, file, n) in [
        ("trivial", &trivial, runs),
        ("43.3 solution", &solution, few.max(10)),
    ] {
        let traced = || sandboxed(file);
        let untraced = || {
            let mut c = sandboxed(file);
            c.env("ATELIER_SANDBOX_DISABLE", "ptrace");
            c
        };
        let times = measure(n, &[&traced, &untraced]);
        writeln!(
            out,
            "{name:>13} ({n} runs): with ptrace {:7.1} ms, without {:7.1} ms -> ptrace costs {:+.1} ms",
            times[0] * 1e3,
            times[1] * 1e3,
            (times[0] - times[1]) * 1e3
        )?;
    }
    writeln!(out, "load average after: {}", load_average())?;
    Ok(())
}

/// The sandbox runs `python3` from its own clean PATH (`/usr/local/bin:/usr/bin:/bin`).
fn sandboxed(file: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.args(["__sandbox-run", "--file"])
        .arg(format!("s.py={}", file.display()))
        .args(["--", "python3", "s.py"]);
    c
}
