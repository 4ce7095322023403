//! Tab completion, driven by the `COMMANDS` table: command names, then each command's argument kind
//! (anchors and section numbers, exercise numbers, demo names, file paths).
use rustyline::completion::{FilenameCompleter, Pair};
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::validate::Validator;
use rustyline::{Context, Helper};

use super::commands::{Arg, COMMANDS, find};
use super::session::Session;
use crate::course::anchor::fold;

/// What completion offers, gathered once from the course.
pub struct Completer {
    anchors: Vec<String>,
    exercises: Vec<String>,
    lessons: Vec<String>,
    demos: Vec<String>,
    files: FilenameCompleter,
}

impl Completer {
    pub fn for_session(session: &Session) -> Completer {
        let mut anchors = Vec::new();
        let mut exercises = Vec::new();
        let mut lessons = Vec::new();
        let mut demos = Vec::new();
        for lesson in &session.course.lessons {
            lessons.push(lesson.slug.clone());
            for (index, section) in lesson.sections.iter().enumerate() {
                anchors.push(section.anchor.clone());
                anchors.push((index + 1).to_string());
                demos.extend(section.demos.iter().cloned());
            }
            exercises.extend(lesson.exercises.iter().map(|e| e.number.to_string()));
        }
        for list in [&mut anchors, &mut exercises, &mut lessons, &mut demos] {
            let mut seen = std::collections::HashSet::new();
            list.retain(|item| seen.insert(item.clone()));
        }
        Completer {
            anchors,
            exercises,
            lessons,
            demos,
            files: FilenameCompleter::new(),
        }
    }

    fn words(&self, arg: Arg, position: usize) -> Option<Vec<String>> {
        let list = match (arg, position) {
            (Arg::Section, 0) => &self.anchors,
            (Arg::Exercise | Arg::ExerciseFile, 0) => &self.exercises,
            (Arg::Lesson, 0) => {
                let mut words: Vec<String> = ["next", "prev", "suivante", "précédente"]
                    .map(String::from)
                    .to_vec();
                words.extend(self.lessons.iter().cloned());
                return Some(words);
            }
            (Arg::Demo, 0) => &self.demos,
            (Arg::Word(words), 0) => return Some(words.iter().map(|w| w.to_string()).collect()),
            _ => return None,
        };
        Some(list.clone())
    }
}

/// The words that start with `prefix`, accents and case aside (`questions-cles` offers `questions-clés-2`).
fn pairs(prefix: &str, words: impl IntoIterator<Item = String>) -> Vec<Pair> {
    let folded = fold(prefix);
    words
        .into_iter()
        .filter(|w| fold(w).starts_with(&folded))
        .map(|w| Pair {
            display: w.clone(),
            replacement: format!("{w} "),
        })
        .collect()
}

impl rustyline::completion::Completer for Completer {
    type Candidate = Pair;

    fn complete(&self, line: &str, pos: usize, ctx: &Context<'_>) -> rustyline::Result<(usize, Vec<Pair>)> {
        let before = &line[..pos];
        let start = before.rfind(char::is_whitespace).map_or(0, |i| i + 1);
        let prefix = &before[start..];
        let mut words = before[..start].split_whitespace();
        let Some(command) = words.next() else {
            let names = COMMANDS
                .iter()
                .flat_map(|c| c.names.iter().map(|n| n.to_string()));
            return Ok((start, pairs(prefix, names)));
        };
        let Some(def) = find(command) else {
            return Ok((start, Vec::new()));
        };
        let position = words.count();
        match self.words(def.arg, position) {
            Some(list) => Ok((start, pairs(prefix, list))),
            None if def.arg == Arg::ExerciseFile => self.files.complete(line, pos, ctx),
            None => Ok((start, Vec::new())),
        }
    }
}

impl Hinter for Completer {
    type Hint = String;
}

impl Highlighter for Completer {}

impl Validator for Completer {}

impl Helper for Completer {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_complete_without_accents_or_case() {
        let words = ["questions-clés-2".to_string(), "creation".to_string()];
        let found = pairs("Questions-Cles", words);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].replacement, "questions-clés-2 ");
    }
}
