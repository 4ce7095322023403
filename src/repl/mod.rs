//! The REPL: a rustyline loop over one `COMMANDS` table.
use std::process::ExitCode;

use crate::run::{Ctx, Result};

/// `atelier` with no command.
pub fn command(_ctx: &Ctx) -> Result<ExitCode> {
    anyhow::bail!("the REPL is not built yet")
}
