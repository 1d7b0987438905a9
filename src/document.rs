//! Documents: an id, the original text, and the body that extraction reads.
//!
//! A Markdown or Jekyll/Hugo article may open with a front-matter block (`---` YAML or
//! `+++` TOML). Its strings are metadata, never speech, so the block is set aside as
//! [`Document::body`] begins after it; offsets still count from the start of the file.

use crate::lexicon::lexicon;
use crate::source_map::SourceMap;
use crate::span::Span;
use std::ops::Range;
use std::sync::Arc;

/// One article: what it is called, its text as read, and where its body is.
///
/// A web page's text is not the page: [`Document::map`] leads from the text back to the
/// page's bytes ([`crate::html`]), and [`Document::source_span`] is what output prints.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub body: Span,
    /// From `text` to the bytes it was read from, when they differ (a web page).
    pub map: Option<Arc<SourceMap>>,
    /// Something the reader should know about the input (no article found in a page).
    pub warning: Option<String>,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let start = front_matter_end(&text);
        let body = Span::new(start, trailer_start(&text, start));
        Document {
            id: id.into(),
            text,
            body,
            map: None,
            warning: None,
        }
    }

    /// A document of text read out of a page: all of it is body (a page's trailers were left
    /// out by the reader, so the plain-text trailer rule does not run), and `map` leads back
    /// to the page.
    pub fn from_reading(id: impl Into<String>, text: String, map: Arc<SourceMap>) -> Self {
        Document {
            id: id.into(),
            body: Span::new(0, text.len()),
            text,
            map: Some(map),
            warning: None,
        }
    }

    /// Where `span` of the text is in the input as read from disk: the same span for plain
    /// text, the page bytes it came from for a web page.
    pub fn source_span(&self, span: Span) -> Span {
        self.map.as_ref().map_or(span, |m| m.source_span(span))
    }
}

/// The byte offset where the body starts: after a closed front-matter block, else 0.
///
/// `front-matter = fence NL *line fence NL` where `fence` is `---` or `+++` on a line of its
/// own at the very start of the file (after an optional byte-order mark).
pub fn front_matter_end(text: &str) -> usize {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let fence = if rest.starts_with("---") {
        "---"
    } else if rest.starts_with("+++") {
        "+++"
    } else {
        return 0;
    };
    let mut lines = LineOffsets::new(text, start);
    match lines.next() {
        Some((_, line)) if line.trim_end() == fence => {}
        _ => return 0,
    }
    for (offset, line) in lines {
        if line.trim_end() == fence {
            return offset + line.len();
        }
    }
    // An unclosed fence is more likely a horizontal rule than metadata: keep the text.
    0
}

/// Story text above a heading that makes it a trailer, not a stray word in the story.
const MIN_STORY_BYTES: usize = 200;

/// Where the site's trailer starts (`Latest Stories` and its teasers), else the text's end:
/// a teaser headline that says "X warns of ..." is no quotation of the story.
pub fn trailer_start(text: &str, body_start: usize) -> usize {
    for (offset, line) in LineOffsets::new(text, body_start) {
        let heading = line.trim().trim_end_matches(':');
        // Headings are short; the long lines of the story are never lowercased.
        if heading.is_empty() || heading.len() > 32 || offset - body_start < MIN_STORY_BYTES {
            continue;
        }
        if lexicon().is_boilerplate(heading) {
            return offset;
        }
    }
    text.len()
}

/// Lines of `text` from `start`, each with its byte offset and its newline.
struct LineOffsets<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> LineOffsets<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        LineOffsets { text, pos }
    }
}

impl<'a> Iterator for LineOffsets<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let rest = &self.text[self.pos..];
        let len = memchr::memchr(b'\n', rest.as_bytes()).map_or(rest.len(), |i| i + 1);
        let item = (self.pos, &rest[..len]);
        self.pos += len;
        Some(item)
    }
}

/// Paragraphs of `range`: lines with their surrounding white space trimmed, blank ones left out.
pub fn paragraphs(text: &str, range: Range<usize>) -> Vec<Span> {
    // News paragraphs run to a hundred bytes and more: room for most in one allocation.
    let mut out = Vec::with_capacity(range.len() / 64 + 1);
    let mut start = range.start;
    // One search over the range, rather than one started afresh for every line.
    let breaks = memchr::memchr_iter(b'\n', &text.as_bytes()[range.clone()]);
    for end in breaks.map(|i| range.start + i).chain([range.end]) {
        // Blank lines between paragraphs are mostly empty ones, with nothing to trim.
        if start < end {
            let para = Span::new(start, end).trim(text);
            if !para.is_empty() {
                out.push(para);
            }
        }
        start = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_is_set_aside() {
        let text = "---\ntitle: \"Not a quote\"\n---\n\nBody \"text\".";
        let doc = Document::new("a", text);
        assert_eq!(&text[doc.body.range()], "\nBody \"text\".");
    }

    #[test]
    fn toml_front_matter_is_set_aside() {
        let text = "+++\ntitle = \"x\"\n+++\nBody";
        assert_eq!(&text[front_matter_end(text)..], "Body");
    }

    #[test]
    fn unclosed_fence_keeps_everything() {
        assert_eq!(front_matter_end("---\nno end"), 0);
    }

    #[test]
    fn site_trailer_is_not_body() {
        let story = "A story long enough to be one. ".repeat(10);
        let text = format!("{story}\nLatest Stories\nMinister warns of debt, says aide\n");
        let doc = Document::new("a", text.as_str());
        assert_eq!(&text[doc.body.range()], format!("{story}\n"));
        // A heading-like line at the very top is the story's own, not a trailer.
        assert_eq!(trailer_start("Related\nShort.", 0), "Related\nShort.".len());
    }

    #[test]
    fn no_front_matter_starts_at_zero() {
        assert_eq!(front_matter_end("Plain text"), 0);
        assert_eq!(front_matter_end("--- not a fence\n---\n"), 0);
    }
}
