//! `whosaid compare` and `whosaid check`: read the versions, extract them, pair their
//! quotations with [`whosaid::compare`], and write the pairs as CSV or as a readable table.
//!
//! The table shows a word diff under each changed quotation: `[-cut-]` words of the
//! original, `{+added+}` words of the copy, in red and green when stdout is a terminal.

use anyhow::{Context, Result};
use clap::ValueEnum;
use rayon::prelude::*;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use whosaid::compare::{self, Pair, Version, WordOp};
use whosaid::input::{Input, Reader};
use whosaid::output::CsvTable;
use whosaid::{Attribution, Document, Extractor};

/// The CSV columns, in order.
const HEADER: [&str; 12] = [
    "base",
    "other",
    "speaker",
    "class",
    "edits",
    "base_quote",
    "other_quote",
    "similarity",
    "base_start",
    "base_end",
    "other_start",
    "other_end",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PairFormat {
    /// One row per pair, with a header
    Csv,
    /// A report for reading, with a word diff of each changed quotation
    Table,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Classes: verbatim, altered, unmarked, paraphrased, reattributed, missing, added.
Edits: ellipsis, dropped-words, added-words, replaced-words, negation, number, stitched,
unmarked. Exit status: 0 done; 1 some input could not be read; 2 usage error.")]
pub struct CompareArgs {
    /// The earlier version of the story; `-` reads stdin. When it holds several documents
    /// (JSONL), the first is BASE and the others count as OTHER versions
    #[arg(value_name = "BASE", help_heading = "Input")]
    pub base: PathBuf,

    /// Later versions, each compared with BASE (files, directories, JSONL)
    #[arg(value_name = "OTHER", required = true, help_heading = "Input")]
    pub others: Vec<PathBuf>,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, clap::Args)]
#[command(after_help = "\
Each quotation of STORY is looked up in the text of SOURCE, which needs no quote marks.
Exit status: 0 done; 1 some input could not be read; 2 usage error.")]
pub struct CheckArgs {
    /// The story whose quotations are checked; `-` reads stdin. Every document it holds is
    /// checked
    #[arg(value_name = "STORY", help_heading = "Input")]
    pub story: PathBuf,

    /// The source to check against: a transcript, press release or original article
    #[arg(long, value_name = "SOURCE", help_heading = "Input")]
    pub against: PathBuf,

    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub struct OutputArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = PairFormat::Csv, help_heading = "Output")]
    pub format: PairFormat,

    /// Write CSV cells as they are, without a `'` before a leading = + - or @
    #[arg(long, help_heading = "Output")]
    pub raw_csv: bool,

    /// Do not report inputs that fail (the exit status still does)
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run_compare(args: CompareArgs) -> Result<ExitCode> {
    let mut run = Run::new(&args.output);
    let mut bases = run.read(&args.base);
    let Some(base) = bases.next() else {
        // Nothing to compare with; the failure (if any) was reported.
        run.out.finish()?;
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
        run.out.write(base.0, other, &pairs, Role::Compare)?;
    }
    run.finish()
}

pub fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let mut run = Run::new(&args.output);
    let Some(source) = run.read(&args.against).next() else {
        run.out.finish()?;
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
        run.out.write(story, source.0, &pairs, Role::Check)?;
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

/// Which of the two documents of a pair holds the original words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// BASE is the original, OTHER the copy.
    Compare,
    /// SOURCE (the `other` side) is the original, STORY the copy.
    Check,
}

/// One command's run: its output and whether every input could be read.
struct Run {
    out: Out,
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
            PairFormat::Csv => Out::Csv(Box::new(CsvTable::new(writer, &HEADER).raw(args.raw_csv))),
            PairFormat::Table => Out::Table {
                out: writer,
                colour,
            },
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
                        crate::report(&anyhow::Error::from(err));
                    }
                }
            }
        }
        docs.into_iter()
    }

    fn finish(mut self) -> Result<ExitCode> {
        self.out.finish()?;
        Ok(ExitCode::from(if self.all_read { 0 } else { 1 }))
    }
}

const STDOUT: &str = "cannot write stdout";

/// Where pairs go.
enum Out {
    Csv(Box<CsvTable<BufWriter<Box<dyn Write>>>>),
    Table {
        out: BufWriter<Box<dyn Write>>,
        colour: bool,
    },
}

impl Out {
    fn write(
        &mut self,
        base: &Document,
        other: &Document,
        pairs: &[Pair],
        role: Role,
    ) -> Result<()> {
        match self {
            Out::Csv(csv) => {
                csv.header().context(STDOUT)?;
                for pair in pairs {
                    row(csv, base, other, pair).context(STDOUT)?;
                }
                Ok(())
            }
            Out::Table { out, colour } => {
                table(out, base, other, pairs, role, *colour).context(STDOUT)
            }
        }
    }

    fn finish(&mut self) -> Result<()> {
        match self {
            Out::Csv(csv) => csv.finish().context(STDOUT),
            Out::Table { out, .. } => out.flush().context(STDOUT),
        }
    }
}

/// The CSV row of one pair: text cells guarded, whosaid's own as they are.
fn row(
    csv: &mut CsvTable<impl Write>,
    base: &Document,
    other: &Document,
    pair: &Pair,
) -> io::Result<()> {
    fn quote<'a>(doc: &'a Document, side: &Option<compare::Side>) -> &'a str {
        side.as_ref()
            .and_then(|s| s.span.get(&doc.text))
            .unwrap_or("")
    }
    let edits: Vec<&str> = pair.edits.iter().map(|e| e.as_str()).collect();
    csv.text(Some(&base.id))?;
    csv.text(Some(&other.id))?;
    csv.text(Some(&pair.speaker()))?;
    csv.plain(pair.class.as_str())?;
    csv.plain(&edits.join("|"))?;
    csv.text(Some(quote(base, &pair.base)))?;
    csv.text(Some(quote(other, &pair.other)))?;
    csv.plain(&format!("{:.3}", pair.similarity))?;
    for side in [&pair.base, &pair.other] {
        csv.number(side.as_ref().map(|s| s.span.start))?;
        csv.number(side.as_ref().map(|s| s.span.end))?;
    }
    csv.end_row()
}

/// `s` on one line.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The readable report of one pair of documents.
fn table(
    out: &mut impl Write,
    base: &Document,
    other: &Document,
    pairs: &[Pair],
    role: Role,
    colour: bool,
) -> io::Result<()> {
    let paint = if colour {
        ["\x1b[31m", "\x1b[32m", "\x1b[0m"]
    } else {
        ["", "", ""]
    };
    let arrow = match role {
        Role::Compare => "->",
        Role::Check => "checked against",
    };
    writeln!(out, "{} {arrow} {}", base.id, other.id)?;
    let (orig, copy) = match role {
        Role::Compare => (base, other),
        Role::Check => (other, base),
    };
    for pair in pairs {
        let edits: Vec<&str> = pair.edits.iter().map(|e| e.as_str()).collect();
        let speaker = pair.speaker();
        writeln!(
            out,
            "  {:<12} {:.3}  {}{}{}",
            pair.class.as_str(),
            pair.similarity,
            if speaker.is_empty() { "?" } else { &speaker },
            if edits.is_empty() { "" } else { "  " },
            edits.join("|"),
        )?;
        let text = |doc: &Document, side: &Option<compare::Side>| {
            side.as_ref().and_then(|s| s.span.get(&doc.text)).map(flat)
        };
        if let Some(quote) = text(base, &pair.base) {
            writeln!(out, "      base:  {quote}")?;
        }
        if let Some(quote) = text(other, &pair.other) {
            if pair.base.is_none()
                || !pair.edits.is_empty()
                || pair.class != compare::Class::Verbatim
            {
                writeln!(out, "      other: {quote}")?;
            }
        }
        let changed = pair.diff.iter().any(|op| !matches!(op, WordOp::Same(_)));
        if changed && !pair.edits.is_empty() {
            let line = word_diff(&pair.diff, &orig.text, &copy.text, paint);
            writeln!(out, "      diff:  {line}")?;
        }
    }
    writeln!(out)
}

/// The diff as one line: runs of cut words as `[-...-]`, runs of added ones as `{+...+}`,
/// wrapped in `paint` (cut, added, reset) escapes.
fn word_diff(diff: &[WordOp], orig: &str, copy: &str, paint: [&str; 3]) -> String {
    let [cut, added, reset] = paint;
    let mut parts: Vec<String> = Vec::new();
    let mut at = 0;
    while at < diff.len() {
        let kind = std::mem::discriminant(&diff[at]);
        let run: Vec<&str> = diff[at..]
            .iter()
            .take_while(|op| std::mem::discriminant(*op) == kind)
            .map(|op| match *op {
                WordOp::Cut(s) => s.get(orig).unwrap_or(""),
                WordOp::Same(s) | WordOp::Added(s) => s.get(copy).unwrap_or(""),
            })
            .collect();
        let words = run.join(" ");
        parts.push(match diff[at] {
            WordOp::Same(_) => words,
            WordOp::Cut(_) => format!("{cut}[-{words}-]{reset}"),
            WordOp::Added(_) => format!("{added}{{+{words}+}}{reset}"),
        });
        at += run.len();
    }
    parts.join(" ")
}
