//! What kind of text an input is, and the document each kind makes.
//!
//! [`InputFormat::Auto`] (the default) decides per input: a `.html`/`.htm` file is a web
//! page, a `.md`/`.markdown` file Markdown, and any other text (a `.txt` file, stdin, a JSONL
//! record's text) is a web page when it opens like one ([`crate::html::looks_like_html`]:
//! a doctype or an `<html>`, `<head>` or `<body>` tag), else plain text. The other values
//! force one reading on every input.

use crate::document::Document;
use crate::reflow;
use std::path::Path;

/// How to read an input's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum InputFormat {
    /// By extension, then by content.
    #[default]
    Auto,
    /// Plain text: one paragraph per line, or hard-wrapped paragraphs between blank lines.
    Text,
    /// Markdown: paragraphs end at a blank line or a block (heading, list item, quote).
    Markdown,
    /// A web page: its article, as a reader mode reads it.
    Html,
}

impl InputFormat {
    /// The format of an input named `path` (if it has a name) that holds `text`.
    pub fn resolve(self, path: Option<&Path>, text: &str) -> InputFormat {
        if self != InputFormat::Auto {
            return self;
        }
        let ext = path
            .and_then(|p| p.extension())
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("html" | "htm") => InputFormat::Html,
            Some("md" | "markdown") => InputFormat::Markdown,
            _ if crate::html::looks_like_html(text) => InputFormat::Html,
            _ => InputFormat::Text,
        }
    }

    /// The document `text` makes when read in this format (resolved first when `Auto`).
    pub fn document(self, id: String, path: Option<&Path>, text: String) -> Document {
        match self.resolve(path, &text) {
            InputFormat::Html => crate::html::document(id, &text),
            InputFormat::Markdown => Document::new(id, reflow::markdown(text)),
            InputFormat::Text | InputFormat::Auto => Document::new(id, reflow::plain(text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_goes_by_extension_then_content() {
        let auto = InputFormat::Auto;
        let page = "<!DOCTYPE html><p>x</p>";
        assert_eq!(
            auto.resolve(Some(Path::new("a.HTM")), "x"),
            InputFormat::Html
        );
        assert_eq!(
            auto.resolve(Some(Path::new("a.md")), page),
            InputFormat::Markdown
        );
        assert_eq!(
            auto.resolve(Some(Path::new("a.txt")), page),
            InputFormat::Html
        );
        assert_eq!(auto.resolve(None, page), InputFormat::Html);
        assert_eq!(auto.resolve(None, "<p>Hi</p> is a tag."), InputFormat::Text);
        assert_eq!(InputFormat::Text.resolve(None, page), InputFormat::Text);
    }
}
