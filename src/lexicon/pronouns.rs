//! Words that tell the person, number or gender of whom they refer to: the pronouns that
//! point back at a speaker (`grammar/pronouns.txt`) and the honorifics that tell a name's
//! gender (`grammar/honorifics.txt`), both `word<TAB>gender`.
//!
//! Both feed speaker resolution: "she said" takes the nearest feminine speaker, and "Ms.
//! Jones" is one.

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::char;
use nom::combinator::{eof, map, value};
use nom::Parser;

use super::source::{blank, check_folded, comment, word, GrammarError, GrammarFile, Res};
use super::table::WordMap;

/// The person, number or gender a pronoun carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his, himself
    Masculine,
    /// she, her, hers, herself
    Feminine,
    /// they, them, their, ... (also singular "they")
    Plural,
    /// it, its, itself: organisations in news
    Neuter,
    /// I, me, my, ...: inside quotations, the speaker
    First,
    /// we, us, our, ...: inside quotations, the speaker's side
    FirstPlural,
}

pub(super) fn load_pronouns(file: GrammarFile) -> Result<WordMap<Gender>, GrammarError> {
    let mut map = WordMap::default();
    for (line, (word, gender)) in file.parse(pronoun_line)? {
        check_folded(file, line, word)?;
        if map.insert(word.as_bytes(), gender).is_some() {
            return Err(file.error(line, format!("duplicate pronoun {word:?}")));
        }
    }
    Ok(map)
}

/// `gender = "masculine" / "feminine" / "plural" / "neuter" / "first-plural" / "first"`;
/// the longer `first-plural` is tried before its prefix.
pub(super) fn gender(i: &str) -> Res<'_, Gender> {
    alt((
        value(Gender::Masculine, tag("masculine")),
        value(Gender::Feminine, tag("feminine")),
        value(Gender::Plural, tag("plural")),
        value(Gender::Neuter, tag("neuter")),
        value(Gender::FirstPlural, tag("first-plural")),
        value(Gender::First, tag("first")),
    ))
    .parse(i)
}

/// `pronoun-line = blank / comment / word TAB gender EOL`, e.g. `she<TAB>feminine`.
pub(super) fn pronoun_line(i: &str) -> Res<'_, Option<(&str, Gender)>> {
    alt((
        blank,
        comment,
        map((word, char('\t'), gender, eof), |(w, _, g, _)| Some((w, g))),
    ))
    .parse(i)
}
