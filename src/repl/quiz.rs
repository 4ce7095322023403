//! `quiz`: each key question, the student's answer, the model answer, and the student's own verdict
//! (self-assessment against the model answer, as flash cards do: a free-text answer in French is
//! better judged by its author with the model in front of them than by word matching).
use std::io::Write;

use super::commands::{Flow, ask};
use super::input::Input;
use super::session::Session;
use crate::msg;
use crate::progress::QuizAnswer;
use anyhow::Result;

pub fn quiz(session: &mut Session, _: &str, out: &mut dyn Write, input: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    let lesson = session.current_lesson().clone();
    if lesson.questions.is_empty() {
        writeln!(out, "{}", lang.text("repl-quiz-none"))?;
        return Ok(Flow::Continue);
    }
    let total = lesson.questions.len();
    let mut right = 0;
    for (index, question) in lesson.questions.iter().enumerate() {
        let width = session.style.width;
        writeln!(out)?;
        let text = msg!(
            "repl-quiz-question",
            index = index + 1,
            total = total,
            question = &question.question
        )
        .word(lang);
        for line in crate::render::wrap_text(&text, width, width) {
            writeln!(out, "{line}")?;
        }
        let Some(answer) = ask(input, &lang.text("repl-quiz-your-answer"), out) else {
            writeln!(out, "{}", lang.text("repl-quiz-stopped"))?;
            break;
        };
        let text = msg!("repl-quiz-model-answer", answer = &question.answer).word(lang);
        for line in crate::render::wrap_text(&text, width, width) {
            writeln!(out, "{line}")?;
        }
        let correct = loop {
            let Some(verdict) = ask(input, &lang.text("repl-quiz-were-you-right"), out) else {
                break None;
            };
            match verdict.trim().to_lowercase().as_str() {
                "o" | "oui" | "y" | "yes" => break Some(true),
                "n" | "non" | "no" => break Some(false),
                _ => writeln!(out, "{}", lang.text("repl-quiz-yes-or-no"))?,
            }
        };
        let Some(correct) = correct else {
            writeln!(out, "{}", lang.text("repl-quiz-stopped"))?;
            break;
        };
        right += usize::from(correct);
        session
            .progress
            .lesson_mut(&lesson.slug)
            .quiz
            .insert(question.number, QuizAnswer { answer, correct });
        session.save(out)?;
    }
    let recorded = session
        .progress
        .lesson_mut(&lesson.slug)
        .quiz
        .values()
        .filter(|a| a.correct)
        .count();
    let score = msg!(
        "repl-quiz-score",
        right = right,
        recorded = recorded,
        total = total
    );
    writeln!(out, "\n{}", score.word(lang))?;
    Ok(Flow::Continue)
}

#[cfg(test)]
mod tests {
    use super::super::input::Lines;
    use super::super::session::tests::session;
    use super::*;

    #[test]
    fn records_each_answer() {
        let mut s = session();
        let answers = "le GIL\no\nje ne sais pas\nn\nisolée\noui\n";
        let mut input = Lines {
            reader: answers.as_bytes(),
        };
        let mut out = Vec::new();
        quiz(&mut s, "", &mut out, &mut input).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("Réponse modèle"), "{text}");
        assert!(
            text.contains("Quiz interrompu"),
            "input ended before question 4: {text}"
        );
        let quiz = &s.progress.lessons["43-multiprocessing"].quiz;
        assert_eq!(quiz.len(), 3);
        assert!(quiz[&1].correct && !quiz[&2].correct && quiz[&3].correct);
        assert_eq!(quiz[&1].answer, "le GIL");
    }
}
