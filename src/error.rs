//! Errors of the library, each with the place it happened.
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
}

/// Results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// The input or output this error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Error::Read { path, .. }
            | Error::NotUtf8 { path, .. }
            | Error::JsonLine { path, .. }
            | Error::MissingField { path, .. }
            | Error::EntityTable { path, .. }
            | Error::Write { path, .. } => path,
        }
    }
}
