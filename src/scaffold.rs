//! `atelier new lesson|exercise`: files an instructor starts from.
use std::process::ExitCode;

use crate::cli::NewArgs;
use crate::run::{Ctx, Result};

/// `atelier new …`.
pub fn command(_ctx: &Ctx, _args: &NewArgs) -> Result<ExitCode> {
    anyhow::bail!("scaffolding is not built yet")
}
