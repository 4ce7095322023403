//! Checks return data and are worded in one catalog: a failing check report in the test language
//! `xx` (installed in the test's HOME) carries the catalog's mark on every check's explanation, so
//! a sentence left in the code (French or English whatever the language) fails here.
mod util;

use serde_json::Value;
use util::{PSEUDO_MARK as MARK, atelier, root};

/// `atelier --lang xx [--course COURSE] check ID FILE [--json]`: stdout, after checking the exit
/// code is the verdict's (1, a failure).
fn check_in_xx(course: Option<&str>, id: &str, file: &std::path::Path, json: bool) -> String {
    let mut args: Vec<std::ffi::OsString> = vec!["--lang".into(), "xx".into()];
    if let Some(course) = course {
        args.push("--course".into());
        args.push(root().join(course).into());
    }
    args.extend(["check".into(), id.into(), file.as_os_str().to_owned()]);
    if json {
        args.push("--json".into());
    }
    atelier().with_test_language().args(args).run().code(1).stdout()
}

/// The checks of a JSON report.
fn checks(report: &str) -> Vec<Value> {
    let report: Value = serde_json::from_str(report).unwrap_or_else(|e| panic!("JSON ({e}): {report}"));
    assert_eq!(report["verdict"], "fail", "{report:#}");
    report["checks"].as_array().expect("checks").clone()
}

/// Every visible check's explanation is the catalog's, and its reason is a code with its values;
/// a hidden check shows neither to a student.
fn assert_worded_by_the_catalog(checks: &[Value]) {
    assert!(checks.iter().any(|c| c["status"] == "fail"), "{checks:#?}");
    for check in checks {
        let message = check["message"].as_str().expect("message");
        if check["visibility"] != "visible" {
            assert_eq!(message, "", "{check:#}");
            assert!(check.get("reason").is_none(), "{check:#}");
            continue;
        }
        assert!(message.starts_with(MARK), "not worded by the catalog: {check:#}");
        let code = check["reason"]["code"].as_str().expect("reason.code");
        assert!(code.starts_with("check-"), "{check:#}");
        assert!(check["reason"]["values"].is_object(), "{check:#}");
    }
}

#[test]
fn a_built_in_exercise_s_failing_report_is_worded_in_the_test_language() {
    // 43.3 without a lock: text, figures, processes and source checks, some failing.
    let program = root().join("tests/fixtures/wrong/43.3/no_lock.py");
    let checks = checks(&check_in_xx(None, "43.3", &program, true));
    assert_worded_by_the_catalog(&checks);
}

#[test]
fn cases_and_calls_are_worded_in_the_test_language_in_json_and_in_the_report() {
    // A count that prints instead of returning, on the fixture course's cases: the exit status
    // passes on every case, the contains checks and the calls fail.
    let solution = std::fs::read_to_string(
        root().join("tests/fixtures/course-cases/exercises/20.1-word-count/solution.py"),
    )
    .expect("the fixture's solution");
    let start = solution.find("def count_words").expect("count_words");
    let end = solution.find("def average").expect("average");
    let program = format!(
        "{}def count_words(text):\n    print(len(text.split()))\n\n\n{}",
        &solution[..start],
        &solution[end..]
    )
    .replace("words:", "mots :");
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("words.py");
    std::fs::write(&file, program).expect("the program");
    let course = Some("tests/fixtures/course-cases");

    let checks = checks(&check_in_xx(course, "20.1", &file, true));
    assert_worded_by_the_catalog(&checks);
    let call = checks
        .iter()
        .find(|c| c["name"] == "count-words-returns")
        .expect("the call check");
    assert_eq!(call["reason"]["code"], "check-call-wrong-value", "{call:#}");
    // The note "does it print instead of returning?" is a message of its own, worded in the same
    // language as the sentence it ends.
    let note = format!("{MARK} (LA FONCTION AFFICHE-T-ELLE SON RÉSULTAT");
    assert!(call["message"].as_str().unwrap().contains(&note), "{call:#}");

    // The human report shows each failed check's explanation as the catalog words it (these
    // checks read no timing, so both runs word them alike).
    let human = check_in_xx(course, "20.1", &file, false);
    for check in checks
        .iter()
        .filter(|c| c["status"] == "fail" && c["visibility"] == "visible")
    {
        let message = check["message"].as_str().unwrap();
        let first = message.lines().next().unwrap();
        assert!(
            human.lines().any(|l| l.trim_start() == first),
            "`{first}` is not in the report:\n{human}"
        );
    }
}
