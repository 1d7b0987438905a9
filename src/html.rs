//! HTML pages: the article read as a reader mode reads it, with offsets into the page.
//!
//! This is where a web page becomes a [`Document`]. Four steps, each a module:
//!
//! 1. [`token`]: a tokenizer after the WHATWG states that matter for text (quoted
//!    attributes, comments, raw-text elements such as `<script>`, tags cut off by the end of
//!    the page), each token with its byte offsets;
//! 2. [`tree`]: elements as a browser's tree builder makes them from unclosed and misnested
//!    tags, with what is never the story dropped (scripts, navigation, asides, figures and
//!    captions, forms, share bars, hidden elements), and the page's text as runs between
//!    block breaks;
//! 3. [`article`]: the scoring of a reader mode (text length, commas, link density,
//!    class and id hints, schema.org `articleBody`) picks the element that holds the story,
//!    with its siblings that belong to it; cards, rails and link labels inside are left out;
//! 4. [`text`]: the chosen paragraphs as a reader sees them, one per line: white space
//!    collapsed, every character reference of HTML5 decoded ([`reference`](mod@reference)), with a
//!    [`SourceMap`] from each byte of that text back to the page.
//!
//! Extraction runs on the text; output maps every span through the map, so `start`/`end`
//! index the page, cover whole references and tags (never half of one), and the quote
//! column holds the decoded words. Nothing ends the article early: a nested `<article>`,
//! a custom element (`<article-sso>`) or a heading ("Related") is just another element, and
//! the plain-text rule that cuts a site's trailer never runs on a page.
//!
//! When no element scores (a page of links, or one with no paragraph long enough to be a
//! story's), the page's visible text is read whole and [`Reading::article_found`] is false:
//! the reader reports it as a warning naming the page.
//!
//! Every step is linear in the page: the tokenizer never goes back, the tree is a flat list
//! with no recursion (100,000 nested `<div>`s are as cheap as 100,000 siblings), and the map
//! is one sorted list.
//!
//! ```
//! use whosaid::html::read;
//! let page = "<nav>Home</nav><article><p>&ldquo;Jos&eacute; is here,&rdquo; she said.</p>\
//!             <aside><p>Related: “Teaser,” said no one.</p></aside></article>";
//! let reading = read(page);
//! assert_eq!(reading.text, "“José is here,” she said.");
//! ```

use crate::document::Document;
use crate::source_map::SourceMap;
use std::sync::Arc;

pub mod article;
pub mod reference;
pub mod text;
pub mod token;
pub mod tree;

/// A page read: the reader's text, the map back to the page, and whether an article was
/// found (else the text is the whole page's).
#[derive(Clone, Debug, Default)]
pub struct Reading {
    pub text: String,
    pub map: SourceMap,
    pub article_found: bool,
}

/// An article shorter than this (in characters) is read again without dropping elements
/// for their class or id, as a reader mode tries again when its first result is too short.
const SHORT_ARTICLE: usize = 500;

/// The article of `page` as a reader sees it.
pub fn read(page: &str) -> Reading {
    let first = attempt(page, true);
    if first.0 >= SHORT_ARTICLE {
        return first.1;
    }
    let second = attempt(page, false);
    if second.0 > first.0 {
        second.1
    } else {
        first.1
    }
}

/// One try at the page: the article's length in characters and its reading.
fn attempt(page: &str, unlikely: bool) -> (usize, Reading) {
    let tree = tree::build(page, unlikely);
    let paras = article::paragraphs(page, &tree);
    let (kept, found) = match article::choose(&tree, &paras) {
        Some(kept) if !kept.is_empty() => (kept, true),
        _ => ((0..paras.len()).collect(), false),
    };
    let mut writer = text::Writer::default();
    let mut chars = 0;
    for &k in &kept {
        writer.paragraph(page, &tree, &paras[k]);
        chars += paras[k].chars;
    }
    let reading = Reading {
        text: writer.text,
        map: writer.map,
        article_found: found,
    };
    (if found { chars } else { 0 }, reading)
}

/// A document of the page: its reader's text, with the map to the page's bytes and a
/// warning when no article was found.
pub fn document(id: impl Into<String>, page: &str) -> Document {
    let reading = read(page);
    let mut doc = Document::from_reading(id, reading.text, Arc::new(reading.map));
    if !reading.article_found {
        doc.warning = Some("no article found in the page; its whole text was read".into());
    }
    doc
}

/// The text a piece of a page shows, with white space collapsed to single spaces: what
/// `page[start..end]` of a row decodes to (every element's text, none chosen or dropped
/// but those that never show, such as scripts).
pub fn decode_fragment(fragment: &str) -> String {
    let tree = tree::build(fragment, false);
    let paras = article::paragraphs(fragment, &tree);
    let mut writer = text::Writer::default();
    for p in &paras {
        writer.paragraph(fragment, &tree, p);
    }
    writer.text.replace('\n', " ")
}

/// Is this path an HTML page by its extension?
pub fn is_html_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// Does this text look like a web page? It must open (after a byte-order mark, white space
/// and comments) with a doctype or an `<html>`, `<head>` or `<body>` tag, or with a tag and
/// hold `<html` or `<body` in its first kilobytes: a story that quotes a tag does not pass.
pub fn looks_like_html(text: &str) -> bool {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    while let Some(comment) = rest.strip_prefix("<!--") {
        match comment.find("-->") {
            Some(end) => rest = comment[end + 3..].trim_start(),
            None => return false,
        }
    }
    let head = rest.as_bytes();
    let starts = |tag: &[u8]| {
        head.len() > tag.len()
            && head[..tag.len()].eq_ignore_ascii_case(tag)
            && matches!(head[tag.len()], b' ' | b'>' | b'\t' | b'\n' | b'\r')
    };
    if starts(b"<!doctype") || starts(b"<html") || starts(b"<head") || starts(b"<body") {
        return true;
    }
    if head.first() != Some(&b'<') {
        return false;
    }
    let window = &head[..head.len().min(4096)];
    let lower = window.to_ascii_lowercase();
    memchr::memmem::find(&lower, b"<html").is_some()
        || memchr::memmem::find(&lower, b"<body").is_some()
}

/// The charset a page declares in its first kilobytes (`<meta charset="...">` or
/// `content="text/html; charset=..."`), lowercased.
pub fn declared_charset(page: &[u8]) -> Option<String> {
    let head = page[..page.len().min(4096)].to_ascii_lowercase();
    let at = memchr::memmem::find(&head, b"charset=")? + "charset=".len();
    let value: String = head[at..]
        .iter()
        .skip_while(|&&b| b == b'"' || b == b'\'' || b == b' ')
        .take_while(|&&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b':')
        .map(|&b| b as char)
        .collect();
    (!value.is_empty()).then_some(value)
}

#[cfg(test)]
mod tests;
