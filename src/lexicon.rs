//! The language data the extractor reads: word lists from `grammar/`, parsed once into
//! typed tables.
//!
//! Finding who said what in English news rests on a few closed classes of words: the
//! reporting verbs that tie a quotation to its speaker ("said", "told", "warned"), the titles
//! that open a name ("Gov.", "spokeswoman"), the abbreviations after which a sentence goes on
//! ("Mr.", "U.S.", "Jan."), the pronouns that point back at a speaker, the function words
//! that can never be part of a name ("But Smith said" names Smith), the time words that
//! follow a verb without being its speaker ("said Monday"), the head nouns of anonymous
//! sources ("officials said") and of organisations ("the campaign said"), and the pairs of
//! quotation marks. These are data, not code: each is a plain-text file in `grammar/` (its
//! format is described in `grammar/README.md`), compiled into the binary with
//! [`include_str!`] and parsed on first use by [`lexicon`]. Growing a list means editing a
//! text file, and `tests/grammar.rs` keeps every file trimmed, sorted and free of duplicates.
//!
//! ```
//! use whosaid::lexicon::{lexicon, Gender, VerbClass, VerbForm};
//!
//! let lex = lexicon();
//! let said = lex.speech_verb("Said").unwrap();
//! assert_eq!((said.lemma, said.form, said.class), ("say", VerbForm::Past, VerbClass::Speech));
//! assert_eq!(lex.speech_verb("characterised").map(|v| v.class), Some(VerbClass::Characterise));
//! assert!(lex.is_title("Gov.") && lex.is_title("spokeswoman"));
//! assert!(lex.is_abbreviation("U.S.") && !lex.is_abbreviation("May"));
//! assert_eq!(lex.pronoun("She"), Some(Gender::Feminine));
//! assert!(lex.is_time_word("Monday") && lex.is_anonymous_head("officials"));
//! ```
//!
//! # Invariants
//!
//! * Lookups never allocate. Every case-insensitive table holds lowercase entries; a query is
//!   ASCII-lowercased into a stack buffer of [`MAX_WORD`] bytes (or used as is when it has no
//!   ASCII capital), and a longer query is simply not found: no entry is that long. Letters
//!   beyond ASCII are compared as they are, so "Élysée" matches only an entry written
//!   "Élysée".
//! * The tables hash with a small multiplicative hasher rather than SipHash: the keys are
//!   fixed at build time, so there is no table for an attacker to fill, and these lookups
//!   run for nearly every word of the input.
//! * Every string the tables hand out (`lemma`, quote marks) borrows from the compiled-in
//!   files, so it is `&'static`.
//!
//! # Why a malformed file panics
//!
//! The files are part of the source code, not input: a bad line is a programming error,
//! caught by this module's tests and `tests/grammar.rs` before any release. [`lexicon`]
//! therefore panics with `grammar/<file>:<line>: <problem>` rather than making every caller
//! handle an error that cannot happen in a tested build. Nothing read at run time can reach
//! these parsers.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_till1, take_while1};
use nom::character::complete::char;
use nom::combinator::{eof, map, recognize, rest, value};
use nom::multi::many0;
use nom::{IResult, Parser};

/// The longest word, in bytes, that a case-insensitive lookup folds; longer queries are
/// never found (the loader rejects longer entries).
pub const MAX_WORD: usize = 40;

/// How a reporting verb is inflected in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// The bare form: "say" ("they say", "will say", "to say").
    Base,
    /// Third person singular present: "says".
    Present,
    /// Simple past or past participle: "said", "wrote", "written".
    Past,
    /// The -ing form: "saying".
    Gerund,
}

/// What a reporting verb reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbClass {
    /// Verbs of saying: "said", "told", "warned", "tweeted".
    Speech,
    /// Verbs that name or judge: "called it a stunt", "described him as", "criticized".
    Characterise,
    /// Verbs of thought that news attributes: "believes", "fears", "hopes".
    Belief,
}

/// One inflected form of a reporting verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeechVerb {
    /// The dictionary form, shared by spelling variants: "criticise" has lemma "criticize".
    pub lemma: &'static str,
    /// The inflection of the word looked up.
    pub form: VerbForm,
    /// Speech, characterisation or belief.
    pub class: VerbClass,
}

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

/// A pair of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// The mark that opens a quotation: `“`.
    pub open: &'static str,
    /// The mark that closes it: `”`.
    pub close: &'static str,
    /// A stable name for the pair: `double-curly`.
    pub name: &'static str,
}

/// Every table of `grammar/`; get the shared instance with [`lexicon`].
#[derive(Debug)]
pub struct Lexicon {
    verbs: Filtered<WordMap<SpeechVerb>>,
    titles: Filtered<WordSet>,
    abbreviations: WordSet,
    pronouns: Filtered<WordMap<Gender>>,
    function_words: Filtered<WordSet>,
    time_words: Filtered<WordSet>,
    anonymous_heads: Filtered<WordSet>,
    org_words: Filtered<WordSet>,
    quote_marks: Vec<QuoteMark>,
    addressee_verbs: WordSet,
    addressee_only_verbs: WordSet,
    particles: HashSet<(&'static str, &'static str)>,
    honorifics: Filtered<WordMap<Gender>>,
    boilerplate: HashSet<&'static str>,
    lists: WordLists,
}

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

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| match Lexicon::load() {
    Ok(lexicon) => lexicon,
    // The grammar is compiled in and tested; see "Why a malformed file panics" above.
    Err(err) => panic!("{err}"),
});

/// The lexicon, parsed from `grammar/` on first use and shared by every thread.
///
/// # Panics
///
/// If a grammar file is malformed, with its file and line; the tests guarantee that a
/// tested build never does.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    /// The reporting verb `word` is a form of, if any; ASCII case-insensitive ("Said").
    // Inlined so that the shape test, which most words of a text fail, costs no call.
    #[inline]
    pub fn speech_verb(&self, word: &str) -> Option<SpeechVerb> {
        if !self.verbs.may_hold(word) {
            return None;
        }
        self.lookup_verb(word)
    }

    fn lookup_verb(&self, word: &str) -> Option<SpeechVerb> {
        let mut buf = [0; MAX_WORD];
        self.verbs.get(fold(word, &mut buf)?).copied()
    }

    /// Whether `word` is a title or role ("Gov.", "gov", "Mayor", "spokeswoman"); ASCII
    /// case-insensitive, and one final dot is ignored, so "Mr" matches as well as "Mr.".
    pub fn is_title(&self, word: &str) -> bool {
        // The dot goes first, so that the shape test sees the word as the list keys it.
        let word = word.strip_suffix('.').unwrap_or(word);
        let mut buf = [0; MAX_WORD];
        self.titles.may_hold(word) && fold(word, &mut buf).is_some_and(|w| self.titles.contains(w))
    }

    /// Whether `token`, final dot included, is an abbreviation after which a sentence does
    /// not end ("Mr.", "U.S.", "Jan."); exact and case-sensitive, so "May" is not one.
    pub fn is_abbreviation(&self, token: &str) -> bool {
        self.abbreviations.contains(token.as_bytes())
    }

    /// The gender or number of pronoun `word`, if it is one; ASCII case-insensitive ("She"),
    /// except that a word of two or more capitals is an acronym, not a pronoun: "US"
    /// (the country) and "IT" are `None`, while "Us" and "I" are pronouns.
    pub fn pronoun(&self, word: &str) -> Option<Gender> {
        if word.len() > 1 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        if !self.pronouns.may_hold(word) {
            return None;
        }
        let mut buf = [0; MAX_WORD];
        self.pronouns.get(fold(word, &mut buf)?).copied()
    }

    /// Whether `word` can never be part of a name, even capitalised ("But", "The",
    /// "Meanwhile"); ASCII case-insensitive.
    pub fn is_function_word(&self, word: &str) -> bool {
        contains_folded(&self.function_words, word)
    }

    /// Whether `word` may follow a speech verb without being its speaker ("Monday",
    /// "earlier", "repeatedly"); ASCII case-insensitive.
    pub fn is_time_word(&self, word: &str) -> bool {
        contains_folded(&self.time_words, word)
    }

    /// Whether `word` heads an anonymous or generic source ("officials", "critics",
    /// "spokeswoman"); ASCII case-insensitive.
    pub fn is_anonymous_head(&self, word: &str) -> bool {
        contains_folded(&self.anonymous_heads, word)
    }

    /// Whether `word` makes a speaker an organisation or a document ("campaign", "House",
    /// "statement"); ASCII case-insensitive.
    pub fn is_org_word(&self, word: &str) -> bool {
        contains_folded(&self.org_words, word)
    }

    /// Whether the verb of `lemma` may take whom it is said to as its first object:
    /// "told reporters that …", "urged the council to …" (the `addressee` flag of
    /// `speech-verbs.txt`).
    pub fn takes_addressee(&self, lemma: &str) -> bool {
        self.addressee_verbs.contains(lemma.as_bytes())
    }

    /// Whether the phrase after the verb of `lemma` is always its addressee, never an
    /// inverted speaker: "X, 82, told The Post" (the `addressee-only` flag). A verb without
    /// it inverts: "“…,” warned the mayor" names the mayor.
    pub fn addressee_only(&self, lemma: &str) -> bool {
        self.addressee_only_verbs.contains(lemma.as_bytes())
    }

    /// Whether `particle`, as written, makes the verb of `lemma` phrasal, the particle part of
    /// the cue: "called for", "pointed out" (the `+for`, `+out` flags of `speech-verbs.txt`).
    pub fn is_particle_of(&self, lemma: &str, particle: &str) -> bool {
        self.particles.contains(&(lemma, particle))
    }

    /// The gender an honorific tells of the name after it, written as names are indexed:
    /// capitalised, without its dot ("Mr", "Mrs", "Ms", "Miss"); "MR" and "mr" are `None`.
    pub fn honorific(&self, word: &str) -> Option<Gender> {
        let bytes = word.as_bytes();
        let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase)
            && !bytes[1..].iter().any(u8::is_ascii_uppercase);
        if !capitalised || !self.honorifics.may_hold(word) {
            return None;
        }
        let mut buf = [0; MAX_WORD];
        self.honorifics.get(fold(word, &mut buf)?).copied()
    }

    /// Whether `heading` is one of the headings of site furniture after a story ("Latest
    /// Stories", "Read more"), case aside (full Unicode lowercase).
    pub fn is_boilerplate(&self, heading: &str) -> bool {
        self.boilerplate.contains(heading.to_lowercase().as_str())
    }

    /// The closed classes of grammar words: determiners, prepositions, conjunctions, ...
    pub fn words(&self) -> &WordLists {
        &self.lists
    }

    /// The pairs of quotation marks, in file order (sorted by the open mark). Each open mark
    /// appears once; a mark can close one pair and open another ("»").
    pub fn quote_marks(&self) -> &[QuoteMark] {
        &self.quote_marks
    }

    /// Parses every file of `grammar/`.
    fn load() -> Result<Lexicon, GrammarError> {
        let (verbs, flags) = load_verbs(SPEECH_VERBS)?;
        Ok(Lexicon {
            verbs: Filtered::map(verbs),
            addressee_verbs: flags.addressee,
            addressee_only_verbs: flags.addressee_only,
            particles: flags.particles,
            honorifics: Filtered::map(load_pronouns(HONORIFICS)?),
            boilerplate: load_phrases(BOILERPLATE)?,
            lists: WordLists::load()?,
            titles: Filtered::set(load_titles(TITLES)?),
            abbreviations: load_abbreviations(ABBREVIATIONS)?,
            pronouns: Filtered::map(load_pronouns(PRONOUNS)?),
            function_words: Filtered::set(load_word_set(FUNCTION_WORDS)?),
            time_words: Filtered::set(load_word_set(TIME_WORDS)?),
            anonymous_heads: Filtered::set(load_word_set(ANONYMOUS_SOURCES)?),
            org_words: Filtered::set(load_word_set(ORG_WORDS)?),
            quote_marks: load_quote_marks(QUOTE_MARKS)?,
        })
    }
}

impl WordLists {
    fn load() -> Result<WordLists, GrammarError> {
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
    fn all(&self) -> [(&'static str, &WordList); 17] {
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

// ---------------------------------------------------------------------------------------
// Case folding and hashing

/// Where a word falls in the shape table: the row and column of its first two bytes, and
/// one bit for its length and last byte together. The low five bits of a byte tell ASCII
/// letters apart in either case; another byte shares its slot with a letter, which only lets
/// a few more words through to the hash lookup. With the last byte in, most words that
/// share their first letters and length with a verb form ("vote", "been", "deal") still
/// fail; 17 is odd, so every length (mod 64) starts at a bit of its own.
fn shape(word: &[u8]) -> Option<(usize, usize, u64)> {
    let slot = |b: &u8| usize::from(b & 31);
    let (first, second, last) = (word.first()?, word.get(1)?, word.last()?);
    let bit = (word.len() % 64 * 17 + slot(last)) % 64;
    Some((slot(first), slot(second), 1 << bit))
}

/// `word` in ASCII lowercase: borrowed when it has no ASCII capital, else copied into `buf`;
/// `None` when it is longer than [`MAX_WORD`], since no entry is.
fn fold<'a>(word: &'a str, buf: &'a mut [u8; MAX_WORD]) -> Option<&'a [u8]> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD {
        return None;
    }
    if !bytes.iter().any(u8::is_ascii_uppercase) {
        return Some(bytes);
    }
    // A byte loop rather than `copy_from_slice`: the compiler unrolls it, where a copy of
    // variable length becomes a `memcpy` call.
    for (to, from) in buf.iter_mut().zip(bytes) {
        *to = from.to_ascii_lowercase();
    }
    Some(&buf[..bytes.len()])
}

fn contains_folded(set: &Filtered<WordSet>, word: &str) -> bool {
    let mut buf = [0; MAX_WORD];
    set.may_hold(word) && fold(word, &mut buf).is_some_and(|w| set.contains(w))
}

/// A word list behind the shape test of [`shape`]: most words of a text are in no list, and
/// fail one table lookup before any folding or hashing. Words too short for a shape always
/// pass to the list.
#[derive(Debug)]
struct Filtered<T> {
    list: T,
    shapes: Box<[[u64; 32]; 32]>,
}

impl Filtered<WordSet> {
    fn set(list: WordSet) -> Self {
        let shapes = shapes_of(list.iter().copied());
        Filtered { list, shapes }
    }
}

impl<V> Filtered<WordMap<V>> {
    fn map(list: WordMap<V>) -> Self {
        let shapes = shapes_of(list.keys().copied());
        Filtered { list, shapes }
    }
}

/// The shape table of `words`: the bit of each word's [`shape`] set.
fn shapes_of(words: impl Iterator<Item = &'static [u8]>) -> Box<[[u64; 32]; 32]> {
    let mut shapes = Box::new([[0u64; 32]; 32]);
    for (a, b, bit) in words.filter_map(shape) {
        shapes[a][b] |= bit;
    }
    shapes
}

impl<T> Filtered<T> {
    /// Whether `word` may be in the list, ASCII case aside.
    fn may_hold(&self, word: &str) -> bool {
        shape(word.as_bytes()).is_none_or(|(a, b, bit)| self.shapes[a][b] & bit != 0)
    }
}

impl<T> std::ops::Deref for Filtered<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.list
    }
}

/// A multiply-rotate hasher (the FxHash recipe) for short keys fixed at build time.
#[derive(Clone, Copy, Default)]
struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            self.add(load_tail(tail));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed; hashbrown takes the bucket from the
        // low bits, so bring the high ones down.
        self.0.rotate_left(26)
    }
}

/// Up to 7 bytes as one integer without a variable-length copy (a `memcpy` call would cost
/// more than the rest of the hash): two overlapping 4-byte loads, or the first, middle and
/// last byte. Different tails may collide; the length, hashed first, and the table's key
/// comparison keep that harmless.
fn load_tail(tail: &[u8]) -> u64 {
    let n = tail.len();
    if n >= 4 {
        let (mut lo, mut hi) = ([0; 4], [0; 4]);
        lo.copy_from_slice(&tail[..4]);
        hi.copy_from_slice(&tail[n - 4..]);
        u64::from(u32::from_le_bytes(lo)) | u64::from(u32::from_le_bytes(hi)) << 32
    } else if n > 0 {
        u64::from(tail[0]) | u64::from(tail[n / 2]) << 8 | u64::from(tail[n - 1]) << 16
    } else {
        0
    }
}

type WordHash = BuildHasherDefault<WordHasher>;
type WordSet = HashSet<&'static [u8], WordHash>;
type WordMap<V> = HashMap<&'static [u8], V, WordHash>;

// ---------------------------------------------------------------------------------------
// The files

const SPEECH_VERBS: GrammarFile = GrammarFile::new(
    "speech-verbs.txt",
    include_str!("../grammar/speech-verbs.txt"),
);
const TITLES: GrammarFile = GrammarFile::new("titles.txt", include_str!("../grammar/titles.txt"));
const ABBREVIATIONS: GrammarFile = GrammarFile::new(
    "abbreviations.txt",
    include_str!("../grammar/abbreviations.txt"),
);
const PRONOUNS: GrammarFile =
    GrammarFile::new("pronouns.txt", include_str!("../grammar/pronouns.txt"));
const FUNCTION_WORDS: GrammarFile = GrammarFile::new(
    "function-words.txt",
    include_str!("../grammar/function-words.txt"),
);
const TIME_WORDS: GrammarFile =
    GrammarFile::new("time-words.txt", include_str!("../grammar/time-words.txt"));
const ANONYMOUS_SOURCES: GrammarFile = GrammarFile::new(
    "anonymous-sources.txt",
    include_str!("../grammar/anonymous-sources.txt"),
);
const ORG_WORDS: GrammarFile =
    GrammarFile::new("org-words.txt", include_str!("../grammar/org-words.txt"));
const QUOTE_MARKS: GrammarFile = GrammarFile::new(
    "quote-marks.tsv",
    include_str!("../grammar/quote-marks.tsv"),
);

const ADDRESSEE_WORDS: GrammarFile = GrammarFile::new(
    "addressee-words.txt",
    include_str!("../grammar/addressee-words.txt"),
);
const ADJUNCT_OPENERS: GrammarFile = GrammarFile::new(
    "adjunct-openers.txt",
    include_str!("../grammar/adjunct-openers.txt"),
);
const AFFILIATION_LINKS: GrammarFile = GrammarFile::new(
    "affiliation-links.txt",
    include_str!("../grammar/affiliation-links.txt"),
);
const ARTICLES: GrammarFile =
    GrammarFile::new("articles.txt", include_str!("../grammar/articles.txt"));
const AUXILIARIES: GrammarFile = GrammarFile::new(
    "auxiliaries.txt",
    include_str!("../grammar/auxiliaries.txt"),
);
const BE_FORMS: GrammarFile =
    GrammarFile::new("be-forms.txt", include_str!("../grammar/be-forms.txt"));
const CLAUSE_LINKS: GrammarFile = GrammarFile::new(
    "clause-links.txt",
    include_str!("../grammar/clause-links.txt"),
);
const COORDINATORS: GrammarFile = GrammarFile::new(
    "coordinators.txt",
    include_str!("../grammar/coordinators.txt"),
);
const DESCRIPTION_LINKS: GrammarFile = GrammarFile::new(
    "description-links.txt",
    include_str!("../grammar/description-links.txt"),
);
const DETERMINERS: GrammarFile = GrammarFile::new(
    "determiners.txt",
    include_str!("../grammar/determiners.txt"),
);
const MODALS: GrammarFile = GrammarFile::new("modals.txt", include_str!("../grammar/modals.txt"));
const NEGATORS: GrammarFile =
    GrammarFile::new("negators.txt", include_str!("../grammar/negators.txt"));
const NON_CONTENT_STARTS: GrammarFile = GrammarFile::new(
    "non-content-starts.txt",
    include_str!("../grammar/non-content-starts.txt"),
);
const NUMBER_WORDS: GrammarFile = GrammarFile::new(
    "number-words.txt",
    include_str!("../grammar/number-words.txt"),
);
const SENTENCE_OPENERS: GrammarFile = GrammarFile::new(
    "sentence-openers.txt",
    include_str!("../grammar/sentence-openers.txt"),
);
const SOURCE_LINKS: GrammarFile = GrammarFile::new(
    "source-links.txt",
    include_str!("../grammar/source-links.txt"),
);
const STOP_WORDS: GrammarFile =
    GrammarFile::new("stop-words.txt", include_str!("../grammar/stop-words.txt"));
const HONORIFICS: GrammarFile =
    GrammarFile::new("honorifics.txt", include_str!("../grammar/honorifics.txt"));
const BOILERPLATE: GrammarFile = GrammarFile::new(
    "boilerplate.txt",
    include_str!("../grammar/boilerplate.txt"),
);

/// A compiled-in grammar file and its name for messages.
#[derive(Clone, Copy)]
struct GrammarFile {
    name: &'static str,
    text: &'static str,
}

impl GrammarFile {
    const fn new(name: &'static str, text: &'static str) -> Self {
        GrammarFile { name, text }
    }

    /// Every line parsed with `line_parser`, numbered from 1; blank and comment lines are
    /// the parser's to skip (by returning `None`).
    fn parse<T>(
        self,
        mut line_parser: impl FnMut(&'static str) -> Res<'static, Option<T>>,
    ) -> Result<Vec<(usize, T)>, GrammarError> {
        let mut out = Vec::new();
        for (i, line) in self.text.lines().enumerate() {
            match line_parser(line) {
                Ok((_, Some(item))) => out.push((i + 1, item)),
                Ok((_, None)) => {}
                Err(_) => return Err(self.error(i + 1, format!("malformed line {line:?}"))),
            }
        }
        Ok(out)
    }

    fn error(self, line: usize, msg: impl Into<String>) -> GrammarError {
        GrammarError {
            file: self.name,
            line,
            msg: msg.into(),
        }
    }
}

/// A malformed grammar line: `grammar/<file>:<line>: <msg>`.
#[derive(Debug)]
struct GrammarError {
    file: &'static str,
    line: usize,
    msg: String,
}

impl fmt::Display for GrammarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "grammar/{}:{}: {}", self.file, self.line, self.msg)
    }
}

/// Checks that a case-insensitive entry can be found by a folded lookup.
fn check_folded(file: GrammarFile, line: usize, word: &str) -> Result<(), GrammarError> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(file.error(line, format!("{word:?} must be lowercase")));
    }
    if word.len() > MAX_WORD {
        return Err(file.error(line, format!("{word:?} is longer than {MAX_WORD} bytes")));
    }
    Ok(())
}

/// Inserts `key`, failing on a duplicate.
fn insert_unique(
    set: &mut WordSet,
    file: GrammarFile,
    line: usize,
    key: &'static str,
) -> Result<(), GrammarError> {
    if set.insert(key.as_bytes()) {
        Ok(())
    } else {
        Err(file.error(line, format!("duplicate entry {key:?}")))
    }
}

fn load_word_set(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, word) in file.parse(word_line)? {
        check_folded(file, line, word)?;
        insert_unique(&mut set, file, line, word)?;
    }
    Ok(set)
}

fn load_titles(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, word) in file.parse(word_line)? {
        check_folded(file, line, word)?;
        // Keyed without the dot, so "Gov.", "Gov" and "gov." all find "gov.".
        insert_unique(&mut set, file, line, word.strip_suffix('.').unwrap_or(word))?;
    }
    Ok(set)
}

fn load_abbreviations(file: GrammarFile) -> Result<WordSet, GrammarError> {
    let mut set = WordSet::default();
    for (line, token) in file.parse(word_line)? {
        if !token.ends_with('.') {
            return Err(file.error(line, format!("{token:?} must end with a dot")));
        }
        insert_unique(&mut set, file, line, token)?;
    }
    Ok(set)
}

fn load_pronouns(file: GrammarFile) -> Result<WordMap<Gender>, GrammarError> {
    let mut map = WordMap::default();
    for (line, (word, gender)) in file.parse(pronoun_line)? {
        check_folded(file, line, word)?;
        if map.insert(word.as_bytes(), gender).is_some() {
            return Err(file.error(line, format!("duplicate pronoun {word:?}")));
        }
    }
    Ok(map)
}

/// The lemmas of `speech-verbs.txt` whose header carries each flag.
#[derive(Default)]
struct VerbFlags {
    addressee: WordSet,
    addressee_only: WordSet,
    particles: HashSet<(&'static str, &'static str)>,
}

fn load_verbs(file: GrammarFile) -> Result<(WordMap<SpeechVerb>, VerbFlags), GrammarError> {
    let mut map = WordMap::default();
    let mut flags = VerbFlags::default();
    let mut group: Option<(&'static str, VerbClass)> = None;
    for (line, item) in file.parse(verb_line)? {
        match item {
            VerbLine::Header(lemma, class, header_flags) => {
                group = Some((lemma, class));
                for flag in header_flags {
                    let set = match flag {
                        VerbFlag::Addressee => &mut flags.addressee,
                        VerbFlag::AddresseeOnly => &mut flags.addressee_only,
                        VerbFlag::Particle(particle) => {
                            if !flags.particles.insert((lemma, particle)) {
                                let msg = format!("particle {particle:?} listed twice");
                                return Err(file.error(line, msg));
                            }
                            continue;
                        }
                    };
                    insert_unique(set, file, line, lemma)?;
                }
            }
            VerbLine::Form(word, form) => {
                let Some((lemma, class)) = group else {
                    return Err(file.error(line, "a form before any `# lemma class` header"));
                };
                check_folded(file, line, word)?;
                let verb = SpeechVerb { lemma, form, class };
                if let Some(old) = map.insert(word.as_bytes(), verb) {
                    let msg = format!("{word:?} is already a form of {:?}", old.lemma);
                    return Err(file.error(line, msg));
                }
            }
        }
    }
    Ok((map, flags))
}

fn load_phrases(file: GrammarFile) -> Result<HashSet<&'static str>, GrammarError> {
    let mut set = HashSet::new();
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

fn load_quote_marks(file: GrammarFile) -> Result<Vec<QuoteMark>, GrammarError> {
    let mut marks: Vec<QuoteMark> = Vec::new();
    for (line, mark) in file.parse(quote_row)? {
        if marks.iter().any(|m| m.open == mark.open) {
            return Err(file.error(line, format!("open mark {:?} listed twice", mark.open)));
        }
        marks.push(mark);
    }
    Ok(marks)
}

// ---------------------------------------------------------------------------------------
// Line parsers. Each gets one line without its line feed and must consume all of it.

type Res<'a, T> = IResult<&'a str, T>;

/// `blank = EOL`, an empty line.
fn blank<T>(i: &str) -> Res<'_, Option<T>> {
    map(eof, |_| None).parse(i)
}

/// `comment = "#" *CHAR EOL`, e.g. `# Military ranks.`
fn comment<T>(i: &str) -> Res<'_, Option<T>> {
    map((char('#'), rest), |_| None).parse(i)
}

/// `word = 1*(CHAR except SP / TAB)`, e.g. `Gov.` or `it’s`.
fn word(i: &str) -> Res<'_, &str> {
    take_till1(char::is_whitespace).parse(i)
}

/// `word-line = blank / comment / word EOL`, e.g. `spokeswoman`.
fn word_line(i: &str) -> Res<'_, Option<&str>> {
    alt((blank, comment, map((word, eof), |(w, _)| Some(w)))).parse(i)
}

/// `phrase-line = blank / comment / word *(SP word) EOL`, e.g. `latest stories`.
fn phrase_line(i: &str) -> Res<'_, Option<&str>> {
    let phrase = recognize((word, many0((char(' '), word))));
    alt((blank, comment, map((phrase, eof), |(p, _)| Some(p)))).parse(i)
}

/// A line of `speech-verbs.txt` that is neither blank nor a comment.
enum VerbLine {
    Header(&'static str, VerbClass, Vec<VerbFlag>),
    Form(&'static str, VerbForm),
}

/// A flag after a verb group's class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum VerbFlag {
    Addressee,
    AddresseeOnly,
    Particle(&'static str),
}

/// `verb-flag = "addressee-only" / "addressee" / "+" 1*LOWER`, e.g. `+out`; the longer
/// name tried first.
fn verb_flag(i: &'static str) -> Res<'static, VerbFlag> {
    alt((
        value(VerbFlag::AddresseeOnly, tag("addressee-only")),
        value(VerbFlag::Addressee, tag("addressee")),
        map(
            (char('+'), take_while1(|c: char| c.is_ascii_lowercase())),
            |(_, p)| VerbFlag::Particle(p),
        ),
    ))
    .parse(i)
}

/// `lemma = LOWER *(LOWER / "-")`, e.g. `say` or `e-mail`.
fn lemma(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_lowercase() || c == '-').parse(i)
}

/// `verb-class = "speech" / "characterise" / "belief"`.
fn verb_class(i: &str) -> Res<'_, VerbClass> {
    alt((
        value(VerbClass::Speech, tag("speech")),
        value(VerbClass::Characterise, tag("characterise")),
        value(VerbClass::Belief, tag("belief")),
    ))
    .parse(i)
}

/// `verb-form = "base" / "present" / "past" / "gerund"`.
fn verb_form(i: &str) -> Res<'_, VerbForm> {
    alt((
        value(VerbForm::Base, tag("base")),
        value(VerbForm::Present, tag("present")),
        value(VerbForm::Past, tag("past")),
        value(VerbForm::Gerund, tag("gerund")),
    ))
    .parse(i)
}

/// `verb-header = "#" SP lemma SP verb-class *(SP verb-flag) EOL`, e.g. `# say speech` or
/// `# ask speech addressee addressee-only +for +on`. Tried before `comment`, so a comment must not
/// have this shape.
fn verb_header(i: &'static str) -> Res<'static, (&'static str, VerbClass, Vec<VerbFlag>)> {
    let flags = many0(map((char(' '), verb_flag), |(_, f)| f));
    map(
        (
            char('#'),
            char(' '),
            lemma,
            char(' '),
            verb_class,
            flags,
            eof,
        ),
        |(_, _, l, _, c, f, _)| (l, c, f),
    )
    .parse(i)
}

/// `verb-line = blank / verb-header / comment / word TAB verb-form EOL`, e.g.
/// `said<TAB>past`.
fn verb_line(i: &'static str) -> Res<'static, Option<VerbLine>> {
    alt((
        blank,
        map(verb_header, |(l, c, f)| Some(VerbLine::Header(l, c, f))),
        comment,
        map((word, char('\t'), verb_form, eof), |(w, _, f, _)| {
            Some(VerbLine::Form(w, f))
        }),
    ))
    .parse(i)
}

/// `gender = "masculine" / "feminine" / "plural" / "neuter" / "first-plural" / "first"`;
/// the longer `first-plural` is tried before its prefix.
fn gender(i: &str) -> Res<'_, Gender> {
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
fn pronoun_line(i: &str) -> Res<'_, Option<(&str, Gender)>> {
    alt((
        blank,
        comment,
        map((word, char('\t'), gender, eof), |(w, _, g, _)| Some((w, g))),
    ))
    .parse(i)
}

/// `mark = 1*(CHAR except SP / TAB)`, e.g. `“` or `''`.
fn mark(i: &str) -> Res<'_, &str> {
    take_till1(char::is_whitespace).parse(i)
}

/// `mark-name = 1*(LOWER / DIGIT / "-")`, e.g. `double-curly`.
fn mark_name(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-').parse(i)
}

/// `quote-row = blank / comment / mark TAB mark TAB mark-name EOL`, e.g.
/// `“<TAB>”<TAB>double-curly`.
fn quote_row(i: &'static str) -> Res<'static, Option<QuoteMark>> {
    let row = (mark, char('\t'), mark, char('\t'), mark_name, eof);
    alt((
        blank,
        comment,
        map(row, |(open, _, close, _, name, _)| {
            Some(QuoteMark { open, close, name })
        }),
    ))
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verb(lemma: &'static str, form: VerbForm, class: VerbClass) -> Option<SpeechVerb> {
        Some(SpeechVerb { lemma, form, class })
    }

    #[test]
    fn speech_verbs() {
        use VerbClass::*;
        use VerbForm::*;
        let cases = [
            ("said", verb("say", Past, Speech)),
            ("Said", verb("say", Past, Speech)),
            ("SAYS", verb("say", Present, Speech)),
            ("Says", verb("say", Present, Speech)),
            ("say", verb("say", Base, Speech)),
            ("saying", verb("say", Gerund, Speech)),
            ("told", verb("tell", Past, Speech)),
            ("written", verb("write", Past, Speech)),
            ("spoke", verb("speak", Past, Speech)),
            ("added", verb("add", Past, Speech)),
            ("tweeted", verb("tweet", Past, Speech)),
            ("quipped", verb("quip", Past, Speech)),
            ("replied", verb("reply", Past, Speech)),
            ("testifies", verb("testify", Present, Speech)),
            ("emphasised", verb("emphasize", Past, Speech)),
            ("e-mailed", verb("email", Past, Speech)),
            ("signalled", verb("signal", Past, Speech)),
            ("pointed", verb("point", Past, Speech)),
            ("characterized", verb("characterize", Past, Characterise)),
            ("characterised", verb("characterize", Past, Characterise)),
            ("Called", verb("call", Past, Characterise)),
            ("described", verb("describe", Past, Characterise)),
            ("lambasts", verb("lambaste", Present, Characterise)),
            ("criticising", verb("criticize", Gerund, Characterise)),
            ("believes", verb("believe", Present, Belief)),
            ("thought", verb("think", Past, Belief)),
            ("fears", verb("fear", Present, Belief)),
            ("Smith", None),
            ("sayings", None),
            ("", None),
            ("saidsaidsaidsaidsaidsaidsaidsaidsaidsaid!", None),
        ];
        let lex = lexicon();
        for (word, want) in cases {
            assert_eq!(lex.speech_verb(word), want, "{word:?}");
        }
    }

    /// The shape filters only save hashing: every entry of every list, in any case, must
    /// get through its own.
    #[test]
    fn shape_filters_pass_every_entry() {
        let lex = lexicon();
        let in_every_case = |entry: &[u8]| {
            let entry = std::str::from_utf8(entry).unwrap();
            let title = entry[..1].to_ascii_uppercase() + &entry[1..];
            [entry.to_string(), entry.to_ascii_uppercase(), title]
        };
        for (&form, &verb) in lex.verbs.iter() {
            for word in in_every_case(form) {
                assert_eq!(lex.speech_verb(&word), Some(verb), "{word:?}");
            }
        }
        type Holds = fn(&Lexicon, &str) -> bool;
        let sets: [(&Filtered<WordSet>, Holds); 5] = [
            (&lex.titles, Lexicon::is_title),
            (&lex.function_words, Lexicon::is_function_word),
            (&lex.time_words, Lexicon::is_time_word),
            (&lex.anonymous_heads, Lexicon::is_anonymous_head),
            (&lex.org_words, Lexicon::is_org_word),
        ];
        for (set, holds) in sets {
            for entry in set.iter() {
                for word in in_every_case(entry) {
                    assert!(set.may_hold(&word) && holds(lex, &word), "{word:?}");
                }
            }
        }
        for entry in lex.pronouns.keys() {
            let [entry, _, title] = in_every_case(entry);
            assert!(
                lex.pronoun(&entry).is_some() && lex.pronoun(&title).is_some(),
                "{entry}"
            );
        }
        assert!(lex.is_title("Gov.") && lex.is_title("gov"));
        for (name, list) in lex.words().all() {
            assert!(list.iter().count() > 1, "{name}");
            for entry in list.iter() {
                let [lower, upper, title] = in_every_case(entry.as_bytes());
                assert!(list.contains(&lower), "{name}: {lower:?}");
                assert!(list.contains_folded(&upper), "{name}: {upper:?}");
                assert!(list.contains_capitalised(&title), "{name}: {title:?}");
            }
        }
        for entry in lex.honorifics.keys() {
            let [_, _, title] = in_every_case(entry);
            assert!(lex.honorific(&title).is_some(), "{title}");
        }
    }

    #[test]
    fn word_lists_keep_the_case_their_rules_ask_for() {
        let words = lexicon().words();
        let c = &words.coordinators;
        assert!(c.contains("and") && !c.contains("And") && !c.contains("or"));
        assert!(c.contains_folded("And") && c.contains_folded("BUT"));
        assert!(c.contains_capitalised("But") && !c.contains_capitalised("but"));
        assert!(!c.contains_capitalised("BUT") && !c.contains_capitalised(""));
        assert!(words.auxiliaries.contains_folded("has") && !words.auxiliaries.contains("Smith"));
        assert!(words.stop_words.contains("their") && words.negators.contains("nobody"));
        assert!(words.number_words.contains("million") && !words.number_words.contains("Two"));
    }

    #[test]
    fn verb_flags_honorifics_and_boilerplate() {
        let lex = lexicon();
        for lemma in ["tell", "ask", "warn", "urge"] {
            assert!(lex.takes_addressee(lemma), "{lemma}");
        }
        assert!(!lex.takes_addressee("say") && !lex.takes_addressee("told"));
        assert!(lex.addressee_only("tell") && lex.addressee_only("remind"));
        assert!(lex.is_particle_of("call", "for") && lex.is_particle_of("point", "out"));
        assert!(!lex.is_particle_of("call", "out") && !lex.is_particle_of("point", "Out"));
        assert!(!lex.addressee_only("warn") && !lex.addressee_only("say"));
        assert_eq!(lex.honorific("Mr"), Some(Gender::Masculine));
        assert_eq!(lex.honorific("Miss"), Some(Gender::Feminine));
        for no in ["Mr.", "MR", "mr", "Dr", "Smith", ""] {
            assert_eq!(lex.honorific(no), None, "{no:?}");
        }
        assert!(lex.is_boilerplate("Latest News") && lex.is_boilerplate("also read"));
        assert!(!lex.is_boilerplate("latest") && !lex.is_boilerplate("Smith said"));
    }

    #[test]
    fn titles() {
        let lex = lexicon();
        for yes in [
            "Gov.", "gov", "Gov", "GOV.", "Mr.", "Mr", "Mrs.", "Dr", "Sen.", "Rep.", "Lt.",
        ] {
            assert!(lex.is_title(yes), "{yes:?}");
        }
        for yes in [
            "Mayor",
            "spokeswoman",
            "Secretary",
            "president",
            "CEO",
            "former",
            "U.S.",
        ] {
            assert!(lex.is_title(yes), "{yes:?}");
        }
        for no in ["Smith", "said", "the", "", ".", "Gov..", "Mayors"] {
            assert!(!lex.is_title(no), "{no:?}");
        }
    }

    #[test]
    fn abbreviations() {
        let lex = lexicon();
        for yes in [
            "Mr.", "U.S.", "Jan.", "Sept.", "Calif.", "Inc.", "a.m.", "Ph.D.", "No.",
        ] {
            assert!(lex.is_abbreviation(yes), "{yes:?}");
        }
        for no in [
            "May", "May.", "mr.", "Mr", "US", "u.s.", "June.", "end.", "",
        ] {
            assert!(!lex.is_abbreviation(no), "{no:?}");
        }
    }

    #[test]
    fn pronouns() {
        use Gender::*;
        let cases = [
            ("she", Some(Feminine)),
            ("She", Some(Feminine)),
            ("her", Some(Feminine)),
            ("He", Some(Masculine)),
            ("his", Some(Masculine)),
            ("they", Some(Plural)),
            ("Their", Some(Plural)),
            ("it", Some(Neuter)),
            ("I", Some(First)),
            ("my", Some(First)),
            ("We", Some(FirstPlural)),
            ("us", Some(FirstPlural)),
            ("Us", Some(FirstPlural)),
            ("US", None),
            ("IT", None),
            ("HE", None),
            ("Smith", None),
            ("the", None),
        ];
        let lex = lexicon();
        for (word, want) in cases {
            assert_eq!(lex.pronoun(word), want, "{word:?}");
        }
    }

    #[test]
    fn word_sets() {
        let lex = lexicon();
        for yes in [
            "The",
            "But",
            "however",
            "Meanwhile",
            "asked",
            "According",
            "it’s",
        ] {
            assert!(lex.is_function_word(yes), "function word {yes:?}");
        }
        for no in ["Smith", "Will", "May", "Hope", "Said", "Van", "De"] {
            assert!(!lex.is_function_word(no), "function word {no:?}");
        }
        for yes in [
            "Monday",
            "yesterday",
            "earlier",
            "Jan.",
            "repeatedly",
            "Tuesday",
        ] {
            assert!(lex.is_time_word(yes), "time word {yes:?}");
        }
        for no in ["Smith", "mayor"] {
            assert!(!lex.is_time_word(no), "time word {no:?}");
        }
        for yes in [
            "officials",
            "Official",
            "source",
            "critics",
            "spokeswoman",
            "people",
        ] {
            assert!(lex.is_anonymous_head(yes), "anonymous head {yes:?}");
        }
        assert!(!lex.is_anonymous_head("Smith"));
        for yes in [
            "campaign",
            "House",
            "Department",
            "statement",
            "Times",
            "ministry",
        ] {
            assert!(lex.is_org_word(yes), "org word {yes:?}");
        }
        assert!(!lex.is_org_word("Smith"));
    }

    #[test]
    fn quote_marks() {
        let lex = lexicon();
        let find = |open: &str| lex.quote_marks().iter().find(|m| m.open == open).copied();
        let curly = QuoteMark {
            open: "“",
            close: "”",
            name: "double-curly",
        };
        assert_eq!(find("“"), Some(curly));
        assert_eq!(find("\"").map(|m| m.close), Some("\""));
        assert_eq!(find("„").map(|m| m.close), Some("“"));
        assert_eq!(find("«").map(|m| m.close), Some("»"));
        assert_eq!(find("»").map(|m| m.close), Some("«"));
        assert_eq!(find("``").map(|m| m.close), Some("''"));
        assert_eq!(find("「").map(|m| m.close), Some("」"));
        assert_eq!(find("'").map(|m| m.name), Some("single-straight"));
    }

    #[test]
    fn line_parsers_follow_their_rules() {
        assert!(matches!(
            verb_line("# say speech"),
            Ok((_, Some(VerbLine::Header("say", _, _))))
        ));
        assert!(matches!(
            verb_line("# tell speech addressee addressee-only"),
            Ok((_, Some(VerbLine::Header("tell", VerbClass::Speech, f))))
                if f == [VerbFlag::Addressee, VerbFlag::AddresseeOnly]
        ));
        assert!(matches!(
            phrase_line("read more"),
            Ok((_, Some("read more")))
        ));
        for bad in ["read  more", "read more ", " read"] {
            assert!(phrase_line(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(
            verb_line("said\tpast"),
            Ok((_, Some(VerbLine::Form("said", VerbForm::Past))))
        ));
        // Not a header: three words, a capital, an unknown class.
        for c in [
            "# say speech verbs",
            "# Class speech.",
            "# say talk",
            "# say speech adressee",
            "#",
            "",
        ] {
            assert!(matches!(verb_line(c), Ok((_, None))), "{c:?}");
        }
        for bad in [
            "said past",
            "said\tpast ",
            "said\tpassed",
            " said\tpast",
            "said",
        ] {
            assert!(verb_line(bad).is_err(), "{bad:?}");
        }
        assert!(matches!(
            pronoun_line("we\tfirst-plural"),
            Ok((_, Some(("we", Gender::FirstPlural))))
        ));
        assert!(matches!(
            pronoun_line("i\tfirst"),
            Ok((_, Some(("i", Gender::First))))
        ));
        assert!(pronoun_line("i\tsecond").is_err());
        assert!(matches!(word_line("gov."), Ok((_, Some("gov.")))));
        for bad in ["press secretary", "gov. ", " gov."] {
            assert!(word_line(bad).is_err(), "{bad:?}");
        }
        assert!(quote_row("“\t”").is_err());
        assert!(quote_row("“\t”\tDouble").is_err());
    }

    #[test]
    fn errors_name_file_and_line() {
        let file = GrammarFile::new("test.txt", "ok\n\nnot ok\n");
        let err = file.parse(word_line).unwrap_err();
        assert_eq!(
            err.to_string(),
            "grammar/test.txt:3: malformed line \"not ok\""
        );
        let cases = [
            (
                "said\tpast\n",
                "grammar/t:1: a form before any `# lemma class` header",
            ),
            (
                "# say speech\nSaid\tpast\n",
                "grammar/t:2: \"Said\" must be lowercase",
            ),
            (
                "# say speech\nsaid\tpast\n# tell speech\nsaid\tpast\n",
                "grammar/t:4: \"said\" is already a form of \"say\"",
            ),
        ];
        for (text, want) in cases {
            let Err(err) = load_verbs(GrammarFile::new("t", text)) else {
                panic!("{text:?} loads");
            };
            assert_eq!(err.to_string(), want);
        }
        let err = load_titles(GrammarFile::new("t", "gov.\ngov\n")).unwrap_err();
        assert_eq!(err.to_string(), "grammar/t:2: duplicate entry \"gov\"");
        let err = load_abbreviations(GrammarFile::new("t", "Mr\n")).unwrap_err();
        assert_eq!(err.to_string(), "grammar/t:1: \"Mr\" must end with a dot");
        let err = load_quote_marks(GrammarFile::new("t", "“\t”\ta\n“\t„\tb\n")).unwrap_err();
        assert_eq!(err.to_string(), "grammar/t:2: open mark \"“\" listed twice");
    }

    #[test]
    fn fold_borrows_lowercase_and_rejects_long_words() {
        let mut buf = [0; MAX_WORD];
        assert_eq!(fold("said", &mut buf), Some(&b"said"[..]));
        assert_eq!(fold("SaId", &mut buf), Some(&b"said"[..]));
        assert_eq!(fold("Élysée", &mut buf), Some("Élysée".as_bytes()));
        assert_eq!(
            fold(&"a".repeat(MAX_WORD), &mut buf).map(<[u8]>::len),
            Some(MAX_WORD)
        );
        assert_eq!(fold(&"A".repeat(MAX_WORD + 1), &mut buf), None);
    }
}
