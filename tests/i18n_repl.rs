//! The REPL speaks through the catalogs: run with the test language `xx` (every catalog text
//! upper-cased and marked `‹xx› `), each line the REPL words itself carries the mark or is the
//! upper-cased rest of a wrapped message. A sentence left in the code stays in French or English
//! and fails here. The lesson's own text is content and stays as written.
mod util;

use std::path::PathBuf;

use util::{PSEUDO_MARK as MARK, atelier, root};

fn fixture_course() -> PathBuf {
    root().join("tests/fixtures/course-cases")
}

/// A line of a message: it carries the mark, or continues a wrapped one (upper-cased, no lowercase
/// letter left).
fn worded(line: &str) -> bool {
    line.contains(MARK) || !line.chars().any(char::is_lowercase)
}

/// `20 §3 › ` or `43 §1 › `: the REPL's prompt, which piped input follows on the same line.
fn prompt_line(line: &str) -> Option<&str> {
    let (place, command) = line.split_once(" › ")?;
    let (lesson, section) = place.split_once(" §")?;
    let numbers = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    (numbers(lesson) && numbers(section)).then_some(command)
}

/// The REPL's answer to each command: the non-blank lines between its prompt and the next one.
fn answers(out: &str) -> Vec<(String, Vec<String>)> {
    let mut answers: Vec<(String, Vec<String>)> = Vec::new();
    for line in out.lines() {
        if let Some(command) = prompt_line(line) {
            answers.push((command.to_string(), Vec::new()));
        } else if let Some((_, lines)) = answers.last_mut()
            && !line.trim().is_empty()
        {
            lines.push(line.to_string());
        }
    }
    answers
}

/// The lines of the answer to `command` (the first time it is given).
fn answer<'a>(answers: &'a [(String, Vec<String>)], command: &str) -> &'a [String] {
    answers
        .iter()
        .find(|(c, _)| c == command)
        .map(|(_, lines)| lines.as_slice())
        .unwrap_or_else(|| panic!("no answer to `{command}` in {answers:#?}"))
}

fn assert_all_worded(answers: &[(String, Vec<String>)], command: &str) {
    let lines = answer(answers, command);
    assert!(!lines.is_empty(), "`{command}` answered nothing");
    for line in lines {
        assert!(
            worded(line),
            "`{command}`: a line not from the catalog: {line:?}\n{lines:#?}"
        );
    }
}

#[test]
fn the_repl_words_its_commands_help_and_exercise_workflow_through_the_catalog() {
    // Each command, and whether its whole answer is atelier's own words (the others show lesson
    // content too, checked below).
    let script = [
        ("aide", true),
        ("prev", true),
        ("goto", true),
        ("goto nowhere", true),
        ("suivnat", true),
        ("xyzzy", true),
        ("progress foo", true),
        ("lesson prev", true),
        ("exercise", true),
        ("exercises", false),
        ("exercise 1", false),
        ("exercise reset 1", true),
        ("edit 1", true),
        ("check 1 nothere.py", true),
        ("watch 1 nothere.py", true),
        ("hint 1", true),
        ("solution 1", true),
        ("run", true),
        ("demo", true),
        ("progress", true),
        ("lesson", false),
        ("goto exercise-1-word-count", false),
        ("next", true),
        ("reload", false),
        ("quit", true),
    ];
    let commands: Vec<&str> = script.iter().map(|(c, _)| *c).collect();
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx", "--course"])
        .args([fixture_course()])
        .stdin(&(commands.join("\n") + "\n"))
        .run()
        .code(0);
    let out = run.stdout();
    let answers = answers(&out);
    assert_eq!(
        answers.iter().map(|(c, _)| c.as_str()).collect::<Vec<_>>(),
        commands,
        "{out}"
    );
    for (command, _) in script.iter().filter(|(_, words_only)| *words_only) {
        assert_all_worded(&answers, command);
    }
    // Every command of the help table has its description, in the test language.
    let help = answer(&answers, "aide").join("\n");
    assert!(help.contains(&format!("{MARK}COMMANDES :")), "{help}");
    assert!(help.contains(&format!("{MARK}CETTE AIDE")), "{help}");
    assert!(help.contains(&format!("{MARK}QUITTER (CTRL-D AUSSI)")), "{help}");
    assert!(
        help.contains(&format!("{MARK}N [FICHIER] [--ONLY NOM]")),
        "the usage too: {help}"
    );
    // `exercises`: the lesson's title is content; each exercise's status and the next one are words.
    let exercises = answer(&answers, "exercises");
    assert!(exercises.iter().any(|l| l.starts_with("20 — ")), "{exercises:#?}");
    for line in exercises.iter().filter(|l| !l.starts_with("20 — ")) {
        assert!(worded(line), "{line:?}");
    }
    assert!(
        exercises
            .iter()
            .any(|l| l.contains(&format!("{MARK}PAS COMMENCÉ"))),
        "{exercises:#?}"
    );
    // `exercise 1` shows the exercise's section (content), then says where the starter went.
    let exercise = answer(&answers, "exercise 1");
    for line in &exercise[exercise.len() - 2..] {
        assert!(worded(line), "{line:?}\n{exercise:#?}");
    }
    // `lesson` lists the lessons (content), then counts them with the plural of the catalog.
    let lessons = answer(&answers, "lesson");
    assert_eq!(
        lessons.last().map(String::as_str),
        Some("‹xx› 1 LEÇON"),
        "{lessons:#?}"
    );
    // A folded solution invites to unfold it in the test language.
    let section = answer(&answers, "goto exercise-1-word-count").join("\n");
    assert!(
        section.contains(&format!("({MARK}TAPEZ « SOLUTION 1 »)")),
        "{section}"
    );
    // `reload` counts the course with the catalog's plurals, then shows the section again.
    let reload = answer(&answers, "reload");
    assert_eq!(
        reload.first().map(String::as_str),
        Some("‹xx› COURS RELU : ‹xx› 1 LEÇON, ‹xx› 1 EXERCICE."),
        "{reload:#?}"
    );
}

#[test]
fn the_quiz_and_the_demo_list_speak_the_test_language() {
    // The built-in course's lesson has key questions; the second answer never comes (end of input).
    // Before it, an unknown demo: the answer lists the course's demos with what each shows.
    let run = atelier()
        .with_test_language()
        .args(["--lang", "xx"])
        .stdin("demo nope\nquiz\nmy answer\nmaybe\no\n")
        .run()
        .code(0);
    let out = run.stdout();
    let answers = answers(&out);
    assert_all_worded(&answers, "demo nope");
    assert!(answer(&answers, "demo nope").len() > 2, "{out}");
    let quiz = answer(&answers, "quiz");
    // The question and the model answer are the lesson's (content), after the catalog's label.
    for (start, what) in [
        ("QUESTION 1/", "the question"),
        ("VOTRE RÉPONSE › my answer", "the prompt"),
        ("RÉPONSE MODÈLE : ", "the model answer"),
        ("AVIEZ-VOUS JUSTE ? (O/N) › maybe", "the self-assessment"),
        ("RÉPONDEZ O OU N.", "a wrong key"),
        ("QUIZ INTERROMPU.", "the end of input"),
        ("JUSTES CETTE FOIS : 1 ; EN TOUT : 1/", "the score"),
    ] {
        assert!(
            quiz.iter().any(|l| l.starts_with(&format!("{MARK}{start}"))),
            "{what}: {quiz:#?}"
        );
    }
}
