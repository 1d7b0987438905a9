//! Quoted spans: where the quote marks of a document open and close.
//!
//! The marks come from `grammar/quote-marks.tsv`. Each glyph has a family (double or single)
//! and a nominal direction, but news text is typed by hand and converted by machines, so a
//! mark's *position* decides first: a mark glued to the start of a word opens, one glued to
//! the end of a word closes (`“rapists“` closes, `”Sorry` opens). The glyph only decides
//! when the position cannot (a mark between two spaces).
//!
//! Invariants, each pinned by a test below:
//! - a quote never crosses a paragraph break, except by the multi-paragraph convention: a
//!   paragraph that leaves a quotation open and a next paragraph that reopens it give one
//!   quotation in several [`QuotedSpan`] pieces, linked by `continues`;
//! - an unclosed double mark is closed at its paragraph's end, never later; an unclosed
//!   single mark is taken for an apostrophe and makes no quote;
//! - marks inside an open quotation nest in it and never end it early.
//!
//! ```
//! use whosaid::quotes::find_quotes;
//! let text = "“Stay,” she said. Her “plan” was ’90s-era.";
//! let inner: Vec<&str> = find_quotes(text, 0..text.len()).iter().map(|q| &text[q.inner.range()]).collect();
//! assert_eq!(inner, ["Stay,", "plan"]);
//! ```

use crate::document::paragraphs;
use crate::lexicon::{lexicon, QuoteMark};
use crate::span::Span;
use std::ops::Range;
use std::sync::LazyLock;

/// One quoted piece within a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuotedSpan {
    /// The piece with its marks.
    pub outer: Span,
    /// The quoted words, marks excluded.
    pub inner: Span,
    /// The piece had no closing mark: it ran to its paragraph's end.
    pub open_ended: bool,
    /// The next piece continues this quotation in the next paragraph.
    pub continues: bool,
    /// This piece continues the quotation of the previous piece.
    pub continuation: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Direction {
    Open,
    Close,
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Glyph {
    text: &'static str,
    family: Family,
    direction: Direction,
}

/// Glyphs by their first byte, each list longest first, so `''` is seen before `'`.
static GLYPHS: LazyLock<[Vec<Glyph>; 256]> =
    LazyLock::new(|| by_first_byte(glyphs(lexicon().quote_marks())));

fn glyphs(marks: &[QuoteMark]) -> Vec<Glyph> {
    let mut out: Vec<Glyph> = Vec::new();
    for mark in marks {
        let family = if mark.name.contains("single") {
            Family::Single
        } else {
            Family::Double
        };
        let roles = if mark.open == mark.close {
            vec![(mark.open, Direction::Either)]
        } else {
            vec![(mark.open, Direction::Open), (mark.close, Direction::Close)]
        };
        for (text, direction) in roles {
            // The first table row that names a glyph gives its nominal direction.
            if !out.iter().any(|g| g.text == text) {
                out.push(Glyph {
                    text,
                    family,
                    direction,
                });
            }
        }
    }
    out.sort_by_key(|g| std::cmp::Reverse(g.text.len()));
    out
}

/// A scan position only has to try the few glyphs that start with its byte.
fn by_first_byte(glyphs: Vec<Glyph>) -> [Vec<Glyph>; 256] {
    let mut out = std::array::from_fn(|_| Vec::new());
    for g in glyphs {
        out[usize::from(g.text.as_bytes()[0])].push(g);
    }
    out
}

/// The bytes a glyph may start with, ASCII marks and the lead bytes of the others: every
/// glyph of the table does (a test checks it), so the scan looks at no other byte.
const ASCII_STARTS: [u8; 3] = [b'"', b'\'', b'`'];
const WIDE_STARTS: [u8; 3] = [0xC2, 0xE2, 0xE3];

/// Offsets in `hay` of the bytes a glyph may start with, in order.
fn glyph_starts(hay: &[u8]) -> impl Iterator<Item = usize> + '_ {
    // memchr tests a whole vector of bytes a step but looks for at most three values: one
    // search for each set of start bytes, merged, costs far less than a test of every byte.
    let [a0, a1, a2] = ASCII_STARTS;
    let [w0, w1, w2] = WIDE_STARTS;
    let mut ascii = memchr::memchr3_iter(a0, a1, a2, hay).peekable();
    let mut wide = memchr::memchr3_iter(w0, w1, w2, hay).peekable();
    std::iter::from_fn(move || match (ascii.peek(), wide.peek()) {
        (Some(a), Some(w)) if a < w => ascii.next(),
        (Some(_), None) => ascii.next(),
        _ => wide.next(),
    })
}

fn glyph_at(text: &str, at: usize) -> Option<Glyph> {
    let rest = &text.as_bytes()[at..];
    GLYPHS[usize::from(*rest.first()?)]
        .iter()
        .find(|g| starts_with(rest, g.text.as_bytes()))
        .copied()
}

/// `rest.starts_with(glyph)`, compared in line: a glyph is at most a few bytes, and a call
/// to `memcmp` would cost more than the comparison.
fn starts_with(rest: &[u8], glyph: &[u8]) -> bool {
    rest.len() >= glyph.len() && rest.iter().zip(glyph).all(|(a, b)| a == b)
}

/// What the position of a mark says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    /// Glued to the start of a word: `“word`.
    Opening,
    /// Glued to the end of a word: `word”`.
    Closing,
    /// Between two words (`rock'n`) or between two spaces.
    Unclear,
}

fn position(text: &str, start: usize, end: usize) -> Position {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let open_before = before
        .is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/'));
    let closed_after = after.is_none_or(|c| {
        c.is_whitespace()
            || matches!(
                c,
                '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '}' | '—' | '–' | '-' | '/'
            )
    });
    let glued_after = after.is_some_and(|c| !c.is_whitespace());
    let glued_before = before.is_some_and(|c| !c.is_whitespace());
    match (open_before && glued_after, glued_before && closed_after) {
        (true, false) => Position::Opening,
        (false, true) => Position::Closing,
        _ => Position::Unclear,
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Does a single mark at `start..end` sit where only an apostrophe can (`we’re`, `’90s`)?
fn is_apostrophe(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    (is_word_char(before) && is_word_char(after))
        || (!is_word_char(before) && after.is_some_and(|c| c.is_ascii_digit()))
}

/// A mark seen by the scan, with what its glyph and position make of it.
#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    family: Family,
    opens: bool,
    closes: bool,
}

fn classify(text: &str, at: usize, glyph: Glyph) -> Option<Mark> {
    let span = Span::new(at, at + glyph.text.len());
    if glyph.family == Family::Single && is_apostrophe(text, span.start, span.end) {
        return None;
    }
    let (opens, closes) = match (position(text, span.start, span.end), glyph.direction) {
        (Position::Opening, _) => (true, false),
        (Position::Closing, _) => (false, true),
        (Position::Unclear, Direction::Open) => (true, false),
        (Position::Unclear, Direction::Close) => (false, true),
        (Position::Unclear, Direction::Either) => (true, true),
    };
    // A lone straight single mark after a letter is a possessive (officers'), not a close;
    // it may still close a single quotation, which `scan_paragraph` checks.
    Some(Mark {
        span,
        family: glyph.family,
        opens,
        closes,
    })
}

/// Every quote mark in `range`, in order.
fn marks(text: &str, range: Range<usize>) -> impl Iterator<Item = Mark> + '_ {
    // The first byte past the last glyph read: the second `'` of `''` starts no other.
    let mut next = range.start;
    glyph_starts(&text.as_bytes()[range.clone()]).filter_map(move |k| {
        let at = range.start + k;
        if at < next {
            return None;
        }
        // A glyph cut by the range end is no mark, not a shorter glyph.
        let glyph = glyph_at(text, at).filter(|g| at + g.text.len() <= range.end)?;
        next = at + glyph.text.len();
        classify(text, at, glyph)
    })
}

/// An open quotation during the scan of one paragraph.
#[derive(Clone, Copy, Debug)]
struct Open {
    mark: Mark,
    /// Marks of the other family opened inside it, which its close must not end.
    nested: usize,
}

/// The quotations of one paragraph, onto `out`; the last may be left open at the paragraph end.
fn scan_paragraph(text: &str, para: Span, out: &mut Vec<QuotedSpan>) {
    let mut open: Option<Open> = None;
    for mark in marks(text, para.range()) {
        match open.as_mut() {
            None if mark.opens => open = Some(Open { mark, nested: 0 }),
            None => {}
            Some(o) if mark.family == o.mark.family && mark.closes => {
                let o = *o;
                let inner = Span::new(o.mark.span.end, mark.span.start);
                open = None;
                // `rock ’n’ roll`: single marks around one letter are apostrophes.
                if o.mark.family == Family::Single && text[inner.range()].chars().count() < 2 {
                    continue;
                }
                out.push(QuotedSpan {
                    outer: Span::new(o.mark.span.start, mark.span.end),
                    inner,
                    open_ended: false,
                    continues: false,
                    continuation: false,
                });
            }
            Some(o) if mark.family != o.mark.family => {
                if mark.opens && !mark.closes {
                    o.nested += 1;
                } else if mark.closes && !mark.opens && o.nested > 0 {
                    o.nested -= 1;
                }
            }
            Some(_) => {}
        }
    }
    if let Some(o) = open {
        // A single mark never closed was an apostrophe or a typo, not a quotation.
        if o.mark.family == Family::Double {
            let inner = Span::new(o.mark.span.end, para.end).trim(text);
            out.push(QuotedSpan {
                outer: Span::new(o.mark.span.start, para.end),
                inner: Span::new(o.mark.span.end, inner.end.max(o.mark.span.end)),
                open_ended: true,
                continues: false,
                continuation: false,
            });
        }
    }
}

/// Every quoted piece in `range` of `text`, in order, with multi-paragraph quotations linked.
pub fn find_quotes(text: &str, range: Range<usize>) -> Vec<QuotedSpan> {
    quotes_in(text, &paragraphs(text, range))
}

/// [`find_quotes`] over paragraphs already split by [`crate::document::paragraphs`].
pub fn quotes_in(text: &str, paras: &[Span]) -> Vec<QuotedSpan> {
    let mut out: Vec<QuotedSpan> = Vec::new();
    let mut open_piece: Option<usize> = None;
    for &para in paras {
        // The paragraph's pieces go straight onto `out`, from `first` on.
        let first = out.len();
        scan_paragraph(text, para, &mut out);
        if let Some(prev) = open_piece.take() {
            match out.get_mut(first) {
                Some(piece) if piece.outer.start == para.start => {
                    piece.continuation = true;
                    out[prev].continues = true;
                }
                _ => {}
            }
        }
        if out.len() > first && out.last().is_some_and(|q| q.open_ended) {
            open_piece = Some(out.len() - 1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan as first written: every byte tested, every glyph tried, longest first.
    fn byte_by_byte_marks(text: &str, range: Range<usize>) -> Vec<Mark> {
        let glyphs = glyphs(lexicon().quote_marks());
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let rest = &text.as_bytes()[i..];
            match glyphs.iter().find(|g| rest.starts_with(g.text.as_bytes())) {
                Some(g) if i + g.text.len() <= range.end => {
                    out.extend(classify(text, i, *g));
                    i += g.text.len();
                }
                _ => i += 1,
            }
        }
        out
    }

    fn key(m: Mark) -> (Span, Family, bool, bool) {
        (m.span, m.family, m.opens, m.closes)
    }

    fn may_start_glyph(b: u8) -> bool {
        ASCII_STARTS.contains(&b) || WIDE_STARTS.contains(&b)
    }

    #[test]
    fn every_glyph_starts_with_a_scanned_byte() {
        for mark in lexicon().quote_marks() {
            for glyph in [mark.open, mark.close] {
                assert!(may_start_glyph(glyph.as_bytes()[0]), "{glyph:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn glyph_starts_are_the_candidate_bytes(text in "([a-z '\"`’“”‘«»„‚‹›「」『』—é…]){0,40}") {
            let bytes = text.as_bytes();
            let want: Vec<usize> = (0..bytes.len()).filter(|&i| may_start_glyph(bytes[i])).collect();
            prop_assert_eq!(glyph_starts(bytes).collect::<Vec<_>>(), want);
        }

        #[test]
        fn marks_agree_with_a_byte_by_byte_scan(
            text in "([a-z0-9 .,(\n'\"`’“”‘«»„‚‹›「」『』—é…]|''|``){0,40}",
            cuts in (0usize..48, 0usize..48),
        ) {
            let boundary = |i: usize| (0..=i.min(text.len())).rev().find(|&i| text.is_char_boundary(i));
            let start = boundary(cuts.0.min(cuts.1)).unwrap_or(0);
            let end = boundary(cuts.0.max(cuts.1)).unwrap_or(0);
            let got: Vec<_> = marks(&text, start..end).map(key).collect();
            let want: Vec<_> = byte_by_byte_marks(&text, start..end).into_iter().map(key).collect();
            prop_assert_eq!(got, want);
        }
    }

    fn inner(text: &str) -> Vec<&str> {
        find_quotes(text, 0..text.len())
            .iter()
            .map(|q| &text[q.inner.range()])
            .collect()
    }

    #[test]
    fn known_answers() {
        let cases: &[(&str, &[&str])] = &[
            ("\"Go,\" he said.", &["Go,"]),
            ("“Go,” he said.", &["Go,"]),
            ("‘Go,’ he said.", &["Go,"]),
            ("«Allez», dit-il.", &["Allez"]),
            ("``Go,'' he said.", &["Go,"]),
            ("''Go,'' he said.", &["Go,"]),
            ("The officers’ union said we’re in the ’90s.", &[]),
            ("rock ’n’ roll", &[]),
            (
                "“He told me ‘never’ twice,” she said.",
                &["He told me ‘never’ twice,"],
            ),
            ("He called them “rapists“ and left.", &["rapists"]),
            ("”Sorry,” he said.", &["Sorry,"]),
            (
                "a man who goes by \"Shorty\" said \"hello\".",
                &["Shorty", "hello"],
            ),
            ("» Bullet “one” here", &["one"]),
        ];
        for (text, want) in cases {
            assert_eq!(inner(text), *want, "in {text:?}");
        }
    }

    #[test]
    fn multi_paragraph_quote_keeps_every_paragraph() {
        let text = "“First part.\n\n“Second part.\n\n“Last part,” she said.";
        let quotes = find_quotes(text, 0..text.len());
        let got: Vec<_> = quotes.iter().map(|q| &text[q.inner.range()]).collect();
        assert_eq!(got, ["First part.", "Second part.", "Last part,"]);
        assert!(quotes[0].continues && quotes[1].continues && !quotes[2].continues);
        assert!(!quotes[0].continuation && quotes[1].continuation && quotes[2].continuation);
    }

    #[test]
    fn unclosed_quote_stops_at_its_paragraph() {
        let text = "He said “this never ends.\nNext paragraph is “fine” here.";
        assert_eq!(inner(text), ["this never ends.", "fine"]);
    }

    #[test]
    fn unclosed_single_mark_is_no_quote() {
        assert_eq!(inner("The ‘90s were long.\nOK"), Vec::<&str>::new());
    }

    #[test]
    fn empty_and_mark_only_inputs_do_not_panic() {
        for text in [
            "",
            "\"",
            "“",
            "”",
            "''",
            "\"\"",
            "\"Bob.\"\n\n\"What.\"",
            "\"\"=",
        ] {
            let _ = inner(text);
        }
    }
}
