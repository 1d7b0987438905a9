//! `whosaid compare` and `whosaid check`: read the versions, extract them, pair their
//! quotations with [`whosaid::compare`], and write the pairs as CSV or as a readable table.
//!
//! The printing is the library's ([`whosaid::output::PairPrinter`]); this file reads,
//! extracts and decides colour (only on a terminal, and never under `NO_COLOR`).

use crate::args::{CheckArgs, CompareArgs, OutputArgs, PairFormat};
use crate::report::report;
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::compare::{self, Version};
use whosaid::input::{Input, Reader};
use whosaid::output::{PairPrinter, Role};
use whosaid::{Attribution, Document, Extractor};

pub fn run_compare(args: CompareArgs) -> Result<ExitCode> {
    let mut run = Run::new(&args.output);
    let mut bases = run.read(&args.base);
    let Some(base) = bases.next() else {
        // Nothing to compare with; the failure (if any) was reported.
        run.out.finish().context(STDOUT)?;
        return Ok(ExitCode::from(1));
    };
    let mut docs = vec![base];
    docs.extend(bases);
    docs.extend(run.read_all(&args.others));
    let versions = extracted(&docs);
    let (base, others) = versions.split_first().context("no BASE document")?;
    let base_version = Version::new(base.0, &base.1);
    for (other, other_quotes) in others {
        let other_version = Version::new(other, other_quotes);
        let pairs = compare::compare(&base_version, &other_version);
        run.out
            .write(base.0, other, &pairs, Role::Compare)
            .context(STDOUT)?;
    }
    run.finish()
}

pub fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let mut run = Run::new(&args.output);
    let Some(source) = run.read(&args.against).next() else {
        run.out.finish().context(STDOUT)?;
        return Ok(ExitCode::from(1));
    };
    let mut docs = vec![source];
    docs.extend(run.read_all(std::slice::from_ref(&args.story)));
    let versions = extracted(&docs);
    let (source, stories) = versions.split_first().context("no SOURCE document")?;
    let source_version = Version::new(source.0, &source.1);
    for (story, story_quotes) in stories {
        let story_version = Version::new(story, story_quotes);
        let pairs = compare::check(&story_version, &source_version);
        run.out
            .write(story, source.0, &pairs, Role::Check)
            .context(STDOUT)?;
    }
    run.finish()
}

/// Every document with its attributions, extracted in parallel, in input order.
fn extracted(docs: &[Document]) -> Vec<(&Document, Vec<Attribution>)> {
    let extractor = Extractor::new();
    docs.par_iter()
        .map(|doc| (doc, extractor.extract(doc)))
        .collect()
}

/// One command's run: its output and whether every input could be read.
struct Run {
    out: PairPrinter<BufWriter<Box<dyn Write>>>,
    quiet: bool,
    all_read: bool,
}

impl Run {
    fn new(args: &OutputArgs) -> Run {
        let stdout = io::stdout();
        let colour = args.format == PairFormat::Table
            && stdout.is_terminal()
            && std::env::var_os("NO_COLOR").is_none();
        let writer = BufWriter::new(Box::new(stdout.lock()) as Box<dyn Write>);
        let out = match args.format {
            PairFormat::Csv => PairPrinter::csv(writer, args.raw_csv),
            PairFormat::Table => PairPrinter::report(writer, colour),
        };
        Run {
            out,
            quiet: args.quiet,
            all_read: true,
        }
    }

    /// The documents of one argument; failures are reported and remembered.
    fn read(&mut self, arg: &PathBuf) -> std::vec::IntoIter<Document> {
        self.read_all(std::slice::from_ref(arg))
    }

    fn read_all(&mut self, args: &[PathBuf]) -> std::vec::IntoIter<Document> {
        let inputs = args.iter().cloned().map(Input::from_arg);
        let mut docs = Vec::new();
        for item in Reader::new().documents(inputs) {
            match item {
                Ok(doc) => docs.push(doc),
                Err(err) => {
                    self.all_read = false;
                    if !self.quiet {
                        report(&anyhow::Error::from(err));
                    }
                }
            }
        }
        docs.into_iter()
    }

    fn finish(mut self) -> Result<ExitCode> {
        self.out.finish().context(STDOUT)?;
        Ok(ExitCode::from(if self.all_read { 0 } else { 1 }))
    }
}

const STDOUT: &str = "cannot write stdout";
