//! HTML pages: the article's visible text, laid over the page byte for byte.
//!
//! Extraction needs text, but every offset whosaid prints must index the file it read. So a
//! page is not converted but *masked*: a copy of the same length in which markup becomes
//! white space and each character reference becomes its character padded with spaces.
//!
//! - `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`, `<aside>`, `<form>`,
//!   `<noscript>`, `<template>`, `<svg>` and comments are blanked whole, content included;
//! - when the page has an `<article>` (or else a `<main>`), everything outside the first one
//!   is blanked too: menus, teasers and footers are not the story;
//! - block tags (`<p>`, `<br>`, `<div>`, `<h1>`, `<li>`, ...) become a line break, so the
//!   paragraph rules see the page's paragraphs; inline tags (`<a>`, `<em>`) become spaces;
//! - `&ldquo;`, `&#8220;`, `&quot;`, `&amp;` and the like become `“`, `"`, `&` followed by
//!   spaces up to the reference's length (on the side away from the word it touches); an
//!   unknown reference is left as it is.
//!
//! So `start`/`end` of a row index the HTML file, and the quote column shows the visible
//! words (with a space where markup or a reference stood).
//!
//! ```
//! use whosaid::html::visible_text;
//! let page = "<nav>Home</nav><article><p>&ldquo;Yes,&rdquo; she said.</p></article>";
//! let text = visible_text(page);
//! assert_eq!(text.len(), page.len());
//! assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["“Yes,”", "she", "said."]);
//! ```

use memchr::memmem;

/// Elements whose whole content is not the story.
const HIDDEN: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "iframe", "button", "select",
];

/// Elements that end a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "br",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "main",
    "figure",
    "figcaption",
    "hr",
    "dd",
    "dt",
];

/// Is this path an HTML page by its extension?
pub fn is_html_path(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

/// The page with markup masked: same length, same offsets, only the visible text left.
pub fn visible_text(html: &str) -> String {
    let mut out = html.as_bytes().to_vec();
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(lt) = memchr::memchr2(b'<', b'&', &bytes[i..]).map(|k| i + k) {
        i = if bytes[lt] == b'&' {
            decode_reference(html, lt, &mut out)
        } else {
            mask_markup(html, lt, &mut out)
        };
    }
    keep_only_article(html, &mut out);
    // Every byte written is ASCII or a whole character copied from a reference.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

fn blank(out: &mut [u8], from: usize, to: usize) {
    for b in &mut out[from..to] {
        if *b != b'\n' {
            *b = b' ';
        }
    }
}

/// The tag name at `<`, lowercased, and whether it is a closing tag.
fn tag_name(html: &str, lt: usize) -> (String, bool) {
    let rest = &html[lt + 1..];
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    (name, closing)
}

/// Masks the markup that starts at `lt`; returns where scanning goes on.
fn mask_markup(html: &str, lt: usize, out: &mut [u8]) -> usize {
    let bytes = html.as_bytes();
    if html[lt..].starts_with("<!--") {
        let end = memmem::find(&bytes[lt..], b"-->").map_or(bytes.len(), |k| lt + k + 3);
        blank(out, lt, end);
        return end;
    }
    let (name, closing) = tag_name(html, lt);
    let is_tag = !name.is_empty() || html[lt + 1..].starts_with(['!', '?']);
    if !is_tag {
        // A lone `<` in text ("a < b") is text.
        return lt + 1;
    }
    let gt = memchr::memchr(b'>', &bytes[lt..]).map_or(bytes.len(), |k| lt + k + 1);
    blank(out, lt, gt);
    if BLOCKS.contains(&name.as_str()) && out[lt] != b'\n' {
        out[lt] = b'\n';
    }
    if !closing && HIDDEN.contains(&name.as_str()) {
        let close = format!("</{name}");
        let end = find_ascii_ci(bytes, gt, close.as_bytes()).map_or(bytes.len(), |k| {
            memchr::memchr(b'>', &bytes[k..]).map_or(bytes.len(), |g| k + g + 1)
        });
        blank(out, gt, end);
        return end;
    }
    gt
}

/// The first `needle` (ASCII, lowercase) at or after `from`, ignoring ASCII case.
fn find_ascii_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let mut i = from;
    while let Some(k) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[i..]) {
        let at = i + k;
        if hay.len() - at >= needle.len() && hay[at..at + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Replaces the character reference at `amp` by its character and spaces, when it fits.
fn decode_reference(html: &str, amp: usize, out: &mut [u8]) -> usize {
    let rest = &html[amp + 1..];
    let Some(semi) = rest.find(';').filter(|&s| s <= 10) else {
        return amp + 1;
    };
    let name = &rest[..semi];
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        code.and_then(char::from_u32)
    } else {
        named_reference(name)
    };
    let end = amp + semi + 2;
    let Some(c) = c else {
        return amp + 1;
    };
    let mut buf = [0; 4];
    let encoded = c.encode_utf8(&mut buf).as_bytes();
    if encoded.len() > end - amp {
        return end;
    }
    // Glue the character to the word it touches in the page: `&ldquo;Go` opens before
    // `Go`, `Go&rdquo;` closes after it.
    let glued_right = html[end..].starts_with(|c: char| c.is_alphanumeric());
    let at = if glued_right {
        end - encoded.len()
    } else {
        amp
    };
    blank(out, amp, end);
    out[at..at + encoded.len()].copy_from_slice(encoded);
    end
}

fn named_reference(name: &str) -> Option<char> {
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "laquo" => '«',
        "raquo" => '»',
        "bdquo" => '„',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        _ => return None,
    })
}

/// Blanks everything outside the page's first `<article>` (or `<main>`), if it has one.
fn keep_only_article(html: &str, out: &mut [u8]) {
    let bytes = html.as_bytes();
    for name in ["article", "main"] {
        let open = format!("<{name}");
        let Some(start) = find_ascii_ci(bytes, 0, open.as_bytes()) else {
            continue;
        };
        let close = format!("</{name}");
        let end = find_ascii_ci(bytes, start, close.as_bytes()).unwrap_or(bytes.len());
        blank(out, 0, start);
        blank(out, end, bytes.len());
        return;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(html: &str) -> Vec<String> {
        let text = visible_text(html);
        assert_eq!(text.len(), html.len(), "masking keeps every offset");
        text.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn scripts_styles_and_navigation_are_not_text() {
        let page = "<html><head><style>p{}</style><script>var q=\"x\";</script></head>\
                    <body><nav>Home | News</nav><p>Body text.</p><footer>© 2024</footer></body></html>";
        assert_eq!(words(page), ["Body", "text."]);
    }

    #[test]
    fn references_become_their_characters() {
        assert_eq!(
            words("<p>&#8220;Go,&#x201D; he said &amp; left.</p>"),
            ["“Go,”", "he", "said", "&", "left."]
        );
        assert_eq!(words("<p>&bogus; stays</p>"), ["&bogus;", "stays"]);
    }

    #[test]
    fn blocks_become_paragraphs() {
        let text = visible_text("<p>One.</p><p>Two.</p>");
        assert_eq!(
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>(),
            ["One.", "Two."]
        );
    }

    #[test]
    fn only_the_article_is_kept() {
        assert_eq!(
            words("<div>Teaser “quote”</div><article><p>Story.</p></article><div>More</div>"),
            ["Story."]
        );
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for page in [
            "<",
            "<p",
            "&",
            "&#",
            "&#99999999;",
            "<script>",
            "<!--",
            "a < b",
            "<article>",
        ] {
            assert_eq!(visible_text(page).len(), page.len());
        }
    }
}
