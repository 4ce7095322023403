//! A student's saved state: sections seen, current place, quiz answers.
use std::process::ExitCode;

use crate::cli::ProgressArgs;
use crate::run::{Ctx, Result};

/// `atelier progress [reset]`.
pub fn command(_ctx: &Ctx, _args: &ProgressArgs) -> Result<ExitCode> {
    anyhow::bail!("progress is not built yet")
}
