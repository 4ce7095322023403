//! `atelier doctor [--json]`: what this machine allows; exit 0 when verdicts are exact here, 1 when not.
use std::io::{self, Write};
use std::process::ExitCode;

use super::cli::DoctorArgs;

/// `atelier doctor [--json]`.
pub fn run(globals: &super::Globals, args: &DoctorArgs) -> anyhow::Result<ExitCode> {
    // The machine's report, in the language of the messages (French, the courses', by default).
    let lang = globals.lang(atelier::i18n::Lang::Fr);
    let report = atelier::sandbox::doctor();
    let mut out = io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report.worded(lang))?;
        writeln!(out)?;
    } else {
        out.write_all(report.to_text(lang).as_bytes())?;
    }
    Ok(ExitCode::from(if report.exact { 0 } else { 1 }))
}
