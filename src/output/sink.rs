//! The [`Sink`]: what extraction pushes each document's attributions into.
//!
//! Extraction never prints. It hands each document, with what was found in it, to a sink,
//! one document at a time and in input order; a sink decides the format and owns the
//! writer. That keeps the library silent and lets one run feed any printer (CSV, JSONL, a
//! terminal table, the census of speakers) without the extractor knowing which. A sink never
//! reorders: the same calls give the same bytes.

use crate::attribution::Attribution;
use crate::document::Document;
use std::io;

/// Receives each document's attributions, in input order.
pub trait Sink {
    /// Writes the attributions of one document (possibly none).
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()>;

    /// Writes what is still due (a CSV header when there were no documents) and flushes.
    fn finish(&mut self) -> io::Result<()>;
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        (**self).write(doc, attributions)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}

impl<S: Sink + ?Sized> Sink for &mut S {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        (**self).write(doc, attributions)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}
