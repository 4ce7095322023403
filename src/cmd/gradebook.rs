//! `atelier gradebook merge A B … --into C`.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::grader::merge;

use super::cli::{GradebookAction, GradebookArgs};

pub fn run(args: &GradebookArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        GradebookAction::Merge { inputs, into } => {
            let stdout = io::stdout();
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
