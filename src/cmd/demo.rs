//! `atelier demo [NAME] [--json] [--no-lock] [--runs N]`: lists the live demos, or runs one.
use std::io::{self, Write};
use std::process::ExitCode;

use atelier::demos::{DEMOS, DemoOptions, find, run_demo, write_list};
use atelier::i18n::Lang;
use atelier::style;
use serde_json::Value;

use super::Globals;
use super::cli::DemoArgs;

/// `atelier demo [NAME] [--json] [--no-lock] [--runs N]`.
pub fn run(globals: &Globals, args: &DemoArgs) -> anyhow::Result<ExitCode> {
    let mut lang = globals.lang(Lang::Fr);
    let mut stdout = io::stdout();
    // A `--course` folder offers only the demos its lessons link (none for a course of another topic).
    let course_demos = match &globals.course_dir {
        Some(dir) => {
            let course = atelier::course::Course::load(Some(dir))?;
            lang = globals.lang_for(course.lessons.first());
            Some(course.demos())
        }
        None => None,
    };
    let offered = |d: &&atelier::demos::Demo| {
        course_demos
            .as_ref()
            .is_none_or(|names| names.iter().any(|n| n == d.name))
    };
    let Some(name) = &args.name else {
        if course_demos.as_ref().is_some_and(Vec::is_empty) && !args.json {
            writeln!(stdout, "{}", lang.text("demo-course-has-none"))?;
        } else if args.json || course_demos.is_some() {
            let list: Vec<Value> = DEMOS
                .iter()
                .filter(offered)
                .map(|d| {
                    serde_json::json!({"name": d.name, "section": d.section, "description": d.description(lang)})
                })
                .collect();
            if args.json {
                // An object (not a bare list) so that it carries `schema_version` like every document.
                let doc = atelier::schema::versioned(&serde_json::json!({ "demos": list }))?;
                writeln!(stdout, "{}", serde_json::to_string_pretty(&doc)?)?;
            } else {
                for d in DEMOS.iter().filter(offered) {
                    writeln!(stdout, "  {:14} {}", d.name, d.description(lang))?;
                }
            }
        } else {
            write_list(&mut stdout, lang)?;
        }
        return Ok(ExitCode::SUCCESS);
    };
    let Some(demo) = find(name).filter(|d| offered(d)) else {
        if let Some(names) = &course_demos {
            let names = if names.is_empty() {
                "-".to_string()
            } else {
                names.join(", ")
            };
            anyhow::bail!(
                "{}",
                lang.word(&atelier::msg!("demo-not-in-course", name = name, names = names))
            );
        }
        let mut list = Vec::new();
        write_list(&mut list, lang)?;
        let list = String::from_utf8_lossy(&list);
        let list = list.trim_end();
        let closest = DEMOS
            .iter()
            .map(|d| (strsim::levenshtein(name, d.name), d.name))
            .min()
            .filter(|(distance, _)| *distance <= 3);
        let hint = closest.map_or_else(String::new, |(_, near)| {
            format!(" {}", atelier::msg!("demo-did-you-mean", name = near).word(lang))
        });
        let unknown = atelier::msg!("demo-unknown", name = name, hint = hint, list = list);
        anyhow::bail!("{}", unknown.word(lang));
    };
    let opts = DemoOptions {
        json: args.json,
        no_lock: args.no_lock,
        runs: args.runs,
        lang,
        color: style::stdout_color(),
        prediction: None,
    };
    let figures = run_demo(demo, &opts, &mut stdout)?;
    if args.json {
        writeln!(
            stdout,
            "{}",
            serde_json::to_string_pretty(&atelier::schema::versioned(&figures)?)?
        )?;
    }
    Ok(ExitCode::SUCCESS)
}
