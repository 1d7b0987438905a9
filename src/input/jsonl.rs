//! JSONL corpora, read one line at a time so a corpus of any size takes the memory of one
//! record: each line is a JSON object with an id and a text (the field names configurable);
//! every other field is skipped unparsed. A bad line is an error naming its file and line, and
//! reading goes on with the next.
//!
//! Reading is two steps: [`JsonlLines`] only splits the stream into lines ([`JsonLine`]),
//! and [`JsonLine::decode`] checks the UTF-8 and parses the JSON. The binary runs the
//! second on its worker threads, so that the thread that reads the corpus only moves bytes:
//! a record whose other fields (annotations, a crawler's metadata) outweigh its text would
//! otherwise keep the workers waiting on the reader.

use super::Fields;
use crate::document::Document;
use crate::error::{Error, Result};
use std::io::{self, BufRead};
use std::path::PathBuf;
use std::sync::Arc;

/// A JSONL stream, read one line at a time.
pub(super) struct JsonlLines {
    /// Shared with every line read, for their errors.
    path: Arc<PathBuf>,
    reader: Box<dyn BufRead + Send>,
    /// The 1-based number of the line last read.
    line: usize,
    /// The byte offset where the line last read starts.
    offset: u64,
    buf: Vec<u8>,
}

impl JsonlLines {
    pub(super) fn path(&self) -> &PathBuf {
        &self.path
    }

    /// Bytes read from the stream so far, the line being read included.
    pub(super) fn bytes_read(&self) -> u64 {
        self.offset + self.buf.len() as u64
    }

    pub(super) fn new(path: PathBuf, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlLines {
            path: Arc::new(path),
            reader,
            line: 0,
            offset: 0,
            buf: Vec::new(),
        }
    }

    /// The next line that is not blank, still to decode, or the error reading gave; `None`
    /// at the end of the stream or after a read error.
    pub(super) fn next_line(&mut self, fields: &Arc<Fields>) -> Option<Result<JsonLine>> {
        loop {
            self.offset += self.buf.len() as u64;
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(source) => {
                    // Stop here: after a failed read (a damaged .gz) the position is unknown.
                    self.reader = Box::new(io::empty());
                    self.buf.clear();
                    let path = PathBuf::clone(&self.path);
                    return Some(Err(Error::Read { path, source }));
                }
            }
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            let mut skipped = 0;
            if self.line == 1 {
                if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                    bytes = rest;
                    skipped = 3;
                }
            }
            if is_blank(bytes) {
                continue;
            }
            return Some(Ok(JsonLine {
                path: Arc::clone(&self.path),
                fields: Arc::clone(fields),
                line: self.line,
                offset: self.offset + skipped,
                bytes: bytes.to_vec(),
            }));
        }
    }
}

/// Whether a line holds nothing but white space (Unicode's, as `str::trim` sees it): such
/// lines are skipped. Decided on the bytes where it can be, as most lines start with `{`.
fn is_blank(bytes: &[u8]) -> bool {
    let rest = bytes
        .iter()
        .position(|&b| !matches!(b, b'\t'..=b'\r' | b' '))
        .map_or(&[][..], |at| &bytes[at..]);
    match rest.first() {
        None => true,
        Some(b) if b.is_ascii() => false,
        // White space beyond ASCII (a no-break space) is rare enough to decode for.
        Some(_) => std::str::from_utf8(rest).is_ok_and(|s| s.trim().is_empty()),
    }
}

/// One line of a JSONL stream, split off but not yet decoded: [`JsonLine::decode`] is the
/// work that can move to another thread.
pub(super) struct JsonLine {
    path: Arc<PathBuf>,
    fields: Arc<Fields>,
    /// Its 1-based line number.
    line: usize,
    /// The byte offset of `bytes` in the stream.
    offset: u64,
    /// Without its line end (and, on line 1, without a byte-order mark).
    bytes: Vec<u8>,
}

impl JsonLine {
    /// Bytes of the line, what a batch of lines is measured in.
    pub(super) fn len(&self) -> usize {
        self.bytes.len()
    }

    /// The document of the line, or an error naming its file and line: not UTF-8, not a
    /// JSON object, no id or text.
    pub(super) fn decode(self) -> Result<Document> {
        let text = match std::str::from_utf8(&self.bytes) {
            Ok(text) => text,
            Err(err) => {
                return Err(Error::NotUtf8 {
                    path: PathBuf::clone(&self.path),
                    line: self.line,
                    offset: self.offset + err.valid_up_to() as u64,
                })
            }
        };
        self.parse(text)
    }

    fn parse(&self, line: &str) -> Result<Document> {
        use serde_json::Value;
        let fields = &*self.fields;
        let bad = |msg: String| Error::JsonLine {
            path: PathBuf::clone(&self.path),
            line: self.line,
            msg,
        };
        let missing = |field: &str| Error::MissingField {
            path: PathBuf::clone(&self.path),
            line: self.line,
            field: field.to_owned(),
        };
        let mut de = serde_json::Deserializer::from_str(line);
        let wanted = Wanted {
            id: &fields.id,
            text: &fields.text,
        };
        let (id, text) = serde::de::DeserializeSeed::deserialize(wanted, &mut de)
            .and_then(|found| de.end().map(|()| found))
            .map_err(|err| bad(json_message(&err)))?;
        let id = match id {
            Some(Value::String(id)) => id,
            Some(Value::Number(id)) => id.to_string(),
            None | Some(Value::Null) => return Err(missing(&fields.id)),
            Some(other) => {
                return Err(bad(format!(
                    "field {:?} is {}, not a string or number",
                    fields.id,
                    json_type(&other)
                )))
            }
        };
        match text {
            Some(Value::String(text)) => Ok(fields.format.document(id, None, text)),
            None | Some(Value::Null) => Err(missing(&fields.text)),
            Some(other) => Err(bad(format!(
                "field {:?} is {}, not a string",
                fields.text,
                json_type(&other)
            ))),
        }
    }
}

/// The two fields of a JSONL record that make a document; every other field is skipped
/// unparsed, so a record's annotations (often larger than its text) cost no allocation.
struct Wanted<'f> {
    id: &'f str,
    text: &'f str,
}

type WantedFields = (Option<serde_json::Value>, Option<serde_json::Value>);

impl<'de> serde::de::DeserializeSeed<'de> for Wanted<'_> {
    type Value = WantedFields;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        de: D,
    ) -> std::result::Result<WantedFields, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Wanted<'_> {
    type Value = WantedFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<WantedFields, A::Error> {
        let (mut id, mut text) = (None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.text {
                text = Some(map.next_value()?);
            } else if key == self.id {
                id = Some(map.next_value()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok((id, text))
    }
}

/// serde_json's message with its "line 1" (always 1: it sees one line) left out, and the
/// column kept when it has one (type errors have none: they report column 0). The position
/// is taken off only when serde_json put one on, so a message that happens to hold " at
/// line " keeps it. `diff` reads its JSONL records with the same words.
pub(crate) fn json_message(err: &serde_json::Error) -> String {
    let mut msg = err.to_string();
    if err.line() > 0 {
        if let Some(at) = msg.rfind(" at line ") {
            msg.truncate(at);
        }
        if err.column() > 0 {
            msg = format!("{msg} at column {}", err.column());
        }
    }
    msg
}

fn json_type(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::is_blank;

    #[test]
    fn blank_lines_are_white_space_as_str_trim_sees_it() {
        let cases: [(&[u8], bool); 8] = [
            (b"", true),
            (b" \t\x0B\x0C", true),
            ("\u{a0}\u{3000} ".as_bytes(), true),
            (b"{}", false),
            (b"  x", false),
            ("\u{a0}{}".as_bytes(), false),
            (b"\xFF", false),
            (b" \xC2", false),
        ];
        for (line, blank) in cases {
            assert_eq!(is_blank(line), blank, "{line:?}");
        }
    }
}
