//! Issue 12: cases (stdin, stdin file, arguments, environment, files), `call` checks through the
//! embedded harness, and hidden checks, judged through the built binary on the fixture course
//! `tests/fixtures/course-cases` (exercise 20.1, a word count).
mod util;

use serde_json::Value;
use util::{atelier, root};

const SOLUTION: &str = include_str!("fixtures/course-cases/exercises/20.1-word-count/solution.py");

/// `check 20.1 PROGRAM --json --lang en` on the fixture course; the report.
fn check(program: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("words.py");
    std::fs::write(&file, program).unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .arg(root().join("tests/fixtures/course-cases"))
        .args(["check", "20.1"])
        .arg(&file)
        .arg("--json")
        .run();
    let report = run.json();
    let expected_code = match report["verdict"].as_str() {
        Some("pass") => 0,
        Some("fail") => 1,
        _ => 2,
    };
    run.code(expected_code);
    report
}

/// The result of the check named `name`.
fn result<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap_or_else(|| panic!("no check {name} in {report:#}"))
}

fn status(report: &Value, name: &str) -> String {
    result(report, name)["status"].as_str().unwrap().to_string()
}

fn message(report: &Value, name: &str) -> String {
    result(report, name)["message"].as_str().unwrap().to_string()
}

/// The solution with `count_words` replaced by `body` (a whole `def`).
fn with_count_words(def: &str) -> String {
    let start = SOLUTION.find("def count_words").unwrap();
    let end = SOLUTION.find("def average").unwrap();
    format!("{}{def}\n\n\n{}", &SOLUTION[..start], &SOLUTION[end..])
}

trait Arg {
    fn arg(self, a: impl AsRef<std::ffi::OsStr>) -> Self;
}
impl Arg for util::Atelier {
    fn arg(self, a: impl AsRef<std::ffi::OsStr>) -> Self {
        self.args([a])
    }
}

#[test]
fn the_solution_passes_every_case_and_call() {
    let report = check(SOLUTION);
    assert_eq!(report["verdict"], "pass", "{report:#}");
    assert_eq!(report["score"], 8);
    assert_eq!(report["max_score"], 8);
    // Each case ran with its own stdin, environment and file; checks name their case.
    let cases: Vec<&str> = report["cases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(cases, ["two-lines", "from-file"]);
    assert_eq!(result(&report, "six-words")["case"], "two-lines");
    assert_eq!(result(&report, "file-words")["case"], "from-file");
    assert!(result(&report, "exits-cleanly").get("case").is_none());
}

#[test]
fn a_wrong_program_fails_on_the_case_it_gets_wrong() {
    // Counts lines instead of words: right on neither case.
    let program = SOLUTION.replace(
        "print(f\"words: {count_words(sys.stdin.read())}\")",
        "print(f\"words: {len(sys.stdin.read().splitlines())}\")",
    );
    let report = check(&program);
    assert_eq!(report["verdict"], "fail");
    assert_eq!(status(&report, "six-words"), "fail");
    assert_eq!(status(&report, "file-words"), "fail");
    assert_eq!(status(&report, "tag-from-env"), "pass");
    assert_eq!(status(&report, "count-words-returns"), "pass");
    // Ignores the environment: only the env check fails.
    let report = check(&SOLUTION.replace("os.environ.get('TAG', 'none')", "'none'"));
    assert_eq!(status(&report, "tag-from-env"), "fail");
    assert_eq!(status(&report, "six-words"), "pass");
}

#[test]
fn a_check_of_every_case_names_the_case_that_failed() {
    // Exits 1 when there is an argument (only the from-file case has one).
    let program = SOLUTION.replace(
        "if __name__ == \"__main__\":\n",
        "if __name__ == \"__main__\":\n    if len(sys.argv) > 1:\n        sys.exit(1)\n",
    );
    let report = check(&program);
    assert_eq!(status(&report, "exits-cleanly"), "fail");
    assert!(
        message(&report, "exits-cleanly").contains("from-file"),
        "{report:#}"
    );
    assert_eq!(status(&report, "six-words"), "pass");
}

#[test]
fn a_hard_coded_output_fails_the_call_check() {
    let program = "import os\nprint('words: 6')\nprint('tag: alpha')\n";
    let report = check(program);
    assert_eq!(status(&report, "six-words"), "pass");
    assert_eq!(status(&report, "count-words-returns"), "fail");
    assert!(
        message(&report, "count-words-returns").contains("is not defined"),
        "{report:#}"
    );
}

#[test]
fn printing_instead_of_returning_is_explained() {
    let report = check(&with_count_words(
        "def count_words(text):\n    print(len(text.split()))",
    ));
    assert_eq!(status(&report, "count-words-returns"), "fail");
    let m = message(&report, "count-words-returns");
    assert!(m.contains("returned None") && m.contains("print"), "{m}");
}

#[test]
fn a_wrong_signature_is_named() {
    let report = check(&with_count_words(
        "def count_words(text, sep):\n    return len(text.split(sep))",
    ));
    assert_eq!(status(&report, "count-words-returns"), "fail");
    let m = message(&report, "count-words-returns");
    assert!(m.contains("count_words(text, sep)"), "{m}");
}

#[test]
fn an_endless_call_is_that_checks_failure() {
    let report = check(&with_count_words(
        "def count_words(text):\n    while True:\n        pass",
    ));
    assert_eq!(status(&report, "count-words-returns"), "fail");
    assert!(
        message(&report, "count-words-returns").contains("did not finish"),
        "{report:#}"
    );
    // The other function is still judged.
    assert_eq!(status(&report, "average-hidden"), "pass");
}

#[test]
fn an_exception_in_the_call_names_it_and_its_line() {
    let report = check(&with_count_words("def count_words(text):\n    return 1 / 0"));
    let m = message(&report, "count-words-returns");
    assert!(m.contains("ZeroDivisionError") && m.contains("line"), "{m}");
}

#[test]
fn an_object_that_equals_everything_does_not_pass() {
    let program = with_count_words(
        "class Yes:\n    def __eq__(self, other):\n        return True\n\n\ndef count_words(text):\n    return Yes()",
    );
    let report = check(&program);
    assert_eq!(status(&report, "count-words-returns"), "fail");
}

#[test]
fn a_module_that_raises_at_import_is_reported_as_such() {
    let program = format!("raise RuntimeError('boom')\n{SOLUTION}");
    let report = check(&program);
    let m = message(&report, "count-words-returns");
    assert!(
        m.contains("importing the module failed") && m.contains("RuntimeError: boom"),
        "{m}"
    );
}

#[test]
fn a_module_whose_top_level_loops_is_reported_as_such() {
    // Interrupted by the harness's import timer.
    let program = format!("{SOLUTION}\nwhile True:\n    pass\n");
    let report = check(&program);
    let m = message(&report, "count-words-returns");
    assert!(m.contains("top-level code did not finish"), "{m}");
    // Swallows the timer's exception: the sandbox stops the run.
    let program = format!(
        "{SOLUTION}\nwhile True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n"
    );
    let report = check(&program);
    let m = message(&report, "count-words-returns");
    assert!(m.contains("runs forever"), "{m}");
}

#[test]
fn a_module_that_ends_the_process_at_import_is_reported_as_such() {
    let program = format!("import os\nos._exit(3)\n{SOLUTION}");
    let report = check(&program);
    let m = message(&report, "count-words-returns");
    assert!(m.contains("ended the process on import (exit code 3"), "{m}");
}

#[test]
fn printed_harness_records_are_not_believed() {
    // A program that prints what a harness record looks like, without the run's nonce.
    let program = "print('@atelier-00000000000000000000000000000000@{\"import\": \"ok\"}')\n\
                   print('@atelier-00000000000000000000000000000000@{\"check\": \"count-words-returns\", \"index\": 0, \"status\": \"pass\"}')\n";
    let report = check(program);
    assert_eq!(status(&report, "count-words-returns"), "fail");
}

#[test]
fn a_hidden_check_shows_no_expected_value_to_students() {
    // average() returns a wrong value: the hidden check fails, and says nothing of what it wanted.
    let program = SOLUTION.replace("return sum(numbers) / len(numbers)", "return 7");
    let report = check(&program);
    let hidden = result(&report, "average-hidden");
    assert_eq!(hidden["status"], "fail");
    assert_eq!(hidden["visibility"], "hidden");
    assert_eq!(hidden["message"], "");
    assert_eq!(hidden["hint"], "");
    assert!(hidden.get("expected").is_none() && hidden.get("actual").is_none());
    let json = report.to_string();
    assert!(!json.contains("2.333") && !json.contains("SECRET-HINT"), "{json}");

    // The human report: its name and mark only.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("words.py");
    std::fs::write(&file, &program).unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .arg(root().join("tests/fixtures/course-cases"))
        .args(["check", "20.1"])
        .arg(&file)
        .run()
        .code(1);
    let text = run.stdout();
    assert!(
        text.contains("average-hidden") && text.contains("hidden check"),
        "{text}"
    );
    assert!(!text.contains("2.333") && !text.contains("SECRET-HINT"), "{text}");
}

/// A spec around `checks` (and `extra` top-level keys), parsed.
fn parse(extra: &str, checks: &str) -> Result<atelier::grader::ExerciseSpec, String> {
    let text = format!(
        "version: 1\nid: \"9.1\"\ntitle: T\nlesson: 9\nanchor: a\nfile: prog.py\n{extra}checks:\n{checks}"
    );
    atelier::grader::ExerciseSpec::parse("exercise.yaml", &text).map_err(|p| p.to_string())
}

#[test]
fn spec_errors_of_cases_and_calls_name_their_line() {
    let err = parse(
        "",
        "  - name: a\n    kind: exit-status\n    case: nowhere\n    hint: h\n",
    )
    .unwrap_err();
    assert!(err.contains("no case is named `nowhere`"), "{err}");
    let cases = "cases:\n  - name: one\n    stdin: x\n    stdin_file: f.txt\n";
    let err = parse(cases, "  - name: a\n    kind: exit-status\n    hint: h\n").unwrap_err();
    assert!(err.contains("not both"), "{err}");
    let err = parse(
        "cases:\n  - name: one\n    bogus: 1\n",
        "  - name: a\n    kind: exit-status\n    hint: h\n",
    )
    .unwrap_err();
    assert!(err.contains("bogus"), "{err}");
    let err = parse(
        "",
        "  - name: c\n    kind: call\n    function: f\n    calls: [{args: [1]}]\n    hint: h\n",
    )
    .unwrap_err();
    assert!(
        err.contains(":11:") && err.contains("`expected`, `raises` or `type`"),
        "{err}"
    );
    let err = parse("", "  - name: c\n    kind: call\n    function: f\n    calls: [{args: [!oops 1], expected: 1}]\n    hint: h\n")
        .unwrap_err();
    assert!(err.contains("unknown tag"), "{err}");
    let err = parse("", "  - name: c\n    kind: call\n    visibility: secret\n    function: f\n    calls: [{expected: 1}]\n    hint: h\n")
        .unwrap_err();
    assert!(err.contains("secret"), "{err}");
    let ok = parse(
        "",
        "  - name: c\n    kind: call\n    visibility: after_due\n    function: f\n    calls: [{args: [!py '(1, 2)', null, [1.5, {k: v}]], expected: null}]\n    hint: h\n",
    )
    .unwrap();
    assert_eq!(
        ok.checks[0].visibility,
        atelier::grader::visibility::Visibility::AfterDue
    );
}

#[test]
fn yaml_values_become_python_literals() {
    use atelier::grader::checks::call::python_literal;
    let value: serde_yaml::Value =
        serde_yaml::from_str("[1, 2.5, 'it''s \"q\"', null, true, {3: [x]}, !py '(1,)', .inf]").unwrap();
    assert_eq!(
        python_literal(&value).unwrap(),
        r#"[1, 2.5, "it's \"q\"", None, True, {3: ["x"]}, (1,), float('inf')]"#
    );
}

#[test]
fn grading_keeps_hidden_details_for_the_instructor_and_exports_visibility_and_cases() {
    let class = tempfile::tempdir().unwrap();
    for (student, program) in [
        ("ann", SOLUTION.to_string()),
        (
            "bob",
            SOLUTION.replace("return sum(numbers) / len(numbers)", "return 7"),
        ),
    ] {
        std::fs::create_dir(class.path().join(student)).unwrap();
        std::fs::write(class.path().join(student).join("words.py"), program).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    atelier()
        .args(["--lang", "en", "--course"])
        .arg(root().join("tests/fixtures/course-cases"))
        .args(["grade", "20.1"])
        .arg(class.path())
        .arg("--export")
        .arg(format!("gradescope:{}/", out.path().display()))
        .run()
        .code(0);
    let read = |student: &str| -> Value {
        let text = std::fs::read_to_string(out.path().join(student).join("results.json")).unwrap();
        serde_json::from_str(&text).unwrap()
    };
    let bob = read("bob");
    let tests = bob["tests"].as_array().unwrap();
    let hidden = tests.iter().find(|t| named(t, "average-hidden")).unwrap();
    assert_eq!(hidden["visibility"], "hidden");
    assert_eq!(hidden["status"], "failed");
    // The instructor's export keeps what the hidden check found (Gradescope hides the test itself).
    assert!(
        hidden["output"].as_str().unwrap().contains("returned 7"),
        "{hidden:#}"
    );
    let names: Vec<&str> = tests.iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert!(
        tests.iter().any(|t| named(t, "two-lines/six-words"))
            && tests.iter().any(|t| named(t, "from-file/file-words")),
        "{names:?}"
    );
    assert_eq!(read("ann")["score"], 8);
}

/// A Gradescope test is named by the check's title with its (case-qualified) name in parentheses.
fn named(test: &Value, name: &str) -> bool {
    let text = test["name"].as_str().unwrap_or("");
    text == name || text.ends_with(&format!("({name})"))
}

#[test]
fn check_only_judges_one_check_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("words.py");
    // Wrong everywhere but the environment line.
    std::fs::write(&file, SOLUTION.replace("len(text.split())", "-1")).unwrap();
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .arg(root().join("tests/fixtures/course-cases"))
        .args(["check", "20.1"])
        .arg(&file)
        .args(["--only", "tag-from-env", "--json"])
        .run()
        .code(0);
    let report = run.json();
    let names: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["tag-from-env"]);
    assert_eq!(
        (report["score"].as_u64(), report["max_score"].as_u64()),
        (Some(1), Some(1))
    );
    // Only its case ran.
    assert_eq!(report["cases"].as_array().unwrap().len(), 1);
    let run = atelier()
        .args(["--lang", "en", "--course"])
        .arg(root().join("tests/fixtures/course-cases"))
        .args(["check", "20.1"])
        .arg(&file)
        .args(["--only", "nope"])
        .run()
        .code(2);
    assert!(
        run.stderr().contains("no check is named `nope`"),
        "{}",
        run.stderr()
    );
}
