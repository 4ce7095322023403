//! Identical and near-identical submissions of a class: the same program after comments and
//! whitespace are stripped (one normalised hash), and programs that share long runs of tokens once
//! names and literals are normalised too (token winnowing, as MOSS does: Schleimer, Wilkerson and
//! Aiken, "Winnowing: local algorithms for document fingerprinting", SIGMOD 2003).
//!
//! A pointer for a person, never a verdict: on a short exercise, independent right answers share
//! much of their code. The starter's own fingerprints are removed first, so the code everyone was
//! given is not counted as similarity.
use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use super::record::sha256_hex;

/// Version of the similarity JSON document (`--export similarity:PATH`): atelier's one version.
pub const SCHEMA_VERSION: u32 = super::export::SCHEMA_VERSION;

/// How near-duplicates are found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SimilarityOptions {
    /// Tokens per k-gram: a shared run shorter than this is noise.
    pub k: usize,
    /// Winnowing window: any shared run of at least `k + window - 1` tokens is found.
    pub window: usize,
    /// A pair is listed when its score (0..1) reaches this.
    pub threshold: f64,
}

impl Default for SimilarityOptions {
    fn default() -> Self {
        SimilarityOptions {
            k: 5,
            window: 4,
            threshold: 0.8,
        }
    }
}

/// One submission to compare.
#[derive(Debug, Clone)]
pub struct Source {
    pub student: String,
    pub text: String,
}

/// Students whose submissions are the same program (comments and whitespace aside).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdenticalGroup {
    /// SHA-256 of the normalised token stream (of the file's bytes when compared from a gradebook
    /// alone, without the files).
    pub sha256: String,
    pub students: Vec<String>,
}

/// Lines of `a` and of `b` that hold the same token run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineMatch {
    /// First and last line (from 1) in the first student's file.
    pub a: (u32, u32),
    /// The same in the second student's file.
    pub b: (u32, u32),
}

/// Two submissions that share much of their token stream.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarPair {
    pub a: String,
    pub b: String,
    /// Shared fingerprints over the fingerprints of the smaller submission (0..1).
    pub score: f64,
    pub shared_fingerprints: usize,
    pub matches: Vec<LineMatch>,
}

/// What the comparison found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SimilarityReport {
    pub schema_version: u32,
    pub exercise: String,
    pub submissions: usize,
    pub k: usize,
    pub window: usize,
    pub threshold: f64,
    /// Fingerprints of the starter removed from every submission.
    pub starter_fingerprints: usize,
    pub identical: Vec<IdenticalGroup>,
    /// Near-duplicates, highest score first (pairs already in an identical group are left out).
    pub similar: Vec<SimilarPair>,
}

/// Compares every pair of `sources`.
pub fn compare(
    exercise: &str,
    sources: &[Source],
    starter: Option<&str>,
    opts: SimilarityOptions,
) -> SimilarityReport {
    let k = opts.k.max(1);
    let window = opts.window.max(1);
    let starter_prints: HashSet<u64> = starter
        .map(|s| {
            winnow(&tokenize(s), k, window)
                .into_iter()
                .map(|f| f.hash)
                .collect()
        })
        .unwrap_or_default();

    // Identical: one normalised hash.
    let mut by_hash: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut group_of: HashMap<&str, String> = HashMap::new();
    let mut prints: Vec<Vec<Fingerprint>> = Vec::with_capacity(sources.len());
    for source in sources {
        let tokens = tokenize(&source.text);
        let hash = normalised_hash(&tokens);
        by_hash
            .entry(hash.clone())
            .or_default()
            .push(source.student.clone());
        group_of.insert(&source.student, hash);
        let mut fps = winnow(&tokens, k, window);
        fps.retain(|f| !starter_prints.contains(&f.hash));
        prints.push(fps);
    }
    let identical = groups(by_hash);

    // Near-duplicates: count shared fingerprints through an inverted index (only pairs that share
    // something are ever looked at).
    let distinct: Vec<HashSet<u64>> = prints
        .iter()
        .map(|fps| fps.iter().map(|f| f.hash).collect())
        .collect();
    let mut index: HashMap<u64, Vec<usize>> = HashMap::new();
    for (i, set) in distinct.iter().enumerate() {
        for &h in set {
            index.entry(h).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for holders in index.values() {
        for (x, &i) in holders.iter().enumerate() {
            for &j in &holders[x + 1..] {
                *shared.entry((i.min(j), i.max(j))).or_default() += 1;
            }
        }
    }
    let mut similar = Vec::new();
    for ((i, j), count) in shared {
        let (a, b) = (&sources[i], &sources[j]);
        if group_of.get(a.student.as_str()) == group_of.get(b.student.as_str()) {
            continue;
        }
        let smaller = distinct[i].len().min(distinct[j].len());
        if smaller == 0 {
            continue;
        }
        let score = count as f64 / smaller as f64;
        if score + 1e-9 < opts.threshold {
            continue;
        }
        let (i, j) = if a.student <= b.student { (i, j) } else { (j, i) };
        similar.push(SimilarPair {
            a: sources[i].student.clone(),
            b: sources[j].student.clone(),
            score: (score * 1000.0).round() / 1000.0,
            shared_fingerprints: count,
            matches: line_matches(&prints[i], &prints[j]),
        });
    }
    similar.sort_by(|x, y| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.a.cmp(&y.a))
            .then_with(|| x.b.cmp(&y.b))
    });
    SimilarityReport {
        schema_version: SCHEMA_VERSION,
        exercise: exercise.to_string(),
        submissions: sources.len(),
        k,
        window,
        threshold: opts.threshold,
        starter_fingerprints: starter_prints.len(),
        identical,
        similar,
    }
}

/// The groups of more than one student sharing a hash, each sorted, in student order.
pub fn groups(by_hash: BTreeMap<String, Vec<String>>) -> Vec<IdenticalGroup> {
    let mut identical: Vec<IdenticalGroup> = by_hash
        .into_iter()
        .filter(|(_, students)| students.len() > 1)
        .map(|(sha256, mut students)| {
            students.sort();
            IdenticalGroup { sha256, students }
        })
        .collect();
    identical.sort_by(|a, b| a.students.cmp(&b.students));
    identical
}

/// The line ranges of `a` and `b` holding their shared fingerprints, runs merged.
fn line_matches(a: &[Fingerprint], b: &[Fingerprint]) -> Vec<LineMatch> {
    let mut in_b: HashMap<u64, (u32, u32)> = HashMap::new();
    for f in b {
        in_b.entry(f.hash).or_insert(f.lines);
    }
    let mut pairs: Vec<LineMatch> = a
        .iter()
        .filter_map(|f| in_b.get(&f.hash).map(|&lines| LineMatch { a: f.lines, b: lines }))
        .collect();
    pairs.sort_by_key(|m| (m.a, m.b));
    let mut merged: Vec<LineMatch> = Vec::new();
    for m in pairs {
        let touches = |x: (u32, u32), y: (u32, u32)| y.0 <= x.1 + 1 && x.0 <= y.1 + 1;
        match merged.last_mut() {
            Some(last) if touches(last.a, m.a) && touches(last.b, m.b) => {
                last.a = (last.a.0.min(m.a.0), last.a.1.max(m.a.1));
                last.b = (last.b.0.min(m.b.0), last.b.1.max(m.b.1));
            }
            _ => merged.push(m),
        }
    }
    merged
}

/// A token of Python source: its text as written and as compared, and its line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The text as written (for the normalised hash: only comments and spaces are gone).
    pub raw: String,
    /// Names become `V`, strings `S`, numbers `N`; keywords and operators stay.
    pub norm: String,
    /// 1-based.
    pub line: u32,
}

const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def",
    "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is",
    "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
];

/// Operators of more than one character, longest first.
const OPERATORS: &[&str] = &[
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", "<<", ">>", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
];

/// A small Python tokenizer: enough to compare programs, not to run them (no INDENT tokens; an
/// unterminated string runs to the end). Never fails: any text gives tokens.
pub fn tokenize(source: &str) -> Vec<Token> {
    let chars: Vec<char> = source.chars().collect();
    let mut tokens = Vec::new();
    let mut line = 1u32;
    let mut i = 0;
    let push = |tokens: &mut Vec<Token>, raw: String, norm: String, line: u32| {
        tokens.push(Token { raw, norm, line });
    };
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() || c == '\\' {
            i += 1;
        } else if c == '#' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if let Some(quote_at) = string_start(&chars, i) {
            let start_line = line;
            let quote = chars[quote_at];
            let triple = chars.get(quote_at + 1) == Some(&quote) && chars.get(quote_at + 2) == Some(&quote);
            let mut j = quote_at + if triple { 3 } else { 1 };
            loop {
                match chars.get(j) {
                    None => break,
                    Some('\\') => {
                        if chars.get(j + 1) == Some(&'\n') {
                            line += 1;
                        }
                        j += 2;
                    }
                    Some('\n') if !triple => break,
                    Some('\n') => {
                        line += 1;
                        j += 1;
                    }
                    Some(&ch) if ch == quote => {
                        if !triple {
                            j += 1;
                            break;
                        }
                        if chars.get(j + 1) == Some(&quote) && chars.get(j + 2) == Some(&quote) {
                            j += 3;
                            break;
                        }
                        j += 1;
                    }
                    Some(_) => j += 1,
                }
            }
            let j = j.min(chars.len());
            push(&mut tokens, chars[i..j].iter().collect(), "S".into(), start_line);
            i = j;
        } else if c.is_ascii_digit() || (c == '.' && chars.get(i + 1).is_some_and(|d| d.is_ascii_digit())) {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j];
                let exponent_sign = matches!(d, '+' | '-') && matches!(chars[j - 1], 'e' | 'E');
                if d.is_ascii_alphanumeric() || d == '_' || d == '.' || exponent_sign {
                    j += 1;
                } else {
                    break;
                }
            }
            push(&mut tokens, chars[i..j].iter().collect(), "N".into(), line);
            i = j;
        } else if c.is_alphabetic() || c == '_' {
            let mut j = i + 1;
            while j < chars.len() && (chars[j].is_alphanumeric() || chars[j] == '_') {
                j += 1;
            }
            let word: String = chars[i..j].iter().collect();
            let norm = if KEYWORDS.contains(&word.as_str()) {
                word.clone()
            } else {
                "V".to_string()
            };
            push(&mut tokens, word, norm, line);
            i = j;
        } else {
            let rest: String = chars[i..chars.len().min(i + 3)].iter().collect();
            let op = OPERATORS
                .iter()
                .find(|op| rest.starts_with(*op))
                .map_or_else(|| c.to_string(), |op| op.to_string());
            i += op.chars().count();
            push(&mut tokens, op.clone(), op, line);
        }
    }
    tokens
}

/// Where the opening quote is, when a string (with its `r`, `b`, `f`, `u` prefixes) starts at `i`.
fn string_start(chars: &[char], i: usize) -> Option<usize> {
    let mut j = i;
    while j < chars.len() && j - i < 2 && matches!(chars[j], 'r' | 'R' | 'b' | 'B' | 'u' | 'U' | 'f' | 'F') {
        j += 1;
    }
    // A prefix is only a prefix when the name stops there (`bar"` is not a string prefix `b`).
    if j > i && i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_') {
        return None;
    }
    matches!(chars.get(j), Some('"') | Some('\'')).then_some(j)
}

/// SHA-256 of the token stream as written (comments and whitespace gone).
pub fn normalised_hash(tokens: &[Token]) -> String {
    let mut text = String::new();
    for t in tokens {
        text.push_str(&t.raw);
        text.push('\u{1f}');
    }
    sha256_hex(text.as_bytes())
}

/// A selected k-gram: its hash and the lines it spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint {
    hash: u64,
    lines: (u32, u32),
}

/// FNV-1a over the normalised k-gram: stable across runs and builds (std's hasher is not promised
/// to be).
fn kgram_hash(tokens: &[Token]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for t in tokens {
        for b in t.norm.bytes().chain([0x1f]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The winnowed fingerprints of a token stream: in each window of `window` consecutive k-gram
/// hashes, the smallest (the rightmost on a tie), each selected position once.
fn winnow(tokens: &[Token], k: usize, window: usize) -> Vec<Fingerprint> {
    if tokens.is_empty() {
        return Vec::new();
    }
    let grams: Vec<Fingerprint> = if tokens.len() < k {
        vec![Fingerprint {
            hash: kgram_hash(tokens),
            lines: (tokens[0].line, tokens[tokens.len() - 1].line),
        }]
    } else {
        tokens
            .windows(k)
            .map(|w| Fingerprint {
                hash: kgram_hash(w),
                lines: (w[0].line, w[k - 1].line),
            })
            .collect()
    };
    let mut out = Vec::new();
    let mut last: Option<usize> = None;
    let span = window.min(grams.len());
    for start in 0..=grams.len() - span {
        let mut best = start;
        for i in start..start + span {
            if grams[i].hash <= grams[best].hash {
                best = i;
            }
        }
        if last != Some(best) {
            out.push(grams[best]);
            last = Some(best);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(student: &str, text: &str) -> Source {
        Source {
            student: student.into(),
            text: text.into(),
        }
    }

    #[test]
    fn tokenizer_normalises_names_literals_and_drops_comments() {
        let tokens = tokenize("x = 'a # not a comment'  # a comment\ny += 3.5e-2\nprint(f\"{x}\")\n");
        let norm: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norm, ["V", "=", "S", "V", "+=", "N", "V", "(", "S", ")"]);
        assert_eq!(tokens[3].line, 2);
        assert_eq!(tokens[6].line, 3);
        let doc = tokenize("\"\"\"two\nlines\"\"\"\nif x: pass\n");
        assert_eq!(doc[0].norm, "S");
        assert_eq!(doc[1].raw, "if");
        assert_eq!(doc[1].line, 3);
        // Unterminated strings and stray characters still give tokens.
        assert!(!tokenize("s = 'open\n$ ? ~").is_empty());
    }

    #[test]
    fn comments_and_spacing_do_not_change_the_normalised_hash() {
        let a = tokenize("def f(a, b):\n    return a+b\n");
        let b = tokenize("# mine\ndef f(a,b):   # add\n\n    return a + b\n");
        let c = tokenize("def f(x, y):\n    return x+y\n");
        assert_eq!(normalised_hash(&a), normalised_hash(&b));
        assert_ne!(normalised_hash(&a), normalised_hash(&c));
    }

    const PROGRAM: &str = "from multiprocessing import Process, Value, Lock\n\
def work(counter, lock):\n    for _ in range(100):\n        with lock:\n            counter.value += 1\n\
if __name__ == '__main__':\n    c = Value('i', 0)\n    l = Lock()\n    ps = [Process(target=work, args=(c, l)) for _ in range(10)]\n\
    for p in ps:\n        p.start()\n    for p in ps:\n        p.join()\n    print('total', c.value)\n";

    #[test]
    fn identical_and_renamed_copies_are_found() {
        let renamed = PROGRAM
            .replace("counter", "compteur")
            .replace("ps", "procs")
            .replace("'total'", "'somme'");
        let other = "import threading\nx = 0\nfor i in range(10):\n    x = x * 2 - i\nprint(x)\n";
        let sources = [
            src("ann", PROGRAM),
            src("bob", &format!("# bob's\n{PROGRAM}")),
            src("cid", &renamed),
            src("dan", other),
        ];
        let report = compare("43.3", &sources, None, SimilarityOptions::default());
        assert_eq!(report.identical.len(), 1);
        assert_eq!(report.identical[0].students, ["ann", "bob"]);
        let pairs: Vec<(&str, &str)> = report
            .similar
            .iter()
            .map(|p| (p.a.as_str(), p.b.as_str()))
            .collect();
        assert!(pairs.contains(&("ann", "cid")), "{pairs:?}");
        assert!(pairs.contains(&("bob", "cid")), "{pairs:?}");
        assert!(
            !pairs.iter().any(|(a, b)| *a == "dan" || *b == "dan"),
            "{pairs:?}"
        );
        let ann_cid = report
            .similar
            .iter()
            .find(|p| p.b == "cid" && p.a == "ann")
            .unwrap();
        assert!(ann_cid.score > 0.99, "{ann_cid:?}");
        // The whole program matches, from the first line to the last, in one merged range.
        assert_eq!(
            ann_cid.matches,
            [LineMatch {
                a: (1, 14),
                b: (1, 14)
            }]
        );
    }

    #[test]
    fn the_starter_is_not_similarity() {
        let starter = "from multiprocessing import Process, Value, Lock\n\
def work(counter, lock):\n    pass\nif __name__ == '__main__':\n    print('total', 0)\n";
        // Two students who only wrote the starter plus unrelated lines.
        let a = format!("{starter}x = [i * i for i in range(5)]\n");
        let b = format!("{starter}while True:\n    break\n");
        let sources = [src("ann", &a), src("bob", &b)];
        let with = compare("43.3", &sources, Some(starter), SimilarityOptions::default());
        assert!(with.similar.is_empty(), "{:?}", with.similar);
        assert!(with.starter_fingerprints > 0);
        let without = compare("43.3", &sources, None, SimilarityOptions::default());
        assert!(
            !without.similar.is_empty(),
            "the starter alone makes them look alike"
        );
    }

    #[test]
    fn threshold_filters_pairs() {
        let half = PROGRAM.lines().take(6).collect::<Vec<_>>().join("\n");
        let changed = format!(
            "{half}\nimport os\nos.system('ls')\nfor q in range(3):\n    print(q, q ** 2, [q] * q)\n"
        );
        let sources = [src("ann", PROGRAM), src("bob", &changed)];
        let strict = compare(
            "43.3",
            &sources,
            None,
            SimilarityOptions {
                threshold: 0.99,
                ..SimilarityOptions::default()
            },
        );
        assert!(strict.similar.is_empty(), "{:?}", strict.similar);
        let loose = compare(
            "43.3",
            &sources,
            None,
            SimilarityOptions {
                threshold: 0.2,
                ..SimilarityOptions::default()
            },
        );
        assert_eq!(loose.similar.len(), 1);
        assert!(loose.similar[0].score < 0.99);
        assert_eq!(loose.similar[0].matches[0].a.0, 1);
    }

    #[test]
    fn winnowing_selects_the_window_minimum_once() {
        let tokens = tokenize("a b c d e f g h i j k l m n o p");
        let prints = winnow(&tokens, 3, 4);
        // Every window of 4 k-grams holds a selected fingerprint (the density guarantee).
        assert!(!prints.is_empty());
        assert!(prints.len() <= tokens.len() - 2);
        // Names are all `V`: every k-gram hashes alike, so one fingerprint per window position run.
        assert!(prints.iter().all(|p| p.hash == prints[0].hash));
    }
}
