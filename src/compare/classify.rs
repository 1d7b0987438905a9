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
///
/// The steps: align the original with the copy ([`Aligned::new`]); count their words
/// ([`Aligned::counts`]); name the edits of each hunk ([`Aligned::edits`]); give the class
/// ([`class`]); write the word diff ([`Aligned::diff`]).
pub(super) fn judge(
    from: &Version,
    unit: &Unit,
    target: &Version,
    counterpart: &Unit,
    from_is_orig: bool,
    mode: Mode,
) -> Judged {
    let aligned = if from_is_orig {
        Aligned::new(from, unit, target, counterpart)
    } else {
        Aligned::new(target, counterpart, from, unit)
    };
    let (n, m, common) = aligned.counts();

    let cover = |part: usize| part > 0 && common as f64 >= CONTAINED * part as f64;
    let contained = unit.delimited
        && counterpart.delimited
        && (common >= STITCH_MIN || common == n.max(m))
        && (cover(n) || cover(m));
    // Not the same quotation even if every word of the copy came from elsewhere: its
    // edits are never shown, so spare the searches for stitched words.
    let possible = contained || dice(common, n, common) >= ALTERED;

    let mut edits = BTreeSet::new();
    let stitched = if possible {
        aligned.edits(mode, &mut edits)
    } else {
        0
    };
    let unmarked = mode == Mode::Compare && aligned.o_unit.marked && !aligned.c_unit.marked;
    let similarity = dice(common, n, m);
    // Words stitched in from elsewhere do not count against a match of substance.
    let rank = if common >= STITCH_MIN {
        dice(common, n, m - stitched.min(m))
    } else {
        similarity
    };
    let same = rank >= ALTERED || contained;
    let relation = relation(from.who(unit), target.who(counterpart));
    let class = class(same, relation, &edits, unmarked, unit.marked);
    if unmarked && class != Class::Unmarked {
        edits.insert(Edit::Unmarked);
    }
    Judged {
        class,
        edits,
        similarity,
        same,
        rank,
        common,
        relation,
        diff: aligned.diff(),
    }
}

/// The class of a pair: not the same quotation is missing; another speaker's is
/// reattributed; without edits, verbatim (or unmarked when the copy dropped the marks);
/// with edits, altered when the quotation is marked or its meaning changed, else
/// paraphrased.
fn class(
    same: bool,
    relation: Relation,
    edits: &BTreeSet<Edit>,
    unmarked: bool,
    marked: bool,
) -> Class {
    let meaning = edits.contains(&Edit::Negation) || edits.contains(&Edit::Number);
    if !same {
        Class::Missing
    } else if relation == Relation::Different {
        Class::Reattributed
    } else if edits.is_empty() {
        if unmarked {
            Class::Unmarked
        } else {
            Class::Verbatim
        }
    } else if marked || meaning {
        Class::Altered
    } else {
        Class::Paraphrased
    }
}

/// The original's unit and the copy's, aligned word by word.
struct Aligned<'a> {
    orig: &'a Version<'a>,
    o_unit: &'a Unit,
    copy: &'a Version<'a>,
    c_unit: &'a Unit,
    ops: Vec<Op>,
}

impl<'a> Aligned<'a> {
    fn new(
        orig: &'a Version<'a>,
        o_unit: &'a Unit,
        copy: &'a Version<'a>,
        c_unit: &'a Unit,
    ) -> Self {
        let keys = |v: &Version, u: &Unit| -> Vec<u64> {
            u.tokens.iter().map(|&t| v.tokens[t as usize].key).collect()
        };
        let ops = tidy(align(
            &keys(orig, o_unit),
            &keys(copy, c_unit),
            Scoring::Diff,
        ));
        Aligned {
            orig,
            o_unit,
            copy,
            c_unit,
            ops,
        }
    }

    /// The `i`th token of the original's unit.
    fn o_tok(&self, i: usize) -> Token {
        self.orig.tokens[self.o_unit.tokens[i] as usize]
    }

    /// The `j`th token of the copy's unit.
    fn c_tok(&self, j: usize) -> Token {
        self.copy.tokens[self.c_unit.tokens[j] as usize]
    }

    /// The words of the original, of the copy, and the words they have in common.
    fn counts(&self) -> (usize, usize, usize) {
        let n = (0..self.o_unit.tokens.len())
            .filter(|&i| self.o_tok(i).is(WORD))
            .count();
        let m = (0..self.c_unit.tokens.len())
            .filter(|&j| self.c_tok(j).is(WORD))
            .count();
        let common = self
            .ops
            .iter()
            .filter(|op| matches!(op, Op::Keep(i, _) if self.o_tok(*i).is(WORD)))
            .count();
        (n, m, common)
    }

    /// Names the edits of every hunk of cut and added words into `edits` (see
    /// [`hunk_edits`]); returns how many copy words were stitched in from elsewhere.
    fn edits(&self, mode: Mode, edits: &mut BTreeSet<Edit>) -> usize {
        let ops = &self.ops;
        let mut stitched = 0;
        let mut at = 0;
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
                    Op::Cut(i) => Some(self.o_tok(*i)),
                    _ => None,
                })
                .collect();
            let added: Vec<Token> = hunk
                .iter()
                .filter_map(|op| match op {
                    Op::Add(j) => Some(self.c_tok(*j)),
                    _ => None,
                })
                .collect();
            // The original word just before the cut, to see whether the cut crosses a
            // sentence.
            let before = match start.checked_sub(1).map(|k| ops[k]) {
                Some(Op::Keep(i, _)) => Some(self.o_tok(i)),
                _ => None,
            };
            let interior = start > 0 && at < ops.len();
            stitched += hunk_edits(
                &cut,
                &added,
                before,
                interior,
                (self.orig, self.o_unit.span, mode),
                edits,
            );
        }
        stitched
    }

    /// The word diff, as spans of the original (cut words) and of the copy.
    fn diff(&self) -> Vec<WordOp> {
        self.ops
            .iter()
            .map(|op| match *op {
                Op::Keep(_, j) => WordOp::Same(self.c_tok(j).span),
                Op::Cut(i) => WordOp::Cut(self.o_tok(i).span),
                Op::Add(j) => WordOp::Added(self.c_tok(j).span),
            })
            .collect()
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
