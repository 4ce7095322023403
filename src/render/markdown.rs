//! Markdown prose — paragraphs, nested lists, block quotes, tables, code inside them — from
//! pulldown-cmark's events, each line prefixed by the markers of the containers it is in, so that a
//! list item wraps under its text and a nested list or a quote keeps its markers.
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use textwrap::core::display_width;

use super::Style;
use super::escape::Look;
use super::highlight::code_block;
use super::inline::Inline;
use super::table::Table;
use crate::course::parse::options;

/// A container's line prefix: `first` on its first line (a list marker), `rest` after.
struct Prefix {
    first: String,
    rest: String,
    used: bool,
}

struct Writer {
    style: Style,
    lines: Vec<String>,
    prefixes: Vec<Prefix>,
    /// A blank line is due before the next block.
    blank: bool,
    inline: Inline,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    table: Option<Table>,
    code: Option<(String, String)>,
}

/// `md` as terminal lines (each ending with `\n`).
pub fn render(md: &str, style: Style) -> String {
    let mut w = Writer {
        style,
        lines: Vec::new(),
        prefixes: Vec::new(),
        blank: false,
        inline: Inline::new(Look::default(), !style.color),
        lists: Vec::new(),
        table: None,
        code: None,
    };
    for event in Parser::new_ext(md, options()) {
        w.event(event);
    }
    w.flush(false);
    let mut out = String::new();
    for line in &w.lines {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

impl Writer {
    fn prefix_width(&self) -> usize {
        self.prefixes.iter().map(|p| self.style.text_width(&p.rest)).sum()
    }

    fn available(&self) -> usize {
        self.style.width.saturating_sub(self.prefix_width()).max(10)
    }

    /// Writes the blank line that is due, under the containers open now (before opening another).
    fn settle(&mut self) {
        if self.blank && !self.lines.is_empty() {
            let blank: String = self.prefixes.iter().map(|p| p.rest.as_str()).collect();
            self.lines.push(blank.trim_end().to_string());
        }
        self.blank = false;
    }

    fn emit(&mut self, content: &str) {
        self.settle();
        let mut line = String::new();
        for prefix in &mut self.prefixes {
            if prefix.used {
                line.push_str(&prefix.rest);
            } else {
                line.push_str(&prefix.first);
                prefix.used = true;
            }
        }
        line.push_str(content);
        self.lines.push(line);
    }

    /// Writes the inline text gathered so far as a wrapped paragraph.
    fn flush(&mut self, then_blank: bool) {
        if self.inline.is_empty() {
            self.inline = Inline::new(Look::default(), !self.style.color);
            return;
        }
        let inline = std::mem::replace(&mut self.inline, Inline::new(Look::default(), !self.style.color));
        let width = self.available();
        for line in inline.lines(width, width, self.style) {
            self.emit(&line);
        }
        if then_blank {
            self.blank = true;
        }
    }

    fn marker(&mut self) -> String {
        let depth = self.lists.len();
        let marker = match self.lists.last_mut() {
            Some(Some(number)) => {
                let m = format!("{number}. ");
                *number += 1;
                m
            }
            _ => {
                let bullets: [&str; 3] = if self.style.color {
                    ["• ", "◦ ", "▪ "]
                } else {
                    ["- ", "* ", "+ "]
                };
                bullets[(depth.max(1) - 1) % 3].to_string()
            }
        };
        if self.style.color {
            super::escape::paint(
                &marker,
                Look {
                    color: 36,
                    ..Look::default()
                },
            )
        } else {
            marker
        }
    }

    fn event(&mut self, event: Event<'_>) {
        if let Some(table) = &mut self.table {
            match event {
                Event::End(TagEnd::Table) => {
                    let table = self.table.take().expect("checked above");
                    let width = self.available();
                    for line in table.lines(width, self.style) {
                        self.emit(&line);
                    }
                    self.blank = true;
                }
                event => table.event(&event),
            }
            return;
        }
        if let Some((_, code)) = &mut self.code {
            match event {
                Event::Text(text) => code.push_str(&text),
                Event::End(TagEnd::CodeBlock) => {
                    let (lang, code) = self.code.take().expect("checked above");
                    let style = Style {
                        width: self.available(),
                        ..self.style
                    };
                    for line in code_block(&lang, &code, style).lines() {
                        self.emit(line);
                    }
                    self.blank = true;
                }
                _ => {}
            }
            return;
        }
        if self.inline.event(&event) {
            return;
        }
        match event {
            Event::Start(Tag::Paragraph) => self.flush(true),
            Event::End(TagEnd::Paragraph) => self.flush(true),
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush(true);
                let look = Look {
                    bold: true,
                    ..Look::default()
                };
                self.inline = Inline::new(look, !self.style.color);
                if !self.style.color {
                    self.inline.push_str(&format!("{} ", "#".repeat(level as usize)));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                self.flush(true);
            }
            Event::Start(Tag::List(start)) => {
                self.flush(false);
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush(false);
                self.lists.pop();
                // A nested list ends inside an item: the outer list goes on without a gap.
                self.blank = self.lists.is_empty();
            }
            Event::Start(Tag::Item) => {
                self.flush(false);
                let first = self.marker();
                let rest = " ".repeat(display_width(&first));
                self.prefixes.push(Prefix {
                    first,
                    rest,
                    used: false,
                });
            }
            Event::End(TagEnd::Item) => {
                self.flush(false);
                if let Some(prefix) = self.prefixes.pop()
                    && !prefix.used
                {
                    // An empty item still shows its marker.
                    self.prefixes.push(prefix);
                    self.emit("");
                    self.prefixes.pop();
                }
            }
            Event::Start(Tag::BlockQuote(_)) => {
                self.flush(true);
                self.settle();
                let bar = if self.style.color {
                    super::escape::paint(
                        "│ ",
                        Look {
                            dim: true,
                            ..Look::default()
                        },
                    )
                } else {
                    "> ".to_string()
                };
                self.prefixes.push(Prefix {
                    first: bar.clone(),
                    rest: bar,
                    used: false,
                });
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush(false);
                self.prefixes.pop();
                self.blank = true;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                self.flush(true);
                let lang = match kind {
                    pulldown_cmark::CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    pulldown_cmark::CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((lang, String::new()));
            }
            Event::Start(Tag::Table(_)) => {
                self.flush(true);
                self.table = Some(Table::new(!self.style.color));
            }
            Event::Html(html) => {
                self.flush(false);
                for line in html.lines() {
                    let text = strip_tags(line);
                    if !text.trim().is_empty() {
                        self.inline.push_str(&text);
                        self.flush(false);
                    }
                }
            }
            Event::Rule => {
                self.flush(true);
                let width = self.available().min(40);
                let rule = if self.style.color { "─" } else { "-" };
                self.emit(&rule.repeat(width));
                self.blank = true;
            }
            Event::End(TagEnd::HtmlBlock) => self.blank = true,
            _ => {}
        }
    }
}

/// Raw HTML shown as its text: tags and comments removed.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(md: &str, width: usize) -> String {
        render(md, Style::plain(width))
    }

    #[test]
    fn list_items_wrap_under_their_text() {
        let out = plain("1. un deux trois quatre cinq six sept huit\n2. neuf\n", 20);
        assert_eq!(
            out,
            "1. un deux trois\n   quatre cinq six\n   sept huit\n2. neuf\n"
        );
    }

    #[test]
    fn nested_lists_and_quotes_keep_their_markers() {
        let out = plain("- a\n  - b\n    - c\n\n> cité\n> - d\n", 40);
        assert_eq!(out, "- a\n  * b\n    + c\n\n> cité\n>\n> - d\n");
    }

    #[test]
    fn an_indented_line_continues_the_item() {
        let out = plain("1. **Question ?**\n   La réponse.\n2. Autre\n", 60);
        assert_eq!(out, "1. Question ? La réponse.\n2. Autre\n");
    }

    #[test]
    fn plain_keeps_code_backticks_and_link_addresses() {
        let out = plain(
            "guillemets simples `'`, doubles `\"` ou triples `\"\"\"` ; [doc](https://d.org)\n",
            100,
        );
        assert_eq!(
            out,
            "guillemets simples `'`, doubles `\"` ou triples `\"\"\"` ; doc (https://d.org)\n"
        );
    }

    #[test]
    fn headings_inside_markdown_stay_distinct() {
        let out = plain("> ### Titre\n> texte\n", 40);
        assert!(out.contains("> ### Titre"), "{out}");
    }
}
