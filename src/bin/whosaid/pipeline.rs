//! The extraction loop every command that reads a corpus shares (`extract`, its
//! `--snapshot`, `entities`): documents are read in bounded batches, extracted in parallel
//! on the `-j` pool, and handed to the command's writer one by one in input order.
//!
//! Batches keep memory flat on any corpus size (a batch ends at [`BATCH_DOCS`] documents or
//! [`BATCH_BYTES`] of text, whichever comes first), and writing in input order makes the
//! output the same bytes for any thread count. An input that cannot be read is reported in
//! its place (unless `--quiet`) and the run goes on; [`Pipeline::run`] says whether every
//! input was read, which the commands turn into exit status 1.
//!
//! ```text
//! let pipeline = Pipeline::new(&args.input)?;
//! let mut documents = documents(&args.input.read);
//! let all_read = pipeline.run(&mut documents, |_| (), |_, _| {}, |(), doc, attributions| {
//!     Ok(sink.write(&doc, &attributions)?)
//! })?;
//! ```

use crate::args::{InputArgs, OnError, ReadArgs};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::{self, Write};
use std::path::Path;
use whosaid::input::{Documents, Input, Reader, Record};
use whosaid::{Attribution, Document, Extractor};

/// A document, its attributions and their rendering (or the error rendering gave).
type Extracted<R> = (Document, Vec<Attribution>, io::Result<R>);

/// A batch after extraction: each document (or the error reading it gave) with its tag.
type Batch<T, R> = Vec<(T, whosaid::error::Result<Extracted<R>>)>;

/// A batch ends at this many documents or this much text, whichever comes first.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

/// The threads and the extractor of one run, and whether failed inputs are reported.
pub struct Pipeline {
    pool: rayon::ThreadPool,
    extractor: Extractor,
    quiet: bool,
    on_error: Option<OnError>,
}

impl Pipeline {
    /// The pool of `-j` and an extractor with the `--entities` table, read whole before
    /// any work so that a bad table fails at once.
    pub fn new(input: &InputArgs) -> Result<Pipeline> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(input.threads.map_or(0, usize::from))
            .build()
            .context("cannot start worker threads")?;
        let extractor = build_extractor(input.entities.as_deref(), input.quiet)?;
        Ok(Pipeline {
            pool,
            extractor,
            quiet: input.quiet,
            on_error: input.on_error,
        })
    }

    /// Extracts every document of `documents` and gives it, with its attributions, to
    /// `write`, in input order; `Ok(false)` when some input failed but the rest was
    /// written, an error when `write` fails.
    ///
    /// `tag` is asked about each document as it is read, while `documents` still knows
    /// where it came from ([`Documents::path`]), and its answer goes to `write` with the
    /// document. `batch` is told, after each batch is extracted and before it is written,
    /// how many documents will have been written at its end: a progress report.
    pub fn run<T: Send>(
        &self,
        documents: &mut Documents,
        tag: impl FnMut(&Documents) -> T,
        batch: impl FnMut(&Documents, usize),
        mut write: impl FnMut(T, Document, Vec<Attribution>) -> Result<()>,
    ) -> Result<bool> {
        let render = |_: &Document, _: &[Attribution]| Ok(());
        self.run_rendered(
            documents,
            tag,
            batch,
            render,
            |tag, doc, attributions, ()| write(tag, doc, attributions),
        )
    }

    /// [`Pipeline::run`], with `render` run on the worker threads after extraction and its
    /// output handed to `write`: formatting the output is then parallel work too, and the
    /// writing thread only copies bytes.
    pub fn run_rendered<T: Send, R: Send>(
        &self,
        documents: &mut Documents,
        mut tag: impl FnMut(&Documents) -> T,
        mut batch: impl FnMut(&Documents, usize),
        render: impl Fn(&Document, &[Attribution]) -> io::Result<R> + Sync,
        mut write: impl FnMut(T, Document, Vec<Attribution>, R) -> Result<()>,
    ) -> Result<bool> {
        let mut all_read = true;
        let mut written = 0;
        let mut items = next_batch(documents, &mut tag);
        let mut extracted: Option<Batch<T, R>> = None;
        while !items.is_empty() || extracted.is_some() {
            // The pool extracts this batch while this thread writes the one before and reads
            // (and parses) the one after: the workers never wait for the output.
            // `None` once `--on-error fail` met a failure.
            let step = std::thread::scope(|scope| -> Result<_> {
                let work = (!items.is_empty()).then(|| {
                    scope.spawn(|| self.extract_batch(std::mem::take(&mut items), &render))
                });
                if let Some(done) = extracted.take() {
                    batch(documents, written + done.len());
                    for (tag, item) in done {
                        match item {
                            Ok((doc, attributions, rendered)) => {
                                if !self.quiet {
                                    crate::report::warn(&doc);
                                }
                                let rendered = rendered.context("cannot format the output")?;
                                write(tag, doc, attributions, rendered)?;
                                written += 1;
                            }
                            Err(err) => {
                                if !self.quiet {
                                    crate::report::report(&anyhow::Error::from(err));
                                }
                                match self.on_error {
                                    Some(OnError::Skip) => {}
                                    None => all_read = false,
                                    // What was read before it is written; nothing after.
                                    Some(OnError::Fail) => return Ok(None),
                                }
                            }
                        }
                    }
                }
                let next = next_batch(documents, &mut tag);
                let results = work
                    .map(|w| w.join())
                    .transpose()
                    .map_err(|_| anyhow::anyhow!("a worker thread panicked"))?;
                Ok(Some((results, next)))
            })?;
            let Some((results, next)) = step else {
                return Ok(false);
            };
            extracted = results;
            items = next;
        }
        Ok(all_read)
    }

    /// One batch extracted and rendered on the pool, in input order.
    fn extract_batch<T: Send, R: Send>(
        &self,
        items: Vec<(T, whosaid::error::Result<Record>)>,
        render: &(impl Fn(&Document, &[Attribution]) -> io::Result<R> + Sync),
    ) -> Batch<T, R> {
        self.pool.install(|| {
            items
                .into_par_iter()
                .map(|(tag, item)| {
                    // JSONL lines are decoded here, on the pool: the reading thread only
                    // split them.
                    let extracted = item.and_then(Record::into_document).map(|doc| {
                        let (doc, attributions) = self.extracted(doc);
                        let rendered = render(&doc, &attributions);
                        (doc, attributions, rendered)
                    });
                    (tag, extracted)
                })
                .collect()
        })
    }

    fn extracted(&self, doc: Document) -> (Document, Vec<Attribution>) {
        let attributions = self.extractor.extract(&doc);
        (doc, attributions)
    }
}

/// The documents of the inputs (stdin when there are none), read with the JSONL fields
/// given.
pub fn documents(read: &ReadArgs) -> Documents {
    let inputs = if read.inputs.is_empty() {
        vec![Input::Stdin]
    } else {
        read.inputs.iter().cloned().map(Input::from_arg).collect()
    };
    Reader::new()
        .id_field(&read.id_field)
        .text_field(&read.text_field)
        .input_format(read.input_format.into())
        .documents(inputs)
}

/// The next documents (and failures) to extract together, each with its tag, in input
/// order.
fn next_batch<T>(
    documents: &mut Documents,
    tag: &mut impl FnMut(&Documents) -> T,
) -> Vec<(T, whosaid::error::Result<Record>)> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while let Some(item) = documents.next_record() {
        if let Ok(record) = &item {
            bytes += record.len();
        }
        batch.push((tag(documents), item));
        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// An extractor with the `--entities` table; its warnings (shared aliases) go to stderr.
fn build_extractor(entities: Option<&Path>, quiet: bool) -> Result<Extractor> {
    let Some(path) = entities else {
        return Ok(Extractor::new());
    };
    let table = whosaid::EntityTable::from_path(path)?;
    if !quiet {
        for warning in table.warnings() {
            let _ = writeln!(
                io::stderr(),
                "whosaid: {}: warning: {warning}",
                path.display()
            );
        }
    }
    Ok(Extractor::builder().entities(table).build())
}
