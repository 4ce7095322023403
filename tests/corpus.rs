//! The corpus of student programs written from the published statements
//! (`tests/fixtures/corpus/`), each checked by the built binary and held to its label in
//! `labels.tsv`: the verdict, and for a wrong program the check that must fail.
//!
//! Exercises that are not timing-sensitive run two checks at a time; the timing-sensitive one
//! (43.1) runs one program at a time, with `--runs 5`: every run of the series must give the
//! labelled verdict (runs alternate between all cores and one pinned CPU), so a verdict that
//! depends on the machine's mood shows here.
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::Mutex;

use serde_json::Value;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpus")
}

/// One line of `labels.tsv`.
#[derive(Debug, Clone)]
struct Label {
    exercise: String,
    file: String,
    verdict: String,
    /// `None` for a right program (`-`).
    failing_check: Option<String>,
}

fn labels() -> Vec<Label> {
    let path = corpus().join("labels.tsv");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("exercise\tfile\tverdict\tfailing_check"),
        "{}: header",
        path.display()
    );
    lines
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, line)| {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 4, "labels.tsv:{}: four tab-separated fields", i + 2);
            assert!(
                fields[2] == "pass" || fields[2] == "fail",
                "labels.tsv:{}: verdict pass or fail",
                i + 2
            );
            assert_eq!(
                fields[2] == "pass",
                fields[3] == "-",
                "labels.tsv:{}: a right program names no failing check, a wrong one names one",
                i + 2
            );
            Label {
                exercise: fields[0].to_string(),
                file: fields[1].to_string(),
                verdict: fields[2].to_string(),
                failing_check: (fields[3] != "-").then(|| fields[3].to_string()),
            }
        })
        .collect()
}

/// `atelier check EX FILE --json [extra]` with HOME and XDG folders in `home`.
fn check(home: &Path, label: &Label, extra: &[&str]) -> Output {
    let file = corpus().join(&label.file);
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(["check", &label.exercise, &file.to_string_lossy(), "--json"])
        .args(extra)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("atelier runs")
}

/// What is wrong with one check's report against its label (nothing when it agrees), and a line
/// for the table printed at the end.
fn judge(label: &Label, out: &Output) -> (Vec<String>, String) {
    let report: Value = match serde_json::from_slice(&out.stdout) {
        Ok(report) => report,
        Err(e) => {
            let why = format!(
                "{}: not JSON ({e}); stderr: {}",
                label.file,
                String::from_utf8_lossy(&out.stderr)
            );
            return (vec![why.clone()], why);
        }
    };
    let failed_in = |checks: &Value| -> Vec<String> {
        checks
            .as_array()
            .map(|checks| {
                checks
                    .iter()
                    .filter(|c| c["status"] == "fail")
                    .filter_map(|c| c["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut problems = Vec::new();
    let verdict = report["verdict"].as_str().unwrap_or("?").to_string();
    let want_code = if label.verdict == "pass" { 0 } else { 1 };
    if verdict != label.verdict || out.status.code() != Some(want_code) {
        problems.push(format!(
            "{}: labelled {}, got {verdict} (exit {:?}); failed {:?}; messages: {}",
            label.file,
            label.verdict,
            out.status.code(),
            failed_in(&report["checks"]),
            messages(&report)
        ));
    }
    if report["max_score"]
        != report["checks"].as_array().map_or(0, |c| {
            c.iter()
                .map(|c| c["max_points"].as_u64().unwrap_or(0))
                .sum::<u64>()
        })
    {
        problems.push(format!("{}: max_score is not the spec's total", label.file));
    }
    // A series: every run agrees with the label, and a wrong one fails the labelled check each time.
    let runs: Vec<(String, Vec<String>)> = match report["runs"]["outcomes"].as_array() {
        Some(outcomes) => outcomes
            .iter()
            .map(|o| {
                let failed = o["failed"]
                    .as_array()
                    .map(|f| f.iter().filter_map(|n| n.as_str().map(str::to_string)).collect())
                    .unwrap_or_default();
                (o["verdict"].as_str().unwrap_or("?").to_string(), failed)
            })
            .collect(),
        None => vec![(verdict.clone(), failed_in(&report["checks"]))],
    };
    for (i, (run_verdict, failed)) in runs.iter().enumerate() {
        if *run_verdict != label.verdict {
            problems.push(format!(
                "{}: run {} of {}: {run_verdict}, failed {failed:?}",
                label.file,
                i + 1,
                runs.len()
            ));
        }
        if let Some(check) = &label.failing_check
            && !failed.contains(check)
        {
            problems.push(format!(
                "{}: run {} of {}: `{check}` should fail; failed {failed:?}",
                label.file,
                i + 1,
                runs.len()
            ));
        }
    }
    let row = format!(
        "{:<44} {:<5} {:<5} {}",
        label.file,
        label.verdict,
        verdict,
        runs.iter()
            .map(|(v, f)| format!("{v}{f:?}"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    (problems, row)
}

/// The messages of the failed checks (to see why a label was not met).
fn messages(report: &Value) -> String {
    report["checks"]
        .as_array()
        .map(|checks| {
            checks
                .iter()
                .filter(|c| c["status"] != "pass")
                .map(|c| format!("{}: {}", c["name"], c["message"]))
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .unwrap_or_default()
}

#[test]
fn every_corpus_program_is_labelled_once() {
    let labelled: Vec<String> = labels().into_iter().map(|l| l.file).collect();
    let unique: BTreeSet<&String> = labelled.iter().collect();
    assert_eq!(unique.len(), labelled.len(), "a file labelled twice");
    let mut on_disk = BTreeSet::new();
    for exercise in ["43.1", "43.2", "43.3"] {
        let dir = corpus().join(exercise);
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "py") {
                let name = path.file_name().expect("name").to_string_lossy().into_owned();
                on_disk.insert(format!("{exercise}/{name}"));
            }
        }
    }
    let labelled: BTreeSet<String> = labelled.into_iter().collect();
    assert_eq!(on_disk, labelled, "files and labels differ");
    // The corpus is wide enough to mean something: per exercise, at least 7 right and 9 wrong.
    for exercise in ["43.1", "43.2", "43.3"] {
        let of = |verdict: &str| {
            labels()
                .iter()
                .filter(|l| l.exercise == exercise && l.verdict == verdict)
                .count()
        };
        assert!(
            of("pass") >= 7 && of("fail") >= 9,
            "{exercise}: {} right, {} wrong",
            of("pass"),
            of("fail")
        );
    }
}

/// One test, so that the timing-sensitive series never shares the CPUs with the other checks.
#[test]
fn the_corpus_agrees_with_its_labels() {
    let home = tempfile::tempdir().expect("temporary HOME");
    let all = labels();
    let mut problems = Vec::new();
    let mut table = Vec::new();

    // Not timing-sensitive: two checks at a time (each is mostly sleeping or short).
    let queue: Mutex<Vec<Label>> = Mutex::new(
        all.iter()
            .filter(|l| l.exercise != "43.1")
            .rev()
            .cloned()
            .collect(),
    );
    let results: Mutex<Vec<(Vec<String>, String)>> = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                loop {
                    let Some(label) = queue.lock().expect("queue").pop() else {
                        break;
                    };
                    let judged = judge(&label, &check(home.path(), &label, &[]));
                    results.lock().expect("results").push(judged);
                }
            });
        }
    });
    for (p, row) in results.into_inner().expect("results") {
        problems.extend(p);
        table.push(row);
    }

    // Timing-sensitive: one at a time, five runs each, all agreeing.
    for label in all.iter().filter(|l| l.exercise == "43.1") {
        let (p, row) = judge(label, &check(home.path(), label, &["--runs", "5"]));
        problems.extend(p);
        table.push(row);
    }

    table.sort();
    println!("{:<44} {:<5} {:<5} runs", "file", "label", "got");
    for row in &table {
        println!("{row}");
    }
    let agreeing = all.len() - {
        let files: BTreeSet<&str> = problems.iter().filter_map(|p| p.split(':').next()).collect();
        files.len()
    };
    println!("{agreeing}/{} programs agree with their labels", all.len());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
