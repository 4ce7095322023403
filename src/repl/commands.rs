//! The one `COMMANDS` table: it drives dispatch, `help` and completion.
use std::io::Write;

use super::input::{Input, Read};
use super::session::Session;
use crate::i18n::Lang;
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
    /// The argument, as help shows it.
    pub usage: &'static str,
    pub help_fr: &'static str,
    pub help_en: &'static str,
    pub arg: Arg,
    pub run: Run,
}

impl CommandDef {
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_fr, self.help_en)
    }
}

pub static COMMANDS: &[CommandDef] = &[
    CommandDef {
        names: &["help", "aide", "?"],
        usage: "",
        help_fr: "cette aide",
        help_en: "this help",
        arg: Arg::None,
        run: help,
    },
    CommandDef {
        names: &["toc", "sommaire"],
        usage: "",
        help_fr: "le sommaire de la leçon (sections, ancres, démos, exercices)",
        help_en: "the lesson's table of contents (sections, anchors, demos, exercises)",
        arg: Arg::None,
        run: toc,
    },
    CommandDef {
        names: &["next", "suivant", "n"],
        usage: "",
        help_fr: "section suivante (Entrée sur une ligne vide fait de même)",
        help_en: "next section (Enter on an empty line does the same)",
        arg: Arg::None,
        run: next,
    },
    CommandDef {
        names: &["prev", "précédent", "precedent", "p"],
        usage: "",
        help_fr: "section précédente",
        help_en: "previous section",
        arg: Arg::None,
        run: prev,
    },
    CommandDef {
        names: &["goto", "aller"],
        usage: "N|ancre",
        help_fr: "aller à une section (numéro ou ancre)",
        help_en: "go to a section (number or anchor)",
        arg: Arg::Section,
        run: goto,
    },
    CommandDef {
        names: &["show", "afficher"],
        usage: "[N|ancre]",
        help_fr: "réafficher la section courante (ou une autre)",
        help_en: "show the current section again (or another one)",
        arg: Arg::Section,
        run: show,
    },
    CommandDef {
        names: &["solution", "corrigé", "corrige"],
        usage: "N [--give-up]",
        help_fr: "déplier la solution de l'exercice N (--give-up : avant de l'avoir réussi, si le cours l'exige)",
        help_en: "unfold the solution of exercise N (--give-up: before passing it, when the course asks)",
        arg: Arg::Exercise,
        run: super::workflow::solution,
    },
    CommandDef {
        names: &["quiz"],
        usage: "",
        help_fr: "les questions clés : votre réponse, puis la réponse modèle",
        help_en: "the key questions: your answer, then the model answer",
        arg: Arg::None,
        run: super::quiz::quiz,
    },
    CommandDef {
        names: &["demo", "démo"],
        usage: "[nom]",
        help_fr: "la démo en direct de la section (de vrais processus), ou la démo nommée",
        help_en: "the section's live demo (real processes), or the named one",
        arg: Arg::Demo,
        run: super::live::demo,
    },
    CommandDef {
        names: &["run", "exécuter", "executer"],
        usage: "",
        help_fr: "exécuter l'exemple Python de la section avec python3",
        help_en: "run the section's Python example with python3",
        arg: Arg::None,
        run: super::live::run,
    },
    CommandDef {
        names: &["exercise", "exercice"],
        usage: "[reset] N",
        help_fr: "l'énoncé de l'exercice N et un fichier de départ à compléter (reset : le remettre, l'ancien gardé en .bak)",
        help_en: "exercise N's statement and a starter file to complete (reset: restore it, the old one kept as .bak)",
        arg: Arg::Exercise,
        run: super::exercises::exercise,
    },
    CommandDef {
        names: &["exercises", "exercices"],
        usage: "",
        help_fr: "tous les exercices, où vous en êtes, et le prochain à faire",
        help_en: "every exercise, where you stand, and the next one to do",
        arg: Arg::None,
        run: super::workflow::exercises,
    },
    CommandDef {
        names: &["edit", "éditer", "editer"],
        usage: "N",
        help_fr: "ouvrir votre fichier de l'exercice N dans $VISUAL / $EDITOR",
        help_en: "open your file of exercise N in $VISUAL / $EDITOR",
        arg: Arg::Exercise,
        run: super::workflow::edit,
    },
    CommandDef {
        names: &["check", "vérifier", "verifier"],
        usage: "N [fichier] [--only nom]",
        help_fr: "vérifier votre programme (dans un bac à sable) et expliquer ce qui ne va pas",
        help_en: "check your program (in a sandbox) and explain what is wrong",
        arg: Arg::ExerciseFile,
        run: super::exercises::check,
    },
    CommandDef {
        names: &["hint", "indice"],
        usage: "[N]",
        help_fr: "un indice pour l'exercice en cours",
        help_en: "a hint for the current exercise",
        arg: Arg::Exercise,
        run: super::exercises::hint,
    },
    CommandDef {
        names: &["watch", "surveiller"],
        usage: "N [fichier]",
        help_fr: "vérifier à chaque enregistrement du fichier (Ctrl-C arrête)",
        help_en: "check again on every save (Ctrl-C stops)",
        arg: Arg::ExerciseFile,
        run: super::exercises::watch,
    },
    CommandDef {
        names: &["progress", "progrès", "progres"],
        usage: "[reset]",
        help_fr: "votre progression (progress reset l'efface)",
        help_en: "your progress (progress reset clears it)",
        arg: Arg::Word(&["reset"]),
        run: progress,
    },
    CommandDef {
        names: &["lesson", "leçon", "lecon"],
        usage: "[N|slug|next|prev]",
        help_fr: "les leçons du cours, ou passer à l'une d'elles (next : la suivante)",
        help_en: "the course's lessons, or switch to one (next: the following one)",
        arg: Arg::Lesson,
        run: lesson,
    },
    CommandDef {
        names: &["reload", "recharger"],
        usage: "",
        help_fr: "relire les fichiers du cours (leçons, exercices) après une modification",
        help_en: "re-read the course files (lessons, exercises) after an edit",
        arg: Arg::None,
        run: reload,
    },
    CommandDef {
        names: &["quit", "quitter", "exit", "q"],
        usage: "",
        help_fr: "quitter (Ctrl-D aussi)",
        help_en: "quit (Ctrl-D too)",
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
            writeln!(out, "{}", unknown_command(word, session.lang))?;
            Ok(Flow::Continue)
        }
    }
}

/// "unknown command", with the closest one.
fn unknown_command(word: &str, lang: Lang) -> String {
    let lower = word.to_lowercase();
    let closest = COMMANDS
        .iter()
        .flat_map(|c| c.names.iter())
        .filter(|n| n.len() > 1)
        .map(|n| (strsim::damerau_levenshtein(&lower, n), *n))
        .min();
    let mut message = format!(
        "{} « {word} ».",
        lang.pick("Commande inconnue", "Unknown command")
    );
    if let Some((distance, name)) = closest
        && distance <= 2.max(lower.chars().count() / 3)
    {
        message.push_str(&format!(
            " {} « {name} » ?",
            lang.pick("Vouliez-vous dire", "Did you mean")
        ));
    }
    message.push_str(&format!(
        " ({})",
        lang.pick("tapez « aide » pour la liste", "type “help” for the list")
    ));
    message
}

fn help(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    writeln!(out, "{}", lang.pick("Commandes :", "Commands:"))?;
    for command in COMMANDS {
        let names = command
            .names
            .iter()
            .filter(|n| n.len() > 1)
            .copied()
            .collect::<Vec<_>>()
            .join(" / ");
        let usage = if command.usage.is_empty() {
            String::new()
        } else {
            format!(" {}", command.usage)
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
        for (i, line) in render::wrap_text(command.help(lang), room, room)
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
    let tail = lang.pick(
        "Entrée sur une ligne vide : section suivante. Ctrl-C efface la ligne (deux fois : quitter), Ctrl-D quitte.",
        "Enter on an empty line: next section. Ctrl-C clears the line (twice: quit), Ctrl-D quits.",
    );
    for line in render::wrap_text(tail, session.style.width, session.style.width) {
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
        let lang = session.lang;
        let text = lang.pick(
            "Fin de la leçon. Tapez « quiz » pour les questions clés, « toc » pour le sommaire, « leçon suivante » pour continuer.",
            "End of the lesson. Type “quiz” for the key questions, “toc” for the contents, “lesson next” to go on.",
        );
        for line in render::wrap_text(text, session.style.width, session.style.width) {
            writeln!(out, "{line}")?;
        }
    }
    Ok(Flow::Continue)
}

fn prev(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if session.section > 0 {
        session.goto(session.section - 1, out)?;
    } else {
        writeln!(
            out,
            "{}",
            session
                .lang
                .pick("Vous êtes à la première section.", "This is the first section.")
        )?;
    }
    Ok(Flow::Continue)
}

/// The section `args` names, or a message listing the anchors.
fn section_arg(session: &Session, args: &str, out: &mut dyn Write) -> Result<Option<usize>> {
    let lesson = session.current_lesson();
    match lesson.find_section(args) {
        Some(index) => Ok(Some(index)),
        None => {
            writeln!(out, "{}", unknown_anchor(lesson, args, session.lang))?;
            Ok(None)
        }
    }
}

fn goto(session: &mut Session, args: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    if args.is_empty() {
        writeln!(
            out,
            "{}",
            session.lang.pick(
                "Usage : goto N|ancre (voir « toc »)",
                "Usage: goto N|anchor (see “toc”)"
            )
        )?;
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
            writeln!(
                out,
                "{} : {}",
                session
                    .lang
                    .pick("Quel exercice ? Numéros", "Which exercise? Numbers"),
                if numbers.is_empty() {
                    "-".to_string()
                } else {
                    numbers.join(", ")
                }
            )?;
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
        None => writeln!(
            out,
            "{}",
            session.lang.pick(
                "Cet exercice n'a pas de solution dans la leçon.",
                "This exercise has no solution in the lesson."
            )
        )?,
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
            "{} « {other} » (progress | progress reset)",
            lang.pick("Argument inconnu", "Unknown argument")
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
            None => writeln!(
                out,
                "{}",
                session
                    .lang
                    .pick("Pas d'autre leçon dans ce sens.", "No other lesson that way.")
            )?,
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
        writeln!(out, "{}", lang.pick("Le cours intégré est compilé dans atelier : rien à relire (lancez atelier --course DOSSIER pour éditer un cours).", "The built-in course is compiled into atelier: nothing to re-read (start atelier --course DIR to edit a course)."))?;
        return Ok(Flow::Continue);
    }
    let course = match crate::course::Course::load(session.options.course_dir.as_deref()) {
        Ok(course) => course,
        Err(err) => {
            writeln!(out, "{err:#}")?;
            return Ok(Flow::Continue);
        }
    };
    for problem in &course.problems {
        writeln!(out, "{}", problem.word(lang))?;
    }
    if course.lessons.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Aucune leçon ne se charge : le cours précédent reste affiché.",
                "No lesson loads: keeping the previous course."
            )
        )?;
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
    writeln!(
        out,
        "{} : {}, {}.",
        lang.pick("Cours relu", "Course re-read"),
        lang.count(
            session.course.lessons.len(),
            "leçon",
            "leçons",
            "lesson",
            "lessons"
        ),
        lang.count(
            session.course.exercises.len(),
            "exercice",
            "exercices",
            "exercise",
            "exercises"
        )
    )?;
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
