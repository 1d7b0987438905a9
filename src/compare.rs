//! Quote fidelity: how the quotations of one text reappear in another.
//!
//! Stories are copied, rewritten and edited, and quotations drift on the way: marks are
//! dropped, words cut, figures changed, a "not" lost, two remarks joined into one. This
//! module runs after extraction. It takes two extracted texts, each wrapped in a
//! [`Version`] (its word tokens, an index of where each word occurs, its quoted pieces and
//! its quotations), and pairs every quotation of one with its best counterpart in the other:
//!
//! - [`compare`]`(base, other)` follows BASE, the earlier text: one [`Pair`] per quotation
//!   of BASE, then one per quotation of OTHER that nothing in BASE accounts for (`added`);
//! - [`check`]`(story, source)` follows STORY: one pair per quotation of STORY, looked up
//!   in SOURCE, a transcript or press release that needs no quote marks at all.
//!
//! **Finding the counterpart.** The counterpart is searched for in the whole text of the
//! other side, not only among its extracted quotations, so that a quotation whose marks
//! were removed (and which the extractor may no longer see) is still found. Words are
//! compared as normalised tokens: case, quote-mark and apostrophe style, white space and
//! punctuation are folded (`“Mess.”` and `mess` are the same word, `2,000` is `2000`); an
//! ellipsis (`...`, `…`, `[…]`) is a token of its own. Rare words of the quotation vote for
//! the places of the other text where they occur, the best few places get a fitting
//! alignment (all of the quotation against a stretch of the other text, unmatched words of
//! the stretch costing half a match, then the cost that maximises the similarity), and the
//! stretch found becomes the counterpart. When most of it lies inside quote marks, the
//! counterpart grows to the whole quoted piece, since the marks say exactly which words the
//! other text claims were said; an indirect quotation found inside an indirect one of the
//! other text may take that whole clause. Direct quotations are compared by their words,
//! mixed ones by their quoted words only, indirect ones by their reported clause. The work
//! is linear in the texts' length: each alignment is bounded by the length of the
//! quotation, never by the length of the text.
//!
//! A few words can match anywhere (`“racist”`, `“a mess”`). In `compare`, a quotation of
//! fewer than eight words is also sought by the words around it in its paragraph, and any
//! match that rests on fewer than eight common words counts only when the same speaker says
//! it or when the surroundings of both share three content words: versions of one story
//! tell it around the same quotations. Speakers are the same when their names agree
//! ("Trump", "Donald Trump") or the texts name them alike ("Clinton said" twice, however
//! resolution read it); two named sources that differ in both are different speakers, and
//! a match of a word or two is no evidence of a different speaker.
//!
//! **Classes.** The word diff of a pair (a longest common subsequence of tokens) gives its
//! [`Edit`]s, named from the *original* to the *copy*: BASE to OTHER in `compare`, SOURCE to
//! STORY in `check`. `similarity` is `2·common / (words of one + words of the other)`. A
//! pair is recognisably the same quotation when that is at least 0.6 (words the copy
//! stitched in from elsewhere left aside), or when one of two delimited quotations holds
//! nine tenths of the other's words. Then its [`Class`] is `reattributed` when the speakers
//! are different; `verbatim` when no word changed; `unmarked` when only the quote marks went
//! (`compare` only: a transcript has none to lose); `altered` for any other change to a
//! quotation in marks, or a negation or figure changed in reported speech; and
//! `paraphrased` for other rewording of reported speech. A quotation with no such
//! counterpart is `paraphrased` when the other text has a passage close to it (similarity
//! at least 0.4, no different speaker) or a quotation of the same speaker on the same
//! substance (three tenths of the content words of the shorter, in the same passage; six
//! tenths anywhere), and `missing` otherwise.
//!
//! **Where each part lives.** [`Version`] (`compare/version.rs`) prepares a document and
//! searches it; `tokens` makes its normalised word tokens and `align` the alignments;
//! `speaker` relates two speakers; `find` looks for each quotation's counterpart and
//! `classify` names the class and edits of a pair. The thresholds they share are the
//! constants at the top of this file, and this file holds the public types.
//!
//! Invariants: every span of a [`Pair`] slices its own document's text (spans, never
//! copies); the output depends only on the two texts and their attributions, in a fixed
//! order (no hash-map order reaches it).
//!
//! ```
//! use whosaid::compare::{compare, Class, Edit, Version};
//! use whosaid::{Document, Extractor};
//!
//! let base = Document::new("a", "“We will not raise taxes this year,” said Mayor Ann Lee.");
//! let other = Document::new("b", "“We will raise taxes this year,” said Mayor Ann Lee.");
//! let x = Extractor::new();
//! let (a, b) = (x.extract(&base), x.extract(&other));
//! let pairs = compare(&Version::new(&base, &a), &Version::new(&other, &b));
//! assert_eq!(pairs[0].class, Class::Altered);
//! assert_eq!(pairs[0].edits, [Edit::Negation]);
//! assert_eq!(pairs[0].speaker(), "Ann Lee");
//! ```

mod align;
mod classify;
mod find;
mod speaker;
mod tokens;
mod version;

pub use version::Version;

use crate::span::Span;
use find::find;

// The thresholds of the essay above, shared by the submodules.

/// Similarity from which two passages are recognisably the same quotation.
const ALTERED: f64 = 0.6;
/// Share of a delimited quotation's words that makes it a fragment of the other.
const CONTAINED: f64 = 0.9;
/// Similarity from which a passage with no conflicting speaker is a paraphrase.
const PARAPHRASE_TEXT: f64 = 0.4;
/// Share of content words (of the shorter side) that makes a paraphrase of one speaker,
/// when the two stand in the same passage ...
const PARAPHRASE_CONTENT: f64 = 0.3;
/// ... or wherever they stand.
const PARAPHRASE_STRONG: f64 = 0.6;
/// Quotations of the same speaker, nearest the place expected, weighed as paraphrases.
const PARAPHRASE_SCAN: usize = 64;
/// Content words the surroundings of two passages share to place them in the same passage.
const AGREE: usize = 3;
/// A first fitting alignment this poor is not tuned further.
const HOPELESS: f64 = 0.3;
/// In `compare`, a quotation of fewer words is sought by the words around it too.
const SHORT: usize = 8;
/// Words on each side of a short quotation (within its paragraph) that are its context.
const CONTEXT: usize = 12;
/// Fewest words taken as a fragment stitched in from elsewhere, or a stitching cut.
const STITCH_MIN: usize = 3;
/// Similarity with which stitched-in words must be found elsewhere in the original.
const STITCH_SIMILARITY: f64 = 0.8;
/// A word occurring more often than this in the searched text does not vote for places.
const SEED_POSTINGS: usize = 64;
/// Places of the searched text given a full alignment, per quotation.
const CANDIDATES: usize = 3;

/// What became of a quotation in the other text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Class {
    /// The same words (case, mark style, white space and punctuation aside).
    Verbatim,
    /// Recognisably the same quotation with changed words.
    Altered,
    /// The same words with the quote marks removed.
    Unmarked,
    /// Same speaker and substance, different words.
    Paraphrased,
    /// The same words given to a different speaker.
    Reattributed,
    /// In BASE (or STORY), with no counterpart in the other text.
    Missing,
    /// In OTHER, with no counterpart in BASE.
    Added,
}

impl Class {
    pub fn as_str(self) -> &'static str {
        match self {
            Class::Verbatim => "verbatim",
            Class::Altered => "altered",
            Class::Unmarked => "unmarked",
            Class::Paraphrased => "paraphrased",
            Class::Reattributed => "reattributed",
            Class::Missing => "missing",
            Class::Added => "added",
        }
    }
}

/// One kind of change between the original words and the copy, in output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Edit {
    /// Words cut and replaced by `...`, `…` or `[…]`.
    Ellipsis,
    /// Words of the original left out without an ellipsis.
    DroppedWords,
    /// Words in the copy that the original does not have.
    AddedWords,
    /// Words exchanged for others.
    ReplacedWords,
    /// A `not`, `never`, `no`, `-n't` ... added or removed.
    Negation,
    /// A figure changed (`2,000` to `20,000`, `two` to `three`).
    Number,
    /// Fragments from separate places joined: words from another quotation or sentence of
    /// the original, or two sentences joined over a silent cut.
    Stitched,
    /// The quote marks were removed.
    Unmarked,
}

impl Edit {
    pub fn as_str(self) -> &'static str {
        match self {
            Edit::Ellipsis => "ellipsis",
            Edit::DroppedWords => "dropped-words",
            Edit::AddedWords => "added-words",
            Edit::ReplacedWords => "replaced-words",
            Edit::Negation => "negation",
            Edit::Number => "number",
            Edit::Stitched => "stitched",
            Edit::Unmarked => "unmarked",
        }
    }
}

/// One side of a [`Pair`]: the words compared, in their own document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// The compared words: a quotation (the quoted words of a mixed one, or all of its
    /// words when it quotes several pieces), a quoted piece, or a stretch of unmarked text.
    pub span: Span,
    /// The speaker's resolved name; empty when the words are not attributed.
    pub speaker: String,
    /// The words stand inside quote marks.
    pub marked: bool,
}

/// A step of the word diff from the original to the copy.
///
/// `Cut` spans index the original (BASE in [`compare`], SOURCE in [`check`]); `Same` and
/// `Added` spans index the copy (OTHER, or STORY).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordOp {
    Same(Span),
    Cut(Span),
    Added(Span),
}

/// A quotation and its counterpart, or a quotation that has none.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub class: Class,
    /// Distinct, in [`Edit`] order; empty for verbatim, missing and added pairs, and for
    /// paraphrases too loose to name their changes.
    pub edits: Vec<Edit>,
    /// `2·common words / (words of base + words of other)`; 0 without a counterpart.
    pub similarity: f64,
    /// The BASE (or STORY) side; `None` for `added`.
    pub base: Option<Side>,
    /// The OTHER (or SOURCE) side; `None` for `missing`.
    pub other: Option<Side>,
    /// The word diff, original to copy; empty without a counterpart.
    pub diff: Vec<WordOp>,
}

impl Pair {
    /// The speaker to show: the base side's, else the other's; `A -> B` when reattributed.
    pub fn speaker(&self) -> String {
        let base = self.base.as_ref().map_or("", |s| s.speaker.as_str());
        let other = self.other.as_ref().map_or("", |s| s.speaker.as_str());
        match self.class {
            Class::Reattributed => format!("{base} -> {other}"),
            _ if base.is_empty() => other.to_string(),
            _ => base.to_string(),
        }
    }
}

/// Pairs every quotation of `base` with its counterpart in `other`, then lists the
/// quotations of `other` that no quotation of `base` accounts for.
///
/// Pairs come in order of their base offsets (unmatched `added` ones last, in the order of
/// `other`).
pub fn compare(base: &Version, other: &Version) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut claimed = vec![false; other.quotations.len()];
    for index in 0..base.quotations.len() {
        let unit = base.quotation_unit(index);
        let found = find(base, &unit, other, Mode::Compare, true);
        if let Some(counterpart) = &found.counterpart {
            other.claim(counterpart.span, &mut claimed);
        }
        pairs.push(found.into_pair(base, &unit, other, true));
    }
    for (index, _) in claimed.iter().enumerate().filter(|(_, &taken)| !taken) {
        // Unclaimed, but perhaps in BASE after all, where extraction did not see it.
        let unit = other.quotation_unit(index);
        let found = find(other, &unit, base, Mode::Compare, false);
        match &found.judged {
            Some(j) if j.same => pairs.push(found.into_pair(other, &unit, base, false)),
            _ => pairs.push(Pair {
                class: Class::Added,
                edits: Vec::new(),
                similarity: 0.0,
                base: None,
                other: Some(other.side(&unit)),
                diff: Vec::new(),
            }),
        }
    }
    let key = |p: &Pair| {
        let b = p
            .base
            .as_ref()
            .map_or((usize::MAX, 0), |s| (s.span.start, s.span.end));
        let o = p
            .other
            .as_ref()
            .map_or((usize::MAX, 0), |s| (s.span.start, s.span.end));
        (b, o)
    };
    pairs.sort_by_key(key);
    pairs
}

/// Looks up every quotation of `story` in `source`, a text that need not mark quotations.
///
/// Pairs come in the order of `story`; the `other` side of each is the best match in
/// `source`. A transcript has no marks to lose, so no pair is `unmarked`.
pub fn check(story: &Version, source: &Version) -> Vec<Pair> {
    (0..story.quotations.len())
        .map(|index| {
            let unit = story.quotation_unit(index);
            find(story, &unit, source, Mode::Check, true).into_pair(story, &unit, source, true)
        })
        .collect()
}

/// Whose words travel which way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// The searching side is the original, unless it is an OTHER quotation searched back.
    Compare,
    /// The searched side (SOURCE) is the original.
    Check,
}

/// `2·common / (a + b)`, 0 for two empty sides.
fn dice(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        (2 * common) as f64 / (a + b) as f64
    }
}
