//! The derived spec as YAML text, commented so that the instructor sees why each check is there.
use serde_json::Value;

use super::output::OutputCheck;
use crate::i18n::{Lang, Message};
use crate::msg;

/// The spec's top keys.
pub struct Header<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub lesson: u32,
    pub anchor: &'a str,
    pub file: &'a str,
    /// The lesson file it comes from (for the comment at the top).
    pub source: &'a str,
}

/// A literal call of the solution: each argument's Python source and, when plain, its JSON value.
pub struct Args<'a> {
    pub args: Vec<(&'a str, Option<&'a Value>)>,
    pub kwargs: Vec<(&'a str, &'a str, Option<&'a Value>)>,
    /// Where the solution makes the call (0: seen while it ran).
    pub line: usize,
}

/// One `call` check: the function and its calls (each a YAML flow mapping).
pub struct CallCheck {
    pub function: String,
    pub calls: Vec<String>,
}

/// A YAML double-quoted (JSON) string.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// A YAML single-quoted string (no escapes but `''`): for regexes, whose backslashes stay as written.
fn single(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// A value: plain JSON (valid YAML) when there is one, else the Python source under `!py`.
fn value(src: &str, json: Option<&Value>) -> String {
    match json {
        Some(v) => serde_json::to_string(v).unwrap_or_else(|_| format!("!py {}", single(src))),
        None => format!("!py {}", single(src)),
    }
}

fn header_text(h: &Header) -> String {
    format!(
        "version: 1\nid: {}\ntitle: {}\nlesson: {}\nanchor: {}\nfile: {}\n",
        quoted(h.id),
        quoted(h.title),
        h.lesson,
        quoted(h.anchor),
        quoted(h.file)
    )
}

/// A spec that only runs the program (to observe the solution).
pub fn provisional(h: &Header) -> String {
    format!(
        "{}checks:\n  - name: runs\n    kind: exit-status\n    hint: x\n",
        header_text(h)
    )
}

/// One call of a `call` check from the solution's call and what the harness saw it return.
/// Also says whether it returned `None`.
pub fn call_entry(args: Args, record: &Value) -> Result<(String, bool), Message> {
    let field = |k: &str| record.get(k).and_then(|v| v.as_str()).unwrap_or("");
    let mut parts = Vec::new();
    if !args.args.is_empty() {
        let list: Vec<String> = args.args.iter().map(|(src, json)| value(src, *json)).collect();
        parts.push(format!("args: [{}]", list.join(", ")));
    }
    if !args.kwargs.is_empty() {
        let map: Vec<String> = args
            .kwargs
            .iter()
            .map(|(k, src, json)| format!("{k}: {}", value(src, *json)))
            .collect();
        parts.push(format!("kwargs: {{{}}}", map.join(", ")));
    }
    let mut none = false;
    match field("status") {
        "pass" => {
            let expected = match (record.get("json"), record.get("literal").and_then(|l| l.as_str())) {
                (Some(json), _) => {
                    none = json.is_null();
                    serde_json::to_string(json)
                        .map_err(|_| msg!("derive-not-literal", type_name = field("type_name")))?
                }
                (None, Some(literal)) => format!("!py {}", single(literal)),
                (None, None) => {
                    return Err(msg!("derive-not-literal", type_name = field("type_name")));
                }
            };
            if expected.contains('.') && record.get("json").is_some_and(has_float) {
                parts.push("tolerance: 0.000001".into());
            }
            parts.push(format!("expected: {expected}"));
        }
        "raised" => parts.push(format!("raises: {}", field("type"))),
        other => return Err(msg!("derive-call-ended", status = other)),
    }
    let origin = if args.line == 0 {
        "seen while the solution ran".to_string()
    } else {
        format!("line {} of the solution", args.line)
    };
    Ok((format!("{{{}}}  # {origin}", parts.join(", ")), none))
}

fn has_float(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.is_f64(),
        Value::Array(a) => a.iter().any(has_float),
        Value::Object(o) => o.values().any(has_float),
        _ => false,
    }
}

/// The whole spec.
pub fn full(
    h: &Header,
    code: i32,
    output: Option<&OutputCheck>,
    calls: &[CallCheck],
    lang: Lang,
    notes: &[Message],
) -> String {
    let mut text = format!(
        "# Derived by `atelier new exercise {} --from-lesson` from {}: the lesson's solution was run in\n\
         # the sandbox several times and read (never run) for its functions. What was derived and why:\n",
        h.id, h.source
    );
    // The file's own comments are in English, whatever the lesson's language: the notes with them.
    for note in notes {
        text.push_str(&format!("#   - {}\n", note.word(Lang::En).replace('\n', " ")));
    }
    text.push_str("# Edit freely: `atelier lint` checks that the solution passes and the starter fails.\n");
    text.push_str(&header_text(h));
    text.push_str("checks:\n");
    // Content, not UI: every `lang.pick` below is a title or hint of the generated spec, which the
    // course then owns (students read it as the course's text), in the lesson's language.
    text.push_str(&format!(
        "  - name: exits-cleanly\n    title: {}\n    kind: exit-status\n    code: {code}\n    hint: {}\n",
        quoted(lang.pick(
            "Le programme se termine sans erreur",
            "The program ends without an error"
        )),
        quoted(lang.pick(
            "Lancez votre programme vous-même avec python3 et lisez la dernière ligne du Traceback.",
            "Run your program yourself with python3 and read the last line of the traceback."
        ))
    ));
    match output {
        Some(OutputCheck::InOrder(pattern)) => text.push_str(&format!(
            "  - name: output\n    title: {}\n    kind: regex\n    patterns:\n      - {}\n    points: 2\n    hint: {}\n",
            quoted(lang.pick("Le programme affiche le résultat attendu", "The program prints the expected result")),
            single(pattern),
            quoted(lang.pick(
                "Comparez votre sortie au « Résultat attendu » de l'énoncé : les mêmes lignes, dans le même ordre (les nombres qui changent d'une exécution à l'autre sont libres).",
                "Compare your output with the statement's expected result: the same lines, in the same order (numbers that change from run to run are free)."
            ))
        )),
        Some(OutputCheck::AnyOrder(patterns)) => {
            text.push_str(&format!(
                "  - name: output\n    title: {}\n    kind: lines-any-order\n    match: regex\n    expected:\n",
                quoted(lang.pick("Le programme affiche le résultat attendu", "The program prints the expected result"))
            ));
            for p in patterns {
                text.push_str(&format!("      - {}\n", single(p)));
            }
            text.push_str(&format!(
                "    points: 2\n    hint: {}\n",
                quoted(lang.pick(
                    "Comparez votre sortie au « Résultat attendu » de l'énoncé : les mêmes lignes, dans n'importe quel ordre.",
                    "Compare your output with the statement's expected result: the same lines, in any order."
                ))
            ));
        }
        None => {}
    }
    for check in calls {
        text.push_str(&format!(
            "  - name: {}-returns\n    title: {}\n    kind: call\n    function: {}\n    calls:\n",
            check.function,
            quoted(&format!(
                "{} `{}`",
                lang.pick(
                    "La fonction renvoie les bonnes valeurs :",
                    "The function returns the right values:"
                ),
                check.function
            )),
            check.function
        ));
        for call in &check.calls {
            text.push_str(&format!("      - {call}\n"));
        }
        text.push_str(&format!(
            "    points: 2\n    hint: {}\n",
            quoted(&format!(
                "{} `{}` {}",
                lang.pick("La fonction", "The function"),
                check.function,
                lang.pick(
                    "doit avoir les paramètres de l'énoncé et renvoyer (return) son résultat, pas seulement l'afficher.",
                    "must have the statement's parameters and return its result, not only print it."
                )
            ))
        ));
    }
    text
}
