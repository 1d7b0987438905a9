//! The reader's text of chosen paragraphs, with the [`SourceMap`] back to the page.
//!
//! Within a paragraph, runs of white space (across tags too) become one space and none is
//! kept at either end, as a browser lays out text; each character reference becomes what it
//! stands for (a no-break space a plain one); everything else is copied byte for byte.
//! Paragraphs are joined by `\n`, so every later stage sees one paragraph per line.

use super::article::Paragraph;
use super::reference::{self, Decoded};
use super::tree::{Item, Tree};
use crate::source_map::SourceMap;

/// Text and map under construction.
#[derive(Default)]
pub struct Writer {
    pub text: String,
    pub map: SourceMap,
}

impl Writer {
    /// Appends paragraph `p` of the page, after a line break if text came before.
    pub fn paragraph(&mut self, page: &str, tree: &Tree, p: &Paragraph) {
        let bytes = page.as_bytes();
        let mut started = false;
        // A space owed before the next visible character: where its white space was.
        let mut space: Option<(usize, usize)> = None;
        for item in &tree.items[p.items.clone()] {
            let Item::Text { start, end, .. } = *item else {
                continue;
            };
            let mut i = start;
            while i < end {
                let b = bytes[i];
                if b.is_ascii_whitespace() {
                    let from = i;
                    while i < end && bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    if started && space.is_none() {
                        space = Some((from, i - from));
                    }
                    continue;
                }
                if !started {
                    if !self.text.is_empty() {
                        self.map.whole(self.text.len(), from_or(space, i), 0);
                        self.text.push('\n');
                    }
                    started = true;
                } else if let Some((at, len)) = space.take() {
                    self.map.whole(self.text.len(), at, len);
                    self.text.push(' ');
                }
                if b == b'&' {
                    if let Some((decoded, len)) = reference::decode(&bytes[i..end]) {
                        self.map.whole(self.text.len(), i, len);
                        match decoded {
                            Decoded::Str(s) => self.push_decoded(s),
                            Decoded::Char(c) => self.push_decoded(c.encode_utf8(&mut [0; 4])),
                        }
                        i += len;
                        continue;
                    }
                }
                if page[i..].starts_with('\u{A0}') {
                    self.map.whole(self.text.len(), i, 2);
                    self.text.push(' ');
                    i += 2;
                    continue;
                }
                // A verbatim stretch: up to white space, a reference or a no-break space.
                let from = i;
                i += 1;
                while i < end {
                    let c = bytes[i];
                    if c.is_ascii_whitespace()
                        || c == b'&'
                        || (c == 0xC2 && bytes.get(i + 1) == Some(&0xA0))
                    {
                        break;
                    }
                    i += 1;
                }
                self.map.verbatim(self.text.len(), from, i - from);
                self.text.push_str(&page[from..i]);
            }
        }
    }

    /// A decoded reference; white space it stands for (`&#10;`, `&nbsp;`) is a plain space,
    /// so it never breaks the paragraph.
    fn push_decoded(&mut self, s: &str) {
        for c in s.chars() {
            self.text.push(if c.is_whitespace() { ' ' } else { c });
        }
    }
}

fn from_or(space: Option<(usize, usize)>, at: usize) -> usize {
    space.map_or(at, |(s, _)| s)
}
