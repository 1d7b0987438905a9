//! (stub: being written)

use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {}

pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
