//! The one timeline drawer: one lane per process, time across. What fills a lane's cells is the
//! caller's ([`tasks`]: a pool's tasks with their labels; [`processes`]: a run's processes shaded by
//! the CPU they burned); the drawer aligns the labels, counts the lanes beyond a limit on one line,
//! and draws the time axis underneath.
pub mod processes;
pub mod tasks;

use crate::i18n::Lang;

/// One row of the picture.
#[derive(Debug, Clone)]
pub struct Lane {
    /// Left of the frame, right-aligned: `pid 123`, `main`, `cores`.
    pub label: String,
    /// One character per column of time.
    pub cells: Vec<char>,
    /// Right of the frame (`0.52 s CPU`); may be empty.
    pub note: String,
}

/// Seconds `from`..`to` mapped onto `width` columns.
#[derive(Debug, Clone, Copy)]
pub struct TimeAxis {
    from: f64,
    to: f64,
    width: usize,
}

impl TimeAxis {
    /// At least 10 columns, and a span that is never zero.
    pub fn new(from: f64, to: f64, width: usize) -> TimeAxis {
        TimeAxis {
            from,
            to: to.max(from + 1e-9),
            width: width.max(10),
        }
    }

    pub fn width(&self) -> usize {
        self.width
    }

    fn seconds(&self) -> f64 {
        self.to - self.from
    }

    /// The column time `t` falls in.
    pub fn col(&self, t: f64) -> usize {
        let x = ((t - self.from) / self.seconds() * self.width as f64).floor();
        (x.max(0.0) as usize).min(self.width - 1)
    }

    /// The last column of something that starts in column `first` and ends at `t`: the column its
    /// end falls in, exclusive, so that back-to-back tasks do not overlap.
    pub fn last_col(&self, t: f64, first: usize) -> usize {
        let x = ((t - self.from) / self.seconds() * self.width as f64).ceil();
        ((x.max(0.0) as usize).min(self.width))
            .saturating_sub(1)
            .max(first)
    }

    /// The times column `col` covers, `[start, end)`.
    pub fn column(&self, col: usize) -> (f64, f64) {
        let at = |c: usize| self.from + self.seconds() * c as f64 / self.width as f64;
        (at(col), at(col + 1))
    }

    /// The axis under the lanes: ticks at the start, a quarter, the middle, three quarters and the
    /// end, each labelled where its label does not touch another.
    fn draw(&self, indent: &str, label_width: usize) -> String {
        let width = self.width;
        let mut ticks = vec!['─'; width];
        let mut labels = vec![' '; width + 12];
        let mut taken = vec![false; width + 12];
        // The ends first, then the middle, then the quarters.
        for k in [0, 4, 2, 1, 3] {
            let pos = (k * (width - 1)) / 4;
            ticks[pos] = '┴';
            let label = tick_label(self.seconds() * k as f64 / 4.0);
            let len = label.chars().count();
            let start = if k == 4 {
                (pos + 1).saturating_sub(len)
            } else {
                pos
            };
            let around = start.saturating_sub(1)..(start + len + 1).min(taken.len());
            if taken[around].iter().any(|&t| t) {
                continue;
            }
            for (i, c) in label.chars().enumerate() {
                labels[start + i] = c;
                taken[start + i] = true;
            }
        }
        format!(
            "{indent}{:label_width$} └{}┘\n{indent}{:label_width$}  {}\n",
            "",
            ticks.iter().collect::<String>(),
            "",
            labels.iter().collect::<String>().trim_end()
        )
    }
}

fn tick_label(secs: f64) -> String {
    if secs == 0.0 {
        "0".to_owned()
    } else if secs < 0.001 {
        format!("{:.0}µs", secs * 1e6)
    } else if secs < 0.01 {
        format!("{:.1}ms", secs * 1e3)
    } else if secs < 1.0 {
        format!("{:.0}ms", secs * 1e3)
    } else {
        format!("{secs:.2}s")
    }
}

/// Draws `lanes` — at most `max_lanes`: the first ones, a line counting the others, the last one —
/// then the `footer` rows (always drawn), then the time axis; every line starts with `indent`.
pub fn draw(
    lanes: &[Lane],
    footer: &[Lane],
    axis: &TimeAxis,
    max_lanes: usize,
    indent: &str,
    lang: Lang,
) -> String {
    let label_width = lanes
        .iter()
        .chain(footer)
        .map(|l| l.label.chars().count())
        .max()
        .unwrap_or(8);
    let shown: Vec<&Lane> = if lanes.len() > max_lanes && max_lanes >= 2 {
        lanes[..max_lanes - 1].iter().chain(lanes.last()).collect()
    } else {
        lanes.iter().collect()
    };
    let mut text = String::new();
    let row = |text: &mut String, lane: &Lane| {
        let cells: String = lane.cells.iter().collect();
        let note = if lane.note.is_empty() {
            String::new()
        } else {
            format!(" {}", lane.note)
        };
        text.push_str(&format!("{indent}{:>label_width$} │{cells}│{note}\n", lane.label));
    };
    for (i, lane) in shown.iter().enumerate() {
        if lanes.len() > shown.len() && i == shown.len() - 1 {
            let hidden = lanes.len() - shown.len();
            let line = lang.word(&crate::msg!("demo-timeline-hidden", count = hidden));
            text.push_str(&format!("{indent}{:label_width$} ┆ {line}\n", ""));
        }
        row(&mut text, lane);
    }
    for lane in footer {
        row(&mut text, lane);
    }
    text.push_str(&axis.draw(indent, label_width));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lane(label: &str, cells: &str, note: &str) -> Lane {
        Lane {
            label: label.into(),
            cells: cells.chars().collect(),
            note: note.into(),
        }
    }

    #[test]
    fn labels_align_and_notes_follow_the_frame() {
        let axis = TimeAxis::new(0.0, 1.0, 10);
        let text = draw(
            &[
                lane("main", "██████████", "1.00 s CPU"),
                lane("pid 12", "   ░░░    ", ""),
            ],
            &[lane("cores", "1111111111", "")],
            &axis,
            12,
            "  ",
            Lang::En,
        );
        let rows: Vec<&str> = text.lines().collect();
        assert_eq!(rows[0], "    main │██████████│ 1.00 s CPU");
        assert_eq!(rows[1], "  pid 12 │   ░░░    │");
        assert_eq!(rows[2], "   cores │1111111111│");
        assert_eq!(rows[3], "         └┴─┴─┴─┴──┴┘");
        assert!(rows[4].trim_start().starts_with('0') && rows[4].ends_with("1.00s"));
    }

    #[test]
    fn hidden_lanes_are_counted_in_words_that_agree() {
        let axis = TimeAxis::new(0.0, 1.0, 10);
        let lanes: Vec<Lane> = (0..4).map(|k| lane(&format!("pid {k}"), "█", "")).collect();
        let one = |lang| draw(&lanes, &[], &axis, 3, "", lang);
        assert!(one(Lang::Fr).contains("┆ … 1 autre processus, dessiné de la même façon\n"));
        assert!(one(Lang::En).contains("┆ … 1 more process, drawn the same way\n"));
        let two = draw(&lanes, &[], &axis, 2, "", Lang::En);
        assert!(
            two.contains("┆ … 2 more processes, drawn the same way\n"),
            "{two}"
        );
    }

    #[test]
    fn columns_cover_the_span() {
        let axis = TimeAxis::new(1.0, 3.0, 20);
        assert_eq!(axis.col(1.0), 0);
        assert_eq!(axis.col(3.0), 19);
        assert_eq!(axis.last_col(2.0, 0), 9);
        assert_eq!(axis.column(10), (2.0, 2.1));
    }
}
