//! Command-line arguments, declared with clap's derive.

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
    Entities(crate::entities_cmd::EntitiesArgs),
    /// Compare two extraction outputs (files or --snapshot trees) row by row.
    Diff(crate::diff_cmd::DiffArgs),
    /// Align the quotations of BASE with those of other versions of the story.
    Compare(crate::compare_cmd::CompareArgs),
    /// Look up every quotation of STORY in a SOURCE text.
    Check(crate::compare_cmd::CheckArgs),
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
    /// Files or directories to read; `-` or none reads stdin. Directories are walked for
    /// .txt, .md, .markdown and .jsonl files (each also as .gz)
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

    /// Entity table (CSV: id,name,kind,aliases,title,affiliation) to resolve speakers with
    #[arg(long, value_name = "FILE.csv", help_heading = "Input")]
    pub entities: Option<PathBuf>,

    /// Worker threads [default: one per core]
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<NonZeroUsize>,

    /// Do not report inputs that fail (the exit status still does)
    #[arg(short, long)]
    pub quiet: bool,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn args_are_consistent() {
        Args::command().debug_assert();
    }
}
