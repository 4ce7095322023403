//! Turning the lesson model into terminal text.
