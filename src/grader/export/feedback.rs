//! Feedback files (`--export feedback:DIR`): one Markdown file per student, `DIR/<student>.md`, in
//! the lesson's language — the score, each check (✓/✗, points, what was expected and what came,
//! the hint; a hidden check by its name only), and the run in figures and as a picture.
//!
//! The same text is the `output` of a Gradescope autograder's results.json.
use std::collections::BTreeMap;
use std::path::Path;

use super::{ExportContext, Exporter, StudentFolder};
use crate::grader::record::{CheckRecord, CheckStatus, GradeRecord};
use crate::grader::visibility::Visibility;
use crate::i18n::Lang;
use crate::sandbox::RunStatus;
use crate::view::check_report::{plain_diff, status_words};
use crate::view::timeline::processes::write_timeline;

/// What the Markdown needs beside the record.
#[derive(Debug, Clone, Default)]
pub struct FeedbackView {
    pub lang: Lang,
    /// The exercise's title in `lang`.
    pub exercise_title: String,
    /// By check name; a check not listed is visible.
    pub visibility: BTreeMap<String, Visibility>,
}

pub struct FeedbackExport(StudentFolder);

impl FeedbackExport {
    pub fn create(dir: &Path, ctx: &ExportContext) -> anyhow::Result<FeedbackExport> {
        Ok(FeedbackExport(StudentFolder::create(dir, ctx)?))
    }
}

impl Exporter for FeedbackExport {
    fn add(&mut self, r: &GradeRecord) -> anyhow::Result<()> {
        let text = markdown(r, &self.0.view);
        self.0.write(
            "feedback",
            &r.student,
            &format!("{}.md", r.student),
            text.as_bytes(),
        )
    }

    fn finish(self: Box<Self>) -> anyhow::Result<String> {
        Ok(self.0.summary("feedback", "<student>.md"))
    }
}

impl FeedbackView {
    /// The visibility of a check of a record: the one place that reads it (once records carry
    /// each check's visibility, this reads the record's).
    pub fn visibility_of(&self, check: &CheckRecord) -> Visibility {
        // The record keeps the visibility it was graded with; older records fall back to the spec's.
        if !check.visibility.is_visible() {
            return check.visibility;
        }
        self.visibility.get(&check.name).copied().unwrap_or_default()
    }
}

/// The feedback of one record, as Markdown.
pub fn markdown(r: &GradeRecord, view: &FeedbackView) -> String {
    use std::fmt::Write;
    let lang = view.lang;
    let mut md = String::new();
    // French puts a space before a colon.
    let colon = lang.pick(" :", ":");
    let title = if view.exercise_title.is_empty() {
        String::new()
    } else {
        format!(" — {}", view.exercise_title)
    };
    let _ = writeln!(
        md,
        "# {} {}{title}\n",
        lang.pick("Exercice", "Exercise"),
        r.exercise
    );
    let verdict = match r.verdict.as_str() {
        "pass" => lang.pick("réussi", "passed"),
        "fail" => lang.pick("pas encore réussi", "not passed yet"),
        _ => lang.pick("n'a pas pu être jugé", "could not be judged"),
    };
    let _ = writeln!(
        md,
        "**{}{colon} {}/{}** — {verdict}\n",
        lang.pick("Note", "Score"),
        r.score,
        r.max_score
    );
    let _ = writeln!(
        md,
        "{} `{}`, {} {}\n",
        lang.pick("Copie", "Submission"),
        r.submission,
        lang.pick("notée le", "graded on"),
        r.graded_at()
    );

    let _ = writeln!(md, "## {}\n", lang.pick("Vérifications", "Checks"));
    for c in &r.checks {
        let name = if c.title.is_empty() { &c.name } else { &c.title };
        let visibility = view.visibility_of(c);
        let (mark, points) = match c.status {
            CheckStatus::Pass => ("✓", format!("{}/{}", c.points, c.max_points)),
            CheckStatus::Fail => ("✗", format!("{}/{}", c.points, c.max_points)),
            CheckStatus::Skip => (
                "–",
                format!(
                    "{}/{} ({})",
                    c.points,
                    c.max_points,
                    lang.pick("non jugée", "not judged")
                ),
            ),
        };
        if !visibility.is_visible() {
            let why = match visibility {
                Visibility::AfterDue => {
                    lang.pick("détails après la date limite", "details after the due date")
                }
                _ => lang.pick("vérification cachée", "hidden check"),
            };
            let _ = writeln!(md, "- {mark} `{}` — {points} *({why})*", c.name);
            continue;
        }
        let _ = writeln!(md, "- {mark} **{}** — {points}", escape(name));
        if !c.message.trim().is_empty() {
            let _ = writeln!(md, "  {}", indented(&escape(c.message.trim())));
        }
        if let (Some(expected), Some(actual)) = (&c.expected, &c.actual) {
            let diff = plain_diff(expected, actual, lang);
            let _ = writeln!(md, "\n  {}\n", indented(&fenced(&dedent(&diff))));
        }
        if c.status == CheckStatus::Fail && !c.hint.trim().is_empty() {
            let _ = writeln!(
                md,
                "  *{}* {}",
                lang.pick("Indice :", "Hint:"),
                indented(&escape(c.hint.trim()))
            );
        }
    }

    let run = &r.run;
    let _ = writeln!(md, "\n## {}\n", lang.pick("L'exécution", "The run"));
    let status = serde_json::from_value::<RunStatus>(serde_json::Value::String(run.status.clone()))
        .map_or_else(|_| run.status.clone(), |s| status_words(s, lang).to_string());
    let code = match (run.exit_code, run.signal) {
        (_, Some(sig)) => format!("signal {sig}"),
        (Some(code), None) => format!("code {code}"),
        (None, None) => "-".into(),
    };
    let _ = writeln!(
        md,
        "- {}{colon} {status} ({code})\n- {}{colon} {:.2} s, CPU {:.2} s, {} {}, {} {} {}",
        lang.pick("Fin", "End"),
        lang.pick("Mesures", "Figures"),
        run.wall_s,
        run.cpu_s,
        run.processes,
        lang.pick("processus", "processes"),
        lang.pick("mémoire max", "peak memory"),
        run.max_rss_kb / 1024,
        lang.pick("Mo", "MB"),
    );
    if let Some((runs, passed)) = run.runs {
        let _ = writeln!(
            md,
            "- {} {passed}/{runs}",
            lang.pick("Exécutions réussies :", "Runs passed:")
        );
    }
    if let Some(detail) = &run.detail {
        let _ = writeln!(md, "- {}", escape(detail));
    }
    if run.leftovers_killed > 0 {
        let _ = writeln!(
            md,
            "- {} {}",
            run.leftovers_killed,
            lang.pick(
                "processus encore vivants à la fin du programme ont été tués : avez-vous oublié join() ?",
                "processes still alive when the program ended were killed: did you forget join()?",
            )
        );
    }
    let mut picture = Vec::new();
    if write_timeline(&run.trace, run.wall_s, lang, &mut picture).is_ok() && !picture.is_empty() {
        let _ = writeln!(md, "\n{}", fenced(&String::from_utf8_lossy(&picture)));
    }
    for (text, fr, en) in [
        (&run.stdout, "Sortie du programme", "The program's output"),
        (&run.stderr, "Erreurs du programme", "The program's errors"),
    ] {
        if !text.trim().is_empty() {
            let _ = writeln!(md, "\n### {}\n\n{}", lang.pick(fr, en), fenced(text));
        }
    }
    md
}

/// A code block that no backtick run inside `text` can close.
fn fenced(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat((longest + 1).max(3));
    format!("{fence}text\n{}\n{fence}", text.trim_end_matches('\n'))
}

/// A message as Markdown text: characters that would start markup (`*`, `_`, `<`, …) escaped, so a
/// student's output quoted in a message cannot format the page or inject HTML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '<' | '>' | '[' | ']' | '#' | '|' | '!') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The diff's lines without the report's left margin.
fn dedent(text: &str) -> String {
    text.lines()
        .map(|l| l.strip_prefix("      ").unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Continuation lines of a list item, indented under it.
fn indented(text: &str) -> String {
    text.replace('\n', "\n  ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::gradebook::tests::sample;

    #[test]
    fn checks_scores_hints_and_hidden_checks() {
        let mut r = sample("ada", 0, 1_795_000_000_000);
        let mut hidden = r.checks[0].clone();
        hidden.name = "secret".into();
        hidden.title = "Le secret".into();
        hidden.message = "expected 42, got 41".into();
        r.checks.push(hidden);
        let view = FeedbackView {
            lang: Lang::Fr,
            exercise_title: "Variables partagées".into(),
            visibility: BTreeMap::from([("secret".to_string(), Visibility::Hidden)]),
        };
        let md = markdown(&r, &view);
        assert!(md.starts_with("# Exercice 43.3 — Variables partagées\n"), "{md}");
        assert!(md.contains("**Note : 0/2**"), "{md}");
        assert!(md.contains("- ✗ **La valeur** — 0/2"), "{md}");
        assert!(md.contains("*Indice :* h"), "{md}");
        assert!(md.contains("- ✗ `secret` — 0/2 *(vérification cachée)*"), "{md}");
        assert!(
            !md.contains("expected 42"),
            "a hidden check's details leaked: {md}"
        );
        assert!(md.contains("```text\nout\n```"), "{md}");
        let mut diffed = r.clone();
        diffed.checks[0].expected = Some("1000".into());
        diffed.checks[0].actual = Some("998".into());
        let md = markdown(&diffed, &view);
        assert!(
            md.contains("  ```text\n  - attendu + obtenu\n  - 1000\n  + 998\n  ```"),
            "{md}"
        );
        let en = markdown(
            &r,
            &FeedbackView {
                lang: Lang::En,
                ..view
            },
        );
        assert!(en.contains("**Score: 0/2**") && en.contains("*Hint:* h"), "{en}");
    }

    #[test]
    fn fences_outlast_backticks_and_markup_is_escaped() {
        assert_eq!(fenced("a ```` b"), "`````text\na ```` b\n`````");
        assert_eq!(escape("<script>*x*"), "\\<script\\>\\*x\\*");
    }
}
