//! The similar submissions of a class (the end of `atelier grade … --report`): groups of identical
//! copies, then the pairs that share much of their code with the lines they share, and how far the
//! comparison can be trusted. The comparison itself is [`crate::grader::similarity`]'s.
use std::io::Write;

use crate::grader::similarity::SimilarityReport;
use crate::i18n::Lang;
use crate::msg;

/// Writes `report`; `hashes_only`: it was made from the gradebook's hashes alone (no class
/// folder), so only byte-identical copies are in it.
pub fn write_similarity(
    report: &SimilarityReport,
    hashes_only: bool,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    writeln!(out, "{}", lang.text("report-similar-title"))?;
    if report.identical.is_empty() && report.similar.is_empty() {
        writeln!(out, "  {}", lang.text("report-similar-none"))?;
    }
    for group in &report.identical {
        let identical = msg!("report-similar-identical", students = group.students.join(", "));
        writeln!(out, "  {}", identical.word(lang))?;
    }
    for pair in &report.similar {
        let lines: Vec<String> = pair
            .matches
            .iter()
            .map(|m| format!("{}–{} ↔ {}–{}", m.a.0, m.a.1, m.b.0, m.b.1))
            .collect();
        let pair = msg!(
            "report-similar-pair",
            percent = format!("{:>3.0}", pair.score * 100.0),
            a = &pair.a,
            b = &pair.b,
            lines = lines.join(", ")
        );
        writeln!(out, "  {}", pair.word(lang))?;
    }
    if hashes_only {
        writeln!(out, "  {}", lang.text("report-similar-hashes-only"))?;
    } else {
        let threshold = msg!(
            "report-similar-threshold",
            percent = format!("{:.0}", report.threshold * 100.0)
        );
        writeln!(out, "  {}", threshold.word(lang))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grader::similarity::{IdenticalGroup, LineMatch, SimilarPair};

    fn report(identical: Vec<IdenticalGroup>, similar: Vec<SimilarPair>) -> SimilarityReport {
        SimilarityReport {
            schema_version: 1,
            exercise: "43.1".into(),
            submissions: 4,
            k: 5,
            window: 4,
            threshold: 0.8,
            starter_fingerprints: 0,
            identical,
            similar,
        }
    }

    fn text(report: &SimilarityReport, hashes_only: bool, lang: Lang) -> String {
        let mut out = Vec::new();
        write_similarity(report, hashes_only, lang, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn groups_then_pairs_with_their_lines_then_the_threshold() {
        let r = report(
            vec![IdenticalGroup {
                sha256: "ab".into(),
                students: vec!["ada".into(), "bob".into()],
            }],
            vec![SimilarPair {
                a: "cy".into(),
                b: "dee".into(),
                score: 0.91,
                shared_fingerprints: 12,
                matches: vec![LineMatch {
                    a: (3, 9),
                    b: (4, 10),
                }],
            }],
        );
        assert_eq!(
            text(&r, false, Lang::En),
            "Similar submissions\n  identical: ada, bob\n   91 %  cy ~ dee  (lines 3–9 ↔ 4–10)\n  \
             (threshold 80 %; the starter's code does not count; for a person to look at, not a verdict)\n"
        );
        assert_eq!(
            text(&r, false, Lang::Fr),
            "Copies semblables\n  identiques : ada, bob\n   91 %  cy ~ dee  (lignes 3–9 ↔ 4–10)\n  \
             (seuil 80 % ; le code du fichier de départ ne compte pas ; à examiner par une personne, pas un verdict)\n"
        );
    }

    #[test]
    fn from_hashes_alone_it_says_only_identical_copies_are_found() {
        assert_eq!(
            text(&report(Vec::new(), Vec::new()), true, Lang::En),
            "Similar submissions\n  none\n  (without the class folder: only byte-identical submissions are found)\n"
        );
    }
}
