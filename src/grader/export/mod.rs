//! Exports of a class's grades, every one from the same [`GradeRecord`]s read from the gradebook:
//! Gradescope `results.json` (one per student), JUnit XML, CSV, feedback files (one per student),
//! an LMS gradebook CSV (one row per roster student) and the similarity report.
//!
//! Each file is written to a temporary file beside its destination and renamed into place, so a
//! reader (or a killed batch) never sees half a file; it gets the user's umask like the gradebook.
mod csv;
pub mod feedback;
pub mod gradescope;
mod junit;
pub mod lms_csv;

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

pub(crate) use crate::atomic_file::persist;
use tempfile::NamedTempFile;

use super::record::GradeRecord;
use super::visibility::Visibility;
use crate::i18n::{Lang, Message, fail};
use crate::msg;

/// Version of the JSON documents atelier writes (see [`crate::schema`]).
pub const SCHEMA_VERSION: u32 = crate::schema::SCHEMA_VERSION;

/// One `--export FORMAT:PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// `csv:FILE`: one row per student.
    Csv(PathBuf),
    /// `junit:FILE`: one testsuite per student, one testcase per check.
    Junit(PathBuf),
    /// `gradescope:DIR`: `DIR/<student>/results.json`.
    Gradescope(PathBuf),
    /// `feedback:DIR`: `DIR/<student>.md`.
    Feedback(PathBuf),
    /// `lms-csv:FILE`: one row per roster student, one column per exercise (needs `--roster`).
    LmsCsv(PathBuf),
    /// `similarity:FILE`: identical and near-identical submissions, JSON.
    Similarity(PathBuf),
}

const FORMATS: &str = "csv, junit, gradescope, feedback, lms-csv, similarity";

impl ExportTarget {
    /// Parses `FORMAT:PATH`.
    pub fn parse(text: &str) -> anyhow::Result<ExportTarget> {
        let Some((format, path)) = text.split_once(':') else {
            return fail(msg!("export-syntax", text = text, formats = FORMATS));
        };
        if path.is_empty() {
            return fail(msg!("export-path-empty", text = text, format = format));
        }
        let path = PathBuf::from(path);
        Ok(match format.to_ascii_lowercase().as_str() {
            "csv" => ExportTarget::Csv(path),
            "junit" | "xml" => ExportTarget::Junit(path),
            "gradescope" => ExportTarget::Gradescope(path),
            "feedback" => ExportTarget::Feedback(path),
            "lms-csv" | "lms" => ExportTarget::LmsCsv(path),
            "similarity" => ExportTarget::Similarity(path),
            other => {
                return fail(msg!(
                    "export-format-unknown",
                    text = text,
                    format = other,
                    formats = FORMATS
                ));
            }
        })
    }

    /// The file or folder written.
    pub fn path(&self) -> &Path {
        match self {
            ExportTarget::Csv(p)
            | ExportTarget::Junit(p)
            | ExportTarget::Gradescope(p)
            | ExportTarget::Feedback(p)
            | ExportTarget::LmsCsv(p)
            | ExportTarget::Similarity(p) => p,
        }
    }

    /// Whether the export is written one record at a time by [`write_exports`]; the LMS CSV (every
    /// exercise, by roster) and the similarity report (the submissions' sources) are written by
    /// their own functions.
    fn per_record(&self) -> bool {
        !matches!(self, ExportTarget::LmsCsv(_) | ExportTarget::Similarity(_))
    }

    fn open(&self, ctx: &ExportContext) -> anyhow::Result<Box<dyn Exporter>> {
        Ok(match self {
            ExportTarget::Csv(path) => Box::new(csv::CsvExport::create(path)?),
            ExportTarget::Junit(path) => Box::new(junit::JunitExport::create(path, &ctx.title, ctx.lang)?),
            ExportTarget::Gradescope(dir) => Box::new(gradescope::GradescopeExport::create(dir, ctx)?),
            ExportTarget::Feedback(dir) => Box::new(feedback::FeedbackExport::create(dir, ctx)?),
            ExportTarget::LmsCsv(_) | ExportTarget::Similarity(_) => {
                unreachable!("written by their own functions (per_record is false)")
            }
        })
    }
}

/// What the exports know of the exercise beside its records.
#[derive(Debug, Clone, Default)]
pub struct ExportContext {
    /// `atelier 43.3` (JUnit's suite name).
    pub title: String,
    /// The language of the feedback files (the lesson's) and of the summary.
    pub lang: Lang,
    /// The exercise's title in `lang`.
    pub exercise_title: String,
    /// Each check's visibility, by name (a check not listed is visible).
    pub visibility: BTreeMap<String, Visibility>,
    /// The exercise's spec, when the course knows it (the Gradescope leaderboard's figures).
    pub spec: Option<super::spec::ExerciseSpec>,
}

impl ExportContext {
    /// A context with only a title (an exercise the course does not know: every check visible).
    pub fn titled(title: &str) -> ExportContext {
        ExportContext {
            title: title.to_string(),
            ..ExportContext::default()
        }
    }
}

/// A folder with one file per student (feedback, Gradescope), and what those files need.
struct StudentFolder {
    dir: PathBuf,
    view: feedback::FeedbackView,
    spec: Option<super::spec::ExerciseSpec>,
    files: u64,
}

impl StudentFolder {
    fn create(dir: &Path, ctx: &ExportContext) -> anyhow::Result<StudentFolder> {
        crate::atomic_file::create_folder(dir)?;
        Ok(StudentFolder {
            dir: dir.to_path_buf(),
            view: feedback::FeedbackView {
                lang: ctx.lang,
                exercise_title: ctx.exercise_title.clone(),
                visibility: ctx.visibility.clone(),
            },
            spec: ctx.spec.clone(),
            files: 0,
        })
    }

    /// Writes `bytes` at `dir/<name>` for `student` (a name that must be one plain component).
    fn write(&mut self, format: &str, student: &str, name: &str, bytes: &[u8]) -> anyhow::Result<()> {
        plain_component(format, student, &self.dir)?;
        crate::atomic_file::write_atomic(&self.dir.join(name), bytes)?;
        self.files += 1;
        Ok(())
    }

    /// `format: DIR/<pattern> (N files)`, for the summary.
    fn summary(&self, format: &str, pattern: &str) -> Message {
        let path = format!(
            "{}/{pattern}",
            self.dir.display().to_string().trim_end_matches('/')
        );
        msg!(
            "report-export-files",
            format = format,
            path = path,
            count = self.files
        )
    }
}

/// A format being written: records come one at a time (never the whole class in memory).
trait Exporter {
    fn add(&mut self, record: &GradeRecord) -> anyhow::Result<()>;
    /// Puts the file(s) in place; returns what was written, for the summary.
    fn finish(self: Box<Self>) -> anyhow::Result<Message>;
}

/// Writes every per-record target from the records `each` yields (it calls the closure once per
/// record).
pub fn write_exports(
    targets: &[ExportTarget],
    title: &str,
    each: impl FnOnce(&mut dyn FnMut(GradeRecord) -> anyhow::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<String>> {
    write_exports_in(targets, &ExportContext::titled(title), each)
}

/// [`write_exports`] with what the exercise's spec says (titles, visibility, language).
pub fn write_exports_in(
    targets: &[ExportTarget],
    ctx: &ExportContext,
    each: impl FnOnce(&mut dyn FnMut(GradeRecord) -> anyhow::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<String>> {
    let targets: Vec<&ExportTarget> = targets.iter().filter(|t| t.per_record()).collect();
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut exporters = targets
        .iter()
        .map(|t| t.open(ctx))
        .collect::<anyhow::Result<Vec<_>>>()?;
    each(&mut |record: GradeRecord| {
        for exporter in exporters.iter_mut() {
            exporter.add(&record)?;
        }
        Ok(())
    })?;
    exporters
        .into_iter()
        .map(|e| Ok(e.finish()?.word(ctx.lang)))
        .collect()
}

/// Refuses a student name that is not one plain path component (it names a file or folder under
/// `dir`; a merged gradebook from elsewhere could hold anything).
fn plain_component(format: &str, student: &str, dir: &Path) -> anyhow::Result<()> {
    let mut parts = Path::new(student).components();
    if !matches!((parts.next(), parts.next()), (Some(Component::Normal(_)), None)) {
        anyhow::bail!(
            "{format}: student `{student}` cannot be a file name under {}",
            dir.display()
        );
    }
    Ok(())
}

/// A temporary file in `dest`'s folder, for [`persist`] to rename over it once whole.
fn temp_beside(dest: &Path) -> anyhow::Result<NamedTempFile> {
    crate::atomic_file::temp_beside(dest, ".atelier-export-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_targets() {
        assert_eq!(
            ExportTarget::parse("csv:out/a.csv").unwrap(),
            ExportTarget::Csv("out/a.csv".into())
        );
        assert_eq!(
            ExportTarget::parse("gradescope:gs/").unwrap(),
            ExportTarget::Gradescope("gs/".into())
        );
        assert!(
            ExportTarget::parse("pdf:x")
                .unwrap_err()
                .to_string()
                .contains("unknown format")
        );
        assert_eq!(
            ExportTarget::parse("lms-csv:g.csv").unwrap(),
            ExportTarget::LmsCsv("g.csv".into())
        );
        assert_eq!(
            ExportTarget::parse("feedback:fb/").unwrap(),
            ExportTarget::Feedback("fb/".into())
        );
        assert!(ExportTarget::parse("csv").is_err());
        assert!(ExportTarget::parse("csv:").is_err());
    }
}
