//! Checks on the submission's source: patterns that must or must not appear, comments ignored (a
//! `# with lock:` in a comment locks nothing).

use super::{Outcome, pattern};
use crate::msg;

/// The Python source without its `#` comments (strings, including triple-quoted ones, are kept).
pub fn strip_comments(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    let chars: Vec<char> = source.chars().collect();
    let mut i = 0;
    // The quote that opened the current string and whether it is triple.
    let mut string: Option<(char, bool)> = None;
    while i < chars.len() {
        let c = chars[i];
        match string {
            Some((q, triple)) => {
                out.push(c);
                if c == '\\' && i + 1 < chars.len() {
                    out.push(chars[i + 1]);
                    i += 2;
                    continue;
                }
                if c == q {
                    if !triple {
                        string = None;
                    } else if chars.get(i + 1) == Some(&q) && chars.get(i + 2) == Some(&q) {
                        out.push(q);
                        out.push(q);
                        i += 2;
                        string = None;
                    }
                } else if c == '\n' && !triple {
                    string = None;
                }
            }
            None => match c {
                '#' => {
                    while i < chars.len() && chars[i] != '\n' {
                        i += 1;
                    }
                    continue;
                }
                '\'' | '"' => {
                    let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                    out.push(c);
                    if triple {
                        out.push(c);
                        out.push(c);
                        i += 2;
                    }
                    string = Some((c, triple));
                }
                _ => out.push(c),
            },
        }
        i += 1;
    }
    out
}

pub fn check(source: &str, contains: &[String], lacks: &[String]) -> Outcome {
    let code = strip_comments(source);
    let mut missing = Vec::new();
    let mut present = Vec::new();
    for pattern in contains {
        if !pattern::compiled(pattern).is_ok_and(|re| re.is_match(&code)) {
            missing.push(pattern.as_str());
        }
    }
    for pattern in lacks {
        if let Some(found) = pattern::compiled(pattern).ok().and_then(|re| re.find(&code)) {
            present.push(found.as_str().trim().to_string());
        }
    }
    if missing.is_empty() && present.is_empty() {
        return Outcome::pass(msg!("check-source-ok"));
    }
    let lacking = msg!("check-source-missing", patterns = missing.join("/, /"));
    let having = msg!("check-source-present", found = present.join(" », « "));
    Outcome::fail(match (missing.is_empty(), present.is_empty()) {
        (false, true) => lacking,
        (true, false) => having,
        _ => msg!("check-source-both", missing = lacking, present = having),
    })
}
