//! The REPL's live commands: `demo [NAME]` (the current section's demo, real processes) and `run`
//! (the section's own Python example, with python3).
use std::io::Write;
use std::time::Duration;

use super::commands::{Flow, ask};
use super::input::Input;
use super::session::Session;
use crate::course::Block;
use crate::demos::{self, Demo, DemoOptions};
use crate::msg;
use anyhow::Result;

/// How long a lesson example may run before it is stopped.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// The demos the current section links (a course offers only the demos its lessons link).
fn section_demos(session: &Session) -> Vec<&'static Demo> {
    let Some(section) = session.current_section() else {
        return Vec::new();
    };
    section
        .demos
        .iter()
        .filter_map(|name| demos::find(name))
        .collect()
}

/// The demos of the whole course, each with what it shows; or that the course has none.
fn write_course_demos(session: &Session, out: &mut dyn Write) -> Result<()> {
    let lang = session.lang;
    let linked: Vec<&'static Demo> = session
        .course
        .demos()
        .iter()
        .filter_map(|name| demos::find(name))
        .collect();
    if linked.is_empty() {
        writeln!(out, "{}", lang.text("repl-no-demo-in-course"))?;
        return Ok(());
    }
    writeln!(out, "{}", lang.text("repl-course-demos"))?;
    let width = linked.iter().map(|d| d.name.len()).max().unwrap_or(0);
    for demo in linked {
        writeln!(out, "  {:width$}  {}", demo.name, demo.description(lang))?;
    }
    Ok(())
}

/// `demo [NAME] [--no-lock] [--runs N]`: runs the named demo, or the current section's.
pub fn demo(session: &mut Session, args: &str, out: &mut dyn Write, input: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    let mut words = args.split_whitespace();
    let mut name = None;
    let mut opts = DemoOptions {
        lang,
        color: session.style.color,
        ..DemoOptions::default()
    };
    while let Some(word) = words.next() {
        match word {
            "--no-lock" | "--sans-verrou" => opts.no_lock = true,
            "--runs" => opts.runs = words.next().and_then(|n| n.parse().ok()),
            other => name = Some(other.to_string()),
        }
    }
    let demo = match &name {
        Some(name) if session.course.demos().iter().any(|d| d == name) => demos::find(name),
        Some(_) => None,
        None => section_demos(session).first().copied(),
    };
    let Some(demo) = demo else {
        match &name {
            Some(name) => writeln!(out, "{}", msg!("repl-unknown-demo", name = name).word(lang))?,
            None => writeln!(out, "{}", lang.text("repl-no-demo-here"))?,
        }
        write_course_demos(session, out)?;
        return Ok(Flow::Continue);
    };
    if demo.name == "counter" && name.is_none() {
        // The race is the lesson: predict first, then see 20 unlocked runs, then the locked one.
        let prompt = format!("{} › ", demos::counter_prediction_prompt(lang).trim_end());
        let answer = ask(input, &prompt, out);
        opts.prediction = answer.and_then(|a| a.trim().parse().ok());
        opts.no_lock = true;
        opts.runs = Some(20);
        run_one(demo, &opts, out)?;
        let locked = DemoOptions {
            no_lock: false,
            runs: None,
            prediction: None,
            ..opts
        };
        run_one(demo, &locked, out)?;
    } else {
        run_one(demo, &opts, out)?;
    }
    let others: Vec<&str> = section_demos(session)
        .iter()
        .map(|d| d.name)
        .filter(|n| *n != demo.name)
        .collect();
    if name.is_none() && !others.is_empty() {
        let others = msg!("repl-other-demos", names = others.join(", "));
        writeln!(out, "{}", others.word(lang))?;
    }
    Ok(Flow::Continue)
}

/// Runs one demo; an interruption or a failure is said, and the REPL goes on.
fn run_one(demo: &Demo, opts: &DemoOptions, out: &mut dyn Write) -> Result<()> {
    if let Err(err) = demos::run_demo(demo, opts, out) {
        writeln!(out, "demo {} : {err:#}", demo.name)?;
    }
    Ok(())
}

/// `run`: the current section's Python example, run with python3.
pub fn run(session: &mut Session, _: &str, out: &mut dyn Write, _: &mut dyn Input) -> Result<Flow> {
    let lang = session.lang;
    let code = session.current_section().and_then(|section| {
        section.blocks.iter().find_map(|block| match block {
            Block::Code { lang, code, .. } if lang == "python" || lang == "py" => Some(code.clone()),
            _ => None,
        })
    });
    let Some(code) = code else {
        writeln!(out, "{}", lang.text("repl-no-example"))?;
        return Ok(Flow::Continue);
    };
    writeln!(out, "{}", lang.text("repl-run-start"))?;
    match demos::run_python(&code, lang, RUN_LIMIT, out) {
        Ok(code) => writeln!(out, "{}", msg!("repl-exit-code", code = code).word(lang))?,
        Err(err) => writeln!(out, "{}", crate::i18n::worded_error(&err, lang))?,
    }
    Ok(Flow::Continue)
}
