//! Dispatch of the command line to the library, and the one place that turns results into exit codes:
//! 0 ok, 1 "the learner's program failed" (or lint found problems), 2 "could not do it".
use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::i18n::Lang;

/// What every command may need from the global flags.
#[derive(Debug, Clone, Default)]
pub struct Ctx {
    /// `--course DIR`, or the built-in course.
    pub course_dir: Option<PathBuf>,
    /// `--lang`, when given.
    pub lang: Option<Lang>,
}

/// An error the user caused (bad argument, unknown lesson): exit 2 without a backtrace-like chain.
pub type Result<T> = anyhow::Result<T>;

/// Parses the command line, runs it, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = Ctx {
        course_dir: cli.course.clone(),
        lang: cli.lang,
    };
    match dispatch(&ctx, cli.command.unwrap_or(Command::Repl)) {
        Ok(code) => code,
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let _ = io::stdout().flush();
            eprintln!("atelier: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn dispatch(ctx: &Ctx, command: Command) -> Result<ExitCode> {
    match command {
        Command::Toc(args) => crate::course::commands::toc(ctx, &args),
        Command::Show(args) => crate::course::commands::show(ctx, &args),
        Command::Demo(args) => crate::demos::command(ctx, &args),
        Command::Check(args) => {
            warn_if_degraded();
            crate::grader::check_command(ctx, &args)
        }
        Command::Grade(args) => {
            warn_if_degraded();
            crate::grader::grade_command(ctx, &args)
        }
        Command::Doctor(args) => doctor(&args),
        Command::Gradebook(args) => crate::grader::gradebook_command(ctx, &args),
        Command::Lint(args) => crate::lint::command(ctx, &args),
        Command::Bench(args) => crate::bench::command(ctx, &args),
        Command::New(args) => crate::scaffold::command(ctx, &args),
        Command::Progress(args) => crate::progress::command(ctx, &args),
        Command::Repl => crate::repl::command(ctx),
        Command::SpawnChild(args) => crate::demos::spawn_child(&args),
        Command::SandboxRun(args) => crate::sandbox::debug_command(&args),
    }
}

/// One line on stderr when checks run degraded here (process counts not exact).
fn warn_if_degraded() {
    if let Some(line) = crate::sandbox::degraded_line() {
        eprintln!("{line}");
    }
}

/// `atelier doctor [--json]`: exit 0 when verdicts are exact here, 1 when not.
fn doctor(args: &crate::cli::DoctorArgs) -> Result<ExitCode> {
    let report = crate::sandbox::doctor();
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        out.write_all(report.to_text().as_bytes())?;
    }
    Ok(ExitCode::from(if report.exact { 0 } else { 1 }))
}

/// A reader that went away (`atelier show 43 | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
