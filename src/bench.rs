//! `atelier bench`: the process primitives side by side with CPython's multiprocessing.
use std::process::ExitCode;

use crate::cli::BenchArgs;
use crate::run::{Ctx, Result};

/// `atelier bench [--json]`.
pub fn command(_ctx: &Ctx, _args: &BenchArgs) -> Result<ExitCode> {
    anyhow::bail!("the benchmark is not built yet")
}
