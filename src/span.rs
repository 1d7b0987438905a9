//! Byte spans into the original input.
//!
//! Every quote, cue and mention whosaid reports is a [`Span`] into the text it was read from,
//! never a copy that could drift from it: `&text[span.range()]` is exactly what is printed.

use serde::Serialize;
use std::ops::Range;

/// A half-open byte range `start..end` into a document's original text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} runs backwards");
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span covers; `None` when it does not fall on char boundaries of `text`.
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.range())
    }

    /// This span with white space trimmed from both ends.
    pub fn trim(self, text: &str) -> Span {
        let s = &text[self.range()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_keeps_offsets_into_the_original() {
        let text = "ab  “quoted”  cd";
        let span = Span::new(2, text.len() - 2).trim(text);
        assert_eq!(&text[span.range()], "“quoted”");
    }

    #[test]
    fn trim_of_blank_is_empty() {
        assert!(Span::new(0, 3).trim("   ").is_empty());
    }
}
