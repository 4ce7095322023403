//! The `atelier` binary: parse the command line, hand it to the library, turn the result into an exit code.
#![deny(unsafe_code)]

mod cmd;

use std::process::ExitCode;

fn main() -> ExitCode {
    cmd::main()
}
