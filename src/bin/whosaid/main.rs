//! The whosaid binary: parse the arguments, wire inputs to the extractor and a sink, map
//! the outcome to an exit status. Everything that decides anything lives in the library.
//!
//! Documents are extracted in parallel in bounded batches and written in input order, so
//! the output is the same bytes for any `-j` and memory stays flat on any corpus size: see
//! [`pipeline`], which every command that reads a corpus runs.

mod args;
mod compare_cmd;
mod diff_cmd;
mod entities_cmd;
mod pipeline;
mod progress;
mod snapshot;

use anyhow::{Context, Result};
use args::{Args, Command, Extract, Format};
use clap::Parser;
use pipeline::Pipeline;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::output::{Rendering, Sink, TableSink};

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

    let progress = progress::Progress::new(&args.input.inputs, args.input.quiet);
    let mut documents = pipeline::documents(&args.input);
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

/// An output file, written whole or not at all: a temporary file beside it, renamed at
/// the end.
struct Target {
    path: PathBuf,
    file: tempfile::NamedTempFile,
}

impl Target {
    /// The target of `-o PATH`; `None`, for stdout, without one or for `-`.
    fn for_arg(path: Option<&Path>) -> Result<Option<Target>> {
        match path {
            Some(path) if path.as_os_str() != "-" => Target::create(path).map(Some),
            _ => Ok(None),
        }
    }

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

/// Where output goes: the target's temporary file, else stdout.
fn writer(target: Option<&Target>) -> Box<dyn Write + '_> {
    match target {
        Some(target) => Box::new(target.file.as_file()),
        None => Box::new(io::stdout().lock()),
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

// glibc's malloc serialises the workers on its arenas (-j 2 ran 1.8x, not 2x, of -j 1) and
// extraction allocates many small vectors per sentence.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
