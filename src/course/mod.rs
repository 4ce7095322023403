//! Loading a course (built-in or a folder): lessons, their model and parser, exercise specs.
//!
//! A course is first read into [`CourseFiles`] (relative path → bytes), whether it comes from the
//! binary or from a folder, so that parsing never cares where the text came from.
pub mod config;
pub mod exercise;
pub mod frontmatter;
pub mod lesson;
pub mod parse;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

pub use exercise::Exercise;
pub use lesson::{Block, ExerciseEntry, Lesson, Question, Section};

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
}

impl Course {
    /// The built-in course, or the folder given with `--course`.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<Course> {
        Ok(Course::from_files(CourseFiles::load(dir)?))
    }

    /// Parses every lesson and exercise of `files`.
    pub fn from_files(files: CourseFiles) -> Course {
        let mut lessons = Vec::new();
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        for (path, bytes) in files.files_in("lessons", ".md") {
            let name = path.rsplit('/').next().unwrap_or(path);
            if name.eq_ignore_ascii_case("README.md") {
                continue;
            }
            let slug = name.trim_end_matches(".md");
            let display = files.display_path(path);
            match parse::parse_lesson(&display, slug, bytes) {
                Ok(parsed) => {
                    notes.extend(parsed.notes.into_iter().map(|(line, message)| Problem {
                        file: display.clone(),
                        line: Some(line),
                        message,
                    }));
                    lessons.push(parsed.lesson);
                }
                Err(err) => problems.push(Problem {
                    file: display,
                    line: Some(err.line),
                    message: err.message,
                }),
            }
        }
        lessons.sort_by(|a, b| a.number.cmp(&b.number).then_with(|| a.slug.cmp(&b.slug)));
        let (exercises, exercise_problems) = exercise::load_all(&files);
        problems.extend(exercise_problems);
        Course {
            files,
            lessons,
            exercises,
            problems,
            notes,
        }
    }

    /// A lesson by chapter number or slug; the error lists the lessons there are.
    pub fn find_lesson(&self, key: &str) -> Result<usize, String> {
        let key = key.trim();
        let found = self.lessons.iter().position(|l| {
            l.slug == key
                || l.number.is_some_and(|n| n.to_string() == key)
                || l.slug.split_once('-').is_some_and(|(_, rest)| rest == key)
        });
        found.ok_or_else(|| {
            let known: Vec<String> = self
                .lessons
                .iter()
                .map(|l| format!("{} ({})", l.short_name(), l.slug))
                .collect();
            if known.is_empty() {
                format!("unknown lesson `{key}`: this course has no lesson that loads")
            } else {
                format!("unknown lesson `{key}`; lessons: {}", known.join(", "))
            }
        })
    }

    /// The exercise folder of `lesson`'s exercise `number` (id `<chapter>.<number>`).
    pub fn exercise_for(&self, lesson: &Lesson, number: u32) -> Option<&Exercise> {
        let id = format!("{}.{number}", lesson.short_name());
        self.exercises.iter().find(|e| e.id == id)
    }
}

/// The built-in course, compiled in by `build.rs`.
static BUILTIN: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/builtin_course.rs"));

/// The raw files of a course, keyed by their path relative to the course root (`lessons/43-x.md`).
#[derive(Debug, Clone, Default)]
pub struct CourseFiles {
    /// The folder they were read from; `None` for the built-in course.
    pub root: Option<PathBuf>,
    pub files: BTreeMap<String, Vec<u8>>,
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
        }
    }

    /// The folder given with `--course`, or the built-in course.
    pub fn load(dir: Option<&Path>) -> anyhow::Result<CourseFiles> {
        match dir {
            Some(dir) => CourseFiles::read_dir(dir),
            None => Ok(CourseFiles::builtin()),
        }
    }

    /// Reads `lessons/` and `exercises/` under `root`.
    pub fn read_dir(root: &Path) -> anyhow::Result<CourseFiles> {
        if !root.is_dir() {
            anyhow::bail!(
                "{}: not a course folder (expected a folder with lessons/ and exercises/)",
                root.display()
            );
        }
        let mut files = BTreeMap::new();
        for top in ["lessons", "exercises"] {
            read_tree(root, &root.join(top), &mut files)?;
        }
        // The course's own settings, when it has some.
        let config = root.join(config::FILE);
        if config.is_file() {
            let bytes = fs::read(&config).with_context(|| format!("{}: cannot read", config.display()))?;
            files.insert(config::FILE.to_string(), bytes);
        }
        Ok(CourseFiles {
            root: Some(root.to_path_buf()),
            files,
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
}

fn read_tree(root: &Path, dir: &Path, files: &mut BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(err) => return Err(err).with_context(|| format!("{}: cannot read the folder", dir.display())),
    };
    for entry in entries {
        let entry = entry.with_context(|| format!("{}: cannot read the folder", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') || name == "__pycache__" {
            continue;
        }
        if path.is_dir() {
            read_tree(root, &path, files)?;
        } else {
            let bytes = fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
            let rel = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, bytes);
        }
    }
    Ok(())
}

/// A problem found while loading a course: the file, the line when known, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}
