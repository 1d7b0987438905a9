//! Tokens and sentences of a paragraph, with every quotation kept as one token.
//!
//! Attribution rules read a sentence as a row of tokens: words, punctuation, and whole
//! quotations (`Tok::Quote`), so `“We will fight. We will win,” she said.` is one sentence
//! of four tokens, whatever the quotation holds. A sentence ends at `.`, `?` or `!` followed
//! by space and a capital, a digit or a quotation, except after an abbreviation from
//! `grammar/abbreviations.txt` (`Mr.`, `U.S.`) or an initial (`J.`). A quotation whose words
//! end a sentence (`“We won.” Then he left.`) ends its sentence too.
//!
//! ```
//! use whosaid::segment::{sentences, tokenize, TokKind};
//! let text = "Mr. Smith spoke. He left.";
//! let toks = tokenize(text, 0..text.len(), &[]);
//! assert_eq!(sentences(text, &toks).len(), 2);
//! assert_eq!(toks[0].kind, TokKind::Word);
//! ```

use crate::lexicon::{lexicon, SpeechVerb};
use crate::quotes::QuotedSpan;
use crate::span::Span;
use nom::bytes::complete::take_while1;
use nom::character::complete::{anychar, multispace1};
use nom::{IResult, Parser};
use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokKind {
    Word,
    Comma,
    Colon,
    Semicolon,
    Dash,
    /// `.`, `?`, `!` (and `…`).
    Terminal,
    OpenParen,
    CloseParen,
    /// A whole quotation; the index is into the document's quote list.
    Quote(usize),
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    pub kind: TokKind,
    pub span: Span,
    /// The speech verb this word is, looked up once here: rules ask it many times.
    pub verb: Option<SpeechVerb>,
}

impl Tok {
    pub fn text(self, text: &str) -> &str {
        &text[self.span.range()]
    }

    pub fn is_word(self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '.' | '&' | ',' | '$' | '%' | '/')
}

/// `word = 1*(alnum / "'" / "’" / "-" / "." / "&" / "," / "$" / "%" / "/")`, trimmed
/// afterwards by [`trim_word`]; e.g. `U.S.`, `Trump’s`, `2,000`, `third-largest`, `9/11`.
///
/// Bytes are tested while they are ASCII, which most of a news text is, and chars only past
/// them: the same rule as `take_while1(is_word_char)`, several times faster.
fn raw_word(i: &str) -> IResult<&str, &str> {
    let bytes = i.as_bytes();
    let mut end = 0;
    while end < bytes.len() {
        let b = bytes[end];
        if b < 0x80 {
            if !is_word_char(char::from(b)) {
                break;
            }
            end += 1;
        } else {
            match i[end..].chars().next() {
                Some(c) if is_word_char(c) => end += c.len_utf8(),
                _ => break,
            }
        }
    }
    if end == 0 {
        return take_while1(is_word_char).parse(i);
    }
    Ok((&i[end..], &i[..end]))
}

/// How much of a raw word is the word: inner `-'’.,` stay (`U.S.`, `2,000`, `we’re`), edge
/// ones go, except a final `.` of an abbreviation or an initial.
fn trim_word(w: &str) -> usize {
    let mut end = w.len();
    // Commas belong to a word only between digits (2,000).
    if let Some(comma) = comma_cut(w) {
        end = comma;
        // A dot right before a comma ends no sentence: `R-Ky.,`, `Inc.,`, `Jr.,`.
        if w[..end].ends_with('.') && end > 2 {
            return end;
        }
    }
    while end > 0 {
        let last = w[..end].chars().next_back().unwrap_or(' ');
        if last.is_alphanumeric() || last == '$' || last == '%' {
            break;
        }
        if last == '.' && keeps_final_dot(&w[..end]) {
            break;
        }
        if (last == '\'' || last == '’') && w[..end - last.len_utf8()].ends_with('s') && end > 2 {
            // A plural possessive (officers’) keeps its mark.
            break;
        }
        end -= last.len_utf8();
    }
    end
}

fn comma_cut(w: &str) -> Option<usize> {
    let b = w.as_bytes();
    (0..b.len()).find(|&i| {
        b[i] == b','
            && !(i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
    })
}

fn keeps_final_dot(w: &str) -> bool {
    if lexicon().is_abbreviation(w) {
        return true;
    }
    let stem = &w[..w.len() - 1];
    let mut chars = stem.chars();
    // An initial (J.) or dotted letters (U.S., D.C.).
    match (chars.next(), chars.next()) {
        (Some(c), None) => c.is_uppercase(),
        _ => stem.contains('.') && stem.split('.').all(|p| p.chars().count() == 1),
    }
}

fn punct_kind(c: char) -> TokKind {
    match c {
        ',' => TokKind::Comma,
        ':' => TokKind::Colon,
        ';' => TokKind::Semicolon,
        '—' | '–' | '―' | '-' => TokKind::Dash,
        '.' | '?' | '!' | '…' => TokKind::Terminal,
        '(' | '[' => TokKind::OpenParen,
        ')' | ']' => TokKind::CloseParen,
        _ => TokKind::Other,
    }
}

/// Tokens of `range`; the spans of `quotes` (sorted, within `range` or not) become
/// [`TokKind::Quote`] tokens indexed by their position in `quotes`.
pub fn tokenize(text: &str, range: Range<usize>, quotes: &[QuotedSpan]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut pos = range.start;
    let mut next_quote = quotes.partition_point(|q| q.outer.end <= range.start);
    while pos < range.end {
        while next_quote < quotes.len() && quotes[next_quote].outer.start < pos {
            next_quote += 1;
        }
        let stop = quotes
            .get(next_quote)
            .map_or(range.end, |q| q.outer.start.min(range.end));
        if pos == stop && next_quote < quotes.len() {
            let q = quotes[next_quote];
            out.push(Tok {
                kind: TokKind::Quote(next_quote),
                span: q.outer,
                verb: None,
            });
            pos = q.outer.end;
            next_quote += 1;
            continue;
        }
        tokenize_plain(text, pos..stop, &mut out);
        pos = stop;
    }
    out
}

/// `plain = *(space / word / punct)`: the stretch between two quotations.
fn tokenize_plain(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let mut input = &text[range.clone()];
    while !input.is_empty() {
        let at = range.end - input.len();
        if let Ok((rest, _)) = multispace1::<_, nom::error::Error<&str>>.parse(input) {
            input = rest;
            continue;
        }
        if let Ok((_, w)) = raw_word(input) {
            let len = trim_word(w);
            if len > 0 {
                out.push(Tok {
                    kind: TokKind::Word,
                    span: Span::new(at, at + len),
                    verb: lexicon().speech_verb(&input[..len]),
                });
                input = &input[len..];
                continue;
            }
        }
        match anychar::<_, nom::error::Error<&str>>(input) {
            Ok((rest, c)) => {
                let len = input.len() - rest.len();
                let kind = if c == '-' && rest.starts_with('-') {
                    TokKind::Dash
                } else {
                    punct_kind(c)
                };
                let len = if c == '-' && rest.starts_with('-') {
                    len + 1
                } else {
                    len
                };
                out.push(Tok {
                    kind,
                    span: Span::new(at, at + len),
                    verb: None,
                });
                input = &input[len..];
            }
            Err(_) => break,
        }
    }
}

/// Sentences of a paragraph's tokens, as index ranges into `toks`.
pub fn sentences(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..toks.len() {
        if i + 1 < toks.len() && ends_sentence(text, toks, i) {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
    out
}

fn ends_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let tok = toks[i];
    let mut j = i + 1;
    // `.)` and `.”` end their sentence after the bracket.
    while j < toks.len() && toks[j].kind == TokKind::CloseParen {
        j += 1;
    }
    if j > i + 1 {
        return false;
    }
    let ends = match tok.kind {
        TokKind::Terminal => true,
        TokKind::Quote(_) => {
            let inner = tok
                .text(text)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && !".?!…".contains(c));
            inner.ends_with(['.', '?', '!', '…'])
        }
        _ => false,
    };
    if !ends {
        return false;
    }
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    let gap = &text[tok.span.end..next.span.start];
    if gap.is_empty() && tok.kind == TokKind::Terminal {
        return false;
    }
    match next.kind {
        TokKind::Quote(_) => true,
        TokKind::Word => next
            .text(text)
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
        TokKind::OpenParen => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len(), &[])
            .iter()
            .map(|t| t.text(text))
            .collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let quotes = find_quotes(text, 0..text.len());
        let toks = tokenize(text, 0..text.len(), &quotes);
        sentences(text, &toks)
            .into_iter()
            .map(|r| &text[toks[r.start].span.start..toks[r.end - 1].span.end])
            .collect()
    }

    #[test]
    fn words_keep_inner_marks_and_abbreviations() {
        assert_eq!(
            words("Gov. Pritzker’s U.S. plan, 2,000 troops (third-largest)."),
            [
                "Gov.",
                "Pritzker’s",
                "U.S.",
                "plan",
                ",",
                "2,000",
                "troops",
                "(",
                "third-largest",
                ")",
                "."
            ]
        );
        assert_eq!(
            words("officers’ jobs -- done"),
            ["officers’", "jobs", "--", "done"]
        );
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Mr. Smith spoke. He left.",
                &["Mr. Smith spoke.", "He left."],
            ),
            (
                "He met J. Doe in the U.S. on Jan. 5.",
                &["He met J. Doe in the U.S. on Jan. 5."],
            ),
            (
                "“We fight. We win,” she said. “Now.”",
                &["“We fight. We win,” she said.", "“Now.”"],
            ),
            ("“We won.” Then he left.", &["“We won.”", "Then he left."]),
            ("“Why?” he asked.", &["“Why?” he asked."]),
        ];
        for (text, want) in cases {
            assert_eq!(sentence_texts(text), *want, "in {text:?}");
        }
    }
}
