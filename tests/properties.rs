//! Property tests (a fixed number of cases, so that `cargo test` stays quick): arbitrary and
//! mutated lessons and frontmatter never make the parser or the renderer panic, every error names
//! a line of the file, and wrapped text keeps its width, its words and French typography.
use atelier::course::parse::parse_lesson;
use atelier::i18n::{Lang, serde_message};
use atelier::render::escape::Look;
use atelier::render::inline::{Inline, is_closing};
use atelier::render::{Style, render_lesson, wrap_text};
use proptest::prelude::*;

const LESSON: &str = include_str!("../lessons/43-multiprocessing.md");
const BOUCLES: &str = include_str!("fixtures/sites/docs-tree/docs/01-bases/boucles.mdx");

/// Pieces that matter to the parser: fences, containers, headings, inline markup, odd characters.
const TOKENS: &[&str] = &[
    "```",
    "```python\n",
    "~~~",
    "\n",
    "\n\n",
    "<details>",
    "</details>",
    "<summary>S</summary>",
    ":::tip Titre\n",
    ":::\n",
    "<Tabs>",
    "<TabItem label=\"x\">",
    "</TabItem>",
    "import A from 'b';\n",
    "# ",
    "## ",
    "### ",
    "{#ancre}",
    "**",
    "*",
    "`",
    "[l](u)",
    "![i](p)",
    "- ",
    "1. ",
    "> ",
    "|a|b|\n|-|-|\n",
    "---\n",
    "sidebar_position: 6\n",
    "atelier:\n  demos:\n",
    "<!-- atelier: demo pool -->",
    " ?",
    " :",
    "«",
    "»",
    "\u{a0}",
    "\u{202f}",
    "é",
    "日本",
    "🐍",
    "\t",
    "\\",
    "<br>",
    "&amp;",
    "\r\n",
];

fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            0usize..40,
            prop::sample::select(TOKENS),
        ),
        1..8,
    );
    edits.prop_map(move |edits| {
        let mut text = base.to_string();
        for (at, cut, token) in edits {
            let mut start = at.index(text.len() + 1);
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + cut).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, token);
        }
        text
    })
}

/// Parses and, when it loads, renders at a few widths in both modes; errors name a line of the file.
fn check_lesson(text: &str) {
    let lines = text.lines().count().max(1);
    match parse_lesson("lessons/p.md", "p", text.as_bytes()) {
        Ok(parsed) => {
            let lesson = parsed.lesson;
            assert!(!lesson.sections.is_empty(), "a lesson that loads has a section");
            for width in [12, 80] {
                render_lesson(&lesson, Lang::Fr, Style::plain(width));
            }
            // Colour highlights code with syntect, slow in a debug build: the small inputs only.
            if text.len() < 3000 {
                render_lesson(&lesson, Lang::En, Style::colour(41));
            }
            for key in ["1", "questions-cles", "", "#", "§0", "zzz"] {
                if let Some(index) = lesson.find_section(key) {
                    assert!(index < lesson.sections.len());
                }
            }
            for (line, _) in parsed.notes {
                assert!(line >= 1 && line <= lines + 1, "note line {line} of {lines}");
            }
        }
        Err(err) => {
            assert!(
                err.line >= 1 && err.line <= lines + 1,
                "error line {} of {lines}: {err:?}",
                err.line
            );
            // A catalog message: worded, not shown as its bare key.
            let words = err.message.word(Lang::En);
            assert!(!words.is_empty() && words != err.message.key(), "{err:?}");
        }
    }
}

fn words(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Err(err) = parse_lesson("lessons/p.md", "p", &bytes) {
            prop_assert!(err.line >= 1);
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(\\PC|\n){0,300}") {
        check_lesson(&text);
    }

    #[test]
    fn token_soup_never_panics(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..60)) {
        check_lesson(&tokens.concat());
    }


    #[test]
    fn mutated_mdx_never_panics(text in mutated(BOUCLES)) {
        check_lesson(&text);
    }

    #[test]
    fn arbitrary_frontmatter_never_panics(yaml in "(\\PC|\n){0,120}") {
        check_lesson(&format!("---\n{yaml}\n---\n# T\n\n## A\n\ntexte\n"));
    }

    #[test]
    fn any_serde_message_is_worded_without_panic(text in "(\\PC|`|: |, expected |one of ){0,80}") {
        let message = serde_message(&text);
        message.word(Lang::Fr);
        message.word(Lang::En);
    }

    /// English reads serde's words back exactly (names and lists kept), whatever the names.
    #[test]
    fn english_words_serdes_shapes_back_exactly(
        path in "(checks\\[[0-9]\\]\\.)?[a-z_]{1,8}",
        field in "[a-z_0-9]{1,10}",
        names in prop::collection::vec("[a-z_]{1,8}", 1..5),
        shape in 0usize..5,
    ) {
        let listed: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
        let expected = match listed.len() {
            1 => listed[0].clone(),
            2 => format!("{} or {}", listed[0], listed[1]),
            _ => format!("one of {}", listed.join(", ")),
        };
        let inner = match shape {
            0 => format!("unknown field `{field}`, expected {expected}"),
            1 => format!("unknown variant `{field}`, expected {expected}"),
            2 => format!("missing field `{field}`"),
            3 => format!("duplicate field `{field}`"),
            _ => format!("check `{field}`: unknown field `{field}`, there are no fields"),
        };
        let text = format!("{path}: {inner}");
        prop_assert_eq!(serde_message(&text).word(Lang::En), text);
    }

    #[test]
    fn wrapping_keeps_width_words_and_typography(
        parts in prop::collection::vec(prop::sample::select(&[
            "mot", "été", "日本語", "🐍", "?", "!", ":", ";", "»", "«", ",", ".", "(note)", "`code`",
            "anticonstitutionnellement", "a", "l'œuvre", "…", "\u{a0}", "x\u{202f}:",
        ][..]), 1..40),
        width in 10usize..90,
    ) {
        let text = parts.join(" ");
        let lines = wrap_text(&text, width, width);
        for (i, line) in lines.iter().enumerate() {
            prop_assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= width, "{line:?} wider than {width}");
            if i > 0 {
                prop_assert!(!line.starts_with(is_closing), "line starts with punctuation: {lines:?}");
            }
        }
        prop_assert_eq!(words(&lines.concat()), words(&text));
    }

    #[test]
    fn piped_wrapping_fits_in_bytes_too(
        parts in prop::collection::vec(prop::sample::select(&[
            "mot", "été", "日本語", "🐍", "?", "!", ":", ";", "»", "«", ",", ".", "(note)", "`code`",
            "anticonstitutionnellement", "a", "l'œuvre", "…", "\u{a0}", "x\u{202f}:", "Éléphant",
        ][..]), 1..40),
        width in 10usize..90,
    ) {
        let text = parts.join(" ");
        let mut inline = Inline::new(Look::default(), true);
        inline.push_str(&text);
        let lines = inline.lines(width, width, Style::plain(width));
        for (i, line) in lines.iter().enumerate() {
            prop_assert!(line.len() <= width, "{line:?}: {} bytes > {width}", line.len());
            prop_assert!(unicode_width::UnicodeWidthStr::width(line.as_str()) <= width, "{line:?} wider than {width}");
            if i > 0 {
                prop_assert!(!line.starts_with(is_closing), "line starts with punctuation: {lines:?}");
            }
        }
        prop_assert_eq!(words(&lines.concat()), words(&text));
    }
}

proptest! {
    // The whole chapter is large: fewer cases, each a full parse and two renderings.
    #![proptest_config(ProptestConfig { cases: 48, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_chapter_never_panics(text in mutated(LESSON)) {
        check_lesson(&text);
    }
}
