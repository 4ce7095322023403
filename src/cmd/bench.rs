//! `atelier bench [--json] [--quick]`: the process primitives side by side with CPython's multiprocessing.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::bench::{measure, print_table};

use super::cli::BenchArgs;

pub fn run(args: &BenchArgs) -> anyhow::Result<ExitCode> {
    let reps = if args.quick { 2 } else { 5 };
    let report = measure(reps)?;
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        print_table(&mut out, &report)?;
    }
    Ok(ExitCode::SUCCESS)
}
