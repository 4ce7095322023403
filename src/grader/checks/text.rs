//! Checks on the text a program printed: exact, contains, regex captures, lines in any order,
//! line counts, and the same output as the reference once what varies is masked.
use std::sync::LazyLock;

use regex::Regex;

use super::{Outcome, Vars, pattern};
use crate::grader::reference::ReferenceOutput;
use crate::grader::spec::{LineMatch, Mask, Occurrence, Order, StreamName};
use crate::i18n::Message;
use crate::msg;
use crate::sandbox::RunReport;

/// The text of a stream.
pub fn stream_text(report: &RunReport, stream: StreamName) -> &str {
    match stream {
        StreamName::Stdout => &report.stdout,
        StreamName::Stderr => &report.stderr,
    }
}

fn stream_label(stream: StreamName) -> &'static str {
    match stream {
        StreamName::Stdout => "stdout",
        StreamName::Stderr => "stderr",
    }
}

/// Normalises a text for comparison: `\r\n` and `\r` become `\n`, trailing spaces of each line and
/// trailing empty lines go; optionally the case and the accents.
pub fn normalise(text: &str, ignore_case: bool, ignore_accents: bool) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out: Vec<String> = unified
        .split('\n')
        .map(|line| {
            let mut line = line.trim_end().to_string();
            if ignore_accents {
                line = strip_accents(&line);
            }
            if ignore_case {
                line = line.to_lowercase();
            }
            line
        })
        .collect();
    while out.last().is_some_and(|l| l.is_empty()) {
        out.pop();
    }
    out.join("\n")
}

/// Latin accents folded to their base letter (what French learners type or forget to).
pub fn strip_accents(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let folded = match c {
            'à' | 'â' | 'ä' | 'á' | 'ã' | 'å' => "a",
            'À' | 'Â' | 'Ä' | 'Á' | 'Ã' | 'Å' => "A",
            'ç' => "c",
            'Ç' => "C",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'É' | 'È' | 'Ê' | 'Ë' => "E",
            'î' | 'ï' | 'í' | 'ì' => "i",
            'Î' | 'Ï' | 'Í' | 'Ì' => "I",
            'ô' | 'ö' | 'ó' | 'ò' | 'õ' => "o",
            'Ô' | 'Ö' | 'Ó' | 'Ò' | 'Õ' => "O",
            'ù' | 'û' | 'ü' | 'ú' => "u",
            'Ù' | 'Û' | 'Ü' | 'Ú' => "U",
            'ÿ' => "y",
            'œ' => "oe",
            'Œ' => "OE",
            'æ' => "ae",
            'Æ' => "AE",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(folded);
    }
    out
}

pub fn exact(
    report: &RunReport,
    stream: StreamName,
    expected: &str,
    ignore_case: bool,
    ignore_accents: bool,
) -> Outcome {
    let want = normalise(expected, ignore_case, ignore_accents);
    let got = normalise(stream_text(report, stream), ignore_case, ignore_accents);
    if want == got {
        Outcome::pass(msg!("check-exact-same"))
    } else {
        Outcome::fail(msg!("check-exact-differs", stream = stream_label(stream))).with_texts(
            normalise(expected, false, false),
            normalise(stream_text(report, stream), false, false),
        )
    }
}

pub fn contains(
    report: &RunReport,
    stream: StreamName,
    needle: &str,
    ignore_case: bool,
    ignore_accents: bool,
) -> Outcome {
    let hay = normalise(stream_text(report, stream), ignore_case, ignore_accents);
    let want = normalise(needle, ignore_case, ignore_accents);
    if hay.contains(&want) {
        Outcome::pass(msg!("check-contains", text = needle))
    } else {
        Outcome::fail(msg!(
            "check-contains-missing",
            stream = stream_label(stream),
            text = needle
        ))
        .with_texts(
            needle.to_string(),
            normalise(stream_text(report, stream), false, false),
        )
    }
}

pub fn regex(
    report: &RunReport,
    stream: StreamName,
    patterns: &[String],
    occurrence: Occurrence,
    vars: &mut Vars,
) -> Outcome {
    let text = normalise(stream_text(report, stream), false, false);
    for pattern in patterns {
        let Ok(re) = pattern::compiled(pattern) else {
            continue;
        };
        let found = match occurrence {
            Occurrence::First => re.captures(&text),
            Occurrence::Last => re.captures_iter(&text).last(),
        };
        if let Some(caps) = found {
            let mut captured = Vec::new();
            for name in re.capture_names().flatten() {
                if let Some(m) = caps.name(name) {
                    vars.set_capture(name, m.as_str());
                    captured.push(format!("{name} = {}", m.as_str().trim()));
                }
            }
            // Show the whole line the match starts on, not just the matched part.
            let start = caps.get(0).map_or(0, |m| m.start());
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let line = first_line(&text[line_start..]).trim();
            return Outcome::pass(if captured.is_empty() {
                msg!("check-regex-found", line = line)
            } else {
                msg!(
                    "check-regex-found-captures",
                    line = line,
                    captures = captured.join(", ")
                )
            });
        }
    }
    let mut outcome = Outcome::fail(msg!("check-regex-none", stream = stream_label(stream)));
    // A regex means little to a learner: show what came, the hint says what is expected.
    outcome.actual = Some(text);
    outcome
}

fn first_line(text: &str) -> &str {
    text.lines().next().unwrap_or("")
}

/// How `lines-any-order` compares.
#[derive(Debug, Clone, Copy)]
pub struct LineRules {
    pub line_match: LineMatch,
    pub allow_extra: bool,
    pub ignore_case: bool,
    pub ignore_accents: bool,
}

pub fn lines_any_order(
    report: &RunReport,
    stream: StreamName,
    expected: &[String],
    rules: LineRules,
) -> Outcome {
    let text = normalise(
        stream_text(report, stream),
        rules.ignore_case,
        rules.ignore_accents,
    );
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut used = vec![false; lines.len()];
    let mut missing = Vec::new();
    for want in expected {
        let want_norm = normalise(want, rules.ignore_case, rules.ignore_accents);
        let re = match rules.line_match {
            LineMatch::Regex => pattern::compiled(want).ok(),
            _ => None,
        };
        let hit = lines.iter().enumerate().position(|(i, line)| {
            !used[i]
                && match rules.line_match {
                    LineMatch::Exact => *line == want_norm,
                    LineMatch::Contains => line.contains(&want_norm),
                    LineMatch::Regex => re.as_ref().is_some_and(|re| re.is_match(line)),
                }
        });
        match hit {
            Some(i) => used[i] = true,
            None => missing.push(want.clone()),
        }
    }
    let extra: Vec<&str> = lines
        .iter()
        .zip(&used)
        .filter(|(_, u)| !**u)
        .map(|(l, _)| *l)
        .collect();
    if !missing.is_empty() {
        return Outcome::fail(msg!(
            "check-lines-missing",
            count = missing.len(),
            lines = missing.join(" | ")
        ))
        .with_texts(expected.join("\n"), lines.join("\n"));
    }
    if !rules.allow_extra && !extra.is_empty() {
        return Outcome::fail(msg!(
            "check-lines-extra",
            count = extra.len(),
            lines = extra.join(" | ")
        ))
        .with_texts(expected.join("\n"), lines.join("\n"));
    }
    Outcome::pass(msg!("check-lines-present", count = expected.len()))
}

/// What `line-count` counts.
#[derive(Debug, Clone, Copy)]
pub struct Counting<'a> {
    /// Only the lines this regex matches.
    pub matching: Option<&'a str>,
    /// Count distinct keys (first group, or whole match) instead of lines; a repeat fails.
    pub key: Option<&'a str>,
    pub min: Option<u32>,
    pub max: Option<u32>,
}

pub fn line_count(report: &RunReport, stream: StreamName, how: &Counting) -> Outcome {
    let text = normalise(stream_text(report, stream), false, false);
    let re = how.matching.and_then(|m| pattern::compiled(m).ok());
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .filter(|l| re.as_ref().is_none_or(|re| re.is_match(l)))
        .collect();
    let what = match how.matching {
        Some(m) => msg!("check-count-lines-matching", pattern = m),
        None => msg!("check-count-lines"),
    };
    let want = bounds(how.min, how.max);
    let in_range = |n: u32| how.min.is_none_or(|m| n >= m) && how.max.is_none_or(|m| n <= m);
    let Some(key) = how.key else {
        let count = lines.len() as u32;
        let ok = in_range(count);
        let mut outcome = Outcome::judge(ok, msg!("check-count", count = count, what = what, bounds = want));
        if !ok {
            outcome.actual = Some(text);
        }
        return outcome;
    };
    let key_re = pattern::compiled(key).ok();
    // Each key with the number of lines it is on, in the order first seen.
    let mut keys: Vec<(String, u32)> = Vec::new();
    for line in &lines {
        let Some(found) = key_re.as_ref().and_then(|re| re.captures(line)) else {
            continue;
        };
        let k = found.get(1).or_else(|| found.get(0)).map_or("", |m| m.as_str());
        match keys.iter_mut().find(|(seen, _)| seen == k) {
            Some((_, n)) => *n += 1,
            None => keys.push((k.to_string(), 1)),
        }
    }
    let count = keys.len() as u32;
    let repeated: Vec<String> = keys
        .iter()
        .filter(|(_, n)| *n > 1)
        .map(|(k, n)| format!("{k} ×{n}"))
        .collect();
    let reason = if repeated.is_empty() {
        msg!("check-count-distinct", count = count, what = what, bounds = want)
    } else {
        msg!(
            "check-count-distinct-repeated",
            count = count,
            what = what,
            bounds = want,
            repeated = repeated.join(", ")
        )
    };
    let ok = in_range(count) && repeated.is_empty();
    let mut outcome = Outcome::judge(ok, reason);
    if !ok {
        outcome.actual = Some(text);
    }
    outcome
}

/// `between 2 and 5`, `at least 2`, `exactly 10`…
pub fn bounds(min: Option<u32>, max: Option<u32>) -> Message {
    match (min, max) {
        (Some(a), Some(b)) if a == b => msg!("check-bound-exactly", n = a),
        (Some(a), Some(b)) => msg!("check-bound-between", min = a, max = b),
        (Some(a), None) => msg!("check-bound-at-least", min = a),
        (None, Some(b)) => msg!("check-bound-at-most", max = b),
        (None, None) => msg!("check-bound-any"),
    }
}

// ASCII classes: Python prints ASCII digits, and a Unicode `\d` or `\W` would make the automaton
// ten times larger to build (about a millisecond of every check).
static PID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?-u:\b)[Pp][Ii][Dd][\x00-/:-@\[-^`{-\x7F]{0,3})[0-9]+").expect("valid regex")
});
static FLOAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+[.,][0-9]+").expect("valid regex"));
static INT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[0-9]+").expect("valid regex"));

/// Replaces what varies from run to run: PIDs (`PID: 1234` → `PID: <pid>`), decimals, integers.
pub fn mask(text: &str, masks: &[Mask]) -> String {
    let mut out = text.to_string();
    if masks.contains(&Mask::Pid) {
        out = PID.replace_all(&out, "${1}<pid>").into_owned();
    }
    if masks.contains(&Mask::Float) {
        out = FLOAT.replace_all(&out, "<float>").into_owned();
    }
    if masks.contains(&Mask::Int) {
        out = INT.replace_all(&out, "<int>").into_owned();
    }
    out
}

/// How `same-as-reference` compares.
#[derive(Debug, Clone, Copy)]
pub struct Comparison<'a> {
    pub stream: StreamName,
    pub masks: &'a [Mask],
    pub order: Order,
    pub filter: Option<&'a str>,
    pub extract: Option<&'a str>,
}

/// The lines of an output as they are compared: filtered, extracted, masked, maybe sorted.
pub fn comparable_lines(text: &str, how: &Comparison) -> Vec<String> {
    let filter = how.filter.and_then(|f| pattern::compiled(f).ok());
    let extract = how.extract.and_then(|e| pattern::compiled(e).ok());
    let text = normalise(text, false, false);
    let mut lines: Vec<String> = text
        .lines()
        .filter(|l| filter.as_ref().is_none_or(|f| f.is_match(l)))
        .filter_map(|l| match &extract {
            None => Some(l.to_string()),
            Some(re) => re.captures(l).map(|c| {
                c.get(1)
                    .or_else(|| c.get(0))
                    .map_or("", |m| m.as_str())
                    .to_string()
            }),
        })
        .map(|l| mask(&l, how.masks))
        .collect();
    if how.order == Order::Any {
        lines.sort();
    }
    lines
}

pub fn same_as_reference(report: &RunReport, reference: &ReferenceOutput, how: &Comparison) -> Outcome {
    let got = comparable_lines(stream_text(report, how.stream), how);
    let reference_text = match how.stream {
        StreamName::Stdout => &reference.stdout,
        StreamName::Stderr => &reference.stderr,
    };
    let want = comparable_lines(reference_text, how);
    if got == want {
        return Outcome::pass(msg!("check-reference-same", count = got.len()));
    }
    let reason = if got.len() != want.len() {
        msg!("check-reference-count", expected = want.len(), got = got.len())
    } else {
        msg!("check-reference-differs")
    };
    Outcome::fail(reason).with_texts(want.join("\n"), got.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::mask;
    use crate::grader::spec::Mask;

    #[test]
    fn masks_hide_pids_timings_and_numbers() {
        let out = "Processus PID: 4242 démarré\npid=17 fini en 0,53 s\nrapid 99\n16405 premiers en 1.25 s";
        assert_eq!(
            mask(out, &[Mask::Pid]),
            "Processus PID: <pid> démarré\npid=<pid> fini en 0,53 s\nrapid 99\n16405 premiers en 1.25 s"
        );
        assert_eq!(
            mask(out, &[Mask::Pid, Mask::Float]),
            "Processus PID: <pid> démarré\npid=<pid> fini en <float> s\nrapid 99\n16405 premiers en <float> s"
        );
        assert_eq!(mask("a 12 b 3.5", &[Mask::Int]), "a <int> b <int>.<int>");
        assert_eq!(
            mask("no numbers", &[Mask::Pid, Mask::Float, Mask::Int]),
            "no numbers"
        );
    }
}
