//! JSONL: one JSON object per document, byte for byte as serde_json's compact form.
//!
//! Each line is `{"id": ..., "quotes": [...]}`, every document gets one (an empty list when
//! it has no quotes) so the output lines up with the input, and each quote has the CSV
//! columns in [`Row::fields`](super::row::Row) order, `quote` named `text`. The encoder is
//! hand-written, escaping exactly as serde_json escapes (the tests hold it to serde_json on
//! any text), because building a `serde_json::Value` per row cost more than extraction.

use super::bytes::{bytes_below, decimal, find_byte, splat, zero_bytes, HIGHS};
use super::row::{Cell, Row};
use super::sink::Sink;
use crate::attribution::Attribution;
use crate::document::Document;
use std::io::{self, Write};

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
pub(super) fn json_line(
    out: &mut Vec<u8>,
    doc: &Document,
    attributions: &[Attribution],
) -> io::Result<()> {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    }
}
