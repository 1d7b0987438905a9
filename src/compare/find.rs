//! Finding the counterpart of one quotation in the other text, or the paraphrase that stands
//! for it.
//!
//! [`find()`] searches the other version for the words of a quotation (and, for a short one
//! in `compare`, for the words around it too), weighs every candidate with [`judge`], and
//! keeps the best: recognisably the same quotation first, then the higher rank, more common
//! words, the closer speakers, the place nearest where the words were expected. A match on a few words counts only
//! when the same speaker or the same surroundings ([`agree`]) vouch for it. Without a recognisable counterpart, a
//! search from the base side falls back on a paraphrase: a quotation of the same speaker on
//! the same substance (shared content stems), else a close passage. [`Found::into_pair`]
//! makes the public [`Pair`] of what was found.

use super::classify::{judge, Judged};
use super::speaker::{relation, Relation};
use super::version::{Unit, Version};
use super::*;

/// What the search for one quotation found.
pub(super) struct Found {
    pub(super) counterpart: Option<Unit>,
    pub(super) judged: Option<Judged>,
}

/// Whether the words around `unit` (of `from`; in its paragraph, if `paragraph`) and around
/// `counterpart` (of `target`) share [`AGREE`] content words: the two stand in the same
/// passage of the story.
fn agree(
    from: &Version,
    unit: &Unit,
    target: &Version,
    counterpart: &Unit,
    paragraph: bool,
) -> bool {
    let (lo, hi) = from.context(unit, paragraph);
    let mine = from.content_around(lo..hi, unit);
    let (Some(&first), Some(&last)) = (counterpart.tokens.first(), counterpart.tokens.last())
    else {
        return false;
    };
    // Rewrites merge and split paragraphs: look further on the other side.
    let lo = (first as usize).saturating_sub(2 * CONTEXT);
    let hi = (last as usize + 1 + 2 * CONTEXT).min(target.tokens.len());
    let theirs = target.content_around(lo..hi, counterpart);
    mine.iter()
        .filter(|k| theirs.binary_search(k).is_ok())
        .count()
        >= AGREE
}

/// Searches `target` for the counterpart of `unit` (of `from`); `from_is_orig` says whose
/// words came first. Without a recognisable counterpart, a `Compare` or `Check` search
/// from the base side falls back on a paraphrase.
///
/// The steps: where the words are expected ([`expected_place`]); the best counterpart of
/// the words ([`best_counterpart`]); failing a recognisable one, a quotation of the same
/// speaker on the same substance ([`paraphrase_by_speaker`]); else the best counterpart if it
/// is a close passage ([`close_passage`]).
pub(super) fn find(
    from: &Version,
    unit: &Unit,
    target: &Version,
    mode: Mode,
    forward: bool,
) -> Found {
    let from_is_orig = mode == Mode::Compare && forward;
    let near = expected_place(from, unit, target);
    let best = best_counterpart(from, unit, target, mode, from_is_orig, near);
    match best {
        Some((u, j)) if j.same || !forward => return Found::of(u, j),
        // Searched back from OTHER: words or nothing.
        None if !forward => return Found::NOTHING,
        _ => {}
    }
    if let Some(index) = paraphrase_by_speaker(from, unit, target, near) {
        let counterpart = target.quotation_unit(index);
        let mut judged = judge(from, unit, target, &counterpart, from_is_orig, mode);
        if !judged.same {
            judged.class = Class::Paraphrased;
            judged.edits.clear();
        }
        return Found::of(counterpart, judged);
    }
    match best.and_then(close_passage) {
        Some((u, j)) => Found::of(u, j),
        None => Found::NOTHING,
    }
}

/// The token of `target` where the words of `unit` would be had they kept their share of
/// the way through the text: versions of a story keep their order.
fn expected_place(from: &Version, unit: &Unit, target: &Version) -> usize {
    let at = unit.tokens.first().map_or(0, |&t| t as usize);
    (at as u128 * target.tokens.len() as u128 / from.tokens.len().max(1) as u128) as usize
}

/// The best counterpart of the words of `unit` in `target`, judged: recognisably the same
/// quotation first, then the higher rank, more common words, the closer speakers, the place
/// nearest `near`. A match on a few words counts only when the same speaker or the same
/// surroundings vouch for it.
fn best_counterpart(
    from: &Version,
    unit: &Unit,
    target: &Version,
    mode: Mode,
    from_is_orig: bool,
    near: usize,
) -> Option<(Unit, Judged)> {
    let key = from.word_keys(&unit.tokens);
    if key.is_empty() {
        return None;
    }
    // A few words can occur anywhere: between versions of a story, they must also stand
    // among the same words. Without that, only the same speaker vouches for them.
    let mut hits = target.search(&key, near);
    if mode == Mode::Compare && key.len() < SHORT {
        let (lo, hi) = from.context(unit, true);
        let context = from.word_keys(&(lo as u32..hi as u32).collect::<Vec<_>>());
        hits.extend(target.search_within(&context, near, &key));
    }
    let counterparts = hits
        .iter()
        .flat_map(|hit| target.counterparts(hit, unit.marked));
    let mut best: Option<(Unit, Judged)> = None;
    for counterpart in counterparts {
        let judged = judge(from, unit, target, &counterpart, from_is_orig, mode);
        // A few common words can be chance: the same speaker or the same surroundings must
        // vouch for them, and a word or two is no evidence of another speaker.
        let weak = mode == Mode::Compare && judged.common < SHORT;
        let vouched =
            judged.relation == Relation::Same || agree(from, unit, target, &counterpart, true);
        let chance = judged.relation == Relation::Different && judged.common < STITCH_MIN;
        if (weak && !vouched) || chance {
            continue;
        }
        let better = best.as_ref().is_none_or(|(u, b)| {
            let score = |j: &Judged, u: &Unit| {
                (
                    j.same,
                    (j.rank * 1000.0).round() as i64,
                    j.common,
                    j.relation,
                    // Between equals, the one nearest the place expected.
                    -(u.tokens.first().map_or(0, |&t| t as i64) - near as i64).abs(),
                    -(u.span.start as i64),
                )
            };
            score(&judged, &counterpart) > score(b, u)
        });
        // The same words by the same speaker, nearest first: nothing can beat them.
        let perfect = judged.similarity >= 1.0 && judged.relation == Relation::Same;
        if better {
            best = Some((counterpart, judged));
        }
        if perfect {
            break;
        }
    }
    best
}

/// The quotation of `target` (its index) by the same speaker as `unit` that says most of the
/// same substance (shared content stems), among those nearest the place expected; shared
/// words alone may be a speaker's stock phrases, so it must say most of it again or stand in
/// the same passage.
fn paraphrase_by_speaker(
    from: &Version,
    unit: &Unit,
    target: &Version,
    near: usize,
) -> Option<usize> {
    let who = from.who(unit);
    let no_stems = Vec::new();
    let content = unit
        .quotation
        .map_or(&no_stems, |q| &from.quotations[q].stems);
    let mut para: Option<(f64, usize)> = None;
    // Of a speaker's quotations, those nearest the place expected.
    let near_byte = target.tokens.get(near).map_or(usize::MAX, |t| t.span.start);
    let same_speaker = target
        .speakers
        .iter()
        .filter(|(first, _)| {
            relation(who, Some(&target.quotations[*first].speaker)) == Relation::Same
        })
        .flat_map(|(_, all)| {
            let at = all.partition_point(|&q| target.quotations[q].span.start < near_byte);
            let lo = at.saturating_sub(PARAPHRASE_SCAN / 2);
            all[lo..(lo + PARAPHRASE_SCAN).min(all.len())]
                .iter()
                .copied()
        });
    for index in same_speaker {
        let other = &target.quotations[index].stems;
        let shared = content
            .iter()
            .filter(|s| other.binary_search(s).is_ok())
            .count();
        let smaller = content.len().min(other.len());
        if shared < 2 || smaller == 0 {
            continue;
        }
        let score = shared as f64 / smaller as f64;
        if score < PARAPHRASE_CONTENT || para.is_some_and(|(s, _)| score <= s) {
            continue;
        }
        let counterpart = target.quotation_unit(index);
        if score >= PARAPHRASE_STRONG || agree(from, unit, target, &counterpart, false) {
            para = Some((score, index));
        }
    }
    para.map(|(_, index)| index)
}

/// The best counterpart as a paraphrase, when it is a close passage: similar enough, of a
/// speaker not known to differ, with a few words in common.
fn close_passage((u, mut j): (Unit, Judged)) -> Option<(Unit, Judged)> {
    if j.similarity >= PARAPHRASE_TEXT && j.relation != Relation::Different && j.common >= 3 {
        j.class = Class::Paraphrased;
        j.edits.clear();
        Some((u, j))
    } else {
        None
    }
}

impl Found {
    /// Nothing found.
    const NOTHING: Found = Found {
        counterpart: None,
        judged: None,
    };

    fn of(counterpart: Unit, judged: Judged) -> Found {
        Found {
            counterpart: Some(counterpart),
            judged: Some(judged),
        }
    }

    /// The pair, with `from` (whose quotation was sought) as base when `from_is_base`.
    pub(super) fn into_pair(
        self,
        from: &Version,
        unit: &Unit,
        target: &Version,
        from_is_base: bool,
    ) -> Pair {
        let mine = from.side(unit);
        let (Some(counterpart), Some(j)) = (self.counterpart, self.judged) else {
            return Pair {
                class: Class::Missing,
                edits: Vec::new(),
                similarity: 0.0,
                base: Some(mine),
                other: None,
                diff: Vec::new(),
            };
        };
        let theirs = target.side(&counterpart);
        let (base, other) = if from_is_base {
            (mine, theirs)
        } else {
            (theirs, mine)
        };
        Pair {
            class: j.class,
            edits: j.edits.into_iter().collect(),
            similarity: j.similarity,
            base: Some(base),
            other: Some(other),
            diff: j.diff,
        }
    }
}
