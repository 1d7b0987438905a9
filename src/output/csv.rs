//! CSV: every table whosaid writes, byte for byte as the csv crate wrote it, with the
//! formula guard.
//!
//! [`CsvTable`] writes a table of any columns (extractions, diffs, comparisons, the census);
//! [`CsvSink`] is the table of attributions under [`CSV_HEADER`]. Both encode rows in
//! memory exactly as `csv::Writer` with its defaults did (quoted iff a cell holds a
//! separator, a quote or a line end; quotes doubled; `\n` row ends; an empty row as `""`),
//! because the general writer's state machine cost more than the rest of the rendering.
//!
//! The formula guard: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage
//! return would be run as a formula by a spreadsheet that opens the file, so by default it
//! gets a leading `'` (a lone `-`, the id of stdin, is left alone: it is no formula; see
//! [`guard_cell`]). `raw` turns the guard off for programs that read the CSV, and
//! `whosaid diff` takes it off again when it reads a guarded file.

use super::bytes::{decimal, find_byte, splat, zero_bytes, HIGHS};
use super::row::{Cell, Row};
use super::sink::Sink;
use crate::attribution::Attribution;
use crate::document::Document;
use crate::formula::FORMULA_MARKS;
use std::io::{self, Write};

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
pub(super) struct CsvRows {
    pub(super) bytes: Vec<u8>,
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
    pub(super) fn new(width: usize, raw: bool, capacity: usize) -> Self {
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

/// A CSV table as whosaid writes them all (extractions, diffs, comparisons): its header
/// before the first row, or alone at the end when there are no rows; text cells with the
/// formula guard ([`guard_cell`]) unless [`CsvTable::raw`] is set; errors as `io::Error`s,
/// so that a closed pipe still reads as one.
///
/// A row is its cells in column order, then [`CsvTable::end_row`]. Rows are buffered and
/// written out 8 KiB at a time, and when the table is finished or dropped.
pub(crate) struct CsvTable<W: Write> {
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
pub(super) fn csv_row(t: &mut CsvRows, doc: &Document, a: &Attribution) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::formula::guard_cell;

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
