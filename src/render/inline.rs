//! Inline markdown — pulldown-cmark's events, so CommonMark decides what is code, emphasis or a link —
//! turned into words and wrapped by display width.
//!
//! Text is first laid out as cells (a character and its look). Then French typography makes the
//! space before `? ! : ; »` and after `«` unbreakable, words are cut at ASCII spaces only (U+00A0 and
//! U+202F hold), a word that starts with closing punctuation is glued to the one before, and
//! textwrap's first-fit puts as many words on a line as fit.
use pulldown_cmark::{Event, Tag, TagEnd};
use textwrap::core::Fragment;

use super::Style;
use super::escape::{self, Look};

const NBSP: char = '\u{a0}';
/// A forced line break (`  ` or `\` at the end of a line, `<br>`).
const BREAK: char = '\n';

/// Punctuation that never starts a line: it is glued to the word before.
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '?' | '!' | ':' | ';' | ',' | '.' | ')' | ']' | '}' | '»' | '…' | '%' | '”' | '’' | '›'
    )
}

/// One look plus the link it belongs to (an index into `links`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct CellLook {
    look: Look,
    link: Option<usize>,
}

/// Inline text being collected from events.
#[derive(Debug, Clone, Default)]
pub struct Inline {
    cells: Vec<(char, CellLook)>,
    links: Vec<String>,
    /// Where the text of each open link starts (to tell an autolink from text with an address).
    link_starts: Vec<usize>,
    stack: Vec<CellLook>,
    base: CellLook,
    /// Inside an image: its address and the alt text gathered so far.
    image: Option<(String, String)>,
    /// Whether addresses are printed after link text (plain mode) or carried by OSC 8 (colour).
    plain: bool,
}

impl Inline {
    /// Text drawn with `base` (a heading's look, say); `plain` prints link addresses as text.
    pub fn new(base: Look, plain: bool) -> Inline {
        Inline {
            base: CellLook {
                look: base,
                link: None,
            },
            plain,
            ..Inline::default()
        }
    }

    pub fn is_empty(&self) -> bool {
        self.cells.iter().all(|(c, _)| c.is_whitespace())
    }

    fn current(&self) -> CellLook {
        self.stack.last().copied().unwrap_or(self.base)
    }

    /// Appends text in the current look.
    pub fn push_str(&mut self, text: &str) {
        let look = self.current();
        self.push_with(text, look);
    }

    fn push_with(&mut self, text: &str, look: CellLook) {
        if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
            return;
        }
        for c in text.chars() {
            let c = match c {
                '\n' | '\t' | '\r' => ' ',
                c if c.is_control() => continue,
                c => c,
            };
            self.cells.push((c, look));
        }
    }

    fn push_break(&mut self) {
        self.cells.push((BREAK, self.base));
    }

    fn open(&mut self, change: impl FnOnce(&mut CellLook)) {
        let mut look = self.current();
        change(&mut look);
        self.stack.push(look);
    }

    /// Takes one inline event; returns `false` for an event that is not inline (a block starts).
    pub fn event(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Text(text) => self.push_str(text),
            Event::Code(code) => {
                let look = CellLook {
                    look: Look {
                        code: true,
                        ..self.current().look
                    },
                    ..self.current()
                };
                if self.plain {
                    // A code span keeps its backticks, as many as it needs to hold its own.
                    let ticks = "`".repeat(longest_run(code, '`') + 1);
                    let pad = if code.starts_with('`') || code.ends_with('`') {
                        " "
                    } else {
                        ""
                    };
                    self.push_with(&format!("{ticks}{pad}{code}{pad}{ticks}"), look);
                } else {
                    self.push_with(code, look);
                }
            }
            Event::SoftBreak => self.push_str(" "),
            Event::HardBreak => self.push_break(),
            Event::InlineHtml(html) => {
                let tag = html.trim().to_ascii_lowercase();
                if tag.starts_with("<br") {
                    self.push_break();
                }
                // Other tags (`<kbd>`, `<span>`) and comments are invisible; their text comes as text.
            }
            Event::InlineMath(math) => self.push_str(&format!("${math}$")),
            Event::DisplayMath(math) => self.push_str(&format!("$${math}$$")),
            Event::FootnoteReference(label) => self.push_str(&format!("[^{label}]")),
            Event::TaskListMarker(done) => self.push_str(if *done { "[x] " } else { "[ ] " }),
            Event::Start(Tag::Emphasis) => self.open(|l| l.look.italic = true),
            Event::Start(Tag::Strong) => self.open(|l| l.look.bold = true),
            Event::Start(Tag::Strikethrough) => self.open(|l| l.look.strike = true),
            Event::Start(Tag::Superscript | Tag::Subscript) => self.open(|_| {}),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links.push(dest_url.to_string());
                let index = self.links.len() - 1;
                let start = self.cells.len();
                self.open(|l| {
                    l.link = Some(index);
                    l.look.underline = true;
                });
                self.link_starts.push(start);
            }
            Event::End(TagEnd::Link) => {
                let look = self.stack.pop().unwrap_or(self.base);
                let start = self.link_starts.pop().unwrap_or(0);
                let url = look
                    .link
                    .and_then(|i| self.links.get(i))
                    .cloned()
                    .unwrap_or_default();
                let text: String = self.cells[start.min(self.cells.len())..]
                    .iter()
                    .map(|(c, _)| *c)
                    .collect();
                let shown = text.trim() == url || url.is_empty() || url.starts_with('#');
                if self.plain && !shown {
                    let look = CellLook {
                        look: Look {
                            dim: true,
                            ..self.base.look
                        },
                        link: None,
                    };
                    self.push_with(&format!(" ({url})"), look);
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                self.image = Some((dest_url.to_string(), String::new()));
            }
            Event::End(TagEnd::Image) => {
                if let Some((url, alt)) = self.image.take() {
                    let look = CellLook {
                        look: Look {
                            dim: true,
                            ..self.current().look
                        },
                        link: None,
                    };
                    let alt = alt.trim();
                    self.push_with(&format!("[image: {alt}] ({url})"), look);
                }
            }
            Event::End(
                TagEnd::Emphasis
                | TagEnd::Strong
                | TagEnd::Strikethrough
                | TagEnd::Superscript
                | TagEnd::Subscript,
            ) => {
                self.stack.pop();
            }
            _ => return false,
        }
        true
    }

    /// The text as one line: code keeps its backticks, emphasis is dropped, links are `text (address)`.
    pub fn plain_text(&self) -> String {
        let text: String = self
            .cells
            .iter()
            .map(|(c, _)| match *c {
                BREAK | NBSP => ' ',
                c => c,
            })
            .collect();
        text.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The text wrapped: `first` columns for the first line, `rest` for the others. Lines carry no
    /// trailing space; a word wider than a line is cut so that no line is ever wider.
    pub fn lines(&self, first: usize, rest: usize, style: Style) -> Vec<String> {
        let cells = typography(&self.cells);
        let mut lines = Vec::new();
        for segment in cells.split(|(c, _)| *c == BREAK) {
            let words = words(segment, first.max(1).min(rest.max(1)), style);
            let fragments: Vec<Word<'_>> = words.iter().map(|cells| Word::new(cells, style)).collect();
            let widths = [first.max(1) as f64, rest.max(1) as f64];
            for line in textwrap::wrap_algorithms::wrap_first_fit(&fragments, &widths) {
                let rendered: Vec<String> = line.iter().map(|w| self.render(w.cells, style)).collect();
                lines.push(rendered.join(" "));
            }
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }

    fn render(&self, cells: &[(char, CellLook)], style: Style) -> String {
        let mut out = String::new();
        let mut index = 0;
        while index < cells.len() {
            let look = cells[index].1;
            let run_len = cells[index..].iter().take_while(|(_, l)| *l == look).count();
            let text: String = cells[index..index + run_len]
                .iter()
                .map(|(c, _)| if *c == NBSP { ' ' } else { *c })
                .collect();
            index += run_len;
            if !style.color {
                out.push_str(&text);
                continue;
            }
            let painted = escape::paint(&text, look.look);
            match look.link.and_then(|i| self.links.get(i)) {
                Some(url) if !url.is_empty() => out.push_str(&escape::hyperlink(url, &painted)),
                _ => out.push_str(&painted),
            }
        }
        out
    }
}

fn longest_run(text: &str, c: char) -> usize {
    let mut longest = 0;
    let mut run = 0;
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

/// French typography: the space before `? ! : ; »` and after `«` does not break.
fn typography(cells: &[(char, CellLook)]) -> Vec<(char, CellLook)> {
    let mut out = cells.to_vec();
    for i in 0..out.len() {
        if out[i].0 != ' ' {
            continue;
        }
        let next = out.get(i + 1).map(|(c, _)| *c);
        let prev = i.checked_sub(1).map(|p| out[p].0);
        if matches!(next, Some('?' | '!' | ':' | ';' | '»')) || prev == Some('«') {
            out[i].0 = NBSP;
        }
    }
    out
}

/// Cells cut into words at ASCII spaces; a word that starts with closing punctuation joins the word
/// before (with a no-break space where the source had a space); a word wider than `max` is cut.
fn words(cells: &[(char, CellLook)], max: usize, style: Style) -> Vec<Vec<(char, CellLook)>> {
    let mut words: Vec<Vec<(char, CellLook)>> = Vec::new();
    for word in cells.split(|(c, _)| *c == ' ').filter(|w| !w.is_empty()) {
        match words.last_mut() {
            Some(last) if is_closing(word[0].0) => {
                last.push((NBSP, word[0].1));
                last.extend_from_slice(word);
            }
            _ => words.push(word.to_vec()),
        }
    }
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        if width(&word, style) <= max {
            out.push(word);
            continue;
        }
        let mut piece = Vec::new();
        let mut piece_width = 0;
        for cell in word {
            let w = cell_width(cell.0, style);
            if piece_width + w > max && !piece.is_empty() {
                // Never cut just before closing punctuation: its letter goes along with it.
                let carry = if is_closing(cell.0) && piece.len() > 1 {
                    piece.pop()
                } else {
                    None
                };
                out.push(std::mem::take(&mut piece));
                piece_width = 0;
                if let Some(carried) = carry {
                    piece_width += cell_width(carried.0, style);
                    piece.push(carried);
                }
            }
            piece.push(cell);
            piece_width += w;
        }
        if !piece.is_empty() {
            out.push(piece);
        }
    }
    out
}

fn width(cells: &[(char, CellLook)], style: Style) -> usize {
    cells.iter().map(|(c, _)| cell_width(*c, style)).sum()
}

/// A cell's share of the line as `style` measures it; a no-break space is written as a space.
fn cell_width(c: char, style: Style) -> usize {
    style.char_width(if c == NBSP { ' ' } else { c })
}

/// A word for textwrap's line fitting: its width (see [`Style::char_width`]), one space after it.
#[derive(Debug)]
struct Word<'a> {
    cells: &'a [(char, CellLook)],
    width: f64,
}

impl<'a> Word<'a> {
    fn new(cells: &'a [(char, CellLook)], style: Style) -> Word<'a> {
        Word {
            cells,
            width: width(cells, style) as f64,
        }
    }
}

impl Fragment for Word<'_> {
    fn width(&self) -> f64 {
        self.width
    }
    fn whitespace_width(&self) -> f64 {
        1.0
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Plain text (no markdown) wrapped at `width` columns of a terminal, with the same rules: for
/// messages and quiz lines.
pub fn wrap_text(text: &str, first: usize, rest: usize) -> Vec<String> {
    let mut inline = Inline::new(Look::default(), true);
    inline.push_str(text);
    inline.lines(first, rest, Style::plain_terminal(rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::parse::options;

    fn inline(md: &str, plain: bool) -> Inline {
        let mut inline = Inline::new(Look::default(), plain);
        for event in pulldown_cmark::Parser::new_ext(md, options()) {
            inline.event(&event);
        }
        inline
    }

    #[test]
    fn code_span_wins_over_emphasis() {
        let text = inline("Quel est le type de `kwargs` dans `def f(**kwargs)` ?", true).plain_text();
        assert_eq!(text, "Quel est le type de `kwargs` dans `def f(**kwargs)` ?");
    }

    #[test]
    fn links_in_plain_mode() {
        let text = inline("voir [la doc](https://docs.python.org) et <https://x.org>", true).plain_text();
        assert_eq!(text, "voir la doc (https://docs.python.org) et https://x.org");
    }

    #[test]
    fn french_spaces_do_not_break() {
        let lines = inline("un deux trois ?", true).lines(12, 12, Style::plain_terminal(12));
        assert_eq!(lines, ["un deux", "trois ?"]);
        let lines = inline("il dit « bonjour » puis", true).lines(12, 12, Style::plain_terminal(12));
        assert_eq!(lines, ["il dit", "« bonjour »", "puis"]);
    }

    #[test]
    fn wraps_at_the_last_space_that_fits_by_display_width() {
        let lines = inline("été été été été", true).lines(11, 11, Style::plain_terminal(11));
        assert_eq!(lines, ["été été été", "été"]);
        let lines = inline("日本語 日本語 日本語", true).lines(13, 13, Style::plain_terminal(13));
        assert_eq!(lines, ["日本語 日本語", "日本語"]);
    }

    #[test]
    fn piped_lines_fit_in_bytes_too() {
        // Bound for a pipe, `été` is five bytes: two of them fill 11 (mawk and `fold` count bytes).
        let lines = inline("été été été été", true).lines(11, 11, Style::plain(11));
        assert_eq!(lines, ["été été", "été été"]);
        let lines = inline("日本語 日本語 日本語", true).lines(13, 13, Style::plain(13));
        assert_eq!(lines, ["日本語", "日本語", "日本語"]);
        // A no-break space is written as a plain space: one byte.
        let lines = inline("un deux trois ?", true).lines(12, 12, Style::plain(12));
        assert_eq!(lines, ["un deux", "trois ?"]);
    }

    #[test]
    fn no_break_inside_emphasis_then_punctuation() {
        let lines = inline("le mode *strict*.", true).lines(12, 12, Style::plain_terminal(12));
        assert_eq!(lines, ["le mode", "strict."]);
    }

    #[test]
    fn colour_words_are_closed_and_linked() {
        let lines = inline("**gras** [lien](https://a.b)", false).lines(80, 80, Style::colour(80));
        assert_eq!(lines.len(), 1);
        let bold = crate::style::paint(true, crate::style::BOLD, "gras");
        assert!(lines[0].contains(&bold), "{:?}", lines[0]);
        assert!(lines[0].contains("\x1b]8;;https://a.b\x1b\\"), "{:?}", lines[0]);
        assert!(!lines[0].contains("**"));
    }
}
