//! Loading a course (built-in or a folder): lessons, their model and parser, exercise specs.
pub mod commands;
