//! Errors of the library, each with the place it happened: one type for reading inputs,
//! entity tables and outputs (`diff`), and for writing.
//!
//! whosaid reads many inputs in one run, and one bad input must never stop the others: the
//! reader hands back an [`Error`] in place of the document it could not make and goes on.
//! So that a person can find the culprit among thousands of files, every variant names its
//! file, and the line when the input is line-based (JSONL). Lines are 1-based, as in an
//! editor; byte offsets are 0-based, as in the output's `start`/`end` columns.
//!
//! An I/O cause is kept as the error's [`source`](std::error::Error::source), not repeated in
//! its message, so printing the chain (`{:#}` with anyhow) shows it once:
//!
//! ```
//! use std::io;
//! use whosaid::error::Error;
//!
//! let err = Error::JsonLine { path: "news.jsonl".into(), line: 7, msg: "EOF while parsing".into() };
//! assert_eq!(err.to_string(), "news.jsonl:7: bad JSONL record: EOF while parsing");
//!
//! let err = Error::Read {
//!     path: "gone.txt".into(),
//!     source: io::Error::new(io::ErrorKind::NotFound, "not found"),
//! };
//! assert_eq!(err.to_string(), "gone.txt: cannot read");
//! assert_eq!(std::error::Error::source(&err).unwrap().to_string(), "not found");
//! ```

use std::io;
use std::path::PathBuf;

/// Everything that can go wrong reading inputs or writing results.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be opened or read (or a `.gz` stream ended early).
    #[error("{}: cannot read", path.display())]
    Read { path: PathBuf, source: io::Error },

    /// Bytes that are not UTF-8: at `line` (1-based), `offset` bytes into the (decompressed)
    /// input.
    #[error("{}:{line}: not UTF-8 (invalid byte at offset {offset})", path.display())]
    NotUtf8 {
        path: PathBuf,
        line: usize,
        offset: u64,
    },

    /// Text in an encoding whosaid does not read: UTF-16 (by its byte-order mark), or a
    /// page that declares a charset other than UTF-8 and is not UTF-8.
    #[error("{}: {msg}", path.display())]
    Encoding { path: PathBuf, msg: String },

    /// A JSONL line that is not a JSON object or whose fields have the wrong type.
    #[error("{}:{line}: bad JSONL record: {msg}", path.display())]
    JsonLine {
        path: PathBuf,
        line: usize,
        msg: String,
    },

    /// An entity table (`--entities`) with a missing column, a duplicate id, an empty name or
    /// a broken row; `line` 1 is the header.
    #[error("{}:{line}: bad entity table: {msg}", path.display())]
    EntityTable {
        path: PathBuf,
        line: usize,
        msg: String,
    },

    /// A JSONL record without the field that holds the document id or text.
    #[error("{}:{line}: bad JSONL record: no {field:?} field", path.display())]
    MissingField {
        path: PathBuf,
        line: usize,
        field: String,
    },

    /// Results could not be written.
    #[error("{}: cannot write", path.display())]
    Write { path: PathBuf, source: io::Error },

    /// `diff`: not whosaid output, a CSV header or a JSONL record lacks what diff needs.
    #[error(
        "{}: not whosaid output: missing {} {}",
        place(path, *line),
        if *line == 0 { "columns" } else { "fields" },
        missing.join(", ")
    )]
    NotOutput {
        path: PathBuf,
        /// 0 for a CSV header; the 1-based line of a JSONL record.
        line: usize,
        missing: Vec<&'static str>,
    },

    /// `diff`: a row of an output whose cells cannot be read (an offset that is no number,
    /// a broken record).
    #[error("{}:{line}: bad row: {msg}", path.display())]
    BadRow {
        path: PathBuf,
        line: usize,
        msg: String,
    },

    /// `diff`: a document written off as present on one side only turned up later on the
    /// other. Two files are at fault and neither line is; the document names the place.
    #[error(
        "document {doc:?} comes in a different order in OLD and NEW; diff compares outputs \
         of the same inputs, which list documents in the same order"
    )]
    Order { doc: String },

    /// `diff`: the changes could not be written to their sink, whose path the caller knows.
    #[error("cannot write the diff")]
    WriteDiff(#[source] io::Error),
}

/// `path`, with `:line` when there is a line (0 is none).
fn place(path: &std::path::Path, line: usize) -> String {
    if line == 0 {
        path.display().to_string()
    } else {
        format!("{}:{line}", path.display())
    }
}

/// Results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The input or output this error is about, when it is about one file.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            Error::Read { path, .. }
            | Error::NotUtf8 { path, .. }
            | Error::Encoding { path, .. }
            | Error::JsonLine { path, .. }
            | Error::MissingField { path, .. }
            | Error::EntityTable { path, .. }
            | Error::Write { path, .. }
            | Error::NotOutput { path, .. }
            | Error::BadRow { path, .. } => Some(path),
            Error::Order { .. } | Error::WriteDiff(_) => None,
        }
    }
}
