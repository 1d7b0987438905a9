//! Documents: an id, the original text, and the body that extraction reads.
//!
//! A Markdown or Jekyll/Hugo article may open with a front-matter block (`---` YAML or
//! `+++` TOML). Its strings are metadata, never speech, so the block is set aside as
//! [`Document::body`] begins after it; offsets still count from the start of the file.

use crate::span::Span;

/// One article: what it is called, its text as read, and where its body is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub body: Span,
}

impl Document {
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let body = Span::new(front_matter_end(&text), text.len());
        Document {
            id: id.into(),
            text,
            body,
        }
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
    fn no_front_matter_starts_at_zero() {
        assert_eq!(front_matter_end("Plain text"), 0);
        assert_eq!(front_matter_end("--- not a fence\n---\n"), 0);
    }
}
