//! Issue 12: `run:` may name any interpreter present on the machine; lint says when it is missing.
mod util;

use util::{atelier, root};

/// Copies a fixture course into a temporary folder (to change it).
fn copy_course(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .arg("-r")
        .arg(root().join("tests/fixtures").join(name).join("."))
        .arg(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

#[test]
fn a_node_exercise_is_linted_and_checked_in_the_sandbox() {
    if atelier::sandbox::resolve_program("node").is_none() {
        println!("skipped: node is not installed");
        assert_ne!(std::env::var("CI").as_deref(), Ok("true"), "node is needed in CI");
        return;
    }
    let course = root().join("tests/fixtures/course-node");
    let run = atelier()
        .args(["--lang", "en", "lint"])
        .args([&course])
        .run()
        .code(0);
    assert!(run.stdout().contains("solution.js … ok"), "{}", run.stdout());
    // A wrong program fails on the case it gets wrong.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("greet.js");
    std::fs::write(&file, "console.log('Hello, Ada!');\n").unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .args([&course])
        .args(["check", "30.1"])
        .args([&file])
        .arg_json()
        .run()
        .code(1);
    let report = run.json();
    let failed: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "fail")
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["greets-alan"]);
}

#[test]
fn lint_says_when_the_interpreter_is_missing() {
    let course = copy_course("course-node");
    let spec = course.path().join("exercises/30.1-greeting/exercise.yaml");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(
        &spec,
        text.replace("run: node {file}", "run: no-such-interpreter-12 {file}"),
    )
    .unwrap();
    let run = atelier()
        .args(["--lang", "en", "lint"])
        .args([course.path()])
        .run()
        .code(1);
    let out = run.stdout();
    assert!(
        out.contains("exercise.yaml:8: run: `no-such-interpreter-12` is not installed"),
        "{out}"
    );
}

trait Json {
    fn arg_json(self) -> Self;
}
impl Json for util::Atelier {
    fn arg_json(self) -> Self {
        self.args(["--json"])
    }
}
