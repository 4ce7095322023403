//! The lesson model: what a lesson file says, independent of how it is shown.
use serde::Serialize;

use super::frontmatter::Frontmatter;
use crate::i18n::Lang;

/// One lesson (one markdown file).
#[derive(Debug, Clone, Serialize)]
pub struct Lesson {
    /// The file, as messages name it.
    pub file: String,
    /// The file's stem (`43-multiprocessing`).
    pub slug: String,
    /// The chapter number (`sidebar_position`, else the slug's leading digits).
    pub number: Option<u32>,
    /// The `#` title without its `{#…}`.
    pub title: String,
    pub lang: Lang,
    #[serde(skip)]
    pub frontmatter: Frontmatter,
    /// What comes before the first section.
    pub intro: Vec<Block>,
    /// The navigable sections: every `##` heading, and every `###` that has its own `{#anchor}`.
    pub sections: Vec<Section>,
    /// The key questions ("Questions clés").
    pub questions: Vec<Question>,
    /// The exercises (`### Exercice N - Title {#anchor}`).
    pub exercises: Vec<ExerciseEntry>,
}

/// A navigable section.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    pub title: String,
    pub anchor: String,
    /// Whether the anchor was written (`{#…}`) or made from the title.
    pub explicit_anchor: bool,
    /// The heading level (2, or 3 for an anchored sub-heading such as an exercise).
    pub level: u8,
    /// The heading's line in the file.
    pub line: usize,
    #[serde(skip)]
    pub blocks: Vec<Block>,
    /// Live demos linked to this section.
    pub demos: Vec<String>,
}

/// A piece of a section, in order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A sub-heading (`###`, `####`) inside a section.
    Heading { level: u8, text: String },
    /// Prose, lists, tables, quotes: markdown source, rendered as it is.
    Markdown { text: String },
    /// A fenced or indented code block.
    Code { lang: String, code: String, line: usize },
    /// A `<details><summary>…</summary>…</details>` block, shown folded.
    Details {
        summary: String,
        blocks: Vec<Block>,
        line: usize,
    },
    /// A thematic break (`---`).
    Rule,
}

/// A key question and its model answer.
#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub number: u32,
    pub question: String,
    pub answer: String,
}

/// An exercise of the lesson, as the lesson text states it.
#[derive(Debug, Clone, Serialize)]
pub struct ExerciseEntry {
    pub number: u32,
    pub title: String,
    pub anchor: String,
    /// Index of its section in [`Lesson::sections`].
    pub section: usize,
    /// The code of its `<details>` solution, when it has one.
    pub solution: Option<String>,
}

impl Lesson {
    /// The section with this anchor, or with this 1-based number.
    pub fn find_section(&self, key: &str) -> Option<usize> {
        let key = key.trim().trim_start_matches('#').trim_start_matches('§');
        if let Ok(number) = key.parse::<usize>() {
            return (1..=self.sections.len()).contains(&number).then(|| number - 1);
        }
        self.sections.iter().position(|s| s.anchor == key).or_else(|| {
            // A unique prefix is enough (`goto pool`).
            let mut matches = self
                .sections
                .iter()
                .enumerate()
                .filter(|(_, s)| s.anchor.starts_with(key));
            match (matches.next(), matches.next()) {
                (Some((index, _)), None) if !key.is_empty() => Some(index),
                _ => None,
            }
        })
    }

    /// Every anchor of the lesson, in order.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.sections.iter().map(|s| s.anchor.as_str())
    }

    /// The exercise with this number.
    pub fn exercise(&self, number: u32) -> Option<&ExerciseEntry> {
        self.exercises.iter().find(|e| e.number == number)
    }

    /// `43` or the slug, for prompts and messages.
    pub fn short_name(&self) -> String {
        self.number.map_or_else(|| self.slug.clone(), |n| n.to_string())
    }
}
