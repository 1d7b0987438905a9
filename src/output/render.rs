//! Rendering: one document's output bytes, made apart from the writer so that documents
//! render in parallel.
//!
//! The binary extracts a batch of documents on worker threads; if each worker also formats
//! its documents, the writing thread only copies bytes, in input order. [`Rendering::render`]
//! is what the document's sink would have written for it, byte for byte, and
//! [`Rendering::header`] what comes before the first document.

use super::csv::{csv_row, CsvRows, CsvSink, CSV_HEADER};
use super::json::json_line;
use super::row::row_size;
use super::sink::Sink;
use crate::attribution::Attribution;
use crate::document::Document;
use std::io;

/// The formats whose documents render independently of each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rendering {
    /// CSV rows; `raw` turns the formula guard off.
    Csv {
        raw: bool,
    },
    Jsonl,
}

impl Rendering {
    /// What comes before the first document: the CSV header line.
    pub fn header(self) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        if let Rendering::Csv { raw } = self {
            CsvSink::new(&mut out).raw(raw).finish()?;
        }
        Ok(out)
    }

    /// The bytes one document adds to the output: what its sink would write for it. Pure,
    /// so documents render in parallel and are written in order afterwards.
    pub fn render(self, doc: &Document, attributions: &[Attribution]) -> io::Result<Vec<u8>> {
        // Sized once: growing the buffer cell by cell cost a copy of it each time.
        let capacity = attributions.iter().map(|a| row_size(doc, a)).sum::<usize>() + 64;
        match self {
            Rendering::Csv { raw } => {
                let mut rows = CsvRows::new(CSV_HEADER.len(), raw, capacity);
                for a in attributions {
                    csv_row(&mut rows, doc, a)?;
                }
                Ok(rows.bytes)
            }
            Rendering::Jsonl => {
                let mut out = Vec::with_capacity(capacity + doc.id.len());
                json_line(&mut out, doc, attributions)?;
                Ok(out)
            }
        }
    }
}
