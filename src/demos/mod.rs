//! The live demos: one file per demo, each a narrated program over [`crate::procs`].
use std::process::ExitCode;

use crate::cli::{DemoArgs, SpawnChildArgs};
use crate::run::{Ctx, Result};

/// `atelier demo [NAME] [--json]`.
pub fn command(_ctx: &Ctx, _args: &DemoArgs) -> Result<ExitCode> {
    anyhow::bail!("the demos are not built yet")
}

/// `atelier __spawn-child`: a child re-executed by the `main-guard` demo.
pub fn spawn_child(_args: &SpawnChildArgs) -> Result<ExitCode> {
    anyhow::bail!("the demos are not built yet")
}
