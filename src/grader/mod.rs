//! Checks, verdicts, reports, batch grading, the gradebook and its exports.
//!
//! The entry point is [`check_submission`]: a submission in, a [`CheckReport`] out (a learner's
//! failure is data in the report; `Err` is for what kept the check from being done).
pub mod batch;
pub mod cases;
pub mod checks;
pub mod class;
mod command;
pub mod cpu_share;
pub mod engine;
pub mod export;
mod grade_cmd;
pub mod gradebook;
pub mod human;
pub mod merge;
pub mod record;
pub mod reference;
pub mod report_cmd;
pub mod spec;
pub(crate) mod spec_location;
pub mod timeline;
pub mod verdict;
pub mod visibility;

use std::process::ExitCode;

pub use command::{check_command, find_exercise, load_course};
pub use engine::{
    CheckOptions, Hint, all_hints, check_bundled, check_submission, hint, load_spec, spec_or_problem,
};
pub use gradebook::Gradebook;
pub use human::write_human;
pub use record::GradeRecord;
pub use reference::ReferenceOutput;
pub use spec::ExerciseSpec;
pub use verdict::{CheckReport, CheckResult, RunSummary, RunsSummary, Status, Verdict};

use crate::cli::{GradeArgs, GradebookAction, GradebookArgs};
use crate::run::{Ctx, Result};

/// `atelier grade EXERCISE DIR`: 0 when the class was graded, 2 when it could not be.
pub fn grade_command(ctx: &Ctx, args: &GradeArgs) -> Result<ExitCode> {
    grade_cmd::grade(ctx, args)
}

/// `atelier gradebook merge A B … --into C`.
pub fn gradebook_command(_ctx: &Ctx, args: &GradebookArgs) -> Result<ExitCode> {
    use std::io::Write;
    match &args.action {
        GradebookAction::Merge { inputs, into } => {
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let summary = merge::merge(inputs, into, &mut out)?;
            writeln!(
                out,
                "{}: {} rows read from {} gradebooks, {} added, {} already there, {} conflicts (kept the most recent)",
                into.display(),
                summary.read,
                inputs.len(),
                summary.added,
                summary.same,
                summary.conflicts
            )?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
