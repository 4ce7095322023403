//! `atelier new lesson NUMBER SLUG` and `atelier new exercise ID`: files an instructor starts from.
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use atelier::scaffold::{new_exercise, new_lesson};

use super::Globals;
use super::cli::{NewArgs, NewWhat};

/// `atelier new …`, in the `--course` folder or the current one.
pub fn run(globals: &Globals, args: &NewArgs) -> anyhow::Result<ExitCode> {
    let root = globals.course_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let written = match &args.what {
        NewWhat::Lesson { number, slug } => new_lesson(&root, *number, slug)?,
        NewWhat::Exercise { id } => new_exercise(&root, id)?,
    };
    let mut out = io::stdout().lock();
    for path in &written {
        writeln!(out, "créé / created: {}", path.display())?;
    }
    writeln!(out, "atelier lint {}  # vérifier / check it", root.display())?;
    Ok(ExitCode::SUCCESS)
}
