//! serde's error messages as [`Message`]s. serde words its errors in English, in a few fixed shapes
//! (`unknown field `x`, expected one of `a`, `b``, `missing field `x``, `invalid type: integer `3`,
//! expected a string`); shown as they are, a spec or frontmatter problem in a French course reads
//! half in English. The shapes serde defines (`serde::de::Error`'s provided methods) are recognised
//! here and worded by the catalogs; the names inside them (fields, variants, values) stay as the
//! file wrote them. Anything else — a YAML syntax error, a message of our own — stays as written.
use super::Message;
use crate::msg;

/// A serde_norway error's text without the position it appends (" at line L column C"): the
/// problem carries the line itself.
pub fn without_position(message: &str) -> &str {
    message.find(" at line ").map_or(message, |at| &message[..at])
}

/// `message` (a serde error, its position already cut off) as a message.
pub fn serde_message(message: &str) -> Message {
    // Our own context first: "check `NAME`: …" (spec/mod.rs), then serde_norway's path ("checks[1].
    // hint: …"), each around the message it introduces.
    if let Some(rest) = message.strip_prefix("check `")
        && let Some((name, inner)) = rest.split_once("`: ")
    {
        return msg!("serde-in-check", name = name, detail = serde_message(inner));
    }
    if let Some((path, inner)) = message.split_once(": ")
        && is_path(path)
    {
        return msg!("serde-at-path", path = path, detail = serde_message(inner));
    }
    shape(message).unwrap_or_else(|| msg!("serde-as-written", text = message))
}

/// serde_norway's path to the value in error: `checks[1].hint`, `limits`, `[0]`.
fn is_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | '[' | ']'))
        && !matches!(text, "invalid type" | "invalid value")
}

/// The text between the first pair of backticks, and what follows the closing one.
fn backticked(text: &str) -> Option<(&str, &str)> {
    let rest = text.strip_prefix('`')?;
    let end = rest.find('`')?;
    Some((&rest[..end], &rest[end + 1..]))
}

fn shape(message: &str) -> Option<Message> {
    // "unknown field `x`, expected …" and "unknown variant `x`, expected …", or "…, there are no
    // fields/variants".
    for (prefix, key, none, key_none) in [
        (
            "unknown field ",
            "serde-unknown-field",
            ", there are no fields",
            "serde-unknown-field-none",
        ),
        (
            "unknown variant ",
            "serde-unknown-variant",
            ", there are no variants",
            "serde-unknown-variant-none",
        ),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (name, tail) = backticked(rest)?;
            return Some(if tail == none {
                msg!(key_none, name = name)
            } else {
                msg!(
                    key,
                    name = name,
                    expected = one_of(tail.strip_prefix(", expected ")?)?
                )
            });
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let (field, "") = backticked(rest)? else {
            return None;
        };
        return Some(msg!("serde-missing-field", field = field));
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        let (field, "") = backticked(rest)? else {
            return None;
        };
        return Some(msg!("serde-duplicate-field", field = field));
    }
    for (prefix, key) in [
        ("invalid type: ", "serde-invalid-type"),
        ("invalid value: ", "serde-invalid-value"),
    ] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (found, expected) = rest.rsplit_once(", expected ")?;
            return Some(msg!(
                key,
                found = unexpected(found),
                expected = expectation(expected)
            ));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ")?;
        let length: i64 = length.parse().ok()?;
        return Some(msg!(
            "serde-invalid-length",
            length = length,
            expected = expectation(expected)
        ));
    }
    None
}

/// serde's list of what was expected: `` `a` ``, `` `a` or `b` ``, `` one of `a`, `b`, `c` ``.
fn one_of(text: &str) -> Option<Message> {
    if let Some(list) = text.strip_prefix("one of ") {
        return Some(msg!("serde-one-of", names = list));
    }
    if let Some((a, b)) = text.split_once(" or ") {
        return Some(msg!("serde-either", first = a, second = b));
    }
    (text.starts_with('`') && text.ends_with('`')).then(|| msg!("serde-as-written", text = text))
}

/// What serde found (`serde::de::Unexpected`'s words).
fn unexpected(text: &str) -> Message {
    let valued = [
        ("boolean ", "serde-found-boolean"),
        ("integer ", "serde-found-integer"),
        ("floating point ", "serde-found-float"),
        ("string ", "serde-found-string"),
        ("character ", "serde-found-string"),
    ];
    for (prefix, key) in valued {
        if let Some(value) = text.strip_prefix(prefix) {
            return msg!(key, value = value);
        }
    }
    match text {
        "sequence" => msg!("serde-found-sequence"),
        "map" => msg!("serde-found-map"),
        "unit value" | "unit" | "null" => msg!("serde-found-null"),
        _ => msg!("serde-as-written", text = text),
    }
}

/// What serde expected, when it is one of the common kinds; else as written (a struct's or an
/// enum's own name, a custom expectation).
fn expectation(text: &str) -> Message {
    match text {
        "a string" | "a borrowed string" | "a character" => msg!("serde-expected-string"),
        "a boolean" => msg!("serde-expected-boolean"),
        "a sequence" => msg!("serde-expected-sequence"),
        "a map" => msg!("serde-expected-map"),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => msg!("serde-expected-unsigned"),
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => msg!("serde-expected-integer"),
        "f32" | "f64" => msg!("serde-expected-number"),
        _ => msg!("serde-as-written", text = text),
    }
}

#[cfg(test)]
mod tests {
    use super::serde_message;
    use crate::i18n::Lang;

    fn both(message: &str) -> (String, String) {
        let m = serde_message(message);
        (m.word(Lang::Fr), m.word(Lang::En))
    }

    #[test]
    fn field_errors_are_worded_with_the_names_kept() {
        let (fr, en) = both("unknown field `timeout`, expected one of `version`, `id`, `title`");
        assert_eq!(
            fr,
            "champ `timeout` inconnu, attendu l'un de `version`, `id`, `title`"
        );
        assert_eq!(
            en,
            "unknown field `timeout`, expected one of `version`, `id`, `title`"
        );
        let (fr, en) = both("unknown field `x`, expected `a` or `b`");
        assert_eq!(fr, "champ `x` inconnu, attendu `a` ou `b`");
        assert_eq!(en, "unknown field `x`, expected `a` or `b`");
        assert_eq!(both("missing field `hint`").0, "champ `hint` manquant");
        assert_eq!(both("duplicate field `id`").0, "champ `id` en double");
        assert_eq!(
            both("unknown variant `regexp`, expected one of `regex`, `lines`").0,
            "valeur `regexp` inconnue, attendu l'un de `regex`, `lines`"
        );
    }

    #[test]
    fn types_are_worded_and_contexts_kept_around_them() {
        let (fr, en) = both("checks[1]: check `count`: invalid type: string \"ten\", expected u32");
        assert_eq!(
            fr,
            "checks[1] : check `count` : type inattendu : la chaîne \"ten\", attendu un entier positif"
        );
        assert_eq!(
            en,
            "checks[1]: check `count`: invalid type: string \"ten\", expected a non-negative integer"
        );
        assert_eq!(
            both("invalid type: sequence, expected a string").0,
            "type inattendu : une liste, attendu une chaîne de caractères"
        );
        assert_eq!(
            both("invalid type: integer `3`, expected struct Limits").0,
            "type inattendu : l'entier `3`, attendu struct Limits"
        );
        assert_eq!(
            both("invalid length 2, expected a tuple of size 3").0,
            "longueur inattendue 2, attendu a tuple of size 3"
        );
    }

    #[test]
    fn other_messages_stay_as_written() {
        for text in [
            "did not find expected key",
            "mapping values are not allowed in this context",
            "unknown field without backticks",
            "",
        ] {
            assert_eq!(both(text), (text.to_string(), text.to_string()));
        }
    }
}
