//! Exercise folders (`exercises/<id>-<slug>/`): the spec, the reference solution, the starter.
use std::collections::BTreeMap;

use super::{CourseFiles, Problem};

/// One exercise folder, read but not yet judged.
#[derive(Debug, Clone)]
pub struct Exercise {
    /// `43.1`
    pub id: String,
    /// The folder's path relative to the course root (`exercises/43.1-nombres-premiers`).
    pub dir: String,
    /// The folder's files by name (`exercise.yaml`, `solution.py`, `starter.py`, …).
    pub files: BTreeMap<String, Vec<u8>>,
}

impl Exercise {
    /// The name of the folder's `stem` file (`solution`, `starter`) for a submission named
    /// `submission`: `solution.js` for `prog.js` when the folder has it, else `solution.py`.
    pub fn bundled_name(&self, stem: &str, submission: &str) -> String {
        let by_extension = submission
            .rsplit_once('.')
            .map(|(_, ext)| format!("{stem}.{ext}"))
            .filter(|name| self.files.contains_key(name));
        by_extension.unwrap_or_else(|| format!("{stem}.py"))
    }
}

/// Every exercise folder of a course, and the problems found on the way.
pub fn load_all(course: &CourseFiles) -> (Vec<Exercise>, Vec<Problem>) {
    let mut by_dir: BTreeMap<String, BTreeMap<String, Vec<u8>>> = BTreeMap::new();
    for (path, bytes) in &course.files {
        let Some(rest) = path.strip_prefix("exercises/") else {
            continue;
        };
        let Some((dir, name)) = rest.split_once('/') else {
            continue;
        };
        by_dir
            .entry(format!("exercises/{dir}"))
            .or_default()
            .insert(name.to_string(), bytes.clone());
    }
    let mut exercises = Vec::new();
    let mut problems = Vec::new();
    for (dir, files) in by_dir {
        let folder = dir.trim_start_matches("exercises/");
        let id = folder.split_once('-').map_or(folder, |(id, _)| id).to_string();
        if !files.contains_key("exercise.yaml") {
            problems.push(Problem::new(
                course.display_path(&dir),
                None,
                crate::msg!("course-exercise-no-spec"),
            ));
            continue;
        }
        exercises.push(Exercise { id, dir, files });
    }
    (exercises, problems)
}

/// The exercise with this id (`43.1`) or folder name (`43.1-nombres-premiers`); an unknown one is
/// an error listing the known ids.
pub fn find(files: &CourseFiles, id: &str) -> anyhow::Result<Exercise> {
    let (exercises, _problems) = load_all(files);
    let wanted = id.trim().trim_end_matches('/');
    let wanted = wanted.rsplit('/').next().unwrap_or(wanted);
    if let Some(found) = exercises
        .iter()
        .find(|e| e.id == wanted || e.dir.rsplit('/').next() == Some(wanted))
    {
        return Ok(found.clone());
    }
    let known: Vec<&str> = exercises.iter().map(|e| e.id.as_str()).collect();
    anyhow::bail!(
        "unknown exercise `{id}`; known exercises: {}",
        if known.is_empty() {
            "(none)".to_string()
        } else {
            known.join(", ")
        }
    )
}
