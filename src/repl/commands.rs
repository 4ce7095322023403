//! The one `COMMANDS` table: it drives dispatch, `help` and completion.
use std::io::Write;

use super::input::{Input, Read};
use super::session::Session;
use crate::i18n::{Lang, Message};
use crate::msg;
use crate::render;
use crate::view::toc::{unknown_anchor, write_toc};
use anyhow::Result;

/// What the loop does after a command.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flow {
    Continue,
    Quit,
}

/// What a command's argument is, for completion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg {
    None,
    /// A section number or anchor.
    Section,
    /// An exercise number.
    Exercise,
    /// An exercise number, then a file path.
    ExerciseFile,
    /// A demo name.
    Demo,
    /// A lesson number or slug.
    Lesson,
    /// A fixed word (`progress reset`).
    Word(&'static [&'static str]),
}

type Run = fn(&mut Session, &str, &mut dyn Write, &mut dyn Input) -> Result<Flow>;

/// One REPL command.
pub struct CommandDef {
    /// English name first, then the French aliases and short forms.
    pub names: &'static [&'static str],
    /// The catalog key of the argument, as help shows it (none for a command without one).
    pub usage: Option<&'static str>,
    /// The catalog key of the description help shows.
    pub help: &'static str,
    pub arg: Arg,
    pub run: Run,
}

impl CommandDef {
    /// The description help shows, in `lang`.
    pub fn help(&self, lang: Lang) -> String {
        lang.text(self.help)
    }
}

pub static COMMANDS: &[CommandDef] = &[
    CommandDef {
        names: &["help", "aide", "?"],
        usage: None,
        help: "repl-help-help",
        arg: Arg::None,
        run: help,
    },
    CommandDef {
        names: &["toc", "sommaire"],
        usage: None,
        help: "repl-help-toc",
        arg: Arg::None,
        run: toc,
    },
    CommandDef {
        names: &["next", "suivant", "n"],
        usage: None,
        help: "repl-help-next",
        arg: Arg::None,
        run: next,
    },
    CommandDef {
        names: &["prev", "précédent", "precedent", "p"],
        usage: None,
        help: "repl-help-prev",
        arg: Arg::None,
        run: prev,
    },
    CommandDef {
        names: &["goto", "aller"],
        usage: Some("repl-usage-goto"),
        help: "repl-help-goto",
        arg: Arg::Section,
        run: goto,
    },
    CommandDef {
        names: &["show", "afficher"],
        usage: Some("repl-usage-show"),
        help: "repl-help-show",
        arg: Arg::Section,
        run: show,
    },
    CommandDef {
        names: &["solution", "corrigé", "corrige"],
        usage: Some("repl-usage-solution"),
        help: "repl-help-solution",
        arg: Arg::Exercise,
        run: super::workflow::solution,
    },
    CommandDef {
        names: &["quiz"],
        usage: None,
        help: "repl-help-quiz",
        arg: Arg::None,
        run: super::quiz::quiz,
    },
    CommandDef {
        names: &["demo", "démo"],
        usage: Some("repl-usage-demo"),
        help: "repl-help-demo",
        arg: Arg::Demo,
        run: super::live::demo,
    },
    CommandDef {
        names: &["run", "exécuter", "executer"],
        usage: None,
        help: "repl-help-run",
        arg: Arg::None,
        run: super::live::run,
    },
    CommandDef {
        names: &["exercise", "exercice"],
        usage: Some("repl-usage-exercise"),
        help: "repl-help-exercise",
        arg: Arg::Exercise,
        run: super::exercises::exercise,
    },
    CommandDef {
        names: &["exercises", "exercices"],
        usage: None,
        help: "repl-help-exercises",
        arg: Arg::None,
        run: super::workflow::exercises,
    },
    CommandDef {
        names: &["edit", "éditer", "editer"],
        usage: Some("repl-usage-edit"),
        help: "repl-help-edit",
        arg: Arg::Exercise,
        run: super::workflow::edit,
    },
    CommandDef {
        names: &["check", "vérifier", "verifier"],
        usage: Some("repl-usage-check"),
        help: "repl-help-check",
        arg: Arg::ExerciseFile,
        run: super::exercises::check,
    },
    CommandDef {
        names: &["hint", "indice"],
        usage: Some("repl-usage-hint"),
        help: "repl-help-hint",
        arg: Arg::Exercise,
        run: super::exercises::hint,
    },
    CommandDef {
        names: &["watch", "surveiller"],
        usage: Some("repl-usage-watch"),
        help: "repl-help-watch",
        arg: Arg::ExerciseFile,
        run: super::exercises::watch,
    },
    CommandDef {
        names: &["progress", "progrès", "progres"],
        usage: Some("repl-usage-progress"),
        help: "repl-help-progress",
        arg: Arg::Word(&["reset"]),
        run: progress,
    },
    CommandDef {
        names: &["lesson", "leçon", "lecon"],
        usage: Some("repl-usage-lesson"),
        help: "repl-help-lesson",
        arg: Arg::Lesson,
        run: lesson,
    },
    CommandDef {
        names: &["reload", "recharger"],
        usage: None,
        help: "repl-help-reload",
        arg: Arg::None,
        run: reload,
    },
    CommandDef {
        names: &["quit", "quitter", "exit", "q"],
        usage: None,
        help: "repl-help-quit",
        arg: Arg::None,
        run: |_, _, _, _| Ok(Flow::Quit),
    },
];

/// The command named `word` (any of its names, case-insensitive).
pub fn find(word: &str) -> Option<&'static CommandDef> {
    let word = word.to_lowercase();
    COMMANDS.iter().find(|c| c.names.iter().any(|n| *n == word))
}

/// Runs one line. An empty line goes on to the next section.
pub fn execute(
    session: &mut Session,
    line: &str,
    out: &mut dyn Write,
    input: &mut dyn Input,
) -> Result<Flow> {
    let line = line.trim();
    if line.is_empty() {
        return next(session, "", out, input);
    }
    let (word, args) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
    match find(word) {
        Some(command) => (command.run)(session, args.trim(), out, input),
        None => {
            writeln!(out, "{}", unknown_command(word).word(session.lang))?;
            Ok(Flow::Continue)
        }
    }
}

/// "unknown command", with the closest one.
fn unknown_command(word: &str) -> Message {
    let lower = word.to_lowercase();
    let closest = COMMANDS
        .iter()
        .flat_map(|c| c.names.iter())
        .filter(|n| n.len() > 1)
        .map(|n| (strsim::damerau_levenshtein(&lower, n), *n))
        .min();
    match closest {
        Some((distance, name)) if distance <= 2.max(lower.chars().count() / 3) => {
            msg!("repl-unknown-command-did-you-mean", word = word, name = name)
        }
        _ => msg!("repl-unknown-command", word = word),
    }
}

fn help(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    writeln!(out, "{}", lang.text("repl-help-title"))?;
    for command in COMMANDS {
        let names = command
            .names
            .iter()
            .filter(|n| n.len() > 1)
            .copied()
            .collect::<Vec<_>>()
            .join(" / ");
        let usage = match command.usage {
            Some(key) => format!(" {}", lang.text(key)),
            None => String::new(),
        };
        // The description wraps under itself at the terminal's width, never inside a word.
        let width = session.style.width.max(50);
        let head = format!("  {:<34} ", format!("{names}{usage}"));
        let mut head_width = textwrap::core::display_width(&head);
        // A long usage leaves too little room beside it: the description goes under it instead.
        let own_line = head_width + 20 > width;
        if own_line {
            writeln!(out, "{}", head.trim_end())?;
            head_width = 6;
        }
        let room = width.saturating_sub(head_width).max(16);
        for (i, line) in render::wrap_text(&command.help(lang), room, room)
            .iter()
            .enumerate()
        {
            if i == 0 && !own_line {
                writeln!(out, "{head}{line}")?;
            } else {
                writeln!(out, "{}{line}", " ".repeat(head_width))?;
            }
        }
    }
    let tail = lang.text("repl-help-keys");
    for line in render::wrap_text(&tail, session.style.width, session.style.width) {
        writeln!(out, "{line}")?;
    }
    Ok(Flow::Continue)
}

fn toc(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    write_toc(&session.course, session.current_lesson(), true, session.lang, out)?;
    Ok(Flow::Continue)
}

fn next(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if session.section + 1 < session.current_lesson().sections.len() {
        session.goto(session.section + 1, out)?;
    } else {
        let text = session.lang.text("repl-lesson-end");
        for line in render::wrap_text(&text, session.style.width, session.style.width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(Flow::Continue)
}

fn prev(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if session.section > 0 {
        session.goto(session.section - 1, out)?;
    } else {
        writeln!(out, "{}", session.lang.text("repl-first-section"))?;
    }
    Ok(Flow::Continue)
}

/// The section `args` names, or a message listing the anchors.
fn section_arg(session: &Session, args: &str, out: &mut dyn Write) -> Result<Option<usize>> {
    let lesson = session.current_lesson();
    match lesson.find_section(args) {
        Some(index) => Ok(Some(index)),
        None => {
            writeln!(out, "{}", unknown_anchor(lesson, args).word(session.lang))?;
            Ok(None)
        }
    }
}

fn goto(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if args.is_empty() {
        writeln!(out, "{}", session.lang.text("repl-goto-usage"))?;
    } else if let Some(index) = section_arg(session, args, out)? {
        session.goto(index, out)?;
    }
    Ok(Flow::Continue)
}

fn show(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if args.is_empty() {
        session.show_current(out)?;
    } else if let Some(index) = section_arg(session, args, out)? {
        session.goto(index, out)?;
    }
    Ok(Flow::Continue)
}

/// The exercise number in `args`, or a message listing them.
pub fn exercise_arg(session: &Session, args: &str, out: &mut dyn Write) -> Result<Option<u32>> {
    let lesson = session.current_lesson();
    let first = args.split_whitespace().next().unwrap_or("");
    let number = first
        .rsplit('.')
        .next()
        .and_then(|n| n.parse::<u32>().ok())
        .or(session.exercise);
    match number.filter(|n| lesson.exercise(*n).is_some()) {
        Some(n) => Ok(Some(n)),
        None => {
            let numbers: Vec<String> = lesson.exercises.iter().map(|e| e.number.to_string()).collect();
            let numbers = if numbers.is_empty() {
                "-".to_string()
            } else {
                numbers.join(", ")
            };
            let which = msg!("repl-which-exercise", numbers = numbers);
            writeln!(out, "{}", which.word(session.lang))?;
            Ok(None)
        }
    }
}

/// Unfolds the lesson's solution of exercise N (`workflow::solution` decides whether it may).
pub(super) fn solution(
    session: &mut Session,
    args: &str,
    out: &mut dyn Write,
    _: &mut dyn Input,
) -> Result<Flow> {
    let Some(number) = exercise_arg(session, args, out)? else {
        return Ok(Flow::Continue);
    };
    let lesson = session.current_lesson();
    let entry = lesson.exercise(number).expect("exercise_arg checked it");
    match render::render_details(lesson, entry.section, session.lang, session.style) {
        Some(text) => session.write_paged(&text, out)?,
        None => writeln!(out, "{}", session.lang.text("repl-no-solution"))?,
    }
    Ok(Flow::Continue)
}

fn progress(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    match args {
        "" => crate::progress::write_summary(&session.course, &session.progress, lang, out)?,
        "reset" => {
            session.progress = Default::default();
            if let Some(store) = &session.store {
                store.reset()?;
            }
            writeln!(out, "{}", lang.text("progress-cleared"))?;
        }
        other => writeln!(
            out,
            "{}",
            msg!("repl-progress-unknown-argument", argument = other).word(lang)
        )?,
    }
    Ok(Flow::Continue)
}

fn lesson(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if args.is_empty() {
        let current = session.current_lesson().slug.clone();
        let entry = |lesson: &crate::course::Lesson, out: &mut dyn Write| {
            let mark = if lesson.slug == current { "›" } else { " " };
            writeln!(
                out,
                "{mark} {} — {} ({})",
                lesson.short_name(),
                lesson.title,
                lesson.slug
            )
        };
        crate::course::toc::write_tree(&session.course, session.lang, out, &entry)?;
        return Ok(Flow::Continue);
    }
    let step = match args {
        "next" | "suivante" | "suivant" => Some(1isize),
        "prev" | "précédente" | "precedente" | "précédent" => Some(-1),
        _ => None,
    };
    if let Some(step) = step {
        let target = session
            .lesson
            .checked_add_signed(step)
            .filter(|i| *i < session.course.lessons.len());
        match target {
            Some(index) => {
                session.lesson = index;
                session.lang =
                    crate::i18n::Lang::resolve(session.options.lang, session.course.lessons[index].lang);
                session.goto(0, out)?;
            }
            None => writeln!(out, "{}", session.lang.text("repl-no-other-lesson"))?,
        }
        return Ok(Flow::Continue);
    }
    match session.course.find_lesson(args) {
        Ok(index) => {
            session.lesson = index;
            session.lang =
                crate::i18n::Lang::resolve(session.options.lang, session.course.lessons[index].lang);
            session.goto(0, out)?;
        }
        Err(not_found) => writeln!(out, "{}", not_found.message(session.lang))?,
    }
    Ok(Flow::Continue)
}

/// `reload`: re-reads the course (an instructor edits a lesson and looks at once), staying on the
/// same lesson and section when they still exist.
fn reload(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    if session.options.course_dir.is_none() {
        writeln!(out, "{}", lang.text("repl-reload-builtin"))?;
        return Ok(Flow::Continue);
    }
    let course = match crate::course::Course::load(session.options.course_dir.as_deref()) {
        Ok(course) => course,
        Err(err) => {
            writeln!(out, "{}", crate::i18n::worded_error(&err, lang))?;
            return Ok(Flow::Continue);
        }
    };
    for problem in &course.problems {
        writeln!(out, "{}", problem.word(lang))?;
    }
    if course.lessons.is_empty() {
        writeln!(out, "{}", lang.text("repl-reload-no-lesson"))?;
        return Ok(Flow::Continue);
    }
    let slug = session.current_lesson().slug.clone();
    let anchor = session
        .current_lesson()
        .sections
        .get(session.section)
        .map(|s| s.anchor.clone());
    session.course = course;
    session.lesson = session.course.find_lesson(&slug).unwrap_or(0);
    let lesson = session.current_lesson();
    session.section = anchor.and_then(|a| lesson.find_section(&a)).unwrap_or(0);
    let reloaded = msg!(
        "repl-reloaded",
        lessons = msg!("lesson-count", count = session.course.lessons.len()),
        exercises = msg!("repl-exercise-count", count = session.course.exercises.len()),
    );
    writeln!(out, "{}", reloaded.word(lang))?;
    session.show_current(out)?;
    Ok(Flow::Continue)
}

/// Reads one line through `input` for a command that asks mid-way; `None` when the student stopped.
pub fn ask(input: &mut dyn Input, prompt: &str, out: &mut dyn Write) -> Option<String> {
    match input.read(prompt, out) {
        Read::Line(line) => Some(line),
        Read::Interrupted | Read::Eof => None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::input::Lines;
    use super::super::session::tests::session;
    use super::*;

    fn run(lines: &[&str]) -> (String, Session) {
        let mut s = session();
        let mut out = Vec::new();
        let rest = String::new();
        let mut input = Lines {
            reader: rest.as_bytes(),
        };
        for line in lines {
            execute(&mut s, line, &mut out, &mut input).unwrap();
        }
        (String::from_utf8(out).unwrap(), s)
    }

    #[test]
    fn navigation() {
        let (out, s) = run(&["next", "", "prev", "goto pool-de-processus"]);
        assert_eq!(s.section, 2);
        assert!(out.contains("Création de processus"));
        assert!(out.contains("§3"));
    }

    #[test]
    fn goto_by_number_prefix_and_unknown() {
        let (_, s) = run(&["goto 4"]);
        assert_eq!(s.section, 3);
        let (_, s) = run(&["aller exercice-2"]);
        assert_eq!(
            s.current_lesson().sections[s.section].anchor,
            "exercice-2-traitement-images"
        );
        let (out, s) = run(&["goto nulle-part"]);
        assert_eq!(s.section, 0);
        assert!(out.contains("processus-vs-threads"), "lists the anchors: {out}");
    }

    #[test]
    fn unknown_command_suggests() {
        let (out, _) = run(&["suivnat"]);
        assert!(out.contains("« suivant »"), "{out}");
    }

    #[test]
    fn solution_unfolds_the_details() {
        let (out, _) = run(&["solution 1"]);
        assert!(out.contains("count_primes"), "{out}");
        let (out, _) = run(&["solution 9"]);
        assert!(out.contains("1, 2, 3"), "{out}");
    }

    #[test]
    fn every_listed_command_is_dispatched() {
        for command in COMMANDS {
            for name in command.names {
                assert!(std::ptr::eq(find(name).unwrap(), command), "{name}");
            }
        }
    }

    #[test]
    fn help_wraps_at_the_width_without_cutting_a_word() {
        let mut s = session();
        s.style.width = 60;
        let mut out = Vec::new();
        let rest = String::new();
        let mut input = Lines {
            reader: rest.as_bytes(),
        };
        execute(&mut s, "aide", &mut out, &mut input).unwrap();
        let text = String::from_utf8(out).unwrap();
        for line in text.lines() {
            assert!(textwrap::core::display_width(line) <= 60, "{line:?}");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        for command in COMMANDS {
            for word in command.help(Lang::Fr).split_whitespace() {
                assert!(words.contains(&word), "`{word}` cut or lost:\n{text}");
            }
        }
    }

    #[test]
    fn help_lists_every_command() {
        let (out, _) = run(&["aide"]);
        for command in COMMANDS {
            assert!(out.contains(command.names[0]), "{}", command.names[0]);
        }
    }
}
