//! A text histogram of the final values of several runs (`counter --no-lock --runs 20`): how often the
//! race lost how many updates.
use std::collections::BTreeMap;

/// How many bars at most: beyond, values are grouped into ranges of equal width.
const MAX_BARS: usize = 12;

/// Draws one bar per distinct value (or per range of values when they are many), largest value on top,
/// `expected` marked so the student sees how far each run fell.
pub fn render(values: &[i64], expected: i64, bar_width: usize) -> String {
    if values.is_empty() {
        return String::new();
    }
    let bins = bin(values);
    let most = bins.iter().map(|b| b.count).max().unwrap_or(1);
    let labels: Vec<String> = bins.iter().map(|b| b.label()).collect();
    let label_width = labels
        .iter()
        .map(|l| l.chars().count())
        .chain([expected.to_string().len()])
        .max()
        .unwrap_or(0);
    let mut text = String::new();
    // The expected value always shows, even when no run reached it: that absence is the lesson.
    if !bins.iter().any(|b| b.low <= expected && expected <= b.high) && expected > bins[bins.len() - 1].high {
        let label = expected.to_string();
        let pad = label_width.saturating_sub(label.chars().count());
        text.push_str(&format!("{:pad$}{label} │ 0 ◀\n", ""));
    }
    for (b, label) in bins.iter().zip(&labels).rev() {
        let len = (b.count * bar_width).div_ceil(most).max(1);
        let mark = if b.low <= expected && expected <= b.high {
            " ◀"
        } else {
            ""
        };
        let pad = label_width - label.chars().count();
        text.push_str(&format!(
            "{:pad$}{label} │{} {}{mark}\n",
            "",
            "█".repeat(len),
            b.count
        ));
    }
    text
}

/// Values from `low` to `high` (inclusive) seen `count` times.
#[derive(Debug, PartialEq)]
struct Bin {
    low: i64,
    high: i64,
    count: usize,
}

impl Bin {
    fn label(&self) -> String {
        if self.low == self.high {
            self.low.to_string()
        } else {
            format!("{}–{}", self.low, self.high)
        }
    }
}

fn bin(values: &[i64]) -> Vec<Bin> {
    let mut counts: BTreeMap<i64, usize> = BTreeMap::new();
    for &v in values {
        *counts.entry(v).or_default() += 1;
    }
    if counts.len() <= MAX_BARS {
        return counts
            .into_iter()
            .map(|(v, count)| Bin {
                low: v,
                high: v,
                count,
            })
            .collect();
    }
    let (min, max) = (
        *counts.keys().next().unwrap_or(&0),
        *counts.keys().last().unwrap_or(&0),
    );
    let step = nice_step((max - min) / MAX_BARS as i64 + 1);
    // Ranges start on a multiple of the step, so their bounds read as round numbers.
    let low = min.div_euclid(step) * step;
    let n_bins = ((max - low) / step + 1) as usize;
    let mut bins: Vec<Bin> = (0..n_bins as i64)
        .map(|k| Bin {
            low: low + k * step,
            high: low + (k + 1) * step - 1,
            count: 0,
        })
        .collect();
    for (v, count) in counts {
        let k = (((v - low) / step) as usize).min(n_bins - 1);
        bins[k].count += count;
    }
    bins.retain(|b| b.count > 0);
    bins
}

/// The smallest 1, 2 or 5 × 10^k at least `raw`.
fn nice_step(raw: i64) -> i64 {
    let mut scale = 1i64;
    loop {
        for m in [1, 2, 5] {
            if m * scale >= raw {
                return m * scale;
            }
        }
        scale = scale.saturating_mul(10);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bar_per_value_largest_on_top() {
        let text = render(&[1000, 990, 1000, 975], 1000, 10);
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(
            rows,
            vec!["1000 │██████████ 2 ◀", " 990 │█████ 1", " 975 │█████ 1"]
        );
    }

    #[test]
    fn many_values_are_grouped() {
        let values: Vec<i64> = (0..100).map(|i| 90_000 + i * 97).collect();
        let bins = bin(&values);
        assert!(bins.len() <= MAX_BARS + 1);
        assert!(bins.iter().all(|b| b.low % 1000 == 0), "round bounds: {bins:?}");
        assert_eq!(bins.iter().map(|b| b.count).sum::<usize>(), 100);
    }
}
