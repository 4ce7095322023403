//! Grading platforms end to end, through the built binary: a class graded with a roster into
//! feedback files, an LMS gradebook CSV and a similarity report; shard merges that fail or lack
//! students; the Gradescope autograder run in a simulated Gradescope container; and every JSON
//! output validated against the schemas shipped in `schemas/`.
mod util;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use util::{atelier, root};

const SOLUTION: &str = "exercises/43.3-memoire-partagee/solution.py";
const LOST_UPDATE: &str = "tests/fixtures/wrong/43.3/no_lock.py";

/// Copies a file of the repository to `dest`, creating its folder.
fn put(dest: &Path, fixture: &str) {
    fs::create_dir_all(dest.parent().unwrap()).unwrap();
    fs::copy(root().join(fixture), dest).unwrap();
}

/// Resolves the schemas' `$ref`s to the files of `schemas/` (never the network).
struct LocalSchemas;

impl jsonschema::Retrieve for LocalSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default().to_string();
        let text = fs::read_to_string(root().join("schemas").join(&name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// Asserts that `doc` is valid against `schemas/<schema>`, listing every error otherwise.
fn assert_valid(schema: &str, doc: &Value) {
    let text = fs::read_to_string(root().join("schemas").join(schema)).unwrap();
    let schema_doc: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .with_retriever(LocalSchemas)
        .build(&schema_doc)
        .unwrap_or_else(|e| panic!("{schema}: {e}"));
    let errors: Vec<String> = validator
        .iter_errors(doc)
        .map(|e| format!("{} (at {})", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{schema}:\n{}\n--- document\n{doc:#}",
        errors.join("\n")
    );
}

fn read_json(path: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())))
        .unwrap()
}

#[test]
fn schemas_refuse_what_they_should() {
    // A schema that accepts anything would make every validation below meaningless.
    let bad = serde_json::json!({"score": 1, "tests": [{"status": "ok"}], "typo": 1});
    let text = fs::read_to_string(root().join("schemas/gradescope-results.schema.json")).unwrap();
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::options()
        .with_retriever(LocalSchemas)
        .build(&schema)
        .unwrap();
    assert!(validator.iter_errors(&bad).count() >= 2);
    let good = serde_json::json!({"score": 1, "tests": [{"status": "passed", "score": 1}]});
    assert!(validator.is_valid(&good));
}

#[test]
fn a_class_with_a_roster_gets_feedback_an_lms_gradebook_and_a_similarity_report() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let class = d.join("class");
    put(&class.join("ada/compteur.py"), SOLUTION);
    // bob handed in ada's file: named together by --report.
    put(&class.join("bob.py"), SOLUTION);
    put(&class.join("cid/compteur.py"), LOST_UPDATE);
    // Moodle's and Canvas's bulk-download names, mapped by the LMS id of the roster.
    put(
        &class.join("Dan Brown_4021_assignsubmission_file_/compteur.py"),
        "tests/fixtures/right/43.3/get_lock.py",
    );
    put(
        &class.join("evemartin_LATE_1234_5678_compteur.py"),
        "tests/fixtures/right/43.3/acquire_release.py",
    );
    // Not on the roster: graded, reported, left out of the LMS file.
    put(&class.join("fay.py"), "tests/fixtures/right/43.3/bare_number.py");
    fs::write(
        d.join("r.csv"),
        "id,folder,name,email\n\
         17,ada,Ada Lovelace,ada@x.org\n\
         18,bob,\"=HYPERLINK(\"\"http://x\"\")\",bob@x.org\n\
         19,cid,Cid,cid@x.org\n\
         Participant 4021,,Dan Brown,dan@x.org\n\
         1234,,Eve Martin,eve@x.org\n\
         20,gus,Gus,gus@x.org\n",
    )
    .unwrap();

    let run = atelier()
        .current_dir(d)
        .args([
            "grade",
            "43.3",
            "class",
            "--gradebook",
            "g.sqlite",
            "--roster",
            "r.csv",
            "--export",
            "feedback:fb/",
            "--export",
            "lms-csv:g.csv",
            "--export",
            "similarity:sim.json",
            "--export",
            "gradescope:gs",
            "--report",
        ])
        .run()
        .code(0);
    let stdout = run.stdout();

    // One feedback file per graded student, in the lesson's language (French).
    let mut feedback: Vec<String> = fs::read_dir(d.join("fb"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    feedback.sort();
    assert_eq!(
        feedback,
        [
            "Dan Brown_4021_assignsubmission_file_.md",
            "ada.md",
            "bob.md",
            "cid.md",
            "evemartin_1234.md",
            "fay.md"
        ],
        "{stdout}"
    );
    let ada = fs::read_to_string(d.join("fb/ada.md")).unwrap();
    assert!(ada.contains("**Note : 12/12**") && ada.contains("✓"), "{ada}");
    let cid = fs::read_to_string(d.join("fb/cid.md")).unwrap();
    assert!(cid.contains("✗") && cid.contains("*Indice :*"), "{cid}");
    assert!(!cid.contains("**Note : 12/12**"), "{cid}");

    // One row per roster student, with the roster's ids, formula-safe.
    let csv = fs::read_to_string(d.join("g.csv")).unwrap();
    let rows: Vec<&str> = csv.lines().collect();
    assert_eq!(rows[0], "id,name,email,43.3");
    assert_eq!(rows.len(), 7, "{csv}");
    assert_eq!(rows[1], "17,Ada Lovelace,ada@x.org,12");
    assert!(rows[2].starts_with("18,\"'=HYPERLINK("), "{csv}");
    assert!(rows[2].ends_with(",12"), "{csv}");
    let cid_score: u32 = rows[3].rsplit(',').next().unwrap().parse().unwrap();
    assert!(rows[3].starts_with("19,Cid,") && cid_score < 12, "{csv}");
    assert_eq!(rows[4], "Participant 4021,Dan Brown,dan@x.org,12");
    assert_eq!(rows[5], "1234,Eve Martin,eve@x.org,12");
    assert_eq!(rows[6], "20,Gus,gus@x.org,");

    // Unknown and missing students are said.
    assert!(
        stdout.contains("pas dans la liste de la classe : fay"),
        "{stdout}"
    );
    assert!(
        stdout.contains("43.3 : 5 sur 6 notés : manquent Gus (20)"),
        "{stdout}"
    );
    // The two identical submissions are named together.
    assert!(stdout.contains("identiques : ada, bob"), "{stdout}");

    // Exports get the user's umask, like the gradebook (not tempfile's 0600).
    let umask = fs::read_to_string("/proc/self/status")
        .unwrap()
        .lines()
        .find_map(|l| {
            l.strip_prefix("Umask:")
                .map(|v| u32::from_str_radix(v.trim(), 8).unwrap())
        })
        .unwrap();
    for file in ["g.csv", "sim.json", "fb/ada.md", "gs/ada/results.json"] {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(d.join(file)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o666 & !umask, "{file}: {mode:o}");
    }

    let sim = read_json(&d.join("sim.json"));
    assert_valid("similarity.schema.json", &sim);
    assert_eq!(sim["identical"][0]["students"], serde_json::json!(["ada", "bob"]));
    for student in ["ada", "cid", "evemartin_1234"] {
        let doc = read_json(&d.join("gs").join(student).join("results.json"));
        assert_valid("atelier-gradescope-results.schema.json", &doc);
    }
}

#[test]
fn a_failed_merge_leaves_no_file_and_an_incomplete_one_names_the_missing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for student in ["ada", "bob", "cid", "dan"] {
        put(&d.join("class").join(format!("{student}.py")), SOLUTION);
    }
    atelier()
        .current_dir(d)
        .args([
            "grade",
            "43.3",
            "class",
            "--shard",
            "1/2",
            "--gradebook",
            "s1.sqlite",
        ])
        .run()
        .code(0);
    fs::write(d.join("bad.sqlite"), "a text file, not a gradebook").unwrap();
    let failed = atelier()
        .current_dir(d)
        .args([
            "gradebook",
            "merge",
            "s1.sqlite",
            "bad.sqlite",
            "--into",
            "m.sqlite",
        ])
        .run()
        .code(2);
    assert!(failed.stderr().contains("bad.sqlite"), "{}", failed.stderr());
    let mut left: Vec<String> = fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "class")
        .collect();
    left.sort();
    assert_eq!(left, ["bad.sqlite", "s1.sqlite"], "a failed merge left files");

    let merged = atelier()
        .current_dir(d)
        .args([
            "gradebook",
            "merge",
            "s1.sqlite",
            "--into",
            "m.sqlite",
            "--class",
            "class",
        ])
        .run()
        .code(0);
    let stdout = merged.stdout();
    let book = rusqlite::Connection::open(d.join("m.sqlite")).unwrap();
    let graded: Vec<String> = book
        .prepare("SELECT student FROM grades ORDER BY student")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let missing: Vec<&str> = ["ada", "bob", "cid", "dan"]
        .into_iter()
        .filter(|s| !graded.iter().any(|g| g == s))
        .collect();
    assert!(
        !missing.is_empty() && !graded.is_empty(),
        "shard 1/2 of 4: {graded:?}"
    );
    let expected = format!(
        "43.3: {} of 4 graded: missing {}",
        graded.len(),
        missing.join(", ")
    );
    assert!(stdout.contains(&expected), "{expected}\n{stdout}");
}

#[test]
fn json_outputs_carry_their_schema_version_and_match_their_schemas() {
    for (fixture, verdict) in [(SOLUTION, "pass"), (LOST_UPDATE, "fail")] {
        let run = atelier()
            .args(["check", "43.3", root().join(fixture).to_str().unwrap(), "--json"])
            .run();
        let doc = run.json();
        assert_eq!(doc["verdict"], verdict);
        assert_valid("check-report.schema.json", &doc);
    }
    let all = atelier().args(["toc", "--json"]).run().code(0).json();
    assert_valid("toc.schema.json", &all);
    let one = atelier().args(["toc", "43", "--json"]).run().code(0).json();
    assert_valid("toc.schema.json", &one);
    // Exit 0 or 1 (verdicts exact here or not): the document is the same shape either way.
    let doctor = atelier().args(["doctor", "--json"]).run().json();
    assert_valid("doctor.schema.json", &doctor);
    let list = atelier().args(["demo", "--json"]).run().code(0).json();
    assert_valid("demo.schema.json", &list);
    let counter = atelier().args(["demo", "counter", "--json"]).run().code(0);
    // The demo narrates on stdout before its JSON: the document is the last `{` block.
    let text = counter.stdout();
    let start = text.rfind("\n{").map_or(0, |i| i + 1);
    let doc: Value = serde_json::from_str(&text[start..]).unwrap_or_else(|e| panic!("{e}: {text}"));
    assert_valid("demo.schema.json", &doc);
}

/// Docker's default capabilities (Gradescope runs its autograders in Docker).
const DOCKER_CAPS: &str = "-all,+chown,+dac_override,+fowner,+fsetid,+kill,+setgid,+setuid,+setpcap,+net_bind_service,+net_raw,+sys_chroot,+mknod,+audit_write,+setfcap";

/// Whether this machine can simulate Gradescope's container (root, unshare, setpriv); when it
/// cannot, says why, and fails under CI.
fn can_simulate_container() -> bool {
    let root_user = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout == b"0\n");
    let tools = ["unshare", "setpriv", "timeout"].iter().all(|t| {
        Command::new(t)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if root_user && tools {
        return true;
    }
    let why = format!(
        "skipped: the simulated Gradescope container needs root (here: {root_user}) and unshare, setpriv, timeout (here: {tools})"
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{why}");
    eprintln!("{why}");
    false
}

/// A folder made for a test's mounts, removed (when empty) on drop, even after a failed assertion.
struct MountPoint(Option<PathBuf>);

impl MountPoint {
    fn make(path: &Path) -> MountPoint {
        if path.exists() {
            return MountPoint(None);
        }
        fs::create_dir(path).unwrap();
        MountPoint(Some(path.to_path_buf()))
    }
}

impl Drop for MountPoint {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = fs::remove_dir(path);
        }
    }
}

/// Runs `run_autograder` on `submission` in a simulated Gradescope container: root in its own PID
/// and mount namespaces, a private tmpfs at /autograder, no cgroup file system (no delegation), and
/// Docker's default capability bounding set (no CAP_SYS_ADMIN: no new namespaces but user ones).
fn run_in_container(source: &Path, submission: &Path) -> (Value, String) {
    let script = r#"set -eu
mount --make-rprivate /
mount -t tmpfs -o mode=0755 tmpfs /autograder
mount -t tmpfs -o ro,mode=0555 tmpfs /sys/fs/cgroup
mkdir -p /autograder/source /autograder/submission /autograder/results
cp -a "$AG_SOURCE"/. /autograder/source/
cp "$AG_SUBMISSION" /autograder/submission/compteur.py
cp /autograder/source/run_autograder /autograder/run_autograder
# setup.sh as Gradescope runs it when it builds the image (python3 is already here: no apt-get).
bash /autograder/source/setup.sh >&2
printf '%s' '{"id": 1, "created_at": "2026-12-01T10:00:00Z", "assignment": {"title": "43.3", "due_date": "2026-12-08T23:59:00Z"}, "users": [{"email": "ada@x.org", "id": 7, "name": "Ada"}]}' > /autograder/submission_metadata.json
rc=0
setpriv --bounding-set="$AG_CAPS" --inh-caps=-all /autograder/run_autograder || rc=$?
echo "run_autograder exit $rc" >&2
echo '---results---'
cat /autograder/results/results.json
"#;
    let out = Command::new("timeout")
        .args([
            "300",
            "unshare",
            "--pid",
            "--fork",
            "--mount-proc",
            "--mount",
            "bash",
            "-c",
            script,
        ])
        .env("AG_SOURCE", source)
        .env("AG_SUBMISSION", submission)
        .env("AG_CAPS", DOCKER_CAPS)
        .env("HOME", source.parent().unwrap())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "--- stdout\n{stdout}\n--- stderr\n{stderr}");
    let json = stdout
        .split_once("---results---\n")
        .unwrap_or_else(|| panic!("no results.json\n{stdout}\n{stderr}"))
        .1;
    let doc: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {json}"));
    (doc, stderr)
}

#[test]
fn the_gradescope_autograder_gives_the_right_verdicts_in_a_simulated_container() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let source = d.join("autograder");
    let written = atelier()
        .args([
            "autograder",
            "gradescope",
            "43.3",
            "--out",
            source.to_str().unwrap(),
        ])
        .run()
        .code(0);
    assert!(
        written.stdout().contains("autograder Gradescope pour 43.3"),
        "{}",
        written.stdout()
    );
    for name in ["setup.sh", "run_autograder", "atelier", "README.md"] {
        assert!(source.join(name).is_file(), "{name}");
    }
    assert!(
        source
            .join("course/exercises/43.3-memoire-partagee/solution.py")
            .is_file()
    );
    // The zip has setup.sh and run_autograder at its root, executable. (A small stand-in binary:
    // deflating the debug build of atelier takes a minute.)
    fs::write(d.join("stand-in"), "#!/bin/sh\necho atelier\n").unwrap();
    atelier()
        .args([
            "autograder",
            "gradescope",
            "43.3",
            "--out",
            d.join("small").to_str().unwrap(),
            "--zip",
            d.join("ag.zip").to_str().unwrap(),
            "--binary",
            d.join("stand-in").to_str().unwrap(),
        ])
        .run()
        .code(0);
    // A binary built against a newer glibc than Ubuntu 22.04's would not run there: refused.
    fs::write(d.join("too-new"), b"\x7fELF\0GLIBC_2.2.5\0GLIBC_2.39\0").unwrap();
    let refused = atelier()
        .args([
            "autograder",
            "gradescope",
            "43.3",
            "--out",
            d.join("refused").to_str().unwrap(),
            "--binary",
            d.join("too-new").to_str().unwrap(),
        ])
        .run()
        .code(2);
    assert!(refused.stderr().contains("glibc 2.39"), "{}", refused.stderr());
    let mut zip = zip::ZipArchive::new(fs::File::open(d.join("ag.zip")).unwrap()).unwrap();
    for name in ["setup.sh", "run_autograder", "atelier"] {
        let entry = zip.by_name(name).unwrap();
        assert_eq!(entry.unix_mode().map(|m| m & 0o111), Some(0o111), "{name}");
    }
    if !can_simulate_container() {
        return;
    }
    // The mount point must exist on the host: made if missing, and then removed whatever happens.
    let _mountpoint = MountPoint::make(Path::new("/autograder"));

    let right = d.join("right.py");
    put(&right, SOLUTION);
    let (full, log) = run_in_container(&source, &right);
    let lost = d.join("lost.py");
    put(&lost, LOST_UPDATE);
    let (less, _) = run_in_container(&source, &lost);

    assert_valid("gradescope-results.schema.json", &full);
    assert_valid("atelier-gradescope-results.schema.json", &full);
    assert_valid("atelier-gradescope-results.schema.json", &less);
    let max = full["extra_data"]["max_score"].as_u64().unwrap();
    assert_eq!(max, 12);
    assert_eq!(
        full["score"].as_u64(),
        Some(max),
        "the reference solution lost points in the container:\n{}\n{log}",
        full["output"].as_str().unwrap_or_default()
    );
    assert!(
        full["tests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|t| t["status"] == "passed")
    );
    assert_eq!(full["extra_data"]["gradescope"]["users"][0]["email"], "ada@x.org");
    assert!(
        less["score"].as_u64().unwrap() < max,
        "a lost-update program got full marks: {less:#}"
    );
    let failed: Vec<&str> = less["tests"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "failed")
        .map(|t| t["name"].as_str().unwrap())
        .collect();
    assert!(failed.iter().any(|n| n.contains("verrou")), "{failed:?}");
}
