//! The REPL's `hint`: which of a spec's hints to show, from the last check's report. The hints
//! are the spec's own text (course content, in the spec's two languages).
use std::collections::BTreeMap;

use super::spec::ExerciseSpec;
use super::verdict::CheckReport;
use crate::i18n::Lang;

/// Hints for the REPL's `hint`: those of the checks that failed last time, else the spec's first.
pub fn hint(spec: &ExerciseSpec, last: Option<&CheckReport>, lang: Lang) -> Vec<Hint> {
    let failed: Vec<Hint> = last
        .map(|report| {
            report
                .failed()
                .filter(|c| c.visibility.is_visible())
                .map(|c| Hint {
                    check: c.name.clone(),
                    text: c.hint.clone(),
                })
                .collect()
        })
        .unwrap_or_default();
    if !failed.is_empty() {
        return failed;
    }
    spec.checks
        .iter()
        .find(|c| c.visibility.is_visible())
        .map(|c| Hint {
            check: c.name.clone(),
            // Course content: the spec's own hint.
            text: c.hint.get(lang).to_string(),
        })
        .into_iter()
        .collect()
}

/// A hint for the REPL: the check it is about and what to think about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub check: String,
    pub text: String,
}

/// Every check's hint, by check name (for a REPL that walks through them).
pub fn all_hints(spec: &ExerciseSpec, lang: Lang) -> BTreeMap<String, String> {
    spec.checks
        .iter()
        .filter(|c| c.visibility.is_visible())
        // Course content: the spec's own hints.
        .map(|c| (c.name.clone(), c.hint.get(lang).to_string()))
        .collect()
}
