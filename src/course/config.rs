//! A course's own settings: `atelier.yaml` at the course folder's root (optional). A lesson's
//! frontmatter `atelier:` keys override it for that lesson.
use serde::Deserialize;

use super::frontmatter::SolutionsPolicy;
use super::{CourseFiles, Problem};

/// The file's name at the course root.
pub const FILE: &str = "atelier.yaml";

/// What `atelier.yaml` may say.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CourseConfig {
    /// When `solution N` shows a solution, for every lesson that does not say.
    #[serde(default)]
    pub solutions: Option<SolutionsPolicy>,
}

impl CourseConfig {
    /// The course's settings (the defaults when it has no `atelier.yaml`); an error names the file
    /// and line.
    pub fn of(files: &CourseFiles) -> Result<CourseConfig, Problem> {
        let Some(bytes) = files.files.get(FILE) else {
            return Ok(CourseConfig::default());
        };
        let text = String::from_utf8_lossy(bytes);
        if text.trim().is_empty() {
            return Ok(CourseConfig::default());
        }
        serde_yaml::from_str(&text).map_err(|err| {
            Problem::new(
                files.display_path(FILE),
                err.location().map(|l| l.line()),
                crate::msg!(
                    "course-config-invalid",
                    detail = crate::i18n::serde_message(crate::i18n::without_position(&err.to_string()))
                ),
            )
        })
    }
}
