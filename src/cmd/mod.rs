//! The command layer: the clap structs ([`cli`]) and one handler per subcommand — options in, one call
//! into the library, output out. The library below knows no flags: it takes plain option structs.
//!
//! This is also the one place that turns results into exit codes: 0 ok, 1 "the learner's program
//! failed" (or lint found problems), 2 "could not do it".
mod autograder;
mod bench;
mod check;
mod cli;
mod completions;
mod demo;
mod doctor;
mod grade;
mod gradebook;
mod lint;
mod man;
mod new;
mod progress;
mod repl;
mod sandbox_run;
mod show;
mod spawn_child;
mod toc;

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use atelier::course::{Course, Lesson};
use atelier::i18n::Lang;
use clap::Parser;

use cli::{Cli, Command};

/// What every command may need from the global flags.
#[derive(Debug, Clone, Default)]
pub struct Globals {
    /// `--course DIR`, or the built-in course.
    pub course_dir: Option<PathBuf>,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

impl Globals {
    /// The language of the messages: `--lang`, else an English locale, else `default` (the lesson's,
    /// or French, the course's language).
    pub fn lang(&self, default: Lang) -> Lang {
        Lang::resolve(self.lang, default)
    }

    /// The language for messages about `lesson` (or, without one, French, the course's language).
    pub fn lang_for(&self, lesson: Option<&Lesson>) -> Lang {
        self.lang(lesson.map_or(Lang::Fr, |l| l.lang))
    }

    /// Loads the course and reports what did not load on stderr (the rest is still usable).
    pub fn load_course_reporting(&self) -> anyhow::Result<Course> {
        let course = Course::load(self.course_dir.as_deref())?;
        let lang = self.lang(course.lang);
        let mut err = io::stderr().lock();
        for problem in &course.problems {
            writeln!(err, "atelier: {}", problem.word(lang))?;
        }
        Ok(course)
    }
}

/// Parses the command line, runs it, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    // Before anything is written: every view asks the style module whether to colour.
    atelier::style::set_choice(cli.color.into());
    let globals = Globals {
        course_dir: cli.course.clone(),
        lang: cli.lang,
    };
    let command = cli.command.unwrap_or(Command::Repl);
    let lang = globals.lang(command.default_lang());
    match dispatch(&globals, command, lang) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = io::stdout().flush();
            // Failures that are messages (a course that cannot be read, a roster without ids, …)
            // are worded in the language asked for, else the command's (French, the courses'
            // language: a course that cannot be read has no language of its own), cause by cause.
            eprintln!("atelier: {}", atelier::i18n::worded_error(&err, lang));
            ExitCode::from(2)
        }
    }
}

/// Runs `command`; `lang` is the language of its messages (`--lang`, the locale or its default).
fn dispatch(globals: &Globals, command: Command, lang: Lang) -> anyhow::Result<ExitCode> {
    match command {
        Command::Toc(args) => toc::run(globals, &args),
        Command::Show(args) => show::run(globals, &args),
        Command::Demo(args) => demo::run(globals, &args),
        Command::Check(args) => {
            warn_if_degraded(lang);
            check::run(globals, &args)
        }
        Command::Grade(args) => {
            warn_if_degraded(lang);
            grade::run(globals, &args)
        }
        Command::Doctor(args) => doctor::run(globals, &args),
        Command::Gradebook(args) => gradebook::run(globals, &args),
        Command::Autograder(args) => autograder::run(globals, &args),
        Command::Lint(args) => lint::run(globals, &args),
        Command::Bench(args) => bench::run(&args),
        Command::New(args) => new::run(globals, &args),
        Command::Progress(args) => progress::run(globals, &args),
        Command::Repl => repl::run(globals),
        Command::Completions(args) => completions::run(&args),
        Command::Man => man::run(),
        Command::SpawnChild(args) => spawn_child::run(&args),
        Command::SandboxRun(args) => sandbox_run::run(&args),
    }
}

/// One line on stderr when checks run degraded here (process counts not exact).
fn warn_if_degraded(lang: Lang) {
    if let Some(line) = atelier::sandbox::degraded_line(lang) {
        eprintln!("{line}");
    }
}

/// A reader that went away (`atelier show 43 | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
