//! The parts of a lesson's exercise a spec is derived from: the statement, the expected result
//! block, the functions the statement names, the file name it suggests, the `<details>` solution.
use std::sync::LazyLock;

use regex::Regex;

use crate::course::{Block, ExerciseEntry, Lesson};

/// What the lesson says about one exercise.
#[derive(Debug, Clone)]
pub struct ExerciseText {
    /// The statement's markdown (every block of the section but the solution).
    pub statement: String,
    /// The "Résultat attendu" / "Expected result" block, when there is one.
    pub expected: Option<String>,
    /// The solution's code and the language of its fence.
    pub solution: Option<(String, String)>,
}

/// Reads exercise `entry` of `lesson`.
pub fn read(lesson: &Lesson, entry: &ExerciseEntry) -> ExerciseText {
    static EXPECTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(r[ée]sultat|sortie|affichage)\s+attendue?|expected\s+(result|output)")
            .expect("valid regex")
    });
    let section = &lesson.sections[entry.section];
    let mut statement = String::new();
    let mut expected = None;
    let mut solution = None;
    let mut announced = false;
    for block in &section.blocks {
        match block {
            Block::Markdown { text } => {
                statement.push_str(text);
                statement.push('\n');
                announced = EXPECTED.is_match(text);
            }
            Block::Code { lang, code, .. } => {
                if announced && expected.is_none() && !is_python(lang) {
                    expected = Some(code.clone());
                }
                statement.push_str(&format!("```{lang}\n{code}\n```\n"));
                announced = false;
            }
            Block::Details { blocks, .. } if solution.is_none() => {
                solution = blocks.iter().find_map(|b| match b {
                    Block::Code { lang, code, .. } => Some((code.clone(), lang.clone())),
                    _ => None,
                });
            }
            _ => {}
        }
    }
    ExerciseText {
        statement,
        expected,
        solution,
    }
}

fn is_python(lang: &str) -> bool {
    matches!(
        lang.trim().to_ascii_lowercase().as_str(),
        "python" | "py" | "python3"
    )
}

impl ExerciseText {
    /// Whether the solution is Python (its fence says so, or it reads like Python).
    pub fn python_solution(&self) -> Option<&str> {
        let (code, lang) = self.solution.as_ref()?;
        let looks = lang.trim().is_empty() && (code.contains("def ") || code.contains("print("));
        (is_python(lang) || looks).then_some(code.as_str())
    }

    /// Functions the statement names: `` `name(…)` `` in its text.
    pub fn named_functions(&self) -> Vec<String> {
        static CALL: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"`([A-Za-z_][A-Za-z0-9_]*)\(").expect("valid regex"));
        let mut names: Vec<String> = Vec::new();
        for caps in CALL.captures_iter(&self.statement) {
            let name = caps[1].to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The file the statement names (`` `premiers.py` ``), if any.
    pub fn named_file(&self) -> Option<String> {
        static FILE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"`([A-Za-z_][A-Za-z0-9_]*\.py)`").expect("valid regex"));
        FILE.captures(&self.statement).map(|c| c[1].to_string())
    }
}
