//! The whosaid binary: parse the arguments, wire inputs to the extractor and a sink, map
//! the outcome to an exit status. Everything that decides anything lives in the library.
//!
//! Documents are extracted in parallel in bounded batches and written in input order, so
//! the output is the same bytes for any `-j` and memory stays flat on any corpus size.

mod args;
mod compare_cmd;
mod diff_cmd;
mod entities_cmd;
mod progress;
mod snapshot;

use anyhow::{Context, Result};
use args::{Args, Command, Extract, Format};
use clap::Parser;
use rayon::prelude::*;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::input::{Documents, Input, Reader};
use whosaid::output::{CsvSink, JsonlSink, Sink, TableSink};
use whosaid::{Attribution, Document, Extractor};

/// A batch ends at this many documents or this much text, whichever comes first.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

fn main() -> ExitCode {
    let Args { command } = Args::parse();
    let result = match command {
        Command::Extract(args) => extract(args).map(|ok| ExitCode::from(if ok { 0 } else { 1 })),
        Command::Entities(args) => entities_cmd::run(args),
        Command::Diff(args) => diff_cmd::run(args),
        Command::Compare(args) => compare_cmd::run_compare(args),
        Command::Check(args) => compare_cmd::run_check(args),
    };
    match result {
        Ok(code) => code,
        // A reader closed the pipe (`whosaid extract | head`): it has what it wanted.
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            report(&err);
            ExitCode::from(2)
        }
    }
}

/// Runs `whosaid extract`; `Ok(false)` when some input failed but the rest was written.
fn extract(args: Extract) -> Result<bool> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.map_or(0, usize::from))
        .build()
        .context("cannot start worker threads")?;
    let extractor = build_extractor(args.entities.as_deref(), args.quiet)?;
    if let Some(dir) = &args.snapshot {
        return snapshot::extract(dir, &args, &pool, &extractor);
    }
    // Open the output before any work, so a bad path fails at once.
    let target = match &args.output {
        Some(path) if path.as_os_str() != "-" => Some(Target::create(path)?),
        _ => None,
    };
    let out: Box<dyn Write> = match &target {
        Some(target) => Box::new(target.file.as_file()),
        None => Box::new(io::stdout().lock()),
    };
    let out = BufWriter::with_capacity(64 << 10, out);
    let mut sink: Box<dyn Sink> = match args.format {
        Format::Csv => Box::new(CsvSink::new(out).raw(args.raw_csv)),
        Format::Jsonl => Box::new(JsonlSink::new(out)),
        Format::Table => Box::new(TableSink::new(out, terminal_width())),
    };
    let destination = target
        .as_ref()
        .map_or("stdout".into(), |t| t.path.display().to_string());
    let write_error = || format!("cannot write {destination}");

    let progress = progress::Progress::new(&args.inputs, args.quiet);
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
    let mut done = 0;
    loop {
        let batch = next_batch(&mut documents);
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|item| item.map(|doc| extracted(&extractor, doc)))
                .collect()
        });
        progress.update(done + results.len(), documents.bytes_read());
        for item in results {
            match item {
                Ok((doc, attributions)) => {
                    sink.write(&doc, &attributions).with_context(write_error)?;
                    done += 1;
                }
                Err(err) => {
                    all_read = false;
                    if !args.quiet {
                        report(&anyhow::Error::from(err));
                    }
                }
            }
        }
    }
    progress.finish();
    sink.finish().with_context(write_error)?;
    drop(sink);
    if let Some(target) = target {
        target.persist()?;
    }
    Ok(all_read)
}

/// An extractor with the `--entities` table, read whole before any work; its warnings
/// (shared aliases) go to stderr.
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

fn extracted(extractor: &Extractor, doc: Document) -> (Document, Vec<Attribution>) {
    let attributions = extractor.extract(&doc);
    (doc, attributions)
}

/// The next documents (and failures) to extract together, in input order.
fn next_batch(documents: &mut Documents) -> Vec<whosaid::error::Result<Document>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    for item in documents.by_ref() {
        if let Ok(doc) = &item {
            bytes += doc.text.len();
        }
        batch.push(item);
        if batch.len() >= BATCH_DOCS || bytes >= BATCH_BYTES {
            break;
        }
    }
    batch
}

/// An output file, written whole or not at all: a temporary file beside it, renamed at
/// the end.
struct Target {
    path: PathBuf,
    file: tempfile::NamedTempFile,
}

impl Target {
    fn create(path: &Path) -> Result<Target> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let fail = || format!("cannot create {}", path.display());
        if path.is_dir() {
            anyhow::bail!("cannot create {}: it is a directory", path.display());
        }
        if !dir.is_dir() {
            anyhow::bail!(
                "cannot create {}: directory {} does not exist",
                path.display(),
                dir.display()
            );
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".whosaid-");
        // NamedTempFile is private (0600) by default; give the result the usual mode.
        #[cfg(unix)]
        builder.permissions(
            <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666),
        );
        let file = builder.tempfile_in(dir).with_context(fail)?;
        Ok(Target {
            path: path.to_path_buf(),
            file,
        })
    }

    fn persist(self) -> Result<()> {
        let path = self.path;
        self.file
            .persist(&path)
            .map_err(|err| err.error)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

/// The width for `--format table`: `$COLUMNS` when the shell exports it, else 100.
fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(100)
}

/// Prints `whosaid: message: cause` on stderr; a closed stderr is no reason to panic.
fn report(err: &anyhow::Error) {
    let _ = writeln!(io::stderr(), "whosaid: {err:#}");
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
