//! Gradescope's autograder format: `DIR/<student>/results.json` per submission, with `score`,
//! `execution_time`, `output` and `tests[]` (`name`, `score`, `max_score`, `status`, `output`,
//! `visibility`). A skipped check (its `when` did not hold) is not a test Gradescope could show as
//! passed or failed, so it is left out of `tests[]` and named in `output`.
use std::path::{Component, Path, PathBuf};

use serde_json::json;

use super::Exporter;
use crate::atomic_file::write_atomic;
use crate::grader::record::{CheckStatus, GradeRecord};
use crate::grader::visibility::Visibility;

pub struct GradescopeExport {
    dir: PathBuf,
    files: u64,
}

impl GradescopeExport {
    pub fn create(dir: &Path) -> anyhow::Result<GradescopeExport> {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("{}: cannot create the folder: {e}", dir.display()))?;
        Ok(GradescopeExport {
            dir: dir.to_path_buf(),
            files: 0,
        })
    }
}

impl Exporter for GradescopeExport {
    fn add(&mut self, r: &GradeRecord) -> anyhow::Result<()> {
        // The name becomes a folder: it must be one plain component (a merged gradebook from
        // elsewhere could hold anything).
        let mut parts = Path::new(&r.student).components();
        if !matches!((parts.next(), parts.next()), (Some(Component::Normal(_)), None)) {
            anyhow::bail!(
                "gradescope: student `{}` cannot be a folder name under {}",
                r.student,
                self.dir.display()
            );
        }
        let doc = results_json(r);
        let dest = self.dir.join(&r.student).join("results.json");
        write_atomic(&dest, serde_json::to_string_pretty(&doc)?.as_bytes())?;
        self.files += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> anyhow::Result<String> {
        Ok(format!(
            "gradescope: {}/<student>/results.json ({} files)",
            self.dir.display().to_string().trim_end_matches('/'),
            self.files
        ))
    }
}

/// The results.json document of one record.
pub fn results_json(r: &GradeRecord) -> serde_json::Value {
    let tests: Vec<serde_json::Value> = r
        .checks
        .iter()
        .filter(|c| c.status != CheckStatus::Skip)
        .map(|c| {
            let passed = c.status == CheckStatus::Pass;
            let output = if passed {
                c.message.clone()
            } else {
                format!("{}\n{}", c.message, c.hint)
            };
            json!({
                "name": c.qualified_name(),
                "score": c.points,
                "max_score": c.max_points,
                "status": if passed { "passed" } else { "failed" },
                "output": output,
                // Gradescope hides the test itself from students (until the due date for after_due).
                "visibility": match c.visibility {
                    Visibility::Visible => "visible",
                    Visibility::Hidden => "hidden",
                    Visibility::AfterDue => "after_due_date",
                },
            })
        })
        .collect();
    let mut output = format!(
        "{}: {} — {}/{}\nrun: {} (exit {}, {:.2} s wall, {:.2} s CPU, {} processes)",
        r.exercise,
        r.verdict.as_str(),
        r.score,
        r.max_score,
        r.run.status,
        r.run.exit_code.map_or_else(|| "-".to_string(), |c| c.to_string()),
        r.run.wall_s,
        r.run.cpu_s,
        r.run.processes
    );
    if let Some(detail) = &r.run.detail {
        output.push_str(&format!("\n{detail}"));
    }
    let skipped: Vec<&str> = r
        .checks
        .iter()
        .filter(|c| c.status == CheckStatus::Skip)
        .map(|c| c.name.as_str())
        .collect();
    if !skipped.is_empty() {
        output.push_str(&format!("\nnot judged here: {}", skipped.join(", ")));
    }
    json!({
        "score": r.score,
        "execution_time": r.grading_s,
        "output": output,
        "tests": tests,
    })
}
