//! The names an LMS gives submissions in its bulk download, recognised so that a roster can map
//! them to students by the platform's own id, never by guessing from a person's name.
//!
//! - Moodle: one folder per student, `Full Name_12345_assignsubmission_file_/…` (12345 is the
//!   participant id of the assignment, "Participant 12345" in Moodle's grading worksheet). The
//!   folder is the student, as in atelier's own folder layout.
//! - Canvas: flat files `name_12345_67890_file.py` (user id, then submission id), or
//!   `name_LATE_12345_67890_file.py`; a resubmitted file gets `-1`, `-2` before its extension. The
//!   student is `name_12345` (the submission id changes with each resubmission, the user id does
//!   not), and their `.py` file is chosen like one in a folder.
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// Which LMS named the entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Moodle,
    Canvas,
}

/// A class entry named by an LMS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkName {
    pub platform: Platform,
    /// The student's key in the class: the Moodle folder, or Canvas's `name_userid`.
    pub key: String,
    /// The platform's id of the student (Moodle participant id, Canvas user id).
    pub id: String,
    /// Canvas marked the submission late.
    pub late: bool,
    /// The student's own file name (Canvas), without Canvas's `-N` resubmission suffix.
    pub file: Option<String>,
}

static MOODLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>.+)_(?P<id>\d+)_(?:assignsubmission|assignfeedback)_[a-z]+_?$")
        .expect("valid regex")
});
static CANVAS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<name>[^_]+)(?P<late>_LATE)?_(?P<uid>\d+)_(?P<sid>\d+)_(?P<file>.+)$")
        .expect("valid regex")
});
static RESUBMITTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<stem>.+)-\d+(?P<ext>\.[^.]+)$").expect("valid regex"));

/// Recognises a class entry's name (a folder when `is_dir`).
pub fn recognize(entry: &str, is_dir: bool) -> Option<BulkName> {
    if is_dir {
        let caps = MOODLE.captures(entry)?;
        return Some(BulkName {
            platform: Platform::Moodle,
            key: entry.to_string(),
            id: caps["id"].to_string(),
            late: false,
            file: None,
        });
    }
    let caps = CANVAS.captures(entry)?;
    let file = &caps["file"];
    let file = match RESUBMITTED.captures(file) {
        Some(c) => format!("{}{}", &c["stem"], &c["ext"]),
        None => file.to_string(),
    };
    Some(BulkName {
        platform: Platform::Canvas,
        key: format!("{}_{}", &caps["name"], &caps["uid"]),
        id: caps["uid"].to_string(),
        late: caps.name("late").is_some(),
        file: Some(file),
    })
}

/// The platform name of a graded submission, from its path relative to the class folder (its
/// first component is the folder or file the LMS named).
pub fn of_submission(rel: &str) -> Option<BulkName> {
    let mut parts = Path::new(rel).components();
    let first = parts.next()?.as_os_str().to_str()?;
    let is_dir = parts.next().is_some();
    recognize(first, is_dir)
}

/// Which of a Canvas student's files to grade: the one named as the spec says, else the only
/// `.py`; `Err` says why none is chosen (several candidates are never guessed between).
pub fn pick_canvas(files: &[(PathBuf, BulkName)], expected: &str) -> Result<PathBuf, String> {
    let python: Vec<&(PathBuf, BulkName)> = files
        .iter()
        .filter(|(_, n)| n.file.as_deref().is_some_and(|f| f.ends_with(".py")))
        .collect();
    let named: Vec<&&(PathBuf, BulkName)> = python
        .iter()
        .filter(|(_, n)| n.file.as_deref() == Some(expected))
        .collect();
    let shown = |list: &[&(PathBuf, BulkName)]| {
        list.iter()
            .filter_map(|(p, _)| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (named.as_slice(), python.as_slice()) {
        ([one], _) => Ok(one.0.clone()),
        ([], [one]) => Ok(one.0.clone()),
        ([], []) => Err(format!("no `.py` file (expected `{expected}`)")),
        ([], many) => Err(format!(
            "{} `.py` files and none named `{expected}` ({}): which one to grade is not guessed",
            many.len(),
            shown(many)
        )),
        (many, _) => {
            let many: Vec<&(PathBuf, BulkName)> = many.iter().map(|x| **x).collect();
            Err(format!(
                "{} files named `{expected}` ({}): which one to grade is not guessed",
                many.len(),
                shown(&many)
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moodle_folders() {
        let n = recognize("Ada Lovelace_4021_assignsubmission_file_", true).unwrap();
        assert_eq!(n.platform, Platform::Moodle);
        assert_eq!(n.id, "4021");
        assert_eq!(n.key, "Ada Lovelace_4021_assignsubmission_file_");
        assert!(recognize("Ada Lovelace_4021_assignsubmission_file_", false).is_none());
        assert!(recognize("ada", true).is_none());
    }

    #[test]
    fn canvas_files() {
        let n = recognize("lovelaceada_1234_98765_compteur.py", false).unwrap();
        assert_eq!(n.platform, Platform::Canvas);
        assert_eq!(
            (n.key.as_str(), n.id.as_str(), n.late),
            ("lovelaceada_1234", "1234", false)
        );
        assert_eq!(n.file.as_deref(), Some("compteur.py"));
        let late = recognize("lovelaceada_LATE_1234_98766_compteur-2.py", false).unwrap();
        assert_eq!(late.key, "lovelaceada_1234");
        assert!(late.late);
        assert_eq!(late.file.as_deref(), Some("compteur.py"));
        let underscored = recognize("babbage_77_5_mon_compteur.py", false).unwrap();
        assert_eq!(underscored.file.as_deref(), Some("mon_compteur.py"));
        assert!(recognize("ada.py", false).is_none());
        assert!(recognize("ada_lovelace.py", false).is_none());
    }

    #[test]
    fn from_a_submission_path() {
        assert_eq!(
            of_submission("Ada_4021_assignsubmission_file_/compteur.py").map(|n| n.id),
            Some("4021".into())
        );
        assert_eq!(
            of_submission("ada_12_34_compteur.py").map(|n| n.id),
            Some("12".into())
        );
        assert!(of_submission("ada/compteur.py").is_none());
    }

    #[test]
    fn picking_a_canvas_file() {
        let f = |name: &str| (PathBuf::from(name), recognize(name, false).unwrap());
        let files = [
            f("ada_1_2_compteur.py"),
            f("ada_1_2_helper.py"),
            f("ada_1_2_notes.txt"),
        ];
        assert_eq!(
            pick_canvas(&files, "compteur.py").unwrap(),
            PathBuf::from("ada_1_2_compteur.py")
        );
        assert!(
            pick_canvas(&files, "other.py")
                .unwrap_err()
                .contains("not guessed")
        );
        assert_eq!(
            pick_canvas(&files[1..], "compteur.py").unwrap(),
            PathBuf::from("ada_1_2_helper.py")
        );
        assert!(
            pick_canvas(&files[2..], "compteur.py")
                .unwrap_err()
                .contains("no `.py`")
        );
    }
}
