//! `atelier lint`: the instructor's content checker.
use std::process::ExitCode;

use crate::cli::LintArgs;
use crate::run::{Ctx, Result};

/// `atelier lint [DIR]`.
pub fn command(_ctx: &Ctx, _args: &LintArgs) -> Result<ExitCode> {
    anyhow::bail!("lint is not built yet")
}
