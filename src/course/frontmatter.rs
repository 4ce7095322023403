//! Lesson frontmatter: the YAML block between `---` lines at the top of a lesson.
//!
//! Course web sites carry files whose frontmatter is not valid YAML as written, such as
//! `sidebar_label: Concurrence : Processus (multiprocessing)` (French spacing before a colon). A site
//! generator forgives it, so we do too: a top-level `key: value` line whose value YAML rejects is read
//! as a plain string, and only a frontmatter that stays broken after that is an error.
use std::collections::BTreeMap;

use serde::Deserialize;

/// What atelier reads from a lesson's frontmatter. Unknown keys are kept by the site and ignored here.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
pub struct Frontmatter {
    /// The label in the site's sidebar; also atelier's short title.
    #[serde(default)]
    pub sidebar_label: Option<String>,
    /// The page's title when the text has no `#` heading (Docusaurus shows it as the title).
    #[serde(default)]
    pub title: Option<String>,
    /// The chapter number.
    #[serde(default)]
    pub sidebar_position: Option<f64>,
    /// The lesson's language (`fr`, `en`); French when absent.
    #[serde(default)]
    pub lang: Option<String>,
    /// atelier's own keys, invisible to the site.
    #[serde(default)]
    pub atelier: AtelierKeys,
}

/// The `atelier:` mapping of a lesson's frontmatter.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct AtelierKeys {
    /// Live demos linked to sections: `anchor: [demo, …]` (or a single name).
    #[serde(default)]
    pub demos: BTreeMap<String, OneOrMany>,
    /// When the REPL's `solution N` shows the solution (`open`, or `after-pass`); the course's
    /// `atelier.yaml` when absent.
    #[serde(default)]
    pub solutions: Option<SolutionsPolicy>,
}

/// When a student may see an exercise's solution.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum SolutionsPolicy {
    /// Whenever they ask (as the web site has it).
    #[default]
    Open,
    /// Once the exercise has passed its check, or after an explicit `solution N --give-up`.
    AfterPass,
}

/// A single name or a list of names.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn names(&self) -> Vec<String> {
        match self {
            OneOrMany::One(name) => vec![name.clone()],
            OneOrMany::Many(names) => names.clone(),
        }
    }
}

/// A frontmatter error: the line in the lesson file (1-based) and what was expected.
#[derive(Debug, Clone, PartialEq)]
pub struct FrontmatterError {
    pub line: usize,
    pub message: crate::i18n::Message,
}

/// Splits `text` into its frontmatter (parsed) and the body, and gives the body's first line number.
/// A text without a leading `---` line has an empty frontmatter.
pub fn split(text: &str) -> Result<(Frontmatter, &str, usize), FrontmatterError> {
    let mut lines = text.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok((Frontmatter::default(), text, 1));
    };
    if first.trim_end() != "---" {
        return Ok((Frontmatter::default(), text, 1));
    }
    let mut offset = first.len();
    let start = offset;
    for (index, line) in lines.enumerate() {
        if line.trim_end() == "---" {
            let yaml = &text[start..offset];
            let body_start = offset + line.len();
            let frontmatter = parse(yaml)?;
            // Lines: 1 is the opening `---`, the YAML starts on 2, the closing `---` is index + 2.
            return Ok((frontmatter, &text[body_start..], index + 3));
        }
        offset += line.len();
    }
    Err(FrontmatterError {
        line: 1,
        message: crate::msg!("course-frontmatter-unclosed"),
    })
}

/// Parses the YAML between the `---` lines; line numbers in errors are the lesson file's.
fn parse(yaml: &str) -> Result<Frontmatter, FrontmatterError> {
    if yaml.trim().is_empty() {
        return Ok(Frontmatter::default());
    }
    match serde_yaml::from_str::<Frontmatter>(yaml) {
        Ok(frontmatter) => Ok(frontmatter),
        Err(first_error) => {
            let repaired = repair(yaml);
            serde_yaml::from_str::<Frontmatter>(&repaired).map_err(|_| to_error(&first_error))
        }
    }
}

/// Quotes the value of every top-level `key: value` line whose value YAML would reject as a plain
/// scalar (it contains `: ` or ` :`), keeping the number of lines so error lines stay right.
fn repair(yaml: &str) -> String {
    yaml.lines()
        .map(|line| {
            let is_top_level = !line.starts_with([' ', '\t', '#', '-']);
            match line.split_once(':') {
                Some((key, value)) if is_top_level && !key.trim().is_empty() && !key.contains(' ') => {
                    let value = value.trim();
                    let quoted = value.starts_with(['"', '\'', '[', '{', '|', '>']);
                    if !quoted && (value.contains(": ") || value.contains(" :") || value.ends_with(':')) {
                        format!("{key}: {}", serde_json::to_string(value).unwrap_or_default())
                    } else {
                        line.to_string()
                    }
                }
                _ => line.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn to_error(err: &serde_yaml::Error) -> FrontmatterError {
    // The YAML starts on the lesson's line 2.
    let line = err.location().map_or(1, |loc| loc.line() + 1);
    let message = err.to_string();
    let detail = crate::i18n::serde_message(crate::i18n::without_position(&message));
    FrontmatterError {
        line,
        message: crate::msg!("course-frontmatter-invalid", detail = detail),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_colon_is_accepted() {
        let text =
            "---\nsidebar_label: Concurrence : Processus (multiprocessing)\nsidebar_position: 43\n---\n# T\n";
        let (fm, body, line) = split(text).unwrap();
        assert_eq!(
            fm.sidebar_label.as_deref(),
            Some("Concurrence : Processus (multiprocessing)")
        );
        assert_eq!(fm.sidebar_position, Some(43.0));
        assert_eq!(body, "# T\n");
        assert_eq!(line, 5);
    }

    #[test]
    fn no_frontmatter() {
        let (fm, body, line) = split("# Title\n").unwrap();
        assert_eq!(fm, Frontmatter::default());
        assert_eq!(body, "# Title\n");
        assert_eq!(line, 1);
    }

    #[test]
    fn demos_one_or_many() {
        let text = "---\natelier:\n  demos:\n    pool-de-processus: pool\n    creation: [process, main-guard]\n---\n";
        let (fm, _, _) = split(text).unwrap();
        assert_eq!(fm.atelier.demos["pool-de-processus"].names(), ["pool"]);
        assert_eq!(fm.atelier.demos["creation"].names(), ["process", "main-guard"]);
    }

    #[test]
    fn unclosed_is_an_error() {
        let err = split("---\nsidebar_position: 4\n# T\n").unwrap_err();
        assert_eq!(err.line, 1);
    }

    #[test]
    fn broken_yaml_names_the_line() {
        let err = split("---\nsidebar_position: 4\natelier:\n  demos: [unclosed\n---\n").unwrap_err();
        assert!(err.line >= 4, "{err:?}");
        assert!(err.message.key().starts_with("course-frontmatter"));
    }

    #[test]
    fn unknown_atelier_key_is_an_error() {
        let err = split("---\natelier:\n  demo: pool\n---\n").unwrap_err();
        assert_eq!(err.line, 3, "{err:?}");
    }
}
