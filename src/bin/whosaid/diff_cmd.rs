//! (stub: being written)

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct DiffArgs {}

pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
