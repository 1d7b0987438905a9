//! `whosaid entities`: the table of who speaks in the input, in the format `--entities`
//! reads, so a journalist can correct it and feed it back.

use crate::args::EntitiesArgs;
use crate::pipeline::{self, Pipeline};
use crate::target::{writer, Target};
use anyhow::{Context, Result};
use std::io::BufWriter;
use std::process::ExitCode;
use whosaid::output::{CensusSink, Sink};

pub fn run(args: EntitiesArgs) -> Result<ExitCode> {
    let pipeline = Pipeline::new(&args.input)?;
    let target = Target::for_arg(args.output.as_deref())?;
    let mut sink = CensusSink::new(BufWriter::new(writer(target.as_ref())));
    let mut documents = pipeline::documents(&args.input.read);
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
