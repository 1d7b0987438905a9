//! The row: one attribution with its text cut out of the document, the fields every
//! printer writes.
//!
//! CSV, JSONL and the terminal table print the same facts in different shapes, so the facts
//! are gathered once, here, with their JSONL keys in JSONL order; each printer walks
//! [`Row::fields`]. A cut is checked: a span that does not slice the document's text is an
//! extraction bug, and it comes back as an `io::Error` naming the document rather than as a
//! panic in the middle of a long run.

use crate::attribution::Attribution;
use crate::document::Document;
use crate::span::Span;
use std::io;

/// One attribution with its text cut out of the document: what every sink prints.
///
/// Field order is the JSONL order; `None` is an empty CSV cell or a JSON `null`.
pub(super) struct Row<'a> {
    pub(super) quote: &'a str,
    pub(super) speaker: Option<&'a str>,
    pub(super) kind: &'static str,
    pub(super) cue: Option<&'a str>,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) speaker_mention: Option<&'a str>,
    pub(super) speaker_start: Option<usize>,
    pub(super) speaker_end: Option<usize>,
    pub(super) attribution: usize,
    pub(super) rule: &'static str,
    pub(super) speaker_id: Option<&'a str>,
    pub(super) speaker_kind: Option<&'static str>,
    pub(super) speaker_title: Option<&'a str>,
}

/// A field of a row (see [`row_fields`]); `None` is an empty CSV cell or a JSON `null`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cell<'a> {
    Text(Option<&'a str>),
    Number(Option<usize>),
}

/// The fields of the row of `a` with their JSONL keys, in JSONL order (the quotation is
/// `text`): what every sink prints, for writers of other shapes (the Python package's
/// dicts), so that they carry the same values without a copy of the rules.
pub fn row_fields<'a>(
    doc: &'a Document,
    a: &'a Attribution,
) -> io::Result<[(&'static str, Cell<'a>); 14]> {
    Ok(Row::new(doc, a)?.fields())
}

impl<'a> Row<'a> {
    /// The fields with their JSONL keys, in JSONL order.
    #[inline]
    pub(super) fn fields(&self) -> [(&'static str, Cell<'a>); 14] {
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

    #[inline]
    pub(super) fn new(doc: &'a Document, a: &'a Attribution) -> io::Result<Self> {
        let mention = a.speaker.mention;
        Ok(Row {
            quote: cut(doc, a.quote)?,
            speaker: non_empty(&a.speaker.name),
            kind: a.kind.as_str(),
            cue: a.cue.map(|cue| cut(doc, cue)).transpose()?,
            start: doc.source_span(a.quote).start,
            end: doc.source_span(a.quote).end,
            speaker_mention: mention.map(|m| cut(doc, m)).transpose()?,
            speaker_start: mention.map(|m| doc.source_span(m).start),
            speaker_end: mention.map(|m| doc.source_span(m).end),
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

/// About the bytes the row of `a` takes, in CSV or in JSON: its texts and room for the rest.
pub(super) fn row_size(doc: &Document, a: &Attribution) -> usize {
    let speaker = &a.speaker;
    let texts = [&doc.id, &speaker.name, &speaker.id, &speaker.title];
    let spans = [Some(a.quote), a.cue, speaker.mention];
    let texts: usize = texts.iter().map(|t| t.len()).sum();
    let spans: usize = spans.iter().flatten().map(|s| s.len()).sum();
    texts + spans + 256
}
