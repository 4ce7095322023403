//! CPython's side of the benchmark: `benches/mp_bench.py`, compiled into the binary (so an
//! installed `atelier` has it), written to a temporary file and run with `python3`.
use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

use serde::Deserialize;

const SCRIPT: &str = include_str!("../../benches/mp_bench.py");

/// What the script printed.
#[derive(Debug, Deserialize)]
pub struct PythonRun {
    pub python: String,
    pub start_method: String,
    pub samples: BTreeMap<String, Vec<f64>>,
    pub counts: BTreeMap<String, u64>,
}

impl PythonRun {
    /// Adds the samples of another run to these.
    pub fn absorb(&mut self, other: PythonRun) {
        for (name, samples) in other.samples {
            self.samples.entry(name).or_default().extend(samples);
        }
        self.counts.extend(other.counts);
    }
}

/// Runs the script with `reps` repetitions; `Err(reason)` when CPython could not be measured.
pub fn run(reps: u32) -> Result<PythonRun, String> {
    let mut file = tempfile::Builder::new()
        .prefix("atelier-mp-bench-")
        .suffix(".py")
        .tempfile()
        .map_err(|e| format!("cannot write the benchmark script: {e}"))?;
    file.write_all(SCRIPT.as_bytes())
        .map_err(|e| format!("cannot write the benchmark script: {e}"))?;
    let output = Command::new("python3")
        .arg(file.path())
        .arg(reps.to_string())
        .stdin(Stdio::null())
        .output()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => "python3 is not installed (not found on PATH)".to_string(),
            _ => format!("cannot run python3: {e}"),
        })?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        return Err(format!(
            "python3 failed ({}): {}",
            output.status,
            tail.join(" | ")
        ));
    }
    serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("unreadable output from the Python script: {e}"))
}
