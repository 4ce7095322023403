//! Checks, verdicts, reports, batch grading, the gradebook and its exports.
//!
//! The entry point is [`check_submission`]: a submission in, a [`CheckReport`] out (a learner's
//! failure is data in the report; `Err` is for what kept the check from being done).
pub mod batch;
pub mod cases;
pub mod checks;
pub mod class;
pub mod cpu_share;
pub mod engine;
pub mod export;
pub mod grade_class;
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

pub use engine::{
    CheckOptions, Hint, all_hints, check_bundled, check_submission, hint, load_spec, spec_or_problem,
};
pub use grade_class::{GradeOptions, grade_class};
pub use gradebook::Gradebook;
pub use human::write_human;
pub use record::GradeRecord;
pub use reference::ReferenceOutput;
pub use spec::ExerciseSpec;
pub use verdict::{CheckReport, CheckResult, RunSummary, RunsSummary, Status, Verdict};
