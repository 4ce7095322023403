//! `atelier gradebook merge A B … --into C`: the union of shard gradebooks.
//!
//! Shards partition a class, so their rows rarely meet; when two gradebooks hold different grades
//! for the same student and exercise (a student graded on two machines, a shard rerun later), the
//! most recent grade is kept and the conflict is said. All in one transaction: a merge that fails
//! halfway leaves C as it was.
use std::io::Write;
use std::path::{Path, PathBuf};

use super::gradebook::Gradebook;
use super::record::GradeRecord;

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

/// Merges `inputs` into `into` (created when missing), writing a line per conflict to `out`.
pub fn merge(inputs: &[PathBuf], into: &Path, out: &mut dyn Write) -> anyhow::Result<MergeSummary> {
    let target = Gradebook::open(into)?;
    let target_id = identity(into);
    let mut target = target;
    let mut summary = MergeSummary::default();
    target.in_transaction(|writer| {
        for input in inputs {
            // Merging C into itself would be a no-op that locks against itself.
            if identity(input).is_some() && identity(input) == target_id {
                writeln!(out, "{}: the target itself, skipped", input.display())?;
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
                    Some(existing) if existing == incoming => summary.same += 1,
                    Some(existing) => {
                        summary.conflicts += 1;
                        let newer = incoming.graded_at_ms > existing.graded_at_ms;
                        writeln!(
                            out,
                            "conflict: {} / {}: {} ({}) in the merge so far, {} ({}) in {source}; kept the most recent, {}",
                            incoming.student,
                            incoming.exercise,
                            describe(&existing),
                            existing.graded_at(),
                            describe(&incoming),
                            incoming.graded_at(),
                            if newer { "the latter" } else { "the former" },
                        )?;
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

fn describe(r: &GradeRecord) -> String {
    format!("{} {}/{}", r.verdict.as_str(), r.score, r.max_score)
}

/// The file's device and inode, to recognise the same file under two names.
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}
