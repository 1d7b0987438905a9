//! Output: where attributions go once a document has been read.
//!
//! This is the last stage of the pipeline. Extraction pushes each document and its
//! attributions into a [`Sink`], one document at a time and in input order; the sink
//! formats them and writes to any [`io::Write`]. [`CsvSink`] writes one row per attribution,
//! [`JsonlSink`] one line per document, [`TableSink`] aligned columns for a terminal. Sinks
//! never print on their own and never reorder: the same calls give the same bytes.
//!
//! Offsets (`start`, `end`, `speaker_start`, `speaker_end`) are byte offsets into the
//! document's text as read, so `&doc.text[start..end]` is the `quote` cell. The one exception
//! is the CSV formula guard: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return would be run as a formula by a spreadsheet that opens the file, so by
//! default it gets a leading `'` (a lone `-`, the id of stdin, is left alone: it is no
//! formula; see [`guard_cell`]). [`CsvSink::raw`] turns the guard off for programs that
//! read the CSV. [`CsvTable`] writes every CSV table whosaid makes, this guard included.
//!
//! ```
//! use whosaid::output::{CsvSink, Sink};
//! use whosaid::{Attribution, Document, QuoteKind, Span, Speaker};
//!
//! let doc = Document::new("a.txt", "“Yes,” she said.");
//! let yes = Attribution {
//!     quote: Span::new(3, 6),
//!     kind: QuoteKind::Direct,
//!     speaker: Speaker { name: "Ann Lee".into(), mention: Some(Span::new(11, 14)), ..Default::default() },
//!     cue: Some(Span::new(15, 19)),
//!     attribution: 1,
//!     rule: "quote-cue-after",
//! };
//! let mut out = Vec::new();
//! let mut sink = CsvSink::new(&mut out);
//! sink.write(&doc, &[yes])?;
//! sink.finish()?;
//! drop(sink);
//! let csv = String::from_utf8(out).unwrap();
//! assert_eq!(csv.lines().nth(1), Some("a.txt,Ann Lee,direct,Yes,said,3,6,she,11,14,1,quote-cue-after,,,"));
//! # Ok::<(), std::io::Error>(())
//! ```

use crate::attribution::Attribution;
use crate::document::Document;
use crate::span::Span;
use serde::Serialize;
use std::borrow::Cow;
use std::io::{self, Write};

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

/// The CSV columns, in order.
pub const CSV_HEADER: [&str; 15] = [
    "doc",
    "speaker",
    "kind",
    "quote",
    "cue",
    "start",
    "end",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "attribution",
    "rule",
    "speaker_id",
    "speaker_kind",
    "speaker_title",
];

/// One attribution with its text cut out of the document: what every sink prints.
///
/// Field order is the JSONL order; `None` is an empty CSV cell or a JSON `null`.
#[derive(Serialize)]
struct Row<'a> {
    #[serde(rename = "text")]
    quote: &'a str,
    speaker: Option<&'a str>,
    kind: &'static str,
    cue: Option<&'a str>,
    start: usize,
    end: usize,
    speaker_mention: Option<&'a str>,
    speaker_start: Option<usize>,
    speaker_end: Option<usize>,
    attribution: usize,
    rule: &'static str,
    speaker_id: Option<&'a str>,
    speaker_kind: Option<&'static str>,
    speaker_title: Option<&'a str>,
}

impl<'a> Row<'a> {
    fn new(doc: &'a Document, a: &'a Attribution) -> io::Result<Self> {
        let mention = a.speaker.mention;
        Ok(Row {
            quote: cut(doc, a.quote)?,
            speaker: non_empty(&a.speaker.name),
            kind: a.kind.as_str(),
            cue: a.cue.map(|cue| cut(doc, cue)).transpose()?,
            start: a.quote.start,
            end: a.quote.end,
            speaker_mention: mention.map(|m| cut(doc, m)).transpose()?,
            speaker_start: mention.map(|m| m.start),
            speaker_end: mention.map(|m| m.end),
            attribution: a.attribution,
            rule: a.rule,
            speaker_id: non_empty(&a.speaker.id),
            speaker_kind: a.speaker.kind.map(|k| k.as_str()),
            speaker_title: non_empty(&a.speaker.title),
        })
    }
}

/// The text `span` covers; a span off the document's char boundaries is an extraction bug,
/// reported as an error rather than a panic in the middle of a long run.
fn cut(doc: &Document, span: Span) -> io::Result<&str> {
    span.get(&doc.text).ok_or_else(|| {
        debug_assert!(false, "span {span:?} does not slice {}", doc.id);
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!(
                "{}: span {}..{} does not fall on characters of the text ({} bytes)",
                doc.id,
                span.start,
                span.end,
                doc.text.len()
            ),
        )
    })
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// The first characters that make a spreadsheet run a cell as a formula: a text cell that
/// begins with one gets the guard of [`guard_cell`], which `whosaid diff` takes off again.
pub const FORMULA_MARKS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a leading `'` when a spreadsheet would take it for a formula: when it
/// begins with one of [`FORMULA_MARKS`], unless it is a lone `-` (the id of stdin, no
/// formula). Every CSV whosaid writes guards its text cells with it.
///
/// ```
/// use whosaid::output::guard_cell;
///
/// assert_eq!(guard_cell("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(guard_cell("-"), "-");
/// assert_eq!(guard_cell(String::from("Mayor")), "Mayor");
/// ```
pub fn guard_cell<'a>(cell: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    let cell = cell.into();
    if cell.starts_with(FORMULA_MARKS) && cell != "-" {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// The I/O error inside a CSV error, so that a closed pipe still reads as one (csv's own
/// conversion files every error under `ErrorKind::Other`).
fn csv_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        kind => io::Error::other(format!("CSV: {kind:?}")),
    }
}

/// A CSV table as whosaid writes them all (extractions, diffs, comparisons): its header
/// before the first row, or alone at the end when there are no rows; text cells with the
/// formula guard ([`guard_cell`]) unless [`CsvTable::raw`] is set; errors as `io::Error`s,
/// so that a closed pipe still reads as one.
///
/// A row is its cells in column order, then [`CsvTable::end_row`].
pub struct CsvTable<W: Write> {
    csv: csv::Writer<W>,
    header: &'static [&'static str],
    raw: bool,
    header_written: bool,
}

impl<W: Write> CsvTable<W> {
    /// A table with the columns `header`.
    pub fn new(out: W, header: &'static [&'static str]) -> Self {
        CsvTable {
            csv: csv::Writer::from_writer(out),
            header,
            raw: false,
            header_written: false,
        }
    }

    /// With `true`, text cells are written as they are, without the formula guard.
    pub fn raw(mut self, raw: bool) -> Self {
        self.raw = raw;
        self
    }

    /// Writes the header, unless it is out already.
    pub fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.csv.write_record(self.header).map_err(csv_error)?;
            self.header_written = true;
        }
        Ok(())
    }

    /// A text cell, guarded; `None` is an empty cell.
    pub fn text(&mut self, cell: Option<&str>) -> io::Result<()> {
        let cell = cell.unwrap_or("");
        if self.raw {
            self.csv.write_field(cell).map_err(csv_error)
        } else {
            self.csv
                .write_field(guard_cell(cell).as_ref())
                .map_err(csv_error)
        }
    }

    /// A cell of whosaid's own making (a class, a list of edits, a score), which cannot
    /// start a formula: written as it is.
    pub fn plain(&mut self, cell: &str) -> io::Result<()> {
        self.csv.write_field(cell).map_err(csv_error)
    }

    /// A number cell; `None` is an empty cell.
    pub fn number(&mut self, n: Option<usize>) -> io::Result<()> {
        let mut digits = [0u8; 20];
        let cell = n.map_or(&[][..], |n| decimal(n, &mut digits));
        self.csv.write_field(cell).map_err(csv_error)
    }

    /// Ends the row of the cells written since the last one.
    pub fn end_row(&mut self) -> io::Result<()> {
        self.csv.write_record(None::<&[u8]>).map_err(csv_error)
    }

    /// Writes the header if no row did, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.csv.flush()
    }
}

/// One CSV row per attribution, under the header [`CSV_HEADER`].
pub struct CsvSink<W: Write> {
    table: CsvTable<W>,
}

impl<W: Write> CsvSink<W> {
    pub fn new(out: W) -> Self {
        CsvSink {
            table: CsvTable::new(out, &CSV_HEADER),
        }
    }

    /// A sink for rows only: the header is someone else's to write (see [`Rendering::render`]).
    pub fn headerless(out: W) -> Self {
        let mut table = CsvTable::new(out, &CSV_HEADER);
        table.header_written = true;
        CsvSink { table }
    }

    /// With `true`, text cells are written as they are, without the formula guard.
    pub fn raw(mut self, raw: bool) -> Self {
        self.table = self.table.raw(raw);
        self
    }
}

impl<W: Write> Sink for CsvSink<W> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        let t = &mut self.table;
        t.header()?;
        for a in attributions {
            let row = Row::new(doc, a)?;
            t.text(Some(&doc.id))?;
            t.text(row.speaker)?;
            t.text(Some(row.kind))?;
            t.text(Some(row.quote))?;
            t.text(row.cue)?;
            t.number(Some(row.start))?;
            t.number(Some(row.end))?;
            t.text(row.speaker_mention)?;
            t.number(row.speaker_start)?;
            t.number(row.speaker_end)?;
            t.number(Some(row.attribution))?;
            t.text(Some(row.rule))?;
            t.text(row.speaker_id)?;
            t.text(row.speaker_kind)?;
            t.text(row.speaker_title)?;
            t.end_row()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.table.finish()
    }
}

/// `n` in decimal, written into `buf` without allocating: offsets are half the cells of a
/// row.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut at = buf.len();
    loop {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return &buf[at..];
        }
    }
}

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
        let mut out = Vec::new();
        match self {
            Rendering::Csv { raw } => {
                let mut sink = CsvSink::headerless(&mut out).raw(raw);
                sink.write(doc, attributions)?;
                sink.finish()?;
            }
            Rendering::Jsonl => {
                let mut sink = JsonlSink::new(&mut out);
                sink.write(doc, attributions)?;
                sink.finish()?;
            }
        }
        Ok(out)
    }
}

/// One JSON object per document, `{"id": ..., "quotes": [...]}`, one per line.
///
/// Every document gets its line, with an empty list when it has no quotes, so the output
/// lines up with the input. Each quote has the CSV columns, `quote` named `text`.
pub struct JsonlSink<W: Write> {
    out: W,
}

#[derive(Serialize)]
struct JsonDoc<'a> {
    id: &'a str,
    quotes: Vec<Row<'a>>,
}

impl<W: Write> JsonlSink<W> {
    /// Writes small pieces: give it a buffered writer.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        let quotes = attributions
            .iter()
            .map(|a| Row::new(doc, a))
            .collect::<io::Result<_>>()?;
        let line = JsonDoc {
            id: &doc.id,
            quotes,
        };
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{QuoteKind, Speaker, SpeakerKind};

    const TEXT: &str = "“We will not be moved,” said Mayor Brandon Johnson, a Democrat. \
“It is, he said, \"a mess.\"\n\nAnd more.”\nThe agency called the plan “=SUM(A1)”. \
Officials said the order was final.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect(needle);
        Span::new(start, start + needle.len())
    }

    /// A document with one attribution of each shape a sink must handle.
    fn sample() -> (Document, Vec<Attribution>) {
        let johnson = Speaker {
            name: "Brandon Johnson".into(),
            mention: Some(span_of("Mayor Brandon Johnson")),
            id: "brandon-johnson".into(),
            kind: Some(SpeakerKind::Person),
            title: "Mayor".into(),
        };
        let attributions = vec![
            Attribution {
                quote: span_of("We will not be moved,"),
                kind: QuoteKind::Direct,
                speaker: johnson.clone(),
                cue: Some(span_of("said")),
                attribution: 1,
                rule: "quote-cue-after",
            },
            Attribution {
                quote: span_of("It is, he said, \"a mess.\"\n\nAnd more."),
                kind: QuoteKind::Direct,
                speaker: Speaker {
                    mention: Some(span_of("he")),
                    ..johnson
                },
                cue: None,
                attribution: 2,
                rule: "quote-continues",
            },
            Attribution {
                quote: span_of("=SUM(A1)"),
                kind: QuoteKind::Mixed,
                speaker: Speaker {
                    name: "@agency".into(),
                    mention: Some(span_of("The agency")),
                    id: "-1".into(),
                    kind: Some(SpeakerKind::Org),
                    title: "+federal".into(),
                },
                cue: Some(span_of("called")),
                attribution: 3,
                rule: "mixed-called",
            },
            Attribution {
                quote: span_of("the order was final"),
                kind: QuoteKind::Indirect,
                speaker: Speaker::default(),
                cue: Some(span_of("said the")),
                attribution: 4,
                rule: "indirect-plural",
            },
        ];
        (Document::new("=cmd|' /C calc'!A0", TEXT), attributions)
    }

    fn run(sink: &mut dyn Sink) -> io::Result<()> {
        let (doc, attributions) = sample();
        sink.write(&doc, &attributions)?;
        sink.write(&Document::new("empty.txt", "No quotes here."), &[])?;
        sink.finish()
    }

    fn snapshot(name: &str, bytes: Vec<u8>) {
        let text = String::from_utf8(bytes).unwrap();
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(name, text);
        });
    }

    #[test]
    fn sample_spans_slice_their_text() {
        let (doc, attributions) = sample();
        assert_eq!(&doc.text[attributions[3].cue.unwrap().range()], "said the");
    }

    #[test]
    fn csv_sink_guards_formulas() {
        let mut out = Vec::new();
        run(&mut CsvSink::new(&mut out)).unwrap();
        snapshot("output_csv", out);
    }

    #[test]
    fn csv_sink_raw_writes_cells_as_they_are() {
        let mut out = Vec::new();
        run(&mut CsvSink::new(&mut out).raw(true)).unwrap();
        snapshot("output_csv_raw", out);
    }

    #[test]
    fn csv_sink_without_documents_writes_the_header() {
        let mut out = Vec::new();
        CsvSink::new(&mut out).finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), CSV_HEADER.join(",") + "\n");
    }

    #[test]
    fn jsonl_sink_writes_a_line_per_document() {
        let mut out = Vec::new();
        run(&mut JsonlSink::new(&mut out)).unwrap();
        snapshot("output_jsonl", out);
    }

    #[test]
    fn table_sink_cuts_to_width() {
        let mut out = Vec::new();
        run(&mut TableSink::new(&mut out, 90)).unwrap();
        snapshot("output_table", out);
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "does not slice"))]
    fn bad_span_is_an_error_in_release_and_a_panic_in_debug() {
        let doc = Document::new("d", "“é”");
        let a = Attribution {
            quote: Span::new(1, 4),
            kind: QuoteKind::Direct,
            speaker: Speaker::default(),
            cue: None,
            attribution: 1,
            rule: "r",
        };
        let err = CsvSink::new(Vec::new()).write(&doc, &[a]).unwrap_err();
        assert!(err.to_string().starts_with("d: span 1..4 "), "{err}");
    }

    /// A reader that has gone away.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn closed_pipe_is_still_a_broken_pipe_through_csv() {
        // Longer than csv's buffer, so the failure comes from a cell and not from flush.
        let doc = Document::new("d", "x".repeat(100_000));
        let a = Attribution {
            quote: Span::new(0, doc.text.len()),
            kind: QuoteKind::Indirect,
            speaker: Speaker::default(),
            cue: None,
            attribution: 1,
            rule: "r",
        };
        let err = CsvSink::new(ClosedPipe).write(&doc, &[a]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    #[test]
    fn guard_spares_plain_cells_and_lone_dash() {
        assert_eq!(guard_cell("Mayor"), "Mayor");
        assert_eq!(guard_cell("-"), "-");
        assert_eq!(guard_cell("-5"), "'-5");
        assert_eq!(guard_cell("\t=1"), "'\t=1");
        assert_eq!(guard_cell(""), "");
    }
}
