//! Anchors as people type them: without accents and in any case (`goto questions-cles` finds
//! `questions-clés-43`).
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` lowercased, its accents removed (decomposed, combining marks dropped).
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn folds_accents_and_case() {
        assert_eq!(super::fold("Questions-Clés-43"), "questions-cles-43");
        assert_eq!(super::fold("Été"), "ete");
    }
}
