//! Checks, verdicts, reports, batch grading, the gradebook and its exports.
//!
//! The entry point is [`check_submission`]: a submission in, a [`CheckReport`] out (a learner's
//! failure is data in the report; `Err` is for what kept the check from being done).
pub mod checks;
mod command;
pub mod engine;
pub mod human;
pub mod reference;
pub mod spec;
mod spec_location;
pub mod timeline;
pub mod verdict;

use std::process::ExitCode;

pub use command::{check_command, find_exercise, load_course};
pub use engine::{CheckOptions, Hint, all_hints, check_bundled, check_submission, hint, load_spec};
pub use human::write_human;
pub use reference::ReferenceOutput;
pub use spec::ExerciseSpec;
pub use verdict::{CheckReport, CheckResult, RunSummary, RunsSummary, Status, Verdict};

use crate::cli::{GradeArgs, GradebookArgs};
use crate::run::{Ctx, Result};

/// `atelier grade EXERCISE DIR`.
pub fn grade_command(_ctx: &Ctx, _args: &GradeArgs) -> Result<ExitCode> {
    anyhow::bail!("grading is not built yet")
}

/// `atelier gradebook merge`.
pub fn gradebook_command(_ctx: &Ctx, _args: &GradebookArgs) -> Result<ExitCode> {
    anyhow::bail!("the gradebook is not built yet")
}
