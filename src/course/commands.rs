//! `atelier toc` and `atelier show`.
use std::process::ExitCode;

use crate::cli::{ShowArgs, TocArgs};
use crate::run::{Ctx, Result};

/// `atelier toc [LESSON] [--json]`.
pub fn toc(_ctx: &Ctx, _args: &TocArgs) -> Result<ExitCode> {
    anyhow::bail!("toc is not built yet")
}

/// `atelier show LESSON[#ANCHOR]`.
pub fn show(_ctx: &Ctx, _args: &ShowArgs) -> Result<ExitCode> {
    anyhow::bail!("show is not built yet")
}
