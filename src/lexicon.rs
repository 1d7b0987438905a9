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
//! # Layout
//!
//! This file holds the [`Lexicon`] and its lookups; each kind of table has a module:
//! `verbs` (reporting verbs and their flags), `words` (the one-word lists and
//! [`WordLists`]), `pronouns` (pronouns and honorifics), `marks` (quotation marks), `table`
//! (folding, hashing and the shape filter every word table sits behind) and `source` (a
//! compiled-in file, its line primitives and its errors). Each module parses its own files'
//! lines; none reaches back into this one.
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

mod marks;
mod pronouns;
mod source;
mod table;
mod verbs;
mod words;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

pub use marks::QuoteMark;
pub use pronouns::Gender;
pub use table::MAX_WORD;
pub use verbs::{SpeechVerb, VerbClass, VerbForm};
pub use words::{WordList, WordLists};

use marks::load_quote_marks;
use pronouns::load_pronouns;
use source::{GrammarError, GrammarFile};
use table::{contains_folded, fold, Filtered, WordMap, WordSet};
use verbs::load_verbs;
use words::{load_abbreviations, load_expansions, load_phrases, load_titles, load_word_set};

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
    document_verbs: WordSet,
    particles: FxHashSet<(&'static str, &'static str)>,
    honorifics: Filtered<WordMap<Gender>>,
    first_names: Filtered<WordMap<Gender>>,
    places: FxHashSet<&'static str>,
    title_abbreviations: FxHashMap<&'static str, &'static str>,
    boilerplate: FxHashSet<&'static str>,
    lists: WordLists,
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

    /// Whether the verb of `lemma` reports only what a document or body found, and only
    /// with a that-clause: "a study found that …", never "police found the car" (the
    /// `document` flag).
    pub fn document_only(&self, lemma: &str) -> bool {
        self.document_verbs.contains(lemma.as_bytes())
    }

    /// Whether `particle`, as written, makes the verb of `lemma` phrasal, the particle part of
    /// the cue: "called for", "pointed out" (the `+for`, `+out` flags of `speech-verbs.txt`).
    pub fn is_particle_of(&self, lemma: &str, particle: &str) -> bool {
        self.particles.contains(&(lemma, particle))
    }

    /// The gender an honorific tells of the name after it, written as names are indexed:
    /// capitalised, without its dot ("Mr", "Mrs", "Ms", "Miss"); "MR" and "mr" are `None`.
    pub fn honorific(&self, word: &str) -> Option<Gender> {
        capitalised_gender(&self.honorifics, word)
    }

    /// The gender a given name tells (`grammar/first-names.txt`), written as names are
    /// indexed: "Mary" is feminine; "MARY", "mary" and a name of both genders are `None`.
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        capitalised_gender(&self.first_names, word)
    }

    /// The title a short form stands for: "governor" for "Gov." or "gov"; one final dot
    /// and ASCII case aside.
    pub fn title_expansion(&self, short: &str) -> Option<&'static str> {
        let short = short.strip_suffix('.').unwrap_or(short);
        let mut buf = [0u8; 8];
        if short.len() > buf.len() || short.len() < 2 {
            return None;
        }
        let folded = &mut buf[..short.len()];
        folded.copy_from_slice(short.as_bytes());
        folded.make_ascii_lowercase();
        let folded = std::str::from_utf8(folded).ok()?;
        self.title_abbreviations.get(folded).copied()
    }

    /// Whether `name` names a place, a people or a party (`grammar/places.txt`), never a
    /// person: "Israel", "South Africa", "Republican"; case aside.
    pub fn is_place(&self, name: &str) -> bool {
        // Most names are short and ASCII: folded on the stack, no allocation.
        let mut buf = [0u8; 48];
        if name.len() <= buf.len() && name.is_ascii() {
            let folded = &mut buf[..name.len()];
            folded.copy_from_slice(name.as_bytes());
            folded.make_ascii_lowercase();
            return std::str::from_utf8(folded).is_ok_and(|f| self.places.contains(f));
        }
        self.places.contains(name.to_lowercase().as_str())
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
            document_verbs: flags.document,
            particles: flags.particles,
            honorifics: Filtered::map(load_pronouns(HONORIFICS)?),
            first_names: Filtered::map(load_pronouns(FIRST_NAMES)?),
            places: load_phrases(PLACES)?,
            title_abbreviations: load_expansions(TITLE_ABBREVIATIONS)?,
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

const HONORIFICS: GrammarFile =
    GrammarFile::new("honorifics.txt", include_str!("../grammar/honorifics.txt"));
const FIRST_NAMES: GrammarFile = GrammarFile::new(
    "first-names.txt",
    include_str!("../grammar/first-names.txt"),
);
const TITLE_ABBREVIATIONS: GrammarFile = GrammarFile::new(
    "title-abbreviations.txt",
    include_str!("../grammar/title-abbreviations.txt"),
);
const PLACES: GrammarFile = GrammarFile::new("places.txt", include_str!("../grammar/places.txt"));
const BOILERPLATE: GrammarFile = GrammarFile::new(
    "boilerplate.txt",
    include_str!("../grammar/boilerplate.txt"),
);

/// The gender `map` gives `word` when it is written as names are indexed: a capital, then
/// no other.
fn capitalised_gender(map: &Filtered<WordMap<Gender>>, word: &str) -> Option<Gender> {
    let bytes = word.as_bytes();
    let capitalised = bytes.first().is_some_and(u8::is_ascii_uppercase)
        && !bytes[1..].iter().any(u8::is_ascii_uppercase);
    if !capitalised || !map.may_hold(word) {
        return None;
    }
    let mut buf = [0; MAX_WORD];
    map.get(fold(word, &mut buf)?).copied()
}

#[cfg(test)]
mod tests {
    use super::marks::quote_row;
    use super::pronouns::pronoun_line;
    use super::verbs::{verb_line, VerbFlag, VerbLine};
    use super::words::{phrase_line, word_line};
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
        assert!(lex.document_only("find") && lex.document_only("show"));
        assert!(!lex.document_only("say"));
        assert_eq!(lex.honorific("Mr"), Some(Gender::Masculine));
        assert_eq!(lex.honorific("Miss"), Some(Gender::Feminine));
        for no in ["Mr.", "MR", "mr", "Dr", "Smith", ""] {
            assert_eq!(lex.honorific(no), None, "{no:?}");
        }
        assert!(lex.is_boilerplate("Latest News") && lex.is_boilerplate("also read"));
        assert_eq!(lex.first_name_gender("Mary"), Some(Gender::Feminine));
        assert_eq!(lex.first_name_gender("MARY"), None);
        assert!(lex.is_place("South Africa") && lex.is_place("Israeli"));
        assert!(!lex.is_place("Jones"));
        assert_eq!(lex.title_expansion("Gov."), Some("governor"));
        assert_eq!(lex.title_expansion("Governor"), None);
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
}
