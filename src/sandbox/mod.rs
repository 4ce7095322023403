//! Running an untrusted program with limits and full clean-up, and measuring what it did.
//!
//! The contract with the grader is [`RunRequest`] in, [`RunReport`] out; how the run is confined is
//! this module's business alone.
mod report;

pub use report::*;

/// Runs a program under the sandbox. Never panics on a hostile program; an `Err` is an
/// infrastructure failure (could not fork, could not create the working folder).
pub fn run(_request: &RunRequest) -> anyhow::Result<RunReport> {
    anyhow::bail!("the sandbox is not built yet")
}
