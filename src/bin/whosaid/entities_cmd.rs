//! `whosaid entities`: the table of who speaks in the input, in the format `--entities`
//! reads, so a journalist can correct it and feed it back.

use crate::args::InputArgs;
use crate::pipeline::{self, Pipeline};
use crate::{writer, Target};
use anyhow::{Context, Result};
use std::io::BufWriter;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::output::{CensusSink, Sink};

// The input arguments are `extract`'s, some worded for this command.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("inputs", |a| a.help("Files or directories to read; `-` or none reads stdin")),
    mut_arg("id_field", |a| a.help("JSONL field holding a document's id")),
    mut_arg("entities", |a| {
        a.help("An entity table to start from (CSV: id,name,kind,aliases,title,affiliation)")
    })
)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Write to FILE (complete or not at all) instead of stdout
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
}

pub fn run(args: EntitiesArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&args.input)?;
    let target = Target::for_arg(args.output.as_deref())?;
    let mut sink = CensusSink::new(BufWriter::new(writer(target.as_ref())));
    let mut documents = pipeline::documents(&args.input);
    let all_read = pipeline.run(
        &mut documents,
        |_| (),
        |_, _| {},
        |(), doc, attributions| Ok(sink.write(&doc, &attributions)?),
    )?;
    sink.finish().context("cannot write the entity table")?;
    drop(sink);
    if let Some(target) = target {
        target.persist()?;
    }
    Ok(ExitCode::from(if all_read { 0 } else { 1 }))
}
