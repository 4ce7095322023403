//! The class at a glance (`atelier grade … --report`), from the gradebook — the score histogram,
//! the verdicts and run statuses, and the checks that failed most (where to spend the next lesson).
use std::collections::{BTreeMap, HashSet};
use std::io::Write;

use crate::grader::Gradebook;
use crate::grader::record::{CheckStatus, GradeVerdict};
use crate::i18n::Lang;
use crate::msg;

/// Width of the longest bar.
const BAR: usize = 40;

/// Tallies of a class, built one record at a time.
#[derive(Debug, Default)]
struct Tally {
    students: u64,
    /// Score → students, per maximum (a changed spec may leave two maxima in one gradebook).
    scores: BTreeMap<u32, BTreeMap<u32, u64>>,
    verdicts: BTreeMap<GradeVerdict, u64>,
    statuses: BTreeMap<String, u64>,
    /// Check → (failed, judged).
    checks: BTreeMap<String, (u64, u64)>,
}

/// Writes the report on `exercise`'s grades (only `students` when given).
pub fn write_class_report(
    book: &Gradebook,
    exercise: &str,
    students: Option<&HashSet<String>>,
    lang: Lang,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let mut t = Tally::default();
    book.for_each(Some(exercise), |r| {
        if students.is_some_and(|s| !s.contains(&r.student)) {
            return Ok(());
        }
        t.students += 1;
        *t.scores
            .entry(r.max_score)
            .or_default()
            .entry(r.score)
            .or_default() += 1;
        *t.verdicts.entry(r.verdict).or_default() += 1;
        *t.statuses.entry(r.run.status.clone()).or_default() += 1;
        for c in &r.checks {
            let entry = t.checks.entry(c.name.clone()).or_default();
            match c.status {
                CheckStatus::Fail => {
                    entry.0 += 1;
                    entry.1 += 1;
                }
                CheckStatus::Pass => entry.1 += 1,
                CheckStatus::Skip => {}
            }
        }
        Ok(())
    })?;

    let heading = msg!("report-class-heading", exercise = exercise, count = t.students);
    writeln!(out, "{}", heading.word(lang))?;
    if t.students == 0 {
        writeln!(out, "{}", lang.text("report-class-empty"))?;
        return Ok(());
    }
    // Verdicts and run statuses by their codes (`pass 3`, `timeout 1`): the words of the gradebook
    // and the exports.
    let verdicts: Vec<String> = t
        .verdicts
        .iter()
        .map(|(v, n)| format!("{} {n}", v.as_str()))
        .collect();
    let verdicts = msg!("report-class-verdicts", list = verdicts.join(", "));
    writeln!(out, "{}", verdicts.word(lang))?;
    let statuses: Vec<String> = t.statuses.iter().map(|(s, n)| format!("{s} {n}")).collect();
    let statuses = msg!("report-class-runs", list = statuses.join(", "));
    writeln!(out, "{}", statuses.word(lang))?;

    for (max, scores) in &t.scores {
        writeln!(out)?;
        writeln!(out, "{}", msg!("report-class-histogram", max = *max).word(lang))?;
        let rows = histogram_rows(*max, scores);
        let peak = rows.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
        let label_width = rows.iter().map(|(l, _)| l.chars().count()).max().unwrap_or(0);
        for (label, n) in rows {
            let len = ((n as usize * BAR) as f64 / peak as f64).ceil() as usize;
            writeln!(out, "  {label:>label_width$} │{:<BAR$}│ {n}", "█".repeat(len))?;
        }
    }

    let mut failed: Vec<(&String, &(u64, u64))> = t.checks.iter().filter(|(_, (f, _))| *f > 0).collect();
    failed.sort_by(|a, b| b.1.0.cmp(&a.1.0).then_with(|| a.0.cmp(b.0)));
    writeln!(out)?;
    if failed.is_empty() {
        writeln!(out, "{}", lang.text("report-class-no-failed-check"))?;
    } else {
        writeln!(out, "{}", lang.text("report-class-most-failed"))?;
        let width = failed.iter().map(|(n, _)| n.chars().count()).max().unwrap_or(0);
        for (name, (fails, judged)) in failed {
            let pct = 100.0 * *fails as f64 / (*judged).max(1) as f64;
            writeln!(out, "  {name:<width$}  {fails:>4} / {judged:<4} ({pct:.0} %)",)?;
        }
    }
    Ok(())
}

/// One row per score when there are few, else ten 10 % bands.
fn histogram_rows(max: u32, scores: &BTreeMap<u32, u64>) -> Vec<(String, u64)> {
    if max <= 20 {
        return (0..=max)
            .map(|s| (s.to_string(), scores.get(&s).copied().unwrap_or(0)))
            .collect();
    }
    let mut bands = vec![0u64; 10];
    for (score, n) in scores {
        let band = ((*score as u64 * 10) / max.max(1) as u64).min(9) as usize;
        bands[band] += n;
    }
    bands
        .into_iter()
        .enumerate()
        .map(|(i, n)| {
            (
                format!("{}–{}%", i * 10, if i == 9 { 100 } else { i * 10 + 9 }),
                n,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_maximum_gets_a_row_per_score() {
        let scores = BTreeMap::from([(0, 2), (5, 3)]);
        let rows = histogram_rows(5, &scores);
        assert_eq!(rows.len(), 6);
        assert_eq!(rows[0], ("0".to_string(), 2));
        assert_eq!(rows[5], ("5".to_string(), 3));
    }

    #[test]
    fn large_maximum_gets_bands() {
        let scores = BTreeMap::from([(100, 1), (95, 1), (3, 4)]);
        let rows = histogram_rows(100, &scores);
        assert_eq!(rows.len(), 10);
        assert_eq!(rows[0].1, 4);
        assert_eq!(rows[9].1, 2);
    }
}
