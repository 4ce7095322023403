//! The spec parser and every check kind, on synthetic run reports: pure functions, no process.
use atelier::grader::CheckResult;
use atelier::grader::checks::{CheckInput, mask, normalise, strip_comments};
use atelier::grader::spec::{ExerciseSpec, Mask};
use atelier::grader::verdict::{NotJudged, Status, Verdict, tally};
use atelier::grader::{CheckReport, ReferenceOutput};
use atelier::i18n::Lang;
use atelier::sandbox::{OutputLine, ProcessTrace, RunReport, RunStatus, Stream};

const HEAD: &str = "version: 1\nid: \"9.1\"\ntitle: Test\nlesson: 9\nanchor: ex-1\nfile: prog.py\n";

/// The spec's checks judged on `obs`, their reasons put in `lang`'s words as a report does.
fn evaluate(spec: &ExerciseSpec, obs: &CheckInput, lang: Lang) -> Vec<CheckResult> {
    let mut results = atelier::grader::checks::evaluate(spec, obs, lang);
    for result in &mut results {
        result.word(lang);
    }
    results
}

fn spec(checks: &str) -> ExerciseSpec {
    let text = format!("{HEAD}checks:\n{checks}");
    ExerciseSpec::parse("test.yaml", &text).unwrap_or_else(|p| panic!("{p}\n{text}"))
}

fn report(stdout: &str) -> RunReport {
    RunReport {
        status: RunStatus::Ok,
        exit_code: Some(0),
        signal: None,
        wall_s: 1.0,
        cpu_s: 1.0,
        processes: 1,
        processes_method: "test".into(),
        exact: true,
        inexact_reason: None,
        inexact: None,
        max_rss_kb: 1000,
        stdout: stdout.into(),
        stderr: String::new(),
        stdout_truncated: false,
        stderr_truncated: false,
        lines: stdout
            .lines()
            .enumerate()
            .map(|(i, l)| OutputLine {
                stream: Stream::Stdout,
                at_s: 0.1 * (i + 1) as f64,
                text: l.into(),
            })
            .collect(),
        trace: vec![proc(1, 0.0, 1.0, 1.0)],
        leftovers_killed: 0,
        layers: vec!["test".into()],
        detail: None,
        reason: None,
    }
}

fn proc(pid: i32, start_s: f64, end_s: f64, cpu_s: f64) -> ProcessTrace {
    ProcessTrace {
        pid,
        start_s,
        end_s,
        cpu_s,
    }
}

/// A pool's run: the main process and four workers computing together.
fn pool_run(stdout: &str) -> RunReport {
    let mut pool = report(stdout);
    pool.processes = 5;
    pool.cpu_s = 1.8;
    pool.trace = vec![
        proc(1, 0.0, 1.0, 0.2),
        proc(2, 0.1, 0.9, 0.4),
        proc(3, 0.1, 0.9, 0.4),
        proc(4, 0.1, 0.9, 0.4),
        proc(5, 0.1, 0.9, 0.4),
    ];
    pool
}

/// Runs the spec's checks on `report` (source `source`, no reference) and returns their statuses.
fn statuses(spec: &ExerciseSpec, report: &RunReport, source: &str) -> Vec<Status> {
    statuses_with(spec, report, source, None, 2)
}

fn statuses_with(
    spec: &ExerciseSpec,
    report: &RunReport,
    source: &str,
    reference: Option<&ReferenceOutput>,
    cpus: u32,
) -> Vec<Status> {
    let obs = CheckInput {
        report,
        source,
        reference,
        cpus,
        machine_cpus: 2,
        pinned: cpus == 1,
        busy_share: spec.busy_share,
    };
    evaluate(spec, &obs, Lang::En)
        .into_iter()
        .map(|c| c.status)
        .collect()
}

use Status::{Fail, Pass, Skip};

// ---- spec parsing ----

#[test]
fn unknown_top_level_key_names_file_line_and_key() {
    let text = format!("{HEAD}colour: blue\nchecks:\n  - name: a\n    kind: exit-status\n    hint: h\n");
    let err = ExerciseSpec::parse("ex/exercise.yaml", &text).unwrap_err();
    assert_eq!(err.file, "ex/exercise.yaml");
    assert_eq!(err.line, Some(7), "{err}");
    assert!(err.message.word(Lang::En).contains("colour"), "{err}");
}

#[test]
fn unknown_key_in_a_check_names_its_line() {
    let text = format!(
        "{HEAD}checks:\n  - name: a\n    kind: exit-status\n    hint: h\n  - name: b\n    kind: processes\n    minimum: 3\n    hint: h\n"
    );
    let err = ExerciseSpec::parse("e.yaml", &text).unwrap_err();
    assert_eq!(err.line, Some(13), "{err}");
    assert!(
        err.message.word(Lang::En).contains("`b`") && err.message.word(Lang::En).contains("minimum"),
        "{err}"
    );
    assert!(err.to_string().starts_with("e.yaml:13: "), "{err}");
}

#[test]
fn unknown_kind_points_at_the_kind_line() {
    let text = format!("{HEAD}checks:\n  - name: a\n    hint: h\n    kind: telepathy\n");
    let err = ExerciseSpec::parse("e.yaml", &text).unwrap_err();
    assert_eq!(err.line, Some(10), "{err}");
    assert!(err.message.word(Lang::En).contains("telepathy"), "{err}");
}

#[test]
fn missing_hint_bad_regex_bad_expression_duplicate_name_and_version_are_errors() {
    let no_hint = format!("{HEAD}checks:\n  - name: a\n    kind: exit-status\n");
    assert!(
        ExerciseSpec::parse("e", &no_hint)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("hint")
    );
    let bad_regex =
        format!("{HEAD}checks:\n  - name: a\n    kind: regex\n    patterns: ['(']\n    hint: h\n");
    let err = ExerciseSpec::parse("e", &bad_regex).unwrap_err();
    assert!(
        err.message.word(Lang::En).contains("patterns") && err.line == Some(10),
        "{err}"
    );
    let bad_expr =
        format!("{HEAD}checks:\n  - name: a\n    kind: expression\n    expr: '(a <'\n    hint: h\n");
    assert!(
        ExerciseSpec::parse("e", &bad_expr)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("expr")
    );
    let dup = format!(
        "{HEAD}checks:\n  - name: a\n    kind: exit-status\n    hint: h\n  - name: a\n    kind: exit-status\n    hint: h\n"
    );
    assert!(
        ExerciseSpec::parse("e", &dup)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("another check")
    );
    let v2 = format!(
        "{}checks:\n  - name: a\n    kind: exit-status\n    hint: h\n",
        HEAD.replace("version: 1", "version: 2")
    );
    let err = ExerciseSpec::parse("e", &v2).unwrap_err();
    assert_eq!(err.line, Some(1), "{err}");
}

#[test]
fn values_out_of_range_are_errors_not_panics() {
    let check = "checks:\n  - name: a\n    kind: exit-status\n    hint: h\n";
    for (extra, key) in [
        ("limits:\n  wall_s: -1\n", "wall_s"),
        ("limits:\n  cpu_s: .nan\n", "cpu_s"),
        ("limits:\n  processes: 0\n", "processes"),
        ("busy_share: 2\n", "busy_share"),
    ] {
        let text = format!("{HEAD}{extra}{check}");
        let err = ExerciseSpec::parse("e", &text).unwrap_err();
        assert!(err.message.word(Lang::En).contains(key), "{err}");
        assert!(err.line.is_some(), "{err}");
    }
    let climbing = format!("{}{check}", HEAD.replace("file: prog.py", "file: ../x.py"));
    assert!(
        ExerciseSpec::parse("e", &climbing)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("plain file name")
    );
    let late =
        format!("{HEAD}checks:\n  - {{name: s, kind: streaming, matching: x, first_before: 1.5, hint: h}}\n");
    assert!(
        ExerciseSpec::parse("e", &late)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("first_before")
    );
}

#[test]
fn defaults_and_bilingual_hints() {
    let s = spec("  - name: a\n    kind: exit-status\n    hint:\n      fr: oui\n      en: yes\n");
    assert_eq!(s.run, "python3 {file}");
    assert_eq!(s.runs, 1);
    assert_eq!(s.checks[0].points, 1);
    assert_eq!(s.checks[0].hint.get(Lang::Fr), "oui");
    assert_eq!(s.checks[0].hint.get(Lang::En), "yes");
}

#[test]
fn the_shipped_specs_parse() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("exercises");
    let mut n = 0;
    for entry in std::fs::read_dir(root).expect("exercises/") {
        let dir = entry.expect("entry").path();
        if !dir.is_dir() {
            continue; // exercises/README.md
        }
        let path = dir.join("exercise.yaml");
        let text = std::fs::read_to_string(&path).expect("exercise.yaml");
        ExerciseSpec::parse(&path.display().to_string(), &text).unwrap_or_else(|p| panic!("{p}"));
        n += 1;
    }
    assert!(n >= 3);
}

// ---- text kinds ----

#[test]
fn normalisation() {
    assert_eq!(normalise("a  \r\nb\t\r\n\n\n", false, false), "a\nb");
    assert_eq!(normalise("Élève À", true, true), "eleve a");
}

#[test]
fn exact_and_contains() {
    let s = spec(
        "  - {name: a, kind: exact, expected: \"Bonjour\\nfin\", hint: h}\n  - {name: b, kind: exact, expected: \"bonjour\\nFIN\", ignore_case: true, hint: h}\n  - {name: c, kind: exact, expected: \"Bonjour\", hint: h}\n  - {name: d, kind: contains, text: élève, ignore_accents: true, ignore_case: true, hint: h}\n  - {name: e, kind: contains, text: absent, hint: h}\n",
    );
    let r = report("Bonjour   \r\nfin\n\n");
    let mut r2 = r.clone();
    r2.stdout = "Un ELEVE".into();
    assert_eq!(statuses(&s, &r, "")[..3], [Pass, Pass, Fail]);
    assert_eq!(statuses(&s, &r2, "")[3..], [Pass, Fail]);
}

#[test]
fn regex_captures_flow_into_numbers_and_expressions() {
    let s = spec(
        r#"  - name: seq
    kind: regex
    patterns: ['(?m)^nope (?P<x>\d+)', '(?m)^seq (?P<t_seq>[\d.]+) s, (?P<n>\d+)']
    hint: h
  - {name: par, kind: regex, patterns: ['par (?P<t_par>[\d.]+)'], occurrence: last, hint: h}
  - {name: n, kind: number, var: n, expected: 16405, hint: h}
  - {name: n2, kind: number, var: t_seq, expected: 2.0, tolerance: 0.1, hint: h}
  - {name: faster, kind: expression, expr: 't_par < t_seq * 0.8', hint: h}
  - {name: missing, kind: number, var: x, expected: 1, hint: h}
  - {name: strings, kind: expression, expr: 'n == 16405 && cpus >= 2', hint: h}
"#,
    );
    let r = report("seq 2.05 s, 16405\npar 1.9\npar 1.2\n");
    assert_eq!(statuses(&s, &r, ""), [Pass, Pass, Pass, Pass, Pass, Fail, Pass]);
    let slow = report("seq 2.05 s, 16404\npar 1.9\n");
    assert_eq!(
        statuses(&s, &slow, ""),
        [Pass, Pass, Fail, Pass, Fail, Fail, Fail]
    );
    let none = report("nothing\n");
    assert_eq!(
        statuses(&s, &none, ""),
        [Fail, Fail, Fail, Fail, Fail, Fail, Fail]
    );
}

#[test]
fn lines_in_any_order_and_line_counts() {
    let s = spec(
        r#"  - {name: any, kind: lines-any-order, expected: [b, a], hint: h}
  - {name: strict, kind: lines-any-order, expected: [b, a], allow_extra: false, hint: h}
  - {name: re, kind: lines-any-order, expected: ['^img_\d$', '^img_\d$'], match: regex, hint: h}
  - {name: count, kind: line-count, min: 3, max: 3, hint: h}
  - {name: thumbs, kind: line-count, matching: '^img', min: 2, hint: h}
"#,
    );
    assert_eq!(
        statuses(&s, &report("a\nimg_1\nb\n"), ""),
        [Pass, Fail, Fail, Pass, Fail]
    );
    assert_eq!(
        statuses(&s, &report("b\na\n"), ""),
        [Pass, Pass, Fail, Fail, Fail]
    );
    assert_eq!(
        statuses(&s, &report("img_1\nimg_2\n\n"), ""),
        [Fail, Fail, Pass, Fail, Pass]
    );
}

#[test]
fn same_as_reference_masks_what_varies() {
    let s = spec(
        r#"  - {name: same, kind: same-as-reference, mask: [pid, float], hint: h}
  - {name: set, kind: same-as-reference, order: any, filter: thumb, extract: '(img_\d+)', hint: h}
"#,
    );
    let reference = ReferenceOutput {
        stdout: "start\nimg_0 thumb PID: 12 in 0.51 s\nimg_1 thumb PID: 13 in 0.50 s\n".into(),
        stderr: String::new(),
    };
    let same = report("start\nimg_0 thumb PID: 99 in 0.49 s\nimg_1 thumb PID: 98 in 0.52 s\n");
    let reordered = report("start\nimg_1 thumb PID: 99 in 0.49 s\nimg_0 thumb PID: 98 in 0.52 s\n");
    let missing = report("start\nimg_1 thumb PID: 99 in 0.49 s\n");
    assert_eq!(statuses_with(&s, &same, "", Some(&reference), 2), [Pass, Pass]);
    assert_eq!(
        statuses_with(&s, &reordered, "", Some(&reference), 2),
        [Fail, Pass]
    );
    assert_eq!(statuses_with(&s, &missing, "", Some(&reference), 2), [Fail, Fail]);
    assert_eq!(statuses_with(&s, &same, "", None, 2), [Skip, Skip]);
    assert_eq!(
        mask("pid=42 t 1,5 n 7", &[Mask::Pid, Mask::Float]),
        "pid=<pid> t <float> n 7"
    );
    assert_eq!(mask("n 7", &[Mask::Int]), "n <int>");
}

// ---- what the run did ----

#[test]
fn exit_status_signal_and_timeout() {
    let s = spec(
        "  - {name: exit, kind: exit-status, hint: h}\n  - {name: exit3, kind: exit-status, code: 3, hint: h}\n",
    );
    let ok = report("");
    let mut crashed = report("");
    crashed.exit_code = Some(1);
    crashed.stderr = "Traceback (most recent call last):\nZeroDivisionError: division by zero\n".into();
    let mut killed = report("");
    killed.exit_code = None;
    killed.signal = Some(9);
    killed.status = RunStatus::Timeout;
    assert_eq!(statuses(&s, &ok, ""), [Pass, Fail]);
    assert_eq!(statuses(&s, &crashed, ""), [Fail, Fail]);
    assert_eq!(statuses(&s, &killed, ""), [Fail, Fail]);
}

#[test]
fn processes_busy_processes_and_parallelism() {
    let s = spec(
        r#"  - {name: procs, kind: processes, min: 3, max: 'max(machine_cpus, 4) + 2', hint: h}
  - {name: busy, kind: busy-processes, min: 3, share: 0.1, hint: h}
  - {name: at-once, kind: busy-processes, min: 3, share: 0.1, at_once: true, hint: h}
  - {name: par, kind: parallelism, min: 1.3, when: 'cpus >= 2', hint: h}
"#,
    );
    let pool = pool_run("");
    assert_eq!(statuses(&s, &pool, ""), [Pass, Pass, Pass, Pass]);
    // Pinned to one CPU, the parallelism check does not apply.
    assert_eq!(statuses_with(&s, &pool, "", None, 1), [Pass, Pass, Pass, Skip]);
    // The same workers one after the other.
    let mut serial = pool.clone();
    serial.cpu_s = 1.0;
    serial.trace = vec![
        proc(1, 0.0, 1.0, 0.2),
        proc(2, 0.0, 0.2, 0.2),
        proc(3, 0.2, 0.4, 0.2),
        proc(4, 0.4, 0.6, 0.2),
        proc(5, 0.6, 0.8, 0.2),
    ];
    assert_eq!(statuses(&s, &serial, ""), [Pass, Pass, Fail, Fail]);
    // One worker per task: too many processes; a single process: too few.
    let mut many = pool.clone();
    many.processes = 11;
    assert_eq!(statuses(&s, &many, "")[0], Fail);
    assert_eq!(statuses(&s, &report(""), ""), [Fail, Fail, Fail, Fail]);
    // Counted by sampling, a count is a lower bound: short of `min` it proves nothing, even at one
    // process (ten short processes can all slip between two samples).
    let mut sampled = pool.clone();
    sampled.processes = 2;
    sampled.processes_method = "sampling every 5 ms".into();
    sampled.exact = false;
    assert_eq!(statuses(&s, &sampled, "")[0], Skip);
    sampled.processes = 1;
    assert_eq!(statuses(&s, &sampled, "")[0], Skip);
}

#[test]
fn an_inexact_observation_decides_only_what_a_lower_bound_proves() {
    let s = spec(
        r#"  - {name: at-least, kind: processes, min: 3, hint: h}
  - {name: range, kind: processes, min: 3, max: '6', hint: h}
  - {name: busy, kind: busy-processes, min: 3, share: 0.1, at_once: true, hint: h}
  - {name: expr, kind: expression, expr: 'processes <= 6', hint: h}
  - {name: text, kind: contains, text: ok, hint: h}
"#,
    );
    let pool = pool_run("ok");
    assert_eq!(statuses(&s, &pool, ""), [Pass, Pass, Pass, Pass, Pass]);
    let mut sampled = pool.clone();
    sampled.processes_method = "sampling every 20 ms (short-lived processes may be missed)".into();
    sampled.exact = false;
    // At least 5 seen: `min` is certain; `max` is not (more may have slipped through); the busy
    // ones seen are busy; an expression over the count decides nothing.
    assert_eq!(statuses(&s, &sampled, ""), [Pass, Skip, Pass, Skip, Pass]);
    let obs = observed(&sampled, 2);
    let results = evaluate(&s, &obs, Lang::En);
    assert_eq!(results[1].not_judged, Some(NotJudged::NoInstrument));
    assert!(
        results[1].message.contains("atelier doctor"),
        "{}",
        results[1].message
    );
    // Never a pass, never points left out: the verdict is an error, the maximum the spec's.
    assert_eq!(tally(RunStatus::Ok, &results), (Verdict::Error, 3, 5));
    // Seven seen where at most six are allowed: certainly too many.
    sampled.processes = 7;
    assert_eq!(statuses(&s, &sampled, "")[1], Fail);
    // A short count, or too few busy processes seen, proves nothing.
    sampled.processes = 2;
    sampled.trace.truncate(2);
    assert_eq!(statuses(&s, &sampled, "")[..3], [Skip, Skip, Skip]);
    // An exact method that lost events is a lower bound too.
    let mut lost = pool.clone();
    lost.processes = 2;
    lost.processes_method = "proc-connector (events lost: a lower bound)".into();
    lost.exact = false;
    assert_eq!(statuses(&s, &lost, "")[0], Skip);
    lost.processes_method = "proc-connector".into();
    lost.exact = true;
    assert_eq!(statuses(&s, &lost, "")[0], Fail);
}

fn observed<'a>(report: &'a RunReport, cpus: u32) -> CheckInput<'a> {
    CheckInput {
        report,
        source: "",
        reference: None,
        cpus,
        machine_cpus: 2,
        pinned: cpus == 1,
        busy_share: 0.05,
    }
}

#[test]
fn line_count_with_a_key_counts_distinct_results_whatever_their_names() {
    let s = spec(
        r#"  - {name: each, kind: line-count, matching: '_thumb', key: '([^\s/]+?)_thumb', min: 3, max: 3, hint: h}
"#,
    );
    let ours = report(
        "Début\n[0.5s] ✅ img_0.jpg -> img_0_thumb.jpg (PID 4)\n[0.5s] ✅ img_1.jpg -> img_1_thumb.jpg (PID 5)\n[1.0s] img_2_thumb.jpg\nFin : 3 vignettes\n",
    );
    let theirs = report("chat.png_thumb.jpg\nchien.png_thumb.jpg\noiseau.png_thumb.jpg\n");
    let twice = report("a_thumb.jpg (PID 1)\nb_thumb.jpg\na_thumb.jpg (PID 2)\n");
    let short = report("a_thumb.jpg\nb_thumb.jpg\n");
    assert_eq!(statuses(&s, &ours, ""), [Pass]);
    assert_eq!(statuses(&s, &theirs, ""), [Pass]);
    assert_eq!(statuses(&s, &twice, ""), [Fail]);
    assert_eq!(statuses(&s, &short, ""), [Fail]);
    let obs = observed(&twice, 2);
    let message = &evaluate(&s, &obs, Lang::En)[0].message;
    assert!(message.contains("a ×2"), "{message}");
}

#[test]
fn expressions_name_only_known_variables_at_load() {
    // `when` reads a variable nobody sets: an error at the `when` line, naming the variable.
    let typo = format!(
        "{HEAD}checks:\n  - name: a\n    kind: exit-status\n    when: 'machine_cpu < 10'\n    hint: h\n"
    );
    let err = ExerciseSpec::parse("e.yaml", &typo).unwrap_err();
    assert_eq!(err.line, Some(10), "{err}");
    assert!(err.message.word(Lang::En).contains("`machine_cpu`"), "{err}");
    // A capture is known below its regex check, not above it.
    let later = format!(
        "{HEAD}checks:\n  - name: a\n    kind: expression\n    expr: 't > 1'\n    hint: h\n  - {{name: b, kind: regex, patterns: ['(?P<t>\\d+)'], hint: h}}\n"
    );
    let err = ExerciseSpec::parse("e.yaml", &later).unwrap_err();
    assert!(
        err.message.word(Lang::En).contains("`t`") && err.line == Some(10),
        "{err}"
    );
    let earlier = format!(
        "{HEAD}checks:\n  - {{name: b, kind: regex, patterns: ['(?P<t>\\d+)'], hint: h}}\n  - {{name: a, kind: expression, expr: 't > 1 && cpus >= 1', when: 'machine_cpus < 10', hint: h}}\n  - {{name: c, kind: number, var: t, expected: 2, hint: h}}\n"
    );
    assert!(ExerciseSpec::parse("e.yaml", &earlier).is_ok());
    let number = format!("{HEAD}checks:\n  - {{name: c, kind: number, var: t, expected: 2, hint: h}}\n");
    assert!(
        ExerciseSpec::parse("e.yaml", &number)
            .unwrap_err()
            .message
            .word(Lang::En)
            .contains("`t`")
    );
    // Every variable the run sets is known (the list and the run agree).
    let r = report("");
    let vars = atelier::grader::checks::Vars::of_run(&observed(&r, 2));
    for name in atelier::grader::spec::RUN_VARIABLES {
        assert!(vars.get(name).is_some(), "{name}");
    }
}

#[test]
fn limits_beyond_their_maximum_name_it() {
    let check = "checks:\n  - name: a\n    kind: exit-status\n    hint: h\n";
    for (extra, key, max) in [
        (
            "limits:\n  memory_mb: 18446744073709551615\n",
            "memory_mb",
            "1048576",
        ),
        ("limits:\n  processes: 4294967295\n", "processes", "100000"),
        (
            "limits:\n  output_bytes: 18446744073709551615\n",
            "output_bytes",
            "1073741824",
        ),
    ] {
        let text = format!("{HEAD}{extra}{check}");
        let err = ExerciseSpec::parse("e.yaml", &text).unwrap_err();
        assert!(
            err.message.word(Lang::En).contains(key) && err.message.word(Lang::En).contains(max),
            "{err}"
        );
        assert_eq!(err.line, Some(8), "{err}");
    }
    // A spec built by hand is clamped, never wrapped.
    let limits = atelier::grader::spec::SpecLimits {
        memory_mb: u64::MAX,
        ..Default::default()
    };
    assert_eq!(limits.to_limits().memory_bytes, 1 << 40);
}

#[test]
fn wall_time_against_measured_figures() {
    let s = spec(
        r#"  - {name: t, kind: regex, patterns: ['(?P<t_seq>[\d.]+) (?P<t_par>[\d.]+)'], hint: h}
  - {name: wall, kind: wall-time, min: 't_seq + t_par - 0.05', max: '(t_seq + t_par) * 2 + 1', hint: h}
"#,
    );
    let measured = report("0.4 0.3\n"); // the run lasted 1.0 s
    let invented = report("4.2 1.3\n");
    let mut slow = report("0.01 0.01\n");
    slow.wall_s = 5.0;
    assert_eq!(statuses(&s, &measured, ""), [Pass, Pass]);
    assert_eq!(statuses(&s, &invented, ""), [Pass, Fail]);
    assert_eq!(statuses(&s, &slow, ""), [Pass, Fail]);
}

#[test]
fn streaming_reads_arrival_times() {
    let s = spec("  - {name: stream, kind: streaming, matching: thumb, first_before: 0.6, hint: h}\n");
    let mut streamed = report("");
    streamed.wall_s = 2.6;
    streamed.lines = (0..10)
        .map(|i| OutputLine {
            stream: Stream::Stdout,
            at_s: 0.55 + 0.5 * (i / 2) as f64,
            text: format!("img_{i}_thumb"),
        })
        .collect();
    let mut at_the_end = streamed.clone();
    for line in &mut at_the_end.lines {
        line.at_s = 2.55;
    }
    assert_eq!(statuses(&s, &streamed, ""), [Pass]);
    assert_eq!(statuses(&s, &at_the_end, ""), [Fail]);
    assert_eq!(statuses(&s, &report("nothing"), ""), [Fail]);
    // A hard-coded program: ten lines in one burst early in a 20 ms run (interpreter exit after).
    let mut burst = streamed.clone();
    burst.wall_s = 0.02;
    for line in &mut burst.lines {
        line.at_s = 0.008;
    }
    assert_eq!(statuses(&s, &burst, ""), [Fail]);
}

#[test]
fn source_patterns_ignore_comments() {
    let s = spec(
        r#"  - name: lock
    kind: source
    contains: ['with\s+\w+\s*:']
    lacks: ['import threading']
    hint: h
"#,
    );
    assert_eq!(statuses(&s, &report(""), "with lock:\n    x += 1\n"), [Pass]);
    assert_eq!(statuses(&s, &report(""), "# with lock:\nx += 1\n"), [Fail]);
    assert_eq!(
        statuses(&s, &report(""), "import threading\nwith lock:\n"),
        [Fail]
    );
    assert_eq!(
        strip_comments("a = '#no' # yes\nb = \"\"\"x # y\"\"\" # z\n"),
        "a = '#no' \nb = \"\"\"x # y\"\"\" \n"
    );
}

#[test]
fn verdict_and_score() {
    let s = spec(
        "  - {name: a, kind: exit-status, points: 2, hint: h}\n  - {name: b, kind: parallelism, min: 1.5, when: 'cpus >= 2', points: 3, hint: h}\n  - {name: c, kind: contains, text: x, hint: h}\n",
    );
    let r = report("x");
    let obs = CheckInput {
        report: &r,
        source: "",
        reference: None,
        cpus: 1,
        machine_cpus: 2,
        pinned: true,
        busy_share: 0.05,
    };
    // Pinned, `cpus >= 2` does not hold: the check does not apply here and its points are given,
    // so that the score means the same on every machine; the maximum is the spec's total.
    let results = evaluate(&s, &obs, Lang::Fr);
    assert_eq!(results[1].status, Skip);
    assert_eq!(results[1].not_judged, Some(NotJudged::NotApplicable));
    assert_eq!(tally(RunStatus::Ok, &results), (Verdict::Pass, 6, 6));
    let obs2 = CheckInput {
        cpus: 2,
        pinned: false,
        ..obs
    };
    let results = evaluate(&s, &obs2, Lang::Fr);
    assert_eq!(tally(RunStatus::Ok, &results), (Verdict::Fail, 3, 6));
    assert_eq!(tally(RunStatus::InternalError, &results).0, Verdict::Error);
    assert!(
        results[1].message.contains("parallélisme"),
        "{}",
        results[1].message
    );
}

#[test]
fn report_serialises_to_the_design_schema() {
    let s = spec("  - {name: a, kind: contains, text: zzz, hint: h}\n");
    let r = report("abc");
    let obs = CheckInput {
        report: &r,
        source: "",
        reference: None,
        cpus: 2,
        machine_cpus: 2,
        pinned: false,
        busy_share: 0.05,
    };
    let checks = evaluate(&s, &obs, Lang::En);
    let (verdict, score, max_score) = tally(r.status, &checks);
    let report = CheckReport {
        exercise: "9.1".into(),
        title: "Test".into(),
        submission: "prog.py".into(),
        verdict,
        score,
        max_score,
        checks,
        run: atelier::grader::RunSummary::new(&r, 1, false, 2, Lang::En),
        cases: Vec::new(),
        runs: None,
        lesson_anchor: "9#ex-1".into(),
    };
    let json: serde_json::Value = serde_json::to_value(&report).expect("serialises");
    assert_eq!(json["verdict"], "fail");
    assert_eq!(json["checks"][0]["status"], "fail");
    assert_eq!(json["checks"][0]["max_points"], 1);
    assert_eq!(json["checks"][0]["expected"], "zzz");
    for key in [
        "status",
        "exit_code",
        "signal",
        "wall_s",
        "cpu_s",
        "processes",
        "max_rss_kb",
        "stdout_truncated",
    ] {
        assert!(json["run"].get(key).is_some(), "run.{key}");
    }
    assert_eq!(json["run"]["status"], "ok");
    let mut human = Vec::new();
    atelier::view::write_check_report(&report, Lang::En, false, &mut human).expect("writes");
    let human = String::from_utf8(human).expect("utf-8");
    assert!(
        human.contains("✗   0/1  a") && human.contains("hint: h") && human.contains("- zzz"),
        "{human}"
    );
    assert!(!human.contains('\x1b'), "no colour when off");
    let mut coloured = Vec::new();
    atelier::view::write_check_report(&report, Lang::Fr, true, &mut coloured).expect("writes");
    let coloured = String::from_utf8(coloured).expect("utf-8");
    assert!(
        coloured.contains("\x1b[31m") && coloured.contains("indice :"),
        "{coloured}"
    );
}

#[test]
fn hints_follow_the_last_failures() {
    let s = spec(
        "  - {name: a, kind: exit-status, hint: first}\n  - {name: b, kind: contains, text: z, hint: {fr: deux, en: two}}\n",
    );
    assert_eq!(atelier::grader::hint(&s, None, Lang::En)[0].text, "first");
    let r = report("abc");
    let obs = CheckInput {
        report: &r,
        source: "",
        reference: None,
        cpus: 2,
        machine_cpus: 2,
        pinned: false,
        busy_share: 0.05,
    };
    let checks = evaluate(&s, &obs, Lang::En);
    let (verdict, score, max_score) = tally(r.status, &checks);
    let last = CheckReport {
        exercise: "9.1".into(),
        title: "Test".into(),
        submission: "prog.py".into(),
        verdict,
        score,
        max_score,
        checks,
        run: atelier::grader::RunSummary::new(&r, 1, false, 2, Lang::En),
        cases: Vec::new(),
        runs: None,
        lesson_anchor: "9#ex-1".into(),
    };
    let hints = atelier::grader::hint(&s, Some(&last), Lang::En);
    assert_eq!(hints.len(), 1);
    assert_eq!((hints[0].check.as_str(), hints[0].text.as_str()), ("b", "two"));
}

// ---- the shipped specs read what the statements allow ----

fn shipped(folder: &str) -> ExerciseSpec {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("exercises")
        .join(folder)
        .join("exercise.yaml");
    let text = std::fs::read_to_string(&path).expect("exercise.yaml");
    ExerciseSpec::parse(&path.display().to_string(), &text).unwrap_or_else(|p| panic!("{p}"))
}

/// The statuses of the named checks of `spec` on a run that printed `stdout` and lasted 3 s.
fn judged(spec: &ExerciseSpec, stdout: &str, names: &[&str]) -> Vec<(String, Status, String)> {
    let mut r = report(stdout);
    r.wall_s = 3.0;
    evaluate(spec, &observed(&r, 2), Lang::En)
        .into_iter()
        .filter(|c| names.contains(&c.name.as_str()))
        .map(|c| (c.name, c.status, c.message))
        .collect()
}

#[test]
fn the_43_1_spec_reads_every_wording_the_statement_allows() {
    let spec = shipped("43.1-nombres-premiers");
    let text_checks = [
        "duree-sequentielle",
        "duree-parallele",
        "compte-sequentiel-juste",
        "compte-parallele-juste",
        "durees-mesurees",
        "parallele-pas-trop-lent",
    ];
    // (output, t_seq, t_par) each judged right on the text checks.
    let right = [
        (
            "Séquentiel : 0.42s (Trouvé: 16405)\nParallèle : 0.30s (Trouvé: 16405)\n",
            "0.42",
            "0.3",
        ),
        (
            "Nombre de nombres premiers : 16405\nTemps séquentiel : 0.812 s\nTemps parallèle : 0.655 s\n",
            "0.812",
            "0.655",
        ),
        (
            "Sequential: found 16405 primes in 0.81 seconds\nParallel (4 processes): found 16405 primes in 0.43 seconds\nSpeed-up: x1.88\n",
            "0.81",
            "0.43",
        ),
        (
            "cpu_count = 2\n\n  [debug] pid 12 : 25000 nombres, 2113 premiers\nSequentiel : 0.50s -> 16405 premiers\n  [debug] pid 13 : 25000 nombres, 2113 premiers\nParallele : 0.40s -> 16405 premiers\n",
            "0.5",
            "0.4",
        ),
        (
            "=== Version séquentielle ===\n  premiers trouvés : 16405\n  durée : 0.61 s\n=== Version parallèle (Pool de 4) ===\n  premiers trouvés : 16405\n  durée : 0.52 s\n",
            "0.61",
            "0.52",
        ),
        (
            "Sans Pool : 0.71 s, 16405 premiers\nAvec Pool : 0.52 s, 16405 premiers\n",
            "0.71",
            "0.52",
        ),
        (
            "200000 nombres à tester\nSéquentiel : 0.6 secondes\nParallèle (4 cœurs) : 0.5 secondes (Gain significatif !)\nTrouvé : 16405 / 16405 nombres premiers\n",
            "0.6",
            "0.5",
        ),
        (
            "SÉQUENTIEL : 16405 nombres premiers en 0,80 secondes\nPARALLÈLE  : 16405 nombres premiers en 0,60 secondes\n",
            "0.8",
            "0.6",
        ),
    ];
    for (out, t_seq, t_par) in right {
        for (name, status, message) in judged(&spec, out, &text_checks) {
            assert_eq!(status, Pass, "{name} on\n{out}\n{message}");
            if name == "parallele-pas-trop-lent" {
                let seq = format!("t_seq = {t_seq}");
                let par = format!("t_par = {t_par}");
                assert!(
                    message.contains(&seq) && message.contains(&par),
                    "{message}\n{out}"
                );
            }
        }
    }
    // What must fail, and which check says so.
    let wrong = [
        (
            "Séquentiel : 0.42s (Trouvé: 16405)\nParallèle : 0.30s (Trouvé: 16398)\n",
            "compte-parallele-juste",
        ),
        (
            "Nombres premiers trouvés : 16417\nSéquentiel : 0.42 s\nParallèle : 0.30 s\n",
            "compte-sequentiel-juste",
        ),
        (
            "Séquentiel : 4.2 secondes (Trouvé: 16405)\nParallèle (4 cœurs) : 1.3 secondes (Trouvé: 16405)\n",
            "durees-mesurees",
        ),
        (
            "Séquentiel : 0.20s (Trouvé: 16405)\nParallèle : 2.60s (Trouvé: 16405)\n",
            "parallele-pas-trop-lent",
        ),
        ("Séquentiel : 0.42s (Trouvé: 16405)\n", "duree-parallele"),
    ];
    for (out, check) in wrong {
        let results = judged(&spec, out, &[check]);
        assert_eq!(results[0].1, Fail, "{check} on\n{out}\n{}", results[0].2);
    }
}

#[test]
fn the_43_2_spec_takes_any_ten_image_names() {
    let spec = shipped("43.2-traitement-images");
    let names = ["dix-resultats", "chaque-image-une-fois"];
    let lines = |f: &dyn Fn(usize) -> String| (0..10).map(f).collect::<Vec<_>>().join("\n");
    for out in [
        lines(&|i| format!("[0.5s] ✅ img_{i}.jpg -> img_{i}_thumb.jpg (PID 42)")),
        lines(&|i| format!("✅ photo_{i}.png_thumb.jpg (PID: 42)")),
        lines(&|i| format!("Image {} traitée... (animal{i}.jpg_thumb.jpg)", i + 1)),
        lines(&|i| format!("{i:5.2}s  product-{i:03}.jpeg done -> product-{i:03}.jpeg_thumb.jpg")),
        lines(&|i| format!("img{i}_thumb.jpg")),
    ] {
        let out = format!("Début du traitement...\n{out}\nTraitement terminé : 10 vignettes.\n");
        for (name, status, message) in judged(&spec, &out, &names) {
            assert_eq!(status, Pass, "{name} on\n{out}\n{message}");
        }
    }
    let twice = lines(&|i| format!("OK : produit{}.jpg_thumb.jpg", i.min(8)));
    let results = judged(&spec, &twice, &names);
    assert_eq!((results[0].1, results[1].1), (Pass, Fail), "{results:?}");
}

#[test]
fn a_condition_over_a_value_the_output_lacks_fails_rather_than_vanishing() {
    let s = spec(
        r#"  - {name: t, kind: regex, patterns: ['t=(?P<t>\d+)'], hint: h}
  - name: fast
    kind: contains
    text: ok
    when: 't < 5'
    points: 2
    hint: h
"#,
    );
    assert_eq!(statuses(&s, &report("t=3 ok"), ""), [Pass, Pass]);
    // t = 9: the condition does not hold; the check does not apply, its points are given.
    let r = report("t=9");
    let results = evaluate(&s, &observed(&r, 2), Lang::En);
    assert_eq!(results[1].status, Skip);
    assert_eq!((results[1].points, results[1].max_points), (2, 2));
    // No t at all: the regex check fails, and so does the check whose condition needs t.
    let r = report("nothing");
    let results = evaluate(&s, &observed(&r, 2), Lang::En);
    assert_eq!(results.iter().map(|c| c.status).collect::<Vec<_>>(), [Fail, Fail]);
    assert_eq!(tally(RunStatus::Ok, &results), (Verdict::Fail, 0, 3));
}

#[test]
fn composed_reasons_keep_their_words_and_spaces_in_both_languages() {
    let s = spec(
        r#"  - {name: exit, kind: exit-status, hint: h}
  - {name: t, kind: regex, patterns: ['t=(?P<t>[\d.]+)'], hint: h}
  - {name: wall, kind: wall-time, min: 't', max: 't + 1', hint: h}
  - {name: procs, kind: processes, min: 2, max: '5', hint: h}
  - {name: src, kind: source, contains: ['with lock'], lacks: ['x = \d'], hint: h}
  - {name: u, kind: regex, patterns: ['u=(?P<u>\d+)'], hint: h}
  - {name: expr, kind: expression, expr: 'u > 1', hint: h}
"#,
    );
    let mut r = report("t=0.5");
    r.status = RunStatus::Timeout;
    r.exit_code = Some(1);
    r.stderr = "Traceback (most recent call last):\nValueError".into();
    r.reason = Some(atelier::msg!("run-wall-limit", seconds = "10.0"));
    let obs = CheckInput {
        source: "x = 1\n# with lock:\n",
        ..observed(&r, 2)
    };
    let words = |lang| -> Vec<String> {
        evaluate(&s, &obs, lang)
            .into_iter()
            .filter(|c| c.name != "t" && c.name != "u")
            .map(|c| c.message)
            .collect()
    };
    assert_eq!(
        words(Lang::Fr),
        [
            "code de sortie 1, attendu 0 : le programme a levé une exception (lisez la dernière ligne de stderr) (temps dépassé : limite de temps réel de 10.0 s atteinte)",
            "durée réelle 1.00 s ≥ t = 0.50 s ≤ t + 1 = 1.50 s",
            "1 processus lancé(s), le programme principal compris (attendu entre 2 et 5) : le programme n'a créé aucun processus (des threads ou un calcul direct ne comptent pas)",
            "le code source ne contient pas /with lock/ ; le code source contient « x = 1 »",
            "u > 1 : valeur introuvable dans la sortie (aucune vérification précédente ne l'a capturée) : `u`",
        ]
    );
    assert_eq!(
        words(Lang::En),
        [
            "exit code 1, expected 0: the program raised an exception (read the last line of stderr) (time limit exceeded: wall clock limit of 10.0 s reached)",
            "real duration 1.00 s ≥ t = 0.50 s ≤ t + 1 = 1.50 s",
            "1 processes started, the main program included (expected between 2 and 5): the program created no process (threads or a direct computation do not count)",
            "the source does not contain /with lock/ ; the source contains « x = 1 »",
            "u > 1 : value not found in the output (no earlier check captured it): `u`",
        ]
    );
}
