//! The spec's regular expressions, each compiled once per process. A spec's pattern is compiled
//! when the spec is validated and used again by the check that reads the run, by every run of a
//! series and by every submission of a class: compiling is the costly part (a Unicode class such as
//! `\w` or `\d` makes a large automaton, about half a millisecond), matching a short output is not.
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

use regex::Regex;

/// Patterns compiled so far (specs hold a few dozen at most; a class is graded against one spec).
static COMPILED: LazyLock<Mutex<HashMap<String, Arc<Regex>>>> = LazyLock::new(Default::default);

/// `pattern` compiled, from the cache when it was compiled before.
pub fn compiled(pattern: &str) -> Result<Arc<Regex>, regex::Error> {
    // A poisoned lock only means another thread panicked while holding it; the map is still whole.
    if let Some(re) = COMPILED.lock().unwrap_or_else(|e| e.into_inner()).get(pattern) {
        return Ok(Arc::clone(re));
    }
    let re = Arc::new(Regex::new(pattern)?);
    COMPILED
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(pattern.to_string(), Arc::clone(&re));
    Ok(re)
}

#[cfg(test)]
mod tests {
    use super::compiled;

    #[test]
    fn a_pattern_is_compiled_once_and_errors_are_not_kept() {
        let a = compiled(r"(?P<n>\d+) premiers").unwrap();
        let b = compiled(r"(?P<n>\d+) premiers").unwrap();
        assert!(std::sync::Arc::ptr_eq(&a, &b));
        assert!(a.is_match("16405 premiers"));
        assert!(compiled("(unclosed").is_err());
        assert!(compiled("(unclosed").is_err());
    }
}
