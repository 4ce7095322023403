//! Whether a gradebook holds every student it should: after a merge of shards (a failed shard
//! leaves a hole) or before an export, "10 of 12 graded: missing …" against the class folder's
//! students or the roster's.
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::class;
use super::gradebook::Gradebook;
use super::roster::Roster;
use crate::i18n::Lang;

/// Names listed in a sentence before "and N more".
const SHOWN: usize = 20;

/// One exercise's coverage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    pub exercise: String,
    /// Expected students that have a grade.
    pub graded: usize,
    pub expected: usize,
    /// Expected students without a grade (names, or roster labels).
    pub missing: Vec<String>,
}

impl Coverage {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// `43.3: 10 of 12 graded: missing ada, bob`.
    pub fn sentence(&self, lang: Lang) -> String {
        let mut text = match lang {
            Lang::Fr => format!("{} : {} sur {} notés", self.exercise, self.graded, self.expected),
            Lang::En | Lang::Other(_) => {
                format!("{}: {} of {} graded", self.exercise, self.graded, self.expected)
            }
        };
        if !self.missing.is_empty() {
            let shown: Vec<&str> = self.missing.iter().take(SHOWN).map(String::as_str).collect();
            text.push_str(lang.pick(" : manquent ", ": missing "));
            text.push_str(&shown.join(", "));
            if self.missing.len() > SHOWN {
                let more = self.missing.len() - SHOWN;
                match lang {
                    Lang::Fr => text.push_str(&format!(" et {more} autres")),
                    Lang::En | Lang::Other(_) => text.push_str(&format!(" and {more} more")),
                }
            }
        }
        text
    }
}

/// The exercises to look at: `exercise`, or every exercise of the gradebook; with, for each, the
/// (student, submission) pairs it holds.
fn graded(
    book: &Gradebook,
    exercise: Option<&str>,
) -> anyhow::Result<BTreeMap<String, Vec<(String, String)>>> {
    let mut by_exercise: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    if let Some(e) = exercise {
        by_exercise.insert(e.to_string(), Vec::new());
    }
    book.for_each(exercise, |r| {
        by_exercise
            .entry(r.exercise)
            .or_default()
            .push((r.student, r.submission));
        Ok(())
    })?;
    Ok(by_exercise)
}

/// Coverage against a class's students (the class folder's entries).
pub fn of_students(
    book: &Gradebook,
    exercise: Option<&str>,
    students: &BTreeSet<String>,
) -> anyhow::Result<Vec<Coverage>> {
    Ok(graded(book, exercise)?
        .into_iter()
        .map(|(exercise, rows)| {
            let have: BTreeSet<&str> = rows.iter().map(|(s, _)| s.as_str()).collect();
            let missing: Vec<String> = students
                .iter()
                .filter(|s| !have.contains(s.as_str()))
                .cloned()
                .collect();
            Coverage {
                exercise,
                graded: students.len() - missing.len(),
                expected: students.len(),
                missing,
            }
        })
        .collect())
}

/// The students of a class folder (graded or not: every entry that names one), leaving out the
/// files of `own` (a gradebook kept inside the folder).
pub fn class_students(dir: &Path, own: &[PathBuf], lang: Lang) -> anyhow::Result<BTreeSet<String>> {
    let key = |p: &Path| p.canonicalize().ok();
    let own: Vec<PathBuf> = own.iter().filter_map(|p| key(p)).collect();
    let ignore = |entry: &Path| {
        let name = entry
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // SQLite's companions of a gradebook, and the gradebook itself.
        name.ends_with("-wal")
            || name.ends_with("-shm")
            || name.ends_with("-journal")
            || key(entry).is_some_and(|k| own.contains(&k))
    };
    // The spec's file name only decides which file of a folder is graded, not who the students are.
    let class = class::discover(dir, "", lang, &ignore)?;
    Ok(class
        .submissions
        .into_iter()
        .map(|s| s.student)
        .chain(class.not_graded.into_iter().map(|p| p.student))
        .collect())
}

/// Coverage against a roster (students mapped as [`Roster::lookup`] does).
pub fn of_roster(book: &Gradebook, exercise: Option<&str>, roster: &Roster) -> anyhow::Result<Vec<Coverage>> {
    Ok(graded(book, exercise)?
        .into_iter()
        .map(|(exercise, rows)| {
            let rec = roster.reconcile(rows.iter().map(|(s, sub)| (s.as_str(), sub.as_str())));
            Coverage {
                exercise,
                graded: roster.entries.len() - rec.missing.len(),
                expected: roster.entries.len(),
                missing: rec.missing.iter().map(|&i| roster.label(i)).collect(),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::gradebook::tests::sample;

    #[test]
    fn says_who_is_missing() {
        let dir = tempfile::tempdir().unwrap();
        let mut book = Gradebook::open(&dir.path().join("g.sqlite")).unwrap();
        book.record(&sample("ada", 2, 1)).unwrap();
        book.record(&sample("bob", 2, 1)).unwrap();
        let class: BTreeSet<String> = ["ada", "bob", "cid"].iter().map(|s| s.to_string()).collect();
        let cov = of_students(&book, None, &class).unwrap();
        assert_eq!(cov.len(), 1);
        assert_eq!(cov[0].sentence(Lang::En), "43.3: 2 of 3 graded: missing cid");
        assert_eq!(cov[0].sentence(Lang::Fr), "43.3 : 2 sur 3 notés : manquent cid");
        let cov = of_students(&book, Some("43.1"), &class).unwrap();
        assert_eq!(
            cov[0].sentence(Lang::En),
            "43.1: 0 of 3 graded: missing ada, bob, cid"
        );

        let roster = Roster::parse(
            std::path::Path::new("r.csv"),
            b"id,folder,name\n1,ada,Ada\n2,dan,Dan\n",
        )
        .unwrap();
        let cov = of_roster(&book, None, &roster).unwrap();
        assert_eq!(cov[0].sentence(Lang::En), "43.3: 1 of 2 graded: missing Dan (2)");
        assert!(!cov[0].is_complete());
    }

    #[test]
    fn long_lists_are_cut() {
        let cov = Coverage {
            exercise: "43.3".into(),
            graded: 0,
            expected: 25,
            missing: (0..25).map(|i| format!("s{i}")).collect(),
        };
        assert!(cov.sentence(Lang::En).ends_with("s19 and 5 more"));
    }
}
