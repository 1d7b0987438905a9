//! Definite descriptions that stand for someone the story has named: `the 36-year-old`,
//! `the minister`, `the bank`. Each is resolved only to someone who fits: a role to the
//! person introduced in it, an organisation to one whose name holds the head word; what
//! fits no one stays unresolved rather than guessed.

use super::{Entry, SpeakerMention};
use crate::attribution::{Speaker, SpeakerKind};
use crate::lexicon::lexicon;

/// How many rows back an organisation is looked for, for `the bank`, `the committee`.
const ORGS_BACK: usize = 20;

/// A definite description that may stand for someone the story has named.
pub(super) enum Anaphor<'t> {
    /// `the 36-year-old`: the person the sentences before are about.
    Age,
    /// `the minister`: the person the story introduced in that role.
    Role(String),
    /// `the bank`, `the committee`: the organisation that spoke with the head in its name.
    Org(&'t str),
}

/// What a description of `m` may stand for, if it is definite and its head a role, an age
/// or an organisation.
pub(super) fn anaphor_of<'t>(text: &'t str, m: &SpeakerMention) -> Option<Anaphor<'t>> {
    let lex = lexicon();
    let mention = &text[m.span.range()];
    let first = mention.split_whitespace().next()?;
    let head = mention.rsplit(' ').next()?;
    let definite = first.eq_ignore_ascii_case("the") || lex.pronoun(first).is_some();
    if !definite || head.len() == mention.len() {
        return None;
    }
    let head = head.trim_end_matches("'s").trim_end_matches("’s");
    if head.ends_with("-year-old") {
        Some(Anaphor::Age)
    } else if lex.is_title(head) {
        Some(Anaphor::Role(head.to_lowercase()))
    } else {
        lex.is_org_word(head).then_some(Anaphor::Org(head))
    }
}

/// The organisation among the last [`ORGS_BACK`] speakers whose name holds `head` as a
/// word (`the committee` for `the House Select Committee`); unresolved when none does.
pub(super) fn named_org(head: &str, earlier: &[Speaker]) -> Option<Entry> {
    let lex = lexicon();
    earlier
        .iter()
        .rev()
        .take(ORGS_BACK)
        .filter(|s| s.kind == Some(SpeakerKind::Org) && !lex.is_place(&s.name))
        .find(|s| s.name.split(' ').any(|w| w.eq_ignore_ascii_case(head)))
        .map(|s| Entry {
            name: s.name.clone(),
            kind: SpeakerKind::Org,
            title: String::new(),
        })
}
