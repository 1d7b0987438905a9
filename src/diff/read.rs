//! Reading whosaid outputs back, one document at a time, for [`diff`](super::diff).
//!
//! An output is CSV or JSONL as [`output`](crate::output) writes it; which one is decided
//! by content, not by name: JSONL when the first non-blank byte (after a byte-order mark)
//! is `{`, CSV otherwise. An empty file is an output with no documents.
//!
//! * CSV must have the columns [`REQUIRED_COLUMNS`], in any order; others (`cue`, `rule`,
//!   columns of a newer whosaid) are ignored. Consecutive rows with the same `doc` are one
//!   document. The formula guard is undone: a text cell that starts with `'` and then one
//!   of `= + - @`, tab or carriage return loses the `'`. For `quote` this happens only
//!   when the cell is one byte longer than `end - start`, so a quote that really starts
//!   with `'=` (in `--raw-csv` output) is kept as it is.
//! * JSONL has one `{"id", "quotes": [...]}` record per line, each quote with the fields
//!   [`REQUIRED_FIELDS`] (`speaker` may be `null`); other fields are ignored. Blank lines
//!   are skipped; consecutive records with the same id are one document.
//!
//! Documents without rows are left out, so a CSV (which has no line for them) and a JSONL
//! (which has an empty list) of one run give the same stream. Reading is buffered and
//! holds one document (plus the first row of the next) at a time.

use super::{DocRows, Error, Result, Row};
use crate::formula::unguard_cell;
use crate::input::jsonl::json_message;
use csv::ByteRecord;
use serde::{Deserialize, Deserializer};
use std::io::BufRead;
use std::path::{Path, PathBuf};

/// The CSV columns diff reads; any others are ignored.
pub const REQUIRED_COLUMNS: [&str; 6] = ["doc", "speaker", "kind", "quote", "start", "end"];

/// The fields diff reads from each quote of a JSONL record (besides `id` and `quotes`).
pub const REQUIRED_FIELDS: [&str; 5] = ["text", "speaker", "kind", "start", "end"];

const BUFFER: usize = 256 << 10;

/// The documents of one whosaid output, read one at a time: an iterator of
/// `Result<DocRows>` that stops after its first error.
///
/// ```
/// use whosaid::diff::Outputs;
///
/// let csv = "doc,speaker,kind,quote,cue,start,end\n\
///            a.txt,,mixed,'=SUM(A1),called,10,18\n\
///            b.txt,Ann Lee,direct,Yes,said,3,6\n";
/// let docs: Vec<_> = Outputs::new("out.csv", csv.as_bytes())?.collect::<Result<_, _>>()?;
/// assert_eq!(docs[0].rows[0].quote, "=SUM(A1)");
/// assert_eq!(docs[1].doc, "b.txt");
///
/// let err = Outputs::new("corpus.csv", "id,text\n".as_bytes()).err().unwrap();
/// assert_eq!(err.to_string(), "corpus.csv: not whosaid output: missing columns doc, speaker, kind, quote, start, end");
/// # Ok::<(), whosaid::error::Error>(())
/// ```
pub struct Outputs<R> {
    path: PathBuf,
    format: Format<R>,
    /// Lines taken off before the CSV or JSONL reader started (leading blank lines).
    skipped_lines: u64,
    failed: bool,
}

enum Format<R> {
    Empty,
    Csv(CsvDocs<R>),
    Jsonl(JsonlDocs<R>),
}

impl Outputs<Box<dyn BufRead + Send>> {
    /// Opens the output at `path`, decompressing it when its name ends in `.gz`.
    pub fn open(path: &Path) -> Result<Self> {
        let reader = crate::input::open_with(path, BUFFER)?;
        Outputs::new(path, reader)
    }
}

impl<R: BufRead> Outputs<R> {
    /// Reads an output from `reader`; `path` names it in errors. A CSV header is read and
    /// checked at once.
    pub fn new(path: impl Into<PathBuf>, mut reader: R) -> Result<Self> {
        let path = path.into();
        let read = |source| Error::Read {
            path: path.clone(),
            source,
        };
        if reader
            .fill_buf()
            .map_err(read)?
            .starts_with(b"\xEF\xBB\xBF")
        {
            reader.consume(3);
        }
        // Skip leading whitespace, counting lines, to find the first telling byte.
        let mut skipped_lines = 0;
        let first = loop {
            let buf = reader.fill_buf().map_err(read)?;
            if buf.is_empty() {
                break None;
            }
            let blank = buf.iter().take_while(|b| b.is_ascii_whitespace()).count();
            skipped_lines += memchr::memchr_iter(b'\n', &buf[..blank]).count() as u64;
            let first = buf.get(blank).copied();
            reader.consume(blank);
            if first.is_some() {
                break first;
            }
        };
        let format = match first {
            None => Format::Empty,
            Some(b'{') => Format::Jsonl(JsonlDocs {
                reader,
                line: skipped_lines,
                buf: Vec::new(),
                peeked: None,
            }),
            Some(_) => Format::Csv(CsvDocs::new(&path, reader, skipped_lines)?),
        };
        Ok(Outputs {
            path,
            format,
            skipped_lines,
            failed: false,
        })
    }

    /// The name given to [`Outputs::new`] or [`Outputs::open`].
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl<R: BufRead> Iterator for Outputs<R> {
    type Item = Result<DocRows>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let item = match &mut self.format {
            Format::Empty => None,
            Format::Csv(csv) => csv.next_doc(&self.path, self.skipped_lines),
            Format::Jsonl(jsonl) => jsonl.next_doc(&self.path),
        };
        self.failed = matches!(item, Some(Err(_)));
        item
    }
}

struct CsvDocs<R> {
    csv: csv::Reader<R>,
    /// Where each of [`REQUIRED_COLUMNS`] is in a record.
    columns: [usize; 6],
    record: ByteRecord,
    /// The first row of the next document, read to see where the last one ended.
    peeked: Option<DocRows>,
}

impl<R: BufRead> CsvDocs<R> {
    fn new(path: &Path, reader: R, skipped_lines: u64) -> Result<Self> {
        let mut csv = csv::ReaderBuilder::new().from_reader(reader);
        let header = csv
            .byte_headers()
            .map_err(|err| csv_error(path, skipped_lines, err))?;
        let find = |name: &str| header.iter().position(|h| h == name.as_bytes());
        let missing: Vec<_> = REQUIRED_COLUMNS
            .into_iter()
            .filter(|c| find(c).is_none())
            .collect();
        if !missing.is_empty() {
            return Err(Error::NotOutput {
                path: path.to_path_buf(),
                line: 0,
                missing,
            });
        }
        // Every column was just found.
        let columns = REQUIRED_COLUMNS.map(|c| find(c).unwrap_or_default());
        Ok(CsvDocs {
            csv,
            columns,
            record: ByteRecord::new(),
            peeked: None,
        })
    }

    fn next_doc(&mut self, path: &Path, skipped_lines: u64) -> Option<Result<DocRows>> {
        let mut current = self.peeked.take();
        loop {
            match self.csv.read_byte_record(&mut self.record) {
                Ok(true) => {}
                Ok(false) => return current.map(Ok),
                Err(err) => return Some(Err(csv_error(path, skipped_lines, err))),
            }
            let (doc, row) = match parse_row(&self.record, &self.columns, path, skipped_lines) {
                Ok(parsed) => parsed,
                Err(err) => return Some(Err(err)),
            };
            match &mut current {
                Some(cur) if cur.doc == doc => cur.rows.push(row),
                Some(_) => {
                    self.peeked = Some(DocRows {
                        doc: doc.to_owned(),
                        rows: vec![row],
                    });
                    return current.map(Ok);
                }
                None => {
                    current = Some(DocRows {
                        doc: doc.to_owned(),
                        rows: vec![row],
                    })
                }
            }
        }
    }
}

/// The document id and row of a CSV record.
fn parse_row<'r>(
    record: &'r ByteRecord,
    columns: &[usize; 6],
    path: &Path,
    skipped_lines: u64,
) -> Result<(&'r str, Row)> {
    let line = line_no(skipped_lines + record.position().map_or(0, |p| p.line()));
    let bad = |msg: String| Error::BadRow {
        path: path.to_path_buf(),
        line,
        msg,
    };
    let mut cells = [""; 6];
    for (k, &at) in columns.iter().enumerate() {
        // A record has as many cells as the header: the reader is not flexible.
        let bytes = record.get(at).unwrap_or_default();
        cells[k] = std::str::from_utf8(bytes)
            .map_err(|_| bad(format!("{} is not UTF-8", REQUIRED_COLUMNS[k])))?;
    }
    let [doc, speaker, kind, quote, start, end] = cells;
    let number = |name: &str, cell: &str| {
        cell.parse::<usize>()
            .map_err(|_| bad(format!("{name} is {cell:?}, not an offset")))
    };
    let (start, end) = (number("start", start)?, number("end", end)?);
    if end < start {
        return Err(bad(format!("end {end} comes before start {start}")));
    }
    let quote = if quote.len() == end - start + 1 {
        unguard_cell(quote)
    } else {
        quote
    };
    let row = Row {
        speaker: unguard_cell(speaker).to_owned(),
        kind: unguard_cell(kind).to_owned(),
        quote: quote.to_owned(),
        start,
        end,
    };
    Ok((unguard_cell(doc), row))
}

/// A line number as errors hold it; csv counts in u64, and a file of more lines than a
/// usize counts is named by the last line a usize can.
fn line_no(line: u64) -> usize {
    usize::try_from(line).unwrap_or(usize::MAX)
}

fn csv_error(path: &Path, skipped_lines: u64, err: csv::Error) -> Error {
    let line = line_no(skipped_lines + err.position().map_or(1, |p| p.line()));
    match err.into_kind() {
        csv::ErrorKind::Io(source) => Error::Read {
            path: path.to_path_buf(),
            source,
        },
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => Error::BadRow {
            path: path.to_path_buf(),
            line,
            msg: format!("{len} cells where the header has {expected_len}"),
        },
        kind => Error::BadRow {
            path: path.to_path_buf(),
            line,
            msg: format!("{kind:?}"),
        },
    }
}

struct JsonlDocs<R> {
    reader: R,
    /// The 1-based number of the line last read.
    line: u64,
    buf: Vec<u8>,
    peeked: Option<DocRows>,
}

/// A JSONL record as diff reads it; `None` is a missing field.
#[derive(Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    quotes: Option<Vec<JsonQuote>>,
}

#[derive(Deserialize)]
struct JsonQuote {
    text: Option<String>,
    /// `Some(None)` is a `null` speaker, `None` a missing field.
    #[serde(default, deserialize_with = "present")]
    speaker: Option<Option<String>>,
    kind: Option<String>,
    start: Option<usize>,
    end: Option<usize>,
}

/// Deserializes a field that is there, even as `null`, as `Some`.
fn present<'de, D, T>(de: D) -> std::result::Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(de).map(Some)
}

impl<R: BufRead> JsonlDocs<R> {
    fn next_doc(&mut self, path: &Path) -> Option<Result<DocRows>> {
        let mut current = self.peeked.take();
        loop {
            let doc = match self.next_record(path) {
                None => return current.map(Ok),
                Some(Err(err)) => return Some(Err(err)),
                Some(Ok(doc)) if doc.rows.is_empty() => continue,
                Some(Ok(doc)) => doc,
            };
            match &mut current {
                Some(cur) if cur.doc == doc.doc => cur.rows.extend(doc.rows),
                Some(_) => {
                    self.peeked = Some(doc);
                    return current.map(Ok);
                }
                None => current = Some(doc),
            }
        }
    }

    /// The next record, blank lines skipped.
    fn next_record(&mut self, path: &Path) -> Option<Result<DocRows>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(source) => {
                    let path = path.to_path_buf();
                    return Some(Err(Error::Read { path, source }));
                }
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(self.parse(path));
        }
    }

    fn parse(&self, path: &Path) -> Result<DocRows> {
        let line = line_no(self.line);
        let bad = |msg: String| Error::BadRow {
            path: path.to_path_buf(),
            line,
            msg,
        };
        let record: JsonDoc =
            serde_json::from_slice(&self.buf).map_err(|err| bad(json_message(&err)))?;
        let missing = |missing: Vec<&'static str>| Error::NotOutput {
            path: path.to_path_buf(),
            line,
            missing,
        };
        let (id, quotes) = match (record.id, record.quotes) {
            (Some(id), Some(quotes)) => (id, quotes),
            (id, quotes) => {
                let names = [("id", id.is_none()), ("quotes", quotes.is_none())];
                let names = names.iter().filter(|n| n.1).map(|n| n.0).collect();
                return Err(missing(names));
            }
        };
        let doc = match id {
            serde_json::Value::String(id) => id,
            serde_json::Value::Number(id) => id.to_string(),
            _ => return Err(bad("id is not a string or number".into())),
        };
        let mut rows = Vec::with_capacity(quotes.len());
        for q in quotes {
            match (q.text, q.speaker, q.kind, q.start, q.end) {
                (Some(quote), Some(speaker), Some(kind), Some(start), Some(end)) => {
                    rows.push(Row {
                        speaker: speaker.unwrap_or_default(),
                        kind,
                        quote,
                        start,
                        end,
                    })
                }
                (text, speaker, kind, start, end) => {
                    let absent = [
                        text.is_none(),
                        speaker.is_none(),
                        kind.is_none(),
                        start.is_none(),
                        end.is_none(),
                    ];
                    let names = REQUIRED_FIELDS
                        .into_iter()
                        .zip(absent)
                        .filter(|n| n.1)
                        .map(|n| n.0)
                        .collect();
                    return Err(missing(names));
                }
            }
        }
        Ok(DocRows { doc, rows })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(name: &str, text: &str) -> Result<Vec<DocRows>> {
        Outputs::new(name, text.as_bytes())?.collect()
    }

    /// `doc: speaker|kind|quote|start|end; ...` per document.
    fn show(docs: &[DocRows]) -> Vec<String> {
        docs.iter()
            .map(|d| {
                let rows: Vec<_> = d
                    .rows
                    .iter()
                    .map(|r| format!("{}|{}|{}|{}|{}", r.speaker, r.kind, r.quote, r.start, r.end))
                    .collect();
                format!("{}: {}", d.doc, rows.join("; "))
            })
            .collect()
    }

    const HEADER: &str = "doc,speaker,kind,quote,cue,start,end,speaker_mention,speaker_start,\
speaker_end,attribution,rule,speaker_id,speaker_kind,speaker_title\n";

    #[test]
    fn csv_rows_group_by_consecutive_doc_and_lose_the_guard() {
        let csv = format!(
            "\u{feff}{HEADER}\
a.txt,Ann,direct,Yes,said,0,3,,,,1,r,,,\n\
a.txt,'@org,mixed,'=SUM(A1),called,10,18,,,,2,r,,,\n\
'-1,,indirect,'-5 degrees,said,0,10,,,,1,r,,,\n\
'-1,,indirect,'=x,said,0,3,,,,2,r,,,\n\
a.txt,Ann,direct,Again,said,30,35,,,,3,r,,,\n"
        );
        let docs = read("out.csv", &csv).unwrap();
        assert_eq!(
            show(&docs),
            [
                "a.txt: Ann|direct|Yes|0|3; @org|mixed|=SUM(A1)|10|18",
                // A quote really starting with `'` (its cell is as long as its span) keeps it.
                "-1: |indirect|-5 degrees|0|10; |indirect|'=x|0|3",
                "a.txt: Ann|direct|Again|30|35",
            ]
        );
    }

    #[test]
    fn jsonl_records_skip_empty_and_merge_repeated_ids() {
        let jsonl = "\n{\"id\":\"a\",\"quotes\":[{\"text\":\"Yes\",\"speaker\":null,\"kind\":\"direct\",\"start\":0,\"end\":3,\"cue\":\"said\",\"new\":1}]}\n\
{\"id\":\"b\",\"quotes\":[]}\n\
\n\
{\"id\":\"a\",\"quotes\":[{\"text\":\"No\",\"speaker\":\"Bo\",\"kind\":\"mixed\",\"start\":9,\"end\":11}]}\n\
{\"id\":7,\"quotes\":[{\"text\":\"=x\",\"speaker\":\"C\",\"kind\":\"direct\",\"start\":1,\"end\":3}]}";
        let docs = read("out.jsonl", jsonl).unwrap();
        assert_eq!(
            show(&docs),
            ["a: |direct|Yes|0|3; Bo|mixed|No|9|11", "7: C|direct|=x|1|3"]
        );
    }

    #[test]
    fn empty_input_has_no_documents() {
        assert!(read("e.csv", "").unwrap().is_empty());
        assert!(read("e.csv", "\n  \n").unwrap().is_empty());
        assert!(read("h.csv", HEADER).unwrap().is_empty());
    }

    #[test]
    fn errors_name_the_file_the_line_and_what_is_wrong() {
        let cases = [
            (
                "doc,speaker,text,begin,end\n",
                "x: not whosaid output: missing columns kind, quote, start",
            ),
            (
                "\n\n{\"id\":\"a\",\"text\":\"Rain.\"}\n",
                "x:3: not whosaid output: missing fields quotes",
            ),
            (
                "{\"id\":\"a\",\"quotes\":[{\"text\":\"Yes\",\"kind\":\"direct\",\"end\":3}]}\n",
                "x:1: not whosaid output: missing fields speaker, start",
            ),
            (
                "doc,speaker,kind,quote,start,end\na,,direct,Yes,three,6\n",
                "x:2: bad row: start is \"three\", not an offset",
            ),
            (
                "doc,speaker,kind,quote,start,end\na,,direct,Yes,6,3\n",
                "x:2: bad row: end 3 comes before start 6",
            ),
            (
                "doc,speaker,kind,quote,start,end\na,,direct,Yes,3\n",
                "x:2: bad row: 5 cells where the header has 6",
            ),
            (
                "{\"id\":\"a\",\"quotes\":[}\n",
                "x:1: bad row: expected value at column 21",
            ),
            (
                "{\"id\":[],\"quotes\":[]}\n",
                "x:1: bad row: id is not a string or number",
            ),
        ];
        for (text, want) in cases {
            let err = read("x", text).unwrap_err();
            assert_eq!(err.to_string(), want, "{text:?}");
        }
    }

    #[test]
    fn reading_stops_after_an_error() {
        let text = "doc,speaker,kind,quote,start,end\na,,direct,Yes,x,6\nb,,direct,No,0,2\n";
        let mut docs = Outputs::new("x", text.as_bytes()).unwrap();
        assert!(docs.next().unwrap().is_err());
        assert!(docs.next().is_none());
    }
}
