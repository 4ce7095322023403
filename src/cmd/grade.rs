//! `atelier grade EXERCISE DIR [--jobs N] [--gradebook F] [--export FORMAT:PATH]… [--shard K/N]
//! [--regrade] [--report] [--roster FILE] [--similarity-threshold SHARE]`: 0 when the class was graded (whatever the students' verdicts), 2 when
//! something could not be done.
use std::io;
use std::process::ExitCode;

use atelier::grader::{GradeOptions, ReportViews, grade_class};
use atelier::i18n::Lang;
use atelier::view::{write_class_report, write_similarity};

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
        report: args.report.then_some(ReportViews {
            class: write_class_report,
            similarity: write_similarity,
        }),
        roster: args.roster.clone(),
        similarity_threshold: Some(args.similarity_threshold),
    };
    grade_class(&options, &mut io::stdout().lock())?;
    Ok(ExitCode::SUCCESS)
}
