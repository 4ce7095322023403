//! `atelier completions bash|zsh|fish|powershell|elvish`: a completion script generated from the
//! clap definitions, so that it never falls behind the commands.
use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use super::cli::{Cli, CompletionsArgs};

pub fn run(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    // Generated into memory first: clap_complete panics on a write error, and a closed pipe
    // (`atelier completions bash | head`) must stay quiet.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut Cli::command(), "atelier", &mut script);
    let mut out = io::stdout().lock();
    out.write_all(&script)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
