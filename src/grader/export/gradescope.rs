//! Gradescope's autograder format (`schemas/gradescope-results.schema.json`, after Gradescope's
//! published "Autograder Specifications"): `score`, `execution_time`, `output` (the feedback file's
//! Markdown, `output_format: "md"`), `stdout_visibility`, `extra_data` (the run's figures and
//! atelier's `schema_version`), `tests[]` (`name`, `number`, `score`, `max_score`, `status`,
//! `output`, `visibility`) and a `leaderboard` when the exercise names a figure.
//!
//! Written per student by `--export gradescope:DIR` (`DIR/<student>/results.json`), and by the
//! autograder inside Gradescope's container (`/autograder/results/results.json`). A check not judged
//! is a test too, so that the tests add up to the score: passed when its points were given (it does
//! not apply here), failed otherwise (it could not be observed: the verdict is `error`).
use std::path::Path;

use serde::Serialize;
use serde_json::json;

use super::feedback::{FeedbackView, markdown};
use super::{ExportContext, Exporter, SCHEMA_VERSION, StudentFolder};
use crate::grader::record::{CheckStatus, GradeRecord};
use crate::grader::spec::{CheckKind, ExerciseSpec, Occurrence};

pub struct GradescopeExport(StudentFolder);

impl GradescopeExport {
    pub fn create(dir: &Path, ctx: &ExportContext) -> anyhow::Result<GradescopeExport> {
        Ok(GradescopeExport(StudentFolder::create(dir, ctx)?))
    }
}

impl Exporter for GradescopeExport {
    fn add(&mut self, r: &GradeRecord) -> anyhow::Result<()> {
        // The name becomes a folder.
        let board = self
            .0
            .spec
            .as_ref()
            .map(|spec| leaderboard(spec, &r.run.stdout))
            .unwrap_or_default();
        let doc = serde_json::to_string_pretty(&results_json(r, &self.0.view, &board))?;
        self.0.write(
            "gradescope",
            &r.student,
            &format!("{}/results.json", r.student),
            doc.as_bytes(),
        )
    }

    fn finish(self: Box<Self>) -> anyhow::Result<crate::i18n::Message> {
        Ok(self.0.summary("gradescope", "<student>/results.json"))
    }
}

/// One figure on Gradescope's leaderboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LeaderboardEntry {
    pub name: String,
    pub value: f64,
    /// `desc` (higher is better, Gradescope's default) or `asc`.
    pub order: &'static str,
}

/// The results.json document of one record.
pub fn results_json(
    r: &GradeRecord,
    view: &FeedbackView,
    leaderboard: &[LeaderboardEntry],
) -> serde_json::Value {
    let tests: Vec<serde_json::Value> = r
        .checks
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let passed = match c.status {
                CheckStatus::Pass => true,
                CheckStatus::Fail => false,
                CheckStatus::Skip => c.points == c.max_points,
            };
            let output = if passed || c.hint.trim().is_empty() {
                c.message.clone()
            } else {
                format!("{}\n{}", c.message, c.hint.trim())
            };
            let name = if c.title.is_empty() {
                c.qualified_name()
            } else {
                format!("{} ({})", c.title, c.qualified_name())
            };
            let visibility = view.visibility_of(c);
            json!({
                "name": name,
                "number": (i + 1).to_string(),
                "score": c.points,
                "max_score": c.max_points,
                "status": if passed { "passed" } else { "failed" },
                "output": output,
                "visibility": visibility.gradescope(),
            })
        })
        .collect();
    let run = &r.run;
    let mut doc = json!({
        "score": r.score,
        "execution_time": (r.grading_s * 1000.0).round() / 1000.0,
        "output": markdown(r, view),
        "output_format": "md",
        // What atelier itself prints is for the instructor (the student has `output`).
        "stdout_visibility": "hidden",
        "extra_data": {
            "schema_version": SCHEMA_VERSION,
            "exercise": r.exercise,
            "verdict": r.verdict.as_str(),
            "max_score": r.max_score,
            "submission_sha256": r.submission_hash,
            "run": {
                "status": run.status,
                "exit_code": run.exit_code,
                "signal": run.signal,
                "wall_s": run.wall_s,
                "cpu_s": run.cpu_s,
                "processes": run.processes,
                "max_rss_kb": run.max_rss_kb,
                "leftovers_killed": run.leftovers_killed,
            },
        },
        "tests": tests,
    });
    if !leaderboard.is_empty() {
        doc["leaderboard"] = json!(leaderboard);
    }
    doc
}

/// The leaderboard figures of a run. The spec has no leaderboard key (yet): a figure is shown when
/// the spec's regex checks capture it — `t_seq` and `t_par` (43.1's sequential and parallel times)
/// give the speed-up. Captures are read from the output the same way the checks read them (the
/// first pattern that matches, its first or last match).
pub fn leaderboard(spec: &ExerciseSpec, stdout: &str) -> Vec<LeaderboardEntry> {
    let mut vars = std::collections::HashMap::new();
    for check in &spec.checks {
        let CheckKind::Regex {
            patterns, occurrence, ..
        } = &check.kind
        else {
            continue;
        };
        for pattern in patterns {
            let Ok(re) = regex::Regex::new(pattern) else {
                continue;
            };
            let found = match occurrence {
                Occurrence::First => re.captures(stdout),
                Occurrence::Last => re.captures_iter(stdout).last(),
            };
            let Some(caps) = found else { continue };
            for name in re.capture_names().flatten() {
                if let Some(m) = caps.name(name)
                    && let Ok(v) = m.as_str().replace(',', ".").parse::<f64>()
                {
                    vars.entry(name.to_string()).or_insert(v);
                }
            }
            break;
        }
    }
    let mut board = Vec::new();
    if let (Some(seq), Some(par)) = (vars.get("t_seq"), vars.get("t_par"))
        && *par > 0.0
    {
        board.push(LeaderboardEntry {
            name: "speed-up".into(),
            value: (seq / par * 100.0).round() / 100.0,
            order: "desc",
        });
    }
    board
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::gradebook::tests::sample;
    use crate::grader::visibility::Visibility;

    #[test]
    fn tests_are_numbered_and_carry_visibility() {
        let mut r = sample("ada", 2, 1_795_000_000_000);
        let mut second = r.checks[0].clone();
        second.name = "cachee".into();
        r.checks.push(second);
        let view = FeedbackView {
            visibility: [("cachee".to_string(), Visibility::AfterDue)].into(),
            ..FeedbackView::default()
        };
        let doc = results_json(&r, &view, &[]);
        assert_eq!(doc["score"], 2);
        assert_eq!(doc["output_format"], "md");
        assert_eq!(doc["tests"][0]["number"], "1");
        assert_eq!(doc["tests"][0]["status"], "passed");
        assert_eq!(doc["tests"][0]["visibility"], "visible");
        assert_eq!(doc["tests"][1]["visibility"], "after_due_date");
        assert_eq!(doc["extra_data"]["schema_version"], SCHEMA_VERSION);
        assert!(doc.get("leaderboard").is_none());
    }

    #[test]
    fn speed_up_from_the_spec_captures() {
        let files = crate::course::CourseFiles::load(None).unwrap();
        let (exercises, _) = crate::course::exercise::load_all(&files);
        let exercise = exercises.into_iter().find(|e| e.id == "43.1").unwrap();
        let spec = crate::grader::engine::load_spec(&files, &exercise, crate::i18n::Lang::En).unwrap();
        let out = "Séquentiel : 0.80s (Trouvé: 16405)\nParallèle : 0,40 s (Trouvé: 16405)\n";
        let board = leaderboard(&spec, out);
        assert_eq!(board.len(), 1, "{board:?}");
        assert_eq!(board[0].value, 2.0);
        assert!(leaderboard(&spec, "nothing").is_empty());
    }
}
