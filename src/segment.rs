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
use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::anychar;
use nom::combinator::{map, recognize};
use nom::error::ErrorKind;
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

/// What a byte is to the tokenizer, as bits of `CLASS`. News text is nearly all ASCII, so
/// one table lookup decides most bytes and only `WIDE` ones need their char decoded.
type Class = u8;
/// `space = SP / HTAB / CR / LF`, what nom's `multispace1` takes.
const SPACE: Class = 1;
/// An ASCII byte that [`is_word_char`] accepts.
const WORD: Class = 2;
/// `,`, also `WORD`, flagged apart because a word may be cut at a comma when it is trimmed:
/// a word without one keeps its inner bytes.
const COMMA: Class = 4;
/// A byte of a multi-byte char, which [`is_word_char`] decides. Other ASCII bytes are 0.
const WIDE: Class = 8;

static CLASS: [Class; 256] = classes();

const fn classes() -> [Class; 256] {
    let mut table = [WIDE; 256];
    let mut b = 0;
    while b < 0x80 {
        let c = b as u8;
        table[b] = match c {
            b' ' | b'\t' | b'\r' | b'\n' => SPACE,
            b',' => WORD | COMMA,
            b'\'' | b'-' | b'.' | b'&' | b'$' | b'%' | b'/' => WORD,
            _ if c.is_ascii_alphanumeric() => WORD,
            _ => 0,
        };
        b += 1;
    }
    table
}

fn class(b: u8) -> Class {
    CLASS[usize::from(b)]
}

/// `word = 1*(alnum / "'" / "’" / "-" / "." / "&" / "," / "$" / "%" / "/")`, trimmed
/// afterwards by [`trim_word`]; e.g. `U.S.`, `Trump’s`, `2,000`, `third-largest`, `9/11`.
///
/// The length of the raw word `i` starts with (0 for none), and whether it holds a comma,
/// which only then [`trim_word`] has to look for. A hand loop for the same rule as
/// `take_while1(is_word_char)`, several times faster: bytes are classed by table while they
/// are ASCII, and chars decoded only past them.
fn raw_word(i: &str) -> (usize, bool) {
    let bytes = i.as_bytes();
    let (mut end, mut seen) = (0, 0);
    loop {
        while let Some(&b) = bytes.get(end) {
            let class = class(b);
            if class & WORD == 0 {
                break;
            }
            seen |= class;
            end += 1;
        }
        let wide = bytes.get(end).filter(|&&b| class(b) == WIDE);
        match wide.and_then(|_| i[end..].chars().next()) {
            Some(c) if is_word_char(c) => end += c.len_utf8(),
            _ => return (end, seen & COMMA != 0),
        }
    }
}

/// How much of a raw word is the word, as [`trim_edges`] says; `comma` is whether it holds one.
fn trim_word(w: &str, comma: bool) -> usize {
    // Most words end in a letter or a digit and hold no comma, and so keep every byte.
    let plain_end = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'$' | b'%');
    if !comma && w.as_bytes().last().is_some_and(plain_end) {
        return w.len();
    }
    trim_edges(w)
}

/// How much of a raw word is the word: inner `-'’.,` stay (`U.S.`, `2,000`, `we’re`), edge
/// ones go, except a final `.` of an abbreviation or an initial.
fn trim_edges(w: &str) -> usize {
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
    // News text runs to a token per five bytes or more: room for a paragraph's tokens in one
    // allocation, where growing from empty copies them over and over.
    let mut out = Vec::with_capacity(range.len() / 4 + 1);
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
    let lex = lexicon();
    let mut input = &text[range.clone()];
    while let Ok((rest, (kind, tok))) = token(input) {
        let at = range.end - input.len();
        input = rest;
        let Some(kind) = kind else {
            continue;
        };
        let verb = match kind {
            TokKind::Word => lex.speech_verb(tok),
            _ => None,
        };
        out.push(Tok {
            kind,
            span: Span::new(at, at + tok.len()),
            verb,
        });
    }
}

/// `token = space / word / punct`: a word is tried before a punct, and a word that trims
/// to nothing (`.`, `-`) is read as a punct. Space is no token (`None`).
fn token(i: &str) -> IResult<&str, (Option<TokKind>, &str)> {
    alt((
        map(space, |s| (None, s)),
        map(word, |w| (Some(TokKind::Word), w)),
        map(punct, |p| {
            (Some(punct_kind(p.chars().next().unwrap_or(' '))), p)
        }),
    ))
    .parse(i)
}

/// `space = 1*(SP / HTAB / CR / LF)`, nom's `multispace1` by table lookup.
fn space(i: &str) -> IResult<&str, &str> {
    let n = i.bytes().take_while(|&b| class(b) == SPACE).count();
    split_or(i, n, ErrorKind::MultiSpace)
}

/// A `word`, trimmed by [`trim_word`]; fails where it trims to nothing.
fn word(i: &str) -> IResult<&str, &str> {
    let (raw, comma) = raw_word(i);
    split_or(i, trim_word(&i[..raw], comma), ErrorKind::TakeWhile1)
}

/// `punct = "--" / char`: a doubled hyphen stands for a dash.
fn punct(i: &str) -> IResult<&str, &str> {
    alt((tag("--"), recognize(anychar))).parse(i)
}

/// The first `n` bytes of `i` as the parsed part, or an error of `kind` when `n` is 0.
fn split_or(i: &str, n: usize, kind: ErrorKind) -> IResult<&str, &str> {
    if n == 0 {
        return Err(nom::Err::Error(nom::error::Error::new(i, kind)));
    }
    Ok((&i[n..], &i[..n]))
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '?' | '!' | '…')
}

/// `char::is_alphanumeric`, answered at once for the General Punctuation block, where it is
/// always false (a test checks it) but costs a search of the Unicode tables: the closing
/// marks `”` and `’` end most quotations.
fn is_alphanumeric(c: char) -> bool {
    !matches!(c, '\u{2000}'..='\u{206f}') && c.is_alphanumeric()
}

/// The longest run of tokens read as one sentence. Real sentences stay far below it; a
/// paragraph without a full stop is read in windows of it, so every rule runs in time
/// linear in the paragraph.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Sentences of a paragraph's tokens, as index ranges into `toks`, none longer than
/// [`MAX_SENTENCE_TOKENS`].
pub fn sentences(text: &str, toks: &[Tok]) -> Vec<Range<usize>> {
    // A paragraph holds a sentence or a few: one small allocation rather than growing.
    let mut out = Vec::with_capacity(4);
    let mut start = 0;
    for i in 0..toks.len() {
        if i + 1 < toks.len() && ends_sentence(text, toks, i) {
            push_bounded(&mut out, start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        push_bounded(&mut out, start..toks.len());
    }
    out
}

/// Pushes `sentence` in windows of at most [`MAX_SENTENCE_TOKENS`] tokens.
fn push_bounded(out: &mut Vec<Range<usize>>, sentence: Range<usize>) {
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_TOKENS {
        out.push(start..start + MAX_SENTENCE_TOKENS);
        start += MAX_SENTENCE_TOKENS;
    }
    out.push(start..sentence.end);
}

fn ends_sentence(text: &str, toks: &[Tok], i: usize) -> bool {
    let tok = toks[i];
    let ends = match tok.kind {
        TokKind::Terminal => true,
        // The last letter, digit or terminal of the quotation, past its marks, decides.
        TokKind::Quote(_) => tok
            .text(text)
            .chars()
            .rev()
            .find(|&c| is_terminal(c) || is_alphanumeric(c))
            .is_some_and(is_terminal),
        _ => false,
    };
    if !ends {
        return false;
    }
    let Some(next) = toks.get(i + 1) else {
        return false;
    };
    // `.)` and `.”` end their sentence after the bracket.
    if next.kind == TokKind::CloseParen {
        return false;
    }
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
    use nom::bytes::complete::take_while1;
    use nom::character::complete::{anychar, multispace1};
    use nom::Parser;
    use proptest::prelude::*;

    type NomError<'a> = nom::error::Error<&'a str>;

    /// `plain` as nom parses it, char by char: the rule the fast loops must keep.
    fn nom_plain(text: &str) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut input = text;
        while !input.is_empty() {
            let at = text.len() - input.len();
            if let Ok((rest, _)) = multispace1::<_, NomError>.parse(input) {
                input = rest;
                continue;
            }
            if let Ok((_, w)) = take_while1::<_, _, NomError>(is_word_char).parse(input) {
                let len = trim_edges(w);
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
            let Ok((rest, c)) = anychar::<_, NomError>(input) else {
                break;
            };
            let dash = c == '-' && rest.starts_with('-');
            let len = input.len() - rest.len() + usize::from(dash);
            out.push(Tok {
                kind: if dash { TokKind::Dash } else { punct_kind(c) },
                span: Span::new(at, at + len),
                verb: None,
            });
            input = &input[len..];
        }
        out
    }

    #[test]
    fn no_general_punctuation_is_alphanumeric() {
        assert!(('\u{2000}'..='\u{206f}').all(|c| !c.is_alphanumeric()));
    }

    #[test]
    fn byte_classes_follow_the_char_rules() {
        for b in 0..=0x7fu8 {
            let c = char::from(b);
            let space = multispace1::<_, NomError>
                .parse(c.to_string().as_str())
                .is_ok();
            assert_eq!(class(b) == SPACE, space, "{c:?}");
            assert_eq!(class(b) & WORD != 0, is_word_char(c), "{c:?}");
            assert_eq!(class(b) & COMMA != 0, c == ',', "{c:?}");
        }
        assert!((0x80..=0xff).all(|b| class(b) == WIDE));
    }

    proptest! {
        #[test]
        fn fast_tokenizer_agrees_with_nom(
            text in "([a-zA-Z0-9 ,.'’$%/&:;!?()\\[\\]“”—–…\t\n\r-]|\u{a0}|é|É|ß|\u{2009}|𝔸){0,60}",
            cuts in (0usize..64, 0usize..64),
        ) {
            let boundary = |i: usize| (0..=i.min(text.len())).rev().find(|&i| text.is_char_boundary(i));
            let (start, end) = (boundary(cuts.0.min(cuts.1)), boundary(cuts.0.max(cuts.1)));
            let (start, end) = (start.unwrap_or(0), end.unwrap_or(0));
            let want: Vec<Tok> = nom_plain(&text[start..end])
                .into_iter()
                .map(|t| Tok { span: Span::new(t.span.start + start, t.span.end + start), ..t })
                .collect();
            prop_assert_eq!(tokenize(&text, start..end, &[]), want);
        }

        #[test]
        fn fast_tokenizer_agrees_with_nom_on_any_text(text in any::<String>()) {
            prop_assert_eq!(tokenize(&text, 0..text.len(), &[]), nom_plain(&text));
        }

        #[test]
        fn fast_tokenizer_agrees_with_nom_on_speech(
            words in prop::collection::vec("(said|Said|SAYS|told|tell|says|tweeted|e-mailed|the|U\\.S\\.|Mr\\.|J\\.|2,000|a,b|Inc\\.,|9/11|’90s|officers’|plan,|--|“|,|\\.|-)", 0..12),
        ) {
            for text in [words.join(" "), words.concat()] {
                prop_assert_eq!(tokenize(&text, 0..text.len(), &[]), nom_plain(&text));
            }
        }
    }

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
