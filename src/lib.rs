//! atelier — a terminal courseware: step through a programming chapter, run its concepts live with
//! real processes, check exercise programs in a sandbox and grade a whole class.
//!
//! `unsafe` lives only in [`procs`] (fork, shared memory) and [`sandbox`] (confining untrusted code);
//! the rest of the crate denies it.
#![deny(unsafe_code)]

pub mod atomic_file;
pub mod bench;
pub mod course;
pub mod demos;
pub mod derive;
pub mod grader;
pub mod i18n;
pub mod lint;
pub mod prime;
#[allow(unsafe_code)]
pub mod procs;
pub mod progress;
pub mod python_env;
pub mod render;
pub mod repl;
#[allow(unsafe_code)]
pub mod sandbox;
pub mod scaffold;
pub mod schema;
pub mod style;
pub mod view;
