//! JUnit XML: one `testsuite` per student, one `testcase` per check, points in `properties`.
//!
//! Hand-written: the format is a handful of elements, and the one hard part, escaping, is below.
//! Student output may hold anything, including control characters that XML 1.0 forbids even
//! escaped; those become U+FFFD so the file always parses.
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use super::{Exporter, persist, temp_beside};
use crate::grader::record::{CheckStatus, GradeRecord, GradeVerdict};
use crate::i18n::{Lang, Message};

pub struct JunitExport {
    dest: PathBuf,
    out: BufWriter<NamedTempFile>,
    suites: u64,
    /// The language of the file's own words (an unjudged run's message).
    lang: Lang,
}

impl JunitExport {
    pub fn create(dest: &Path, title: &str, lang: Lang) -> anyhow::Result<JunitExport> {
        let mut out = BufWriter::new(temp_beside(dest)?);
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(out, r#"<testsuites name="{}">"#, escape(title))?;
        Ok(JunitExport {
            dest: dest.to_path_buf(),
            out,
            suites: 0,
            lang,
        })
    }
}

impl Exporter for JunitExport {
    fn add(&mut self, r: &GradeRecord) -> anyhow::Result<()> {
        let out = &mut self.out;
        let failures = r.checks.iter().filter(|c| c.status == CheckStatus::Fail).count();
        let skipped = r.checks.iter().filter(|c| c.status == CheckStatus::Skip).count();
        let errors = usize::from(r.verdict == GradeVerdict::Error);
        writeln!(
            out,
            r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="{errors}" skipped="{skipped}" time="{:.3}" timestamp="{}">"#,
            escape(&r.student),
            r.checks.len(),
            r.run.wall_s,
            r.graded_at().trim_end_matches('Z'),
        )?;
        writeln!(out, "    <properties>")?;
        for (name, value) in [
            ("exercise", r.exercise.clone()),
            ("verdict", r.verdict.as_str().to_string()),
            ("score", r.score.to_string()),
            ("max_score", r.max_score.to_string()),
            ("run_status", r.run.status.clone()),
            ("submission", r.submission.clone()),
            ("submission_sha256", r.submission_hash.clone()),
        ] {
            property(out, "      ", name, &value)?;
        }
        writeln!(out, "    </properties>")?;
        let class = format!("{}.{}", r.exercise, r.student);
        for c in &r.checks {
            writeln!(
                out,
                r#"    <testcase name="{}" classname="{}" time="0">"#,
                escape(&c.qualified_name()),
                escape(&class)
            )?;
            writeln!(out, "      <properties>")?;
            property(out, "        ", "points", &c.points.to_string())?;
            property(out, "        ", "max_points", &c.max_points.to_string())?;
            property(out, "        ", "kind", &c.kind)?;
            writeln!(out, "      </properties>")?;
            match c.status {
                CheckStatus::Pass => {}
                CheckStatus::Skip => writeln!(out, r#"      <skipped message="{}"/>"#, escape(&c.message))?,
                CheckStatus::Fail => writeln!(
                    out,
                    r#"      <failure message="{}" type="{}">{}</failure>"#,
                    escape(&c.message),
                    escape(&c.kind),
                    escape(&format!("{}\n{}", c.message, c.hint))
                )?,
            }
            writeln!(out, "    </testcase>")?;
        }
        if r.verdict == GradeVerdict::Error {
            // The grader could not judge: one error case, so a CI reader does not count it as a pass.
            writeln!(
                out,
                r#"    <testcase name="run" classname="{}" time="0">"#,
                escape(&class)
            )?;
            writeln!(
                out,
                r#"      <error message="{}" type="{}"/>"#,
                escape(
                    &r.run
                        .detail
                        .clone()
                        .unwrap_or_else(|| self.lang.text("report-junit-not-judged"))
                ),
                escape(&r.run.status)
            )?;
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "    <system-out>{}</system-out>", escape(&r.run.stdout))?;
        writeln!(out, "    <system-err>{}</system-err>", escape(&r.run.stderr))?;
        writeln!(out, "  </testsuite>")?;
        self.suites += 1;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> anyhow::Result<Message> {
        writeln!(self.out, "</testsuites>")?;
        let tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        persist(tmp, &self.dest)?;
        let path = self.dest.display().to_string();
        Ok(crate::msg!(
            "report-export-testsuites",
            path = path,
            count = self.suites
        ))
    }
}

fn property(out: &mut impl Write, indent: &str, name: &str, value: &str) -> std::io::Result<()> {
    writeln!(
        out,
        r#"{indent}<property name="{}" value="{}"/>"#,
        escape(name),
        escape(value)
    )
}

/// Text safe in XML content and in double- or single-quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Kept in attributes as line breaks and tabs, not normalised to spaces.
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => out.push('\u{FFFD}'),
        }
    }
    out
}

/// XML 1.0's `Char` production.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            escape(r#"a<b>&"c"'d'"#),
            "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;"
        );
        assert_eq!(escape("bell\u{7}nul\u{0}"), "bell\u{FFFD}nul\u{FFFD}");
        assert_eq!(escape("x\ny"), "x&#10;y");
        assert_eq!(escape("é 🦀"), "é 🦀");
    }
}
