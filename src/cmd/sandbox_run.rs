//! `atelier __sandbox-run`: one command under the sandbox, its report on stdout. Hidden; for the
//! hostile-program tests and the overhead benchmark.
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};

use atelier::sandbox::{self, Limits, RunRequest};

use super::cli::SandboxRunArgs;

pub fn run(args: &SandboxRunArgs) -> anyhow::Result<ExitCode> {
    let mut limits = Limits::default();
    let seconds = |s: f64, what: &str| {
        Duration::try_from_secs_f64(s).with_context(|| format!("--{what} {s} is not a duration in seconds"))
    };
    if let Some(s) = args.wall {
        limits.wall = seconds(s, "wall")?;
    }
    if let Some(s) = args.cpu {
        limits.cpu = seconds(s, "cpu")?;
    }
    if let Some(m) = args.memory_mib {
        limits.memory_bytes = m << 20;
    }
    if let Some(n) = args.processes {
        limits.processes = n;
    }
    if let Some(b) = args.output_bytes {
        limits.output_bytes = b;
    }
    if let Some(b) = args.file_bytes {
        limits.file_bytes = b;
    }
    let mut files = Vec::new();
    for spec in &args.file {
        let Some((name, path)) = spec.split_once('=') else {
            bail!("--file {spec:?}: expected NAME=PATH");
        };
        files.push((name.to_string(), PathBuf::from(path)));
    }
    let request = RunRequest {
        argv: args.argv.clone(),
        files,
        env: Vec::new(),
        limits,
        pin_one_cpu: args.pin,
        stdin: None,
    };
    let report = sandbox::run(&request)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(report.stdout.as_bytes())?;
        let mut err = std::io::stderr().lock();
        err.write_all(report.stderr.as_bytes())?;
        writeln!(
            err,
            "[sandbox] {:?} exit={:?} signal={:?} wall={:.3}s cpu={:.3}s processes={} rss={}kB layers={}",
            report.status,
            report.exit_code,
            report.signal,
            report.wall_s,
            report.cpu_s,
            report.processes,
            report.max_rss_kb,
            report.layers.join(",")
        )?;
    }
    Ok(ExitCode::from(report.exit_code.unwrap_or(1).clamp(0, 255) as u8))
}
