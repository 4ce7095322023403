//! `atelier demo [NAME] [--json] [--no-lock] [--runs N]`: lists the live demos, or runs one.
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use atelier::demos::{DEMOS, DemoOptions, find, run_demo, write_list};
use atelier::i18n::Lang;
use serde_json::Value;

use super::Globals;
use super::cli::DemoArgs;

/// `atelier demo [NAME] [--json] [--no-lock] [--runs N]`.
pub fn run(globals: &Globals, args: &DemoArgs) -> anyhow::Result<ExitCode> {
    let lang = globals.lang(Lang::Fr);
    let mut stdout = io::stdout();
    let Some(name) = &args.name else {
        if args.json {
            let list: Vec<Value> = DEMOS
                .iter()
                .map(|d| {
                    serde_json::json!({"name": d.name, "section": d.section, "description": d.description(lang)})
                })
                .collect();
            writeln!(stdout, "{}", serde_json::to_string_pretty(&list)?)?;
        } else {
            write_list(&mut stdout, lang)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(demo) = find(name) else {
        let mut list = Vec::new();
        write_list(&mut list, lang)?;
        let list = String::from_utf8_lossy(&list);
        let list = list.trim_end();
        let closest = DEMOS
            .iter()
            .map(|d| (strsim::levenshtein(name, d.name), d.name))
            .min()
            .filter(|(distance, _)| *distance <= 3);
        let hint = match (closest, lang) {
            (Some((_, near)), Lang::Fr) => format!(" Vouliez-vous dire « {near} » ?"),
            (Some((_, near)), Lang::En) => format!(" Did you mean '{near}'?"),
            (None, _) => String::new(),
        };
        anyhow::bail!(
            "{}",
            match lang {
                Lang::Fr => format!("démo inconnue « {name} ».{hint} Les démos :\n{list}"),
                Lang::En => format!("unknown demo '{name}'.{hint} The demos:\n{list}"),
            }
        );
    };
    let opts = DemoOptions {
        json: args.json,
        no_lock: args.no_lock,
        runs: args.runs,
        lang,
        color: stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        prediction: None,
    };
    let figures = run_demo(demo, &opts, &mut stdout)?;
    if args.json {
        writeln!(stdout, "{}", serde_json::to_string_pretty(&figures)?)?;
    }
    Ok(ExitCode::SUCCESS)
}
