//! `atelier check` through the built binary: the reference solutions pass, the starters fail, every
//! wrong program fails on the check its header names, every right program passes.
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `atelier` with HOME and XDG folders in a fresh temporary folder; the reference-output cache is
/// shared by the tests of this binary (it is what a student's machine keeps between checks).
struct Atelier {
    home: tempfile::TempDir,
}

impl Atelier {
    fn new() -> Atelier {
        Atelier {
            home: tempfile::tempdir().expect("temporary HOME"),
        }
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_atelier"));
        let home = self.home.path();
        cmd.args(args)
            .current_dir(root())
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env(
                "XDG_CACHE_HOME",
                Path::new(env!("CARGO_TARGET_TMPDIR")).join("grader-cache"),
            )
            .env("LANG", "C.UTF-8")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("atelier runs")
    }

    fn spawn(&self, args: &[&str]) -> Child {
        self.command(args).spawn().expect("atelier starts")
    }
}

fn json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

fn exercise_dir(id: &str) -> PathBuf {
    std::fs::read_dir(root().join("exercises"))
        .expect("exercises/")
        .map(|e| e.expect("entry").path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{id}-")))
        })
        .unwrap_or_else(|| panic!("no folder for {id}"))
}

/// The failed checks of a JSON report, by name.
fn failed(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .expect("checks")
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["name"].as_str().expect("name").to_string())
        .collect()
}

/// Checks every file concurrently (each check is mostly waiting) and returns (file, output).
fn check_all(atelier: &Atelier, id: &str, files: &[PathBuf]) -> Vec<(PathBuf, Output)> {
    let children: Vec<(PathBuf, Child)> = files
        .iter()
        .map(|f| {
            let path = f.to_string_lossy().into_owned();
            (f.clone(), atelier.spawn(&["check", id, &path, "--json"]))
        })
        .collect();
    children
        .into_iter()
        .map(|(f, child)| (f, child.wait_with_output().expect("atelier ends")))
        .collect()
}

fn fixtures(kind: &str, id: &str) -> Vec<PathBuf> {
    let dir = root().join("tests/fixtures").join(kind).join(id);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures in {}", dir.display());
    files
}

/// The checks a wrong program's header says must fail: `# fails: a, b`.
fn must_fail(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).expect("fixture");
    let line = text
        .lines()
        .find_map(|l| l.strip_prefix("# fails:"))
        .unwrap_or_else(|| panic!("{}: no `# fails:` header", file.display()));
    line.split(',').map(|s| s.trim().to_string()).collect()
}

fn solution_passes(id: &str) -> Value {
    let atelier = Atelier::new();
    let solution = exercise_dir(id).join("solution.py");
    let out = atelier.run(&["check", id, &solution.to_string_lossy(), "--json"]);
    let report = json(&out);
    assert_eq!(report["verdict"], "pass", "{report:#}");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(report["run"]["status"], "ok");
    assert_eq!(report["score"], report["max_score"]);
    report
}

fn starter_fails(id: &str) {
    let atelier = Atelier::new();
    let starter = exercise_dir(id).join("starter.py");
    let out = atelier.run(&["check", id, &starter.to_string_lossy(), "--json"]);
    let report = json(&out);
    assert_eq!(report["verdict"], "fail", "{report:#}");
    assert_eq!(out.status.code(), Some(1));
}

fn wrong_programs_fail(id: &str) {
    let atelier = Atelier::new();
    let files = fixtures("wrong", id);
    let mut problems = Vec::new();
    for (file, out) in check_all(&atelier, id, &files) {
        let report = json(&out);
        let failed = failed(&report);
        if out.status.code() != Some(1) || report["verdict"] != "fail" {
            problems.push(format!(
                "{}: exit {:?}, verdict {}",
                file.display(),
                out.status.code(),
                report["verdict"]
            ));
        }
        for name in must_fail(&file) {
            if !failed.contains(&name) {
                problems.push(format!(
                    "{}: `{name}` should fail; failed: {failed:?}",
                    file.display()
                ));
            }
        }
        // Every failure teaches: a message and a hint.
        for check in report["checks"].as_array().expect("checks") {
            if check["status"] == "fail" {
                assert!(!check["message"].as_str().unwrap_or("").is_empty(), "{check}");
                assert!(!check["hint"].as_str().unwrap_or("").is_empty(), "{check}");
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

fn right_programs_pass(id: &str) {
    let atelier = Atelier::new();
    let files = fixtures("right", id);
    let mut problems = Vec::new();
    for (file, out) in check_all(&atelier, id, &files) {
        let report = json(&out);
        if out.status.code() != Some(0) || report["verdict"] != "pass" {
            problems.push(format!(
                "{}: exit {:?}, failed {:?}",
                file.display(),
                out.status.code(),
                {
                    let checks: Vec<String> = report["checks"]
                        .as_array()
                        .expect("checks")
                        .iter()
                        .filter(|c| c["status"] == "fail")
                        .map(|c| format!("{}: {}", c["name"], c["message"]))
                        .collect();
                    checks
                }
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn solution_43_1_passes_with_a_pool() {
    let report = solution_passes("43.1");
    assert!(
        report["run"]["processes"].as_u64().expect("processes") >= 3,
        "{report:#}"
    );
}

#[test]
fn solution_43_2_passes() {
    solution_passes("43.2");
}

#[test]
fn solution_43_3_passes() {
    solution_passes("43.3");
}

#[test]
fn starters_fail() {
    for id in ["43.1", "43.2", "43.3"] {
        starter_fails(id);
    }
}

#[test]
fn wrong_programs_43_1_fail_on_the_right_check() {
    wrong_programs_fail("43.1");
}

#[test]
fn wrong_programs_43_2_fail_on_the_right_check() {
    wrong_programs_fail("43.2");
}

#[test]
fn wrong_programs_43_3_fail_on_the_right_check() {
    wrong_programs_fail("43.3");
}

#[test]
fn right_programs_43_1_pass() {
    right_programs_pass("43.1");
}

#[test]
fn right_programs_43_2_pass() {
    right_programs_pass("43.2");
}

#[test]
fn right_programs_43_3_pass() {
    right_programs_pass("43.3");
}

#[test]
fn unknown_exercise_lists_the_known_ones() {
    let atelier = Atelier::new();
    let out = atelier.run(&["check", "43.9", "README.md"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("43.9") && err.contains("43.1, 43.2, 43.3"), "{err}");
}

#[test]
fn missing_submission_is_an_error() {
    let atelier = Atelier::new();
    let out = atelier.run(&["check", "43.3", "no/such/file.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.py"));
}

#[test]
fn a_broken_spec_names_file_line_and_key() {
    let atelier = Atelier::new();
    let course = tempfile::tempdir().expect("course");
    let dir = course.path().join("exercises/43.3-memoire-partagee");
    std::fs::create_dir_all(&dir).expect("folder");
    let spec = std::fs::read_to_string(exercise_dir("43.3").join("exercise.yaml")).expect("spec");
    let broken = spec.replacen(
        "    kind: processes\n    min: 11",
        "    kind: processes\n    minimum: 11",
        1,
    );
    assert_ne!(spec, broken);
    let line = broken
        .lines()
        .position(|l| l.contains("minimum: 11"))
        .expect("line")
        + 1;
    std::fs::write(dir.join("exercise.yaml"), broken).expect("write");
    let out = atelier.run(&[
        "--course",
        &course.path().to_string_lossy(),
        "check",
        "43.3",
        &exercise_dir("43.3").join("solution.py").to_string_lossy(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("exercise.yaml:{line}:")) && err.contains("minimum"),
        "{err}"
    );
}

#[test]
fn human_report_explains_a_failure_in_both_languages() {
    let atelier = Atelier::new();
    let wrong = root().join("tests/fixtures/wrong/43.3/global_int.py");
    let out = atelier.run(&["check", "43.3", &wrong.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("✗   0/3  La valeur finale est 1000"), "{text}");
    assert!(
        text.contains("indice :") && text.contains("n'est pas partagée"),
        "{text}"
    );
    assert!(text.contains("principal"), "the picture of the run: {text}");
    assert!(!text.contains('\x1b'), "no colour on a pipe");
    let out = atelier.run(&["--lang", "en", "check", "43.3", &wrong.to_string_lossy()]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("hint:") && text.contains("is not shared"), "{text}");
}

#[test]
fn runs_alternate_cores_and_report_the_pass_rate() {
    let atelier = Atelier::new();
    let solution = exercise_dir("43.3").join("solution.py");
    let out = atelier.run(&[
        "check",
        "43.3",
        &solution.to_string_lossy(),
        "--runs",
        "2",
        "--json",
    ]);
    let report = json(&out);
    let runs = &report["runs"];
    assert_eq!(runs["runs"], 2, "{report:#}");
    assert_eq!(runs["pinned_runs"], 1);
    assert_eq!(runs["outcomes"][1]["pinned"], true);
    assert_eq!(runs["passed"], 2, "{report:#}");
    assert_eq!(runs["distinct_outputs"].as_array().expect("outputs").len(), 1);
    let out = atelier.run(&["check", "43.3", &solution.to_string_lossy(), "--runs", "2"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Réussi 2 fois sur 2"), "{text}");
    assert!(text.contains("solution de référence"), "{text}");
}

/// Whether a report's processes were observed exactly (the sandbox names its method).
fn exact(report: &Value) -> bool {
    report["run"]["exact"]
        .as_bool()
        .expect("check --json says whether the run was observed exactly")
}

#[test]
fn without_exact_process_counts_the_verdict_is_an_error_never_a_pass_nor_vanished_points() {
    // Without the proc connector the sandbox falls back to another method. If it is exact, the
    // verdicts are the usual ones; if it only samples, a count is a lower bound: a check it cannot
    // decide makes the verdict `error` (exit 2) saying what to do, and its points stay in the
    // maximum. (This pins the rule that replaced "skip the check and drop its points".)
    // Without the connector, ptrace still observes exactly; without both, only sampling is left.
    let atelier = Atelier::new();
    for (disabled, want_exact) in [("connector", true), ("connector,ptrace", false)] {
        for (file, right) in [
            (exercise_dir("43.3").join("solution.py"), true),
            (root().join("tests/fixtures/wrong/43.3/threads.py"), false),
        ] {
            let out = atelier
                .command(&["check", "43.3", &file.to_string_lossy(), "--json"])
                .env("ATELIER_SANDBOX_DISABLE", disabled)
                .output()
                .expect("atelier runs");
            let report = json(&out);
            assert_eq!(exact(&report), want_exact, "{disabled}: {report:#}");
            let total: u64 = report["checks"]
                .as_array()
                .expect("checks")
                .iter()
                .map(|c| c["max_points"].as_u64().expect("max_points"))
                .sum();
            assert_eq!(report["max_score"].as_u64(), Some(total), "{report:#}");
            let counted = report["checks"]
                .as_array()
                .expect("checks")
                .iter()
                .find(|c| c["name"] == "dix-processus")
                .expect("dix-processus")
                .clone();
            if exact(&report) {
                let want = if right { "pass" } else { "fail" };
                assert_eq!(report["verdict"], want, "{report:#}");
            } else {
                assert_eq!(report["verdict"], "error", "{report:#}");
                assert_eq!(out.status.code(), Some(2));
                assert_eq!(counted["status"], "skip", "{report:#}");
                assert_eq!(counted["not_judged"], "no-instrument", "{report:#}");
                assert!(
                    counted["message"]
                        .as_str()
                        .unwrap_or("")
                        .contains("atelier doctor"),
                    "{counted:#}"
                );
            }
        }
    }
}

#[test]
fn a_fork_bomb_is_a_verdict_not_a_crash() {
    let atelier = Atelier::new();
    let bomb = root().join("tests/fixtures/hostile/fork_bomb.py");
    let started = std::time::Instant::now();
    let out = atelier.run(&["check", "43.3", &bomb.to_string_lossy(), "--json"]);
    let report = json(&out);
    assert_eq!(out.status.code(), Some(1), "{report:#}");
    assert_eq!(report["verdict"], "fail");
    let status = report["run"]["status"].as_str().expect("status");
    assert!(status == "process-limit" || status == "timeout", "{report:#}");
    // Within the spec's wall limit (20 s) and its grace period.
    assert!(started.elapsed().as_secs() < 25);
}
