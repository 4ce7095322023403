//! Checks on what the run did and on the numbers it printed: exit status, numbers and expressions,
//! processes started, busy processes, CPU parallelism, wall time, streaming.
use evalexpr::Value;
use regex::Regex;

use super::text::{normalise, stream_text};
use super::{Observed, Outcome, Vars, show_value};
use crate::grader::spec::StreamName;
use crate::i18n::Lang;
use crate::sandbox::{RunReport, RunStatus, Stream};

pub fn exit_status(report: &RunReport, code: i32, lang: Lang) -> Outcome {
    if let Some(signal) = report.signal {
        return Outcome::fail(format!(
            "{} {signal}{}",
            lang.pick(
                "le programme a été tué par le signal",
                "the program was killed by signal"
            ),
            status_note(report, lang)
        ));
    }
    match report.exit_code {
        Some(c) if c == code => Outcome::pass(format!("{} {c}", lang.pick("code de sortie", "exit code"))),
        Some(c) => {
            let mut message = format!(
                "{} {c}, {} {code}",
                lang.pick("code de sortie", "exit code"),
                lang.pick("attendu", "expected")
            );
            if c != 0 && report.stderr.contains("Traceback") {
                message.push_str(lang.pick(
                    " : le programme a levé une exception (lisez la dernière ligne de stderr)",
                    ": the program raised an exception (read the last line of stderr)",
                ));
            }
            message.push_str(&status_note(report, lang));
            let tail: Vec<&str> = report.stderr.lines().rev().take(8).collect();
            let tail: Vec<&str> = tail.into_iter().rev().collect();
            Outcome::fail(message).with_texts(format!("exit {code}"), tail.join("\n"))
        }
        None => Outcome::fail(format!(
            "{}{}",
            lang.pick(
                "le programme n'a pas terminé normalement",
                "the program did not end normally"
            ),
            status_note(report, lang)
        )),
    }
}

/// Why the sandbox stopped the run, when it did.
fn status_note(report: &RunReport, lang: Lang) -> String {
    let what = match report.status {
        RunStatus::Ok | RunStatus::Signal => return String::new(),
        RunStatus::Timeout => lang.pick("temps dépassé", "time limit exceeded"),
        RunStatus::MemoryLimit => lang.pick("mémoire dépassée", "memory limit exceeded"),
        RunStatus::ProcessLimit => lang.pick(
            "trop de processus (une bombe fork ?)",
            "too many processes (a fork bomb?)",
        ),
        RunStatus::OutputLimit => lang.pick("sortie trop longue", "too much output"),
        RunStatus::InternalError => lang.pick("erreur interne du bac à sable", "sandbox internal error"),
        RunStatus::Interrupted => lang.pick("interrompu (Ctrl-C)", "interrupted (Ctrl-C)"),
    };
    match &report.detail {
        Some(detail) => format!(" ({what}: {detail})"),
        None => format!(" ({what})"),
    }
}

pub fn number(vars: &Vars, var: &str, expected: f64, tolerance: f64, lang: Lang) -> Outcome {
    let Some(got) = vars.number(var) else {
        return Outcome::fail(format!(
            "{} `{var}` {}",
            lang.pick("la valeur", "the value"),
            lang.pick(
                "n'a pas été trouvée dans la sortie (la ligne attendue manque ou n'a pas la bonne forme)",
                "was not found in the output (the expected line is missing or has another form)"
            )
        ));
    };
    let shown = vars.get(var).map(show_value).unwrap_or_default();
    let want = show_value(&Value::Float(expected));
    let ok = (got - expected).abs() <= tolerance;
    let tol = if tolerance > 0.0 {
        format!(" ± {}", show_value(&Value::Float(tolerance)))
    } else {
        String::new()
    };
    let outcome = Outcome::judge(
        ok,
        format!(
            "{var} = {shown} ({} {want}{tol})",
            lang.pick("attendu", "expected")
        ),
    );
    if ok {
        outcome
    } else {
        outcome.with_texts(want, shown)
    }
}

pub fn expression(vars: &Vars, expr: &str, lang: Lang) -> Outcome {
    match vars.eval(expr, lang) {
        Ok(Value::Boolean(ok)) => {
            let values = vars.describe(expr);
            let verdict = if ok {
                lang.pick("vrai", "true")
            } else {
                lang.pick("faux", "false")
            };
            Outcome::judge(ok, format!("{expr} : {verdict} ({values})"))
        }
        Ok(other) => Outcome::fail(format!(
            "{expr} = {}, {}",
            show_value(&other),
            lang.pick("pas vrai/faux", "not true/false")
        )),
        Err(e) => Outcome::fail(format!("{expr} : {e}")),
    }
}

pub fn processes(obs: &Observed, vars: &Vars, min: Option<u32>, max: Option<&str>, lang: Lang) -> Outcome {
    let n = obs.report.processes;
    let max_n = match max {
        None => None,
        Some(expr) => match vars.eval(expr, lang) {
            Ok(Value::Int(i)) => Some(i.max(0) as u32),
            Ok(Value::Float(f)) => Some(f.max(0.0) as u32),
            Ok(other) => return Outcome::fail(format!("max: {expr} = {other}")),
            Err(e) => return Outcome::fail(format!("max: {expr}: {e}")),
        },
    };
    let started = format!(
        "{n} {} ({} {})",
        lang.pick(
            "processus lancé(s), le programme principal compris",
            "processes started, the main program included"
        ),
        lang.pick("attendu", "expected"),
        super::text::bounds(min, max_n, lang)
    );
    if min.is_some_and(|m| n < m) {
        let why = if n <= 1 {
            lang.pick(
                " : le programme n'a créé aucun processus (des threads ou un calcul direct ne comptent pas)",
                ": the program created no process (threads or a direct computation do not count)",
            )
        } else {
            ""
        };
        // Observed inexactly, the count is a lower bound: short of `min`, it proves nothing.
        if let Some(inexact) = obs.inexact() {
            return Outcome::no_instrument(format!("{started} ; {}", super::cannot_judge(&inexact, lang)));
        }
        return Outcome::fail(format!("{started}{why}"));
    }
    // A lower bound above `max` is a certain failure; below it, the true count may still be above.
    if max_n.is_some_and(|m| n > m) {
        return Outcome::fail(format!(
            "{started}{}",
            lang.pick(
                " : trop de processus, un par tâche coûte cher (un Pool réutilise ses ouvriers)",
                ": too many processes, one per task is costly (a Pool reuses its workers)",
            )
        ));
    }
    if let (Some(_), Some(inexact)) = (max_n, obs.inexact()) {
        return Outcome::no_instrument(format!("{started} ; {}", super::cannot_judge(&inexact, lang)));
    }
    Outcome::pass(started)
}

pub fn busy_processes(obs: &Observed, min: u32, share: f64, at_once: bool, lang: Lang) -> Outcome {
    let busy = if at_once {
        obs.busy_at_once(share)
    } else {
        obs.busy_processes(share)
    };
    let mut per: Vec<f64> = obs.report.trace.iter().map(|p| p.cpu_s).collect();
    per.sort_by(|a, b| b.total_cmp(a));
    let per: Vec<String> = per.iter().take(8).map(|c| format!("{c:.2}s")).collect();
    let message = format!(
        "{busy} {} {:.0} % {}{} ({} {min}) ; CPU : {}",
        lang.pick(
            "processus ont fait chacun au moins",
            "processes each did at least"
        ),
        share * 100.0,
        lang.pick("du calcul", "of the computation"),
        if at_once {
            lang.pick(", en même temps", ", at the same time")
        } else {
            ""
        },
        lang.pick("attendu au moins", "expected at least"),
        per.join(", ")
    );
    if busy >= min {
        // Observed inexactly, CPU times and lifetimes are lower bounds: a pass stays certain.
        Outcome::pass(message)
    } else if let Some(inexact) = obs.inexact() {
        Outcome::no_instrument(format!("{message} ; {}", super::cannot_judge(&inexact, lang)))
    } else {
        Outcome::fail(format!(
            "{message}{}",
            if at_once && obs.busy_processes(share) >= min {
                lang.pick(
                    " : les processus ont travaillé l'un après l'autre, pas en même temps",
                    ": the processes worked one after the other, not at the same time",
                )
            } else {
                lang.pick(
                    " : le calcul n'a pas été réparti entre plusieurs processus",
                    ": the computation was not shared between several processes",
                )
            }
        ))
    }
}

pub fn parallelism(obs: &Observed, min: f64, lang: Lang) -> Outcome {
    let p = obs.report.parallelism();
    let message = format!(
        "{} {p:.2} ({:.2} s CPU / {:.2} s) ; {} {min:.2}",
        lang.pick("parallélisme", "parallelism"),
        obs.report.cpu_s,
        obs.report.wall_s,
        lang.pick("attendu au moins", "expected at least")
    );
    if p >= min {
        Outcome::pass(message)
    } else {
        Outcome::fail(format!(
            "{message}{}",
            lang.pick(
                " : un seul cœur travaillait à la fois",
                ": only one core was working at a time",
            )
        ))
    }
}

pub fn wall_time(obs: &Observed, vars: &Vars, min: Option<&str>, max: Option<&str>, lang: Lang) -> Outcome {
    let wall = obs.report.wall_s;
    let number = |expr: &str| -> Result<f64, String> {
        match vars.eval(expr, lang)? {
            Value::Int(i) => Ok(i as f64),
            Value::Float(f) => Ok(f),
            other => Err(format!("{expr} = {other}")),
        }
    };
    let mut parts = vec![format!(
        "{} {wall:.2} s",
        lang.pick("durée réelle", "real duration")
    )];
    if let Some(expr) = min {
        match number(expr) {
            Ok(bound) if wall >= bound => parts.push(format!("≥ {expr} = {bound:.2} s")),
            Ok(bound) => {
                return Outcome::fail(format!(
                    "{} < {expr} = {bound:.2} s ({}){}",
                    parts[0],
                    vars.describe(expr),
                    lang.pick(
                        " : les durées affichées sont plus longues que l'exécution elle-même, elles ne sont pas mesurées",
                        ": the printed durations are longer than the run itself, they were not measured",
                    )
                ));
            }
            Err(e) => return Outcome::fail(e),
        }
    }
    if let Some(expr) = max {
        match number(expr) {
            Ok(bound) if wall <= bound => parts.push(format!("≤ {expr} = {bound:.2} s")),
            Ok(bound) => {
                return Outcome::fail(format!(
                    "{} > {expr} = {bound:.2} s ({}){}",
                    parts[0],
                    vars.describe(expr),
                    lang.pick(
                        " : l'exécution a duré bien plus que ce que le programme a mesuré",
                        ": the run lasted much longer than what the program measured",
                    )
                ));
            }
            Err(e) => return Outcome::fail(e),
        }
    }
    Outcome::pass(parts.join(" "))
}

/// Result lines closer together than this came in one burst (printed together).
const ONE_BURST_S: f64 = 0.1;

pub fn streaming(
    report: &RunReport,
    stream: StreamName,
    matching: &str,
    first_before: f64,
    lang: Lang,
) -> Outcome {
    let Ok(re) = Regex::new(matching) else {
        return Outcome::fail(format!("/{matching}/ ?"));
    };
    let want = match stream {
        StreamName::Stdout => Stream::Stdout,
        StreamName::Stderr => Stream::Stderr,
    };
    let arrivals: Vec<f64> = report
        .lines
        .iter()
        .filter(|l| l.stream == want && re.is_match(&normalise(&l.text, false, false)))
        .map(|l| l.at_s)
        .collect();
    let end = report.wall_s.max(1e-6);
    let Some(first) = arrivals.iter().copied().reduce(f64::min) else {
        let _ = stream_text(report, stream);
        return Outcome::fail(format!(
            "{} /{matching}/",
            lang.pick(
                "aucune ligne de résultat ne correspond à",
                "no result line matches"
            )
        ));
    };
    let last = arrivals.iter().copied().fold(first, f64::max);
    let message = format!(
        "{} {first:.2} s ({:.0} % {}), {} {last:.2} s ; {} {:.0} %",
        lang.pick("premier résultat à", "first result at"),
        100.0 * first / end,
        lang.pick("de l'exécution", "of the run"),
        lang.pick("dernier à", "last at"),
        lang.pick("attendu avant", "expected before"),
        100.0 * first_before
    );
    // Results that all came in one burst were printed at the end, whatever share of a very short
    // run (a hard-coded program's 20 ms, mostly interpreter start and exit) the burst fell at: the
    // share alone is a weak witness there. Real work spreads its results (the pool's waves are
    // 0.5 s apart in 43.2), far beyond this margin.
    let one_burst = arrivals.len() > 1 && last - first < ONE_BURST_S;
    if first / end <= first_before && !one_burst {
        Outcome::pass(message)
    } else if one_burst {
        Outcome::fail(format!(
            "{message}{}",
            lang.pick(
                " : les résultats sont tous arrivés ensemble, pas au fur et à mesure",
                ": the results all came together, not as they were ready",
            )
        ))
    } else {
        Outcome::fail(format!(
            "{message}{}",
            lang.pick(
                " : les résultats sont arrivés tous à la fin, pas au fur et à mesure",
                ": the results all came at the end, not as they were ready",
            )
        ))
    }
}
