//! A class folder: which file is each student's submission, and which student belongs to which
//! shard. Layouts: `DIR/<student>/…` (the file the spec names, else the only `.py`) or
//! `DIR/<student>.py`, and the bulk downloads of Moodle and Canvas (see [`bulk_layout`]). Anything
//! else is reported with the reason, never guessed.
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::bulk_layout;
use crate::i18n::{Failure, Message, OrFail, fail};
use crate::msg;

pub use super::submission_file::MAX_SUBMISSION_BYTES;
/// How deep a student's folder is searched (an unzipped upload often adds a wrapper folder).
const MAX_DEPTH: usize = 3;

/// One student's submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    pub student: String,
    /// The file graded.
    pub path: PathBuf,
    /// The same, relative to the class folder (what records and messages show).
    pub rel: String,
}

/// An entry of the class folder that is not graded, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct NotGraded {
    /// The student it would be (the entry's name without `.py`).
    pub student: String,
    /// The entry, relative to the class folder.
    pub entry: String,
    /// Why, worded by whoever shows it.
    pub reason: Message,
}

/// A class folder, read.
#[derive(Debug, Clone, Default)]
pub struct Class {
    /// By student name.
    pub submissions: Vec<Submission>,
    pub not_graded: Vec<NotGraded>,
}

impl Class {
    /// Keeps only the students of shard `shard` (and the problems of those students).
    pub fn keep_shard(&mut self, shard: Shard) {
        self.submissions.retain(|s| shard.contains(&s.student));
        self.not_graded.retain(|p| shard.contains(&p.student));
    }
}

/// Reads a class folder. `expected` is the file name the spec gives the submission (`compteur.py`);
/// entries for which `ignore` holds (the grader's own gradebook or exports) are skipped.
pub fn discover(dir: &Path, expected: &str, ignore: &dyn Fn(&Path) -> bool) -> anyhow::Result<Class> {
    let unreadable = || msg!("class-unreadable", path = dir.display().to_string());
    let meta = fs::metadata(dir).or_fail(unreadable)?;
    if !meta.is_dir() {
        return fail(msg!("class-not-folder", path = dir.display().to_string()));
    }
    // By student, the entries that claim the name (to catch `alice.py` beside `alice/`).
    let mut claims: BTreeMap<String, Vec<Result<Submission, NotGraded>>> = BTreeMap::new();
    // Entries that are neither a `.py` file nor a folder: reported, and no one's claim.
    let mut others = Vec::new();
    let mut canvas: BTreeMap<String, Vec<(PathBuf, bulk_layout::BulkName)>> = BTreeMap::new();
    let entries = fs::read_dir(dir).or_fail(unreadable)?;
    for entry in entries {
        let entry = entry.or_fail(unreadable)?;
        let os_name = entry.file_name();
        let Some(name) = os_name.to_str() else {
            let shown = os_name.to_string_lossy().into_owned();
            others.push(NotGraded {
                student: shown.clone(),
                entry: shown,
                reason: msg!("grade-name-not-utf8"),
            });
            continue;
        };
        // Hidden files (.git, .DS_Store, a gradebook's -wal) and caches are not submissions.
        if name.starts_with('.') || name == "__pycache__" {
            continue;
        }
        let path = entry.path();
        if ignore(&path) {
            continue;
        }
        // Never follow a link: a submission must be the student's own file, not one it points at.
        let kind =
            fs::symlink_metadata(&path).or_fail(|| msg!("file-read", path = path.display().to_string()))?;
        // Canvas's bulk download: a student's files side by side, chosen among after the loop.
        if let Some(bulk) = bulk_layout::recognize(name, false).filter(|_| kind.is_file()) {
            canvas.entry(bulk.key.clone()).or_default().push((path, bulk));
            continue;
        }
        if kind.is_dir() {
            let claim = from_folder(dir, &path, name, expected);
            claims.entry(name.to_string()).or_default().push(claim);
        } else if let Some(stem) = name.strip_suffix(".py").filter(|_| kind.is_file()) {
            let claim = checked_file(dir, stem, &path);
            claims.entry(stem.to_string()).or_default().push(claim);
        } else {
            let student = name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string();
            let student = if student.is_empty() {
                name.to_string()
            } else {
                student
            };
            let reason = if kind.file_type().is_symlink() {
                msg!("grade-symbolic-link")
            } else if !kind.is_file() {
                msg!("grade-special-file")
            } else {
                msg!("grade-not-a-submission", student = &student)
            };
            others.push(NotGraded {
                student,
                entry: name.to_string(),
                reason,
            });
        }
    }
    for (student, files) in canvas {
        let claim = bulk_layout::pick_canvas(&files, expected)
            .map_err(|reason| NotGraded {
                student: student.clone(),
                entry: relative(dir, &files[0].0),
                reason: msg!("grade-bulk-download", problem = reason),
            })
            .and_then(|path| checked_file(dir, &student, &path));
        claims.entry(student).or_default().push(claim);
    }
    let mut class = Class {
        not_graded: others,
        ..Class::default()
    };
    for (student, mut found) in claims {
        if found.len() > 1 {
            class.not_graded.push(NotGraded {
                student: student.clone(),
                entry: student.clone(),
                reason: msg!("grade-file-and-folder", student = &student),
            });
            continue;
        }
        match found.pop() {
            Some(Ok(submission)) => class.submissions.push(submission),
            Some(Err(problem)) => class.not_graded.push(problem),
            None => {}
        }
    }
    class
        .not_graded
        .sort_by(|a, b| a.student.cmp(&b.student).then_with(|| a.entry.cmp(&b.entry)));
    Ok(class)
}

/// The submission in a student's folder: the file the spec names, else the only `.py` (also the
/// Gradescope autograder's rule for /autograder/submission/).
pub(crate) fn from_folder(
    root: &Path,
    folder: &Path,
    student: &str,
    expected: &str,
) -> Result<Submission, NotGraded> {
    let mut python = Vec::new();
    let mut other = 0usize;
    collect_python(folder, 0, &mut python, &mut other);
    let problem = |reason: Message| NotGraded {
        student: student.to_string(),
        entry: format!("{student}/"),
        reason,
    };
    let named: Vec<&PathBuf> = python
        .iter()
        .filter(|p| p.file_name().is_some_and(|n| n == expected))
        .collect();
    let chosen = match (named.as_slice(), python.as_slice()) {
        ([one], _) => (*one).clone(),
        ([], [one]) => one.clone(),
        ([], []) if other == 0 => {
            return Err(problem(msg!("grade-empty-folder")));
        }
        ([], []) => {
            return Err(problem(msg!(
                "grade-no-python-file",
                expected = expected,
                others = other
            )));
        }
        ([], many) => {
            return Err(problem(msg!(
                "grade-python-files-none-named",
                count = many.len(),
                expected = expected,
                files = shown(root, many)
            )));
        }
        (many, _) => {
            let many: Vec<PathBuf> = many.iter().map(|p| (*p).clone()).collect();
            return Err(problem(msg!(
                "grade-files-named",
                count = many.len(),
                expected = expected,
                files = shown(root, &many)
            )));
        }
    };
    checked_file(root, student, &chosen)
}

/// `.py` files under `dir` (not following links, skipping hidden entries), and a count of the rest.
fn collect_python(dir: &Path, depth: usize, python: &mut Vec<PathBuf>, other: &mut usize) {
    let Ok(entries) = fs::read_dir(dir) else {
        *other += 1;
        return;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "__pycache__" {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() && depth + 1 < MAX_DEPTH {
            collect_python(&entry.path(), depth + 1, python, other);
        } else if kind.is_file() && name.ends_with(".py") {
            python.push(entry.path());
        } else {
            *other += 1;
        }
    }
}

fn shown(root: &Path, paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| relative(root, p))
        .collect::<Vec<_>>()
        .join(", ")
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

/// A regular file of a sensible size, as a submission.
fn checked_file(root: &Path, student: &str, path: &Path) -> Result<Submission, NotGraded> {
    let rel = relative(root, path);
    let problem = |reason: Message| NotGraded {
        student: student.to_string(),
        entry: rel.clone(),
        reason,
    };
    match fs::symlink_metadata(path) {
        Ok(meta) if !meta.is_file() => Err(problem(msg!("grade-not-regular-file"))),
        Ok(meta) if meta.len() > MAX_SUBMISSION_BYTES => Err(problem(msg!(
            "grade-too-large",
            size = meta.len(),
            max_kib = MAX_SUBMISSION_BYTES >> 10
        ))),
        Ok(_) => Ok(Submission {
            student: student.to_string(),
            path: path.to_path_buf(),
            rel: rel.clone(),
        }),
        Err(err) => Err(problem(msg!("grade-unreadable", error = err.to_string()))),
    }
}

/// Shard `index` (from 1) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u32,
    pub count: u32,
}

impl Shard {
    /// `K/N` with 1 ≤ K ≤ N.
    pub fn parse(text: &str) -> anyhow::Result<Shard> {
        let bad = || anyhow::Error::from(Failure::new(msg!("grade-shard-syntax", text = text)));
        let (k, n) = text.split_once('/').ok_or_else(bad)?;
        let index: u32 = k.trim().parse().map_err(|_| bad())?;
        let count: u32 = n.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether `student` belongs to this shard: by a hash of the name alone, so that every
    /// machine, build and run puts a student in the same shard, whatever else is in the folder.
    pub fn contains(&self, student: &str) -> bool {
        shard_of(student, self.count) == self.index
    }
}

/// The shard (from 1) of a student among `count`: SHA-256 of the name, first 8 bytes, modulo.
pub fn shard_of(student: &str, count: u32) -> u32 {
    let digest = Sha256::digest(student.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    (u64::from_be_bytes(first) % u64::from(count.max(1))) as u32 + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_parsing() {
        assert_eq!(Shard::parse("2/3").unwrap(), Shard { index: 2, count: 3 });
        for bad in ["0/3", "4/3", "1/0", "x/2", "3", ""] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_partition_students() {
        let names: Vec<String> = (0..200).map(|i| format!("student{i}")).collect();
        let mut sizes = [0; 3];
        for name in &names {
            let owners: Vec<u32> = (1..=3)
                .filter(|&k| Shard { index: k, count: 3 }.contains(name))
                .collect();
            assert_eq!(owners.len(), 1, "{name}");
            sizes[owners[0] as usize - 1] += 1;
        }
        // A hash spreads 200 names: no shard empty or holding most of them.
        assert!(sizes.iter().all(|&s| s > 30), "{sizes:?}");
        // Stable: the same name, the same shard (a fixed value guards against a changed hash).
        assert_eq!(shard_of("alice", 4), shard_of("alice", 4));
    }

    #[test]
    fn layouts_and_problems() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::write(root.join("ann.py"), "print(1)").unwrap();
        // Not a submission, but it does not stand in the way of ann.py.
        fs::write(root.join("ann.txt"), "").unwrap();
        fs::create_dir_all(root.join("bob/sub")).unwrap();
        fs::write(root.join("bob/sub/anything.py"), "print(2)").unwrap();
        fs::create_dir(root.join("cid")).unwrap();
        fs::write(root.join("cid/a.py"), "").unwrap();
        fs::write(root.join("cid/b.py"), "").unwrap();
        fs::create_dir(root.join("dan")).unwrap();
        fs::write(root.join("dan/a.py"), "").unwrap();
        fs::write(root.join("dan/compteur.py"), "").unwrap();
        fs::create_dir(root.join("eve")).unwrap();
        fs::write(root.join("notes.txt"), "").unwrap();
        fs::write(root.join("fay.py"), "").unwrap();
        fs::create_dir(root.join("fay")).unwrap();
        fs::write(root.join(".hidden.py"), "").unwrap();
        std::os::unix::fs::symlink("/etc/passwd", root.join("gus.py")).unwrap();
        nix::unistd::mkfifo(&root.join("hub.py"), nix::sys::stat::Mode::S_IRWXU).unwrap();

        let class = discover(root, "compteur.py", &|_| false).unwrap();
        let graded: Vec<(&str, &str)> = class
            .submissions
            .iter()
            .map(|s| (s.student.as_str(), s.rel.as_str()))
            .collect();
        assert_eq!(
            graded,
            [
                ("ann", "ann.py"),
                ("bob", "bob/sub/anything.py"),
                ("dan", "dan/compteur.py")
            ]
        );
        let problems: Vec<&str> = class.not_graded.iter().map(|p| p.student.as_str()).collect();
        assert_eq!(problems, ["ann", "cid", "eve", "fay", "gus", "hub", "notes"]);
        let reason = |i: usize| class.not_graded[i].reason.word(crate::i18n::Lang::En);
        assert!(reason(0).contains("not a submission"));
        assert!(reason(1).contains("not guessed"));
        assert!(reason(2).contains("empty"));
        assert!(reason(3).contains("both"));
        assert!(reason(4).contains("symbolic link"));
        assert!(reason(5).contains("named pipe"));
    }
}
