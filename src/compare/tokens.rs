//! Normalised word tokens: what [`compare`](super) compares instead of the text.
//!
//! A [`Token`] is a word or an ellipsis of a document: its normalised form hashed to a `u64`
//! key, its span in the text, and flags for what classification asks about it (a figure, a
//! negator, a content word, the end of a sentence or paragraph). Normalising folds case,
//! apostrophe style and digit-group commas, so `Don’t` and `don't`, `2,000` and `2000` get
//! the same key; punctuation and quote marks are no tokens at all. Only a copy of each word
//! is normalised, as a key: the text is never rewritten, and every span still slices it.
//! Keys are FNV-1a hashes, the same on every run and platform, so nothing random reaches the
//! output.
//!
//! The word lists that set the flags (stop words, number words, negators) are here too,
//! and the content stems that tell whether two quotations are on the same substance.
//!
//! ```text
//! “We don’t,” she said.  ->  We | don’t | she | said    (don’t has the key of don't)
//! cut […] here           ->  cut | … | here             (… is an ELLIPSIS, brackets aside)
//! ```

use crate::lexicon::lexicon;
use crate::span::Span;
use std::ops::Range;

pub(super) const WORD: u8 = 1;
pub(super) const ELLIPSIS: u8 = 2;
pub(super) const NUMBER: u8 = 4;
pub(super) const NEGATOR: u8 = 8;
pub(super) const SENTENCE_END: u8 = 16;
pub(super) const PARAGRAPH_END: u8 = 32;
pub(super) const CONTENT: u8 = 64;

/// A word or an ellipsis: its normalised form (hashed), where it is, what it is.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    pub(super) key: u64,
    pub(super) span: Span,
    flags: u8,
}

impl Token {
    pub(super) fn is(self, flags: u8) -> bool {
        self.flags & flags != 0
    }
}

/// A word's key: [`fnv1a`](crate::hash::fnv1a), fast, and the same on every run and platform.
pub(super) fn hash(s: &str) -> u64 {
    crate::hash::fnv1a(s.as_bytes())
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

/// The comparison form of a word: lower case, one apostrophe, no digit-group commas.
pub(super) fn normalised(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else if c != ',' {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|rest| rest.chars().next())
}

/// The words and ellipses of `range` of `text`.
///
/// `word = alnum *( alnum / apostrophe alnum / digit ("," / ".") digit )`: `don't`,
/// `Trump’s`, `2,000`, `3.5` are one word each; a hyphen separates (`third-largest` is two).
/// `ellipsis = "…" / 3*"." / ". . ."`; brackets around it are punctuation, so `[…]` is one.
pub(super) fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    let mut tokens: Vec<Token> = Vec::new();
    let ellipsis_key = hash("…");
    let mut pos = 0;
    while let Some(c) = char_at(s, pos) {
        let width = c.len_utf8();
        if c == '…' || c == '.' {
            let mut end = pos + width;
            let mut dots = 3;
            if c == '.' {
                dots = 1;
                // `...`, or `. . .` spaced once.
                loop {
                    end += match (char_at(s, end), char_at(s, end + 1)) {
                        (Some('.'), _) => 1,
                        (Some(' '), Some('.')) if dots < 3 => 2,
                        _ => break,
                    };
                    dots += 1;
                }
            }
            if dots >= 3 {
                let span = Span::new(range.start + pos, range.start + end);
                tokens.push(Token {
                    key: ellipsis_key,
                    span,
                    flags: ELLIPSIS,
                });
            }
            pos = end;
            continue;
        }
        if !c.is_alphanumeric() {
            pos += width;
            continue;
        }
        let mut end = pos + width;
        let mut last = c;
        while let Some(d) = char_at(s, end) {
            if d.is_alphanumeric() {
                end += d.len_utf8();
                last = d;
                continue;
            }
            let joins = match char_at(s, end + d.len_utf8()) {
                Some(e) if is_apostrophe(d) => e.is_alphanumeric(),
                Some(e) if d == ',' || d == '.' => last.is_ascii_digit() && e.is_ascii_digit(),
                _ => false,
            };
            if !joins {
                break;
            }
            end += d.len_utf8();
        }
        let word = normalised(&s[pos..end]);
        let mut flags = WORD;
        if word.chars().any(|c| c.is_ascii_digit())
            || lexicon().words().number_words.contains(&word)
        {
            flags |= NUMBER;
        }
        if word.chars().count() >= 3 && !lexicon().words().stop_words.contains(&word) {
            flags |= CONTENT;
        }
        if word.ends_with("n't") || lexicon().words().negators.contains(&word) {
            flags |= NEGATOR;
        }
        tokens.push(Token {
            key: hash(&word),
            span: Span::new(range.start + pos, range.start + end),
            flags,
        });
        pos = end;
    }
    // Sentence ends: `.`, `?`, `!` or a line break after a word, unless the dot belongs to
    // an abbreviation or an initial ("Mr.", "J.") or the next word starts in lower case.
    for k in 0..tokens.len() {
        let t = tokens[k];
        if !t.is(WORD) {
            continue;
        }
        let next = tokens.get(k + 1).map_or(range.end, |n| n.span.start);
        let gap = &text[t.span.end..next];
        let stop = gap.contains(['.', '?', '!']);
        let lower_next = tokens
            .get(k + 1)
            .and_then(|n| text[n.span.range()].chars().next())
            .is_some_and(char::is_lowercase);
        let word = &text[t.span.range()];
        let abbreviation = gap.starts_with('.')
            && (lexicon().is_abbreviation(&text[t.span.start..t.span.end + 1])
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)));
        if gap.contains('\n') {
            tokens[k].flags |= SENTENCE_END | PARAGRAPH_END;
        } else if stop && !lower_next && !abbreviation {
            tokens[k].flags |= SENTENCE_END;
        }
    }
    tokens
}

/// The distinct stems (first five letters) of the content words of `tokens`, sorted.
pub(super) fn content_stems(text: &str, all: &[Token], tokens: &[u32]) -> Vec<u64> {
    let mut stems: Vec<u64> = tokens
        .iter()
        .map(|&t| all[t as usize])
        .filter(|t| t.is(WORD) && !t.is(NUMBER | NEGATOR))
        .filter_map(|t| {
            let word = normalised(&text[t.span.range()]);
            let stop = lexicon().words().stop_words.contains(&word);
            let short = word.chars().count() < 3 || stop;
            (!short).then(|| hash(&word.chars().take(5).collect::<String>()))
        })
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn tokens_fold_punctuation_and_keep_numbers_and_ellipses() {
        let cases: [(&str, &[&str]); 6] = [
            ("“We don’t,” she said.", &["We", "don’t", "she", "said"]),
            (
                "about 2,000 troops, 3.5 each",
                &["about", "2,000", "troops", "3.5", "each"],
            ),
            ("a crisis... and", &["a", "crisis", "...", "and"]),
            ("cut […] here", &["cut", "…", "here"]),
            ("third-largest city", &["third", "largest", "city"]),
            ("one . . . two", &["one", ". . .", "two"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn token_keys_ignore_case_and_apostrophe_style() {
        let t = |s: &str| tokenize(s, 0..s.len())[0].key;
        assert_eq!(t("Don’t"), t("don't"));
        assert_eq!(t("2,000"), t("2000"));
        assert_ne!(t("2,000"), t("20,000"));
    }

    #[test]
    fn token_flags() {
        let text = "Mr. Lee did not pay 20 dollars. Nobody won't.";
        let toks = tokenize(text, 0..text.len());
        let flag = |w: &str, f: u8| {
            toks.iter()
                .find(|t| &text[t.span.range()] == w)
                .is_some_and(|t| t.is(f))
        };
        assert!(!flag("Mr", SENTENCE_END), "abbreviation");
        assert!(flag("dollars", SENTENCE_END));
        assert!(flag("not", NEGATOR) && flag("won't", NEGATOR) && flag("Nobody", NEGATOR));
        assert!(flag("20", NUMBER) && !flag("pay", NUMBER));
    }
}
