//! Human views of the library's data, as text for a terminal: a lesson's table of contents, a check
//! report, a class report and its similar submissions, the timelines of processes and a histogram.
//! Lessons themselves are rendered by [`crate::render`]. Colour comes from [`crate::style`];
//! nothing here computes a verdict or runs a process.
pub mod check_report;
pub mod class_report;
pub mod histogram;
pub mod similarity;
pub mod timeline;
pub mod toc;

pub use check_report::write_check_report;
pub use class_report::write_class_report;
pub use similarity::write_similarity;
