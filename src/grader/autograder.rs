//! A Gradescope autograder for one exercise (`atelier autograder gradescope EXERCISE --out DIR
//! [--zip FILE]`), and what runs inside Gradescope's container ([`run_gradescope`]).
//!
//! Gradescope unpacks the zip into `/autograder/source`, runs `setup.sh` once when it builds the
//! image (Ubuntu 22.04, network available), then `run_autograder` for each submission (files in
//! `/autograder/submission/`, facts in `/autograder/submission_metadata.json`), and reads
//! `/autograder/results/results.json`. The folder written holds:
//!
//! - `setup.sh`: installs python3 when missing, then runs the shipped binary once, so that a binary
//!   the image cannot run fails the autograder's build, not every student's submission;
//! - `run_autograder`: a few lines calling `atelier autograder run-gradescope`, which finds the
//!   submission, checks it and writes results.json (all in Rust, one place);
//! - `atelier`: this binary (or `--binary FILE`). Gradescope's base image has glibc 2.35; a binary
//!   needing a newer glibc is refused here (see [`glibc_needed`]);
//! - `course/exercises/<exercise>/`: the whole exercise folder (spec, reference solution, starter);
//! - `README.md`: the above, for the instructor.
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;

use super::class;
use super::engine::{CheckOptions, check_submission};
use super::export::feedback::FeedbackView;
use super::export::gradescope::{leaderboard, results_json};
use super::record::{GradeRecord, sha256_hex};
use super::spec::ExerciseSpec;
use super::visibility;
use crate::atomic_file::write_atomic;
use crate::course::{CourseFiles, Exercise};
use crate::i18n::{Lang, OrFail};
use crate::msg;

/// The newest glibc of Gradescope's base image (Ubuntu 22.04).
pub const GRADESCOPE_GLIBC: (u32, u32) = (2, 35);

/// How to write an autograder.
#[derive(Debug, Clone)]
pub struct AutograderOptions {
    /// The folder written (created; files already there are replaced).
    pub out: PathBuf,
    /// Also a zip of the folder, ready to upload.
    pub zip: Option<PathBuf>,
    /// The atelier binary shipped.
    pub binary: PathBuf,
    /// The language of the students' feedback (`--lang` baked into `run_autograder`).
    pub lang: Lang,
}

/// What was written.
#[derive(Debug, Clone)]
pub struct Written {
    /// Paths relative to the folder.
    pub files: Vec<String>,
    /// The newest glibc the binary needs (`None`: none, a static binary).
    pub glibc: Option<(u32, u32)>,
}

/// Writes the autograder of `exercise` into `opts.out` (and `opts.zip`).
pub fn write_gradescope(
    exercise: &Exercise,
    spec: &ExerciseSpec,
    opts: &AutograderOptions,
) -> anyhow::Result<Written> {
    let binary = std::fs::read(&opts.binary).with_context(|| {
        format!(
            "{}: cannot read the atelier binary to ship",
            opts.binary.display()
        )
    })?;
    let glibc = glibc_needed(&binary);
    if let Some((major, minor)) = glibc
        && (major, minor) > GRADESCOPE_GLIBC
    {
        anyhow::bail!(
            "{}: needs glibc {major}.{minor}, newer than Gradescope's Ubuntu 22.04 ({}.{}); build atelier on an older system (or a static musl build) and pass it with --binary",
            opts.binary.display(),
            GRADESCOPE_GLIBC.0,
            GRADESCOPE_GLIBC.1
        );
    }
    // Not UI text: the `--lang` tag the uploaded script passes to the uploaded binary, which has
    // only its built-in catalogs (a catalog installed here is not uploaded): others read English.
    let lang = match opts.lang {
        Lang::Fr => "fr",
        Lang::En | Lang::Other(_) => "en",
    };
    let mut files: Vec<(String, Vec<u8>, u32)> = vec![
        ("setup.sh".into(), SETUP.as_bytes().to_vec(), 0o755),
        (
            "run_autograder".into(),
            RUN.replace("{lang}", lang)
                .replace("{exercise}", &spec.id)
                .into_bytes(),
            0o755,
        ),
        ("atelier".into(), binary, 0o755),
        ("README.md".into(), readme(spec, glibc).into_bytes(), 0o644),
    ];
    for (name, bytes) in &exercise.files {
        files.push((format!("course/{}/{name}", exercise.dir), bytes.clone(), 0o644));
    }
    for (name, bytes, mode) in &files {
        let dest = opts.out.join(name);
        write_atomic(&dest, bytes)?;
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&dest, std::fs::Permissions::from_mode(*mode))
            .or_fail(|| msg!("file-set-mode", path = dest.display().to_string()))?;
    }
    if let Some(zip) = &opts.zip {
        write_zip(zip, &files)?;
    }
    Ok(Written {
        files: files.into_iter().map(|(name, _, _)| name).collect(),
        glibc,
    })
}

const SETUP: &str = r#"#!/usr/bin/env bash
# Written by `atelier autograder gradescope`: run once by Gradescope when it builds the image.
set -euo pipefail
cd /autograder/source
chmod +x atelier run_autograder
# Submissions are Python programs.
if ! command -v python3 >/dev/null 2>&1; then
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3
fi
# The shipped binary must run on this image: fail the build now rather than every submission.
./atelier --version
# What the sandbox can use in this container, for the build log (exit 1 when process counts would
# not be exact here: the checks reading them would give `error`, never a wrong grade).
./atelier doctor || true
"#;

const RUN: &str = r#"#!/usr/bin/env bash
# Written by `atelier autograder gradescope`: run by Gradescope for each submission. atelier finds
# the submission in /autograder/submission/, checks it and writes /autograder/results/results.json.
set -euo pipefail
root="${AUTOGRADER_ROOT:-/autograder}"
exec "$root/source/atelier" --lang {lang} --course "$root/source/course" \
    autograder run-gradescope {exercise} --root "$root"
"#;

fn readme(spec: &ExerciseSpec, glibc: Option<(u32, u32)>) -> String {
    let glibc = match glibc {
        Some((a, b)) => format!("needs glibc {a}.{b} at most; Gradescope's Ubuntu 22.04 has 2.35"),
        None => "is static (needs no glibc)".to_string(),
    };
    format!(
        "# Gradescope autograder for exercise {id}\n\n\
Upload the zip as the assignment's autograder (Ubuntu 22.04 base image). Gradescope runs\n\
`setup.sh` once when it builds the image, then `run_autograder` for each submission.\n\n\
- `setup.sh` installs python3 when the image lacks it and runs `./atelier --version`, so that a\n\
  binary the image cannot run fails the build (shown in Gradescope's build log), not every\n\
  student's submission.\n\
- `run_autograder` calls `atelier autograder run-gradescope {id}`: it takes the file named\n\
  `{file}` in /autograder/submission/ (else the only `.py`), reads\n\
  /autograder/submission_metadata.json, checks the submission in atelier's sandbox and writes\n\
  /autograder/results/results.json (score, one test per check with its visibility, the feedback as\n\
  Markdown, the run's figures in `extra_data`).\n\
- `atelier` is the binary that wrote this folder; it {glibc}. A binary built on a newer system\n\
  is refused when the autograder is written: build atelier on Ubuntu 22.04 or older (or as a\n\
  static musl binary) and pass it with `--binary FILE`.\n\
- `course/` holds the exercise's folder: its spec, its reference solution (for the checks that\n\
  compare with it) and its starter (never counted as similarity).\n\n\
Inside Gradescope's container atelier runs as root in its own PID namespace with Docker's default\n\
capabilities and no cgroup delegation; `setup.sh` runs `atelier doctor`, so Gradescope's build\n\
log shows which sandbox layers it can use there and whether process counts are exact. To try the autograder by hand: put a submission in\n\
/autograder/submission/ and run `/autograder/source/run_autograder` (or set AUTOGRADER_ROOT to\n\
another folder laid out the same way).\n",
        id = spec.id,
        file = spec.file,
    )
}

/// The zip Gradescope takes: `setup.sh` and `run_autograder` at its root, modes kept.
fn write_zip(dest: &Path, files: &[(String, Vec<u8>, u32)]) -> anyhow::Result<()> {
    use zip::write::SimpleFileOptions;
    let tmp = crate::atomic_file::temp_beside(dest, ".atelier-zip-")?;
    let mut zip = zip::ZipWriter::new(tmp);
    for (name, bytes, mode) in files {
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .unix_permissions(*mode);
        zip.start_file(name.as_str(), options)
            .or_fail(|| msg!("file-zip-add", path = dest.display().to_string(), name = name))?;
        zip.write_all(bytes)?;
    }
    let tmp = zip
        .finish()
        .or_fail(|| msg!("file-write", path = dest.display().to_string()))?;
    crate::atomic_file::persist(tmp, dest)?;
    Ok(())
}

/// The newest `GLIBC_2.N` symbol version named in a dynamically linked binary (the version
/// strings of its `.gnu.version_r` section are in its dynamic string table). `None` for a static
/// binary. A scan rather than an ELF parser: the strings cannot appear otherwise in atelier.
pub fn glibc_needed(binary: &[u8]) -> Option<(u32, u32)> {
    const TAG: &[u8] = b"GLIBC_";
    let mut best: Option<(u32, u32)> = None;
    let mut i = 0;
    while let Some(at) = binary[i..].windows(TAG.len()).position(|w| w == TAG) {
        let start = i + at + TAG.len();
        let end = binary[start..]
            .iter()
            .position(|b| !(b.is_ascii_digit() || *b == b'.'))
            .map_or(binary.len(), |n| start + n);
        let text = std::str::from_utf8(&binary[start..end]).unwrap_or("");
        let mut parts = text.split('.');
        if let (Some(Ok(major)), Some(Ok(minor))) = (
            parts.next().map(str::parse::<u32>),
            parts.next().map(str::parse::<u32>),
        ) {
            best = best.max(Some((major, minor)));
        }
        i = end.max(start);
    }
    best
}

/// What Gradescope's container gives a run: where its folders are.
#[derive(Debug, Clone)]
pub struct GradescopeRun {
    /// `/autograder` (tests use another folder laid out the same way).
    pub root: PathBuf,
    pub lang: Lang,
}

/// Inside Gradescope's container: finds the submission, checks it, writes results.json. An error
/// that kept the check from being done is written into results.json too (score 0, the reason), so
/// that the student sees it rather than "the autograder failed"; it is also returned.
pub fn run_gradescope(
    files: &CourseFiles,
    exercise: &Exercise,
    spec: &ExerciseSpec,
    run: &GradescopeRun,
) -> anyhow::Result<serde_json::Value> {
    let started = Instant::now();
    let results = run.root.join("results/results.json");
    let metadata = read_metadata(&run.root.join("submission_metadata.json"));
    let view = FeedbackView {
        lang: run.lang,
        exercise_title: spec.title.get(run.lang).to_string(),
        visibility: visibility::of_spec(spec),
    };
    let outcome = grade_one(files, exercise, spec, run, &metadata, started).map(|record| {
        let board = leaderboard(spec, &record.run.stdout);
        let mut doc = results_json(&record, &view, &board);
        doc["extra_data"]["gradescope"] = metadata.clone();
        doc
    });
    let doc = match &outcome {
        Ok(doc) => doc.clone(),
        Err(err) => serde_json::json!({
            "score": 0,
            "execution_time": (started.elapsed().as_secs_f64() * 1000.0).round() / 1000.0,
            "output": format!(
                "{}\n\n```text\n{err:#}\n```\n",
                run.lang.text("grade-autograder-not-graded")
            ),
            "output_format": "md",
            "stdout_visibility": "hidden",
            "extra_data": {"schema_version": super::export::SCHEMA_VERSION, "error": format!("{err:#}")},
            "tests": [],
        }),
    };
    write_atomic(&results, serde_json::to_string_pretty(&doc)?.as_bytes())?;
    outcome
}

fn grade_one(
    files: &CourseFiles,
    exercise: &Exercise,
    spec: &ExerciseSpec,
    run: &GradescopeRun,
    metadata: &serde_json::Value,
    started: Instant,
) -> anyhow::Result<GradeRecord> {
    let dir = run.root.join("submission");
    if !dir.is_dir() {
        return crate::i18n::fail(msg!("autograder-no-submission", path = dir.display().to_string()));
    }
    let submission = class::from_folder(&dir, &dir, "submission", &spec.file)
        .map_err(|problem| anyhow::anyhow!("{}: {}", problem.entry, problem.reason.word(run.lang)))?;
    let bytes = super::submission_file::read(&submission.path)?;
    let opts = CheckOptions {
        lang: run.lang,
        runs: None,
        reference: None,
        // results.json carries each test's visibility and Gradescope hides hidden tests from the
        // student; the top-level feedback names hidden checks only.
        reveal_hidden: true,
        only: None,
    };
    let report = check_submission(files, exercise, &submission.path, &opts)?;
    // The student as Gradescope knows them (email, else name), for the record's text.
    let student = metadata["users"][0]["email"]
        .as_str()
        .or_else(|| metadata["users"][0]["name"].as_str())
        .unwrap_or("submission")
        .to_string();
    let spec_hash = sha256_hex(exercise.files.get("exercise.yaml").map_or(&[][..], |b| b));
    Ok(GradeRecord::from_report(
        &report,
        &student,
        &submission.rel,
        &sha256_hex(&bytes),
        &spec_hash,
        started.elapsed().as_secs_f64(),
    ))
}

/// What the metadata says that a reader of results.json may want (the assignment, the students,
/// when it was submitted and due); `{}` when missing or unreadable (a run by hand).
fn read_metadata(path: &Path) -> serde_json::Value {
    let Ok(text) = std::fs::read_to_string(path) else {
        return serde_json::json!({});
    };
    let Ok(meta) = serde_json::from_str::<serde_json::Value>(&text) else {
        return serde_json::json!({});
    };
    let users: Vec<serde_json::Value> = meta["users"]
        .as_array()
        .map(|users| {
            users
                .iter()
                .map(|u| serde_json::json!({"name": u["name"], "email": u["email"], "id": u["id"]}))
                .collect()
        })
        .unwrap_or_default();
    serde_json::json!({
        "submission_id": meta["id"],
        "created_at": meta["created_at"],
        "assignment": meta["assignment"]["title"],
        "due_date": meta["assignment"]["due_date"],
        "users": users,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glibc_versions_are_read_from_the_binary() {
        assert_eq!(
            glibc_needed(b"\0GLIBC_2.2.5\0GLIBC_2.34\0GLIBC_2.9\0"),
            Some((2, 34))
        );
        assert_eq!(glibc_needed(b"static, nothing here"), None);
        assert_eq!(glibc_needed(b"GLIBC_"), None);
        // This very test binary runs here, so it names some glibc (it is dynamically linked).
        let me = std::fs::read(std::env::current_exe().unwrap()).unwrap();
        assert!(glibc_needed(&me).is_some());
    }

    #[test]
    fn metadata_is_read_leniently() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.json");
        assert_eq!(read_metadata(&path), serde_json::json!({}));
        std::fs::write(
            &path,
            r#"{"id": 7, "created_at": "2026-12-01T10:00:00Z", "assignment": {"title": "43.3", "due_date": "2026-12-08T23:59:00Z"}, "users": [{"email": "ada@x.org", "id": 1, "name": "Ada", "extra": 1}]}"#,
        )
        .unwrap();
        let meta = read_metadata(&path);
        assert_eq!(meta["users"][0]["email"], "ada@x.org");
        assert_eq!(meta["due_date"], "2026-12-08T23:59:00Z");
        assert!(meta["users"][0].get("extra").is_none());
    }
}
