//! The lesson parser on the shipped lesson and on edge cases, and rendering snapshots (plain, width 80).
use atelier::course::parse::parse_lesson;
use atelier::course::{Block, Course, CourseFiles};
use atelier::i18n::Lang;
use atelier::render::{Style, render_section};

fn parse(text: &str) -> Result<atelier::course::parse::Parsed, atelier::course::parse::ParseError> {
    parse_lesson("lessons/t.md", "t", text.as_bytes())
}

#[test]
fn shipped_lesson_has_nine_anchors_four_questions_three_exercises() {
    let course = Course::from_files(CourseFiles::builtin());
    assert!(course.problems.is_empty(), "{:?}", course.problems);
    let lesson = &course.lessons[course.find_lesson("43").unwrap()];
    let anchors: Vec<&str> = lesson.anchors().collect();
    assert_eq!(
        anchors,
        [
            "processus-vs-threads",
            "creation-de-processus",
            "pool-de-processus",
            "communication-inter-processus",
            "questions-cles-43",
            "exercices-43",
            "exercice-1-nombres-premiers",
            "exercice-2-traitement-images",
            "exercice-3-memoire-partagee",
        ]
    );
    assert_eq!(lesson.questions.len(), 4);
    assert!(
        lesson
            .questions
            .iter()
            .all(|q| !q.question.is_empty() && q.answer.len() > 20)
    );
    assert_eq!(
        lesson.exercises.iter().map(|e| e.number).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    for exercise in &lesson.exercises {
        let solution = exercise
            .solution
            .as_deref()
            .expect("every exercise has a solution");
        assert!(solution.contains("__main__"), "exercise {}", exercise.number);
    }
    assert_eq!(lesson.lang, Lang::Fr);
    assert_eq!(lesson.number, Some(43));
    assert!(lesson.sections[0].demos.contains(&"duel".to_string()));
    // The comparison table and every example code block are there.
    let table = lesson.sections[0]
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Markdown { text } if text.contains("| **Mémoire**")));
    assert!(table);
    let code_langs: Vec<&str> = lesson.sections[..4]
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| {
            if let Block::Code { lang, .. } = b {
                Some(lang.as_str())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(code_langs, ["python", "python", "python"]);
}

#[test]
fn reference_chapter_loads_with_its_french_colon() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/lessons/reference-43.md"
    ))
    .unwrap();
    let parsed = parse(&text).unwrap();
    let lesson = parsed.lesson;
    assert_eq!(
        lesson.frontmatter.sidebar_label.as_deref(),
        Some("Concurrence : Processus (multiprocessing)")
    );
    assert_eq!(lesson.sections.len(), 9);
    assert_eq!(lesson.questions.len(), 4);
    assert_eq!(lesson.exercises.len(), 3);
}

#[test]
fn crlf_and_bom_are_read_like_lf() {
    let lf = "---\nsidebar_position: 7\n---\n# T\n\n## A {#a}\n\ntexte\n\n## B\n\n```python\nprint(1)\n```\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    let a = parse(lf).unwrap().lesson;
    let b = parse(&crlf).unwrap().lesson;
    assert_eq!(a.sections.len(), 2);
    assert_eq!(
        b.sections.iter().map(|s| (&s.anchor, s.line)).collect::<Vec<_>>(),
        a.sections.iter().map(|s| (&s.anchor, s.line)).collect::<Vec<_>>()
    );
    assert_eq!(
        b.sections[1].anchor, "b",
        "a heading without an anchor gets a slug"
    );
    assert_eq!(b.sections[0].line, 6);
    assert_eq!(b.number, Some(7));
    assert!(matches!(&b.sections[1].blocks[0], Block::Code { code, .. } if code == "print(1)\n"));
}

#[test]
fn no_frontmatter_and_slugs() {
    let lesson = parse("# Titre\n\n## Création de processus\n\ntexte\n")
        .unwrap()
        .lesson;
    assert_eq!(lesson.title, "Titre");
    assert_eq!(lesson.sections[0].anchor, "création-de-processus");
    assert!(!lesson.sections[0].explicit_anchor);
}

#[test]
fn broken_lessons_name_the_line() {
    let cases: &[(&str, usize, &str)] = &[
        (
            "# T\n\n## A\n\n<details>\n<summary>S</summary>\n\ntexte\n",
            5,
            "never closed",
        ),
        ("# T\n\n## A\n\n```python\nprint(1)\n", 5, "fence is never closed"),
        ("# T\n\n## A {#x}\n\n## B {#x}\n", 5, "duplicate anchor `x`"),
        ("---\nsidebar_position: [\n---\n# T\n", 2, "frontmatter"),
        ("   \n\n", 1, "empty"),
    ];
    for (text, line, message) in cases {
        let err = parse(text).expect_err(text);
        assert_eq!(err.line, *line, "{text:?}: {err:?}");
        assert!(err.message.word(Lang::En).contains(message), "{text:?}: {err:?}");
    }
    let err = parse_lesson("l.md", "l", b"# T\n\n## A\n\xff\xfe\n").unwrap_err();
    assert_eq!(err.line, 4);
    assert!(err.message.word(Lang::En).contains("UTF-8"));
    assert_eq!(
        err.message.word(Lang::Fr),
        "pas du texte UTF-8 (enregistrez la leçon en UTF-8)"
    );
}

/// Changed behaviour: an admonition was shown raw (`:::tip Astuce`); it is now a titled box.
#[test]
fn an_admonition_is_a_titled_box() {
    let lesson = parse("# T\n\n## A\n\n:::tip Astuce\nUtilisez un Pool.\n:::\n")
        .unwrap()
        .lesson;
    let text = render_section(&lesson, 0, Lang::Fr, Style::plain(80));
    assert!(!text.contains(":::"), "{text}");
    assert!(text.contains("┌─ Astuce\n│ Utilisez un Pool.\n└─"), "{text}");
}

#[test]
fn a_fence_swallowed_by_details_is_noted_and_still_shown() {
    let text = "# T\n\n## Exercice 1 - X {#ex}\n\n<details>\n<summary>Voir</summary>\n```python\nprint(1)\n```\n</details>\n";
    let parsed = parse(text).unwrap();
    assert!(
        parsed
            .notes
            .iter()
            .any(|(line, m)| *line == 7 && m.word(Lang::En).contains("blank line")),
        "{:?}",
        parsed.notes
    );
    assert_eq!(parsed.lesson.exercises[0].solution.as_deref(), Some("print(1)\n"));
}

#[test]
fn a_broken_lesson_does_not_stop_the_others() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("lessons")).unwrap();
    std::fs::write(dir.path().join("lessons/01-ok.md"), "# Ok\n\n## A\n\ntexte\n").unwrap();
    std::fs::write(
        dir.path().join("lessons/02-broken.md"),
        "# B\n\n## A\n\n```\nnever closed\n",
    )
    .unwrap();
    let course = Course::load(Some(dir.path())).unwrap();
    assert_eq!(course.lessons.len(), 1);
    assert_eq!(course.problems.len(), 1);
    let problem = course.problems[0].to_string();
    assert!(
        problem.ends_with("02-broken.md:5: code fence is never closed (expected a line of ```)"),
        "{problem}"
    );
}

/// Plain rendering at width 80, compared with a committed snapshot (`UPDATE_SNAPSHOTS=1` rewrites it).
#[test]
fn plain_rendering_snapshots() {
    let course = Course::from_files(CourseFiles::builtin());
    let lesson = &course.lessons[0];
    for anchor in ["processus-vs-threads", "exercice-1-nombres-premiers"] {
        let index = lesson.find_section(anchor).unwrap();
        let text = render_section(lesson, index, Lang::Fr, Style::plain(80));
        assert!(!text.contains('\x1b'), "plain output has no escape sequence");
        assert!(
            text.lines().all(|l| l.chars().count() <= 80),
            "fits in 80 columns"
        );
        assert!(!text.contains("{#"), "anchors are not shown");
        let path = format!("{}/tests/snapshots/{anchor}.txt", env!("CARGO_MANIFEST_DIR"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            std::fs::create_dir_all(std::path::Path::new(&path).parent().unwrap()).unwrap();
            std::fs::write(&path, &text).unwrap();
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_default();
        assert_eq!(
            text, expected,
            "snapshot {path} differs (UPDATE_SNAPSHOTS=1 to accept)"
        );
    }
}
