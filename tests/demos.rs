//! The live demos, through the built binary (they fork, and libtest runs tests on threads): each one's
//! `--json` figures, the listing, and the narration's wording (all from the message catalogs).
mod util;

use std::collections::HashSet;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

/// Runs `atelier ARGS` with HOME and the XDG folders in a temporary directory and a neutral locale.
fn atelier(args: &[&str]) -> Output {
    let home = tempfile::tempdir().expect("temporary home");
    let dir = |name: &str| home.path().join(name);
    Command::new(env!("CARGO_BIN_EXE_atelier"))
        .args(args)
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", dir("data"))
        .env("XDG_CONFIG_HOME", dir("config"))
        .env("XDG_STATE_HOME", dir("state"))
        .env("XDG_CACHE_HOME", dir("cache"))
        .env("LANG", "C.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("NO_COLOR", "1")
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")))
        .output()
        .expect("the atelier binary runs")
}

/// `atelier demo NAME --json [EXTRA]`: exit 0 and one JSON document, whose child PIDs are distinct and
/// none the parent's.
fn demo_json(name: &str, extra: &[&str]) -> Value {
    let mut args = vec!["demo", name, "--json"];
    args.extend_from_slice(extra);
    let out = atelier(&args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "demo {name} failed: {stderr}");
    let json: Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("demo {name}: stdout is not one JSON document ({e}): {stderr}"));
    assert_eq!(json["demo"], name);
    let parent = json["parent_pid"].as_i64().expect("parent_pid");
    let children: Vec<i64> = json["child_pids"]
        .as_array()
        .expect("child_pids")
        .iter()
        .map(|p| p.as_i64().expect("a pid"))
        .collect();
    assert!(!children.is_empty(), "demo {name}: no child pid");
    let distinct: HashSet<i64> = children.iter().copied().collect();
    assert_eq!(
        distinct.len(),
        children.len(),
        "demo {name}: repeated child pids {children:?}"
    );
    assert!(
        !distinct.contains(&parent),
        "demo {name}: a child has the parent's pid {parent}"
    );
    json
}

#[test]
fn listing_shows_the_ten_demos_with_their_sections() {
    let out = atelier(&["demo"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let names = [
        "duel",
        "process",
        "main-guard",
        "pool",
        "queue",
        "ipc-cost",
        "primes",
        "thumbnails",
        "counter",
        "startup-cost",
    ];
    assert_eq!(text.lines().count(), names.len(), "{text}");
    for name in names {
        assert!(
            text.lines().any(|l| l.split_whitespace().next() == Some(name)),
            "{name} missing:\n{text}"
        );
    }
    assert!(text.contains("#creation-de-processus") && text.contains("#exercice-1-nombres-premiers"));
}

#[test]
fn listing_as_json() {
    let out = atelier(&["demo", "--json"]);
    assert!(out.status.success());
    // An object carrying `schema_version`, the list under `demos`.
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["schema_version"], 1);
    let list = doc["demos"].as_array().unwrap();
    assert_eq!(list.len(), 10);
    assert!(
        list.iter()
            .any(|d| d["name"] == "counter" && d["section"] == "exercice-3-memoire-partagee")
    );
}

#[test]
fn unknown_demo_lists_the_demos_and_exits_2() {
    let out = atelier(&["demo", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("nope") && err.contains("thumbnails") && err.contains("startup-cost"),
        "{err}"
    );
}

#[test]
fn process_computes_the_lessons_sum_in_two_children() {
    let json = demo_json("process", &[]);
    assert_eq!(json["child_pids"].as_array().unwrap().len(), 2);
    let expected = (0..10_000_000u128).map(|i| i * i).sum::<u128>().to_string();
    assert_eq!(json["results"], serde_json::json!([expected, expected]));
    assert_eq!(expected, "333333283333335000000");
}

#[test]
fn primes_counts_16405_in_both_races() {
    let json = demo_json("primes", &["--runs", "1"]);
    assert_eq!(json["count"], 16405);
    assert_eq!(json["count_sequential"], 16405);
    let chunks = json["chunks"].as_array().unwrap();
    assert_eq!(chunks.len(), 4);
    assert_eq!(
        chunks.iter().map(|c| c["primes"].as_u64().unwrap()).sum::<u64>(),
        16405
    );
    assert!(json["speedup"].as_f64().unwrap() > 0.0 && json["chunks_in_parallel"].as_f64().unwrap() > 0.0);
}

#[test]
fn counter_with_its_lock_reaches_1000() {
    let json = demo_json("counter", &[]);
    assert_eq!(json["final_value"], 1000);
    assert_eq!(json["child_pids"].as_array().unwrap().len(), 10);
}

#[test]
fn counter_without_lock_loses_updates() {
    let json = demo_json("counter", &["--no-lock", "--runs", "4"]);
    let expected = json["expected"].as_i64().unwrap();
    let values: Vec<i64> = json["final_values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(values.len(), 4);
    assert!(values.iter().all(|&v| v > 0 && v <= expected), "{values:?}");
    assert!(
        values.iter().any(|&v| v < expected),
        "no update lost in {values:?} (expected {expected})"
    );
}

#[test]
fn counter_histogram_is_drawn_for_several_runs() {
    let out = atelier(&["demo", "counter", "--no-lock", "--runs", "3"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("run 3/3") && text.contains('█'), "{text}");
}

#[test]
fn thumbnails_stream_their_results() {
    let json = demo_json("thumbnails", &[]);
    let arrivals: Vec<f64> = json["arrivals_ms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    assert_eq!(arrivals.len(), 10);
    let (first, last) = (arrivals[0], arrivals[9]);
    // Each image takes 500 ms; on a pool of N workers the last batch arrives (10 / N - 1) × 500 ms later.
    assert!(
        first >= 450.0 && last - first >= 400.0,
        "first {first} ms, last {last} ms"
    );
    let pids: HashSet<i64> = json["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["pid"].as_i64().unwrap())
        .collect();
    let workers: HashSet<i64> = json["child_pids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_i64().unwrap())
        .collect();
    assert!(pids.is_subset(&workers));
}

#[test]
fn pool_maps_the_squares_in_order() {
    let json = demo_json("pool", &[]);
    assert_eq!(json["results"], serde_json::json!([1, 4, 9, 16, 25, 36, 49, 64]));
    let workers: HashSet<i64> = json["child_pids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_i64().unwrap())
        .collect();
    for task in json["tasks"].as_array().unwrap() {
        assert!(workers.contains(&task["pid"].as_i64().unwrap()));
        assert_eq!(task["pid"], task["worker_pid"]);
    }
}

#[test]
fn queue_delivers_after_a_blocking_get() {
    let json = demo_json("queue", &[]);
    assert_eq!(json["received"], "Donnée importante");
    assert_ne!(json["producer_pid"], json["consumer_pid"]);
    let blocked = json["consumer_blocked_ms"].as_f64().unwrap();
    assert!(
        blocked >= json["producer_work_ms"].as_f64().unwrap() * 0.9,
        "blocked only {blocked} ms"
    );
}

#[test]
fn ipc_cost_sums_agree_both_ways() {
    let json = demo_json("ipc-cost", &[]);
    assert_eq!(json["via_queue"]["sum"], json["expected_sum"]);
    assert_eq!(json["in_place"]["sum"], json["expected_sum"]);
}

#[test]
fn duel_shows_isolated_and_shared_memory() {
    let json = demo_json("duel", &[]);
    let memory = &json["memory"];
    assert_eq!(memory["child_saw"], 42);
    assert_eq!(memory["parent_after_child"], memory["initial"]);
    assert_eq!(memory["after_thread"], 42);
    let results = json["processes"]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    assert_eq!(results[0], results[1]);
    assert_eq!(
        json["threads_gil_simulated"]["results"],
        json["processes"]["results"]
    );
}

#[test]
fn main_guard_grows_a_bounded_tree() {
    let json = demo_json("main-guard", &[]);
    assert_eq!(json["unguarded"]["processes"], 14);
    assert_eq!(json["guarded"]["processes"], 2);
    let tree = json["unguarded"]["tree"].as_array().unwrap();
    let parent = json["parent_pid"].as_i64().unwrap();
    let top: Vec<&Value> = tree
        .iter()
        .filter(|n| n["ppid"].as_i64() == Some(parent))
        .collect();
    assert_eq!(top.len(), 2);
    assert!(tree.iter().all(|n| n["depth"].as_u64().unwrap() <= 3));
}

#[test]
fn spawn_child_refuses_an_unbounded_tree() {
    let out = atelier(&["__spawn-child", "1", "30", "2"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("limit"));
}

#[test]
fn startup_cost_runs_a_process_per_task_and_a_pool() {
    let json = demo_json("startup-cost", &[]);
    assert_eq!(json["child_pids"].as_array().unwrap().len(), 100);
    assert_eq!(json["pool_pids"].as_array().unwrap().len(), 4);
    assert_eq!(json["same_results"], true);
}

#[test]
fn narration_marks_lines_with_pids_in_english_on_request() {
    let out = atelier(&["--lang", "en", "demo", "process"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("[pid ") && text.contains("Process A starts"),
        "{text}"
    );
    assert!(text.contains("333,333,283,333,335,000,000"), "{text}");
}

#[test]
fn pool_draws_one_lane_per_worker() {
    let out = atelier(&["--lang", "en", "demo", "pool"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lanes = text
        .lines()
        .filter(|l| l.trim_start().starts_with("pid ") && l.contains(" │"))
        .count();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get());
    assert_eq!(lanes, cores, "{text}");
    assert!(text.contains("Input: 8, Square: 64, PID: "), "{text}");
}

/// A line of a drawing (a timeline's lanes and axis, a process tree), not a sentence: drawn, never
/// worded.
fn is_drawing(line: &str) -> bool {
    line.contains(['│', '└', '├', '┆'])
        || line
            .trim()
            .chars()
            .all(|c| c.is_ascii_digit() || " .msµ".contains(c))
}

/// The lines of Python code the demos show as they are, in every language.
const CODE_LINES: [&str; 2] = [
    "results = pool.map(square, [1, 2, 3, 4, 5, 6, 7, 8])",
    "variable = 0",
];

/// With the test language `xx` (every catalog message upper-cased and marked `‹xx› `), every line
/// every demo narrates carries the mark, and a process's line starts with it after its `[pid N]`
/// tag: a sentence left in the code (French or English) fails here. Between them the demos use the
/// narrator's every kind of line: headings, pid lines, plain lines, summary rows, a timeline's
/// elided lanes, a tree.
#[test]
fn narration_is_worded_by_the_catalog() {
    use util::PSEUDO_MARK;
    let demos: [&[&str]; 11] = [
        &["duel"],
        &["process"],
        &["main-guard"],
        &["pool"],
        &["queue"],
        &["ipc-cost"],
        &["primes", "--runs", "1"],
        &["thumbnails"],
        &["counter"],
        &["counter", "--no-lock"],
        &["startup-cost"],
    ];
    for args in demos {
        let demo = args.join(" ");
        let run = util::atelier()
            .with_test_language()
            .env("NO_COLOR", "1")
            .args(["--lang", "xx", "demo"])
            .args(args)
            .run();
        let text = run.stdout();
        assert!(run.output.status.success(), "demo {demo}: {}", run.stderr());
        let mut worded = 0;
        for line in text.lines().filter(|l| !l.trim().is_empty() && !is_drawing(l)) {
            match line.split_once("] ") {
                Some((stamp, said)) if stamp.contains("[pid ") => assert!(
                    said.starts_with(PSEUDO_MARK) || CODE_LINES.contains(&said),
                    "demo {demo}: a process's line not from the catalog: {line}\n{text}"
                ),
                _ => assert!(
                    line.contains(PSEUDO_MARK),
                    "demo {demo}: a line not from the catalog: {line}\n{text}"
                ),
            }
            worded += 1;
        }
        assert!(worded >= 5, "demo {demo}: too few lines to judge:\n{text}");
    }
}

/// The listing and the unknown demo's error (its hint, the list): `xx` too.
#[test]
fn listing_and_errors_are_worded_by_the_catalog() {
    use util::PSEUDO_MARK;
    let run = util::atelier()
        .with_test_language()
        .args(["--lang", "xx", "demo"])
        .run();
    let text = run.stdout();
    assert!(run.output.status.success(), "{}", run.stderr());
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 10, "{text}");
    for line in lines {
        assert!(
            line.contains(PSEUDO_MARK),
            "a description not from the catalog: {line}"
        );
    }
    let run = util::atelier()
        .with_test_language()
        .args(["--lang", "xx", "demo", "pol"])
        .run();
    assert_eq!(run.output.status.code(), Some(2), "{}", run.stderr());
    let err = run.stderr();
    assert!(
        err.matches(PSEUDO_MARK).count() >= 12 && err.contains("pool"),
        "the error, its hint and the list, all from the catalog: {err}"
    );
}
