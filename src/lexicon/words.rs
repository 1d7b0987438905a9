//! The one-word lists: titles, abbreviations, function, time, anonymous-source and org
//! words, the boilerplate headings, and the closed classes of grammar words the rules name.
//!
//! A rule that asks "is this word a determiner?" asks [`WordLists`], whose seventeen lists
//! (determiners, articles, auxiliaries, be forms, modals, conjunctions, the prepositions of
//! several rules, compare's stop, number and negating words) each come from a file of
//! `grammar/` named after the field. Each is a [`WordList`] with three lookups, because the
//! rules differ in how they treat case and each keeps its own: as written (`and`, not
//! `And`), ASCII case aside, or capitalised as a sentence starts a word (`But`).
//!
//! ```
//! let words = whosaid::lexicon::lexicon().words();
//! assert!(words.determiners.contains_folded("His"));
//! assert!(words.coordinators.contains("and") && !words.coordinators.contains("And"));
//! assert!(words.sentence_openers.contains_capitalised("Still"));
//! ```

use rustc_hash::{FxHashMap, FxHashSet};

use nom::branch::alt;
use nom::character::complete::char;
use nom::combinator::{eof, map, recognize};
use nom::multi::many0;
use nom::Parser;

use super::source::{
    blank, check_folded, comment, insert_unique, word, GrammarError, GrammarFile, Res,
};
use super::table::{contains_folded, Filtered, WordSet};

/// The closed classes of grammar words the cue, attribution, speaker and compare rules name,
/// one [`WordList`] each, from the `grammar/` file of the same name.
#[derive(Debug)]
pub struct WordLists {
    /// `addressee-words.txt`: "reporters", "him" after a verb of telling.
    pub addressee_words: WordList,
    /// `adjunct-openers.txt`: "on", "during", "last": a time or place after a cue.
    pub adjunct_openers: WordList,
    /// `affiliation-links.txt`: "of", "for": an affiliation after a name.
    pub affiliation_links: WordList,
    /// `articles.txt`: "the", "a", "an", dropped from the front of a name.
    pub articles: WordList,
    /// `auxiliaries.txt`: "has", "would", "later" between a speaker and the verb.
    pub auxiliaries: WordList,
    /// `be-forms.txt`: "was", "been" before a progressive or a passive.
    pub be_forms: WordList,
    /// `clause-links.txt`: "and", "while", "because" before a cue that starts a clause.
    pub clause_links: WordList,
    /// `coordinators.txt`: "and", "but" joining a second clause or cue.
    pub coordinators: WordList,
    /// `description-links.txt`: "of", "the", "and" inside a speaker's description.
    pub description_links: WordList,
    /// `determiners.txt`: "the", "his", "two", "several" opening a speaker's description.
    pub determiners: WordList,
    /// `modals.txt`: "to", "will", "could" before an intended, not reported, verb.
    pub modals: WordList,
    /// `negators.txt`: "not", "never", "nobody".
    pub negators: WordList,
    /// `non-content-starts.txt`: "in", "and", "yes" cannot open reported content.
    pub non_content_starts: WordList,
    /// `number-words.txt`: "two", "million", "percent".
    pub number_words: WordList,
    /// `sentence-openers.txt`: "But", "Still" opening a sentence, not the writer's words.
    pub sentence_openers: WordList,
    /// `source-links.txt`: "from", "by" tying a document to its source.
    pub source_links: WordList,
    /// `stop-words.txt`: "about", "their", "would", too common to carry a statement.
    pub stop_words: WordList,
}

/// One closed list of lowercase words behind the shape filter. Three lookups, because the
/// rules that use these lists differ in how they treat case, and each keeps its own:
/// [`WordList::contains`] as written, [`WordList::contains_folded`] ASCII case aside, and
/// [`WordList::contains_capitalised`] as a sentence starts a word.
#[derive(Debug)]
pub struct WordList(Filtered<WordSet>);

impl WordList {
    /// Whether `word` is an entry exactly as written: "and" is, "And" is not.
    #[inline]
    pub fn contains(&self, word: &str) -> bool {
        self.0.may_hold(word) && self.0.contains(word.as_bytes())
    }

    /// Whether `word` is an entry, ASCII case aside: "and", "And", "AND".
    #[inline]
    pub fn contains_folded(&self, word: &str) -> bool {
        contains_folded(&self.0, word)
    }

    /// Whether `word` is an entry with its first letter capitalised and no other: "But",
    /// not "but" or "BUT".
    #[inline]
    pub fn contains_capitalised(&self, word: &str) -> bool {
        let bytes = word.as_bytes();
        bytes.first().is_some_and(u8::is_ascii_uppercase)
            && !bytes[1..].iter().any(u8::is_ascii_uppercase)
            && contains_folded(&self.0, word)
    }

    /// Every entry, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        // The entries were `&'static str` in the file, so they are UTF-8.
        self.0
            .iter()
            .map(|w| std::str::from_utf8(w).unwrap_or_default())
    }
}

impl WordLists {
    pub(super) fn load() -> Result<WordLists, GrammarError> {
        let list = |file| Ok::<_, GrammarError>(WordList(Filtered::set(load_word_set(file)?)));
        Ok(WordLists {
            addressee_words: list(ADDRESSEE_WORDS)?,
            adjunct_openers: list(ADJUNCT_OPENERS)?,
            affiliation_links: list(AFFILIATION_LINKS)?,
            articles: list(ARTICLES)?,
            auxiliaries: list(AUXILIARIES)?,
            be_forms: list(BE_FORMS)?,
            clause_links: list(CLAUSE_LINKS)?,
            coordinators: list(COORDINATORS)?,
            description_links: list(DESCRIPTION_LINKS)?,
            determiners: list(DETERMINERS)?,
            modals: list(MODALS)?,
            negators: list(NEGATORS)?,
            non_content_starts: list(NON_CONTENT_STARTS)?,
            number_words: list(NUMBER_WORDS)?,
            sentence_openers: list(SENTENCE_OPENERS)?,
            source_links: list(SOURCE_LINKS)?,
            stop_words: list(STOP_WORDS)?,
        })
    }

    /// Every list with its file name, for tests that check them all.
    #[cfg(test)]
    pub(super) fn all(&self) -> [(&'static str, &WordList); 17] {
        [
            ("addressee-words.txt", &self.addressee_words),
            ("adjunct-openers.txt", &self.adjunct_openers),
            ("affiliation-links.txt", &self.affiliation_links),
            ("articles.txt", &self.articles),
            ("auxiliaries.txt", &self.auxiliaries),
            ("be-forms.txt", &self.be_forms),
            ("clause-links.txt", &self.clause_links),
            ("coordinators.txt", &self.coordinators),
            ("description-links.txt", &self.description_links),
            ("determiners.txt", &self.determiners),
            ("modals.txt", &self.modals),
            ("negators.txt", &self.negators),
            ("non-content-starts.txt", &self.non_content_starts),
            ("number-words.txt", &self.number_words),
            ("sentence-openers.txt", &self.sentence_openers),
            ("source-links.txt", &self.source_links),
            ("stop-words.txt", &self.stop_words),
        ]
    }
}

pub(super) const ADDRESSEE_WORDS: GrammarFile = GrammarFile::new(
    "addressee-words.txt",
    include_str!("../../grammar/addressee-words.txt"),
);
pub(super) const ADJUNCT_OPENERS: GrammarFile = GrammarFile::new(
    "adjunct-openers.txt",
    include_str!("../../grammar/adjunct-openers.txt"),
);
pub(super) const AFFILIATION_LINKS: GrammarFile = GrammarFile::new(
    "affiliation-links.txt",
    include_str!("../../grammar/affiliation-links.txt"),
);
pub(super) const ARTICLES: GrammarFile =
    GrammarFile::new("articles.txt", include_str!("../../grammar/articles.txt"));
pub(super) const AUXILIARIES: GrammarFile = GrammarFile::new(
    "auxiliaries.txt",
    include_str!("../../grammar/auxiliaries.txt"),
);
pub(super) const BE_FORMS: GrammarFile =
    GrammarFile::new("be-forms.txt", include_str!("../../grammar/be-forms.txt"));
pub(super) const CLAUSE_LINKS: GrammarFile = GrammarFile::new(
    "clause-links.txt",
    include_str!("../../grammar/clause-links.txt"),
);
pub(super) const COORDINATORS: GrammarFile = GrammarFile::new(
    "coordinators.txt",
    include_str!("../../grammar/coordinators.txt"),
);
pub(super) const DESCRIPTION_LINKS: GrammarFile = GrammarFile::new(
    "description-links.txt",
    include_str!("../../grammar/description-links.txt"),
);
pub(super) const DETERMINERS: GrammarFile = GrammarFile::new(
    "determiners.txt",
    include_str!("../../grammar/determiners.txt"),
);
pub(super) const MODALS: GrammarFile =
    GrammarFile::new("modals.txt", include_str!("../../grammar/modals.txt"));
pub(super) const NEGATORS: GrammarFile =
    GrammarFile::new("negators.txt", include_str!("../../grammar/negators.txt"));
pub(super) const NON_CONTENT_STARTS: GrammarFile = GrammarFile::new(
    "non-content-starts.txt",
    include_str!("../../grammar/non-content-starts.txt"),
);
pub(super) const NUMBER_WORDS: GrammarFile = GrammarFile::new(
    "number-words.txt",
    include_str!("../../grammar/number-words.txt"),
);
pub(super) const SENTENCE_OPENERS: GrammarFile = GrammarFile::new(
    "sentence-openers.txt",
    include_str!("../../grammar/sentence-openers.txt"),
);
pub(super) const SOURCE_LINKS: GrammarFile = GrammarFile::new(
    "source-links.txt",
    include_str!("../../grammar/source-links.txt"),
);
pub(super) const STOP_WORDS: GrammarFile = GrammarFile::new(
    "stop-words.txt",
    include_str!("../../grammar/stop-words.txt"),
);

pub(super) fn load_word_set(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, word) in file.parse(word_line)? {
        check_folded(file, line, word)?;
        insert_unique(&mut set, file, line, word)?;
    }
    Ok(set)
}

pub(super) fn load_titles(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, word) in file.parse(word_line)? {
        check_folded(file, line, word)?;
        // Keyed without the dot, so "Gov.", "Gov" and "gov." all find "gov.".
        insert_unique(&mut set, file, line, word.strip_suffix('.').unwrap_or(word))?;
    }
    Ok(set)
}

pub(super) fn load_abbreviations(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, token) in file.parse(word_line)? {
        if !token.ends_with('.') {
            return Err(file.error(line, format!("{token:?} must end with a dot")));
        }
        insert_unique(&mut set, file, line, token)?;
    }
    Ok(set)
}

pub(super) fn load_phrases(file: GrammarFile) -> Result<FxHashSet<&'static str>, GrammarError> {
    let mut set = FxHashSet::default();
    for (line, phrase) in file.parse(phrase_line)? {
        if phrase.to_lowercase() != phrase {
            return Err(file.error(line, format!("{phrase:?} must be lowercase")));
        }
        if !set.insert(phrase) {
            return Err(file.error(line, format!("duplicate entry {phrase:?}")));
        }
    }
    Ok(set)
}

/// Pairs `short<TAB>long` of lowercase words, as `title-abbreviations.txt` holds them.
pub(super) fn load_expansions(
    file: GrammarFile,
) -> Result<FxHashMap<&'static str, &'static str>, GrammarError> {
    let mut map = FxHashMap::default();
    for (line, (short, long)) in file.parse(expansion_line)? {
        if short.to_lowercase() != short || long.to_lowercase() != long {
            return Err(file.error(line, format!("{short:?} and {long:?} must be lowercase")));
        }
        if map.insert(short, long).is_some() {
            return Err(file.error(line, format!("duplicate entry {short:?}")));
        }
    }
    Ok(map)
}

/// `expansion-line = blank / comment / word TAB word EOL`, e.g. `gov<TAB>governor`.
pub(super) fn expansion_line(i: &str) -> Res<'_, Option<(&str, &str)>> {
    alt((
        blank,
        comment,
        map((word, char('\t'), word, eof), |(s, _, l, _)| Some((s, l))),
    ))
    .parse(i)
}

/// `word-line = blank / comment / word EOL`, e.g. `spokeswoman`.
pub(super) fn word_line(i: &str) -> Res<'_, Option<&str>> {
    alt((blank, comment, map((word, eof), |(w, _)| Some(w)))).parse(i)
}

/// `phrase-line = blank / comment / word *(SP word) EOL`, e.g. `latest stories`.
pub(super) fn phrase_line(i: &str) -> Res<'_, Option<&str>> {
    let phrase = recognize((word, many0((char(' '), word))));
    alt((blank, comment, map((phrase, eof), |(p, _)| Some(p)))).parse(i)
}
