//! Speakers as comparison sees them: whether two passages are said by the same source.
//!
//! Two versions of a story can resolve one source differently ("Clinton said" read once as
//! Hillary, once as Chelsea), and a copy may name a speaker by surname alone. So a [`Who`]
//! keeps the words of the resolved name and of the mention in the text, and [`relation`]
//! calls two speakers the same when either set of words lies within the other's; different
//! only when both are named sources (a person or an organisation) that agree in neither;
//! unknown otherwise, since an unresolved or merely described speaker ("a spokesperson") is
//! no evidence either way.
//!
//! ```text
//! Donald Trump    ~ Trump                       Same
//! Donald Trump    ~ Ann Lee                     Different
//! Donald Trump    ~ White House spokesperson    Unknown
//! Hillary Clinton ~ Chelsea Clinton, both "Clinton" in the text: Same
//! ```

use super::tokens::{hash, is_apostrophe, normalised};
use crate::attribution::SpeakerKind;

/// A quotation's speaker: the resolved name, and the words that name it.
#[derive(Clone, Debug, Default)]
pub(super) struct Who {
    pub(super) name: String,
    kind: Option<SpeakerKind>,
    /// The words of the name, hashed and sorted (see [`name_words`]).
    pub(super) words: Vec<u64>,
    /// The words that name the speaker in the text ("Clinton", "she"), likewise.
    mention: Vec<u64>,
}

impl Who {
    pub(super) fn new(name: &str, kind: Option<SpeakerKind>, mention: &str) -> Who {
        Who {
            name: name.to_string(),
            kind,
            words: name_words(name),
            mention: name_words(mention),
        }
    }
}

/// How the speakers of two passages relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Relation {
    /// Two named sources that are not the same.
    Different,
    /// One is unknown or only described ("a spokesperson").
    Unknown,
    Same,
}

/// The same speaker when the names agree (one's words within the other's: "Trump" and
/// "Donald Trump"), or when the texts name them alike ("Clinton said" twice, resolved once
/// to Hillary and once to Chelsea, is how resolution read it, not what the copy did);
/// different when two named sources differ in both.
pub(super) fn relation(a: Option<&Who>, b: Option<&Who>) -> Relation {
    let (Some(a), Some(b)) = (a, b) else {
        return Relation::Unknown;
    };
    if a.words.is_empty() || b.words.is_empty() {
        return Relation::Unknown;
    }
    let within = |x: &[u64], y: &[u64]| x.iter().all(|w| y.binary_search(w).is_ok());
    let alike =
        |x: &[u64], y: &[u64]| !x.is_empty() && !y.is_empty() && (within(x, y) || within(y, x));
    if alike(&a.words, &b.words) || alike(&a.mention, &b.mention) {
        return Relation::Same;
    }
    let named = |w: &Who| matches!(w.kind, Some(SpeakerKind::Person | SpeakerKind::Org));
    if named(a) && named(b) {
        Relation::Different
    } else {
        Relation::Unknown
    }
}

/// "The White House's Abigail Jackson" → {the, white, house, abigail, jackson}, each word
/// hashed, sorted.
fn name_words(name: &str) -> Vec<u64> {
    let mut words: Vec<u64> = name
        .split(|c: char| !c.is_alphanumeric() && !is_apostrophe(c))
        .map(|w| normalised(w.trim_end_matches("'s").trim_end_matches("’s")))
        .filter(|w| !w.is_empty())
        .map(|w| hash(&w))
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_relate_by_name_words() {
        let who = |name: &str, kind| Who::new(name, Some(kind), name);
        let p = SpeakerKind::Person;
        let trump = who("Donald Trump", p);
        assert_eq!(
            relation(Some(&trump), Some(&who("Trump", p))),
            Relation::Same
        );
        assert_eq!(
            relation(Some(&trump), Some(&who("Ann Lee", p))),
            Relation::Different
        );
        let spokesperson = who("White House spokesperson", SpeakerKind::Anonymous);
        assert_eq!(
            relation(Some(&trump), Some(&spokesperson)),
            Relation::Unknown
        );
        assert_eq!(relation(Some(&trump), None), Relation::Unknown);
        let chelsea = Who::new("Chelsea Clinton", Some(p), "Clinton");
        let hillary = Who::new("Hillary Clinton", Some(p), "Clinton");
        assert_eq!(relation(Some(&chelsea), Some(&hillary)), Relation::Same);
    }
}
