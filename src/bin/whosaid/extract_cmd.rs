//! `whosaid extract`: the corpus through the pipeline into CSV, JSONL or a terminal table,
//! to stdout or to `-o FILE` written whole. `--snapshot DIR` hands over to [`crate::snapshot`].
//!
//! CSV and JSONL rows are rendered on the worker threads and this thread only copies their
//! bytes in input order; the terminal table, which is for eyes and small runs, goes through
//! its sink on this thread.

use crate::args::{Extract, Format};
use crate::pipeline::{self, Pipeline};
use crate::target::{writer, Target};
use crate::{progress, snapshot};
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use whosaid::output::{Rendering, Sink, TableSink};

/// Runs `whosaid extract`; `Ok(false)` when some input failed but the rest was written.
pub fn run(args: Extract) -> Result<bool> {
    let pipeline = Pipeline::new(&args.input)?;
    if let Some(dir) = &args.snapshot {
        return snapshot::extract(dir, &args, &pipeline);
    }
    // Open the output before any work, so a bad path fails at once.
    let target = Target::for_arg(args.output.as_deref())?;
    let mut out = BufWriter::with_capacity(64 << 10, writer(target.as_ref()));
    let destination = target
        .as_ref()
        .map_or("stdout".into(), |t| t.path.display().to_string());
    let write_error = || format!("cannot write {destination}");

    let progress = progress::Progress::new(&args.input.read.inputs, args.input.quiet);
    let mut documents = pipeline::documents(&args.input.read);
    let rendering = match args.format {
        Format::Csv => Some(Rendering::Csv { raw: args.raw_csv }),
        Format::Jsonl => Some(Rendering::Jsonl),
        Format::Table => None,
    };
    let update =
        |documents: &whosaid::input::Documents, done| progress.update(done, documents.bytes_read());
    let (all_read, mut sink): (bool, Option<Box<dyn Sink>>) = match rendering {
        // Rows are formatted on the worker threads; this thread only copies their bytes.
        Some(rendering) => {
            out.write_all(&rendering.header()?)
                .with_context(write_error)?;
            let all_read = pipeline.run_rendered(
                &mut documents,
                |_| (),
                update,
                |doc, attributions| rendering.render(doc, attributions),
                |(), _, _, bytes: Vec<u8>| out.write_all(&bytes).with_context(write_error),
            )?;
            out.flush().with_context(write_error)?;
            drop(out);
            (all_read, None)
        }
        None => {
            let mut sink: Box<dyn Sink> = Box::new(TableSink::new(out, terminal_width()));
            let all_read = pipeline.run(
                &mut documents,
                |_| (),
                update,
                |(), doc, attributions| sink.write(&doc, &attributions).with_context(write_error),
            )?;
            (all_read, Some(sink))
        }
    };
    progress.finish();
    if let Some(sink) = sink.as_mut() {
        sink.finish().with_context(write_error)?;
    }
    drop(sink);
    if let Some(target) = target {
        target.persist()?;
    }
    Ok(all_read)
}

/// The width for `--format table`: `$COLUMNS` when the shell exports it, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}
