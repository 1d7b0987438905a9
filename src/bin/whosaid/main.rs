//! The whosaid binary: parse the arguments, hand them to their command's file
//! (`*_cmd.rs`), map the outcome to an exit status. Everything that decides anything lives
//! in the library; the commands only wire inputs to the extractor and a printer.
//!
//! Documents are extracted in parallel in bounded batches and written in input order, so
//! the output is the same bytes for any `-j` and memory stays flat on any corpus size: see
//! [`pipeline`], which every command that reads a corpus runs.

mod args;
mod compare_cmd;
mod diff_cmd;
mod entities_cmd;
mod extract_cmd;
mod pipeline;
mod progress;
mod report;
mod snapshot;
mod target;
mod text_cmd;

use args::{Args, Command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Args { command } = Args::parse();
    let result = match command {
        Command::Extract(args) => {
            extract_cmd::run(args).map(|ok| ExitCode::from(if ok { 0 } else { 1 }))
        }
        Command::Entities(args) => entities_cmd::run(args),
        Command::Diff(args) => diff_cmd::run(args),
        Command::Compare(args) => compare_cmd::run_compare(args),
        Command::Check(args) => compare_cmd::run_check(args),
        Command::Text(args) => text_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        // A reader closed the pipe (`whosaid extract | head`): it has what it wanted.
        Err(err) if report::is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report::report(&err);
            ExitCode::from(2)
        }
    }
}

// glibc's malloc serialises the workers on its arenas (-j 2 ran 1.8x, not 2x, of -j 1) and
// extraction allocates many small vectors per sentence.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
