//! The `atelier` binary: parse the command line, hand it to the library, turn the result into an exit code.
use std::process::ExitCode;

fn main() -> ExitCode {
    atelier::run::main()
}
