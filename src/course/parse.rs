//! Markdown → [`Lesson`]. The one place that builds the markdown parser for lessons.
//!
//! The body is cut into top-level blocks with pulldown-cmark's offset iterator, so every block keeps
//! its source text (prose is rendered from it) and its line (errors name `file:line`).
use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use regex::Regex;

use super::frontmatter;
use super::lesson::{Block, ExerciseEntry, Lesson, Question, Section};
use crate::i18n::Lang;

/// Why a lesson could not be loaded: its line (1-based) and what was expected there.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

/// A lesson that loaded, with remarks that do not stop it (for `atelier lint`).
#[derive(Debug, Clone)]
pub struct Parsed {
    pub lesson: Lesson,
    pub notes: Vec<(usize, String)>,
}

/// The parser options every lesson is read with.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Parses one lesson file. `file` is the name errors use, `slug` the file's stem.
pub fn parse_lesson(file: &str, slug: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let text = std::str::from_utf8(bytes).map_err(|err| {
        let line = bytes[..err.valid_up_to()].iter().filter(|&&b| b == b'\n').count() + 1;
        ParseError {
            line,
            message: "not UTF-8 text (save the lesson as UTF-8)".into(),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ParseError {
            line: 1,
            message: "empty lesson (expected a `# Title` and `##` sections)".into(),
        });
    }
    let (frontmatter, body, first_line) = frontmatter::split(&text).map_err(|err| ParseError {
        line: err.line,
        message: err.message,
    })?;
    let lang = frontmatter
        .lang
        .as_deref()
        .and_then(Lang::from_tag)
        .unwrap_or_default();
    let number = frontmatter
        .sidebar_position
        .filter(|p| p.fract() == 0.0 && *p >= 0.0)
        .map(|p| p as u32)
        .or_else(|| {
            slug.split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|d| d.parse().ok())
        });

    let mut builder = Builder::new(body, first_line);
    if let Err(mut err) = builder.blocks(body, 0) {
        // A fence swallowed by an HTML block breaks what follows; the cause is worth naming.
        if let Some((line, _)) = builder.notes.iter().find(|(_, m)| m.contains("HTML block")) {
            err.message.push_str(&format!(
                " — probably because of line {line}: leave a blank line after </summary>"
            ));
        }
        return Err(err);
    }
    let Builder {
        title,
        intro,
        mut sections,
        details,
        mut notes,
        ..
    } = builder;
    if let Some(open) = details.last() {
        return Err(ParseError {
            line: open.line,
            message: "<details> is never closed (expected </details>)".into(),
        });
    }
    check_anchors(&sections)?;
    for (anchor, names) in &frontmatter.atelier.demos {
        match sections.iter_mut().find(|s| &s.anchor == anchor) {
            Some(section) => section.demos.extend(names.names()),
            None => notes.push((
                1,
                format!("frontmatter links demos to `{anchor}`, which is not a section anchor"),
            )),
        }
    }
    for section in &mut sections {
        // Linked both in the frontmatter and by a comment: keep each demo once, in order.
        let mut seen = std::collections::HashSet::new();
        section.demos.retain(|name| seen.insert(name.clone()));
    }
    let questions = questions(&sections);
    let exercises = exercises(&sections);
    let title = title
        .or_else(|| frontmatter.sidebar_label.clone())
        .unwrap_or_else(|| slug.to_string());
    Ok(Parsed {
        lesson: Lesson {
            file: file.to_string(),
            slug: slug.to_string(),
            number,
            title,
            lang,
            frontmatter,
            intro,
            sections,
            questions,
            exercises,
        },
        notes,
    })
}

/// An open `<details>` being filled.
struct OpenDetails {
    summary: String,
    blocks: Vec<Block>,
    line: usize,
}

struct Builder {
    /// Byte offset of each line start of the whole body, for offset → line.
    line_starts: Vec<usize>,
    first_line: usize,
    title: Option<String>,
    intro: Vec<Block>,
    sections: Vec<Section>,
    details: Vec<OpenDetails>,
    notes: Vec<(usize, String)>,
}

impl Builder {
    fn new(body: &str, first_line: usize) -> Builder {
        let line_starts = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Builder {
            line_starts,
            first_line,
            title: None,
            intro: Vec::new(),
            sections: Vec::new(),
            details: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.first_line + self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// Adds the top-level blocks of `text`, which starts at byte `base` of the body.
    fn blocks(&mut self, text: &str, base: usize) -> Result<(), ParseError> {
        let mut events = Parser::new_ext(text, options()).into_offset_iter();
        while let Some((event, range)) = events.next() {
            let abs = range.start + base..range.end + base;
            match event {
                Event::Start(tag) => {
                    let inner = collect_until_end(&mut events);
                    self.block(tag, text, range, abs, inner)?;
                }
                Event::Html(html) => self.html(&html, abs.start)?,
                Event::Rule => self.push(Block::Rule),
                // Stray inline events at top level cannot happen with a block parser; keep them as text.
                Event::Text(t) => self.push(Block::Markdown { text: t.to_string() }),
                _ => {}
            }
        }
        Ok(())
    }

    fn block(
        &mut self,
        tag: Tag<'_>,
        text: &str,
        range: Range<usize>,
        abs: Range<usize>,
        inner: Vec<(Event<'_>, Range<usize>)>,
    ) -> Result<(), ParseError> {
        let line = self.line_of(abs.start);
        match tag {
            Tag::Heading { level, id, .. } => {
                let title = inline_text(&inner);
                self.heading(level, id.map(|id| id.to_string()), title, line);
            }
            Tag::CodeBlock(kind) => {
                let code: String = inner
                    .iter()
                    .filter_map(|(e, _)| {
                        if let Event::Text(t) = e {
                            Some(t.as_ref())
                        } else {
                            None
                        }
                    })
                    .collect();
                let lang = match &kind {
                    CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                if let CodeBlockKind::Fenced(_) = kind {
                    check_fence_closed(&text[range.clone()], line)?;
                }
                self.push(Block::Code { lang, code, line });
            }
            Tag::HtmlBlock => {
                let html: String = inner
                    .iter()
                    .filter_map(|(e, _)| {
                        if let Event::Html(h) = e {
                            Some(h.as_ref())
                        } else {
                            None
                        }
                    })
                    .collect();
                self.html(&html, abs.start)?;
            }
            _ => self.push(Block::Markdown {
                text: text[range].trim_end().to_string(),
            }),
        }
        Ok(())
    }

    fn heading(&mut self, level: HeadingLevel, id: Option<String>, title: String, line: usize) {
        let level = level as u8;
        if level == 1 && self.title.is_none() && self.sections.is_empty() {
            self.title = Some(title);
            return;
        }
        let navigable = self.details.is_empty() && (level == 2 || (level == 3 && id.is_some()));
        if navigable {
            let explicit_anchor = id.is_some();
            let anchor = id.unwrap_or_else(|| slug(&title));
            self.sections.push(Section {
                title,
                anchor,
                explicit_anchor,
                level,
                line,
                blocks: Vec::new(),
                demos: Vec::new(),
            });
        } else {
            self.push(Block::Heading { level, text: title });
        }
    }

    /// `<details>`, `<summary>`, `</details>` and `<!-- atelier: demo NAME -->`; any other text of
    /// the HTML block (a code fence swallowed for want of a blank line, say) is parsed as markdown.
    fn html(&mut self, html: &str, offset: usize) -> Result<(), ParseError> {
        static TAG: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?is)<details[^>]*>|</details\s*>|<summary[^>]*>(.*?)</summary\s*>|<!--\s*atelier:\s*demo\s+([\w-]+)\s*-->|<!--.*?-->")
                .expect("valid regex")
        });
        let mut rest_start = 0;
        for caps in TAG.captures_iter(html) {
            let whole = caps.get(0).expect("group 0");
            self.swallowed(&html[rest_start..whole.start()], offset + rest_start)?;
            rest_start = whole.end();
            let line = self.line_of(offset + whole.start());
            let tag = whole.as_str().to_ascii_lowercase();
            if let Some(name) = caps.get(2) {
                match self.sections.last_mut() {
                    Some(section) => section.demos.push(name.as_str().to_string()),
                    None => self
                        .notes
                        .push((line, "a demo link before the first section is ignored".into())),
                }
            } else if let Some(summary) = caps.get(1) {
                match self.details.last_mut() {
                    Some(open) => open.summary = strip_tags(summary.as_str()),
                    None => self
                        .notes
                        .push((line, "<summary> outside <details> is ignored".into())),
                }
            } else if tag.starts_with("<!--") {
                // A comment is invisible on the web site, and so here.
            } else if tag.starts_with("</details") {
                let Some(open) = self.details.pop() else {
                    return Err(ParseError {
                        line,
                        message: "</details> without an opening <details>".into(),
                    });
                };
                self.push(Block::Details {
                    summary: open.summary,
                    blocks: open.blocks,
                    line: open.line,
                });
            } else {
                self.details.push(OpenDetails {
                    summary: String::new(),
                    blocks: Vec::new(),
                    line,
                });
            }
        }
        self.swallowed(&html[rest_start..], offset + rest_start)
    }

    /// Text of an HTML block around the tags we know: markdown the block swallowed (a code fence
    /// for want of a blank line after `</summary>`, say), parsed in place and noted for lint.
    fn swallowed(&mut self, text: &str, offset: usize) -> Result<(), ParseError> {
        if text.trim().is_empty() {
            return Ok(());
        }
        if text.trim_start().starts_with('<') {
            // Raw HTML we do not interpret (a <div>, an <img>): shown as text, never re-parsed as
            // markdown, which would only find the same HTML block again.
            self.push(Block::Markdown {
                text: text.trim().to_string(),
            });
            return Ok(());
        }
        if text.contains("```") || text.contains("~~~") {
            let line = self.line_of(offset + text.len() - text.trim_start().len());
            self.notes.push((
                line,
                "a code fence is inside an HTML block and shows as raw text on a web site: leave a blank line after </summary>".into(),
            ));
        }
        let start = text.len() - text.trim_start().len();
        self.blocks(text.trim(), offset + start)
    }

    fn push(&mut self, block: Block) {
        if let Some(open) = self.details.last_mut() {
            open.blocks.push(block);
        } else if let Some(section) = self.sections.last_mut() {
            section.blocks.push(block);
        } else {
            self.intro.push(block);
        }
    }
}

/// Consumes events up to the end of the element just started, returning them.
fn collect_until_end<'a>(
    events: &mut impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let mut depth = 1usize;
    let mut inner = Vec::new();
    for (event, range) in events.by_ref() {
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => {
                depth -= 1;
                if depth == 0 {
                    break;
                }
            }
            _ => {}
        }
        inner.push((event, range));
    }
    inner
}

/// The plain text of inline events (a heading's title).
fn inline_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut out = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

fn strip_tags(html: &str) -> String {
    static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid regex"));
    TAGS.replace_all(html, "").trim().to_string()
}

/// A fenced block whose source does not end with a closing fence ran to the end of the file.
fn check_fence_closed(source: &str, line: usize) -> Result<(), ParseError> {
    let opening = source.trim_start();
    let fence_char = opening.chars().next().unwrap_or('`');
    let fence_len = opening.chars().take_while(|&c| c == fence_char).count();
    let mut lines = source.trim_end_matches('\n').lines();
    lines.next();
    let closed = lines.next_back().is_some_and(|last| {
        let last = last.trim();
        last.chars().all(|c| c == fence_char) && last.len() >= fence_len
    });
    if closed {
        Ok(())
    } else {
        Err(ParseError {
            line,
            message: format!(
                "code fence is never closed (expected a line of {})",
                fence_char.to_string().repeat(fence_len)
            ),
        })
    }
}

fn check_anchors(sections: &[Section]) -> Result<(), ParseError> {
    for (index, section) in sections.iter().enumerate() {
        if let Some(first) = sections[..index].iter().find(|s| s.anchor == section.anchor) {
            return Err(ParseError {
                line: section.line,
                message: format!(
                    "duplicate anchor `{}` (first used on line {})",
                    section.anchor, first.line
                ),
            });
        }
    }
    Ok(())
}

/// A heading's slug, as a site generator makes it: lowercase words joined by `-`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.trim().chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if (c.is_whitespace() || c == '-' || c == '_') && !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// The key questions: the numbered list of the "Questions clés" / "Key questions" section, each item
/// a **bold question** followed by its answer.
fn questions(sections: &[Section]) -> Vec<Question> {
    let Some(section) = sections.iter().find(|s| {
        let title = s.title.to_lowercase();
        s.anchor.starts_with("questions-cles")
            || title.starts_with("questions clés")
            || title.starts_with("key questions")
    }) else {
        return Vec::new();
    };
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?ms)^\s{0,3}(\d+)[.)]\s+\*\*(.+?)\*\*\s*(.*?)(?:\n\s{0,3}\d+[.)]\s|\z)")
            .expect("valid regex")
    });
    let mut questions = Vec::new();
    for block in &section.blocks {
        let Block::Markdown { text } = block else { continue };
        let mut rest = text.as_str();
        while let Some(caps) = ITEM.captures(rest) {
            let number = caps[1].parse().unwrap_or(questions.len() as u32 + 1);
            let answer = caps[3].split_whitespace().collect::<Vec<_>>().join(" ");
            questions.push(Question {
                number,
                question: caps[2].trim().to_string(),
                answer,
            });
            // Continue from the start of the next item, which the pattern only peeked at.
            let end = caps.get(3).expect("group 3").end();
            rest = &rest[end..];
        }
    }
    questions
}

/// The exercises: anchored `### Exercice N - Title` sections, with their `<details>` solution.
fn exercises(sections: &[Section]) -> Vec<ExerciseEntry> {
    static TITLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^exerci[cs]e\s+(\d+)\s*(?:[-–—:.]\s*)?(.*)$").expect("valid regex")
    });
    sections
        .iter()
        .enumerate()
        .filter_map(|(index, section)| {
            let caps = TITLE.captures(&section.title)?;
            let solution = section.blocks.iter().find_map(|block| match block {
                Block::Details { blocks, .. } => blocks.iter().find_map(|b| match b {
                    Block::Code { code, .. } => Some(code.clone()),
                    _ => None,
                }),
                _ => None,
            });
            Some(ExerciseEntry {
                number: caps[1].parse().ok()?,
                title: caps[2].trim().to_string(),
                anchor: section.anchor.clone(),
                section: index,
                solution,
            })
        })
        .collect()
}
