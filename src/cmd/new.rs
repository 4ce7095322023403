//! `atelier new lesson NUMBER SLUG` and `atelier new exercise ID [--from-lesson]`: files an instructor
//! starts from (the scaffold, or an exercise derived from the lesson's statement and solution).
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use atelier::derive::{DeriveOptions, derive_exercise};
use atelier::i18n::Lang;
use atelier::msg;
use atelier::scaffold::{new_exercise, new_lesson};

use super::Globals;
use super::cli::{NewArgs, NewWhat};

/// `atelier new …`, in the `--course` folder or the current one. What it refuses to do is a
/// failure the command line words in the course's language (French) unless `--lang` asks for
/// another; exit code 2.
pub fn run(globals: &Globals, args: &NewArgs) -> anyhow::Result<ExitCode> {
    let root = globals.course_dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let mut out = io::stdout().lock();
    // A derived exercise speaks its lesson's language; a scaffold has no lesson yet: the course's, French.
    let mut lang = globals.lang(Lang::Fr);
    let written = match &args.what {
        NewWhat::Lesson { number, slug } => new_lesson(&root, *number, slug)?,
        NewWhat::Exercise {
            id,
            from_lesson: false,
        } => new_exercise(&root, id)?,
        NewWhat::Exercise {
            id,
            from_lesson: true,
        } => {
            let derived = derive_exercise(&DeriveOptions {
                root: root.clone(),
                id: id.clone(),
                runs: 3,
            })?;
            lang = globals.lang(derived.lang);
            writeln!(out, "{id} :")?;
            for note in &derived.notes {
                writeln!(out, "  - {}", note.word(lang))?;
            }
            derived.files
        }
    };
    for path in &written {
        let created = msg!("derive-created", path = path.display().to_string());
        writeln!(out, "{}", created.word(lang))?;
    }
    let lint = msg!("derive-lint-hint", dir = root.display().to_string());
    writeln!(out, "{}", lint.word(lang))?;
    Ok(ExitCode::SUCCESS)
}
