//! `whosaid diff OLD NEW`: wires two outputs (or two `--snapshot` trees) to
//! [`whosaid::diff`] and a CSV sink, reports the counts, and maps the outcome to an exit
//! status like diff(1)'s: 0 nothing changed, 3 something did, 1 bad input, 2 usage.

use crate::args::DiffArgs;
use crate::report::report;
use crate::target::{writer, Target};
use anyhow::{Context, Result};
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use whosaid::diff::{self, ChangeSink, Counts, CsvChanges, DocRows, Outputs};

/// One comparison: a file of OLD against a file of NEW, either possibly absent.
struct Job {
    old: Option<PathBuf>,
    new: Option<PathBuf>,
}

pub fn run(args: DiffArgs) -> Result<ExitCode> {
    let stdin = |p: &Path| p.as_os_str() == "-";
    if stdin(&args.old) && stdin(&args.new) {
        anyhow::bail!("OLD and NEW cannot both be stdin (-)");
    }
    let is_dir = |p: &Path| !stdin(p) && p.is_dir();
    let jobs = match (is_dir(&args.old), is_dir(&args.new)) {
        (false, false) => vec![Job {
            old: Some(args.old.clone()),
            new: Some(args.new.clone()),
        }],
        (true, true) => match diff::tree_pairs(&args.old, &args.new) {
            Ok(pairs) => pairs
                .into_iter()
                .map(|p| Job {
                    old: p.old,
                    new: p.new,
                })
                .collect(),
            Err(err) => {
                report(&err.into());
                return Ok(ExitCode::from(1));
            }
        },
        (old_dir, _) => {
            let (dir, file) = if old_dir {
                (&args.old, &args.new)
            } else {
                (&args.new, &args.old)
            };
            anyhow::bail!(
                "cannot compare directory {} with file {}: give two files or two directories",
                dir.display(),
                file.display()
            );
        }
    };

    // Open the output before any work, so a bad path fails at once.
    let target = Target::for_arg(args.output.as_deref())?;
    let out = writer(target.as_ref());
    let mut sink = CsvChanges::new(BufWriter::with_capacity(64 << 10, out))
        .raw(args.raw_csv)
        .same(args.all);
    let destination = target
        .as_ref()
        .map_or("stdout".into(), |t| t.path.display().to_string());

    let mut counts = Counts::default();
    let mut all_read = true;
    for job in jobs {
        match compare(&job, &mut sink, &mut counts) {
            Ok(()) => {}
            Err(diff::Error::WriteDiff(err)) => {
                return Err(err).with_context(|| format!("cannot write {destination}"));
            }
            Err(err @ diff::Error::Order { .. }) => {
                all_read = false;
                let names = [&job.old, &job.new].map(|p| p.as_deref().map(Path::display));
                let context = match names {
                    [Some(old), Some(new)] => format!("{old} against {new}"),
                    _ => "diff".into(),
                };
                report(&anyhow::Error::from(err).context(context));
            }
            Err(err) => {
                all_read = false;
                report(&err.into());
            }
        }
    }
    sink.finish()
        .with_context(|| format!("cannot write {destination}"))?;
    drop(sink);
    if let Some(target) = target {
        target.persist()?;
    }
    // A closed stderr is no reason to fail: the exit status still tells.
    let _ = writeln!(io::stderr(), "whosaid diff: {counts}");
    Ok(ExitCode::from(if !all_read {
        1
    } else if counts.changed() {
        3
    } else {
        0
    }))
}

/// Diffs one pair of files into `sink`; a missing side is an empty output.
fn compare(job: &Job, sink: &mut dyn ChangeSink, counts: &mut Counts) -> diff::Result<()> {
    let old = open(job.old.as_deref())?;
    let new = open(job.new.as_deref())?;
    diff::diff(old, new, sink, counts)
}

type Docs = Box<dyn Iterator<Item = diff::Result<DocRows>>>;

fn open(path: Option<&Path>) -> diff::Result<Docs> {
    Ok(match path {
        None => Box::new(std::iter::empty()),
        Some(path) if path.as_os_str() == "-" => {
            let stdin: Box<dyn BufRead> = Box::new(BufReader::new(io::stdin().lock()));
            Box::new(Outputs::new("-", stdin)?)
        }
        Some(path) => Box::new(Outputs::open(path)?),
    })
}
