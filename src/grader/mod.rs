//! Checks, verdicts, reports, batch grading, the gradebook and its exports.
use std::process::ExitCode;

use crate::cli::{CheckArgs, GradeArgs, GradebookArgs};
use crate::run::{Ctx, Result};

/// `atelier check EXERCISE FILE`.
pub fn check_command(_ctx: &Ctx, _args: &CheckArgs) -> Result<ExitCode> {
    anyhow::bail!("checking is not built yet")
}

/// `atelier grade EXERCISE DIR`.
pub fn grade_command(_ctx: &Ctx, _args: &GradeArgs) -> Result<ExitCode> {
    anyhow::bail!("grading is not built yet")
}

/// `atelier gradebook merge`.
pub fn gradebook_command(_ctx: &Ctx, _args: &GradebookArgs) -> Result<ExitCode> {
    anyhow::bail!("the gradebook is not built yet")
}
