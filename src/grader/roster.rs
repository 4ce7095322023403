//! A class roster (`--roster FILE`): the LMS's ids, names and emails of the students, so that an
//! export can be imported into the school's gradebook.
//!
//! CSV with a header row. Columns (case and spaces ignored): `id` (required: the LMS's id, such as
//! Canvas's user id or Moodle's `Participant 4021`), `folder` (the class folder's entry for the
//! student: `ada/`, `ada.py`, a Moodle folder; optional when the entries are an LMS's bulk download),
//! `name`, `email`. A submission is mapped to a roster row by its folder or file name, or by the id an
//! LMS put in the entry's name ([`super::bulk_layout`]); never by a person's name.
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use crate::i18n::{OrFail, fail};
use crate::msg;

use super::bulk_layout;

/// One student of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// The class folder's entry (without `/` or `.py`), when the roster names it.
    pub folder: Option<String>,
    pub id: String,
    pub name: String,
    pub email: String,
    /// The line of the roster file (for messages).
    pub line: u64,
}

/// A roster, read.
#[derive(Debug, Clone)]
pub struct Roster {
    pub path: PathBuf,
    pub entries: Vec<RosterEntry>,
    by_folder: HashMap<String, usize>,
    by_id: HashMap<String, usize>,
}

/// How the students of a class (or gradebook) and the roster meet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reconciled {
    /// Student → roster row (index into [`Roster::entries`]).
    pub matched: BTreeMap<String, usize>,
    /// Students the roster does not know.
    pub unknown: Vec<String>,
    /// Roster rows with no student (no submission, or not graded).
    pub missing: Vec<usize>,
}

const FOLDER: &[&str] = &["folder", "file", "student", "submission", "login", "username"];
const ID: &[&str] = &["id", "studentid", "sisuserid", "idnumber", "identifier", "userid"];
const NAME: &[&str] = &["name", "fullname", "studentname"];
const EMAIL: &[&str] = &["email", "emailaddress", "e-mail", "mail"];

impl Roster {
    /// Reads a roster; an error names the file and line.
    pub fn load(path: &Path) -> anyhow::Result<Roster> {
        let bytes =
            std::fs::read(path).or_fail(|| msg!("roster-unreadable", path = path.display().to_string()))?;
        Roster::parse(path, &bytes)
    }

    pub fn parse(path: &Path, bytes: &[u8]) -> anyhow::Result<Roster> {
        let shown = path.display().to_string();
        // Spreadsheets add a byte-order mark; without it, byte offsets are the file's.
        let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .trim(csv::Trim::All)
            .from_reader(bytes);
        let headers = reader
            .headers()
            .or_fail(|| msg!("roster-header", path = &shown))?
            .clone();
        // Headers are compared without case, spaces or `_`.
        let norm = |h: &str| {
            h.chars()
                .filter(|c| !c.is_whitespace() && *c != '_')
                .flat_map(char::to_lowercase)
                .collect::<String>()
        };
        let names: Vec<String> = headers.iter().map(norm).collect();
        let column = |wanted: &[&str]| wanted.iter().find_map(|w| names.iter().position(|n| n == w));
        let Some(id_col) = column(ID) else {
            return fail(msg!(
                "roster-no-id",
                path = &shown,
                columns = headers.iter().collect::<Vec<_>>().join(", ")
            ));
        };
        let (folder_col, name_col, email_col) = (column(FOLDER), column(NAME), column(EMAIL));
        let mut roster = Roster {
            path: path.to_path_buf(),
            entries: Vec::new(),
            by_folder: HashMap::new(),
            by_id: HashMap::new(),
        };
        for record in reader.records() {
            let record = record.or_fail(|| msg!("roster-not-csv", path = &shown))?;
            // From the byte offset: the csv crate's own line count skips blank lines.
            let line = record.position().map_or(0, |p| {
                let mut at = (p.byte() as usize).min(bytes.len());
                // A record's position may be the start of the blank lines before it.
                while at < bytes.len() && matches!(bytes[at], b'\r' | b'\n') {
                    at += 1;
                }
                bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64 + 1
            });
            let get = |col: Option<usize>| col.and_then(|c| record.get(c)).unwrap_or("").to_string();
            if record.iter().all(|f| f.is_empty()) {
                continue;
            }
            let id = get(Some(id_col));
            if id.is_empty() {
                return fail(msg!("roster-id-empty", path = &shown, line = line));
            }
            let folder = Some(get(folder_col))
                .filter(|f| !f.is_empty())
                .map(|f| strip_entry(&f).to_string());
            let index = roster.entries.len();
            if let Some(before) = roster.by_id.insert(id.clone(), index) {
                return fail(msg!(
                    "roster-id-twice",
                    path = &shown,
                    line = line,
                    id = &id,
                    before = roster.entries[before].line
                ));
            }
            if let Some(folder) = &folder
                && let Some(before) = roster.by_folder.insert(folder.clone(), index)
            {
                return fail(msg!(
                    "roster-folder-twice",
                    path = &shown,
                    line = line,
                    folder = folder,
                    before = roster.entries[before].line
                ));
            }
            roster.entries.push(RosterEntry {
                folder,
                id,
                name: get(name_col),
                email: get(email_col),
                line,
            });
        }
        if roster.entries.is_empty() {
            return fail(msg!("roster-empty", path = &shown));
        }
        Ok(roster)
    }

    /// The roster row of a student graded from `submission` (relative to the class folder).
    pub fn lookup(&self, student: &str, submission: &str) -> Option<usize> {
        let first = Path::new(submission)
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        for key in [student, strip_entry(first)] {
            if let Some(&i) = self.by_folder.get(key) {
                return Some(i);
            }
        }
        let bulk = bulk_layout::of_submission(submission)?;
        self.by_id
            .get(&bulk.id)
            .or_else(|| self.by_id.get(&format!("Participant {}", bulk.id)))
            .copied()
    }

    /// Maps every (student, submission) to the roster: who matched, who is unknown, who is missing.
    pub fn reconcile<'a>(&self, students: impl IntoIterator<Item = (&'a str, &'a str)>) -> Reconciled {
        let mut out = Reconciled::default();
        for (student, submission) in students {
            match self.lookup(student, submission) {
                Some(i) => {
                    out.matched.insert(student.to_string(), i);
                }
                None => out.unknown.push(student.to_string()),
            }
        }
        let seen: std::collections::HashSet<usize> = out.matched.values().copied().collect();
        out.missing = (0..self.entries.len()).filter(|i| !seen.contains(i)).collect();
        out.unknown.sort();
        out.unknown.dedup();
        out
    }

    /// How a roster row is named in messages: its name, else its folder, else its id.
    pub fn label(&self, index: usize) -> String {
        let e = &self.entries[index];
        if !e.name.is_empty() {
            format!("{} ({})", e.name, e.id)
        } else {
            e.folder.clone().unwrap_or_else(|| e.id.clone())
        }
    }
}

/// `ada/` → `ada`, `ada.py` → `ada`.
fn strip_entry(entry: &str) -> &str {
    let entry = entry.trim_end_matches('/');
    entry.strip_suffix(".py").unwrap_or(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(text: &str) -> anyhow::Result<Roster> {
        Roster::parse(Path::new("r.csv"), text.as_bytes())
    }

    #[test]
    fn columns_in_any_order_and_spelling() {
        let r = roster("\u{feff}Email, Student_ID ,Full Name,Folder\nada@x.org,17,\"Lovelace, Ada\",ada/\n\nb@x.org,18,Bob,bob.py\n")
            .unwrap();
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.entries[0].name, "Lovelace, Ada");
        assert_eq!(r.entries[0].folder.as_deref(), Some("ada"));
        assert_eq!(r.entries[1].folder.as_deref(), Some("bob"));
        assert_eq!(r.entries[1].line, 4);
    }

    #[test]
    fn errors_name_the_line() {
        let err = roster("id,folder\n1,ada\n1,bob\n").unwrap_err().to_string();
        assert!(err.contains("r.csv:3") && err.contains("line 2"), "{err}");
        let err = roster("folder,name\nada,Ada\n").unwrap_err().to_string();
        assert!(err.contains("r.csv:1") && err.contains("no `id`"), "{err}");
        assert!(roster("id\n").is_err());
        let err = roster("id,folder\n1,ada\n2,ada\n").unwrap_err().to_string();
        assert!(err.contains("r.csv:3"), "{err}");
    }

    #[test]
    fn mapping_by_folder_and_by_lms_id_never_by_name() {
        let r =
            roster("id,folder,name\n17,ada,Ada\n4021,,Bob Martin\n1234,,cid\nParticipant 77,,Dan\n55,,Eve\n")
                .unwrap();
        let class = [
            ("ada", "ada/compteur.py"),
            (
                "Bob Martin_4021_assignsubmission_file_",
                "Bob Martin_4021_assignsubmission_file_/x.py",
            ),
            ("cid_1234", "cid_1234_999_compteur.py"),
            (
                "Dan_77_assignsubmission_file_",
                "Dan_77_assignsubmission_file_/compteur.py",
            ),
            // A name alone is never enough.
            ("Eve", "Eve.py"),
        ];
        let rec = r.reconcile(class.iter().copied());
        assert_eq!(rec.matched.get("ada"), Some(&0));
        assert_eq!(
            rec.matched.get("Bob Martin_4021_assignsubmission_file_"),
            Some(&1)
        );
        assert_eq!(rec.matched.get("cid_1234"), Some(&2));
        assert_eq!(rec.matched.get("Dan_77_assignsubmission_file_"), Some(&3));
        assert_eq!(rec.unknown, ["Eve"]);
        assert_eq!(rec.missing, [4]);
        assert_eq!(r.label(4), "Eve (55)");
    }
}
