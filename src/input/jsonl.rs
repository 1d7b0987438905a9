//! JSONL corpora, read one line at a time so a corpus of any size takes the memory of one
//! record: each line is a JSON object with an id and a text (the field names configurable);
//! every other field is skipped unparsed. A bad line is an error naming its file and line, and
//! reading goes on with the next.

use super::Fields;
use crate::document::Document;
use crate::error::{Error, Result};
use std::io::{self, BufRead};
use std::path::PathBuf;

/// A JSONL stream, read one line at a time.
pub(super) struct JsonlLines {
    path: PathBuf,
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
            path,
            reader,
            line: 0,
            offset: 0,
            buf: Vec::new(),
        }
    }

    /// The next document or bad line; `None` at the end of the stream or after a read error.
    pub(super) fn next_record(&mut self, fields: &Fields) -> Option<Result<Document>> {
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
                    let path = self.path.clone();
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
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(err) => {
                    return Some(Err(Error::NotUtf8 {
                        path: self.path.clone(),
                        line: self.line,
                        offset: self.offset + skipped + err.valid_up_to() as u64,
                    }))
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(self.parse(text, fields));
        }
    }

    fn parse(&self, line: &str, fields: &Fields) -> Result<Document> {
        use serde_json::Value;
        let bad = |msg: String| Error::JsonLine {
            path: self.path.clone(),
            line: self.line,
            msg,
        };
        let missing = |field: &str| Error::MissingField {
            path: self.path.clone(),
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
