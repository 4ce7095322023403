//! `atelier grade EXERCISE DIR [--jobs N] [--gradebook F] [--export FORMAT:PATH]… [--shard K/N]
//! [--regrade] [--report]`: 0 when the class was graded (whatever the students' verdicts), 2 when
//! something could not be done.
use std::io;
use std::process::ExitCode;

use atelier::grader::{GradeOptions, grade_class};
use atelier::i18n::Lang;

use super::Globals;
use super::cli::GradeArgs;

pub fn run(globals: &Globals, args: &GradeArgs) -> anyhow::Result<ExitCode> {
    let options = GradeOptions {
        course_dir: globals.course_dir.clone(),
        lang: globals.lang(Lang::Fr),
        exercise: args.exercise.clone(),
        dir: args.dir.clone(),
        jobs: args.jobs,
        gradebook: args.gradebook.clone(),
        export: args.export.clone(),
        shard: args.shard.clone(),
        regrade: args.regrade,
        report: args.report,
    };
    grade_class(&options, &mut io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
