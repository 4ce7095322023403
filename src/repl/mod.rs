//! The REPL: a short rustyline loop over one `COMMANDS` table. On a terminal it edits lines, completes
//! and keeps history; with piped stdin it runs the same commands line by line.
pub mod commands;
mod completion;
mod exercises;
pub mod input;
mod live;
mod quiz;
pub mod session;
pub mod workflow;

use std::io::{self, IsTerminal, Write};

use rustyline::error::ReadlineError;
use rustyline::history::{FileHistory, History};
use rustyline::{Config, Editor};

use commands::Flow;
use input::{Input, Lines, Read};
pub use session::ReplOptions;
use session::Session;

use anyhow::Result;

use crate::course::Course;
use crate::progress::Store;
use crate::render::{Style, terminal_rows};

/// Starts the REPL on `course` (which has at least one lesson) at the saved place, until the student
/// quits. Progress and history are the course's own.
pub fn start(options: ReplOptions, course: Course) -> Result<()> {
    let store = Store::for_course(options.course_dir.as_deref())?;
    let (progress, warning) = store.load();
    let store_history = store.history_path();
    let (mut session, resumed) = Session::new(options, course, progress, Some(store), Style::detect());
    let mut out = io::stdout().lock();
    if let Some(warning) = warning {
        writeln!(out, "atelier: {}", warning.word(session.lang))?;
    }
    let interactive = io::stdin().is_terminal() && io::stdout().is_terminal();
    if interactive {
        session.rows = terminal_rows();
        session.interactive = true;
    }
    greet(&mut session, resumed, &mut out)?;
    if interactive {
        let mut editor = LineEditor::new(&session, store_history)?;
        run_loop(&mut session, &mut editor, &mut out)?;
        editor.save_history();
    } else {
        let mut lines = Lines {
            reader: io::stdin().lock(),
        };
        run_loop(&mut session, &mut lines, &mut out)?;
    }
    Ok(())
}

fn greet(session: &mut Session, resumed: bool, out: &mut dyn Write) -> Result<()> {
    let lang = session.lang;
    writeln!(out, "{}\n", lang.text("repl-greeting"))?;
    if resumed {
        let anchor = session.current_section().map_or("", |s| s.anchor.as_str());
        let section = session.section + 1;
        let resuming = crate::msg!("repl-resuming", section = section, anchor = anchor).word(lang);
        writeln!(
            out,
            "{resuming}
"
        )?;
    } else {
        session.show_intro(out)?;
        writeln!(out)?;
    }
    session.show_current(out)
}

/// Reads, executes, until `quit`, Ctrl-D or two Ctrl-C in a row.
fn run_loop(session: &mut Session, input: &mut dyn Input, out: &mut dyn Write) -> Result<()> {
    let mut interrupted = false;
    loop {
        let prompt = session.prompt();
        match input.read(&prompt, out) {
            Read::Line(line) => {
                interrupted = false;
                if commands::execute(session, &line, out, input)? == Flow::Quit {
                    break;
                }
            }
            Read::Interrupted if interrupted => break,
            Read::Interrupted => {
                interrupted = true;
                writeln!(out, "{}", session.lang.text("repl-ctrl-c-again"))?;
            }
            Read::Eof => break,
        }
        out.flush()?;
    }
    writeln!(out, "{}", session.lang.text("repl-goodbye"))?;
    session.save(out)
}

/// rustyline with completion and a history file in the data directory.
struct LineEditor {
    editor: Editor<completion::Completer, FileHistory>,
    history: Option<std::path::PathBuf>,
}

impl LineEditor {
    fn new(session: &Session, history: std::path::PathBuf) -> Result<LineEditor> {
        let config = Config::builder()
            .auto_add_history(true)
            .max_history_size(1000)?
            .build();
        let mut editor = Editor::with_config(config)?;
        editor.set_helper(Some(completion::Completer::for_session(session)));
        let history = Some(history);
        if let Some(path) = &history {
            let _ = editor.load_history(path);
        }
        Ok(LineEditor { editor, history })
    }

    /// Writes the history to a temporary file, then renames it: a crash never leaves half a file.
    fn save_history(&mut self) {
        let Some(path) = &self.history else { return };
        let Some(dir) = path.parent() else { return };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        let tmp = path.with_extension("txt.tmp");
        if self.editor.history_mut().save(&tmp).is_ok() {
            let _ = std::fs::rename(&tmp, path);
        }
    }
}

impl Input for LineEditor {
    fn read(&mut self, prompt: &str, _out: &mut dyn Write) -> Read {
        let read = match self.editor.readline(prompt) {
            Ok(line) => Read::Line(line),
            Err(ReadlineError::Interrupted) => Read::Interrupted,
            Err(_) => Read::Eof,
        };
        // Keep the history on disk after every line, so a crash loses nothing.
        self.save_history();
        read
    }
}
