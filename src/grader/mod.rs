//! Checks, verdicts, reports, batch grading, the gradebook and its exports.
//!
//! The entry point is [`check_submission`]: a submission in, a [`CheckReport`] out (a learner's
//! failure is data in the report; `Err` is for what kept the check from being done).
pub mod autograder;
pub mod batch;
pub mod bulk_layout;
pub mod cases;
pub mod checks;
pub mod class;
pub mod class_outputs;
pub mod coverage;
pub mod cpus;
pub mod engine;
pub mod export;
pub mod grade_class;
pub mod gradebook;
pub mod grading_lock;
pub mod hints;
pub mod merge;
pub mod record;
pub mod reference;
pub mod roster;
pub mod similarity;
pub mod spec;
pub(crate) mod spec_location;
pub mod submission_file;
pub mod verdict;
pub mod visibility;

pub use class_outputs::{ReportFn, ReportViews, SimilarityFn};
pub use engine::{CheckOptions, check_bundled, check_submission, load_spec, spec_or_problem};
pub use grade_class::{GradeOptions, grade_class};
pub use gradebook::Gradebook;
pub use hints::{Hint, all_hints, hint};
pub use record::GradeRecord;
pub use reference::ReferenceOutput;
pub use spec::ExerciseSpec;
pub use verdict::{CheckReport, CheckResult, RunSummary, RunsSummary, Status, Verdict};
