//! Grading a whole class (`atelier grade`): every submission of a folder checked against one
//! exercise, recorded in a gradebook, exported; `Ok` when the class was graded (whatever the
//! students' verdicts), `Err` when something could not be done.
//!
//! Without a class folder, nothing is graded: the report and the exports read an existing gradebook
//! (after a merge of shards, say).
use std::collections::HashSet;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;

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
use crate::i18n::Lang;
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
        anyhow::bail!("--jobs: at least 1");
    }
    let roster = args.roster.as_deref().map(Roster::load).transpose()?;
    check_options(&exports, roster.as_ref(), args.similarity_threshold)?;
    let Some(dir) = &args.dir else {
        return from_gradebook(args, &exports, shard, roster.as_ref(), lang, out);
    };

    let files = CourseFiles::load(args.course_dir.as_deref())?;
    let exercise = find_exercise(&files, &args.exercise)?;
    let spec = load_spec(&files, &exercise)?;
    let spec_hash = sha256_hex(exercise.files.get("exercise.yaml").map_or(&[][..], |b| b));
    // The reference solution's output is the same for every student: computed once, shared.
    let reference = if checks::needs_reference(&spec) {
        let _share = grading_lock::acquire(spec.timing_sensitive)?;
        Some(reference_output(&spec, &exercise)?)
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
    let mut class = class::discover(dir, &spec.file, lang, &|entry| is_own(entry, &own))?;
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
                    reason: format!("{}: {err}", lang.pick("refusée", "refused")),
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

    // French puts a space before a colon.
    let colon = lang.pick(" :", ":");
    let cpus = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = if spec.timing_sensitive {
        1
    } else {
        args.jobs.unwrap_or(cpus)
    };
    let mut progress = Progress::new(jobs.len());
    progress.note(&format!(
        "{} {}{colon} {} {}, {} {}, {} {} — {} {}{}",
        lang.pick("Notation de", "Grading"),
        spec.id,
        jobs.len(),
        lang.pick("à noter", "to grade"),
        unchanged.len(),
        lang.pick("inchangées", "unchanged"),
        not_graded.len(),
        lang.pick("non notées", "not graded"),
        workers.min(jobs.len().max(1)),
        lang.pick("en parallèle", "at a time"),
        match shard {
            Some(s) => format!(" (shard {}/{})", s.index, s.count),
            None => String::new(),
        }
    ));
    if spec.timing_sensitive && args.jobs.is_some_and(|j| j > 1) {
        progress.note(lang.pick(
            "exercice sensible au temps : une copie à la fois (--jobs ignoré)",
            "timing-sensitive exercise: one submission at a time (--jobs ignored)",
        ));
    }
    for problem in &not_graded {
        progress.note(&format!(
            "{}: {} — {}",
            problem.entry,
            lang.pick("non notée", "not graded"),
            problem.reason
        ));
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
                let text = format!(
                    "{} {}/{} ({} {}, {:.2} s)",
                    record.verdict.as_str(),
                    record.score,
                    record.max_score,
                    lang.pick("exécution", "run"),
                    record.run.status,
                    record.run.wall_s
                );
                progress.finished(&record.student, &text, record.verdict == GradeVerdict::Error);
            }
            Outcome::Failed { student, error } => {
                progress.finished(
                    &student,
                    &format!("{}: {error}", lang.pick("ERREUR", "ERROR")),
                    true,
                );
                failures.push((student, error));
            }
        }
        Ok(())
    });
    progress.finish();
    batch?;

    writeln!(
        out,
        "{}{colon} {} {} (pass {}, fail {}, error {}), {} {}, {} {}",
        spec.id,
        tally.iter().sum::<u64>(),
        lang.pick("notées", "graded"),
        tally[GradeVerdict::Pass as usize],
        tally[GradeVerdict::Fail as usize],
        tally[GradeVerdict::Error as usize],
        unchanged.len(),
        lang.pick("inchangées (non renotées)", "unchanged (not regraded)"),
        not_graded.len(),
        lang.pick("non notées", "not graded"),
    )?;
    for problem in &not_graded {
        writeln!(
            out,
            "  {}: {} — {}",
            problem.entry,
            lang.pick("non notée", "not graded"),
            problem.reason
        )?;
    }
    if book.is_memory() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "carnet de notes : en mémoire seulement (--gradebook FICHIER pour garder les notes et reprendre un lot interrompu)",
                "gradebook: in memory only (--gradebook FILE keeps the grades and resumes an interrupted batch)"
            )
        )?;
    } else {
        writeln!(
            out,
            "{}{colon} {} ({} {})",
            lang.pick("carnet de notes", "gradebook"),
            book.name(),
            book.count(Some(&spec.id))?,
            lang.pick("lignes pour cet exercice", "rows for this exercise"),
        )?;
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
        anyhow::bail!(
            "{} {}: {} ({})",
            failures.len(),
            lang.pick(
                "copies n'ont pas pu être notées (relancer la commande les reprend)",
                "submissions could not be graded (running the command again retries them)"
            ),
            names.join(", "),
            failures[0].1
        );
    }
    Ok(())
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
    let usage = "DIR is required to grade: `atelier grade EXERCISE DIR` (without DIR, only `--gradebook FILE` with `--report` or `--export` reads what a gradebook holds)";
    let Some(path) = &args.gradebook else {
        anyhow::bail!("{usage}");
    };
    if args.report.is_none() && exports.is_empty() {
        anyhow::bail!("{usage}");
    }
    if args.regrade || args.jobs.is_some() {
        anyhow::bail!("--regrade and --jobs need a class folder (DIR) to grade");
    }
    let book = Gradebook::open_existing(path)?;
    // The id as the course spells it when the course knows the exercise, else as given (a
    // gradebook may come from another course).
    let found = CourseFiles::load(args.course_dir.as_deref())
        .ok()
        .and_then(|files| {
            let exercise = find_exercise(&files, &args.exercise).ok()?;
            let spec = load_spec(&files, &exercise).ok();
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
    write_outputs(&outputs, out).with_context(|| format!("exporting from {}", path.display()))?;
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
