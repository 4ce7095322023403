//! A markdown table: columns sized to the width, each cell wrapped in its column by the inline
//! renderer (so code keeps its backticks in plain mode, as in prose). ASCII rules in plain mode.
use pulldown_cmark::{Event, Tag, TagEnd};

use super::Style;
use super::escape::Look;
use super::inline::Inline;

pub struct Table {
    plain: bool,
    rows: Vec<Vec<Inline>>,
    /// Rows before this index are the header.
    header_rows: usize,
    in_head: bool,
}

impl Table {
    pub fn new(plain: bool) -> Table {
        Table {
            plain,
            rows: Vec::new(),
            header_rows: 0,
            in_head: false,
        }
    }

    pub fn event(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.rows.push(Vec::new());
            }
            Event::End(TagEnd::TableHead) => {
                self.in_head = false;
                self.header_rows = self.rows.len();
            }
            Event::Start(Tag::TableRow) => self.rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => {
                let look = Look {
                    bold: self.in_head,
                    ..Look::default()
                };
                if let Some(row) = self.rows.last_mut() {
                    row.push(Inline::new(look, self.plain));
                }
            }
            event => {
                if let Some(cell) = self.rows.last_mut().and_then(|r| r.last_mut()) {
                    cell.event(event);
                }
            }
        }
    }

    /// The table drawn in at most `width` columns. Cells are sized and padded by display width,
    /// so that columns line up on screen; when lines must fit in bytes as well (piped plain text,
    /// see [`Style::fit_bytes`]), the widest column gives up a column until every line does.
    pub fn lines(&self, width: usize, style: Style) -> Vec<String> {
        let columns = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns == 0 {
            return Vec::new();
        }
        let on_screen = Style {
            fit_bytes: false,
            ..style
        };
        // Natural width: each cell on one line.
        let mut widths = vec![1usize; columns];
        for row in &self.rows {
            for (i, cell) in row.iter().enumerate() {
                let w = on_screen.text_width(&cell.plain_text());
                widths[i] = widths[i].max(w);
            }
        }
        // Borders: `| ` + ` | ` between + ` |`.
        let frame = 3 * columns + 1;
        let available = width.saturating_sub(frame).max(columns * 3);
        while widths.iter().sum::<usize>() > available && self.narrow(&mut widths) {}
        loop {
            let lines = self.draw(&widths, on_screen);
            let fits = lines.iter().all(|l| style.text_width(l) <= width);
            if fits || !self.narrow(&mut widths) {
                return lines;
            }
        }
    }

    /// One column less for the widest column; `false` when every column is down to 3.
    fn narrow(&self, widths: &mut [usize]) -> bool {
        let widest = (0..widths.len()).max_by_key(|&i| widths[i]).unwrap_or(0);
        if widths.get(widest).is_none_or(|w| *w <= 3) {
            return false;
        }
        widths[widest] -= 1;
        true
    }

    /// The table with these column widths.
    fn draw(&self, widths: &[usize], style: Style) -> Vec<String> {
        let columns = widths.len();
        let (v, h, cross) = if self.plain {
            ("|", "-", "|")
        } else {
            ("│", "─", "┼")
        };
        let rule: String = {
            let parts: Vec<String> = widths.iter().map(|w| h.repeat(w + 2)).collect();
            format!("{cross}{}{cross}", parts.join(cross))
        };
        let mut out = Vec::new();
        for (r, row) in self.rows.iter().enumerate() {
            let cells: Vec<Vec<String>> = (0..columns)
                .map(|i| match row.get(i) {
                    Some(cell) => cell.lines(widths[i], widths[i], style),
                    None => vec![String::new()],
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1);
            for l in 0..height {
                let mut line = String::from(v);
                for (i, cell) in cells.iter().enumerate() {
                    let text = cell.get(l).map_or("", String::as_str);
                    let pad = widths[i].saturating_sub(style.text_width(text));
                    line.push_str(&format!(" {text}{} {v}", " ".repeat(pad)));
                }
                out.push(line);
            }
            if r + 1 == self.header_rows {
                out.push(rule.clone());
            }
        }
        out
    }
}
