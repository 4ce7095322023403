//! The version every JSON document of atelier carries (`schema_version`: `check --json`,
//! `toc --json`, `demo --json`, the exports), so that a script can tell which fields to expect. The
//! documents are described by the JSON Schemas in the repository's `schemas/` folder, and the tests
//! validate real outputs against them.
//!
//! Raised when a field changes meaning or goes away; adding a field does not raise it.
use serde::Serialize;
use serde_json::Value;

/// The version of atelier's JSON documents.
pub const SCHEMA_VERSION: u32 = 1;

/// `doc` as JSON with `schema_version` added (`doc` must serialise to an object).
pub fn versioned(doc: &impl Serialize) -> serde_json::Result<Value> {
    let mut value = serde_json::to_value(doc)?;
    if let Value::Object(map) = &mut value {
        map.insert("schema_version".into(), SCHEMA_VERSION.into());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    #[test]
    fn adds_the_version_to_an_object() {
        let v = super::versioned(&serde_json::json!({"a": 1})).unwrap();
        assert_eq!(v["schema_version"], super::SCHEMA_VERSION);
        assert_eq!(v["a"], 1);
    }
}
