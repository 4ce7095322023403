//! Grading a whole class (`atelier grade`): every submission of a folder checked against one
//! exercise, recorded in a gradebook, exported; `Ok` when the class was graded (whatever the
//! students' verdicts), `Err` when something could not be done.
//!
//! Without a class folder, nothing is graded: the report and the exports read an existing gradebook
//! (after a merge of shards, say).
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use super::batch::{BatchEnv, Job, Outcome, Progress, run_batch};
use super::checks;
use super::class::{self, NotGraded, Shard};
use super::class_outputs::{Outputs, ReportViews, check_options, write_outputs};
use super::engine::{CheckOptions, load_spec};
use super::export::ExportTarget;
use super::gradebook::Gradebook;
use super::grading_lock;
use super::record::{GradeVerdict, sha256_hex};
use super::reference::reference_output;
use super::roster::Roster;
use crate::course::{CourseFiles, exercise::find as find_exercise};
use crate::i18n::{Lang, OrFail};
use crate::msg;
use anyhow::Result;

/// What to grade and how (the flags of `atelier grade`).
#[derive(Debug, Clone, Default)]
pub struct GradeOptions {
    /// The course folder; `None` for the built-in course.
    pub course_dir: Option<PathBuf>,
    /// The language of the messages.
    pub lang: Lang,
    /// Exercise id, such as `43.3`.
    pub exercise: String,
    /// The class: `DIR/<student>/…` or `DIR/<student>.py`; `None` reads the gradebook only.
    pub dir: Option<PathBuf>,
    /// Parallel grading runs (default: the cores available).
    pub jobs: Option<usize>,
    /// SQLite gradebook (created when missing; resumes where a killed batch stopped).
    pub gradebook: Option<PathBuf>,
    /// `csv:PATH`, `junit:PATH` or `gradescope:DIR`.
    pub export: Vec<String>,
    /// Grade only shard `K/N`.
    pub shard: Option<String>,
    /// Grade again even when the submission is unchanged.
    pub regrade: bool,
    /// Draws the class report (score histogram, checks that failed most, similar submissions)
    /// from the gradebook at the end; `None` for no report. The caller chooses the views: grading
    /// knows no presentation.
    pub report: Option<ReportViews>,
    /// The class roster (LMS ids, names, emails), for `lms-csv` and the missing students.
    pub roster: Option<PathBuf>,
    /// Similarity share (0..1) from which two submissions are listed (`--report`, `similarity:`).
    pub similarity_threshold: Option<f64>,
}

/// Grades the class of `args` and writes the summary to `out` (progress goes to stderr).
pub fn grade_class(args: &GradeOptions, out: &mut dyn Write) -> Result<()> {
    let lang = args.lang;
    // Every argument is checked before anything runs: a typo must not cost a class's grading time.
    let exports = args
        .export
        .iter()
        .map(|e| ExportTarget::parse(e))
        .collect::<Result<Vec<_>>>()?;
    let shard = args.shard.as_deref().map(Shard::parse).transpose()?;
    if args.jobs == Some(0) {
        anyhow::bail!("{}", lang.text("grade-jobs-at-least-one"));
    }
    let roster = args.roster.as_deref().map(Roster::load).transpose()?;
    check_options(&exports, roster.as_ref(), args.similarity_threshold)?;
    let Some(dir) = &args.dir else {
        return from_gradebook(args, &exports, shard, roster.as_ref(), lang, out);
    };

    let files = CourseFiles::load(args.course_dir.as_deref())?;
    let exercise = find_exercise(&files, &args.exercise)?;
    let spec = load_spec(&files, &exercise, lang)?;
    let spec_hash = sha256_hex(exercise.files.get("exercise.yaml").map_or(&[][..], |b| b));
    // The reference solution's output is the same for every student: computed once, shared.
    let reference = if checks::needs_reference(&spec) {
        let _share = grading_lock::acquire(spec.timing_sensitive)?;
        Some(reference_output(&spec, &exercise, lang)?)
    } else {
        None
    };
    let opts = CheckOptions {
        lang,
        runs: None,
        reference,
        // An instructor grades: the gradebook and the exports keep every detail (exports mark visibility).
        reveal_hidden: true,
        only: None,
    };

    // The gradebook or an export written inside the class folder is ours, not a student's.
    let own = own_files(args.gradebook.as_deref(), &exports);
    let mut class = class::discover(dir, &spec.file, &|entry| is_own(entry, &own))?;
    if let Some(shard) = shard {
        class.keep_shard(shard);
    }
    let mut book = match &args.gradebook {
        Some(path) => Gradebook::open(path)?,
        None => Gradebook::in_memory()?,
    };
    let known = book.known(&spec.id)?;

    // What to grade: new students, changed submissions, a changed spec, an `error` verdict (the
    // grader could not judge last time), or everything with --regrade.
    let mut jobs = Vec::new();
    let mut unchanged = Vec::new();
    let mut not_graded = class.not_graded.clone();
    let mut students: HashSet<String> = HashSet::new();
    for submission in &class.submissions {
        let bytes = match super::submission_file::read(&submission.path) {
            Ok(bytes) => bytes,
            Err(err) => {
                not_graded.push(NotGraded {
                    student: submission.student.clone(),
                    entry: submission.rel.clone(),
                    reason: msg!("grade-refused", error = err.to_string()),
                });
                continue;
            }
        };
        let hash = sha256_hex(&bytes);
        students.insert(submission.student.clone());
        let same = known.get(&submission.student).is_some_and(|k| {
            k.submission_hash == hash && k.spec_hash == spec_hash && k.verdict != GradeVerdict::Error
        });
        if same && !args.regrade {
            unchanged.push(submission.student.clone());
        } else {
            jobs.push(Job {
                submission: submission.clone(),
            });
        }
    }
    not_graded.sort_by(|a, b| a.student.cmp(&b.student));

    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = if spec.timing_sensitive {
        1
    } else {
        args.jobs.unwrap_or(cpus)
    };
    let mut progress = Progress::new(jobs.len());
    let start = msg!(
        "grade-start",
        exercise = &spec.id,
        to_grade = jobs.len(),
        unchanged = unchanged.len(),
        not_graded = not_graded.len(),
        workers = workers.min(jobs.len().max(1)),
        shard = match shard {
            Some(s) => format!(" (shard {}/{})", s.index, s.count),
            None => String::new(),
        }
    );
    progress.note(&start.word(lang));
    if spec.timing_sensitive && args.jobs.is_some_and(|j| j > 1) {
        progress.note(&lang.text("grade-timing-sensitive"));
    }
    for problem in &not_graded {
        progress.note(&not_graded_line(problem).word(lang));
    }

    let mut tally = [0u64; 3];
    let mut failures: Vec<(String, String)> = Vec::new();
    let env = BatchEnv {
        files: &files,
        exercise: &exercise,
        opts: &opts,
        spec_hash: &spec_hash,
        timing_sensitive: spec.timing_sensitive,
    };
    let batch = run_batch(&env, &jobs, workers, |outcome| {
        match outcome {
            Outcome::Graded(record) => {
                book.record(&record)?;
                tally[record.verdict as usize] += 1;
                // The verdict and the run's status by their codes, as the gradebook holds them.
                let text = msg!(
                    "grade-progress-graded",
                    verdict = record.verdict.as_str(),
                    score = record.score,
                    max = record.max_score,
                    status = &record.run.status,
                    wall = format!("{:.2}", record.run.wall_s)
                );
                let is_error = record.verdict == GradeVerdict::Error;
                progress.finished(&record.student, &text.word(lang), is_error);
            }
            Outcome::Failed { student, error } => {
                let text = msg!("grade-progress-error", error = &error);
                progress.finished(&student, &text.word(lang), true);
                failures.push((student, error));
            }
        }
        Ok(())
    });
    progress.finish();
    batch?;

    let summary = msg!(
        "grade-summary",
        exercise = &spec.id,
        graded = tally.iter().sum::<u64>(),
        pass = tally[GradeVerdict::Pass as usize],
        fail = tally[GradeVerdict::Fail as usize],
        error = tally[GradeVerdict::Error as usize],
        unchanged = unchanged.len(),
        not_graded = not_graded.len()
    );
    writeln!(out, "{}", summary.word(lang))?;
    for problem in &not_graded {
        writeln!(out, "  {}", not_graded_line(problem).word(lang))?;
    }
    if book.is_memory() {
        writeln!(out, "{}", lang.text("grade-gradebook-in-memory"))?;
    } else {
        let line = msg!(
            "grade-gradebook",
            name = book.name(),
            rows = book.count(Some(&spec.id))?
        );
        writeln!(out, "{}", line.word(lang))?;
    }

    // The exports cover this class (this shard): the students found in DIR, graded now or before.
    let outputs = Outputs {
        book: &book,
        exercise_id: &spec.id,
        exercise: Some((&exercise, &spec)),
        lang,
        students: Some(&students),
        class_students: Some(
            class
                .submissions
                .iter()
                .map(|s| s.student.clone())
                .chain(not_graded.iter().map(|p| p.student.clone()))
                .collect(),
        ),
        sources: class
            .submissions
            .iter()
            .filter(|s| students.contains(&s.student))
            .map(|s| (s.student.clone(), s.path.clone(), s.rel.clone()))
            .collect(),
        exports: &exports,
        roster: roster.as_ref(),
        report: args.report,
        threshold: args.similarity_threshold,
    };
    write_outputs(&outputs, out)?;
    out.flush()?;
    if !failures.is_empty() {
        let names: Vec<&str> = failures.iter().map(|(s, _)| s.as_str()).collect();
        let problem = msg!(
            "grade-not-graded-retry",
            count = failures.len(),
            students = names.join(", "),
            error = &failures[0].1
        );
        anyhow::bail!("{}", problem.word(lang));
    }
    Ok(())
}

/// `alice.txt: not graded — why`.
fn not_graded_line(problem: &NotGraded) -> crate::i18n::Message {
    msg!(
        "grade-entry-not-graded",
        entry = &problem.entry,
        reason = problem.reason.clone()
    )
}

/// `--report` / `--export` without DIR: read the gradebook, grade nothing.
fn from_gradebook(
    args: &GradeOptions,
    exports: &[ExportTarget],
    shard: Option<Shard>,
    roster: Option<&Roster>,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<()> {
    let usage = || anyhow::anyhow!("{}", lang.text("grade-dir-required"));
    let Some(path) = &args.gradebook else {
        return Err(usage());
    };
    if args.report.is_none() && exports.is_empty() {
        return Err(usage());
    }
    if args.regrade || args.jobs.is_some() {
        anyhow::bail!("{}", lang.text("grade-needs-class-folder"));
    }
    let book = Gradebook::open_existing(path)?;
    // The id as the course spells it when the course knows the exercise, else as given (a
    // gradebook may come from another course).
    let found = CourseFiles::load(args.course_dir.as_deref())
        .ok()
        .and_then(|files| {
            let exercise = find_exercise(&files, &args.exercise).ok()?;
            let spec = load_spec(&files, &exercise, lang).ok();
            Some((exercise, spec))
        });
    let id = found
        .as_ref()
        .map_or_else(|| args.exercise.trim().to_string(), |(e, _)| e.id.clone());
    // Titles, visibility and the starter, when the course knows the exercise and its spec loads.
    let known = found.as_ref().and_then(|(e, s)| s.as_ref().map(|s| (e, s)));
    let students: Option<HashSet<String>> = match shard {
        Some(shard) => {
            let mut set = HashSet::new();
            book.for_each(Some(&id), |r| {
                if shard.contains(&r.student) {
                    set.insert(r.student);
                }
                Ok(())
            })?;
            Some(set)
        }
        None => None,
    };
    let outputs = Outputs {
        book: &book,
        exercise_id: &id,
        exercise: known,
        lang,
        students: students.as_ref(),
        class_students: None,
        sources: Vec::new(),
        exports,
        roster,
        report: args.report,
        threshold: args.similarity_threshold,
    };
    write_outputs(&outputs, out)
        .or_fail(|| msg!("grade-exporting-from", path = path.display().to_string()))?;
    Ok(())
}

/// The files this command writes (the gradebook with SQLite's companions, the exports).
fn own_files(gradebook: Option<&std::path::Path>, exports: &[ExportTarget]) -> Vec<std::path::PathBuf> {
    let mut own = Vec::new();
    if let Some(book) = gradebook {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut name = book.as_os_str().to_owned();
            name.push(suffix);
            own.push(name.into());
        }
    }
    for target in exports {
        own.push(target.path().to_path_buf());
    }
    own
}

/// Whether `entry` is one of `own` (compared by their folders' real paths and their names).
fn is_own(entry: &std::path::Path, own: &[std::path::PathBuf]) -> bool {
    let key = |p: &std::path::Path| {
        let parent = match p.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        Some((parent.canonicalize().ok()?, p.file_name()?.to_owned()))
    };
    key(entry).is_some_and(|k| own.iter().any(|o| key(o).as_ref() == Some(&k)))
}
