//! A course folder read as a site's `docs/` tree: sub-folders are sidebar categories
//! (`_category_.json`: label, position), lessons are `.md` and `.mdx`, ordered as the site's
//! sidebar does. Reading never follows a link out of the folder or round a loop.
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Problem, unreadable_file, unreadable_folder};
use crate::i18n::Message;
use crate::msg;

/// A folder's `_category_.json` (the keys atelier uses; the others are the site's).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Category {
    pub label: Option<String>,
    pub position: Option<f64>,
}

/// One folder on the way to a lesson.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Step {
    pub position: Option<f64>,
    /// The folder's name (ties are broken by it).
    pub name: String,
    /// What the sidebar shows.
    pub label: String,
}

/// Where a lesson sits in the sidebar.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Place {
    pub folders: Vec<Step>,
    pub position: Option<f64>,
    pub name: String,
}

/// The number a name starts with (`06-fonctions` → 6), which orders it when no position is given.
pub fn leading_number(name: &str) -> Option<f64> {
    let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
    digits.parse::<u32>().ok().map(f64::from)
}

/// Sidebar order of one level: items with a position first (by position), then by name.
fn by_position(a: (Option<f64>, &str), b: (Option<f64>, &str)) -> Ordering {
    let pos = |p: Option<f64>| p.unwrap_or(f64::INFINITY);
    pos(a.0).total_cmp(&pos(b.0)).then_with(|| a.1.cmp(b.1))
}

/// The sidebar order of two lessons: folder by folder, then the lessons themselves. At a level
/// where one is a lesson and the other a folder, both are items of that folder and compare alike.
pub fn compare(a: &Place, b: &Place) -> Ordering {
    let item = |p: &Place, depth: usize| -> (Option<f64>, String) {
        match p.folders.get(depth) {
            Some(step) => (step.position, step.name.clone()),
            None => (p.position, p.name.clone()),
        }
    };
    let depth = a.folders.len().max(b.folders.len());
    for level in 0..=depth {
        let (x, y) = (item(a, level), item(b, level));
        let order = by_position((x.0, &x.1), (y.0, &y.1));
        if order != Ordering::Equal {
            return order;
        }
        if level >= a.folders.len() || level >= b.folders.len() {
            break;
        }
    }
    a.folders.len().cmp(&b.folders.len())
}

/// Reads a folder's files, following symbolic links only to places inside the course folder and
/// only once (a link to an ancestor would loop).
pub struct Reader {
    canonical_root: PathBuf,
    visited: HashSet<PathBuf>,
    pub files: BTreeMap<String, Vec<u8>>,
    pub problems: Vec<Problem>,
    /// Keep only `.md`, `.mdx` and `_category_` files.
    pub only_lessons: bool,
}

impl Reader {
    pub fn new(canonical_root: &Path) -> Reader {
        Reader {
            canonical_root: canonical_root.to_path_buf(),
            visited: HashSet::new(),
            files: BTreeMap::new(),
            problems: Vec::new(),
            only_lessons: false,
        }
    }

    fn problem(&mut self, path: &Path, message: Message) {
        self.problems
            .push(Problem::new(path.display().to_string(), None, message));
    }

    /// Reads `dir` (named `rel` relative to the course root) and everything under it.
    pub fn read(&mut self, dir: &Path, rel: &str) -> anyhow::Result<()> {
        let canonical = match dir.canonicalize() {
            Ok(path) => path,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(err) => {
                return Err(unreadable_folder(dir, &err).into());
            }
        };
        if !self.visited.insert(canonical) {
            return Ok(());
        }
        let entries = fs::read_dir(dir).map_err(|e| unreadable_folder(dir, &e))?;
        let mut entries: Vec<_> = entries
            .collect::<Result<_, _>>()
            .map_err(|e| unreadable_folder(dir, &e))?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') || name == "__pycache__" || name == "node_modules" {
                continue;
            }
            let child_rel = if rel.is_empty() {
                name.clone()
            } else {
                format!("{rel}/{name}")
            };
            let kind = entry.file_type().map_err(|e| unreadable_file(&path, &e))?;
            let is_dir = if kind.is_symlink() {
                match path.canonicalize() {
                    Err(err) => {
                        let why = if err.raw_os_error() == Some(libc::ELOOP) {
                            msg!("course-link-loop")
                        } else {
                            msg!("course-link-dangling", error = err.to_string())
                        };
                        self.problem(&path, why);
                        continue;
                    }
                    Ok(target) if !target.starts_with(&self.canonical_root) => {
                        self.problem(
                            &path,
                            msg!("course-link-outside", target = target.display().to_string()),
                        );
                        continue;
                    }
                    Ok(target) if target.is_dir() && self.visited.contains(&target) => {
                        self.problem(
                            &path,
                            msg!("course-link-back", target = target.display().to_string()),
                        );
                        continue;
                    }
                    Ok(target) => target.is_dir(),
                }
            } else {
                kind.is_dir()
            };
            let lesson_file = name.ends_with(".md")
                || name.ends_with(".mdx")
                || matches!(
                    name.as_str(),
                    "_category_.json" | "_category_.yml" | "_category_.yaml"
                );
            if is_dir {
                self.read(&path, &child_rel)?;
            } else if self.only_lessons && !lesson_file {
                continue;
            } else {
                let bytes = fs::read(&path).map_err(|e| unreadable_file(&path, &e))?;
                self.files.insert(child_rel, bytes);
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(folders: &[(Option<f64>, &str)], position: Option<f64>, name: &str) -> Place {
        Place {
            folders: folders
                .iter()
                .map(|(p, n)| Step {
                    position: *p,
                    name: n.to_string(),
                    label: n.to_string(),
                })
                .collect(),
            position,
            name: name.into(),
        }
    }

    #[test]
    fn sidebar_order() {
        let intro = place(&[], Some(1.0), "intro.md");
        let basics = place(&[(Some(2.0), "basics")], Some(1.0), "vars.md");
        let basics2 = place(&[(Some(2.0), "basics")], None, "loops.md");
        let advanced = place(&[(Some(3.0), "advanced")], Some(1.0), "a.md");
        let unpositioned = place(&[], None, "zz.md");
        let mut all = [&unpositioned, &advanced, &basics2, &basics, &intro];
        all.sort_by(|a, b| compare(a, b));
        let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["intro.md", "vars.md", "loops.md", "a.md", "zz.md"]);
    }
}
