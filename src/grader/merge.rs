//! `atelier gradebook merge A B … --into C`: the union of shard gradebooks.
//!
//! Shards partition a class, so their rows rarely meet; when two gradebooks hold different grades
//! for the same student and exercise (a student graded on two machines, a shard rerun later), the
//! most recent grade is kept and the conflict is said. Two rows that give the same grade to the same
//! submission under the same spec (a shard graded twice: only when and how fast differ) are not a
//! conflict: the most recent is kept silently.
//!
//! The merge is written to a temporary gradebook beside C (a copy of C when it exists) and renamed
//! over C only when it succeeded: a failed merge leaves C as it was, or no file at all.
use std::path::{Path, PathBuf};

use super::gradebook::Gradebook;
use super::record::GradeRecord;
use crate::i18n::{Message, OrFail};
use crate::msg;

/// Receives what a merge has to say (an input skipped, a conflict) as it happens.
pub type Notes<'a> = &'a mut dyn FnMut(Message) -> anyhow::Result<()>;

/// What a merge did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct MergeSummary {
    /// Rows read from the inputs.
    pub read: u64,
    /// Rows added to C.
    pub added: u64,
    /// Rows already in C, identical.
    pub same: u64,
    /// Conflicts, resolved for the most recent grade.
    pub conflicts: u64,
}

/// Merges `inputs` into `into` (created when missing), telling `note` of each conflict.
pub fn merge(inputs: &[PathBuf], into: &Path, note: Notes) -> anyhow::Result<MergeSummary> {
    let tmp = crate::atomic_file::temp_beside(into, ".atelier-merge-")?.into_temp_path();
    let guard = SqliteFiles(tmp.to_path_buf());
    let target_id = identity(into);
    if into.exists() {
        // A consistent copy of C (its write-ahead log included) to merge into.
        Gradebook::open_existing(into)?
            .copy_to(&tmp)
            .or_fail(|| msg!("gradebook-merge-copy", path = into.display().to_string()))?;
    }
    let summary = merge_into(inputs, &tmp, target_id, note)?;
    // Closed (checkpointed) above: the temporary gradebook is one file, renamed over C.
    tmp.persist(into)
        .map_err(|e| e.error)
        .or_fail(|| msg!("file-write", path = into.display().to_string()))?;
    drop(guard);
    Ok(summary)
}

/// Removes a temporary gradebook's companions (`-wal`, `-shm`) when a merge fails.
struct SqliteFiles(PathBuf);

impl Drop for SqliteFiles {
    fn drop(&mut self) {
        for suffix in ["-wal", "-shm", "-journal"] {
            let mut name = self.0.as_os_str().to_owned();
            name.push(suffix);
            let _ = std::fs::remove_file(PathBuf::from(name));
        }
    }
}

fn merge_into(
    inputs: &[PathBuf],
    tmp: &Path,
    target_id: Option<(u64, u64)>,
    note: Notes,
) -> anyhow::Result<MergeSummary> {
    let mut target = Gradebook::open(tmp)?;
    let mut summary = MergeSummary::default();
    target.in_transaction(|writer| {
        for input in inputs {
            // Merging C into itself would be a no-op that locks against itself.
            if identity(input).is_some() && identity(input) == target_id {
                note(msg!("grade-merge-self", path = input.display().to_string()))?;
                continue;
            }
            let book = Gradebook::open_existing(input)?;
            let source = input.display().to_string();
            book.for_each(None, |incoming| {
                summary.read += 1;
                match writer.get(&incoming.student, &incoming.exercise)? {
                    None => {
                        writer.put(&incoming)?;
                        summary.added += 1;
                    }
                    Some(existing) if same_grade(&existing, &incoming) => {
                        summary.same += 1;
                        if incoming.graded_at_ms > existing.graded_at_ms {
                            writer.put(&incoming)?;
                        }
                    }
                    Some(existing) => {
                        summary.conflicts += 1;
                        let newer = incoming.graded_at_ms > existing.graded_at_ms;
                        note(msg!(
                            "grade-merge-conflict",
                            student = &incoming.student,
                            exercise = &incoming.exercise,
                            existing = describe(&existing),
                            existing_at = existing.graded_at(),
                            incoming = describe(&incoming),
                            incoming_at = incoming.graded_at(),
                            source = &source,
                            kept = if newer { "latter" } else { "former" },
                        ))?;
                        if newer {
                            writer.put(&incoming)?;
                        }
                    }
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    Ok(summary)
}

/// The same grade of the same submission under the same spec: what differs is only when and how
/// fast it was graded (the run's timings), which is no conflict.
fn same_grade(a: &GradeRecord, b: &GradeRecord) -> bool {
    let checks = |r: &GradeRecord| -> Vec<(String, super::record::CheckStatus, u32, u32)> {
        r.checks
            .iter()
            .map(|c| (c.name.clone(), c.status, c.points, c.max_points))
            .collect()
    };
    a.student == b.student
        && a.exercise == b.exercise
        && a.spec_hash == b.spec_hash
        && a.submission == b.submission
        && a.submission_hash == b.submission_hash
        && a.verdict == b.verdict
        && a.score == b.score
        && a.max_score == b.max_score
        && a.run.status == b.run.status
        && checks(a) == checks(b)
}

fn describe(r: &GradeRecord) -> String {
    format!("{} {}/{}", r.verdict.as_str(), r.score, r.max_score)
}

/// The file's device and inode, to recognise the same file under two names.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::gradebook::tests::sample;

    fn book(path: &Path, records: &[GradeRecord]) {
        let mut b = Gradebook::open(path).unwrap();
        for r in records {
            b.record(r).unwrap();
        }
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failed_merge_leaves_no_file_and_an_existing_one_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let (a, bad, into) = (
            dir.path().join("a.sqlite"),
            dir.path().join("bad.sqlite"),
            dir.path().join("m.sqlite"),
        );
        book(&a, &[sample("ada", 2, 1)]);
        std::fs::write(&bad, "not a gradebook, just text").unwrap();
        let err = merge(&[a.clone(), bad.clone()], &into, &mut |_| Ok(())).unwrap_err();
        assert!(format!("{err:#}").contains("bad.sqlite"), "{err:#}");
        assert!(!into.exists(), "a failed merge left {}", into.display());
        assert_eq!(leftovers(dir.path()), ["a.sqlite", "bad.sqlite"]);

        merge(std::slice::from_ref(&a), &into, &mut |_| Ok(())).unwrap();
        let c = dir.path().join("c.sqlite");
        book(&c, &[sample("bob", 2, 1)]);
        // `c` merges fine, then `bad` fails: C keeps only what it had.
        assert!(merge(&[c, bad], &into, &mut |_| Ok(())).is_err());
        let kept = Gradebook::open_existing(&into).unwrap();
        assert_eq!(kept.count(None).unwrap(), 1);
        assert!(kept.get("ada", "43.3").unwrap().is_some());
        drop(kept);
        std::fs::remove_file(dir.path().join("c.sqlite")).unwrap();
        assert_eq!(leftovers(dir.path()), ["a.sqlite", "bad.sqlite", "m.sqlite"]);
    }

    #[test]
    fn rows_that_differ_only_in_when_they_were_graded_are_no_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b, into) = (
            dir.path().join("a.sqlite"),
            dir.path().join("b.sqlite"),
            dir.path().join("m.sqlite"),
        );
        let first = sample("ada", 2, 1_000);
        let mut again = first.clone();
        again.graded_at_ms = 9_000;
        again.grading_s = 4.0;
        again.run.wall_s = 0.9;
        let mut changed = sample("bob", 2, 1_000);
        book(&a, &[first, changed.clone()]);
        changed.score = 0;
        changed.graded_at_ms = 9_000;
        book(&b, &[again, changed]);
        let mut notes = Vec::new();
        let summary = merge(&[a, b], &into, &mut |m| {
            notes.push(m.word(crate::i18n::Lang::En));
            Ok(())
        })
        .unwrap();
        assert_eq!(summary.same, 1);
        assert_eq!(summary.conflicts, 1, "{notes:?}");
        assert!(
            notes[0].starts_with("conflict: bob / 43.3: pass 2/2 ("),
            "{notes:?}"
        );
        assert!(
            notes[0].ends_with("; kept the most recent, the latter"),
            "{notes:?}"
        );
        let merged = Gradebook::open_existing(&into).unwrap();
        // The most recent of the two identical grades is kept.
        assert_eq!(merged.get("ada", "43.3").unwrap().unwrap().graded_at_ms, 9_000);
    }
}
