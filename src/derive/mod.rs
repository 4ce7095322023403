//! `atelier new exercise ID --from-lesson`: an exercise folder derived from the lesson's own
//! statement and `<details>` solution. The solution is run in the sandbox several times to see what
//! varies; the spec gets an exit-status check, an output check with what varied masked (and the
//! order relaxed when it varied), and a `call` check for each function the statement names, built
//! from the calls the solution itself makes with literal arguments and the values they return — so
//! that a hard-coded print or a wrong signature fails even when it prints the right text. The
//! starter is the solution with every function body replaced by a TODO. Nothing is overwritten, and
//! the result is checked as `atelier lint` does (the solution passes, the starter fails).
mod lesson_parts;
pub mod output;
mod spec_text;

use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Deserialize;

use crate::course::Course;
use crate::course::parse::slug;
use crate::grader::checks::call::{self, Probe};
use crate::grader::{self, CheckOptions, ExerciseSpec, Verdict};
use crate::i18n::{Lang, Message, OrFail};
use crate::msg;
use crate::sandbox;
use crate::scaffold::{self, refuse};

/// The reader of the solution's syntax tree, shipped inside atelier.
const SOLUTION_AST: &str = include_str!("solution_ast.py");
/// The tracer of the solution's calls (run in the sandbox), shipped inside atelier.
const SOLUTION_TRACE: &str = include_str!("solution_trace.py");

/// What to derive.
#[derive(Debug, Clone)]
pub struct DeriveOptions {
    /// The course folder (with `lessons/`).
    pub root: PathBuf,
    /// `<chapter>.<number>`.
    pub id: String,
    /// How many times the solution is run to see what varies (at least 2).
    pub runs: u32,
}

/// What was written, and what was derived and why (one sentence each).
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub files: Vec<PathBuf>,
    pub notes: Vec<Message>,
    /// The lesson's exercise was not Python: the plain scaffold was written instead.
    pub scaffolded: bool,
    /// The lesson's language, which the notes are worded in unless the instructor asks for another.
    pub lang: Lang,
}

/// What the syntax-tree reader says of the solution.
#[derive(Debug, Clone, Deserialize)]
struct SolutionTree {
    functions: Vec<Function>,
    calls: Vec<LiteralCall>,
    starter: String,
    main_guard: bool,
    /// Top-level names of the modules it imports.
    imports: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
struct Function {
    name: String,
    signature: String,
}

#[derive(Debug, Clone, Deserialize)]
struct LiteralCall {
    function: String,
    args: Vec<String>,
    args_json: Vec<Option<JsonValue>>,
    kwargs: std::collections::BTreeMap<String, String>,
    kwargs_json: std::collections::BTreeMap<String, Option<JsonValue>>,
    line: usize,
}

#[derive(Debug, Clone, Deserialize)]
struct JsonValue {
    value: serde_json::Value,
}

/// Derives exercise `opts.id` from its lesson. `Err` when it could not be done (no such lesson or
/// exercise, the folder exists, the solution does not run).
pub fn derive_exercise(opts: &DeriveOptions) -> anyhow::Result<Derived> {
    let (chapter, number) = scaffold::exercise_id(&opts.id)?;
    let course = Course::load(Some(&opts.root))?;
    let Some(lesson) = course.lessons.iter().find(|l| l.number == Some(chapter)) else {
        return refuse(msg!(
            "derive-no-lesson",
            chapter = chapter,
            dir = opts.root.join("lessons").display().to_string()
        ));
    };
    let Some(entry) = lesson.exercise(number) else {
        return refuse(msg!(
            "derive-no-exercise-section-for",
            file = &lesson.file,
            number = number,
            id = &opts.id
        ));
    };
    let text = lesson_parts::read(lesson, entry);
    let Some(solution) = text.python_solution() else {
        let files = crate::scaffold::new_exercise(&opts.root, &opts.id)?;
        return Ok(Derived {
            files,
            notes: vec![msg!("derive-no-solution", file = &lesson.file, number = number)],
            scaffolded: true,
            lang: lesson.lang,
        });
    };
    let lang = lesson.lang;
    let dir = opts
        .root
        .join("exercises")
        .join(format!("{}-{}", opts.id, slug(&entry.title)));
    scaffold::fresh(&dir)?;
    let mut notes = Vec::new();
    let file = text.named_file().unwrap_or_else(|| {
        let stem = grader::checks::strip_accents(&slug(&entry.title)).replace('-', "_");
        let stem = if stem.is_empty() || stem.starts_with(|c: char| c.is_ascii_digit()) {
            format!("exercise_{}", stem)
        } else {
            stem
        };
        format!("{stem}.py")
    });
    notes.push(msg!("derive-file", file = &file));

    let work = tempfile::tempdir().or_fail(|| msg!("file-temp-folder"))?;
    let solution_path = work.path().join(&file);
    std::fs::write(&solution_path, solution).context("writing the solution")?;
    let tree = read_tree(&solution_path, work.path(), lang)?;

    let header = spec_text::Header {
        id: &opts.id,
        title: &entry.title,
        lesson: chapter,
        anchor: &entry.anchor,
        file: &file,
        source: &lesson.file,
    };
    let provisional = ExerciseSpec::parse("(derived)", &spec_text::provisional(&header))
        .map_err(|p| anyhow::anyhow!("{p}"))?;
    let request = grader::engine::request_for(&provisional, &solution_path, false);

    // Several runs: what varies between them is masked.
    let runs = opts.runs.max(2);
    let mut stdouts = Vec::new();
    let mut exit_code = None;
    for _ in 0..runs {
        let report = sandbox::run(&request).or_fail(|| msg!("derive-sandbox-failed"))?;
        if report.status != sandbox::RunStatus::Ok {
            let detail = report.detail.map(|d| format!(", {d}")).unwrap_or_default();
            return refuse(msg!(
                "derive-solution-fails",
                file = &lesson.file,
                number = number,
                status = format!("{:?}{detail}", report.status),
                last = report.stderr.lines().last().unwrap_or("")
            ));
        }
        if exit_code.is_some_and(|c| Some(c) != report.exit_code) {
            return refuse(msg!("derive-exit-code-varies", file = &lesson.file));
        }
        exit_code = report.exit_code;
        stdouts.push(report.stdout);
    }
    let code = exit_code.unwrap_or(0);
    notes.push(msg!("derive-exit-status", code = code, runs = runs));
    // Processes, threads and tasks finish in an order a few runs may not show varying.
    let concurrent = tree.imports.iter().find(|m| {
        [
            "multiprocessing",
            "threading",
            "concurrent",
            "asyncio",
            "subprocess",
        ]
        .contains(&m.as_str())
    });
    if let Some(module) = concurrent {
        notes.push(msg!("derive-concurrent", module = module));
    }
    let derivation = output::derive_with(&stdouts, text.expected.as_deref(), concurrent.is_some());
    notes.extend(derivation.notes.iter().cloned());
    match &derivation.check {
        Some(_) => notes.push(msg!(
            "derive-output-lines",
            count = derivation.shown.len(),
            lines = derivation.shown.join(" | ")
        )),
        None => notes.push(msg!("derive-no-output")),
    }
    if let Some(expected) = &text.expected {
        let lesson_says = output::derive(&[expected.clone(), expected.clone()]);
        if lesson_says.shown.len() != derivation.shown.len() {
            notes.push(msg!(
                "derive-expected-differs",
                expected = lesson_says.shown.len(),
                printed = derivation.shown.len()
            ));
        }
    }

    // Call checks: the functions the statement names, called as the solution calls them.
    let named = text.named_functions();
    let defined: Vec<&Function> = tree.functions.iter().collect();
    let mut chosen: Vec<&Function> = defined
        .iter()
        .copied()
        .filter(|f| named.contains(&f.name))
        .collect();
    if chosen.is_empty() {
        chosen = defined.clone();
        if !chosen.is_empty() {
            notes.push(msg!("derive-no-named-function"));
        }
    }
    let probes: Vec<(usize, Probe)> = tree
        .calls
        .iter()
        .enumerate()
        .filter(|(_, c)| chosen.iter().any(|f| f.name == c.function))
        .map(|(i, c)| {
            (
                i,
                Probe {
                    function: c.function.clone(),
                    args: c.args.join(", "),
                    kwargs: c
                        .kwargs
                        .iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                },
            )
        })
        .collect();
    // Functions the solution never calls with literal arguments: the calls it makes while it runs.
    let untraced: Vec<String> = chosen
        .iter()
        .filter(|f| tree.calls.iter().all(|c| c.function != f.name))
        .map(|f| f.name.clone())
        .collect();
    let mut all_calls = tree.calls.clone();
    let mut probes = probes;
    if !untraced.is_empty() {
        let traced = trace_calls(&provisional, &request, &untraced, work.path())?;
        if !traced.is_empty() {
            notes.push(msg!(
                "derive-traced-calls",
                count = traced.len(),
                functions = untraced.join(", ")
            ));
        }
        for one in traced {
            probes.push((all_calls.len(), one.probe.clone()));
            all_calls.push(one.as_literal());
        }
    }
    let mut call_checks = Vec::new();
    if !probes.is_empty() {
        let only: Vec<Probe> = probes.iter().map(|(_, p)| p.clone()).collect();
        let results = call::observe(&provisional, &request, &only)?;
        let import_ok = results
            .import
            .as_ref()
            .and_then(|r| r.get("import"))
            .and_then(|v| v.as_str())
            == Some("ok");
        if !import_ok {
            notes.push(msg!("derive-not-importable"));
        } else {
            for function in &chosen {
                let mut calls = Vec::new();
                let mut returns_none = true;
                for (n, (i, probe)) in probes.iter().enumerate() {
                    if probe.function != function.name {
                        continue;
                    }
                    let literal = &all_calls[*i];
                    let Some(record) = results.calls.get(&("observe".to_string(), n)) else {
                        let call = format!("{}({})", function.name, probe.args);
                        notes.push(msg!("derive-call-timeout", call = call));
                        continue;
                    };
                    match spec_text::call_entry(literal_args(literal), record) {
                        Ok((entry, none)) => {
                            returns_none &= none;
                            calls.push(entry);
                        }
                        Err(why) => {
                            let call = format!("{}({})", function.name, probe.args);
                            notes.push(msg!("derive-call-left-out", call = call, why = why));
                        }
                    }
                }
                let with_signature = format!("{}{}", function.name, function.signature);
                if calls.is_empty() {
                    notes.push(msg!("derive-no-literal-call", function = with_signature));
                } else if returns_none {
                    notes.push(msg!("derive-returns-none", function = with_signature));
                } else {
                    notes.push(msg!(
                        "derive-call-check",
                        name = &function.name,
                        count = calls.len(),
                        function = with_signature
                    ));
                    call_checks.push(spec_text::CallCheck {
                        function: function.name.clone(),
                        calls,
                    });
                }
            }
        }
    } else if !chosen.is_empty() {
        notes.push(msg!("derive-no-call-check"));
    }
    if !tree.main_guard {
        notes.push(msg!("derive-no-main-guard"));
    }

    let spec_yaml = spec_text::full(
        &header,
        code,
        derivation.check.as_ref(),
        &call_checks,
        lang,
        &notes,
    );
    ExerciseSpec::parse("(derived exercise.yaml)", &spec_yaml).map_err(|p| {
        anyhow::anyhow!("the derived spec does not parse (a bug of atelier): {p}\n{spec_yaml}")
    })?;
    let mut starter = tree.starter.clone();
    if tree.functions.is_empty() {
        starter = todo_only(&text.statement, lang);
        notes.push(msg!("derive-starter-comments"));
    } else {
        notes.push(msg!("derive-starter-todo"));
    }

    crate::atomic_file::create_folder(&dir)?;
    let mut files = Vec::new();
    for (name, content) in [
        ("exercise.yaml", spec_yaml.as_str()),
        ("solution.py", solution),
        ("starter.py", starter.as_str()),
    ] {
        let path = dir.join(name);
        crate::atomic_file::write_atomic(&path, content.as_bytes())?;
        files.push(path);
    }
    // As `atelier lint` will: the solution must pass, the starter must fail.
    let (solution_report, starter_passes) = self_check(&opts.root, &opts.id, lang)?;
    match (solution_report.verdict == Verdict::Pass, starter_passes) {
        (true, false) => {}
        (true, true) => {
            let fallback = todo_only(&text.statement, lang);
            crate::atomic_file::write_atomic(&dir.join("starter.py"), fallback.as_bytes())?;
            notes.push(msg!("derive-starter-fallback"));
        }
        (false, _) => {
            let _ = std::fs::remove_dir_all(&dir);
            let failed: Vec<String> = solution_report
                .checks
                .iter()
                .filter(|c| c.status != grader::Status::Pass)
                .map(|c| format!("{}: {}", c.name, c.message))
                .collect();
            return refuse(msg!(
                "derive-spec-fails-solution",
                failed = failed.join("; "),
                spec = spec_yaml
            ));
        }
    }
    Ok(Derived {
        files,
        notes,
        scaffolded: false,
        lang,
    })
}

/// The literal call's arguments for the spec (JSON where it is plain, Python source otherwise).
fn literal_args(call: &LiteralCall) -> spec_text::Args<'_> {
    spec_text::Args {
        args: call
            .args
            .iter()
            .zip(&call.args_json)
            .map(|(src, json)| (src.as_str(), json.as_ref().map(|j| &j.value)))
            .collect(),
        kwargs: call
            .kwargs
            .iter()
            .map(|(k, src)| {
                (
                    k.as_str(),
                    src.as_str(),
                    call.kwargs_json.get(k).and_then(|j| j.as_ref()).map(|j| &j.value),
                )
            })
            .collect(),
        line: call.line,
    }
}

/// A call the solution made while it ran, with literal arguments.
struct Traced {
    probe: Probe,
}

impl Traced {
    /// As a literal call of the syntax tree (arguments as Python source, no JSON: `!py` in the spec).
    fn as_literal(&self) -> LiteralCall {
        let args: Vec<String> = split_top_level(&self.probe.args);
        let kwargs: std::collections::BTreeMap<String, String> = split_top_level(&self.probe.kwargs)
            .into_iter()
            .filter_map(|kv| {
                kv.split_once('=')
                    .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            })
            .collect();
        LiteralCall {
            function: self.probe.function.clone(),
            args_json: args.iter().map(|a| plain_json(a)).collect(),
            kwargs_json: kwargs.iter().map(|(k, v)| (k.clone(), plain_json(v))).collect(),
            args,
            kwargs,
            line: 0,
        }
    }
}

/// A Python literal's JSON value when it reads the same (numbers, strings, booleans, None, lists).
fn plain_json(src: &str) -> Option<JsonValue> {
    let json = match src {
        "None" => "null".to_string(),
        "True" => "true".to_string(),
        "False" => "false".to_string(),
        other => other.to_string(),
    };
    let value: serde_json::Value = serde_json::from_str(&json).ok()?;
    // Only scalars: a Python list may hold tuples or sets that JSON would read otherwise.
    matches!(
        value,
        serde_json::Value::Number(_) | serde_json::Value::Bool(_) | serde_json::Value::Null
    )
    .then_some(JsonValue { value })
}

/// Splits `a, [b, c], 'd, e'` at its top-level commas.
fn split_top_level(text: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut current = String::new();
    for c in text.chars() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None => match c {
                '\'' | '"' => quote = Some(c),
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    parts.push(current.trim().to_string());
                    current.clear();
                    continue;
                }
                _ => {}
            },
        }
        current.push(c);
    }
    if !current.trim().is_empty() {
        parts.push(current.trim().to_string());
    }
    parts
}

/// Runs the solution in the sandbox under the tracer; the calls of `names` it made with literals.
fn trace_calls(
    spec: &ExerciseSpec,
    base: &sandbox::RunRequest,
    names: &[String],
    work: &Path,
) -> anyhow::Result<Vec<Traced>> {
    let marker = "@atelier-trace@";
    let script = work.join("atelier_trace.py");
    std::fs::write(&script, SOLUTION_TRACE).context("writing the tracer")?;
    let job = work.join("trace.json");
    let job_json = serde_json::json!({ "names": names, "file": spec.file, "marker": marker });
    std::fs::write(&job, serde_json::to_vec(&job_json)?).context("writing the tracer's job")?;
    let mut request = base.clone();
    request.argv = vec!["python3".into(), "atelier_trace.py".into()];
    request.files.push(("atelier_trace.py".into(), script));
    request.files.push((".atelier-trace.json".into(), job));
    let report = sandbox::run(&request).context("the sandbox could not trace the solution")?;
    let Some(line) = report.stdout.lines().rev().find_map(|l| l.strip_prefix(marker)) else {
        return Ok(Vec::new());
    };
    #[derive(Deserialize)]
    struct Sample {
        function: String,
        args: String,
        kwargs: String,
    }
    let samples: Vec<Sample> = serde_json::from_str(line).unwrap_or_default();
    Ok(samples
        .into_iter()
        .map(|s| Traced {
            probe: Probe {
                function: s.function,
                args: s.args,
                kwargs: s.kwargs,
            },
        })
        .collect())
}

/// Runs the syntax-tree reader on the solution (it parses, never runs, the code).
fn read_tree(solution: &Path, work: &Path, lang: Lang) -> anyhow::Result<SolutionTree> {
    let script = work.join("atelier_solution_ast.py");
    std::fs::write(&script, SOLUTION_AST).context("writing the solution reader")?;
    // Content, not UI: the TODO line goes into the starter file, in the lesson's language.
    let todo = lang.pick(
        "TODO : écrire {name}{signature} (voir l'énoncé)",
        "TODO: write {name}{signature} (see the statement)",
    );
    let output = std::process::Command::new("python3")
        .arg(&script)
        .arg(solution)
        .arg(todo)
        .output()
        .or_fail(|| msg!("derive-python-missing"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return refuse(msg!(
            "derive-solution-not-python",
            last = stderr.lines().last().unwrap_or("")
        ));
    }
    serde_json::from_slice(&output.stdout).context("reading what the solution reader said")
}

/// A starter with nothing of the solution: the statement as comments and a TODO.
fn todo_only(statement: &str, lang: Lang) -> String {
    let mut text = String::new();
    for line in statement.lines().filter(|l| !l.trim().is_empty()) {
        text.push_str("# ");
        text.push_str(line.trim_end());
        text.push('\n');
    }
    // Content, not UI: the starter file's TODO, in the lesson's language.
    text.push_str(lang.pick(
        "\n# TODO : votre programme\npass\n",
        "\n# TODO: your program\npass\n",
    ));
    text
}

/// Checks the written folder's solution and starter as lint does: (the solution's report, whether
/// the starter passes).
fn self_check(root: &Path, id: &str, lang: Lang) -> anyhow::Result<(grader::CheckReport, bool)> {
    let course = Course::load(Some(root))?;
    let exercise = course
        .exercises
        .iter()
        .find(|e| e.id == id)
        .or_fail(|| msg!("derive-written-does-not-load"))?;
    let opts = CheckOptions {
        lang,
        runs: Some(1),
        reveal_hidden: true,
        ..CheckOptions::default()
    };
    let solution = grader::check_bundled(&course.files, exercise, "solution.py", &opts)?;
    let starter = grader::check_bundled(&course.files, exercise, "starter.py", &opts)?;
    Ok((solution, starter.verdict == Verdict::Pass))
}
