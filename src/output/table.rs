//! The terminal table: aligned columns `doc speaker kind quote` for a person to read.
//!
//! It is for eyes, not programs: long cells are cut with `…`, line breaks become spaces and
//! an unknown speaker is `?`, so nothing in it round-trips. Widths count chars, not terminal
//! cells, so wide scripts may overrun.

use super::row::Row;
use super::sink::Sink;
use crate::attribution::Attribution;
use crate::document::Document;
use std::io::{self, Write};

/// Aligned columns `doc speaker kind quote` for reading on a terminal, cut to a width.
///
/// Long cells are shortened with `…` (doc ids from the left, where a path is least
/// telling), line breaks become spaces, an unknown speaker is `?`. Widths count chars, not
/// terminal cells, so wide scripts may overrun.
pub struct TableSink<W: Write> {
    out: W,
    widths: [usize; 3],
    quote_width: usize,
    header_written: bool,
}

impl<W: Write> TableSink<W> {
    /// A table at most `width` chars wide (at least 60).
    pub fn new(out: W, width: usize) -> Self {
        let widths = [24, 20, 8];
        let used: usize = widths.iter().sum::<usize>() + 2 * widths.len();
        TableSink {
            out,
            widths,
            quote_width: width.max(60) - used,
            header_written: false,
        }
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.header_written = true;
            self.line(["doc", "speaker", "kind", "quote"], false)?;
            let rules = self.widths.map(|w| "-".repeat(w));
            let quote = "-".repeat(self.quote_width);
            self.line([&rules[0], &rules[1], &rules[2], &quote], false)?;
        }
        Ok(())
    }

    fn line(&mut self, cells: [&str; 4], doc_from_left: bool) -> io::Result<()> {
        let [doc, speaker, kind, quote] = cells;
        let [wd, ws, wk] = self.widths;
        let doc = if doc_from_left {
            shorten_left(doc, wd)
        } else {
            shorten(doc, wd)
        };
        writeln!(
            self.out,
            "{:wd$}  {:ws$}  {:wk$}  {}",
            doc,
            shorten(speaker, ws),
            shorten(kind, wk),
            shorten(quote, self.quote_width),
        )
    }
}

/// `s` on one line, at most `width` chars, ending in `…` when cut.
fn shorten(s: &str, width: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= width {
        return flat;
    }
    let mut out: String = flat.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `s` on one line, at most `width` chars, starting with `…` when cut.
fn shorten_left(s: &str, width: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let count = flat.chars().count();
    if count <= width {
        return flat;
    }
    let mut out = String::from("…");
    out.extend(flat.chars().skip(count - width.saturating_sub(1)));
    out
}

impl<W: Write> Sink for TableSink<W> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        self.header()?;
        for a in attributions {
            let row = Row::new(doc, a)?;
            let cells = [&doc.id, row.speaker.unwrap_or("?"), row.kind, row.quote];
            self.line(cells, true)?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.out.flush()
    }
}
