//! The LMS gradebook CSV (`--export lms-csv:FILE`, with `--roster`): the wide layout Canvas and
//! Moodle import — one row per roster student (`id`, `name`, `email`, from the roster), one column
//! per exercise of the gradebook holding the score (empty when not graded).
//!
//! Every cell is safe from spreadsheet formula injection: a cell starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return gets a leading `'` (OWASP's advice), so a name such as
//! `=HYPERLINK(…)` is shown, never run.
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use super::{persist, temp_beside};
use crate::grader::gradebook::Gradebook;
use crate::grader::roster::Roster;
use crate::i18n::OrFail;
use crate::msg;

/// What the export wrote and what it found missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LmsSummary {
    /// Roster students (rows).
    pub rows: usize,
    /// Exercises (columns after id, name, email).
    pub exercises: Vec<String>,
    /// Per exercise: roster rows with no grade (index into the roster).
    pub missing: BTreeMap<String, Vec<usize>>,
    /// Graded students the roster does not know (left out of the file).
    pub unknown: Vec<String>,
}

/// A grade as the file shows it.
struct Cell {
    score: u32,
    graded_at_ms: i64,
}

/// Writes the LMS CSV of every exercise in `book` (only `exercises` when given) for `roster`.
pub fn write(
    book: &Gradebook,
    roster: &Roster,
    exercises: Option<&[String]>,
    dest: &Path,
) -> anyhow::Result<LmsSummary> {
    let mut columns: BTreeSet<String> = exercises.map(|e| e.iter().cloned().collect()).unwrap_or_default();
    // (roster row, exercise) → the most recent grade (a student may have been graded under two
    // folder names, say `ada.py` then `ada/`).
    let mut cells: BTreeMap<(usize, String), Cell> = BTreeMap::new();
    let mut unknown = BTreeSet::new();
    book.for_each(None, |r| {
        if exercises.is_some_and(|e| !e.contains(&r.exercise)) {
            return Ok(());
        }
        columns.insert(r.exercise.clone());
        match roster.lookup(&r.student, &r.submission) {
            Some(row) => {
                let cell = Cell {
                    score: r.score,
                    graded_at_ms: r.graded_at_ms,
                };
                let slot = cells.entry((row, r.exercise.clone())).or_insert(Cell {
                    score: 0,
                    graded_at_ms: i64::MIN,
                });
                if cell.graded_at_ms >= slot.graded_at_ms {
                    *slot = cell;
                }
            }
            None => {
                unknown.insert(r.student.clone());
            }
        }
        Ok(())
    })?;
    let columns: Vec<String> = columns.into_iter().collect();

    let tmp = temp_beside(dest)?;
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(tmp);
    let mut header = vec!["id".to_string(), "name".into(), "email".into()];
    header.extend(columns.iter().cloned());
    out.write_record(header.iter().map(|h| safe_cell(h)))?;
    let mut missing: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (row, entry) in roster.entries.iter().enumerate() {
        let mut record = vec![
            safe_cell(&entry.id),
            safe_cell(&entry.name),
            safe_cell(&entry.email),
        ];
        for exercise in &columns {
            match cells.get(&(row, exercise.clone())) {
                Some(cell) => record.push(cell.score.to_string()),
                None => {
                    missing.entry(exercise.clone()).or_default().push(row);
                    record.push(String::new());
                }
            }
        }
        out.write_record(&record)?;
    }
    let tmp = out
        .into_inner()
        .map_err(|e| e.into_error())
        .or_fail(|| msg!("file-write", path = dest.display().to_string()))?;
    persist(tmp, dest)?;
    Ok(LmsSummary {
        rows: roster.entries.len(),
        exercises: columns,
        missing,
        unknown: unknown.into_iter().collect(),
    })
}

/// A cell a spreadsheet shows as text: formula starters get a leading `'`.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::gradebook::tests::sample;

    #[test]
    fn formula_starters_are_defused() {
        assert_eq!(safe_cell("=1+2"), "'=1+2");
        assert_eq!(safe_cell("+33 6"), "'+33 6");
        assert_eq!(safe_cell("-x"), "'-x");
        assert_eq!(safe_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(safe_cell("\tx"), "'\tx");
        assert_eq!(safe_cell("\rx"), "'\rx");
        assert_eq!(safe_cell("Ada"), "Ada");
        assert_eq!(safe_cell(""), "");
    }

    #[test]
    fn one_row_per_roster_student_one_column_per_exercise() {
        let dir = tempfile::tempdir().unwrap();
        let mut book = Gradebook::open(&dir.path().join("g.sqlite")).unwrap();
        book.record(&sample("ada", 2, 1)).unwrap();
        book.record(&sample("eve", 1, 1)).unwrap();
        let mut other = sample("ada", 1, 1);
        other.exercise = "43.1".into();
        book.record(&other).unwrap();
        let roster = Roster::parse(
            Path::new("r.csv"),
            b"id,folder,name,email\n17,ada,Ada,ada@x.org\n18,bob,=HYPERLINK(\"x\"),b@x.org\n",
        )
        .unwrap();
        let dest = dir.path().join("out/g.csv");
        let summary = write(&book, &roster, None, &dest).unwrap();
        let text = std::fs::read_to_string(&dest).unwrap();
        assert_eq!(
            text,
            "id,name,email,43.1,43.3\r\n17,Ada,ada@x.org,1,2\r\n18,\"'=HYPERLINK(\"\"x\"\")\",b@x.org,,\r\n"
        );
        assert_eq!(summary.rows, 2);
        assert_eq!(summary.unknown, ["eve"]);
        assert_eq!(summary.missing.get("43.3"), Some(&vec![1]));
    }
}
