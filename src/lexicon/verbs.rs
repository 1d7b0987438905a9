//! Reporting verbs: `grammar/speech-verbs.txt`, one group per lemma, each form tagged with
//! its inflection, each group with its class and flags.
//!
//! A cue needs to know of a word not only that it reports speech but how: its lemma (so that
//! "criticised" and "criticized" are one verb), its form (a bare "say" after "will" is a
//! plan, not a report) and its class (speech, characterisation, belief). The header of each
//! group may also carry flags that rules ask of a lemma: `addressee` ("told reporters that"),
//! `addressee-only` ("X, 82, told The Post") and `+particle` ("pointed out"). They are kept
//! as sets of lemmas beside the form table, since a rule holds the lemma of its cue.

use rustc_hash::FxHashSet;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while1};
use nom::character::complete::char;
use nom::combinator::{eof, map, value};
use nom::multi::many0;
use nom::Parser;

use super::source::{
    blank, check_folded, comment, insert_unique, word, GrammarError, GrammarFile, Res,
};
use super::table::{WordMap, WordSet};

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

/// The lemmas of `speech-verbs.txt` whose header carries each flag.
#[derive(Default)]
pub(super) struct VerbFlags {
    pub(super) addressee: WordSet,
    pub(super) addressee_only: WordSet,
    pub(super) document: WordSet,
    pub(super) particles: FxHashSet<(&'static str, &'static str)>,
}

pub(super) fn load_verbs(
    file: GrammarFile,
) -> Result<(WordMap<SpeechVerb>, VerbFlags), GrammarError> {
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
                        VerbFlag::Document => &mut flags.document,
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

/// A line of `speech-verbs.txt` that is neither blank nor a comment.
pub(super) enum VerbLine {
    Header(&'static str, VerbClass, Vec<VerbFlag>),
    Form(&'static str, VerbForm),
}

/// A flag after a verb group's class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum VerbFlag {
    Addressee,
    AddresseeOnly,
    Document,
    Particle(&'static str),
}

/// `verb-flag = "addressee-only" / "addressee" / "document" / "+" 1*LOWER`, e.g. `+out`;
/// the longer name tried first.
pub(super) fn verb_flag(i: &'static str) -> Res<'static, VerbFlag> {
    alt((
        value(VerbFlag::AddresseeOnly, tag("addressee-only")),
        value(VerbFlag::Addressee, tag("addressee")),
        value(VerbFlag::Document, tag("document")),
        map(
            (char('+'), take_while1(|c: char| c.is_ascii_lowercase())),
            |(_, p)| VerbFlag::Particle(p),
        ),
    ))
    .parse(i)
}

/// `lemma = LOWER *(LOWER / "-")`, e.g. `say` or `e-mail`.
pub(super) fn lemma(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_lowercase() || c == '-').parse(i)
}

/// `verb-class = "speech" / "characterise" / "belief"`.
pub(super) fn verb_class(i: &str) -> Res<'_, VerbClass> {
    alt((
        value(VerbClass::Speech, tag("speech")),
        value(VerbClass::Characterise, tag("characterise")),
        value(VerbClass::Belief, tag("belief")),
    ))
    .parse(i)
}

/// `verb-form = "base" / "present" / "past" / "gerund"`.
pub(super) fn verb_form(i: &str) -> Res<'_, VerbForm> {
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
pub(super) fn verb_header(
    i: &'static str,
) -> Res<'static, (&'static str, VerbClass, Vec<VerbFlag>)> {
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
pub(super) fn verb_line(i: &'static str) -> Res<'static, Option<VerbLine>> {
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
