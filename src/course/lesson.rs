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
    /// The title's anchor (its `{#…}`, else made from it): it names the first section.
    pub title_anchor: String,
    pub lang: Lang,
    #[serde(skip)]
    pub frontmatter: Frontmatter,
    /// Where it sits in the site's sidebar (folders, position).
    #[serde(skip)]
    pub place: super::tree::Place,
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
    /// A Docusaurus admonition (`:::tip Titre` … `:::`), shown as a titled box.
    Admonition {
        /// `note`, `tip`, `info`, `warning`, `danger`, `caution` (or what the author wrote).
        #[serde(rename = "type")]
        kind: String,
        /// The title after the kind, empty when there is none.
        title: String,
        blocks: Vec<Block>,
        line: usize,
    },
    /// An MDX `<TabItem label=…>`, shown as a labelled sub-part.
    Tab {
        label: String,
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
    /// The section with this anchor (accents and case aside; a unique prefix is enough), with this
    /// 1-based number, or the first one for the title's own anchor.
    pub fn find_section(&self, key: &str) -> Option<usize> {
        let key = key.trim().trim_start_matches('#').trim_start_matches('§');
        if let Ok(number) = key.parse::<usize>() {
            return (1..=self.sections.len()).contains(&number).then(|| number - 1);
        }
        if key.is_empty() {
            return None;
        }
        if let Some(exact) = self.sections.iter().position(|s| s.anchor == key) {
            return Some(exact);
        }
        let folded = super::anchor::fold(key);
        let anchors: Vec<String> = self
            .sections
            .iter()
            .map(|s| super::anchor::fold(&s.anchor))
            .collect();
        if let Some(same) = anchors.iter().position(|a| *a == folded) {
            return Some(same);
        }
        if super::anchor::fold(&self.title_anchor) == folded {
            return (!self.sections.is_empty()).then_some(0);
        }
        let mut matches = anchors.iter().enumerate().filter(|(_, a)| a.starts_with(&folded));
        match (matches.next(), matches.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
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
