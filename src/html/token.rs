//! An HTML tokenizer after the WHATWG states that decide where text and tags are, with the
//! byte position of each token in the page.
//!
//! It follows the standard where a reader's text depends on it: tag names end at white space,
//! `/` or `>`; a `>` inside a quoted attribute value does not end its tag; a tag cut off by the
//! end of the page is dropped (text before it is kept); `<!--` runs to `-->` (or `--!>`, and
//! `<!-->` is a whole comment); `<!DOCTYPE`, `<?...>`, `</3>` and CDATA outside SVG are bogus
//! comments that end at the first `>`; a `<` that opens no tag is text; the content of
//! `<script>`, `<style>`, `<textarea>`, `<title>` and the other raw-text elements runs to
//! their end tag whatever it holds (quote marks, `<p>`, `-->`). What it leaves out is what
//! only scripts and forms see: the script-data escape states (`<!-- <script>` inside a
//! script) and the decoding of attribute values.
//!
//! Every step moves forward and each search starts where the last one ended, so a page of
//! any shape is read in one pass.

use memchr::{memchr, memmem};

/// A token: where it is in the page, and for a tag its name (as written) and attributes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// Character data, references not yet decoded.
    Text { start: usize, end: usize },
    /// `<name attrs>` or `<name attrs/>`.
    Start {
        name: &'a [u8],
        attrs: &'a [u8],
        self_closing: bool,
        start: usize,
        end: usize,
    },
    /// `</name>`.
    End {
        name: &'a [u8],
        start: usize,
        end: usize,
    },
}

/// Elements whose content is text up to their own end tag, markup or not.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// The tokens of a page, in order.
pub struct Tokenizer<'a> {
    page: &'a [u8],
    pos: usize,
    /// The end tag a raw-text element waits for, once its start tag is out.
    raw: Option<&'a [u8]>,
    /// The `<plaintext>` element: everything after it is text.
    plaintext: bool,
}

impl<'a> Tokenizer<'a> {
    pub fn new(page: &'a str) -> Self {
        Tokenizer {
            page: page.as_bytes(),
            pos: 0,
            raw: None,
            plaintext: false,
        }
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0C')
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let page = self.page;
        loop {
            let start = self.pos;
            if start >= page.len() {
                return None;
            }
            if self.plaintext {
                self.pos = page.len();
                return Some(Token::Text {
                    start,
                    end: page.len(),
                });
            }
            if let Some(name) = self.raw.take() {
                let end = raw_text_end(page, start, name);
                self.pos = end;
                if end > start {
                    return Some(Token::Text { start, end });
                }
                continue;
            }
            if page[start] != b'<' {
                let end = memchr(b'<', &page[start..]).map_or(page.len(), |k| start + k);
                self.pos = end;
                return Some(Token::Text { start, end });
            }
            match markup(page, start) {
                Markup::Text => {
                    // A `<` that opens nothing: text up to the next `<`.
                    let end =
                        memchr(b'<', &page[start + 1..]).map_or(page.len(), |k| start + 1 + k);
                    self.pos = end;
                    return Some(Token::Text { start, end });
                }
                Markup::Skip(end) => self.pos = end,
                Markup::Token(token, end) => {
                    self.pos = end;
                    if let Token::Start { name, .. } = token {
                        if name.eq_ignore_ascii_case(b"plaintext") {
                            self.plaintext = true;
                        } else if let Some(raw) =
                            RAW_TEXT.iter().find(|r| r.eq_ignore_ascii_case(name))
                        {
                            self.raw = Some(raw);
                        }
                    }
                    return Some(token);
                }
            }
        }
    }
}

/// What starts at a `<`.
enum Markup<'a> {
    /// A tag, and where the page goes on after it.
    Token(Token<'a>, usize),
    /// A comment, doctype or processing instruction, to be passed over up to this offset.
    Skip(usize),
    /// No markup: the `<` is text.
    Text,
}

fn markup(page: &[u8], lt: usize) -> Markup<'_> {
    let rest = &page[lt + 1..];
    match rest.first() {
        Some(b) if b.is_ascii_alphabetic() => match tag(page, lt + 1) {
            Some((name, attrs, self_closing, end)) => Markup::Token(
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    start: lt,
                    end,
                },
                end,
            ),
            None => Markup::Skip(page.len()),
        },
        Some(b'/') => match rest.get(1) {
            Some(b) if b.is_ascii_alphabetic() => match tag(page, lt + 2) {
                Some((name, _, _, end)) => Markup::Token(
                    Token::End {
                        name,
                        start: lt,
                        end,
                    },
                    end,
                ),
                None => Markup::Skip(page.len()),
            },
            // `</>` is nothing; `</3` and the like are bogus comments.
            Some(b'>') => Markup::Skip(lt + 3),
            Some(_) => Markup::Skip(bogus_comment_end(page, lt + 2)),
            None => Markup::Text,
        },
        Some(b'!') => {
            if rest.starts_with(b"!--") {
                Markup::Skip(comment_end(page, lt + 4))
            } else {
                Markup::Skip(bogus_comment_end(page, lt + 2))
            }
        }
        Some(b'?') => Markup::Skip(bogus_comment_end(page, lt + 1)),
        _ => Markup::Text,
    }
}

/// After `<!--`: the offset after `-->` or `--!>` (`<!-->` and `<!--->` close at once), or
/// the end of the page for a comment that never closes.
fn comment_end(page: &[u8], from: usize) -> usize {
    let rest = &page[from.min(page.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(k) = memmem::find(&page[at..], b"--") {
        let dash = at + k;
        let after = &page[dash + 2..];
        if after.starts_with(b">") {
            return dash + 3;
        }
        if after.starts_with(b"!>") {
            return dash + 4;
        }
        at = dash + 1;
    }
    page.len()
}

/// The offset after the `>` that ends a bogus comment, or the end of the page.
fn bogus_comment_end(page: &[u8], from: usize) -> usize {
    memchr(b'>', &page[from.min(page.len())..]).map_or(page.len(), |k| from + k + 1)
}

/// The tag whose name starts at `at`: its name, its attributes as written, whether it ends in
/// `/>`, and the offset after its `>`; `None` when the page ends first.
fn tag(page: &[u8], at: usize) -> Option<(&[u8], &[u8], bool, usize)> {
    let name_end = at
        + page[at..]
            .iter()
            .position(|&b| is_space(b) || b == b'/' || b == b'>')?;
    let name = &page[at..name_end];
    let mut i = name_end;
    loop {
        // Before an attribute name: white space and stray slashes.
        while i < page.len() && (is_space(page[i]) || page[i] == b'/') {
            i += 1;
        }
        match page.get(i)? {
            b'>' => {
                let self_closing = page[i - 1] == b'/' && i > name_end;
                return Some((name, &page[name_end..i], self_closing, i + 1));
            }
            _ => {
                // The name: its first character may be `=`; it ends at space, `/`, `>` or `=`.
                i += 1;
                while i < page.len() && !matches!(page[i], b'/' | b'>' | b'=') && !is_space(page[i])
                {
                    i += 1;
                }
                while i < page.len() && is_space(page[i]) {
                    i += 1;
                }
                if page.get(i) != Some(&b'=') {
                    continue;
                }
                i += 1;
                while i < page.len() && is_space(page[i]) {
                    i += 1;
                }
                match page.get(i)? {
                    &q @ (b'"' | b'\'') => i += 2 + memchr(q, &page[i + 1..])?,
                    _ => {
                        while i < page.len() && page[i] != b'>' && !is_space(page[i]) {
                            i += 1;
                        }
                    }
                }
            }
        }
    }
}

/// Where the raw text that starts at `from` ends: at `</name` followed by white space, `/`
/// or `>`, or at the end of the page.
fn raw_text_end(page: &[u8], from: usize, name: &[u8]) -> usize {
    let mut at = from;
    while let Some(k) = memmem::find(&page[at..], b"</") {
        let lt = at + k;
        let after = lt + 2 + name.len();
        if page.len() >= after
            && page[lt + 2..after].eq_ignore_ascii_case(name)
            && page
                .get(after)
                .is_none_or(|&b| is_space(b) || b == b'/' || b == b'>')
        {
            return lt;
        }
        at = lt + 2;
    }
    page.len()
}

/// The attributes of a start tag, as written: `(name, value)`, the value without its quotes
/// and with references undecoded; a bare attribute has an empty value.
pub fn attributes(attrs: &[u8]) -> impl Iterator<Item = (&[u8], &[u8])> {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < attrs.len() && (is_space(attrs[i]) || attrs[i] == b'/') {
            i += 1;
        }
        if i >= attrs.len() {
            return None;
        }
        let start = i;
        i += 1;
        while i < attrs.len() && !matches!(attrs[i], b'/' | b'=') && !is_space(attrs[i]) {
            i += 1;
        }
        let name = &attrs[start..i];
        let mut j = i;
        while j < attrs.len() && is_space(attrs[j]) {
            j += 1;
        }
        if attrs.get(j) != Some(&b'=') {
            return Some((name, &attrs[i..i]));
        }
        j += 1;
        while j < attrs.len() && is_space(attrs[j]) {
            j += 1;
        }
        let value = match attrs.get(j) {
            Some(&q @ (b'"' | b'\'')) => {
                let end = memchr(q, &attrs[j + 1..]).map_or(attrs.len(), |k| j + 1 + k);
                i = (end + 1).min(attrs.len());
                &attrs[j + 1..end]
            }
            _ => {
                let end = attrs[j..]
                    .iter()
                    .position(|&b| is_space(b))
                    .map_or(attrs.len(), |k| j + k);
                i = end;
                &attrs[j..end]
            }
        };
        Some((name, value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(page: &str) -> Vec<String> {
        Tokenizer::new(page)
            .map(|t| match t {
                Token::Text { start, end } => format!("T:{}", &page[start..end]),
                Token::Start {
                    name,
                    attrs,
                    self_closing,
                    ..
                } => format!(
                    "S:{}{}{}",
                    String::from_utf8_lossy(name),
                    String::from_utf8_lossy(attrs),
                    if self_closing { "/" } else { "" }
                ),
                Token::End { name, .. } => format!("E:{}", String::from_utf8_lossy(name)),
            })
            .collect()
    }

    #[test]
    fn known_answers() {
        let cases: &[(&str, &[&str])] = &[
            ("a<b>c</b>", &["T:a", "S:b", "T:c", "E:b"]),
            ("<p class=\"x>y\">z", &["S:p class=\"x>y\"", "T:z"]),
            ("a < b", &["T:a ", "T:< b"]),
            ("<!-- <p> -->x", &["T:x"]),
            ("<!-->x", &["T:x"]),
            ("<!--->x", &["T:x"]),
            ("<!-- a --!>x", &["T:x"]),
            ("<!-- never", &[]),
            ("<!DOCTYPE html><p>", &["S:p"]),
            ("<![CDATA[ a > b ]]>", &["T: b ]]>"]),
            ("<?xml x?>y", &["T:y"]),
            ("</>x</3 y>z", &["T:x", "T:z"]),
            ("<br/>", &["S:br//"]),
            (
                "<script>if (a<b) x = \"</p>\";</script>y",
                &["S:script", "T:if (a<b) x = \"</p>\";", "E:script", "T:y"],
            ),
            (
                "<SCRIPT>x</scriptx></Script >y",
                &["S:SCRIPT", "T:x</scriptx>", "E:Script", "T:y"],
            ),
            ("<style>never closed", &["S:style", "T:never closed"]),
            ("text<p cut", &["T:text"]),
            ("<p a='1' b=2 c>", &["S:p a='1' b=2 c"]),
            ("<plaintext><p>x", &["S:plaintext", "T:<p>x"]),
        ];
        for (page, want) in cases {
            assert_eq!(tokens(page), *want, "{page}");
        }
    }

    #[test]
    fn attributes_are_split_as_written() {
        let got: Vec<_> = attributes(b" class=\"a b\" id=x hidden data-x = 'y'")
            .map(|(n, v)| {
                (
                    String::from_utf8_lossy(n).into_owned(),
                    String::from_utf8_lossy(v).into_owned(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("class".into(), "a b".into()),
                ("id".into(), "x".into()),
                ("hidden".into(), String::new()),
                ("data-x".into(), "y".into())
            ]
        );
    }
}
