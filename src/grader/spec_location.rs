//! Where in a spec's YAML a problem is: serde_norway gives a location for most errors, but errors
//! raised inside a check lose it (a check is buffered before its kind is read), so the key the
//! message names is looked up in the text, inside the check it names.
use crate::course::Problem;

/// A serde error as a problem at the right line. serde_norway gives a location for most errors;
/// errors raised inside a check (an internally tagged enum is buffered first) lose it, so the
/// offending key named in the message is looked up in the text.
pub fn yaml_problem(file: &str, text: &str, err: &serde_yaml::Error) -> Problem {
    let message = err.to_string();
    // serde_norway appends " at line L column C"; the line goes in front instead.
    let bare = crate::i18n::without_position(&message).to_string();
    // Errors inside a check read "checks[1]: check `NAME`: unknown field `KEY`, …": the key is
    // looked up inside that check.
    let in_check = bare.find("check `").and_then(|at| {
        let rest = &bare[at..];
        let name = backticked(rest)?;
        let after = rest.split_once("`: ").map_or("", |(_, r)| r);
        Some((name, after.to_string()))
    });
    let line = match in_check {
        Some((name, rest)) => match backticked(&rest) {
            Some(_) if rest.starts_with("unknown variant") => find_check_line(text, &name, "kind"),
            Some(key) => find_check_line(text, &name, &key),
            None => find_check_line(text, &name, "name"),
        },
        None => backticked(&bare).and_then(|k| find_key_line(text, &k)),
    }
    .or_else(|| err.location().map(|l| l.line()));
    Problem::new(
        file,
        line,
        crate::msg!("spec-yaml", detail = crate::i18n::serde_message(&bare)),
    )
}

/// The first `` `word` `` of a serde message (the unknown or missing field).
fn backticked(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

/// The 1-based line where `key:` is written (the first such line).
pub fn find_key_line(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| is_key_line(line, key))
        .map(|i| i + 1)
}

fn is_key_line(line: &str, key: &str) -> bool {
    let trimmed = line.trim_start().trim_start_matches("- ").trim_start();
    trimmed
        .strip_prefix(key)
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// The line of `key:` inside the check named `name` (else the check's own line).
pub fn find_check_line(text: &str, name: &str, key: &str) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|line| {
        is_key_line(line, "name")
            && line
                .split_once(':')
                .is_some_and(|(_, v)| unquote(v.trim()) == name)
    })?;
    // The check ends where the next list item at its indentation (or less) starts.
    let indent = lines[start].len() - lines[start].trim_start().len();
    let mut end = lines.len();
    for (i, line) in lines.iter().enumerate().skip(start + 1) {
        let own = line.len() - line.trim_start().len();
        if line.trim_start().starts_with("- ") && own < indent {
            end = i;
            break;
        }
    }
    let found = (start..end)
        .find(|&i| is_key_line(lines[i], key))
        .unwrap_or(start);
    Some(found + 1)
}

fn unquote(value: &str) -> &str {
    value.trim_matches(|c| c == '"' || c == '\'')
}
