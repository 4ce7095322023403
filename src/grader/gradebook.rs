//! The gradebook: a SQLite file with one row per (student, exercise), written one transaction per
//! finished submission, so that a batch killed at any moment (even `kill -9`) loses at most the
//! submissions that were running, and a rerun grades only what is missing.
//!
//! WAL journal: a commit is one append to the log, readers (`--report` during a batch) never block
//! the writer, and a crash leaves either the whole row or none. `synchronous = NORMAL` keeps every
//! commit safe from a killed process (the log is in the OS's hands); only a power cut may lose the
//! last few, which a rerun grades again. The page cache is capped at 1 MiB (rows are appended and
//! read one at a time), so the grader's memory does not follow the class's size.
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::i18n::{OrFail, fail};
use crate::msg;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

use super::record::{GradeRecord, GradeVerdict};

/// Marks an atelier gradebook (`PRAGMA application_id`, "ATLR"), so that another SQLite file is
/// refused rather than written into.
const APPLICATION_ID: i32 = 0x4154_4c52;
/// The schema this build writes (`PRAGMA user_version`).
const SCHEMA_VERSION: i32 = 1;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS grades (
    student         TEXT    NOT NULL,
    exercise        TEXT    NOT NULL,
    spec_hash       TEXT    NOT NULL,
    submission      TEXT    NOT NULL,
    submission_hash TEXT    NOT NULL,
    verdict         TEXT    NOT NULL CHECK (verdict IN ('pass', 'fail', 'error')),
    score           INTEGER NOT NULL,
    max_score       INTEGER NOT NULL,
    run_status      TEXT    NOT NULL,
    wall_s          REAL    NOT NULL,
    cpu_s           REAL    NOT NULL,
    processes       INTEGER NOT NULL,
    max_rss_kb      INTEGER NOT NULL,
    checks          TEXT    NOT NULL, -- JSON array: name, kind, status, message, points, max_points, hint
    run             TEXT    NOT NULL, -- JSON object: every figure of the run and an output excerpt
    graded_at_ms    INTEGER NOT NULL,
    grading_s       REAL    NOT NULL,
    -- The same instant, readable.
    graded_at       TEXT GENERATED ALWAYS AS
                        (strftime('%Y-%m-%dT%H:%M:%fZ', graded_at_ms / 1000.0, 'unixepoch')) VIRTUAL,
    UNIQUE (student, exercise)
);
-- Exports and reports read one exercise in student order: from this index, without sorting the
-- class in memory; deciding what to grade reads only the index (it covers those columns).
CREATE INDEX IF NOT EXISTS grades_by_exercise
    ON grades (exercise, student, submission_hash, spec_hash, verdict);
-- The per-check results as a table, for SQL: one row per student, exercise and check.
CREATE VIEW IF NOT EXISTS check_results AS
    SELECT g.student, g.exercise, c.value ->> 'name' AS check_name, c.value ->> 'kind' AS kind,
           c.value ->> 'status' AS status, c.value ->> 'points' AS points,
           c.value ->> 'max_points' AS max_points, c.value ->> 'message' AS message
    FROM grades AS g, json_each(g.checks) AS c;
";

const COLUMNS: &str = "student, exercise, spec_hash, submission, submission_hash, verdict, score, \
                       max_score, checks, run, graded_at_ms, grading_s";

/// What the gradebook knows of a student's last grade, to decide whether to grade again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Known {
    pub submission_hash: String,
    pub spec_hash: String,
    pub verdict: GradeVerdict,
}

/// An open gradebook.
pub struct Gradebook {
    conn: Connection,
    /// `None` for an in-memory gradebook (no `--gradebook`).
    path: Option<PathBuf>,
}

impl Gradebook {
    /// Opens a gradebook, creating it when missing.
    pub fn open(path: &Path) -> anyhow::Result<Gradebook> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .or_fail(|| msg!("file-create-folder", path = dir.display().to_string()))?;
        }
        let conn =
            Connection::open(path).or_fail(|| msg!("gradebook-open", path = path.display().to_string()))?;
        Gradebook::init(conn, Some(path.to_path_buf()))
    }

    /// Opens a gradebook that must exist (to read it or merge it).
    pub fn open_existing(path: &Path) -> anyhow::Result<Gradebook> {
        if !path.is_file() {
            return fail(msg!("gradebook-missing", path = path.display().to_string()));
        }
        // Read-write even to read: a gradebook left by a killed batch has a WAL to replay.
        let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .or_fail(|| msg!("gradebook-open", path = path.display().to_string()))?;
        Gradebook::init(conn, Some(path.to_path_buf()))
    }

    /// A gradebook that lives as long as the process (grading without `--gradebook`).
    pub fn in_memory() -> anyhow::Result<Gradebook> {
        Gradebook::init(Connection::open_in_memory()?, None)
    }

    fn init(conn: Connection, path: Option<PathBuf>) -> anyhow::Result<Gradebook> {
        let shown = path
            .as_ref()
            .map_or_else(|| "(in memory)".to_string(), |p| p.display().to_string());
        // Another grader process (a second shard on a shared disk, `--report`) may hold the lock briefly.
        conn.busy_timeout(Duration::from_secs(30))
            .or_fail(|| msg!("gradebook-busy-timeout", path = &shown))?;
        let app: i32 = conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .or_fail(|| msg!("gradebook-not-sqlite", path = &shown))?;
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .or_fail(|| msg!("gradebook-not-sqlite", path = &shown))?;
        if app != APPLICATION_ID && (app != 0 || tables > 0) {
            return fail(msg!("gradebook-foreign", path = &shown));
        }
        let version: i32 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return fail(msg!(
                "gradebook-newer",
                path = &shown,
                version = version,
                supported = SCHEMA_VERSION
            ));
        }
        if path.is_some() {
            let mode: String = conn
                .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
                .or_fail(|| msg!("gradebook-wal", path = &shown))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return fail(msg!("gradebook-wal-refused", path = &shown, mode = mode));
            }
        }
        conn.execute_batch(&format!(
            "PRAGMA synchronous = NORMAL;
             PRAGMA cache_size = -1024;
             PRAGMA application_id = {APPLICATION_ID};
             PRAGMA user_version = {SCHEMA_VERSION};
             {SCHEMA}"
        ))
        .or_fail(|| msg!("gradebook-table", path = &shown))?;
        Ok(Gradebook { conn, path })
    }

    /// The file, or `(in memory)`.
    pub fn name(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "(in memory)".to_string(), |p| p.display().to_string())
    }

    /// Whether the gradebook is only in memory.
    pub fn is_memory(&self) -> bool {
        self.path.is_none()
    }

    /// What is known of every student of `exercise`.
    pub fn known(&self, exercise: &str) -> anyhow::Result<HashMap<String, Known>> {
        let mut stmt = self
            .conn
            .prepare("SELECT student, submission_hash, spec_hash, verdict FROM grades WHERE exercise = ?1")?;
        let rows = stmt.query_map([exercise], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut known = HashMap::new();
        for row in rows {
            let (student, submission_hash, spec_hash, verdict) = row?;
            let verdict = GradeVerdict::parse(&verdict).unwrap_or(GradeVerdict::Error);
            known.insert(
                student,
                Known {
                    submission_hash,
                    spec_hash,
                    verdict,
                },
            );
        }
        Ok(known)
    }

    /// Records a grade in its own transaction, replacing the student's previous one.
    pub fn record(&mut self, record: &GradeRecord) -> anyhow::Result<()> {
        let tx = self.conn.transaction()?;
        upsert(&tx, record)?;
        tx.commit()
            .or_fail(|| msg!("gradebook-record", path = self.name(), student = &record.student))?;
        Ok(())
    }

    /// The grade of a student, if any.
    pub fn get(&self, student: &str, exercise: &str) -> anyhow::Result<Option<GradeRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM grades WHERE student = ?1 AND exercise = ?2");
        let row = self
            .conn
            .query_row(&sql, params![student, exercise], row_to_parts)
            .optional()?;
        row.map(parts_to_record).transpose()
    }

    /// Calls `each` on every grade (of `exercise`, or all), by exercise then student, one row in
    /// memory at a time: exports and reports stay small whatever the class size.
    pub fn for_each(
        &self,
        exercise: Option<&str>,
        mut each: impl FnMut(GradeRecord) -> anyhow::Result<()>,
    ) -> anyhow::Result<()> {
        let sql = format!(
            "SELECT {COLUMNS} FROM grades WHERE ?1 IS NULL OR exercise = ?1 ORDER BY exercise, student"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt.query([exercise])?;
        while let Some(row) = rows.next()? {
            let parts = row_to_parts(row)?;
            each(parts_to_record(parts).or_fail(|| msg!("gradebook-damaged-row", path = self.name()))?)?;
        }
        Ok(())
    }

    /// Rows of `exercise` (or all).
    pub fn count(&self, exercise: Option<&str>) -> anyhow::Result<u64> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM grades WHERE ?1 IS NULL OR exercise = ?1",
            [exercise],
            |r| r.get(0),
        )?;
        Ok(n.max(0) as u64)
    }

    /// A consistent copy of the gradebook (its write-ahead log included) at `dest`, which must be
    /// missing or empty.
    pub fn copy_to(&self, dest: &Path) -> anyhow::Result<()> {
        let dest = dest
            .to_str()
            .or_fail(|| msg!("file-not-utf8-path", path = dest.display().to_string()))?;
        self.conn.execute("VACUUM INTO ?1", [dest])?;
        Ok(())
    }

    /// Runs `f` inside one transaction (a merge is all or nothing).
    pub fn in_transaction<T>(
        &mut self,
        f: impl FnOnce(&Writer<'_>) -> anyhow::Result<T>,
    ) -> anyhow::Result<T> {
        let tx = self.conn.transaction()?;
        let value = f(&Writer { tx: &tx })?;
        tx.commit()?;
        Ok(value)
    }
}

/// Writes inside a transaction of [`Gradebook::in_transaction`].
pub struct Writer<'a> {
    tx: &'a rusqlite::Transaction<'a>,
}

impl Writer<'_> {
    pub fn get(&self, student: &str, exercise: &str) -> anyhow::Result<Option<GradeRecord>> {
        let sql = format!("SELECT {COLUMNS} FROM grades WHERE student = ?1 AND exercise = ?2");
        let row = self
            .tx
            .query_row(&sql, params![student, exercise], row_to_parts)
            .optional()?;
        row.map(parts_to_record).transpose()
    }

    pub fn put(&self, record: &GradeRecord) -> anyhow::Result<()> {
        upsert(self.tx, record)
    }
}

fn upsert(conn: &Connection, r: &GradeRecord) -> anyhow::Result<()> {
    let checks = serde_json::to_string(&r.checks)?;
    let run = serde_json::to_string(&r.run)?;
    conn.execute(
        "INSERT INTO grades (student, exercise, spec_hash, submission, submission_hash, verdict, score,
                             max_score, run_status, wall_s, cpu_s, processes, max_rss_kb, checks, run,
                             graded_at_ms, grading_s)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)
         ON CONFLICT (student, exercise) DO UPDATE SET
             spec_hash = excluded.spec_hash, submission = excluded.submission,
             submission_hash = excluded.submission_hash, verdict = excluded.verdict,
             score = excluded.score, max_score = excluded.max_score, run_status = excluded.run_status,
             wall_s = excluded.wall_s, cpu_s = excluded.cpu_s, processes = excluded.processes,
             max_rss_kb = excluded.max_rss_kb, checks = excluded.checks, run = excluded.run,
             graded_at_ms = excluded.graded_at_ms, grading_s = excluded.grading_s",
        params![
            r.student,
            r.exercise,
            r.spec_hash,
            r.submission,
            r.submission_hash,
            r.verdict.as_str(),
            r.score,
            r.max_score,
            r.run.status,
            r.run.wall_s,
            r.run.cpu_s,
            r.run.processes,
            r.run.max_rss_kb as i64,
            checks,
            run,
            r.graded_at_ms,
            r.grading_s,
        ],
    )?;
    Ok(())
}

/// A row's columns, before the JSON columns are read.
type Parts = (
    String,
    String,
    String,
    String,
    String,
    String,
    u32,
    u32,
    String,
    String,
    i64,
    f64,
);

fn row_to_parts(r: &rusqlite::Row<'_>) -> rusqlite::Result<Parts> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
        r.get(8)?,
        r.get(9)?,
        r.get(10)?,
        r.get(11)?,
    ))
}

fn parts_to_record(p: Parts) -> anyhow::Result<GradeRecord> {
    let (
        student,
        exercise,
        spec_hash,
        submission,
        submission_hash,
        verdict,
        score,
        max_score,
        checks,
        run,
        at,
        s,
    ) = p;
    let what = |column: &'static str| {
        msg!(
            "gradebook-column",
            student = &student,
            exercise = &exercise,
            column = column
        )
    };
    Ok(GradeRecord {
        verdict: GradeVerdict::parse(&verdict).or_fail(|| what("verdict"))?,
        checks: serde_json::from_str(&checks).or_fail(|| what("checks"))?,
        run: serde_json::from_str(&run).or_fail(|| what("run"))?,
        student,
        exercise,
        spec_hash,
        submission,
        submission_hash,
        score,
        max_score,
        graded_at_ms: at,
        grading_s: s,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::grader::record::{CheckRecord, CheckStatus, RunFigures};

    pub fn sample(student: &str, score: u32, at: i64) -> GradeRecord {
        GradeRecord {
            student: student.into(),
            exercise: "43.3".into(),
            spec_hash: "s".into(),
            submission: format!("{student}.py"),
            submission_hash: format!("h{score}"),
            verdict: if score == 2 {
                GradeVerdict::Pass
            } else {
                GradeVerdict::Fail
            },
            score,
            max_score: 2,
            checks: vec![CheckRecord {
                name: "valeur".into(),
                title: "La valeur".into(),
                kind: "number".into(),
                status: if score == 2 {
                    CheckStatus::Pass
                } else {
                    CheckStatus::Fail
                },
                message: "m \"quoted\"".into(),
                points: score,
                max_points: 2,
                hint: "h".into(),
                expected: None,
                actual: None,
                case: None,
                visibility: Default::default(),
            }],
            run: RunFigures {
                status: "ok".into(),
                exit_code: Some(0),
                signal: None,
                wall_s: 0.2,
                cpu_s: 0.1,
                processes: 11,
                max_rss_kb: 1000,
                leftovers_killed: 0,
                detail: None,
                stdout: "out".into(),
                stderr: String::new(),
                runs: None,
                trace: Vec::new(),
            },
            graded_at_ms: at,
            grading_s: 0.3,
        }
    }

    #[test]
    fn records_read_back_and_replace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.sqlite");
        let mut book = Gradebook::open(&path).unwrap();
        book.record(&sample("ann", 1, 10)).unwrap();
        book.record(&sample("bob", 2, 11)).unwrap();
        book.record(&sample("ann", 2, 12)).unwrap();
        drop(book);
        let book = Gradebook::open_existing(&path).unwrap();
        assert_eq!(book.count(Some("43.3")).unwrap(), 2);
        assert_eq!(book.get("ann", "43.3").unwrap().unwrap(), sample("ann", 2, 12));
        let mut seen = Vec::new();
        book.for_each(None, |r| {
            seen.push(r.student);
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["ann", "bob"]);
        assert_eq!(book.known("43.3").unwrap()["bob"].submission_hash, "h2");
        // The view of the checks follows the replaced row (ann's failed check is gone).
        let (passed, failed, at): (i64, i64, String) = book
            .conn
            .query_row(
                "SELECT (SELECT count(*) FROM check_results WHERE status = 'pass'),
                        (SELECT count(*) FROM check_results WHERE status = 'fail'),
                        (SELECT graded_at FROM grades WHERE student = 'bob')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .unwrap();
        assert_eq!((passed, failed, at.as_str()), (2, 0, "1970-01-01T00:00:00.011Z"));
    }

    #[test]
    fn refuses_another_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        Connection::open(&path)
            .unwrap()
            .execute_batch("CREATE TABLE t (x)")
            .unwrap();
        let err = Gradebook::open(&path).err().unwrap().to_string();
        assert!(err.contains("not an atelier gradebook"), "{err}");
        let missing = Gradebook::open_existing(&dir.path().join("none.sqlite"))
            .err()
            .unwrap();
        assert!(missing.to_string().contains("no such gradebook"));
    }
}
