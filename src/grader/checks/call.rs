//! `kind: call`: the student's functions called with the spec's arguments. One run of the embedded
//! harness (`call_harness.py`) in the sandbox makes every call of every `call` check: it imports the
//! module under its own name (so its `if __name__ == "__main__":` block does not run), calls each
//! function with a per-call timer, and reports each call as data on stdout, on lines prefixed by a
//! nonce the program's own prints cannot know. Each call's outcome is a reason code with its values.
use std::collections::BTreeMap;
use std::io::Read;

use anyhow::Context;
use serde::{Deserialize, Serialize};
use serde_yaml::Value;

use super::{Outcome, optional};
use crate::grader::spec::{CheckKind, ExerciseSpec};
use crate::i18n::Message;
use crate::msg;
use crate::sandbox::{self, RunReport, RunRequest, RunStatus};

/// The harness, shipped inside atelier.
const HARNESS: &str = include_str!("../call_harness.py");
/// The harness's name in the run's folder.
const HARNESS_FILE: &str = "atelier_call_harness.py";
/// Seconds the module's top level may take before it is reported as endless.
const IMPORT_TIMEOUT_S: f64 = 5.0;

/// The fields of a `call` check (`kind: call`).
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallCheck {
    /// The function's name at the module's top level.
    pub function: String,
    /// The calls, each with its arguments and the expected value or exception.
    pub calls: Vec<CallSpec>,
    /// Absolute tolerance for floats, for every call that gives none.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// Seconds one call may take.
    #[serde(default = "default_call_timeout")]
    pub timeout_s: f64,
}

fn default_call_timeout() -> f64 {
    2.0
}

/// One call of a `call` check.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallSpec {
    /// Positional arguments (YAML values; `!py TEXT` for a Python expression such as a tuple).
    #[serde(default)]
    pub args: Vec<Value>,
    /// Keyword arguments.
    #[serde(default)]
    pub kwargs: BTreeMap<String, Value>,
    /// The value the call must return (`null` is Python's `None`).
    #[serde(default, deserialize_with = "present")]
    pub expected: Option<Value>,
    /// The exception (class name, or a base class's) the call must raise.
    #[serde(default)]
    pub raises: Option<String>,
    /// The type name the returned value must have (`int`, `list`, …).
    #[serde(default, rename = "type")]
    pub type_name: Option<String>,
    /// Absolute tolerance for floats (the check's `tolerance` when absent).
    #[serde(default)]
    pub tolerance: Option<f64>,
}

/// `expected: null` is a value (`None`), unlike an absent key.
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

/// The Python source of a YAML value: `null` → `None`, booleans, numbers, strings (escaped),
/// sequences → lists, mappings → dicts, `!py TEXT` → TEXT as written.
pub fn python_literal(value: &Value) -> Result<String, String> {
    Ok(match value {
        Value::Null => "None".into(),
        Value::Bool(b) => if *b { "True" } else { "False" }.into(),
        Value::Number(n) => {
            if let Some(f) = n.as_f64().filter(|_| n.is_f64()) {
                if f.is_nan() {
                    "float('nan')".into()
                } else if f.is_infinite() {
                    if f > 0.0 { "float('inf')" } else { "-float('inf')" }.into()
                } else {
                    format!("{f:?}")
                }
            } else {
                n.to_string()
            }
        }
        Value::String(s) => python_string(s),
        Value::Sequence(items) => {
            let parts: Result<Vec<String>, String> = items.iter().map(python_literal).collect();
            format!("[{}]", parts?.join(", "))
        }
        Value::Mapping(map) => {
            let mut parts = Vec::new();
            for (k, v) in map {
                parts.push(format!("{}: {}", python_literal(k)?, python_literal(v)?));
            }
            format!("{{{}}}", parts.join(", "))
        }
        Value::Tagged(tagged) => {
            if tagged.tag == "py" {
                match &tagged.value {
                    Value::String(text) => text.clone(),
                    _ => return Err("`!py` takes a Python expression as text".into()),
                }
            } else {
                return Err(format!("unknown tag `{}` (only `!py` is known)", tagged.tag));
            }
        }
    })
}

/// A Python string literal (JSON's escapes are valid Python).
fn python_string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "''".into())
}

/// Checks what serde cannot in a `call` check: a function name, calls, literals that translate.
pub fn validate(kind: &CheckKind, spec: &ExerciseSpec) -> Result<(), (&'static str, String)> {
    let CheckKind::Call(CallCheck {
        function,
        calls,
        tolerance,
        timeout_s,
    }) = kind
    else {
        return Ok(());
    };
    if function.is_empty() || !function.chars().all(|c| c.is_alphanumeric() || c == '_') {
        return Err(("function", format!("`{function}` is not a Python function name")));
    }
    if calls.is_empty() {
        return Err(("calls", "at least one call is needed".into()));
    }
    if !spec.file.ends_with(".py") {
        return Err((
            "kind",
            format!(
                "a call check imports a Python module: `file` is `{}`, not a .py file",
                spec.file
            ),
        ));
    }
    if !(timeout_s.is_finite() && *timeout_s > 0.0 && *timeout_s <= 600.0) {
        return Err((
            "timeout_s",
            format!("{timeout_s} is not a number of seconds in 0..600"),
        ));
    }
    for tol in calls.iter().filter_map(|c| c.tolerance).chain(*tolerance) {
        if !(tol.is_finite() && tol >= 0.0) {
            return Err(("tolerance", "a tolerance is a number ≥ 0".into()));
        }
    }
    for call in calls {
        if call.expected.is_none() && call.raises.is_none() && call.type_name.is_none() {
            return Err((
                "calls",
                "each call needs `expected`, `raises` or `type` (what would make it wrong?)".into(),
            ));
        }
        for value in call.args.iter().chain(call.kwargs.values()).chain(&call.expected) {
            python_literal(value).map_err(|e| ("calls", e))?;
        }
    }
    Ok(())
}

/// Whether the spec has `call` checks (then the harness runs).
pub fn needed(spec: &ExerciseSpec) -> bool {
    spec.checks.iter().any(|c| matches!(c.kind, CheckKind::Call(_)))
}

/// What the harness said about each call, by (check name, call index), and about the import.
#[derive(Debug, Clone, Default)]
pub struct CallResults {
    /// `None` when the harness never said (the top level ran forever or ended the process).
    pub import: Option<serde_json::Value>,
    pub calls: BTreeMap<(String, usize), serde_json::Value>,
    /// The harness's run (how it ended, what the module printed).
    pub run_status: Option<RunStatus>,
    pub run_detail: Option<Message>,
    pub exit_code: Option<i32>,
    pub stderr_tail: String,
}

/// Runs every call of the spec's `call` checks in one sandboxed run of the harness. `base` is the
/// submission's request (its files, environment and limits).
pub fn run_calls(spec: &ExerciseSpec, base: &RunRequest) -> anyhow::Result<CallResults> {
    let mut calls = Vec::new();
    let mut budget = IMPORT_TIMEOUT_S + 2.0;
    for check in &spec.checks {
        let CheckKind::Call(CallCheck {
            function,
            calls: list,
            tolerance,
            timeout_s,
        }) = &check.kind
        else {
            continue;
        };
        for (index, call) in list.iter().enumerate() {
            let literal =
                |v: &Value| python_literal(v).map_err(|e| anyhow::anyhow!("check `{}`: {e}", check.name));
            let args: Vec<String> = call.args.iter().map(literal).collect::<anyhow::Result<_>>()?;
            let kwargs: Vec<String> = call
                .kwargs
                .iter()
                .map(|(k, v)| Ok(format!("{k}={}", literal(v)?)))
                .collect::<anyhow::Result<_>>()?;
            budget += timeout_s;
            calls.push(serde_json::json!({
                "check": check.name,
                "index": index,
                "function": function,
                "args": args.join(", "),
                "kwargs": kwargs.join(", "),
                "expected": call.expected.as_ref().map(literal).transpose()?,
                "raises": call.raises,
                "type": call.type_name,
                "tolerance": call.tolerance.or(*tolerance).unwrap_or(0.0),
                "timeout": timeout_s,
            }));
        }
    }
    run_job(spec, base, calls, budget)
}

/// One call to observe (no expectation): what `atelier new exercise --from-lesson` asks of the
/// reference solution. Arguments are Python source.
#[derive(Debug, Clone)]
pub struct Probe {
    pub function: String,
    pub args: String,
    pub kwargs: String,
}

/// Calls the functions of `base`'s program (named `spec.file` in the run's folder) and returns what
/// each call gave: the harness's record (`status`, `got`, `json`, `literal`, `type_name`, …), in order.
pub fn observe(spec: &ExerciseSpec, base: &RunRequest, probes: &[Probe]) -> anyhow::Result<CallResults> {
    let calls: Vec<serde_json::Value> = probes
        .iter()
        .enumerate()
        .map(|(index, p)| {
            serde_json::json!({
                "check": "observe",
                "index": index,
                "function": p.function,
                "args": p.args,
                "kwargs": p.kwargs,
                "expected": null,
                "raises": null,
                "type": null,
                "tolerance": 0.0,
                "timeout": 10.0,
            })
        })
        .collect();
    let budget = IMPORT_TIMEOUT_S + 2.0 + 10.0 * probes.len() as f64;
    run_job(spec, base, calls, budget)
}

/// Runs the harness on `calls` (job records) in the sandbox.
fn run_job(
    spec: &ExerciseSpec,
    base: &RunRequest,
    calls: Vec<serde_json::Value>,
    budget: f64,
) -> anyhow::Result<CallResults> {
    let nonce = nonce()?;
    let module = spec.file.trim_end_matches(".py").replace(['-', '.', ' '], "_");
    let job = serde_json::json!({
        "nonce": nonce,
        "module": module,
        "file": spec.file,
        "import_timeout": IMPORT_TIMEOUT_S,
        "calls": calls,
    });
    let dir = tempfile::tempdir().context("cannot create a temporary folder")?;
    let harness = dir.path().join(HARNESS_FILE);
    std::fs::write(&harness, HARNESS).context("writing the call harness")?;
    let job_path = dir.path().join("calls.json");
    std::fs::write(&job_path, serde_json::to_vec(&job)?).context("writing the calls")?;
    let mut request = base.clone();
    let python = spec
        .run
        .split_whitespace()
        .next()
        .filter(|w| w.starts_with("python"))
        .unwrap_or("python3")
        .to_string();
    request.argv = vec![python, HARNESS_FILE.into()];
    request.files.push((HARNESS_FILE.into(), harness));
    request.files.push((".atelier-calls.json".into(), job_path));
    request.stdin = None;
    let wall = request
        .limits
        .wall
        .as_secs_f64()
        .min(budget)
        .max(IMPORT_TIMEOUT_S + 1.0);
    request.limits.wall = std::time::Duration::from_secs_f64(wall);
    let report = sandbox::run(&request).context("the sandbox could not run the call harness")?;
    Ok(parse(&report, &nonce))
}

/// 128 random bits from the kernel, in hex.
fn nonce() -> anyhow::Result<String> {
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .context("reading /dev/urandom")?;
    Ok(format!(
        "@atelier-{}@",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

/// The harness's records (lines starting with the nonce); everything else is the program's output.
pub fn parse(report: &RunReport, nonce: &str) -> CallResults {
    let mut results = CallResults {
        run_status: Some(report.status),
        run_detail: report.reason.clone(),
        exit_code: report.exit_code,
        stderr_tail: tail(&report.stderr, 6),
        ..CallResults::default()
    };
    for line in report.stdout.lines() {
        let Some(json) = line.strip_prefix(nonce) else {
            continue;
        };
        let Ok(record) = serde_json::from_str::<serde_json::Value>(json) else {
            continue;
        };
        if record.get("import").is_some() {
            results.import = Some(record);
        } else if let (Some(check), Some(index)) = (
            record.get("check").and_then(|c| c.as_str()),
            record.get("index").and_then(|i| i.as_u64()),
        ) {
            results.calls.insert((check.to_string(), index as usize), record);
        }
    }
    results
}

fn tail(text: &str, lines: usize) -> String {
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// The outcome of one `call` check from the harness's records.
pub fn outcome(check: &str, function: &str, calls: &[CallSpec], results: &CallResults) -> Outcome {
    if let Some(bad) = import_failure(results) {
        return Outcome::fail(bad);
    }
    let mut passed = Vec::new();
    for (index, call) in calls.iter().enumerate() {
        let shown_call = format!("{function}({})", shown_args(call));
        let Some(record) = results.calls.get(&(check.to_string(), index)) else {
            return Outcome::fail(msg!("check-call-no-return", call = shown_call));
        };
        let field = |k: &str| record.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
        let status = field("status");
        let why = match status.as_str() {
            "pass" => {
                passed.push(shown_call);
                continue;
            }
            "missing" => {
                let defined: Vec<String> = record
                    .get("defined")
                    .and_then(|d| d.as_array())
                    .map(|a| a.iter().filter_map(|v| v.as_str().map(String::from)).collect())
                    .unwrap_or_default();
                msg!(
                    "check-call-missing",
                    function = function,
                    defined = if defined.is_empty() {
                        "-".into()
                    } else {
                        defined.join(", ")
                    }
                )
            }
            "not-callable" => msg!(
                "check-call-not-callable",
                function = function,
                type_name = field("type")
            ),
            "signature" => msg!(
                "check-call-signature",
                call = shown_call,
                signature = field("signature"),
                error = field("error")
            ),
            "timeout" => msg!(
                "check-call-timeout",
                call = shown_call,
                seconds = record.get("seconds").map(|s| s.to_string()).unwrap_or_default()
            ),
            "raised" => msg!(
                "check-call-raised",
                call = shown_call,
                type_name = field("type"),
                message = field("message"),
                line = optional(line_of(record))
            ),
            "no-raise" => msg!(
                "check-call-no-raise",
                call = shown_call,
                exception = call.raises.as_deref().unwrap_or("?"),
                got = field("got")
            ),
            "wrong-type" => msg!(
                "check-call-wrong-type",
                call = shown_call,
                got = field("got"),
                got_type = field("got_type"),
                type_name = call.type_name.as_deref().unwrap_or("?")
            ),
            "wrong-value" => {
                let expected = call
                    .expected
                    .as_ref()
                    .and_then(|v| python_literal(v).ok())
                    .unwrap_or_default();
                let note = match field("why").as_str() {
                    "type" => Some(msg!(
                        "check-call-note-type",
                        got_type = field("got_type"),
                        expected_type = field("expected_type")
                    )),
                    "length" => Some(msg!("check-call-note-length")),
                    "keys" => Some(msg!("check-call-note-keys")),
                    _ => None,
                };
                let print_note = (field("got") == "None").then(|| msg!("check-call-note-print"));
                return Outcome::fail(msg!(
                    "check-call-wrong-value",
                    call = shown_call,
                    got = field("got"),
                    expected = &expected,
                    note = optional(note),
                    print_note = optional(print_note)
                ))
                .with_texts(expected, field("got"));
            }
            "bad-spec" => msg!("check-call-bad-spec", error = field("error")),
            other => msg!("check-call-other", call = shown_call, status = other),
        };
        return Outcome::fail(why);
    }
    Outcome::pass(msg!("check-call-passed", calls = passed.join(", ")))
}

fn line_of(record: &serde_json::Value) -> Option<Message> {
    record
        .get("line")
        .and_then(|l| l.as_u64())
        .map(|line| msg!("check-call-at-line", line = line))
}

/// The call's arguments as Python source, for messages.
fn shown_args(call: &CallSpec) -> String {
    let mut parts: Vec<String> = call
        .args
        .iter()
        .map(|v| python_literal(v).unwrap_or_else(|e| e))
        .collect();
    parts.extend(
        call.kwargs
            .iter()
            .map(|(k, v)| format!("{k}={}", python_literal(v).unwrap_or_else(|e| e))),
    );
    parts.join(", ")
}

/// Why no call could be made: the module's top level failed, ran forever or ended the process.
fn import_failure(results: &CallResults) -> Option<Message> {
    match &results.import {
        Some(record) => {
            let field = |k: &str| record.get(k).and_then(|v| v.as_str()).unwrap_or("").to_string();
            match field("import").as_str() {
                "ok" => None,
                "timeout" => Some(msg!("check-call-import-timeout")),
                _ => Some(msg!(
                    "check-call-import-raised",
                    type_name = field("type"),
                    message = field("message"),
                    line = optional(line_of(record))
                )),
            }
        }
        None => {
            let how = match (results.run_status, results.exit_code) {
                (Some(RunStatus::Timeout), _) => msg!("check-call-import-endless"),
                (Some(RunStatus::Ok), Some(code)) => msg!("check-call-import-exit", code = code),
                (status, _) => {
                    let status = status.map(|s| format!("{s:?}")).unwrap_or_default();
                    match &results.run_detail {
                        Some(detail) => msg!(
                            "check-call-import-failed-detail",
                            status = status,
                            detail = detail.clone()
                        ),
                        None => msg!("check-call-import-failed", status = status),
                    }
                }
            };
            Some(if results.stderr_tail.trim().is_empty() {
                how
            } else {
                // The module's own last words, as it printed them.
                msg!(
                    "check-call-import-stderr",
                    reason = how,
                    stderr = &results.stderr_tail
                )
            })
        }
    }
}
