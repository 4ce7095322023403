//! `atelier autograder gradescope EXERCISE --out DIR [--zip FILE] [--binary FILE]`: 0 written, 2 not;
//! and the hidden `atelier autograder run-gradescope EXERCISE [--root DIR]` that `run_autograder`
//! calls inside Gradescope's container (0 once results.json is written, whatever the verdict).
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::course::{CourseFiles, exercise};
use atelier::grader::autograder::{AutograderOptions, GradescopeRun, run_gradescope, write_gradescope};
use atelier::grader::load_spec;
use atelier::i18n::{Lang, OrFail};

use super::Globals;
use super::cli::{AutograderArgs, AutograderPlatform};

pub fn run(globals: &Globals, args: &AutograderArgs) -> anyhow::Result<ExitCode> {
    let files = CourseFiles::load(globals.course_dir.as_deref())?;
    let lang = globals.lang(Lang::Fr);
    match &args.platform {
        AutograderPlatform::Gradescope {
            exercise: id,
            out,
            zip,
            binary,
        } => {
            let exercise = exercise::find(&files, id)?;
            let spec = load_spec(&files, &exercise, lang)?;
            let binary = match binary {
                Some(path) => path.clone(),
                None => std::env::current_exe().or_fail(|| atelier::msg!("autograder-no-binary"))?,
            };
            let opts = AutograderOptions {
                out: out.clone(),
                zip: zip.clone(),
                binary,
                lang,
            };
            let written = write_gradescope(&exercise, &spec, &opts)?;
            let mut stdout = io::stdout().lock();
            let line = atelier::msg!(
                "grade-autograder-written",
                out = out.display().to_string(),
                exercise = &spec.id,
                files = written.files.len(),
                glibc = match written.glibc {
                    Some((a, b)) => format!("{a}.{b}"),
                    None => "static".to_string(),
                }
            );
            writeln!(stdout, "{}", line.word(lang))?;
            if let Some(zip) = zip {
                let zip = atelier::msg!("grade-autograder-zip", zip = zip.display().to_string());
                writeln!(stdout, "{}", zip.word(lang))?;
            }
            Ok(ExitCode::SUCCESS)
        }
        AutograderPlatform::RunGradescope { exercise: id, root } => {
            let exercise = exercise::find(&files, id)?;
            let spec = load_spec(&files, &exercise, lang)?;
            let run = GradescopeRun {
                root: root.clone(),
                lang,
            };
            let doc = run_gradescope(&files, &exercise, &spec, &run)?;
            // Gradescope keeps the autograder's stdout for the instructor.
            println!(
                "{}: score {} — {}",
                root.join("results/results.json").display(),
                doc["score"],
                doc["extra_data"]["verdict"].as_str().unwrap_or("?")
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}
