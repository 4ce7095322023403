//! Exports of a class's grades, every one from the same [`GradeRecord`]s read from the gradebook:
//! Gradescope `results.json` (one per student), JUnit XML, CSV.
//!
//! Each file is written to a temporary file beside its destination and renamed into place, so a
//! reader (or a killed batch) never sees half a file.
mod csv;
mod gradescope;
mod junit;

use std::path::{Path, PathBuf};

use anyhow::Context;
use tempfile::NamedTempFile;

use super::record::GradeRecord;

/// One `--export FORMAT:PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportTarget {
    /// `csv:FILE`: one row per student.
    Csv(PathBuf),
    /// `junit:FILE`: one testsuite per student, one testcase per check.
    Junit(PathBuf),
    /// `gradescope:DIR`: `DIR/<student>/results.json`.
    Gradescope(PathBuf),
}

impl ExportTarget {
    /// Parses `FORMAT:PATH`.
    pub fn parse(text: &str) -> anyhow::Result<ExportTarget> {
        let Some((format, path)) = text.split_once(':') else {
            anyhow::bail!("--export `{text}`: expected FORMAT:PATH with FORMAT csv, junit or gradescope");
        };
        if path.is_empty() {
            anyhow::bail!("--export `{text}`: the path after `{format}:` is empty");
        }
        let path = PathBuf::from(path);
        Ok(match format.to_ascii_lowercase().as_str() {
            "csv" => ExportTarget::Csv(path),
            "junit" | "xml" => ExportTarget::Junit(path),
            "gradescope" => ExportTarget::Gradescope(path),
            other => {
                anyhow::bail!("--export `{text}`: unknown format `{other}` (known: csv, junit, gradescope)")
            }
        })
    }

    fn open(&self, title: &str) -> anyhow::Result<Box<dyn Exporter>> {
        Ok(match self {
            ExportTarget::Csv(path) => Box::new(csv::CsvExport::create(path)?),
            ExportTarget::Junit(path) => Box::new(junit::JunitExport::create(path, title)?),
            ExportTarget::Gradescope(dir) => Box::new(gradescope::GradescopeExport::create(dir)?),
        })
    }
}

/// A format being written: records come one at a time (never the whole class in memory).
trait Exporter {
    fn add(&mut self, record: &GradeRecord) -> anyhow::Result<()>;
    /// Puts the file(s) in place; returns what was written, for the summary.
    fn finish(self: Box<Self>) -> anyhow::Result<String>;
}

/// Writes every target from the records `each` yields (it calls the closure once per record).
pub fn write_exports(
    targets: &[ExportTarget],
    title: &str,
    each: impl FnOnce(&mut dyn FnMut(GradeRecord) -> anyhow::Result<()>) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<String>> {
    if targets.is_empty() {
        return Ok(Vec::new());
    }
    let mut exporters = targets
        .iter()
        .map(|t| t.open(title))
        .collect::<anyhow::Result<Vec<_>>>()?;
    each(&mut |record: GradeRecord| {
        for exporter in exporters.iter_mut() {
            exporter.add(&record)?;
        }
        Ok(())
    })?;
    exporters.into_iter().map(|e| e.finish()).collect()
}

/// A temporary file in `dest`'s folder (so the final rename stays on one file system).
fn temp_beside(dest: &Path) -> anyhow::Result<NamedTempFile> {
    let dir = match dest.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("{}: cannot create the folder", dir.display()))?;
    tempfile::Builder::new()
        .prefix(".atelier-export-")
        .tempfile_in(&dir)
        .with_context(|| format!("{}: cannot create a temporary file", dir.display()))
}

/// Flushes and renames a temporary file into place.
fn persist(tmp: NamedTempFile, dest: &Path) -> anyhow::Result<()> {
    tmp.as_file().sync_all().ok();
    tmp.persist(dest)
        .map_err(|e| e.error)
        .with_context(|| format!("{}: cannot write", dest.display()))?;
    Ok(())
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
        assert!(ExportTarget::parse("csv").is_err());
        assert!(ExportTarget::parse("csv:").is_err());
    }
}
