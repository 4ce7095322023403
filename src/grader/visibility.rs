//! Who sees a check's details. A hidden check still counts; the student sees only its name and
//! whether it passed, so that it cannot be passed by printing what it expects.
use serde::{Deserialize, Serialize};

use super::spec::ExerciseSpec;
use super::verdict::CheckResult;

/// Who sees a check's details (Gradescope's `visibility` vocabulary).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    /// Everything is shown.
    #[default]
    Visible,
    /// Name and pass/fail only; never the expected values, the message or the hint.
    Hidden,
    /// Like `hidden` until the due date (exports say `after_due_date`); atelier itself knows no due
    /// date, so a student's own check treats it as hidden.
    AfterDue,
}

impl Visibility {
    /// The default, for `skip_serializing_if`.
    pub fn is_visible(&self) -> bool {
        *self == Visibility::Visible
    }

    /// Gradescope's word for it (a test's `visibility` in results.json).
    pub fn gradescope(self) -> &'static str {
        match self {
            Visibility::Visible => "visible",
            Visibility::Hidden => "hidden",
            Visibility::AfterDue => "after_due_date",
        }
    }
}

/// The visibility of check `name` of `spec` (visible when the spec has no such check).
pub fn of_check(spec: &ExerciseSpec, name: &str) -> Visibility {
    spec.checks
        .iter()
        .find(|c| c.name == name)
        .map_or(Visibility::Visible, |c| c.visibility)
}

/// The visibility of each check of `spec`, by name (what the exporters take).
pub fn of_spec(spec: &ExerciseSpec) -> std::collections::BTreeMap<String, Visibility> {
    spec.checks
        .iter()
        .map(|c| (c.name.clone(), of_check(spec, &c.name)))
        .collect()
}

/// Removes what a student must not see of the checks that are not visible: the reason and its words, the
/// expected and actual texts and the hint. The name, title, status and points stay.
pub fn redact_for_student(results: &mut [CheckResult]) {
    for result in results.iter_mut().filter(|r| !r.visibility.is_visible()) {
        result.reason = None;
        result.message = String::new();
        result.hint = String::new();
        result.expected = None;
        result.actual = None;
    }
}
