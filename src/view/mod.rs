//! Human views of the library's data, as text for a terminal: a lesson's table of contents (and,
//! as they move here, check reports, timelines and histograms). Lessons themselves are rendered by
//! [`crate::render`].
pub mod toc;
