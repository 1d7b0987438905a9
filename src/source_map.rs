//! From the text whosaid reads back to the bytes of the file it came from.
//!
//! A web page is read as the text a reader sees ([`crate::html`]): tags gone, `&eacute;`
//! decoded, white space collapsed, paragraphs one to a line. Extraction runs on that text,
//! but the `start`/`end` columns must index the page. A [`SourceMap`] is that link: a sorted
//! list of segments, each a stretch of the text and the bytes of the source it came from.
//! A segment is either *verbatim* (text copied byte for byte, mapped offset for offset) or
//! *whole* (a decoded reference, a collapsed run of white space, a paragraph break: its text
//! maps to all of its source bytes or none). So a mapped span never cuts a reference or a
//! tag in half: it starts at the start of the segment it starts in and ends at the end of
//! the segment it ends in.
//!
//! ```
//! use whosaid::source_map::SourceMap;
//! use whosaid::Span;
//!
//! // "<p>Jos&eacute; said</p>" read as "José said".
//! let mut map = SourceMap::default();
//! map.verbatim(0, 3, 3);      // "Jos" from byte 3
//! map.whole(3, 6, 8);         // "é" (2 bytes) from "&eacute;" at byte 6
//! map.verbatim(5, 14, 5);     // " said" from byte 14
//! assert_eq!(map.source_span(Span::new(0, 5)), Span::new(3, 14));
//! assert_eq!(map.source_span(Span::new(3, 10)), Span::new(6, 19));
//! ```

use crate::span::Span;

/// A stretch of text and where it came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Segment {
    /// Where it starts in the text; it runs to the next segment's start.
    text: usize,
    /// Where its source starts.
    source: usize,
    /// How many source bytes it came from.
    source_len: usize,
    /// Copied byte for byte (text length = source length), else mapped whole.
    verbatim: bool,
}

/// Segments of a text with the source bytes each came from, in text order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    segments: Vec<Segment>,
}

impl SourceMap {
    /// Text from `text` on is `len` bytes copied from `source` on.
    pub fn verbatim(&mut self, text: usize, source: usize, len: usize) {
        // A copy that goes on where the last one ended is the same segment, longer.
        if let Some(last) = self.segments.last() {
            if last.verbatim
                && last.source + last.source_len == source
                && last.text + last.source_len == text
            {
                let last = self.segments.len() - 1;
                self.segments[last].source_len += len;
                return;
            }
        }
        self.push(Segment {
            text,
            source,
            verbatim: true,
            source_len: len,
        });
    }

    /// Text from `text` on (up to the next segment) stands for the `source_len` bytes at
    /// `source`, as a whole.
    pub fn whole(&mut self, text: usize, source: usize, source_len: usize) {
        self.push(Segment {
            text,
            source,
            source_len,
            verbatim: false,
        });
    }

    fn push(&mut self, segment: Segment) {
        debug_assert!(self.segments.last().is_none_or(|s| s.text < segment.text));
        self.segments.push(segment);
    }

    /// The segment text offset `at` falls in (the first one for offsets before it).
    fn segment(&self, at: usize) -> Option<&Segment> {
        let i = self.segments.partition_point(|s| s.text <= at);
        self.segments.get(i.saturating_sub(1))
    }

    /// The source bytes a span of the text came from: from the start of the segment where it
    /// starts to the end of the segment where it ends.
    pub fn source_span(&self, span: Span) -> Span {
        let Some(first) = self.segment(span.start) else {
            return span;
        };
        let start = if first.verbatim {
            first.source + (span.start - first.text).min(first.source_len)
        } else {
            first.source
        };
        if span.is_empty() {
            return Span::new(start, start);
        }
        let last = self.segment(span.end - 1).unwrap_or(first);
        let end = if last.verbatim {
            last.source + (span.end - last.text).min(last.source_len)
        } else {
            last.source + last.source_len
        };
        Span::new(start, end.max(start))
    }

    /// How many segments: the map's size.
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }
}
