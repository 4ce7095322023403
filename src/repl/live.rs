//! The REPL's live commands: `demo [NAME]` (the current section's demo, real processes) and `run`
//! (the section's own Python example, with python3).
use std::io::Write;
use std::time::Duration;

use super::commands::{Flow, ask};
use super::input::Input;
use super::session::Session;
use crate::course::Block;
use crate::demos::{self, Demo, DemoOptions};
use anyhow::Result;

/// How long a lesson example may run before it is stopped.
const RUN_LIMIT: Duration = Duration::from_secs(60);

/// The demos linked to the current section: the lesson's links first, then the demo table's.
fn section_demos(session: &Session) -> Vec<&'static Demo> {
    let section = &session.current_lesson().sections[session.section];
    let mut found: Vec<&'static Demo> = section
        .demos
        .iter()
        .filter_map(|name| demos::find(name))
        .collect();
    for demo in demos::for_section(&section.anchor) {
        if !found.iter().any(|d| d.name == demo.name) {
            found.push(demo);
        }
    }
    found
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
        Some(name) => demos::find(name),
        None => section_demos(session).first().copied(),
    };
    let Some(demo) = demo else {
        match &name {
            Some(name) => writeln!(
                out,
                "{} « {name} ». {} :",
                lang.pick("Démo inconnue", "Unknown demo"),
                lang.pick("Les démos", "The demos")
            )?,
            None => writeln!(
                out,
                "{} :",
                lang.pick(
                    "Pas de démo pour cette section. Les démos",
                    "No demo for this section. The demos"
                )
            )?,
        }
        demos::write_list(out, lang)?;
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
        writeln!(
            out,
            "{} : {}",
            lang.pick(
                "Autre démo de cette section (demo NOM)",
                "Another demo of this section (demo NAME)"
            ),
            others.join(", ")
        )?;
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
    let section = &session.current_lesson().sections[session.section];
    let code = section.blocks.iter().find_map(|block| match block {
        Block::Code { lang, code, .. } if lang == "python" || lang == "py" => Some(code.clone()),
        _ => None,
    });
    let Some(code) = code else {
        writeln!(
            out,
            "{}",
            lang.pick(
                "Cette section n'a pas d'exemple Python à exécuter (pour un exercice : « solution N » puis « check N »).",
                "This section has no Python example to run (for an exercise: “solution N”, then “check N”)."
            )
        )?;
        return Ok(Flow::Continue);
    };
    writeln!(
        out,
        "{}",
        lang.pick(
            "▶ python3 exemple.py (Ctrl-C pour arrêter)",
            "▶ python3 example.py (Ctrl-C to stop)"
        )
    )?;
    match demos::run_python(&code, lang, RUN_LIMIT, out) {
        Ok(code) => writeln!(out, "{} {code}", lang.pick("◀ code de sortie", "◀ exit code"))?,
        Err(err) => writeln!(out, "{err:#}")?,
    }
    Ok(Flow::Continue)
}
