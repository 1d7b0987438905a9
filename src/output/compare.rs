//! Compare rows: the pairs of `whosaid compare` and `whosaid check`, as CSV or as a report
//! for reading.
//!
//! [`compare`](crate::compare) pairs the quotations of two versions of a story; this prints
//! the pairs. The CSV has one row per pair under [`PAIR_HEADER`]: the two documents' text
//! cells (ids, speaker, quotations) get the formula guard, whosaid's own cells (class, edits,
//! similarity, offsets) are written as they are. The report shows a word diff under each
//! changed quotation: `[-cut-]` words of the original, `{+added+}` words of the copy, in red
//! and green when asked for colour (the binary asks when stdout is a terminal).
//!
//! ```
//! use whosaid::compare::{compare, Version};
//! use whosaid::output::{PairPrinter, Role};
//! use whosaid::{Document, Extractor};
//!
//! let base = Document::new("v1", "“We will win,” said Ann Lee.");
//! let other = Document::new("v2", "“We will surely win,” said Ann Lee.");
//! let extractor = Extractor::new();
//! let (a, b) = (extractor.extract(&base), extractor.extract(&other));
//! let pairs = compare(&Version::new(&base, &a), &Version::new(&other, &b));
//! let mut out = Vec::new();
//! let mut printer = PairPrinter::csv(&mut out, false);
//! printer.write(&base, &other, &pairs, Role::Compare)?;
//! printer.finish()?;
//! drop(printer);
//! let csv = String::from_utf8(out).unwrap();
//! assert!(csv.lines().nth(1).unwrap().starts_with("v1,v2,Ann Lee,altered,added-words,"));
//! # Ok::<(), std::io::Error>(())
//! ```

use super::csv::CsvTable;
use crate::compare::{Class, Pair, Side, WordOp};
use crate::document::Document;
use std::io::{self, Write};

/// The CSV columns of a pair, in order.
pub const PAIR_HEADER: [&str; 12] = [
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

/// Which of the two documents of a pair holds the original words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// `compare`: BASE is the original, OTHER the copy.
    Compare,
    /// `check`: SOURCE (the `other` side) is the original, STORY the copy.
    Check,
}

/// Where pairs go: a CSV table or the readable report.
pub struct PairPrinter<W: Write> {
    to: To<W>,
}

enum To<W: Write> {
    Csv(CsvTable<W>),
    Report { out: W, colour: bool },
}

impl<W: Write> PairPrinter<W> {
    /// CSV rows under [`PAIR_HEADER`]; `raw` turns the formula guard off.
    pub fn csv(out: W, raw: bool) -> Self {
        PairPrinter {
            to: To::Csv(CsvTable::new(out, &PAIR_HEADER).raw(raw)),
        }
    }

    /// The report, its word diffs in colour when `colour`.
    pub fn report(out: W, colour: bool) -> Self {
        PairPrinter {
            to: To::Report { out, colour },
        }
    }

    /// Writes the pairs of `base` and `other`.
    pub fn write(
        &mut self,
        base: &Document,
        other: &Document,
        pairs: &[Pair],
        role: Role,
    ) -> io::Result<()> {
        match &mut self.to {
            To::Csv(csv) => {
                csv.header()?;
                for pair in pairs {
                    row(csv, base, other, pair)?;
                }
                Ok(())
            }
            To::Report { out, colour } => report(out, base, other, pairs, role, *colour),
        }
    }

    /// Writes what is still due (a CSV header when there were no pairs) and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        match &mut self.to {
            To::Csv(csv) => csv.finish(),
            To::Report { out, .. } => out.flush(),
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
    fn quote<'a>(doc: &'a Document, side: &Option<Side>) -> &'a str {
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
fn report(
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
        let text = |doc: &Document, side: &Option<Side>| {
            side.as_ref().and_then(|s| s.span.get(&doc.text)).map(flat)
        };
        if let Some(quote) = text(base, &pair.base) {
            writeln!(out, "      base:  {quote}")?;
        }
        if let Some(quote) = text(other, &pair.other) {
            if pair.base.is_none() || !pair.edits.is_empty() || pair.class != Class::Verbatim {
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
