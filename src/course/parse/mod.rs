//! Markdown → [`Lesson`]. The one place that builds the markdown parser for lessons.
//!
//! The body is cut into top-level blocks with pulldown-cmark's offset iterator, so every block keeps
//! its source text (prose is rendered from it) and its line (errors name `file:line`).
mod problems;

use std::ops::Range;
use std::sync::LazyLock;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag};
use regex::Regex;

use super::frontmatter;
use super::lesson::{Block, ExerciseEntry, Lesson, Section};
use crate::i18n::{Lang, Message};
use crate::msg;
use problems::{check_anchors, check_fence_closed, check_not_wrapped};

/// Why a lesson could not be loaded: its line (1-based) and what was expected there.
#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub message: Message,
}

/// A lesson that loaded, with remarks that do not stop it (for `atelier lint`): line and message.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub lesson: Lesson,
    pub notes: Vec<(usize, Message)>,
}

/// The parser options every lesson is read with (the renderer reads prose with the same).
pub fn options() -> Options {
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
            message: msg!("course-not-utf8"),
        }
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ParseError {
            line: 1,
            message: msg!("course-empty-lesson"),
        });
    }
    check_not_wrapped(&text, 1)?;
    let (frontmatter, body, first_line) = frontmatter::split(&text).map_err(|err| ParseError {
        line: err.line,
        message: err.message,
    })?;
    check_not_wrapped(body, first_line)?;
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
    if let Err(mut err) = builder.body(body) {
        // A fence swallowed by an HTML block breaks what follows; the cause is worth naming.
        if let Some((line, _)) = builder
            .notes
            .iter()
            .find(|(_, m)| m.key() == "course-fence-in-html")
        {
            err.message = msg!("course-probably-summary", problem = err.message, line = *line);
        }
        return Err(err);
    }
    let Builder {
        title,
        title_anchor,
        title_line,
        mut intro,
        mut sections,
        open,
        mut notes,
        ..
    } = builder;
    if let Some(open) = open.last() {
        let key = match open.kind {
            OpenKind::Details { .. } => "course-details-unclosed",
            OpenKind::Admonition { .. } => "course-admonition-unclosed",
            OpenKind::Tab { .. } => "course-tab-unclosed",
        };
        return Err(ParseError {
            line: open.line,
            message: Message::new(key),
        });
    }
    let title = title
        .or_else(|| frontmatter.title.clone())
        .or_else(|| frontmatter.sidebar_label.clone())
        .unwrap_or_else(|| slug.to_string());
    let title_anchor = title_anchor.unwrap_or_else(|| self::slug(&title));
    if sections.is_empty() {
        // A lesson without `##` sections is one section: its text, under its title.
        sections.push(Section {
            title: title.clone(),
            anchor: title_anchor.clone(),
            explicit_anchor: true,
            level: 1,
            line: title_line.unwrap_or(first_line),
            blocks: std::mem::take(&mut intro),
            demos: Vec::new(),
        });
    }
    check_anchors(&sections)?;
    for (anchor, names) in &frontmatter.atelier.demos {
        match sections.iter_mut().find(|s| &s.anchor == anchor) {
            Some(section) => section.demos.extend(names.names()),
            None => notes.push((1, msg!("course-demos-anchor-unknown", anchor = anchor))),
        }
    }
    for section in &mut sections {
        // Linked both in the frontmatter and by a comment: keep each demo once, in order.
        let mut seen = std::collections::HashSet::new();
        section.demos.retain(|name| seen.insert(name.clone()));
    }
    let (questions, unrecognised) = super::questions::questions(&sections);
    if let Some(line) = unrecognised {
        notes.push((line, msg!("course-questions-unrecognised")));
    }
    let exercises = exercises(&sections);
    Ok(Parsed {
        lesson: Lesson {
            file: file.to_string(),
            slug: slug.to_string(),
            number,
            title,
            title_anchor,
            lang,
            place: Default::default(),
            frontmatter,
            intro,
            sections,
            questions,
            exercises,
        },
        notes,
    })
}

/// A container being filled: `<details>`, an admonition, a tab.
struct Open {
    kind: OpenKind,
    blocks: Vec<Block>,
    line: usize,
}

enum OpenKind {
    Details { summary: String },
    Admonition { kind: String, title: String },
    Tab { label: String },
}

impl Open {
    fn into_block(self) -> Block {
        match self.kind {
            OpenKind::Details { summary } => Block::Details {
                summary,
                blocks: self.blocks,
                line: self.line,
            },
            OpenKind::Admonition { kind, title } => Block::Admonition {
                kind,
                title,
                blocks: self.blocks,
                line: self.line,
            },
            OpenKind::Tab { label } => Block::Tab {
                label,
                blocks: self.blocks,
                line: self.line,
            },
        }
    }
}

struct Builder {
    /// Byte offset of each line start of the whole body, for offset → line.
    line_starts: Vec<usize>,
    first_line: usize,
    title: Option<String>,
    /// The title's own `{#anchor}`.
    title_anchor: Option<String>,
    title_line: Option<usize>,
    intro: Vec<Block>,
    sections: Vec<Section>,
    open: Vec<Open>,
    notes: Vec<(usize, Message)>,
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
            title_anchor: None,
            title_line: None,
            intro: Vec::new(),
            sections: Vec::new(),
            open: Vec::new(),
            notes: Vec::new(),
        }
    }

    fn line_of(&self, offset: usize) -> usize {
        self.first_line + self.line_starts.partition_point(|&start| start <= offset) - 1
    }

    /// The whole body: Docusaurus admonitions (`:::kind Title` … `:::`) open and close containers
    /// and MDX `import`/`export` lines are hidden (both outside code fences); the markdown between
    /// them is parsed in place.
    fn body(&mut self, body: &str) -> Result<(), ParseError> {
        static ADMONITION: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^ {0,3}:::+[ \t]*([A-Za-z][\w-]*)?[ \t]*(.*?)\s*$").expect("valid regex")
        });
        static MDX: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r#"^(import\s+(.+\s+from\s+)?['"][^'"]+['"];?|export\s+(const|default|function|let)\b.*)\s*$"#)
                .expect("valid regex")
        });
        let mut fence: Option<(char, usize)> = None;
        let mut start = 0;
        let mut offset = 0;
        for line in body.split_inclusive('\n') {
            let here = offset;
            offset += line.len();
            let trimmed = line.trim_start_matches(' ');
            let fence_char = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
            if let Some(c) = fence_char {
                let run = trimmed.chars().take_while(|x| *x == c).count();
                if run >= 3 {
                    match fence {
                        None => fence = Some((c, run)),
                        Some((open, len)) if open == c && run >= len && trimmed[run..].trim().is_empty() => {
                            fence = None
                        }
                        _ => {}
                    }
                    continue;
                }
            }
            if fence.is_some() {
                continue;
            }
            let text = line.trim_end_matches('\n');
            let admonition = ADMONITION.captures(text);
            if admonition.is_none() && !MDX.is_match(text) {
                continue;
            }
            self.blocks(&body[start..here], start)?;
            start = offset;
            let line_no = self.line_of(here);
            // Otherwise an MDX import or export: code for the site, nothing to read.
            if let Some(caps) = admonition {
                match caps.get(1) {
                    Some(kind) => self.open.push(Open {
                        kind: OpenKind::Admonition {
                            kind: kind.as_str().to_ascii_lowercase(),
                            title: caps.get(2).map_or("", |t| t.as_str()).trim().to_string(),
                        },
                        blocks: Vec::new(),
                        line: line_no,
                    }),
                    None => match self.open.last() {
                        Some(Open {
                            kind: OpenKind::Admonition { .. },
                            ..
                        }) => {
                            let open = self.open.pop().expect("checked above");
                            self.push(open.into_block());
                        }
                        _ => self.notes.push((line_no, msg!("course-admonition-close-stray"))),
                    },
                }
            }
        }
        self.blocks(&body[start..], start)
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
            self.title_anchor = id;
            self.title_line = Some(line);
            return;
        }
        let navigable = self.open.is_empty() && (level == 2 || (level == 3 && id.is_some()));
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
            Regex::new(r#"(?is)<details[^>]*>|</details\s*>|<summary[^>]*>(.*?)</summary\s*>|<!--\s*atelier:\s*demo\s+([\w-]+)\s*-->|<!--.*?-->|<TabItem\b([^>]*)>|</TabItem\s*>|</?Tabs\b[^>]*>"#)
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
                    None => self.notes.push((line, msg!("course-demo-before-section"))),
                }
            } else if let Some(summary) = caps.get(1) {
                match self.open.last_mut() {
                    Some(Open {
                        kind: OpenKind::Details { summary: open },
                        ..
                    }) => *open = strip_tags(summary.as_str()),
                    _ => self.notes.push((line, msg!("course-summary-outside-details"))),
                }
            } else if let Some(attributes) = caps.get(3) {
                self.open.push(Open {
                    kind: OpenKind::Tab {
                        label: tab_label(attributes.as_str()),
                    },
                    blocks: Vec::new(),
                    line,
                });
            } else if tag.starts_with("<!--") || tag.starts_with("<tabs") || tag.starts_with("</tabs") {
                // A comment is invisible on the web site, and so here; `<Tabs>` only groups its items.
            } else if tag.starts_with("</tabitem") {
                self.close(
                    line,
                    |k| matches!(k, OpenKind::Tab { .. }),
                    "course-tab-close-unopened",
                )?;
            } else if tag.starts_with("</details") {
                self.close(
                    line,
                    |k| matches!(k, OpenKind::Details { .. }),
                    "course-details-close-unopened",
                )?;
            } else {
                self.open.push(Open {
                    kind: OpenKind::Details {
                        summary: String::new(),
                    },
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
            self.notes.push((line, msg!("course-fence-in-html")));
        }
        let start = text.len() - text.trim_start().len();
        self.blocks(text.trim(), offset + start)
    }

    /// Closes the innermost open block when it is of the kind `is_kind` accepts; else the closing
    /// tag closes nothing, and the error `unopened` says so (the open blocks stay as they were).
    fn close(
        &mut self,
        line: usize,
        is_kind: fn(&OpenKind) -> bool,
        unopened: &'static str,
    ) -> Result<(), ParseError> {
        match self.open.pop() {
            Some(open) if is_kind(&open.kind) => {
                self.push(open.into_block());
                Ok(())
            }
            other => {
                self.open.extend(other);
                Err(ParseError {
                    line,
                    message: msg!(unopened),
                })
            }
        }
    }

    fn push(&mut self, block: Block) {
        if let Some(open) = self.open.last_mut() {
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

/// The text of inline events (a heading's title); code keeps its backticks, as the renderer and the
/// quiz show it.
fn inline_text(events: &[(Event<'_>, Range<usize>)]) -> String {
    let mut out = String::new();
    for (event, _) in events {
        match event {
            Event::Text(t) => out.push_str(t),
            Event::Code(t) => {
                out.push('`');
                out.push_str(t);
                out.push('`');
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The `label` (else `value`) attribute of a `<TabItem …>`.
fn tab_label(attributes: &str) -> String {
    static ATTR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"(label|value)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["'`]([^"'`]*)["'`]\s*\})"#)
            .expect("valid regex")
    });
    let mut value = None;
    for caps in ATTR.captures_iter(attributes) {
        let text = caps
            .get(2)
            .or(caps.get(3))
            .or(caps.get(4))
            .map_or("", |m| m.as_str());
        if &caps[1] == "label" {
            return text.to_string();
        }
        value.get_or_insert_with(|| text.to_string());
    }
    value.unwrap_or_default()
}

fn strip_tags(html: &str) -> String {
    static TAGS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]*>").expect("valid regex"));
    TAGS.replace_all(html, "").trim().to_string()
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
