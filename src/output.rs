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
//! use whosaid::{Attribution, Document, QuoteKind, Rule, Span, Speaker};
//!
//! let doc = Document::new("a.txt", "“Yes,” she said.");
//! let yes = Attribution {
//!     quote: Span::new(3, 6),
//!     kind: QuoteKind::Direct,
//!     speaker: Speaker { name: "Ann Lee".into(), mention: Some(Span::new(11, 14)), ..Default::default() },
//!     cue: Some(Span::new(15, 19)),
//!     attribution: 1,
//!     rule: Rule::QuoteSpeakerVerb,
//! };
//! let mut out = Vec::new();
//! let mut sink = CsvSink::new(&mut out);
//! sink.write(&doc, &[yes])?;
//! sink.finish()?;
//! drop(sink);
//! let csv = String::from_utf8(out).unwrap();
//! assert_eq!(csv.lines().nth(1), Some("a.txt,Ann Lee,direct,Yes,said,3,6,she,11,14,1,quote-speaker-verb,,,"));
//! # Ok::<(), std::io::Error>(())
//! ```

use crate::attribution::Attribution;
use crate::document::Document;
use crate::span::Span;
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
struct Row<'a> {
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

/// A field of a [`Row`]; `None` is an empty CSV cell or a JSON `null`.
#[derive(Clone, Copy)]
enum Cell<'a> {
    Text(Option<&'a str>),
    Number(Option<usize>),
}

impl<'a> Row<'a> {
    /// The fields with their JSONL keys, in JSONL order.
    fn fields(&self) -> [(&'static str, Cell<'a>); 14] {
        use Cell::{Number, Text};
        [
            ("text", Text(Some(self.quote))),
            ("speaker", Text(self.speaker)),
            ("kind", Text(Some(self.kind))),
            ("cue", Text(self.cue)),
            ("start", Number(Some(self.start))),
            ("end", Number(Some(self.end))),
            ("speaker_mention", Text(self.speaker_mention)),
            ("speaker_start", Number(self.speaker_start)),
            ("speaker_end", Number(self.speaker_end)),
            ("attribution", Number(Some(self.attribution))),
            ("rule", Text(Some(self.rule))),
            ("speaker_id", Text(self.speaker_id)),
            ("speaker_kind", Text(self.speaker_kind)),
            ("speaker_title", Text(self.speaker_title)),
        ]
    }

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
            rule: a.rule.as_str(),
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

/// What a failed row-width check reads as, worded as csv's own error was.
fn unequal_lengths(expected_len: usize, len: usize) -> io::Error {
    io::Error::other(format!(
        "CSV: UnequalLengths {{ pos: None, expected_len: {expected_len}, len: {len} }}"
    ))
}

/// Rows encoded in memory, byte for byte as `csv::Writer` with its defaults wrote them:
/// a cell is quoted iff it holds a byte of [`is_csv_special`], a quote inside is doubled, a row
/// ends in `\n`, and a row with no bytes at all is written `""` so that it still reads as
/// a row. csv's general state machine cost more than the rest of the rendering.
struct CsvRows {
    bytes: Vec<u8>,
    /// Without the formula guard.
    raw: bool,
    /// The cells every row must have: a short row is a bug, caught as csv caught it.
    width: usize,
    /// Cells written in the row being written.
    cells: usize,
    /// Where the row being written starts in `bytes`.
    row_start: usize,
    /// Whether bytes of the row being written went out already (a flush in mid-row).
    row_sent: bool,
}

impl CsvRows {
    fn new(width: usize, raw: bool, capacity: usize) -> Self {
        CsvRows {
            bytes: Vec::with_capacity(capacity),
            raw,
            width,
            cells: 0,
            row_start: 0,
            row_sent: false,
        }
    }

    fn text(&mut self, cell: Option<&str>) {
        let cell = cell.unwrap_or("");
        let guard = !self.raw && cell.starts_with(FORMULA_MARKS) && cell != "-";
        self.cell(if guard { b"'" } else { b"" }, cell.as_bytes());
    }

    /// `prefix` then `cell` as one cell: the formula guard without a copy of the cell.
    fn cell(&mut self, prefix: &[u8], cell: &[u8]) {
        self.separate();
        if needs_quotes(cell) {
            self.quoted(prefix, cell);
        } else {
            if !prefix.is_empty() {
                self.bytes.extend_from_slice(prefix);
            }
            self.bytes.extend_from_slice(cell);
        }
    }

    fn quoted(&mut self, prefix: &[u8], cell: &[u8]) {
        self.bytes.push(b'"');
        self.bytes.extend_from_slice(prefix);
        let mut rest = cell;
        while let Some(at) = memchr::memchr(b'"', rest) {
            self.bytes.extend_from_slice(&rest[..=at]);
            self.bytes.push(b'"');
            rest = &rest[at + 1..];
        }
        self.bytes.extend_from_slice(rest);
        self.bytes.push(b'"');
    }

    fn number(&mut self, n: Option<usize>) {
        self.separate();
        if let Some(n) = n {
            let mut digits = [0u8; 20];
            self.bytes.extend_from_slice(decimal(n, &mut digits));
        }
    }

    fn separate(&mut self) {
        if self.cells > 0 {
            self.bytes.push(b',');
        }
        self.cells += 1;
    }

    fn end_row(&mut self) -> io::Result<()> {
        if self.cells != self.width {
            return Err(unequal_lengths(self.width, self.cells));
        }
        if self.bytes.len() == self.row_start && !self.row_sent {
            self.bytes.extend_from_slice(b"\"\"");
        }
        self.bytes.push(b'\n');
        self.cells = 0;
        self.row_sent = false;
        self.row_start = self.bytes.len();
        Ok(())
    }
}

/// The bytes that make a CSV cell quoted: the separator, the quote, and both line ends (a
/// reader takes a bare `\r` for a row's end too).
fn is_csv_special(b: u8) -> bool {
    matches!(b, b',' | b'"' | b'\n' | b'\r')
}

fn word_has_csv_special(word: u64) -> bool {
    let found = zero_bytes(word ^ splat(b','))
        | zero_bytes(word ^ splat(b'"'))
        | zero_bytes(word ^ splat(b'\n'))
        | zero_bytes(word ^ splat(b'\r'));
    found & HIGHS != 0
}

fn needs_quotes(cell: &[u8]) -> bool {
    find_byte(cell, word_has_csv_special, is_csv_special).is_some()
}

/// The first byte of `bytes` that `is` takes, looked for 8 bytes at a time with `word_has`
/// (which must find a word with such a byte, and only such a word): most cells and
/// strings have none, and a byte at a time cost most of the rendering.
fn find_byte(
    bytes: &[u8],
    word_has: impl Fn(u64) -> bool,
    is: impl Fn(u8) -> bool,
) -> Option<usize> {
    let mut from = 0;
    while let Some(next) = bytes.get(from..from + 8) {
        if word_has(word(next)) {
            break;
        }
        from += 8;
    }
    if from + 8 > bytes.len() && bytes.len() >= 8 {
        // The bytes left, as the last 8: what they overlap is known to be clean.
        from = bytes.len() - 8;
        if !word_has(word(&bytes[from..])) {
            return None;
        }
    }
    bytes[from..]
        .iter()
        .position(|&b| is(b))
        .map(|at| from + at)
}

const ONES: u64 = u64::from_le_bytes([1; 8]);
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

fn word(bytes: &[u8]) -> u64 {
    u64::from_le_bytes(bytes.try_into().expect("a word of 8 bytes"))
}

/// `b` in each of the 8 bytes.
const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// High bits set in the bytes of `x` below `n` (at most 128), and maybe in bytes above
/// such a byte (the classic bit hack): never when there is none, so exact for "any".
fn bytes_below(x: u64, n: u8) -> u64 {
    x.wrapping_sub(splat(n)) & !x
}

fn zero_bytes(x: u64) -> u64 {
    bytes_below(x, 1)
}

/// A CSV table as whosaid writes them all (extractions, diffs, comparisons): its header
/// before the first row, or alone at the end when there are no rows; text cells with the
/// formula guard ([`guard_cell`]) unless [`CsvTable::raw`] is set; errors as `io::Error`s,
/// so that a closed pipe still reads as one.
///
/// A row is its cells in column order, then [`CsvTable::end_row`]. Rows are buffered and
/// written out 8 KiB at a time, and when the table is finished or dropped.
pub struct CsvTable<W: Write> {
    out: W,
    rows: CsvRows,
    header: &'static [&'static str],
    header_written: bool,
}

impl<W: Write> CsvTable<W> {
    /// The bytes buffered before they go out: csv::Writer's buffer, so that writes to an
    /// unbuffered `W` stay as few as they were.
    const BLOCK: usize = 8 << 10;

    /// A table with the columns `header`.
    pub fn new(out: W, header: &'static [&'static str]) -> Self {
        CsvTable {
            out,
            rows: CsvRows::new(header.len(), false, Self::BLOCK + 1024),
            header,
            header_written: false,
        }
    }

    /// With `true`, text cells are written as they are, without the formula guard.
    pub fn raw(mut self, raw: bool) -> Self {
        self.rows.raw = raw;
        self
    }

    /// Writes the header, unless it is out already.
    pub fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            for name in self.header {
                self.rows.cell(b"", name.as_bytes());
            }
            self.header_written = true;
            self.end_row()?;
        }
        Ok(())
    }

    /// A text cell, guarded; `None` is an empty cell.
    pub fn text(&mut self, cell: Option<&str>) -> io::Result<()> {
        self.rows.text(cell);
        Ok(())
    }

    /// A cell of whosaid's own making (a class, a list of edits, a score), which cannot
    /// start a formula: written as it is.
    pub fn plain(&mut self, cell: &str) -> io::Result<()> {
        self.rows.cell(b"", cell.as_bytes());
        Ok(())
    }

    /// A number cell; `None` is an empty cell.
    pub fn number(&mut self, n: Option<usize>) -> io::Result<()> {
        self.rows.number(n);
        Ok(())
    }

    /// Ends the row of the cells written since the last one.
    pub fn end_row(&mut self) -> io::Result<()> {
        self.rows.end_row()?;
        self.row_ended()
    }

    /// Sends the buffered rows out once they fill a block.
    fn row_ended(&mut self) -> io::Result<()> {
        if self.rows.bytes.len() >= Self::BLOCK {
            self.send()?;
        }
        Ok(())
    }

    /// Everything buffered, out to the writer.
    fn send(&mut self) -> io::Result<()> {
        let rows = &mut self.rows;
        self.out.write_all(&rows.bytes)?;
        rows.row_sent |= rows.bytes.len() > rows.row_start;
        rows.bytes.clear();
        rows.row_start = 0;
        Ok(())
    }

    /// Writes the header if no row did, and flushes.
    pub fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.flush()
    }

    fn flush(&mut self) -> io::Result<()> {
        self.send()?;
        self.out.flush()
    }
}

impl<W: Write> Drop for CsvTable<W> {
    /// What is buffered still goes out, as csv::Writer saw to; errors have nowhere to go.
    fn drop(&mut self) {
        let _ = self.flush();
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
            csv_row(&mut t.rows, doc, a)?;
            t.row_ended()?;
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        self.table.finish()
    }
}

/// The row of `a`, under [`CSV_HEADER`]: the document, then the fields, the quotation
/// after the kind where JSONL has it first.
fn csv_row(t: &mut CsvRows, doc: &Document, a: &Attribution) -> io::Result<()> {
    let fields = Row::new(doc, a)?.fields();
    t.text(Some(&doc.id));
    for (_, cell) in [fields[1], fields[2], fields[0]].iter().chain(&fields[3..]) {
        match *cell {
            Cell::Text(text) => t.text(text),
            Cell::Number(n) => t.number(n),
        }
    }
    t.end_row()
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

/// About the bytes the row of `a` takes, in CSV or in JSON: its texts and room for the rest.
fn row_size(doc: &Document, a: &Attribution) -> usize {
    let speaker = &a.speaker;
    let texts = [&doc.id, &speaker.name, &speaker.id, &speaker.title];
    let spans = [Some(a.quote), a.cue, speaker.mention];
    let texts: usize = texts.iter().map(|t| t.len()).sum();
    let spans: usize = spans.iter().flatten().map(|s| s.len()).sum();
    texts + spans + 256
}

/// One JSON object per document, `{"id": ..., "quotes": [...]}`, one per line.
///
/// Every document gets its line, with an empty list when it has no quotes, so the output
/// lines up with the input. Each quote has the CSV columns, `quote` named `text`.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// Writes each document's line whole.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        let mut line = Vec::new();
        json_line(&mut line, doc, attributions)?;
        self.out.write_all(&line)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The JSONL line of `doc`, byte for byte as serde_json's compact form of
/// `{"id": ..., "quotes": [Row, ...]}` was; a bad span leaves the line unfinished.
fn json_line(out: &mut Vec<u8>, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
    out.extend_from_slice(b"{\"id\":");
    json_str(out, &doc.id);
    out.extend_from_slice(b",\"quotes\":[");
    for (i, a) in attributions.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        json_row(out, &Row::new(doc, a)?);
    }
    out.extend_from_slice(b"]}\n");
    Ok(())
}

/// One quote as a JSON object, the fields in [`Row::fields`] order.
fn json_row(out: &mut Vec<u8>, row: &Row) {
    for (k, (key, cell)) in row.fields().into_iter().enumerate() {
        out.extend_from_slice(if k == 0 { b"{\"" } else { b",\"" });
        // Keys are ours, with nothing to escape.
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        match cell {
            Cell::Text(text) => json_opt_str(out, text),
            Cell::Number(n) => json_number(out, n),
        }
    }
    out.push(b'}');
}

fn json_number(out: &mut Vec<u8>, n: Option<usize>) {
    match n {
        Some(n) => out.extend_from_slice(decimal(n, &mut [0; 20])),
        None => out.extend_from_slice(b"null"),
    }
}

fn json_opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => json_str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `s` as a JSON string, escaped as serde_json escapes: `"` and `\` with a backslash, the
/// control characters with their short escape or `\u00xx`, everything else as it is.
fn json_str(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let mut rest = s.as_bytes();
    while let Some(at) = json_escape_at(rest) {
        out.extend_from_slice(&rest[..at]);
        json_escape(out, rest[at]);
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.push(b'"');
}

/// Where the first byte JSON must escape is in `bytes`, if anywhere.
fn json_escape_at(bytes: &[u8]) -> Option<usize> {
    find_byte(bytes, word_has_json_escape, is_json_escape)
}

fn is_json_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

fn word_has_json_escape(word: u64) -> bool {
    let found =
        bytes_below(word, 0x20) | zero_bytes(word ^ splat(b'"')) | zero_bytes(word ^ splat(b'\\'));
    found & HIGHS != 0
}

fn json_escape(out: &mut Vec<u8>, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => b'"',
        b'\\' => b'\\',
        0x08 => b'b',
        0x0C => b'f',
        b'\n' => b'n',
        b'\r' => b'r',
        b'\t' => b't',
        _ => {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]];
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&hex);
            return;
        }
    };
    out.extend_from_slice(&[b'\\', short]);
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
    use crate::attribution::{QuoteKind, Rule, Speaker, SpeakerKind};

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
                rule: Rule::QuoteVerbSpeaker,
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
                rule: Rule::Continuation,
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
                rule: Rule::SpeakerVerbContent,
            },
            Attribution {
                quote: span_of("the order was final"),
                kind: QuoteKind::Indirect,
                speaker: Speaker::default(),
                cue: Some(span_of("said the")),
                attribution: 4,
                rule: Rule::ClauseVerbSpeaker,
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
            rule: Rule::Continuation,
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
            rule: Rule::Continuation,
        };
        let err = CsvSink::new(ClosedPipe).write(&doc, &[a]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }

    /// `rows` as csv::Writer with its defaults writes them.
    fn csv_crate(rows: &[Vec<String>]) -> Vec<u8> {
        let mut csv = csv::Writer::from_writer(Vec::new());
        for row in rows {
            csv.write_record(row).unwrap();
        }
        csv.into_inner().unwrap()
    }

    /// `rows` as [`CsvRows`] writes them, all cells text.
    fn csv_rows(rows: &[Vec<String>], raw: bool) -> Vec<u8> {
        let width = rows.first().map_or(0, Vec::len);
        let mut t = CsvRows::new(width, raw, 0);
        for row in rows {
            for cell in row {
                t.text(Some(cell));
            }
            t.end_row().unwrap();
        }
        t.bytes
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn csv_cells_are_quoted_when_they_hold_a_separator_quote_or_line_end() {
        let row = strings(&[
            "a",
            "b,c",
            "say \"hi\"",
            "two\nlines",
            "cr\r",
            "",
            "tab\tok",
        ]);
        let rows = [row];
        let want = "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\r\",,tab\tok\n";
        assert_eq!(String::from_utf8(csv_rows(&rows, true)).unwrap(), want);
        assert_eq!(csv_rows(&rows, true), csv_crate(&rows));
    }

    #[test]
    fn csv_row_of_one_empty_cell_is_two_quotes() {
        let rows = [strings(&[""]), strings(&["x"]), strings(&[""])];
        assert_eq!(csv_rows(&rows, true), b"\"\"\nx\n\"\"\n");
        assert_eq!(csv_rows(&rows, true), csv_crate(&rows));
    }

    #[test]
    fn csv_guard_goes_inside_the_quotes() {
        let row = strings(&["=1,2", "-", "-\"x\"", "@a"]);
        let got = csv_rows(&[row], false);
        assert_eq!(got, b"\"'=1,2\",-,\"'-\"\"x\"\"\",'@a\n");
    }

    #[test]
    fn csv_row_of_the_wrong_width_is_an_error() {
        let mut t = CsvTable::new(Vec::new(), &["a", "b"]);
        t.header().unwrap();
        t.text(Some("only one")).unwrap();
        let err = t.end_row().unwrap_err();
        assert!(err.to_string().contains("UnequalLengths"), "{err}");
    }

    #[test]
    fn csv_table_writes_what_it_holds_when_dropped() {
        let mut out = Vec::new();
        {
            let mut t = CsvTable::new(&mut out, &["a", "b"]);
            t.number(Some(12)).unwrap();
            t.number(None).unwrap();
            t.end_row().unwrap();
        }
        assert_eq!(out, b"12,\n");
    }

    #[test]
    fn csv_table_sends_full_blocks_and_keeps_the_rest() {
        let mut out = Vec::new();
        let mut t = CsvTable::new(&mut out, &["a"]);
        t.header().unwrap();
        let cell = "x".repeat(1000);
        for _ in 0..10 {
            t.plain(&cell).unwrap();
            t.end_row().unwrap();
        }
        let buffered = t.rows.bytes.len();
        t.finish().unwrap();
        drop(t);
        assert!(buffered < CsvTable::<Vec<u8>>::BLOCK, "{buffered}");
        assert_eq!(out.len(), 2 + 10 * 1001);
    }

    #[test]
    fn json_strings_are_escaped_as_serde_json_escapes_them() {
        let all_ascii: String = (0u8..128).map(char::from).collect();
        for s in [
            "",
            "plain",
            "“quoted” é",
            "a\"b\\c\nd\re\tf\u{8}\u{c}\u{1}\u{1f}\u{7f}",
            &all_ascii,
        ] {
            let mut out = Vec::new();
            json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    /// Text with the bytes both encoders treat specially, often and anywhere.
    const TRICKY: &str = "[a-z ,\"\\\\\r\n\t\u{0}-\u{1f}=+@'é“”-]{0,40}";

    proptest::proptest! {
        #[test]
        fn csv_rows_are_what_csv_writes(
            rows in proptest::collection::vec(proptest::collection::vec(TRICKY, 3), 0..4)
        ) {
            proptest::prop_assert_eq!(csv_rows(&rows, true), csv_crate(&rows));
            let guarded: Vec<Vec<String>> = rows
                .iter()
                .map(|row| row.iter().map(|c| guard_cell(c.as_str()).into_owned()).collect())
                .collect();
            proptest::prop_assert_eq!(csv_rows(&rows, false), csv_crate(&guarded));
        }

        #[test]
        fn csv_rows_of_one_cell_are_what_csv_writes(
            cells in proptest::collection::vec("[a,\"]{0,2}", 0..6)
        ) {
            let rows: Vec<Vec<String>> = cells.into_iter().map(|c| vec![c]).collect();
            proptest::prop_assert_eq!(csv_rows(&rows, true), csv_crate(&rows));
        }

        #[test]
        fn json_strings_are_what_serde_json_writes(s in TRICKY) {
            let mut out = Vec::new();
            json_str(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn json_strings_of_any_text_are_what_serde_json_writes(s in "\\PC{0,40}|.{0,40}") {
            let mut out = Vec::new();
            json_str(&mut out, &s);
            proptest::prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn any_cell_is_quoted_as_csv_quotes_it(cell in ".{0,40}") {
            let rows = [vec![cell.clone(), cell]];
            proptest::prop_assert_eq!(csv_rows(&rows, true), csv_crate(&rows));
        }
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
