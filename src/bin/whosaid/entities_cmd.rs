//! `whosaid entities`: the table of who speaks in the input, in the format `--entities`
//! reads, so a journalist can correct it and feed it back.

use crate::{build_extractor, next_batch, report, Target};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::entities::CensusSink;
use whosaid::input::{Input, Reader};
use whosaid::output::Sink;

#[derive(Debug, clap::Args)]
pub struct EntitiesArgs {
    /// Files or directories to read; `-` or none reads stdin
    #[arg(value_name = "INPUT", help_heading = "Input")]
    pub inputs: Vec<PathBuf>,

    /// JSONL field holding a document's id
    #[arg(
        long,
        value_name = "NAME",
        default_value = "id",
        help_heading = "Input"
    )]
    pub id_field: String,

    /// JSONL field holding a document's text
    #[arg(
        long,
        value_name = "NAME",
        default_value = "text",
        help_heading = "Input"
    )]
    pub text_field: String,

    /// An entity table to start from (CSV: id,name,kind,aliases,title,affiliation)
    #[arg(long, value_name = "FILE.csv", help_heading = "Input")]
    pub entities: Option<PathBuf>,

    /// Write to FILE (complete or not at all) instead of stdout
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Worker threads [default: one per core]
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Do not report inputs that fail (the exit status still does)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: EntitiesArgs) -> Result<ExitCode> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .context("cannot start worker threads")?;
    let extractor = build_extractor(args.entities.as_deref(), args.quiet)?;
    let target = match &args.output {
        Some(path) if path.as_os_str() != "-" => Some(Target::create(path)?),
        _ => None,
    };
    let out: Box<dyn Write> = match &target {
        Some(target) => Box::new(target.file.as_file()),
        None => Box::new(io::stdout().lock()),
    };
    let mut sink = CensusSink::new(BufWriter::new(out));
    let inputs = if args.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        args.inputs.into_iter().map(Input::from_arg).collect()
    };
    let reader = Reader::new()
        .id_field(args.id_field)
        .text_field(args.text_field);
    let mut documents = reader.documents(inputs);
    let mut all_read = true;
    loop {
        let batch = next_batch(&mut documents);
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| item.map(|doc| crate::extracted(&extractor, doc)))
                .collect()
        });
        for item in results {
            match item {
                Ok((doc, attributions)) => sink.write(&doc, &attributions)?,
                Err(err) => {
                    all_read = false;
                    if !args.quiet {
                        report(&anyhow::Error::from(err));
                    }
                }
            }
        }
    }
    sink.finish().context("cannot write the entity table")?;
    drop(sink);
    if let Some(target) = target {
        target.persist()?;
    }
    Ok(ExitCode::from(if all_read { 0 } else { 1 }))
}
