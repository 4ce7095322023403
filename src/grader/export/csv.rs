//! CSV: one row per student (RFC 4180 quoting; hand-written, it is a dozen lines).
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{Exporter, persist, temp_beside};
use crate::grader::record::GradeRecord;

const HEADER: [&str; 10] = [
    "student",
    "exercise",
    "score",
    "max_score",
    "verdict",
    "run_status",
    "failed_checks",
    "submission",
    "submission_sha256",
    "graded_at",
];

pub struct CsvExport {
    dest: PathBuf,
    out: BufWriter<NamedTempFile>,
    rows: u64,
}

impl CsvExport {
    pub fn create(dest: &Path) -> anyhow::Result<CsvExport> {
        let mut out = BufWriter::new(temp_beside(dest)?);
        write_row(&mut out, HEADER.iter().copied())?;
        Ok(CsvExport {
            dest: dest.to_path_buf(),
            out,
            rows: 0,
        })
    }
}

impl Exporter for CsvExport {
    fn add(&mut self, r: &GradeRecord) -> anyhow::Result<()> {
        let failed: Vec<&str> = r.failed_checks().collect();
        let score = r.score.to_string();
        let max = r.max_score.to_string();
        let failed = failed.join("; ");
        let at = r.graded_at();
        write_row(
            &mut self.out,
            [
                r.student.as_str(),
                &r.exercise,
                &score,
                &max,
                r.verdict.as_str(),
                &r.run.status,
                &failed,
                &r.submission,
                &r.submission_hash,
                &at,
            ],
        )?;
        self.rows += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> anyhow::Result<crate::i18n::Message> {
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        persist(tmp, &self.dest)?;
        let path = self.dest.display().to_string();
        Ok(crate::msg!(
            "report-export-rows",
            format = "csv",
            path = path,
            rows = self.rows
        ))
    }
}

fn write_row<'a>(out: &mut impl Write, fields: impl IntoIterator<Item = &'a str>) -> std::io::Result<()> {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(quote(field).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break.
fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a,b"), "\"a,b\"");
        assert_eq!(quote("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
    }
}
