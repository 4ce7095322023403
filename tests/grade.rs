//! `atelier grade` and `atelier gradebook merge`, through the built binary: a class folder made in a
//! temporary directory (right, wrong and hostile submissions in both layouts, plus entries that must
//! be reported rather than guessed), the gradebook read back with SQLite, the exports parsed.
//!
//! The course is the built-in 43.3 spec with smaller limits, so that an infinite loop costs one
//! second rather than twenty.
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags};

const BIN: &str = env!("CARGO_BIN_EXE_atelier");
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// A temporary home, course and class.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let world = World {
            dir: tempfile::tempdir().unwrap(),
        };
        world.make_course();
        world
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The shipped 43.3 exercise, its limits cut down for quick tests.
    fn make_course(&self) {
        let shipped = Path::new(ROOT).join("exercises/43.3-memoire-partagee");
        let target = self.path("course/exercises/43.3-memoire-partagee");
        fs::create_dir_all(&target).unwrap();
        fs::create_dir_all(self.path("course/lessons")).unwrap();
        fs::copy(shipped.join("solution.py"), target.join("solution.py")).unwrap();
        let text = fs::read_to_string(shipped.join("exercise.yaml")).unwrap();
        let mut spec: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let limits = spec
            .as_mapping_mut()
            .unwrap()
            .entry("limits".into())
            .or_insert_with(|| serde_yaml::Mapping::new().into());
        let limits = limits.as_mapping_mut().unwrap();
        limits.insert("wall_s".into(), 3.0.into());
        limits.insert("cpu_s".into(), 1.0.into());
        fs::write(
            target.join("exercise.yaml"),
            serde_yaml::to_string(&spec).unwrap(),
        )
        .unwrap();
    }

    /// Sets a top-level key of the course's 43.3 spec.
    fn set_spec(&self, key: &str, value: serde_yaml::Value) {
        let path = self.path("course/exercises/43.3-memoire-partagee/exercise.yaml");
        let mut spec: serde_yaml::Value = serde_yaml::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        spec.as_mapping_mut().unwrap().insert(key.into(), value);
        fs::write(&path, serde_yaml::to_string(&spec).unwrap()).unwrap();
    }

    /// Puts `fixture` (relative to the repository) at `rel` in the class folder `class`.
    fn put(&self, class: &str, rel: &str, fixture: &str) {
        let dest = self.path(class).join(rel);
        fs::create_dir_all(dest.parent().unwrap()).unwrap();
        fs::copy(Path::new(ROOT).join(fixture), dest).unwrap();
    }

    /// A class of right, wrong and hostile submissions in both layouts, and three entries that are
    /// reported, not graded. Returns the students that must be graded.
    fn make_class(&self, class: &str) -> BTreeSet<String> {
        let solution = "exercises/43.3-memoire-partagee/solution.py";
        self.put(class, "ada/compteur.py", solution);
        self.put(class, "ada/notes.md", "README.md");
        self.put(class, "ben.py", "tests/fixtures/right/43.3/get_lock.py");
        // Folder with one .py that is not named as the spec says: it is the submission.
        self.put(
            class,
            "cleo/mon_travail.py",
            "tests/fixtures/right/43.3/acquire_release.py",
        );
        self.put(class, "dan.py", "tests/fixtures/wrong/43.3/global_int.py");
        self.put(class, "eli/compteur.py", "tests/fixtures/wrong/43.3/crash.py");
        self.put(class, "fox.py", "tests/fixtures/hostile/fork_bomb.py");
        self.put(class, "gil.py", "tests/fixtures/hostile/kill_all.py");
        self.put(class, "hal/compteur.py", "tests/fixtures/hostile/busy_loop.py");
        // Output that every export must carry safely: markup, quotes, control characters, bytes
        // that are not UTF-8, a comma and a line break for the CSV.
        fs::write(
            self.path(class).join("lea.py"),
            "import sys\nprint('<b>&amp; \"quoted\", \\x01\\x1b[31m ]]> \\x00')\nsys.stdout.flush()\n\
             sys.stdout.buffer.write(b'caf\\xe9 \\xff\\n')\nsys.exit(3)\n",
        )
        .unwrap();
        // Reported: two .py and none named compteur.py; an empty folder; not a .py file.
        self.put(class, "ivy/a.py", solution);
        self.put(class, "ivy/b.py", solution);
        fs::create_dir_all(self.path(class).join("jon")).unwrap();
        fs::write(self.path(class).join("kim.txt"), "print(1)\n").unwrap();
        ["ada", "ben", "cleo", "dan", "eli", "fox", "gil", "hal", "lea"]
            .map(String::from)
            .into()
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.arg("--course")
            .arg(self.path("course"))
            .arg("--lang")
            .arg("en")
            .args(args)
            .current_dir(self.dir.path())
            .env("HOME", self.path("home"))
            .env("XDG_CACHE_HOME", self.path("home/cache"))
            .env("XDG_DATA_HOME", self.path("home/data"))
            .env("XDG_CONFIG_HOME", self.path("home/config"))
            .env("NO_COLOR", "1")
            .stdin(Stdio::null());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn assert_code(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// Every row: student → (submission hash, spec hash, verdict, score, graded_at_ms).
type Row = (String, String, String, u32, i64);

fn rows(gradebook: &Path) -> BTreeMap<String, Row> {
    let conn = Connection::open_with_flags(gradebook, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn
        .prepare("SELECT student, submission_hash, spec_hash, verdict, score, graded_at_ms FROM grades")
        .unwrap();
    let mapped = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?),
            ))
        })
        .unwrap();
    let mut all = BTreeMap::new();
    for row in mapped {
        let (student, row) = row.unwrap();
        assert!(all.insert(student.clone(), row).is_none(), "{student} twice");
    }
    all
}

/// The number of rows, 0 while the file does not exist yet.
fn count_rows(gradebook: &Path) -> usize {
    if !gradebook.exists() {
        return 0;
    }
    let Ok(conn) = Connection::open_with_flags(gradebook, OpenFlags::SQLITE_OPEN_READ_ONLY) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM grades", [], |r| r.get::<_, i64>(0))
        .map_or(0, |n| n as usize)
}

/// When each submission was being graded: (start, end) in milliseconds, by start.
fn intervals(gradebook: &Path) -> Vec<(f64, f64)> {
    let conn = Connection::open_with_flags(gradebook, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut stmt = conn
        .prepare("SELECT graded_at_ms, grading_s FROM grades")
        .unwrap();
    let mut all: Vec<(f64, f64)> = stmt
        .query_map([], |r| {
            let end = r.get::<_, i64>(0)? as f64;
            Ok((end - r.get::<_, f64>(1)? * 1000.0, end))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    all
}

/// Whether two gradings ran at the same time (2 ms of rounding allowed).
fn overlapping(intervals: &[(f64, f64)]) -> bool {
    intervals.windows(2).any(|w| w[1].0 < w[0].1 - 2.0)
}

/// Student → (submission hash, spec hash): what must match between two gradebooks of one class.
fn graded_set(rows: &BTreeMap<String, Row>) -> BTreeMap<String, (String, String)> {
    rows.iter()
        .map(|(s, r)| (s.clone(), (r.0.clone(), r.1.clone())))
        .collect()
}

#[test]
fn grades_a_mixed_class_once_and_the_exports_parse() {
    let world = World::new();
    let students = world.make_class("class");
    let out = world.run(&[
        "grade",
        "43.3",
        "class",
        "--jobs",
        "2",
        "--gradebook",
        "g.sqlite",
        "--export",
        "csv:out/grades.csv",
        "--export",
        "gradescope:gs/",
        "--export",
        "junit:out/grades.xml",
    ]);
    assert_code(&out, 0);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("9 graded"), "{stdout}");
    assert!(stdout.contains("3 not graded"), "{stdout}");
    for reported in ["ivy/", "jon/", "kim.txt"] {
        assert!(stdout.contains(reported), "{reported} not reported:\n{stdout}");
    }
    assert!(stdout.contains("not guessed"), "{stdout}");

    // Each student exactly once; the right ones judged on their values, the hostile ones not passed.
    let graded = rows(&world.path("g.sqlite"));
    assert_eq!(graded.keys().cloned().collect::<BTreeSet<_>>(), students);
    for hostile in ["fox", "gil", "hal"] {
        assert_ne!(graded[hostile].2, "pass", "{hostile}: {:?}", graded[hostile]);
    }
    assert_eq!(graded["dan"].2, "fail", "a plain global is not shared");
    // kill(-1) in one run did not disturb the others: they ran to a judgement.
    assert!(graded.values().all(|r| r.2 != "error"), "{graded:?}");
    // Two at a time, really.
    assert!(
        overlapping(&intervals(&world.path("g.sqlite"))),
        "--jobs 2 never overlapped"
    );

    // CSV: a header and one row per student.
    let csv = fs::read_to_string(world.path("out/grades.csv")).unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("student,exercise,score,max_score,verdict")
    );
    let csv_students: BTreeSet<String> = lines.map(|l| l.split(',').next().unwrap().to_string()).collect();
    assert_eq!(csv_students, students);

    // Gradescope: one valid results.json per student, with tests[].
    for student in &students {
        let path = world.path("gs").join(student).join("results.json");
        let doc: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        let tests = doc["tests"].as_array().expect("tests[]");
        assert!(!tests.is_empty());
        let sum: u64 = tests.iter().map(|t| t["score"].as_u64().unwrap()).sum();
        assert_eq!(doc["score"].as_u64(), Some(sum), "{student}");
        for t in tests {
            for key in ["name", "max_score", "output", "visibility"] {
                assert!(t.get(key).is_some(), "{student}: {key}");
            }
            assert!(matches!(t["status"].as_str(), Some("passed" | "failed")));
        }
        assert!(doc["execution_time"].is_number() && doc["output"].is_string());
    }

    // JUnit: well-formed, one testsuite per student.
    let suites = junit_suites(&world.path("out/grades.xml"));
    assert_eq!(suites, students);
    // No temporary export file left behind.
    let leftovers: Vec<_> = fs::read_dir(world.path("out"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(".atelier-export"))
        .collect();
    assert!(leftovers.is_empty());

    // Again: nothing changed, nothing is regraded, the gradebook is the same.
    let again = world.run(&["grade", "43.3", "class", "--gradebook", "g.sqlite"]);
    assert_code(&again, 0);
    let stdout = text(&again.stdout);
    assert!(
        stdout.contains("0 graded") && stdout.contains("9 unchanged"),
        "{stdout}"
    );
    assert_eq!(rows(&world.path("g.sqlite")), graded);

    // A changed submission is graded again, alone.
    world.put("class", "dan.py", "tests/fixtures/right/43.3/get_lock.py");
    let changed = world.run(&["grade", "43.3", "class", "--gradebook", "g.sqlite"]);
    assert_code(&changed, 0);
    assert!(
        text(&changed.stdout).contains("1 graded"),
        "{}",
        text(&changed.stdout)
    );
    let after = rows(&world.path("g.sqlite"));
    assert_ne!(after["dan"].0, graded["dan"].0);
    assert_eq!(after["ada"], graded["ada"]);

    // --regrade grades everyone again (new times), still one row each.
    let regrade = world.run(&["grade", "43.3", "class", "--gradebook", "g.sqlite", "--regrade"]);
    assert_code(&regrade, 0);
    let regraded = rows(&world.path("g.sqlite"));
    assert_eq!(regraded.len(), students.len());
    for student in &students {
        assert!(regraded[student].4 > after[student].4, "{student} not regraded");
    }
}

/// The `testsuite` names of a JUnit file, after checking it parses from start to end.
fn junit_suites(path: &Path) -> BTreeSet<String> {
    use quick_xml::events::Event;
    let xml = fs::read_to_string(path).unwrap();
    let mut reader = quick_xml::Reader::from_str(&xml);
    reader.config_mut().check_end_names = true;
    let mut suites = BTreeSet::new();
    let mut depth = 0i32;
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{}: not well-formed: {e}", path.display()))
        {
            Event::Start(e) => {
                depth += 1;
                if e.name().as_ref() == "testsuite" {
                    let name = e.try_get_attribute("name").unwrap().expect("a name");
                    let name = name.normalized_value(quick_xml::XmlVersion::Implicit1_0).unwrap();
                    suites.insert(name.into_owned());
                }
            }
            Event::End(_) => depth -= 1,
            // Character references (`&#10;`, `&amp;`) must name a known entity or a character.
            Event::GeneralRef(r) => {
                let name: &str = r.as_ref();
                assert!(
                    name.starts_with('#') || ["amp", "lt", "gt", "quot", "apos"].contains(&name),
                    "unknown entity &{name};"
                );
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced elements");
    suites
}

#[test]
fn a_batch_killed_halfway_resumes_to_the_same_gradebook() {
    let world = World::new();
    let students = world.make_class("class");
    // One at a time, so that the kill lands between submissions (the busy loop near the end takes
    // its CPU second).
    let args = [
        "grade",
        "43.3",
        "class",
        "--jobs",
        "1",
        "--gradebook",
        "killed.sqlite",
    ];
    let gradebook = world.path("killed.sqlite");
    let mut child = world
        .command(&args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while count_rows(&gradebook) == 0 {
        assert!(Instant::now() < deadline, "no row recorded in 30 s");
        assert!(
            child.try_wait().unwrap().is_none(),
            "the batch ended before any row was seen"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    let pgid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::killpg(pgid, nix::sys::signal::Signal::SIGKILL).unwrap();
    child.wait().unwrap();
    let before = rows(&gradebook);
    assert!(
        !before.is_empty() && before.len() < students.len(),
        "the kill did not land halfway: {} of {} rows",
        before.len(),
        students.len()
    );

    let resumed = world.run(&args);
    assert_code(&resumed, 0);
    let stdout = text(&resumed.stdout);
    assert!(
        stdout.contains(&format!("{} graded", students.len() - before.len()))
            && stdout.contains(&format!("{} unchanged", before.len())),
        "{stdout}"
    );
    let after = rows(&gradebook);
    // What was recorded before the kill is kept as it was (not lost, not graded twice).
    for (student, row) in &before {
        assert_eq!(&after[student], row);
    }

    let whole = world.run(&["grade", "43.3", "class", "--gradebook", "whole.sqlite"]);
    assert_code(&whole, 0);
    let uninterrupted = rows(&world.path("whole.sqlite"));
    assert_eq!(graded_set(&after), graded_set(&uninterrupted));
    assert_eq!(after.keys().cloned().collect::<BTreeSet<_>>(), students);
}

#[test]
fn shards_partition_the_class_and_merge_into_the_same_rows() {
    let world = World::new();
    let students = world.make_class("class");
    let mut shards = Vec::new();
    for k in 1..=2 {
        let book = format!("shard{k}.sqlite");
        let out = world.run(&[
            "grade",
            "43.3",
            "class",
            "--shard",
            &format!("{k}/2"),
            "--gradebook",
            &book,
        ]);
        assert_code(&out, 0);
        shards.push(rows(&world.path(&book)));
    }
    let (one, two) = (&shards[0], &shards[1]);
    assert!(one.keys().all(|s| !two.contains_key(s)), "shards overlap");
    let union: BTreeSet<String> = one.keys().chain(two.keys()).cloned().collect();
    assert_eq!(union, students);

    let merged = world.run(&[
        "gradebook",
        "merge",
        "shard1.sqlite",
        "shard2.sqlite",
        "--into",
        "merged.sqlite",
    ]);
    assert_code(&merged, 0);
    let merged_rows = rows(&world.path("merged.sqlite"));
    let mut expected = one.clone();
    expected.extend(two.clone());
    assert_eq!(merged_rows, expected);
    assert!(
        text(&merged.stdout).contains("0 conflicts"),
        "{}",
        text(&merged.stdout)
    );

    // A later, different grade of one student in another gradebook: a conflict, the most recent kept.
    let student = one.keys().next().unwrap().clone();
    fs::copy(world.path("shard1.sqlite"), world.path("later.sqlite")).unwrap();
    Connection::open(world.path("later.sqlite"))
        .unwrap()
        .execute(
            "UPDATE grades SET score = 0, verdict = 'fail', graded_at_ms = graded_at_ms + 60000 WHERE student = ?1",
            [&student],
        )
        .unwrap();
    let conflict = world.run(&["gradebook", "merge", "later.sqlite", "--into", "merged.sqlite"]);
    assert_code(&conflict, 0);
    let stdout = text(&conflict.stdout);
    assert!(
        stdout.contains(&format!("conflict: {student} / 43.3")) && stdout.contains("1 conflicts"),
        "{stdout}"
    );
    let now = rows(&world.path("merged.sqlite"));
    assert_eq!(now[&student].3, 0);
    assert_eq!(now.len(), students.len());

    // The merged gradebook reports and exports without the class folder.
    let report = world.run(&[
        "grade",
        "43.3",
        "--gradebook",
        "merged.sqlite",
        "--report",
        "--export",
        "csv:merged.csv",
    ]);
    assert_code(&report, 0);
    let stdout = text(&report.stdout);
    assert!(
        stdout.contains("Score histogram") && stdout.contains("Checks that failed most"),
        "{stdout}"
    );
    let csv = fs::read_to_string(world.path("merged.csv")).unwrap();
    assert_eq!(csv.lines().count(), students.len() + 1);
}

#[test]
fn a_timing_sensitive_exercise_is_graded_one_at_a_time() {
    let world = World::new();
    world.set_spec("timing_sensitive", true.into());
    for student in ["a", "b", "c", "d"] {
        world.put(
            "class",
            &format!("{student}.py"),
            "exercises/43.3-memoire-partagee/solution.py",
        );
    }
    // The gradebook and an export inside the class folder are not taken for submissions.
    let args = [
        "grade",
        "43.3",
        "class",
        "--jobs",
        "2",
        "--gradebook",
        "class/t.sqlite",
        "--export",
        "csv:class/grades.csv",
    ];
    let out = world.run(&args);
    assert_code(&out, 0);
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("1 at a time") && stderr.contains("one submission at a time"),
        "{stderr}"
    );
    let spans = intervals(&world.path("class/t.sqlite"));
    assert_eq!(spans.len(), 4);
    assert!(!overlapping(&spans), "two runs shared the CPUs: {spans:?}");
    let again = world.run(&args);
    assert_code(&again, 0);
    assert!(
        text(&again.stdout).contains("0 not graded"),
        "{}",
        text(&again.stdout)
    );
}

#[test]
fn a_timing_sensitive_run_waits_for_another_graders_runs() {
    // Another batch (ordinary exercise) is under way on the machine…
    let busy = World::new();
    busy.make_class("class");
    let mut other = busy
        .command(&[
            "grade",
            "43.3",
            "class",
            "--jobs",
            "2",
            "--gradebook",
            "busy.sqlite",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while count_rows(&busy.path("busy.sqlite")) == 0 {
        assert!(
            Instant::now() < deadline,
            "the other batch recorded nothing in 30 s"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
    // …when a timing-sensitive one starts: none of its runs may overlap one of the other's.
    let timed = World::new();
    timed.set_spec("timing_sensitive", true.into());
    for student in ["a", "b"] {
        timed.put(
            "class",
            &format!("{student}.py"),
            "exercises/43.3-memoire-partagee/solution.py",
        );
    }
    let out = timed.run(&["grade", "43.3", "class", "--gradebook", "t.sqlite"]);
    assert_code(&out, 0);
    assert!(other.wait().unwrap().success());
    let theirs = intervals(&busy.path("busy.sqlite"));
    for (start, end) in intervals(&timed.path("t.sqlite")) {
        for (s, e) in &theirs {
            assert!(
                end <= s + 2.0 || start >= e - 2.0,
                "[{start}, {end}] overlaps [{s}, {e}]"
            );
        }
    }
}

#[test]
fn bad_arguments_exit_2_with_a_reason() {
    let world = World::new();
    world.make_class("class");
    for (args, expected) in [
        (&["grade", "43.3"][..], "DIR is required"),
        (&["grade", "43.3", "class", "--shard", "3/2"], "K/N"),
        (
            &["grade", "43.3", "class", "--export", "pdf:x.pdf"],
            "unknown format",
        ),
        (&["grade", "43.3", "class", "--jobs", "0"], "--jobs"),
        (&["grade", "43.3", "nowhere"], "nowhere"),
        (
            &["grade", "43.3", "--gradebook", "missing.sqlite", "--report"],
            "no such gradebook",
        ),
        (
            &["gradebook", "merge", "missing.sqlite", "--into", "m.sqlite"],
            "no such gradebook",
        ),
    ] {
        let out = world.run(args);
        assert_code(&out, 2);
        assert!(
            text(&out.stderr).contains(expected),
            "{args:?}: {}",
            text(&out.stderr)
        );
    }
    // A file that is not a gradebook is refused, not written into.
    fs::write(world.path("notes.sqlite"), "not a database at all, just text").unwrap();
    let out = world.run(&["grade", "43.3", "class", "--gradebook", "notes.sqlite"]);
    assert_code(&out, 2);
}

/// The `atelier-grade-*` folders (private copies of submissions) in `tmp`.
fn private_copies(tmp: &Path) -> Vec<String> {
    fs::read_dir(tmp)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with("atelier-grade-"))
        .collect()
}

#[test]
fn a_batch_stopped_with_sigterm_leaves_no_copy_and_sweeps_dead_graders_copies() {
    use std::os::unix::fs::PermissionsExt;
    let world = World::new();
    for student in ["s1", "s2", "s3"] {
        world.put(
            "class",
            &format!("{student}.py"),
            "tests/fixtures/hostile/sleep_forever.py",
        );
    }
    // A temporary folder of the test's own, as open as /tmp (the sandbox's run user must reach its
    // working folder inside it).
    let tmp = world.path("tmp");
    fs::create_dir(&tmp).unwrap();
    fs::set_permissions(&tmp, fs::Permissions::from_mode(0o1777)).unwrap();
    // Copies left by a dead grader (no pid is this large) and by a live one (this test).
    let dead = tmp.join("atelier-grade-999999999-stale");
    fs::create_dir(&dead).unwrap();
    fs::write(dead.join("submission.py"), "print('left behind')\n").unwrap();
    let live = tmp.join(format!("atelier-grade-{}-inuse", std::process::id()));
    fs::create_dir(&live).unwrap();

    let mut child = world
        .command(&["grade", "43.3", "class", "--jobs", "1", "--gradebook", "g.sqlite"])
        .env("TMPDIR", &tmp)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Started: a copy of this grader's own is there, so a run is under way.
    let own = format!("atelier-grade-{}-", child.id());
    let deadline = Instant::now() + Duration::from_secs(30);
    while !private_copies(&tmp).iter().any(|name| name.starts_with(&own)) {
        assert!(Instant::now() < deadline, "no private copy made in 30 s");
        assert!(child.try_wait().unwrap().is_none(), "the grader ended early");
        std::thread::sleep(Duration::from_millis(5));
    }
    assert!(!dead.exists(), "a dead grader's copy was not swept");
    let pid = nix::unistd::Pid::from_raw(child.id() as i32);
    nix::sys::signal::kill(pid, nix::sys::signal::Signal::SIGTERM).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_code(&out, 2);
    let stderr = text(&out.stderr);
    assert!(stderr.contains("stopped by SIGTERM"), "{stderr}");
    assert_eq!(
        private_copies(&tmp),
        [format!("atelier-grade-{}-inuse", std::process::id())],
        "copies left behind after SIGTERM (only the live grader's may stay)"
    );
    // Nothing half-judged was recorded: the run under way was stopped, the others never began.
    assert_eq!(count_rows(&world.path("g.sqlite")), 0, "{stderr}");
}
