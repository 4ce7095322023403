//! `atelier bench` through the built binary (it forks, and libtest runs tests on threads): the shape
//! of its report and the arithmetic between its lines. Never its speed: a test binary is a debug
//! build on a shared machine; the figures are measured by running the release binary (README).
mod util;

use serde_json::Value;
use util::atelier;

fn samples(w: &Value, side: &str) -> Vec<f64> {
    w[side]
        .as_array()
        .unwrap_or_else(|| panic!("{side} of {w}"))
        .iter()
        .map(|x| x.as_f64().expect("a number"))
        .collect()
}

#[test]
fn quick_json_report_has_every_workload_and_consistent_primes_lines() {
    let run = atelier().args(["bench", "--quick", "--json"]).run().code(0);
    let report = run.json();
    let reps = report["reps"].as_u64().unwrap() as usize;
    let rounds = report["primes_rounds"].as_u64().unwrap() as usize;
    assert_eq!((reps, rounds), (2, 3));
    // Every side and every pass of every round found the chapter's count, or the bench fails.
    assert_eq!(report["primes_count"], 16405);

    // The machine's own ceiling, measured once per run.
    let cores = samples(&report["raw"], "cores_speedup_samples");
    assert_eq!(cores.len(), reps);
    assert!(cores.iter().all(|x| x.is_finite() && *x > 0.0), "{cores:?}");
    assert!(report["raw"]["cores_speedup"].as_f64().is_some());

    let python = &report["cpython"];
    if std::env::var_os("CI").is_some() {
        // CI has python3: the comparison must have run, not been dropped.
        assert_eq!(python["available"], true, "{python}");
    }
    let with_python = python["available"] == true;
    if !with_python {
        assert!(
            python["reason"].as_str().is_some_and(|r| !r.is_empty()),
            "{python}"
        );
    }

    let workloads = report["workloads"].as_array().unwrap();
    let by_name = |name: &str| -> &Value {
        workloads
            .iter()
            .find(|w| w["name"] == name)
            .unwrap_or_else(|| panic!("no {name} line"))
    };
    let names: Vec<&str> = workloads.iter().map(|w| w["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "process_start_join",
            "pool_map_chunksize_1",
            "pool_map_chunksize_1000",
            "imap_unordered",
            "queue",
            "value_lock",
            "value_lock_startup",
            "primes_sequential",
            "primes_pool",
            "primes_speedup",
            "primes_no_pool",
            "primes_pool_share",
        ]
    );
    for w in workloads {
        let name = w["name"].as_str().unwrap();
        let ours = samples(w, "atelier_samples");
        let expected = if name.starts_with("primes") {
            reps * rounds
        } else {
            reps
        };
        assert_eq!(ours.len(), expected, "{name}");
        assert!(ours.iter().all(|x| x.is_finite() && *x > 0.0), "{name}: {ours:?}");
        let theirs = samples(w, "cpython_samples");
        let peer = with_python && !matches!(name, "primes_no_pool" | "primes_pool_share");
        assert_eq!(theirs.len(), if peer { reps } else { 0 }, "{name}");
        // A line with a target is judged whenever its peer was measured; context lines never are.
        let judged = match name {
            "process_start_join" | "primes_speedup" => true,
            "pool_map_chunksize_1" | "pool_map_chunksize_1000" | "queue" | "value_lock" => with_python,
            _ => false,
        };
        assert_eq!(w["met"].is_boolean(), judged, "{name}: {}", w["met"]);
    }

    // The speed-ups are ratios of the same round's times (the share: the pool's time against the
    // time without a pool).
    let seq = samples(by_name("primes_sequential"), "atelier_samples");
    let pool = samples(by_name("primes_pool"), "atelier_samples");
    let speedup = samples(by_name("primes_speedup"), "atelier_samples");
    let no_pool_speedup = samples(by_name("primes_no_pool"), "atelier_samples");
    let share = samples(by_name("primes_pool_share"), "atelier_samples");
    for i in 0..seq.len() {
        assert!((speedup[i] - seq[i] / pool[i]).abs() < 1e-9 * speedup[i]);
        assert!((share[i] - speedup[i] / no_pool_speedup[i]).abs() < 1e-6 * share[i]);
    }
    // The primes verdict follows its two targets from the medians the report shows.
    let line = by_name("primes_speedup");
    let ours = line["atelier"].as_f64().unwrap();
    let met = ours >= 1.9 && line["cpython"].as_f64().is_none_or(|c| ours >= c);
    assert_eq!(line["met"], met);
}
