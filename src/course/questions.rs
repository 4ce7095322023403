//! The key questions ("Questions clés", "Key questions") in the layouts courses use:
//!
//! - a numbered list, each item a **bold question** with its answer below (or after it);
//! - a bullet (or numbered) list whose items carry `*Réponse : …*` or `**Réponse** : …`;
//! - one `###` heading per question, the answer in the blocks after it.
//!
//! Items are read from pulldown-cmark's events, so a code span wins over emphasis:
//! ``**Quel est le type de `kwargs` dans `def f(**kwargs)` ?**`` stays one question with its code.
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::lesson::{Block, Question, Section};
use super::parse::options;
use crate::render::escape::Look;
use crate::render::inline::Inline;

/// Whether `section` is the key-questions section.
fn is_questions_section(section: &Section) -> bool {
    let title = crate::course::anchor::fold(&section.title);
    let anchor = crate::course::anchor::fold(&section.anchor);
    anchor.starts_with("questions-cles")
        || anchor.starts_with("key-questions")
        || title.starts_with("questions cles")
        || title.starts_with("key questions")
}

/// The questions, and the line of a key-questions section that has content but no question found.
pub fn questions(sections: &[Section]) -> (Vec<Question>, Option<usize>) {
    let Some(index) = sections.iter().position(is_questions_section) else {
        return (Vec::new(), None);
    };
    let section = &sections[index];
    let mut found: Vec<Question> = Vec::new();
    let mut heading: Option<String> = None;
    let mut answer = String::new();
    let finish = |found: &mut Vec<Question>, heading: &mut Option<String>, answer: &mut String| {
        if let Some(question) = heading.take() {
            found.push(Question {
                number: found.len() as u32 + 1,
                question,
                answer: std::mem::take(answer).trim().to_string(),
            });
        }
        answer.clear();
    };
    for block in &section.blocks {
        match block {
            Block::Heading { level: 3..=4, text } => {
                finish(&mut found, &mut heading, &mut answer);
                heading = Some(text.clone());
            }
            _ if heading.is_some() => {
                append(&mut answer, &block_text(block));
            }
            Block::Markdown { text } => {
                for mut question in list_questions(text) {
                    question.number = found.len() as u32 + 1;
                    found.push(question);
                }
            }
            Block::Details { blocks, .. } => {
                // `<details><summary>Réponse</summary>…</details>` after a question is its answer.
                if let Some(last) = found.last_mut().filter(|q| q.answer.is_empty()) {
                    last.answer = blocks.iter().map(block_text).collect::<Vec<_>>().join(" ");
                }
            }
            _ => {}
        }
    }
    finish(&mut found, &mut heading, &mut answer);
    // `### Question {#anchor}` headings are sections of their own, right after the questions section.
    for sub in sections[index + 1..].iter().take_while(|s| s.level == 3) {
        if crate::course::anchor::fold(&sub.title).starts_with("exercice") {
            break;
        }
        let answer = sub.blocks.iter().map(block_text).collect::<Vec<_>>().join(" ");
        found.push(Question {
            number: found.len() as u32 + 1,
            question: sub.title.clone(),
            answer: answer.trim().to_string(),
        });
    }
    let has_content = !section.blocks.is_empty();
    let unrecognised = (found.is_empty() && has_content).then_some(section.line);
    (found, unrecognised)
}

fn append(text: &mut String, more: &str) {
    if more.is_empty() {
        return;
    }
    if !text.is_empty() {
        text.push(' ');
    }
    text.push_str(more);
}

/// A block as one line of plain text (code spans keep their backticks).
fn block_text(block: &Block) -> String {
    match block {
        Block::Markdown { text } => {
            let mut inline = Inline::new(Look::default(), true);
            for event in Parser::new_ext(text, options()) {
                if !inline.event(&event) {
                    inline.push_str(" ");
                }
            }
            inline.plain_text()
        }
        Block::Code { code, .. } => code.split_whitespace().collect::<Vec<_>>().join(" "),
        Block::Heading { text, .. } => text.clone(),
        Block::Details { blocks, .. } | Block::Admonition { blocks, .. } | Block::Tab { blocks, .. } => {
            blocks.iter().map(block_text).collect::<Vec<_>>().join(" ")
        }
        Block::Rule => String::new(),
    }
}

/// A piece of a list item: a top-level strong or emphasis span, other text, or a paragraph break.
enum Piece {
    Strong(Inline),
    Emphasis(Inline),
    Text(Inline),
    Break,
}

impl Piece {
    fn text(&self) -> String {
        match self {
            Piece::Strong(i) | Piece::Emphasis(i) | Piece::Text(i) => i.plain_text(),
            Piece::Break => String::new(),
        }
    }
}

/// The questions of the lists of one markdown block.
fn list_questions(md: &str) -> Vec<Question> {
    let mut questions = Vec::new();
    let mut depth = 0usize;
    let mut item: Option<Vec<Piece>> = None;
    let mut span: Option<Piece> = None;
    let mut span_depth = 0usize;
    for event in Parser::new_ext(md, options()) {
        match &event {
            Event::Start(Tag::List(_)) => {
                depth += 1;
                if depth > 1 {
                    push_text(&mut item, &span, " ");
                }
                continue;
            }
            Event::End(TagEnd::List(_)) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Start(Tag::Item) if depth == 1 => {
                item = Some(Vec::new());
                continue;
            }
            Event::End(TagEnd::Item) if depth == 1 => {
                if let Some(pieces) = item.take()
                    && let Some(question) = split_item(pieces)
                {
                    questions.push(question);
                }
                continue;
            }
            _ => {}
        }
        let Some(pieces) = item.as_mut() else { continue };
        match (&event, span.as_mut()) {
            (Event::Start(Tag::Strong), None) => {
                span = Some(Piece::Strong(Inline::new(Look::default(), true)));
                span_depth = 1;
            }
            (Event::Start(Tag::Emphasis), None) => {
                span = Some(Piece::Emphasis(Inline::new(Look::default(), true)));
                span_depth = 1;
            }
            (Event::End(TagEnd::Strong | TagEnd::Emphasis), Some(_)) if span_depth == 1 => {
                pieces.extend(span.take());
                span_depth = 0;
            }
            (Event::Start(Tag::Paragraph), None) | (Event::End(TagEnd::Paragraph), None) => {
                if !matches!(pieces.last(), None | Some(Piece::Break)) {
                    pieces.push(Piece::Break);
                }
            }
            (event, Some(Piece::Strong(inline) | Piece::Emphasis(inline))) => {
                match event {
                    Event::Start(Tag::Strong | Tag::Emphasis) => span_depth += 1,
                    Event::End(TagEnd::Strong | TagEnd::Emphasis) => span_depth -= 1,
                    _ => {}
                }
                if !inline.event(event) {
                    inline.push_str(" ");
                }
            }
            (event, _) => {
                if !matches!(pieces.last(), Some(Piece::Text(_))) {
                    pieces.push(Piece::Text(Inline::new(Look::default(), true)));
                }
                if let Some(Piece::Text(inline)) = pieces.last_mut()
                    && !inline.event(event)
                {
                    inline.push_str(" ");
                }
            }
        }
    }
    questions
}

fn push_text(item: &mut Option<Vec<Piece>>, span: &Option<Piece>, text: &str) {
    if span.is_some() {
        return;
    }
    if let Some(pieces) = item.as_mut() {
        let mut inline = Inline::new(Look::default(), true);
        inline.push_str(text);
        pieces.push(Piece::Text(inline));
    }
}

/// Whether `text` starts with "Réponse" or "Answer" (the marker of the answer in a bullet list).
fn answer_marker(text: &str) -> Option<usize> {
    let folded = crate::course::anchor::fold(text);
    for marker in ["reponse", "answer"] {
        if folded.starts_with(marker) {
            // Skip the marker in the original text (same number of characters), then `:`.
            let rest: String = text.chars().skip(marker.chars().count()).collect();
            let rest = rest
                .trim_start()
                .trim_start_matches([':', '.', '-', '—'])
                .trim_start();
            return Some(text.len() - rest.len());
        }
    }
    None
}

fn join(pieces: &[Piece]) -> String {
    let texts: Vec<String> = pieces.iter().map(Piece::text).filter(|t| !t.is_empty()).collect();
    texts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// One list item as a question and its answer, if it reads as one.
fn split_item(pieces: Vec<Piece>) -> Option<Question> {
    // `*Réponse : …*` or `**Réponse** : …` anywhere in the item.
    let marker = pieces.iter().enumerate().find_map(|(i, p)| match p {
        Piece::Strong(inline) | Piece::Emphasis(inline) => {
            answer_marker(&inline.plain_text()).map(|cut| (i, cut))
        }
        _ => None,
    });
    let (question, answer) = if let Some((i, cut)) = marker {
        let inside = pieces[i].text();
        let mut answer = inside[cut..].to_string();
        append(&mut answer, &join(&pieces[i + 1..]));
        // `**Réponse** : oui` — the colon is outside the marker.
        let answer = answer
            .trim_start()
            .trim_start_matches([':', '.', '-', '—'])
            .trim_start()
            .to_string();
        (join(&pieces[..i]), answer)
    } else {
        let first = pieces
            .iter()
            .position(|p| !p.text().trim().is_empty() || matches!(p, Piece::Break));
        match first.map(|i| (i, &pieces[i])) {
            // **Question** then the answer.
            Some((i, Piece::Strong(_))) => (pieces[i].text(), join(&pieces[i + 1..])),
            // A first paragraph, then the answer in the next ones.
            _ => match pieces.iter().position(|p| matches!(p, Piece::Break)) {
                Some(cut) if cut > 0 && !join(&pieces[cut..]).is_empty() => {
                    (join(&pieces[..cut]), join(&pieces[cut..]))
                }
                _ => return None,
            },
        }
    };
    let question = question
        .trim()
        .trim_end_matches(['-', '—', ':'])
        .trim()
        .to_string();
    (!question.is_empty()).then(|| Question {
        number: 0,
        question,
        answer: answer.trim().to_string(),
    })
}
