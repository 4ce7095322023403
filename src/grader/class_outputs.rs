//! What `atelier grade` writes once the class is graded (or from a gradebook alone): the exports,
//! the LMS gradebook CSV by roster, the similarity report, `--report`, and whether the gradebook
//! holds every student of the class and of the roster ("10 of 12 graded: missing …").
//!
//! This module computes (the similarity of the submissions among the rest); the views of
//! `--report` that word and draw it are handed in by the caller ([`ReportViews`], from `view`).
use std::collections::{BTreeSet, HashSet};
use std::io::{Read, Write};
use std::path::PathBuf;

use super::class::MAX_SUBMISSION_BYTES;
use super::coverage::{self, Coverage};
use super::export::{ExportContext, ExportTarget, lms_csv, write_exports_in};
use super::gradebook::Gradebook;
use super::roster::Roster;
use super::similarity::{self, SimilarityOptions, SimilarityReport, Source};
use super::spec::ExerciseSpec;
use super::visibility;
use crate::atomic_file::write_atomic;
use crate::course::Exercise;
use crate::i18n::{Lang, OrFail, fail};
use crate::msg;

/// Writes the report of `exercise` from the gradebook, for `students` only when given.
pub type ReportFn =
    fn(&Gradebook, &str, Option<&HashSet<String>>, Lang, &mut dyn Write) -> anyhow::Result<()>;

/// Writes the similarity part of `--report`; `hashes_only`: the report was made from the
/// gradebook's hashes alone (no class folder), so only byte-identical submissions are in it.
pub type SimilarityFn = fn(&SimilarityReport, bool, Lang, &mut dyn Write) -> anyhow::Result<()>;

/// The views `--report` is drawn with. Grading knows no presentation: the caller hands them in.
#[derive(Debug, Clone, Copy)]
pub struct ReportViews {
    /// The class at a glance (scores, verdicts, the checks that failed most).
    pub class: ReportFn,
    /// The submissions that look alike.
    pub similarity: SimilarityFn,
}

/// What the outputs are made from.
pub struct Outputs<'a> {
    pub book: &'a Gradebook,
    /// The exercise id as the gradebook has it.
    pub exercise_id: &'a str,
    /// The exercise and its spec, when the course knows them (titles, visibility, the starter).
    pub exercise: Option<(&'a Exercise, &'a ExerciseSpec)>,
    pub lang: Lang,
    /// The students of this class or shard (`None`: every student of the gradebook).
    pub students: Option<&'a HashSet<String>>,
    /// The class folder's students, graded or not (`None` without a class folder).
    pub class_students: Option<BTreeSet<String>>,
    /// Each graded student's submission (student, file, path relative to the class folder).
    pub sources: Vec<(String, PathBuf, String)>,
    pub exports: &'a [ExportTarget],
    pub roster: Option<&'a Roster>,
    /// Draws the class report and the similar submissions (`--report`); the views are the caller's.
    pub report: Option<ReportViews>,
    /// `--similarity-threshold`.
    pub threshold: Option<f64>,
}

/// Checks the platform options before anything runs: an LMS export needs a roster, a threshold is
/// a share.
pub fn check_options(
    exports: &[ExportTarget],
    roster: Option<&Roster>,
    threshold: Option<f64>,
) -> anyhow::Result<()> {
    if roster.is_none()
        && let Some(t) = exports.iter().find(|t| matches!(t, ExportTarget::LmsCsv(_)))
    {
        anyhow::bail!(
            "--export lms-csv:{}: needs --roster FILE (the LMS's ids come from the roster)",
            t.path().display()
        );
    }
    if let Some(t) = threshold
        && !(0.0..=1.0).contains(&t)
    {
        return fail(msg!("grade-similarity-threshold", value = t));
    }
    Ok(())
}

/// Writes every output and its summary lines to `out`.
pub fn write_outputs(o: &Outputs<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    write_exports(o, out)?;
    write_roster_and_coverage(o, out)?;
    write_similarity_and_report(o, out)
}

/// The exports of the gradebook's records (CSV, JUnit, feedback, Gradescope…), this class's only.
fn write_exports(o: &Outputs<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let lang = o.lang;
    let ctx = ExportContext {
        title: format!("atelier {}", o.exercise_id),
        lang,
        exercise_title: o
            .exercise
            .map_or_else(String::new, |(_, s)| s.title.get(lang).to_string()),
        visibility: o
            .exercise
            .map(|(_, s)| visibility::of_spec(s))
            .unwrap_or_default(),
        spec: o.exercise.map(|(_, s)| s.clone()),
    };
    let keep = |student: &str| o.students.is_none_or(|s| s.contains(student));
    let written = write_exports_in(o.exports, &ctx, |sink| {
        o.book.for_each(Some(o.exercise_id), |record| {
            if keep(&record.student) {
                sink(record)?;
            }
            Ok(())
        })
    })?;
    for line in written {
        writeln!(out, "{line}")?;
    }
    Ok(())
}

/// The LMS gradebook by roster, the graded students the roster does not know, and who of the class
/// and of the roster the gradebook is missing.
fn write_roster_and_coverage(o: &Outputs<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let lang = o.lang;
    let mut coverage: Vec<Coverage> = Vec::new();
    if let Some(class) = &o.class_students {
        coverage.extend(coverage::of_students(o.book, Some(o.exercise_id), class)?);
    }
    if let Some(roster) = o.roster {
        // The graded students the roster does not know (they get no row in an LMS export): the
        // class folder's entries, or, from a gradebook alone, its students.
        let mut unknown = roster
            .reconcile(o.sources.iter().map(|(s, _, rel)| (s.as_str(), rel.as_str())))
            .unknown;
        for target in o.exports {
            if let ExportTarget::LmsCsv(path) = target {
                let summary = lms_csv::write(o.book, roster, None, path)?;
                let written = crate::msg!(
                    "report-lms-csv-written",
                    path = path.display().to_string(),
                    rows = summary.rows,
                    exercises = summary.exercises.join(", ")
                );
                writeln!(out, "{}", written.word(lang))?;
                if o.sources.is_empty() {
                    unknown = summary.unknown;
                }
            }
        }
        if !unknown.is_empty() {
            let unknown = crate::msg!("report-not-on-roster", students = unknown.join(", "));
            writeln!(out, "{}", unknown.word(lang))?;
        }
        coverage.extend(coverage::of_roster(o.book, Some(o.exercise_id), roster)?);
    }
    for c in coverage.iter().filter(|c| !c.is_complete()) {
        writeln!(out, "{}", c.sentence(lang))?;
    }
    Ok(())
}

/// The similarity of the submissions (computed once, for the `similarity:` export and for
/// `--report`), then `--report` drawn by the caller's views.
fn write_similarity_and_report(o: &Outputs<'_>, out: &mut dyn Write) -> anyhow::Result<()> {
    let similarity_path = o.exports.iter().find_map(|t| match t {
        ExportTarget::Similarity(p) => Some(p),
        _ => None,
    });
    let similarity = if o.report.is_some() || similarity_path.is_some() {
        Some(self::similarity(o)?)
    } else {
        None
    };
    if let (Some(path), Some(report)) = (similarity_path, &similarity) {
        write_atomic(path, serde_json::to_string_pretty(report)?.as_bytes())?;
        writeln!(
            out,
            "similarity: {} ({} identical, {} similar)",
            path.display(),
            report.identical.len(),
            report.similar.len()
        )?;
    }
    if let Some(views) = o.report {
        writeln!(out)?;
        (views.class)(o.book, o.exercise_id, o.students, o.lang, out)?;
        if let Some(report) = &similarity {
            writeln!(out)?;
            (views.similarity)(report, o.sources.is_empty(), o.lang, out)?;
        }
    }
    Ok(())
}

/// Compares the class's submissions (their files), or, from a gradebook alone, groups identical
/// files by their hash.
fn similarity(o: &Outputs<'_>) -> anyhow::Result<SimilarityReport> {
    let opts = SimilarityOptions {
        threshold: o.threshold.unwrap_or(SimilarityOptions::default().threshold),
        ..SimilarityOptions::default()
    };
    let mut sources = Vec::new();
    for (student, path, _) in &o.sources {
        sources.push(Source {
            student: student.clone(),
            text: read_source(path)?,
        });
    }
    let starter = o
        .exercise
        .and_then(|(e, _)| e.files.get("starter.py"))
        .map(|b| String::from_utf8_lossy(b).into_owned());
    let mut report = similarity::compare(o.exercise_id, &sources, starter.as_deref(), opts);
    if o.sources.is_empty() {
        let mut by_hash: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        o.book.for_each(Some(o.exercise_id), |r| {
            if o.students.is_none_or(|s| s.contains(&r.student)) {
                by_hash.entry(r.submission_hash).or_default().push(r.student);
            }
            Ok(())
        })?;
        report.submissions = by_hash.values().map(Vec::len).sum();
        report.identical = similarity::groups(by_hash);
    }
    Ok(report)
}

/// A submission's text, read without following a link (the file is the student's).
fn read_source(path: &std::path::Path) -> anyhow::Result<String> {
    use std::os::unix::fs::OpenOptionsExt;
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW)
        .open(path)
        .or_fail(|| msg!("grade-submission-unreadable", path = path.display().to_string()))?;
    let mut bytes = Vec::new();
    file.take(MAX_SUBMISSION_BYTES)
        .read_to_end(&mut bytes)
        .or_fail(|| msg!("grade-submission-unreadable", path = path.display().to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
