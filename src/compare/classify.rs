//! Classes and edits: what the word diff of a quotation and its counterpart says changed.
//!
//! [`judge`] aligns the two from the original to the copy (see [`Mode`]), counts their common
//! words and cuts the diff into hunks of cut and added words. [`hunk_edits`] names each hunk:
//! an ellipsis standing for cut words; a negation or a figure changed (they change the
//! meaning, so reported speech with one is `altered`, not `paraphrased`); words stitched in
//! from elsewhere in the original, or a silent cut across a sentence end; else dropped, added
//! or replaced words. The similarity, the speakers' relation and the edits give the
//! [`Class`], by the rules the essay of [`compare`](super) sets out.
//!
//! ```text
//! original  We will not raise taxes this year
//! copy      We will raise taxes this year
//! diff      We will [-not-] raise taxes this year   ->  Negation  ->  Altered
//! ```

use super::align::{align, tidy, Op, Scoring};
use super::speaker::{relation, Relation};
use super::tokens::{Token, ELLIPSIS, NEGATOR, NUMBER, SENTENCE_END, WORD};
use super::version::{Unit, Version};
use super::*;
use crate::span::Span;
use std::collections::BTreeSet;

/// A quotation and a candidate counterpart, weighed.
pub(super) struct Judged {
    pub(super) class: Class,
    pub(super) edits: BTreeSet<Edit>,
    pub(super) similarity: f64,
    /// Recognisably the same quotation.
    pub(super) same: bool,
    /// The similarity with words stitched in from elsewhere left aside.
    pub(super) rank: f64,
    /// Words the two sides have in common.
    pub(super) common: usize,
    pub(super) relation: Relation,
    pub(super) diff: Vec<WordOp>,
}

/// Weighs `unit` (of `from`) against `counterpart` (of `target`).
pub(super) fn judge(
    from: &Version,
    unit: &Unit,
    target: &Version,
    counterpart: &Unit,
    from_is_orig: bool,
    mode: Mode,
) -> Judged {
    let (orig, o_unit, copy, c_unit) = if from_is_orig {
        (from, unit, target, counterpart)
    } else {
        (target, counterpart, from, unit)
    };
    let keys = |v: &Version, u: &Unit| -> Vec<u64> {
        u.tokens.iter().map(|&t| v.tokens[t as usize].key).collect()
    };
    let ops = tidy(align(
        &keys(orig, o_unit),
        &keys(copy, c_unit),
        Scoring::Diff,
    ));
    let o_tok = |i: usize| orig.tokens[o_unit.tokens[i] as usize];
    let c_tok = |j: usize| copy.tokens[c_unit.tokens[j] as usize];
    let n = (0..o_unit.tokens.len())
        .filter(|&i| o_tok(i).is(WORD))
        .count();
    let m = (0..c_unit.tokens.len())
        .filter(|&j| c_tok(j).is(WORD))
        .count();
    let common = ops
        .iter()
        .filter(|op| matches!(op, Op::Keep(i, _) if o_tok(*i).is(WORD)))
        .count();

    let cover = |part: usize| part > 0 && common as f64 >= CONTAINED * part as f64;
    let contained = unit.delimited
        && counterpart.delimited
        && (common >= STITCH_MIN || common == n.max(m))
        && (cover(n) || cover(m));
    // Not the same quotation even if every word of the copy came from elsewhere: its
    // edits are never shown, so spare the searches for stitched words.
    let possible = contained || dice(common, n, common) >= ALTERED;

    let mut edits = BTreeSet::new();
    let mut stitched = 0;
    let mut at = if possible { 0 } else { ops.len() };
    while at < ops.len() {
        if let Op::Keep(..) = ops[at] {
            at += 1;
            continue;
        }
        let start = at;
        while at < ops.len() && !matches!(ops[at], Op::Keep(..)) {
            at += 1;
        }
        let hunk = &ops[start..at];
        let cut: Vec<Token> = hunk
            .iter()
            .filter_map(|op| match op {
                Op::Cut(i) => Some(o_tok(*i)),
                _ => None,
            })
            .collect();
        let added: Vec<Token> = hunk
            .iter()
            .filter_map(|op| match op {
                Op::Add(j) => Some(c_tok(*j)),
                _ => None,
            })
            .collect();
        // The original word just before the cut, to see whether the cut crosses a sentence.
        let before = match start.checked_sub(1).map(|k| ops[k]) {
            Some(Op::Keep(i, _)) => Some(o_tok(i)),
            _ => None,
        };
        let interior = start > 0 && at < ops.len();
        stitched += hunk_edits(
            &cut,
            &added,
            before,
            interior,
            (orig, o_unit.span, mode),
            &mut edits,
        );
    }
    let unmarked = mode == Mode::Compare && o_unit.marked && !c_unit.marked;
    let similarity = dice(common, n, m);
    // Words stitched in from elsewhere do not count against a match of substance.
    let rank = if common >= STITCH_MIN {
        dice(common, n, m - stitched.min(m))
    } else {
        similarity
    };
    let same = rank >= ALTERED || contained;
    let relation = relation(from.who(unit), target.who(counterpart));
    let meaning = edits.contains(&Edit::Negation) || edits.contains(&Edit::Number);
    let class = if !same {
        Class::Missing
    } else if relation == Relation::Different {
        Class::Reattributed
    } else if edits.is_empty() {
        if unmarked {
            Class::Unmarked
        } else {
            Class::Verbatim
        }
    } else if unit.marked || meaning {
        Class::Altered
    } else {
        Class::Paraphrased
    };
    if unmarked && class != Class::Unmarked {
        edits.insert(Edit::Unmarked);
    }
    let diff = ops
        .iter()
        .map(|op| match *op {
            Op::Keep(_, j) => WordOp::Same(c_tok(j).span),
            Op::Cut(i) => WordOp::Cut(o_tok(i).span),
            Op::Add(j) => WordOp::Added(c_tok(j).span),
        })
        .collect();
    Judged {
        class,
        edits,
        similarity,
        same,
        rank,
        common,
        relation,
        diff,
    }
}

/// Names the edits of one hunk of the diff (`cut` from the original, `added` in the copy)
/// into `edits`; returns how many copy words it found stitched in from elsewhere.
fn hunk_edits(
    cut: &[Token],
    added: &[Token],
    before: Option<Token>,
    interior: bool,
    (orig, except, mode): (&Version, Span, Mode),
    edits: &mut BTreeSet<Edit>,
) -> usize {
    let ellipsis = added.iter().any(|t| t.is(ELLIPSIS));
    let mut cut: Vec<Token> = cut.iter().copied().filter(|t| t.is(WORD)).collect();
    let mut added: Vec<Token> = added.iter().copied().filter(|t| t.is(WORD)).collect();
    if cut.is_empty() && added.is_empty() {
        return 0;
    }
    if ellipsis && !cut.is_empty() {
        edits.insert(Edit::Ellipsis);
        if !added.is_empty() {
            edits.insert(Edit::ReplacedWords);
        }
        return 0;
    }
    let replaced = !cut.is_empty() && !added.is_empty();
    let mut meaning = false;
    if interior || replaced {
        let count = |ts: &[Token]| ts.iter().filter(|t| t.is(NEGATOR)).count();
        if count(&cut) != count(&added) {
            edits.insert(Edit::Negation);
            meaning = true;
        }
        let numbers = |ts: &[Token]| {
            let mut keys: Vec<u64> = ts.iter().filter(|t| t.is(NUMBER)).map(|t| t.key).collect();
            keys.sort_unstable();
            keys
        };
        // A figure changed: both sides hold one (a figure merely left out is dropped).
        let (was, is) = (numbers(&cut), numbers(&added));
        let mut spent = NEGATOR;
        if !was.is_empty() && !is.is_empty() && was != is {
            edits.insert(Edit::Number);
            meaning = true;
            spent |= NUMBER;
        }
        cut.retain(|t| !t.is(spent));
        added.retain(|t| !t.is(spent));
    }
    let mut stitched = 0;
    if added.len() >= STITCH_MIN {
        let keys: Vec<u64> = added.iter().map(|t| t.key).collect();
        if orig.occurs_elsewhere(&keys, except, mode) {
            edits.insert(Edit::Stitched);
            stitched = added.len();
            added.clear();
        }
    }
    // A silent cut over a sentence end joins two sentences that were apart.
    let crosses = before
        .iter()
        .chain(cut.iter().take(cut.len().saturating_sub(1)))
        .any(|t| t.is(SENTENCE_END));
    if interior && cut.len() >= STITCH_MIN && crosses {
        edits.insert(Edit::Stitched);
        cut.clear();
    }
    match (cut.is_empty(), added.is_empty()) {
        (false, false) => {
            edits.insert(Edit::ReplacedWords);
        }
        (false, true) => {
            edits.insert(if replaced {
                Edit::ReplacedWords
            } else {
                Edit::DroppedWords
            });
        }
        (true, false) => {
            edits.insert(if replaced {
                Edit::ReplacedWords
            } else {
                Edit::AddedWords
            });
        }
        (true, true) if replaced && !meaning && stitched == 0 => {
            edits.insert(Edit::ReplacedWords);
        }
        (true, true) => {}
    }
    stitched
}
