//! Loading a course (built-in or a folder): lessons, their model and parser, exercise specs.
//!
//! A course is first read into [`CourseFiles`] (relative path → bytes), whether it comes from the
//! binary or from a folder, so that parsing never cares where the text came from.
pub mod anchor;
pub mod config;
pub mod exercise;
pub mod frontmatter;
pub mod lesson;
pub mod parse;
pub mod questions;
pub mod toc;
pub mod tree;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

pub use exercise::Exercise;
pub use lesson::{Block, ExerciseEntry, Lesson, Question, Section};

use crate::i18n::{Failure, Lang, Message};
use crate::msg;

/// A loaded course: every lesson and exercise that parsed, and a problem for each that did not.
#[derive(Debug, Clone)]
pub struct Course {
    pub files: CourseFiles,
    pub lessons: Vec<Lesson>,
    pub exercises: Vec<Exercise>,
    /// Files that could not be loaded (the rest of the course still loads).
    pub problems: Vec<Problem>,
    /// Remarks that did not stop a file from loading (for `atelier lint`).
    pub notes: Vec<Problem>,
    /// The language the course is written in: its first lesson's (frontmatter `lang`, French by
    /// default), read even from a lesson that did not load, so that its problems are worded in it.
    pub lang: Lang,
}

impl Course {
    /// The built-in course, or the folder given with `--course`.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Course> {
        Ok(Course::from_files(CourseFiles::load(dir)?))
    }

    /// Parses every lesson and exercise of `files`.
    pub fn from_files(files: CourseFiles) -> Course {
        let mut lessons = Vec::new();
        let mut problems = files.problems.clone();
        let mut notes = Vec::new();
        let mut broken_lang = None;
        for (path, bytes) in files.lesson_files() {
            let rel = path
                .strip_prefix(files.lessons_dir.as_str())
                .unwrap_or(path)
                .trim_start_matches('/');
            let slug = rel
                .strip_suffix(".mdx")
                .or_else(|| rel.strip_suffix(".md"))
                .unwrap_or(rel);
            let display = files.display_path(path);
            match parse::parse_lesson(&display, slug, bytes) {
                Ok(mut parsed) => {
                    notes.extend(
                        parsed
                            .notes
                            .into_iter()
                            .map(|(line, message)| Problem::new(display.clone(), Some(line), message)),
                    );
                    parsed.lesson.place = files.place_of(rel, &parsed.lesson);
                    lessons.push(parsed.lesson);
                }
                Err(err) => {
                    broken_lang = broken_lang.or_else(|| declared_lang(bytes));
                    problems.push(Problem::new(display, Some(err.line), err.message));
                }
            }
        }
        // The site's sidebar order: position (else the name's leading number), then name, folder by folder.
        lessons.sort_by(|a, b| tree::compare(&a.place, &b.place));
        notes.extend(ambiguous_numbers(&lessons, &files));
        let (exercises, exercise_problems) = exercise::load_all(&files);
        problems.extend(exercise_problems);
        let lang = lessons
            .first()
            .map(|l| l.lang)
            .or(broken_lang)
            .unwrap_or_default();
        Course {
            files,
            lessons,
            exercises,
            problems,
            notes,
            lang,
        }
    }

    /// A lesson by chapter number or slug (or the slug's last part, with or without its number).
    pub fn find_lesson(&self, key: &str) -> Result<usize, NotFound> {
        let key = key.trim().trim_end_matches(".mdx").trim_end_matches(".md");
        if let Some(index) = self.lessons.iter().position(|l| l.slug == key) {
            return Ok(index);
        }
        let by_number: Vec<usize> = self
            .lessons
            .iter()
            .enumerate()
            .filter(|(_, l)| l.number.is_some_and(|n| n.to_string() == key))
            .map(|(i, _)| i)
            .collect();
        let by_name = || {
            self.lessons
                .iter()
                .enumerate()
                .filter(|(_, l)| {
                    let name = l.slug.rsplit('/').next().unwrap_or(&l.slug);
                    name == key || name.split_once('-').is_some_and(|(_, rest)| rest == key)
                })
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let found = if by_number.is_empty() {
            by_name()
        } else {
            by_number
        };
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(NotFound {
                key: key.to_string(),
                ambiguous: Vec::new(),
                known: self
                    .lessons
                    .iter()
                    .map(|l| format!("{} ({})", l.short_name(), l.slug))
                    .collect(),
            }),
            many => Err(NotFound {
                key: key.to_string(),
                ambiguous: many.iter().map(|&i| self.lessons[i].slug.clone()).collect(),
                known: Vec::new(),
            }),
        }
    }

    /// The exercise folder of `lesson`'s exercise `number` (id `<chapter>.<number>`).
    pub fn exercise_for(&self, lesson: &Lesson, number: u32) -> Option<&Exercise> {
        let id = format!("{}.{number}", lesson.short_name());
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Every demo the course's lessons link, in order, each once.
    pub fn demos(&self) -> Vec<String> {
        let mut seen = std::collections::HashSet::new();
        self.lessons
            .iter()
            .flat_map(|l| &l.sections)
            .flat_map(|s| &s.demos)
            .filter(|d| seen.insert(d.as_str()))
            .cloned()
            .collect()
    }
}

/// The `lang` a lesson's frontmatter declares, when it can be read (the lesson may not load).
fn declared_lang(bytes: &[u8]) -> Option<Lang> {
    let text = std::str::from_utf8(bytes).ok()?;
    let text = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .replace("\r\n", "\n");
    let (frontmatter, _, _) = frontmatter::split(&text).ok()?;
    frontmatter.lang.as_deref().and_then(Lang::from_tag)
}

/// A lesson that could not be found: no such lesson, or a chapter number several lessons share.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotFound {
    pub key: String,
    /// The slugs sharing the chapter number `key`.
    pub ambiguous: Vec<String>,
    /// The lessons there are (for "unknown lesson").
    pub known: Vec<String>,
}

impl NotFound {
    /// What went wrong, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        self.what().word(lang)
    }

    /// What went wrong, to be worded in the reader's language.
    pub fn what(&self) -> Message {
        let key = self.key.as_str();
        if !self.ambiguous.is_empty() {
            return msg!(
                "course-lesson-ambiguous",
                key = key,
                count = self.ambiguous.len(),
                slugs = self.ambiguous.join(", "),
            );
        }
        if self.known.is_empty() {
            msg!("course-lesson-unknown-none-loads", key = key)
        } else {
            msg!("course-lesson-unknown", key = key, known = self.known.join(", "))
        }
    }
}

/// A note for each chapter number that several lessons share: `show N` cannot choose.
fn ambiguous_numbers(lessons: &[Lesson], files: &CourseFiles) -> Vec<Problem> {
    let mut by_number: BTreeMap<u32, Vec<&Lesson>> = BTreeMap::new();
    for lesson in lessons {
        if let Some(number) = lesson.number {
            by_number.entry(number).or_default().push(lesson);
        }
    }
    let mut notes = Vec::new();
    for (number, same) in by_number.into_iter().filter(|(_, l)| l.len() > 1) {
        let slugs: Vec<&str> = same.iter().map(|l| l.slug.as_str()).collect();
        for lesson in &same[1..] {
            let line = files
                .files
                .iter()
                .find(|(path, _)| files.display_path(path) == lesson.file)
                .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
                .and_then(|text| text.lines().position(|l| l.starts_with("sidebar_position")))
                .map_or(1, |i| i + 1);
            notes.push(Problem::new(
                lesson.file.clone(),
                Some(line),
                msg!(
                    "course-number-ambiguous",
                    number = number,
                    count = same.len(),
                    slugs = slugs.join(", "),
                ),
            ));
        }
    }
    notes
}

/// The built-in course, compiled in by `build.rs`.
static BUILTIN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/builtin_course.rs"));

/// The raw files of a course, keyed by their path relative to the course root (`lessons/43-x.md`).
#[derive(Debug, Clone, Default)]
pub struct CourseFiles {
    /// The folder they were read from; `None` for the built-in course.
    pub root: Option<PathBuf>,
    pub files: BTreeMap<String, Vec<u8>>,
    /// Where the lessons are: `lessons`, or a site's `docs` (or `""`: the folder is the docs tree).
    pub lessons_dir: String,
    /// What could not be read (a link out of the folder, a link loop).
    pub problems: Vec<Problem>,
}

impl CourseFiles {
    /// The course compiled into the binary.
    pub fn builtin() -> CourseFiles {
        CourseFiles {
            root: None,
            files: BUILTIN
                .iter()
                .map(|(path, bytes)| (path.to_string(), bytes.to_vec()))
                .collect(),
            lessons_dir: "lessons".into(),
            problems: Vec::new(),
        }
    }

    /// The folder given with `--course`, or the built-in course.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<CourseFiles> {
        match dir {
            Some(dir) => CourseFiles::read_dir(dir),
            None => Ok(CourseFiles::builtin()),
        }
    }

    /// Reads `lessons/` and `exercises/` under `root`; without `lessons/`, a site's `docs/` tree, or
    /// `root` itself as one. Links are followed only inside `root`, never in a loop.
    pub fn read_dir(root: &Path) -> anyhow::Result<CourseFiles> {
        let path = root.display().to_string();
        if !root.is_dir() {
            return Err(Failure::new(msg!("course-not-a-folder", path = path)).into());
        }
        let canonical = root.canonicalize().map_err(|e| {
            Failure::new(msg!(
                "course-folder-unresolved",
                path = path,
                error = e.to_string()
            ))
        })?;
        let lessons_dir = if root.join("lessons").is_dir() || root.join("exercises").is_dir() {
            "lessons"
        } else if root.join("docs").is_dir() {
            "docs"
        } else {
            ""
        };
        let mut reader = tree::Reader::new(&canonical);
        // Of a site's tree, only what makes lessons (not its images, builds or packages).
        reader.only_lessons = true;
        reader.read(&root.join(lessons_dir), lessons_dir)?;
        reader.only_lessons = false;
        if !lessons_dir.is_empty() {
            reader.read(&root.join("exercises"), "exercises")?;
        }
        // The course's own settings, when it has some.
        let config = root.join(config::FILE);
        // A regular file only: a link planted in the course folder is not followed.
        if std::fs::symlink_metadata(&config).is_ok_and(|m| m.file_type().is_file()) {
            let bytes = std::fs::read(&config).map_err(|e| unreadable_file(&config, &e))?;
            reader.files.insert(config::FILE.to_string(), bytes);
        }
        Ok(CourseFiles {
            root: Some(root.to_path_buf()),
            files: reader.files,
            lessons_dir: lessons_dir.to_string(),
            problems: reader.problems,
        })
    }

    /// The name a message should use for a file: its real path for a folder, `lessons/…` for the built-in course.
    pub fn display_path(&self, rel: &str) -> String {
        match &self.root {
            Some(root) => root.join(rel).display().to_string(),
            None => rel.to_string(),
        }
    }

    /// Files directly under `dir` (such as `lessons`) whose name ends with `ext`, in name order.
    pub fn files_in<'a>(
        &'a self,
        dir: &'a str,
        ext: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a [u8])> + 'a {
        self.files.iter().filter_map(move |(path, bytes)| {
            let rest = path.strip_prefix(dir)?.strip_prefix('/')?;
            (!rest.contains('/') && rest.ends_with(ext)).then_some((path.as_str(), bytes.as_slice()))
        })
    }

    /// Every lesson file: `.md` and `.mdx` anywhere under the lessons folder, except READMEs,
    /// partials (`_name.mdx`) and the exercises.
    pub fn lesson_files(&self) -> impl Iterator<Item = (&str, &[u8])> + '_ {
        let prefix = if self.lessons_dir.is_empty() {
            String::new()
        } else {
            format!("{}/", self.lessons_dir)
        };
        self.files.iter().filter_map(move |(path, bytes)| {
            let rest = path.strip_prefix(prefix.as_str())?;
            let name = rest.rsplit('/').next().unwrap_or(rest);
            let lesson = (name.ends_with(".md") || name.ends_with(".mdx"))
                && !name.eq_ignore_ascii_case("README.md")
                && !name.starts_with('_')
                && !path.starts_with("exercises/");
            lesson.then_some((path.as_str(), bytes.as_slice()))
        })
    }

    /// Where a lesson sits in the sidebar: its folders (label and position from `_category_.json`)
    /// and its own position.
    fn place_of(&self, rel: &str, lesson: &Lesson) -> tree::Place {
        let mut folders = Vec::new();
        let mut dir = self.lessons_dir.clone();
        let parts: Vec<&str> = rel.split('/').collect();
        for folder in &parts[..parts.len().saturating_sub(1)] {
            dir = if dir.is_empty() {
                folder.to_string()
            } else {
                format!("{dir}/{folder}")
            };
            let json = self
                .files
                .get(&format!("{dir}/_category_.json"))
                .and_then(|bytes| serde_json::from_slice::<tree::Category>(bytes).ok());
            let yaml = || {
                ["yml", "yaml"].iter().find_map(|ext| {
                    let bytes = self.files.get(&format!("{dir}/_category_.{ext}"))?;
                    serde_yaml::from_slice::<tree::Category>(bytes).ok()
                })
            };
            let category = json.or_else(yaml).unwrap_or_default();
            folders.push(tree::Step {
                position: category.position.or_else(|| tree::leading_number(folder)),
                name: folder.to_string(),
                label: category.label.unwrap_or_else(|| folder.to_string()),
            });
        }
        let name = parts.last().copied().unwrap_or(rel);
        tree::Place {
            folders,
            position: lesson
                .frontmatter
                .sidebar_position
                .or_else(|| tree::leading_number(name)),
            name: name.to_string(),
        }
    }
}

/// A folder of the course that cannot be listed: a [`Failure`] ("could not do it", exit 2) the
/// command line words in the reader's language.
pub fn unreadable_folder(path: &Path, error: &std::io::Error) -> Failure {
    Failure::new(msg!(
        "course-folder-unreadable",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}

/// A file of the course that cannot be read (as above).
pub fn unreadable_file(path: &Path, error: &std::io::Error) -> Failure {
    Failure::new(msg!(
        "course-file-unreadable",
        path = path.display().to_string(),
        error = error.to_string()
    ))
}

/// A problem found while loading a course: the file, the line when known, and what was expected
/// (a catalog message, worded in the reader's language by [`Problem::word`]).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    /// Serialised as its `code` and `values`.
    #[serde(flatten)]
    pub message: Message,
}

impl Problem {
    pub fn new(file: impl Into<String>, line: Option<usize>, message: Message) -> Problem {
        Problem {
            file: file.into(),
            line,
            message,
        }
    }

    /// `file:line: what`, in `lang`: the place first, so that editors and terminals can jump to it.
    pub fn word(&self, lang: Lang) -> String {
        let what = self.message.word(lang);
        match self.line {
            Some(line) => format!("{}:{}: {what}", self.file, line),
            None => format!("{}: {what}", self.file),
        }
    }

    /// The problem for a JSON document: file, line, code and values, and the words in `lang`.
    pub fn json(&self, lang: Lang) -> serde_json::Value {
        let mut value = serde_json::to_value(self).unwrap_or_default();
        if let Some(map) = value.as_object_mut() {
            map.insert("message".into(), self.message.word(lang).into());
        }
        value
    }
}

/// In English: for logs, error chains and tests, where no reader's language is known. What a user
/// reads goes through [`Problem::word`].
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.word(Lang::En))
    }
}
