//! `atelier man`: the manual page, in roff, generated from the clap definitions
//! (`atelier man > ~/.local/share/man/man1/atelier.1`).
use std::io::{self, Write};
use std::process::ExitCode;

use clap::CommandFactory;

use super::cli::Cli;

pub fn run() -> anyhow::Result<ExitCode> {
    let mut page = Vec::new();
    clap_mangen::Man::new(Cli::command()).render(&mut page)?;
    let mut out = io::stdout().lock();
    out.write_all(&title_first(&String::from_utf8_lossy(&page)).into_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// The page with its `.TH` title line first, as man(7) pages begin: roff puts its apostrophe string
/// definitions (`.ie \n(.g .ds Aq …`) above it, and they work as well just below it.
fn title_first(page: &str) -> String {
    let mut lines: Vec<&str> = page.lines().collect();
    if let Some(at) = lines.iter().position(|l| l.starts_with(".TH ")) {
        let title = lines.remove(at);
        lines.insert(0, title);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::title_first;

    #[test]
    fn title_moves_to_the_top() {
        assert_eq!(
            title_first(".ie a\n.el b\n.TH atelier 1\n.SH NAME\n"),
            ".TH atelier 1\n.ie a\n.el b\n.SH NAME\n"
        );
        assert_eq!(title_first(".SH NAME\n"), ".SH NAME\n");
    }
}
