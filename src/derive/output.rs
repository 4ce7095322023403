//! Output checks from what the reference solution printed over several runs: the numbers that
//! changed between runs (and timings, PIDs) are masked, the order is relaxed when the runs showed
//! it varies, and extra lines are allowed (a student may print more).
use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::i18n::Message;
use crate::msg;

/// A number as it may be printed (`12`, `-3`, `0.25`, `0,25`).
const NUMBER: &str = r"-?\d+(?:[.,]\d+)?";

static NUMBER_RE: LazyLock<Regex> = LazyLock::new(|| Regex::new(NUMBER).expect("valid regex"));
/// A number that is a duration (`0.12s`, `15 ms`, `1.5 sec`), or a PID (`pid 4242`, `PID=12`).
static TIMING_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:s|ms|µs|sec|secs|seconds?|secondes?)\b").expect("valid regex"));
static PID_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpid\s*[:=]?\s*$").expect("valid regex"));

/// One line cut into its texts and numbers: `text0 num0 text1 … textN`.
#[derive(Debug, Clone)]
struct Cut {
    texts: Vec<String>,
    numbers: Vec<String>,
}

impl Cut {
    fn of(line: &str) -> Cut {
        let mut texts = Vec::new();
        let mut numbers = Vec::new();
        let mut at = 0;
        for m in NUMBER_RE.find_iter(line) {
            texts.push(line[at..m.start()].to_string());
            numbers.push(m.as_str().to_string());
            at = m.end();
        }
        texts.push(line[at..].to_string());
        Cut { texts, numbers }
    }

    /// The line with every number replaced: lines of one shape are "the same line" across runs.
    fn shape(&self) -> String {
        self.texts.join("\u{0}")
    }
}

/// What the runs showed, as checks to write.
#[derive(Debug, Clone, PartialEq)]
pub enum OutputCheck {
    /// Every line, in this order (other lines may come between): one regex over the output.
    InOrder(String),
    /// Every line, in any order: one regex per line.
    AnyOrder(Vec<String>),
}

/// The derivation: the check (none for an empty output) and why.
#[derive(Debug, Clone)]
pub struct Derivation {
    pub check: Option<OutputCheck>,
    /// Why, for the instructor.
    pub notes: Vec<Message>,
    /// The lines kept, with `…` where a number is masked (for the instructor's summary).
    pub shown: Vec<String>,
}

/// Derives the output check from the stdout of several runs of the reference solution.
pub fn derive(runs: &[String]) -> Derivation {
    derive_with(runs, None, false)
}

/// [`derive`], with the lesson's own expected result: a number it shows differently from the runs
/// (an example timing, another machine's PID) is masked too. `any_order`: the order is relaxed even
/// when the runs kept it (a concurrent program's order may vary on another machine).
pub fn derive_with(runs: &[String], lesson: Option<&str>, any_order: bool) -> Derivation {
    let lesson_lines: Vec<Cut> = lesson
        .map(|text| {
            text.lines()
                .map(|l| l.trim_end())
                .filter(|l| !l.trim().is_empty())
                .map(Cut::of)
                .collect()
        })
        .unwrap_or_default();
    let mut notes = Vec::new();
    let cuts: Vec<Vec<Cut>> = runs
        .iter()
        .map(|out| {
            out.lines()
                .map(|l| l.trim_end())
                .filter(|l| !l.trim().is_empty())
                .map(Cut::of)
                .collect()
        })
        .collect();
    let Some(first) = cuts.first() else {
        return Derivation {
            check: None,
            notes,
            shown: Vec::new(),
        };
    };
    // Lines every run printed (as many times): the others come and go, so they are left out.
    let mut common: BTreeMap<String, usize> = BTreeMap::new();
    for cut in first {
        *common.entry(cut.shape()).or_default() += 1;
    }
    for run in &cuts[1..] {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for cut in run {
            *counts.entry(cut.shape()).or_default() += 1;
        }
        for (shape, n) in common.iter_mut() {
            *n = (*n).min(counts.get(shape).copied().unwrap_or(0));
        }
    }
    let kept = |run: &Vec<Cut>| -> Vec<(String, usize, Cut)> {
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        run.iter()
            .filter_map(|cut| {
                let shape = cut.shape();
                let k = seen.entry(shape.clone()).or_default();
                *k += 1;
                (*k <= common.get(&shape).copied().unwrap_or(0)).then(|| (shape, *k, cut.clone()))
            })
            .collect()
    };
    let per_run: Vec<Vec<(String, usize, Cut)>> = cuts.iter().map(kept).collect();
    let dropped = first.len() - per_run[0].len();
    if dropped > 0 {
        notes.push(msg!("derive-lines-left-out", count = dropped));
    }
    // A number position of a shape is stable when every run printed the same values there, in
    // whatever order (the k-th `img_3` may come first or last): then each line keeps its number.
    let values = |run: &Vec<(String, usize, Cut)>, shape: &str, p: usize| -> Vec<String> {
        let mut v: Vec<String> = run
            .iter()
            .filter(|(s, _, _)| s == shape)
            .filter_map(|(_, _, c)| c.numbers.get(p).cloned())
            .collect();
        v.sort();
        v
    };
    // Which number positions of each shape are masked.
    let mut masks: BTreeMap<String, Vec<bool>> = BTreeMap::new();
    for (shape, _, cut) in &per_run[0] {
        if masks.contains_key(shape) {
            continue;
        }
        let mask = (0..cut.numbers.len())
            .map(|i| {
                let mine = values(&per_run[0], shape, i);
                let varies = per_run[1..].iter().any(|r| values(r, shape, i) != mine)
                    || lesson_lines
                        .iter()
                        .filter(|c| &c.shape() == shape)
                        .filter_map(|c| c.numbers.get(i))
                        .any(|n| !mine.contains(n));
                let timing = cut.numbers[i].contains(['.', ',']) && TIMING_AFTER.is_match(&cut.texts[i + 1]);
                let pid = PID_BEFORE.is_match(&cut.texts[..=i].concat());
                varies || timing || pid
            })
            .collect();
        masks.insert(shape.clone(), mask);
    }
    let render = |cut: &Cut| -> (String, String) {
        let mask = &masks[&cut.shape()];
        let mut pattern = String::from(r"^\s*");
        let mut human = String::new();
        for (i, text) in cut.texts.iter().enumerate() {
            let text = if i == 0 { text.trim_start() } else { text.as_str() };
            pattern.push_str(&literal(text));
            human.push_str(text);
            if let Some(number) = cut.numbers.get(i) {
                if mask[i] {
                    pattern.push_str(NUMBER);
                    human.push('…');
                } else {
                    pattern.push_str(&regex::escape(number));
                    human.push_str(number);
                }
            }
        }
        pattern.push_str(r"\s*$");
        (pattern, human)
    };
    // The order varies when the lines, once masked, come in another order in some run.
    let sequences: Vec<Vec<String>> = per_run
        .iter()
        .map(|r| r.iter().map(|(_, _, c)| render(c).1).collect())
        .collect();
    let order_varies = sequences.iter().any(|s| *s != sequences[0]);
    if order_varies {
        notes.push(msg!("derive-order-varies"));
    }
    let (patterns, shown): (Vec<String>, Vec<String>) = per_run[0].iter().map(|(_, _, c)| render(c)).unzip();
    let masked_total: usize = per_run[0]
        .iter()
        .map(|(shape, _, _)| masks[shape].iter().filter(|m| **m).count())
        .sum();
    if masked_total > 0 {
        notes.push(msg!("derive-numbers-masked", count = masked_total));
    }
    let check = if patterns.is_empty() {
        None
    } else if order_varies || any_order {
        Some(OutputCheck::AnyOrder(
            patterns.iter().map(|p| format!("(?i){p}")).collect(),
        ))
    } else {
        // Lines in order; whole lines may come between them.
        let body: Vec<String> = patterns
            .iter()
            .map(|p| p.trim_start_matches('^').trim_end_matches('$').to_string())
            .collect();
        Some(OutputCheck::InOrder(format!(
            "(?im)^{}$",
            body.join(r"$(?:\n.*)*?\n^")
        )))
    };
    Derivation { check, notes, shown }
}

/// A text as a regex: escaped, every run of spaces matching any run of spaces.
fn literal(text: &str) -> String {
    let mut out = String::new();
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push_str(r"\s+");
            }
            in_space = true;
        } else {
            in_space = false;
            out.push_str(&regex::escape(&c.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn matches(check: &OutputCheck, output: &str) -> bool {
        match check {
            OutputCheck::InOrder(p) => Regex::new(p).unwrap().is_match(output),
            OutputCheck::AnyOrder(ps) => {
                let mut used = vec![false; output.lines().count()];
                ps.iter().all(|p| {
                    let re = Regex::new(p).unwrap();
                    match output
                        .lines()
                        .enumerate()
                        .position(|(i, l)| !used[i] && re.is_match(l))
                    {
                        Some(i) => {
                            used[i] = true;
                            true
                        }
                        None => false,
                    }
                })
            }
        }
    }

    #[test]
    fn varying_numbers_and_timings_are_masked_the_rest_is_kept() {
        let runs = [
            "Séquentiel : 0.12s (Trouvé: 16405)\nPID 4242 done\n".to_string(),
            "Séquentiel : 0.12s (Trouvé: 16405)\nPID 4250 done\n".to_string(),
        ];
        let d = derive(&runs);
        let check = d.check.unwrap();
        assert!(matches!(check, OutputCheck::InOrder(_)));
        assert!(matches(
            &check,
            "Séquentiel : 0.50s (Trouvé: 16405)\nextra\nPID 1 done"
        ));
        assert!(!matches(&check, "Séquentiel : 0.50s (Trouvé: 16404)\nPID 1 done"));
        assert!(
            !matches(&check, "PID 1 done\nSéquentiel : 0.50s (Trouvé: 16405)"),
            "order kept"
        );
        assert_eq!(d.shown, ["Séquentiel : …s (Trouvé: 16405)", "PID … done"]);
    }

    #[test]
    fn numbers_the_lesson_shows_otherwise_are_masked() {
        let runs = vec!["took 0.0000s, total 10\nworker 2 done\n".to_string(); 2];
        let d = derive_with(&runs, Some("took 0.0012s, total 10\nworker 7 done\n"), false);
        assert_eq!(d.shown, ["took …s, total 10", "worker … done"]);
    }

    #[test]
    fn numbers_printed_in_another_order_are_kept() {
        // Workers finishing in another order: each line keeps its own number, in any order.
        let runs = [
            "done 1\ndone 2\ndone 3\n".to_string(),
            "done 3\ndone 1\ndone 2\n".to_string(),
        ];
        let d = derive(&runs);
        assert_eq!(d.shown, ["done 1", "done 2", "done 3"]);
        let check = d.check.unwrap();
        assert!(matches(&check, "done 2\ndone 3\ndone 1"));
        assert!(!matches(&check, "done 2\ndone 2\ndone 1"));
        // A concurrent program's order is relaxed even when the runs kept it.
        let same = ["a 1\nb 2\n".to_string(), "a 1\nb 2\n".to_string()];
        assert!(matches!(
            derive_with(&same, None, true).check,
            Some(OutputCheck::AnyOrder(_))
        ));
    }

    #[test]
    fn an_order_that_varies_is_relaxed() {
        let runs = ["a 1\nb 2\n".to_string(), "b 2\na 1\n".to_string()];
        let d = derive(&runs);
        let check = d.check.unwrap();
        assert!(matches!(check, OutputCheck::AnyOrder(_)));
        assert!(matches(&check, "b 2\na 1"));
        assert!(!matches(&check, "b 2\na 3"));
        assert!(d.notes.iter().any(|n| n.word(Lang::En).contains("any order")));
    }

    #[test]
    fn lines_that_come_and_go_are_left_out_and_an_empty_output_gives_no_check() {
        let runs = ["x\nwarning\n".to_string(), "x\n".to_string()];
        let d = derive(&runs);
        assert!(matches(d.check.as_ref().unwrap(), "x"));
        assert!(d.notes[0].word(Lang::En).contains("did not come in every run"));
        assert!(derive(&[String::new(), String::new()]).check.is_none());
    }
}
