//! Command-line arguments, declared with clap's derive: every command's, in one place.
//!
//! The commands' files take their arguments from here and nothing else does; this file
//! imports no command, so the arguments can be read (and `--help` reviewed) in one sitting.

use clap::{Parser, Subcommand, ValueEnum};
use std::num::NonZeroUsize;
use std::path::PathBuf;

/// Who said what: quotations, their speakers and cues from news articles, as CSV or JSONL.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write one row per quotation, with its speaker, for every article read.
    #[command(after_help = AFTER_HELP)]
    Extract(Extract),
    /// Write the table of who speaks in the input, in the format `--entities` reads.
    Entities(EntitiesArgs),
    /// Compare two extraction outputs (files or --snapshot trees) row by row.
    Diff(DiffArgs),
    /// Align the quotations of BASE with those of other versions of the story.
    Compare(CompareArgs),
    /// Look up every quotation of STORY in a SOURCE text.
    Check(CheckArgs),
    /// Print the text whosaid reads from each input, paragraph by paragraph.
    Text(TextArgs),
}

const AFTER_HELP: &str = "\
Exit status: 0 done (finding no quotes is still success); 1 some inputs could not be read
(the others were still written); 2 usage error, or the output could not be written.";

#[derive(Debug, clap::Args)]
pub struct Extract {
    #[command(flatten)]
    pub input: InputArgs,

    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Csv, help_heading = "Output")]
    pub format: Format,

    /// Write one CSV per input document under DIR, mirroring the input tree
    #[arg(long, value_name = "DIR", help_heading = "Output")]
    pub snapshot: Option<PathBuf>,

    /// Write to FILE (complete or not at all) instead of stdout; its directory must exist
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Write CSV cells as they are, without a `'` before a leading = + - or @
    #[arg(long, help_heading = "Output")]
    pub raw_csv: bool,
}

/// What to read and how: the arguments of every command that extracts a corpus (`extract`,
/// `entities`), flattened into each. A command may reword a help line with `mut_arg`; the
/// order of the fields is the order of the lines in `--help`.
#[derive(Debug, clap::Args)]
pub struct InputArgs {
    #[command(flatten)]
    pub read: ReadArgs,

    /// Entity table (CSV: id,name,kind,aliases,title,affiliation) to resolve speakers with
    #[arg(long, value_name = "FILE.csv", help_heading = "Input")]
    pub entities: Option<PathBuf>,

    /// An input that cannot be read (a missing file, a bad JSONL line): `skip` reports it
    /// and goes on, exiting 0; `fail` stops there, exiting 1. Without it, each one is
    /// reported and skipped and the exit status is 1
    #[arg(long, value_enum, value_name = "WHAT", help_heading = "Input")]
    pub on_error: Option<OnError>,

    /// Worker threads [default: one per core]
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Do not report inputs that fail (the exit status still does)
    #[arg(short, long)]
    pub quiet: bool,
}

/// Which inputs to read and how to find documents in them: shared by every command that
/// reads a corpus (`extract`, `entities`, `text`).
#[derive(Debug, clap::Args)]
pub struct ReadArgs {
    /// Files or directories to read; `-` or none reads stdin. Directories are walked for
    /// .txt, .md, .markdown, .html, .htm and .jsonl files (each also as .gz)
    #[arg(value_name = "INPUT", help_heading = "Input")]
    pub inputs: Vec<PathBuf>,

    /// JSONL field holding a document's id (a string or number)
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

    /// How to read the inputs: by extension and content (auto), or as plain text,
    /// Markdown or HTML pages whatever they are called
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        default_value_t = InputFormat::Auto,
        help_heading = "Input"
    )]
    pub input_format: InputFormat,
}

/// What `--on-error` does with an input that cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OnError {
    /// Report it on stderr, go on with the rest, exit 0: a filter for `rdd.pipe`
    Skip,
    /// Report it on stderr and stop there, exit 1
    Fail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One row per quotation, with a header
    Csv,
    /// One JSON object per document: {"id", "quotes": [...]}
    Jsonl,
    /// Aligned columns for reading on a terminal
    Table,
}

/// `whosaid entities`.
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

const DIFF_HELP: &str = "\
Rows are matched per document by quote span (start, end), then by quote text where the
offsets moved, then by overlap. The `change` column says how each row changed:
  same       the same quote, speaker and kind (written only with --all)
  gained     only in NEW
  lost       only in OLD
  respeaker  the same quote, another speaker
  rekind     the same quote and speaker, another kind
  reshaped   overlapping quotes with other boundaries
OLD and NEW may be CSV or JSONL, as whosaid writes them, in any mix (told apart by content);
extra columns are ignored. Two directories are compared file by file; a file on one side
only has all its rows gained or lost. A count per class is printed on stderr.

Exit status: 0 nothing changed; 3 something changed; 1 an input is not whosaid output or
cannot be read (the other files of a directory are still compared); 2 usage error, or the
output could not be written.";

// No doc comment: the subcommand's one-line help comes from args.rs.
#[derive(Debug, clap::Args)]
#[command(after_help = DIFF_HELP)]
pub struct DiffArgs {
    /// The earlier output: a CSV or JSONL file (`-` reads stdin), or a --snapshot directory
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The later output, of the same inputs: a file (`-` reads stdin) or a directory
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Also write rows that did not change (class `same`)
    #[arg(long, help_heading = "Output")]
    pub all: bool,

    /// Write to FILE (complete or not at all) instead of stdout; its directory must exist
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,

    /// Write CSV cells as they are, without a `'` before a leading = + - or @
    #[arg(long, help_heading = "Output")]
    pub raw_csv: bool,
}

/// `whosaid compare`'s and `whosaid check`'s format.
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn args_are_consistent() {
        Args::command().debug_assert();
    }
}

/// `whosaid text`.
#[derive(Debug, clap::Args)]
pub struct TextArgs {
    #[command(flatten)]
    pub read: ReadArgs,

    /// Do not report inputs that fail or warnings (the exit status still tells)
    #[arg(short, long)]
    pub quiet: bool,
}

/// `--input-format`: how to read each input's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// .html/.htm as pages, .md/.markdown as Markdown, other text as a page when it opens
    /// like one, else as plain text
    Auto,
    /// Plain text: one paragraph per line, or hard-wrapped paragraphs
    Text,
    /// Markdown: paragraphs end at blank lines
    Markdown,
    /// HTML pages: the article, as a reader mode reads it
    Html,
}

impl From<InputFormat> for whosaid::input::InputFormat {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Auto => Self::Auto,
            InputFormat::Text => Self::Text,
            InputFormat::Markdown => Self::Markdown,
            InputFormat::Html => Self::Html,
        }
    }
}
