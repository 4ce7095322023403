//! A student's saved state: where they are, which sections they have seen, their quiz answers.
//!
//! Kept as JSON in the user's data directory, one file per course so that two courses never mix:
//! `$XDG_DATA_HOME/atelier/progress.json` for the built-in course, and
//! `$XDG_DATA_HOME/atelier/courses/<folder>-<hash of its canonical path>/progress.json` for a
//! `--course` folder (the REPL's history sits beside it). Written to a temporary file then renamed
//! so a crash never leaves half a file. A corrupt file is reported, set aside
//! (`progress.json.corrupt`) and replaced, never a crash.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Message, OrFail};
use crate::msg;
use serde::{Deserialize, Serialize};

use anyhow::Result;

/// The saved state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// Format version.
    #[serde(default = "version")]
    pub version: u32,
    /// Where the student was last.
    pub current: Option<Place>,
    /// Per lesson (by slug).
    #[serde(default)]
    pub lessons: BTreeMap<String, LessonProgress>,
}

fn version() -> u32 {
    1
}

impl Default for Progress {
    fn default() -> Self {
        Progress {
            version: version(),
            current: None,
            lessons: BTreeMap::new(),
        }
    }
}

/// A place in the course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Place {
    pub lesson: String,
    pub section: String,
}

/// What a student did in one lesson.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonProgress {
    /// Anchors of the sections shown.
    #[serde(default)]
    pub seen: BTreeSet<String>,
    /// Quiz answers by question number.
    #[serde(default)]
    pub quiz: BTreeMap<u32, QuizAnswer>,
    /// Exercises whose check passed, by id.
    #[serde(default)]
    pub passed: BTreeSet<String>,
    /// Exercises whose solution the student asked for before passing (`solution N --give-up`).
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub gave_up: BTreeSet<String>,
    /// The last check of each exercise, by id (for `exercises`: failing X/Y).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub last_check: BTreeMap<String, LastCheck>,
}

/// The score of an exercise's last check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LastCheck {
    pub score: u32,
    pub max_score: u32,
    pub passed: bool,
}

/// The student's answer to a key question and whether they judged it right against the model answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuizAnswer {
    pub answer: String,
    pub correct: bool,
}

impl Progress {
    pub fn lesson_mut(&mut self, slug: &str) -> &mut LessonProgress {
        self.lessons.entry(slug.to_string()).or_default()
    }
}

/// atelier's data directory: `$XDG_DATA_HOME/atelier` (or the platform's equivalent).
pub fn data_dir() -> Result<PathBuf> {
    use etcetera::BaseStrategy;
    let base = etcetera::choose_base_strategy().or_fail(|| msg!("progress-no-home"))?;
    Ok(base.data_dir().join("atelier"))
}

/// `courses/<folder name>-<16 hex digits>`: readable, and distinct for two folders of one name.
pub fn course_key(dir: &Path) -> PathBuf {
    use sha2::{Digest, Sha256};
    let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    let digest = Sha256::digest(canonical.as_os_str().as_encoded_bytes());
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    let name: String = canonical
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    Path::new("courses").join(format!("{name}-{hex}"))
}

/// Where the progress is kept.
#[derive(Debug, Clone)]
pub struct Store {
    pub path: PathBuf,
}

impl Store {
    /// The store of the built-in course in the user's data directory.
    pub fn user() -> Result<Store> {
        Ok(Store {
            path: data_dir()?.join("progress.json"),
        })
    }

    /// The store of a course: the built-in one (`None`), or a folder, known by its canonical path.
    pub fn for_course(course_dir: Option<&Path>) -> Result<Store> {
        let Some(dir) = course_dir else {
            return Store::user();
        };
        Ok(Store {
            path: data_dir()?.join(course_key(dir)).join("progress.json"),
        })
    }

    /// The REPL's history of this course, beside its progress.
    pub fn history_path(&self) -> PathBuf {
        self.path.with_file_name("history.txt")
    }

    /// Reads the progress. A missing file is a fresh start; a corrupt one is set aside and the
    /// returned message says where.
    pub fn load(&self) -> (Progress, Option<Message>) {
        let bytes = match fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return (Progress::default(), None),
            Err(err) => {
                return (
                    Progress::default(),
                    Some(msg!(
                        "repl-progress-unreadable",
                        path = self.path.display().to_string(),
                        error = err.to_string()
                    )),
                );
            }
        };
        match serde_json::from_slice::<Progress>(&bytes) {
            Ok(progress) => (progress, None),
            Err(err) => {
                let aside = self.path.with_extension("json.corrupt");
                let moved = fs::rename(&self.path, &aside).is_ok();
                let path = self.path.display().to_string();
                let message = if moved {
                    let aside = aside.display().to_string();
                    msg!(
                        "repl-progress-corrupt-set-aside",
                        path = path,
                        error = err.to_string(),
                        aside = aside
                    )
                } else {
                    msg!("repl-progress-corrupt", path = path, error = err.to_string())
                };
                (Progress::default(), Some(message))
            }
        }
    }

    /// Writes the progress atomically (temporary file in the same folder, then rename).
    pub fn save(&self, progress: &Progress) -> Result<()> {
        let json = serde_json::to_vec_pretty(progress)?;
        crate::atomic_file::write_atomic(&self.path, &json)
    }

    /// Forgets everything.
    pub fn reset(&self) -> Result<()> {
        match fs::remove_file(&self.path) {
            Err(err) if err.kind() != io::ErrorKind::NotFound => {
                Err(err).or_fail(|| msg!("file-remove", path = self.path.display().to_string()))
            }
            _ => Ok(()),
        }
    }
}

/// Per lesson: sections seen, quiz score, exercises passed, and the current place.
pub fn write_summary(
    course: &crate::course::Course,
    progress: &Progress,
    lang: crate::i18n::Lang,
    out: &mut dyn Write,
) -> io::Result<()> {
    for lesson in &course.lessons {
        let done = progress.lessons.get(&lesson.slug).cloned().unwrap_or_default();
        let seen = lesson
            .sections
            .iter()
            .filter(|s| done.seen.contains(&s.anchor))
            .count();
        let right = done.quiz.values().filter(|a| a.correct).count();
        let counts = crate::msg!(
            "repl-progress-counts",
            seen = seen,
            sections = lesson.sections.len(),
            right = right,
            questions = lesson.questions.len(),
            passed = done.passed.len(),
            exercises = lesson.exercises.len(),
        );
        writeln!(
            out,
            "{} — {} : {}",
            lesson.short_name(),
            lesson.title,
            counts.word(lang)
        )?;
        let unseen: Vec<String> = lesson
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| !done.seen.contains(&s.anchor))
            .map(|(i, _)| format!("§{}", i + 1))
            .collect();
        if !unseen.is_empty() && seen > 0 {
            let unseen = crate::msg!("repl-progress-unseen", sections = unseen.join(" "));
            writeln!(out, "  {}", unseen.word(lang))?;
        }
    }
    if let Some(place) = &progress.current {
        let place = crate::msg!(
            "repl-progress-place",
            lesson = &place.lesson,
            section = &place.section
        );
        writeln!(out, "{}", place.word(lang))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn round_trip_and_corrupt_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store {
            path: dir.path().join("atelier/progress.json"),
        };
        let (fresh, warning) = store.load();
        assert_eq!(fresh, Progress::default());
        assert!(warning.is_none());

        let mut progress = Progress {
            current: Some(Place {
                lesson: "43-multiprocessing".into(),
                section: "pool-de-processus".into(),
            }),
            ..Progress::default()
        };
        progress
            .lesson_mut("43-multiprocessing")
            .seen
            .insert("pool-de-processus".into());
        store.save(&progress).unwrap();
        assert_eq!(store.load().0, progress);

        fs::write(&store.path, b"{ not json").unwrap();
        let (loaded, warning) = store.load();
        assert_eq!(loaded, Progress::default());
        assert!(warning.unwrap().word(Lang::En).contains("corrupt progress file"));
        assert!(store.path.with_extension("json.corrupt").exists());
        assert!(!store.path.exists());
    }

    #[test]
    fn each_course_folder_has_its_own_place() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a/cours");
        let b = dir.path().join("b/cours");
        fs::create_dir_all(&a).unwrap();
        fs::create_dir_all(&b).unwrap();
        let (ka, kb) = (course_key(&a), course_key(&b));
        assert_ne!(ka, kb, "two folders of one name");
        assert!(ka.to_string_lossy().starts_with("courses/cours-"), "{ka:?}");
        // The same folder by another path is the same course.
        assert_eq!(course_key(&dir.path().join("a/../a/cours")), ka);
    }
}
