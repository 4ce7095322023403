//! The command line, as `../shared/DESIGN.md` fixes it. Parsing only: [`super::dispatch`] calls the
//! handlers. The only module of atelier that knows clap.
use std::path::PathBuf;

use atelier::i18n::Lang;
use atelier::style::ColorChoice;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// atelier — a terminal courseware. With no command, starts the lesson REPL.
#[derive(Debug, Parser)]
#[command(name = "atelier", version, about, long_about = None)]
pub struct Cli {
    /// A course folder (`lessons/` + `exercises/`) instead of the built-in course.
    #[arg(long, global = true, value_name = "DIR")]
    pub course: Option<PathBuf>,
    /// Language of atelier's messages: fr, en, or any installed catalog (default: the lesson's, or LANG's).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// When to colour: `auto` (a terminal, unless `NO_COLOR`; `CLICOLOR_FORCE` forces it), `always`, `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorArg::Auto)]
    pub color: ColorArg,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// `--lang`: a language atelier has a catalog for, built in or installed (see `atelier::i18n`).
fn parse_lang(tag: &str) -> Result<Lang, String> {
    Lang::from_tag(tag).ok_or_else(|| {
        format!(
            "no message catalog for `{tag}`; available: {} (a new language is one file, `<tag>.ftl`, in {})",
            Lang::available().join(", "),
            atelier::i18n::installed_catalogs_dir().map_or_else(
                || "$XDG_DATA_HOME/atelier/i18n".into(),
                |d| d.display().to_string()
            )
        )
    })
}

/// `--color`, parsed here for [`atelier::style::ColorChoice`].
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ColorArg {
    Auto,
    Always,
    Never,
}

impl From<ColorArg> for ColorChoice {
    fn from(arg: ColorArg) -> ColorChoice {
        match arg {
            ColorArg::Auto => ColorChoice::Auto,
            ColorArg::Always => ColorChoice::Always,
            ColorArg::Never => ColorChoice::Never,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List lessons, or one lesson's sections, questions, exercises and demos.
    Toc(TocArgs),
    /// Render a lesson or one of its sections to stdout.
    Show(ShowArgs),
    /// List the live demos, or run one.
    Demo(DemoArgs),
    /// Check one submission against an exercise's spec.
    Check(CheckArgs),
    /// Grade a whole class's submissions.
    Grade(GradeArgs),
    /// Gradebook maintenance (merge shards).
    Gradebook(GradebookArgs),
    /// Write an autograder for a grading platform (Gradescope).
    Autograder(AutograderArgs),
    /// Validate lessons and exercises; run every reference solution and starter against its spec.
    Lint(LintArgs),
    /// The process primitives side by side with CPython's multiprocessing.
    Bench(BenchArgs),
    /// Scaffold a new lesson or exercise.
    New(NewArgs),
    /// Show or reset the saved progress.
    Progress(ProgressArgs),
    /// What this machine allows: sandbox layers, process counting, whether verdicts are exact.
    Doctor(DoctorArgs),
    /// Start the REPL (the default).
    Repl,
    /// Print a shell completion script (`atelier completions bash > …`; see the README).
    Completions(CompletionsArgs),
    /// Print the manual page (roff) on stdout.
    Man,
    /// Internal: run one command under the sandbox and print its report (tests, benchmarks).
    #[command(hide = true, name = "__sandbox-run")]
    SandboxRun(SandboxRunArgs),
    /// Internal: a child re-executed by the `main-guard` demo, as Python's spawn does.
    #[command(hide = true, name = "__spawn-child")]
    SpawnChild(SpawnChildArgs),
}

impl Command {
    /// The language the command speaks when neither `--lang` nor the locale chooses: French, the
    /// courses' own, except `gradebook` ([`GradebookArgs::DEFAULT_LANG`]). Errors are worded in
    /// the same language as the output.
    pub fn default_lang(&self) -> Lang {
        match self {
            Command::Gradebook(_) => GradebookArgs::DEFAULT_LANG,
            _ => Lang::Fr,
        }
    }
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// One JSON document on stdout (`schema_version: 1`).
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TocArgs {
    /// Chapter number or file slug; all lessons when absent.
    pub lesson: Option<String>,
    /// One JSON document on stdout.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// `LESSON` or `LESSON#ANCHOR` (chapter number or slug, then a section anchor).
    pub target: String,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// The demo to run; lists them when absent.
    pub name: Option<String>,
    /// One JSON document on stdout with what was measured.
    #[arg(long)]
    pub json: bool,
    /// `counter`: increment without the lock, to see lost updates.
    #[arg(long)]
    pub no_lock: bool,
    /// `counter`: how many runs (a histogram of the final values).
    #[arg(long, value_name = "N")]
    pub runs: Option<u32>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Exercise id, such as `43.1`.
    pub exercise: String,
    /// The submission (a Python file).
    pub file: PathBuf,
    /// One JSON document on stdout.
    #[arg(long)]
    pub json: bool,
    /// Run N times (on all cores and pinned to one) and report the pass rate.
    #[arg(long, value_name = "N")]
    pub runs: Option<u32>,
    /// Judge only the check of this name (the score is that check's).
    #[arg(long, value_name = "NAME")]
    pub only: Option<String>,
}

#[derive(Debug, Args)]
pub struct GradeArgs {
    /// Exercise id, such as `43.3`.
    pub exercise: String,
    /// The class: `DIR/<student>/…` or `DIR/<student>.py`.
    pub dir: Option<PathBuf>,
    /// Parallel grading runs (default: the cores available).
    #[arg(long, value_name = "N")]
    pub jobs: Option<usize>,
    /// SQLite gradebook (created when missing; resumes where a killed batch stopped).
    #[arg(long, value_name = "FILE")]
    pub gradebook: Option<PathBuf>,
    /// `csv:PATH`, `junit:PATH`, `gradescope:DIR`, `feedback:DIR` (a Markdown file per student),
    /// `lms-csv:PATH` (one row per roster student; needs --roster) or `similarity:PATH` (JSON)
    /// (repeatable).
    #[arg(long, value_name = "FORMAT:PATH")]
    pub export: Vec<String>,
    /// The class roster, CSV with `id` and `folder`, `name`, `email` columns: the LMS's ids for
    /// `lms-csv`, and who is missing.
    #[arg(long, value_name = "FILE")]
    pub roster: Option<PathBuf>,
    /// With --report or `similarity:`, list two submissions from this share (0..1) of shared code.
    #[arg(long, value_name = "SHARE", default_value = "0.8")]
    pub similarity_threshold: f64,
    /// Grade only shard K of N (`K/N`, K from 1), deterministically by student.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<String>,
    /// Grade again even when the submission is unchanged.
    #[arg(long)]
    pub regrade: bool,
    /// Print the score histogram, the checks that failed most, and identical or near-identical
    /// submissions.
    #[arg(long)]
    pub report: bool,
}

impl GradebookArgs {
    /// `gradebook`'s reports have been English from the start (scripts read them).
    pub const DEFAULT_LANG: Lang = Lang::En;
}

#[derive(Debug, Args)]
pub struct GradebookArgs {
    #[command(subcommand)]
    pub action: GradebookAction,
}

#[derive(Debug, Subcommand)]
pub enum GradebookAction {
    /// Merge shard gradebooks into one.
    Merge {
        /// The gradebooks to merge.
        #[arg(required = true)]
        inputs: Vec<PathBuf>,
        /// The merged gradebook.
        #[arg(long, value_name = "FILE")]
        into: PathBuf,
        /// The class folder: say which of its students the merged gradebook lacks.
        #[arg(long, value_name = "DIR")]
        class: Option<PathBuf>,
        /// The class roster: say which of its students the merged gradebook lacks.
        #[arg(long, value_name = "FILE")]
        roster: Option<PathBuf>,
    },
}

#[derive(Debug, Args)]
pub struct AutograderArgs {
    #[command(subcommand)]
    pub platform: AutograderPlatform,
}

#[derive(Debug, Subcommand)]
pub enum AutograderPlatform {
    /// Write a Gradescope autograder (setup.sh, run_autograder, atelier, the exercise) for EXERCISE.
    Gradescope {
        /// Exercise id, such as `43.3`.
        exercise: String,
        /// The folder to write.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Also write the zip to upload to Gradescope.
        #[arg(long, value_name = "FILE")]
        zip: Option<PathBuf>,
        /// The atelier binary to ship (default: this one); it must run on Ubuntu 22.04.
        #[arg(long, value_name = "FILE")]
        binary: Option<PathBuf>,
    },
    /// Internal: what run_autograder calls inside Gradescope's container.
    #[command(hide = true, name = "run-gradescope")]
    RunGradescope {
        exercise: String,
        /// The autograder's root folder.
        #[arg(long, value_name = "DIR", default_value = "/autograder")]
        root: PathBuf,
    },
}

#[derive(Debug, Args)]
pub struct LintArgs {
    /// A course folder; the built-in course when absent.
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// One JSON document on stdout.
    #[arg(long)]
    pub json: bool,
    /// Fewer repetitions (for a smoke run).
    #[arg(long)]
    pub quick: bool,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    #[command(subcommand)]
    pub what: NewWhat,
}

#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// `atelier new lesson 44 asyncio`
    Lesson { number: u32, slug: String },
    /// `atelier new exercise 44.1 [--from-lesson]`
    Exercise {
        id: String,
        /// Derive the spec, solution and starter from the lesson's statement and `<details>`
        /// solution (the solution is run in the sandbox to see what it prints and returns).
        #[arg(long)]
        from_lesson: bool,
    },
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// `reset` forgets the saved progress.
    pub action: Option<String>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct SpawnChildArgs {
    /// Depth of this child in the re-execution tree.
    pub depth: u32,
    /// Maximum depth before the bounded demo stops recursing.
    pub max_depth: u32,
    /// Children each process starts.
    pub fanout: u32,
}

#[derive(Debug, Args)]
pub struct SandboxRunArgs {
    /// The report as one JSON document (else a short summary and the program's output).
    #[arg(long)]
    pub json: bool,
    /// Wall clock limit in seconds.
    #[arg(long, value_name = "S")]
    pub wall: Option<f64>,
    /// CPU limit in seconds.
    #[arg(long, value_name = "S")]
    pub cpu: Option<f64>,
    /// Memory limit in MiB.
    #[arg(long, value_name = "MIB")]
    pub memory_mib: Option<u64>,
    /// Processes and threads alive at once.
    #[arg(long, value_name = "N")]
    pub processes: Option<u32>,
    /// Bytes kept of stdout and of stderr.
    #[arg(long, value_name = "BYTES")]
    pub output_bytes: Option<u64>,
    /// Largest file the program may write.
    #[arg(long, value_name = "BYTES")]
    pub file_bytes: Option<u64>,
    /// Pin the run to one CPU.
    #[arg(long)]
    pub pin: bool,
    /// `NAME=PATH`: copy PATH into the run's folder as NAME (repeatable).
    #[arg(long, value_name = "NAME=PATH")]
    pub file: Vec<String>,
    /// The command to run.
    #[arg(last = true, required = true)]
    pub argv: Vec<String>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    /// clap's own consistency checks (duplicate flags, bad defaults) over the whole command line.
    #[test]
    fn command_line_is_consistent() {
        Cli::command().debug_assert();
    }
}
