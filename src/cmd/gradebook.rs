//! `atelier gradebook merge A B … --into C [--class DIR] [--roster FILE]`: 0 merged (C written), 2
//! not (C left as it was, or not created).
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::grader::{Gradebook, coverage, merge, roster::Roster};

use super::Globals;
use super::cli::{GradebookAction, GradebookArgs};

pub fn run(globals: &Globals, args: &GradebookArgs) -> anyhow::Result<ExitCode> {
    match &args.action {
        GradebookAction::Merge {
            inputs,
            into,
            class,
            roster,
        } => {
            let lang = globals.lang(GradebookArgs::DEFAULT_LANG);
            // Read before merging: a bad roster or class folder must not cost a merge.
            let roster = roster.as_deref().map(Roster::load).transpose()?;
            let students = class
                .as_deref()
                .map(|dir| coverage::class_students(dir, std::slice::from_ref(into)))
                .transpose()?;
            let stdout = io::stdout();
            let mut out = stdout.lock();
            let summary = merge::merge(inputs, into, &mut |note| {
                writeln!(out, "{}", note.word(lang))?;
                Ok(())
            })?;
            let line = atelier::msg!(
                "grade-merge-summary",
                into = into.display().to_string(),
                read = summary.read,
                inputs = inputs.len(),
                added = summary.added,
                same = summary.same,
                conflicts = summary.conflicts
            );
            writeln!(out, "{}", line.word(lang))?;
            if students.is_some() || roster.is_some() {
                let book = Gradebook::open_existing(into)?;
                let mut found = Vec::new();
                if let Some(students) = &students {
                    found.extend(coverage::of_students(&book, None, students)?);
                }
                if let Some(roster) = &roster {
                    found.extend(coverage::of_roster(&book, None, roster)?);
                }
                for c in &found {
                    writeln!(out, "{}", c.sentence(lang))?;
                }
            }
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
    }
}
