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

use crate::attribution::{Attribution, QuoteKind, SpeakerKind};
use crate::document::Document;
use crate::lexicon::lexicon;
use crate::quotes::find_quotes;
use crate::span::Span;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

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
/// Alignments larger than this many cells are banded around their diagonal.
const FULL_CELLS: usize = 1 << 22;

const NONE: u32 = u32::MAX;

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

/// One document prepared for comparison: its tokens, where each word occurs, its quoted
/// pieces and its quotations. Build once per document and compare it with many others.
pub struct Version<'a> {
    doc: &'a Document,
    tokens: Vec<Token>,
    postings: HashMap<u64, Vec<u32>>,
    /// Token ranges (and inner spans) of the quoted pieces, in order.
    quoted: Vec<(Span, Range<usize>)>,
    /// For each token, the quoted piece holding it, or [`NONE`].
    quoted_of: Vec<u32>,
    quotations: Vec<Quotation>,
    /// For each token, the quotation whose extracted span holds it, or [`NONE`].
    quotation_of: Vec<u32>,
    /// The quotations of each speaker name: the first one's index, then all of them.
    speakers: Vec<(usize, Vec<usize>)>,
}

/// Consecutive attribution pieces with the same id and both marked or both unmarked: a
/// quotation split by its cue (`“A,” she said, “B.”`) is compared as one.
struct Quotation {
    /// What is shown: from the first compared piece to the last one, except that a mixed
    /// quotation of several quoted pieces shows all of its extracted words.
    span: Span,
    /// The token indices compared: the quoted words of a mixed piece, every word otherwise.
    tokens: Vec<u32>,
    marked: bool,
    speaker: Who,
    /// The stems of its content words, sorted (see [`content_stems`]).
    stems: Vec<u64>,
}

#[derive(Clone, Debug, Default)]
struct Who {
    name: String,
    kind: Option<SpeakerKind>,
    /// The words of the name, hashed and sorted (see [`name_words`]).
    words: Vec<u64>,
    /// The words that name the speaker in the text ("Clinton", "she"), likewise.
    mention: Vec<u64>,
}

impl Who {
    fn new(name: &str, kind: Option<SpeakerKind>, mention: &str) -> Who {
        Who {
            name: name.to_string(),
            kind,
            words: name_words(name),
            mention: name_words(mention),
        }
    }
}

impl<'a> Version<'a> {
    /// Prepares `doc` and the attributions extracted from it (in text order).
    pub fn new(doc: &'a Document, attributions: &[Attribution]) -> Version<'a> {
        let text = doc.text.as_str();
        let tokens = tokenize(text, doc.body.range());
        let mut postings: HashMap<u64, Vec<u32>> = HashMap::new();
        for (i, t) in tokens.iter().enumerate() {
            if t.is(WORD) {
                postings.entry(t.key).or_default().push(i as u32);
            }
        }
        let token_range = |span: Span| {
            let lo = tokens.partition_point(|t| t.span.start < span.start);
            let hi = tokens.partition_point(|t| t.span.end <= span.end);
            lo..hi.max(lo)
        };
        let mut quoted = Vec::new();
        let mut quoted_of = vec![NONE; tokens.len()];
        for q in find_quotes(text, doc.body.range()) {
            let range = token_range(q.inner);
            quoted_of[range.clone()].fill(quoted.len() as u32);
            quoted.push((q.inner, range));
        }
        let mut quotations: Vec<Quotation> = Vec::new();
        let mut quotation_of = vec![NONE; tokens.len()];
        let mut last_group = None;
        for a in attributions {
            let marked = a.kind != QuoteKind::Indirect;
            // A mixed piece is compared by its quoted words: the writer's are not a quote.
            let pieces: Vec<Span> = match a.kind {
                QuoteKind::Mixed => {
                    let first = quoted.partition_point(|(s, _)| s.start < a.quote.start);
                    let inner: Vec<Span> = quoted[first..]
                        .iter()
                        .map(|(span, _)| *span)
                        .take_while(|s| s.start < a.quote.end)
                        .filter(|s| a.quote.contains(*s))
                        .collect();
                    if inner.is_empty() {
                        vec![a.quote]
                    } else {
                        inner
                    }
                }
                _ => vec![a.quote],
            };
            // Only quoted pieces join: two indirect clauses of one cue are two statements.
            let joins = marked && last_group == Some(a.attribution) && !quotations.is_empty();
            if !joins {
                quotations.push(Quotation {
                    span: if pieces.len() > 1 { a.quote } else { pieces[0] },
                    tokens: Vec::new(),
                    marked,
                    speaker: Who::new(
                        &a.speaker.name,
                        a.speaker.kind,
                        a.speaker.mention.and_then(|m| m.get(text)).unwrap_or(""),
                    ),
                    stems: Vec::new(),
                });
            }
            last_group = marked.then_some(a.attribution);
            let index = quotations.len() - 1;
            let q = &mut quotations[index];
            // Several quoted pieces among the writer's words show best as the whole
            // sentence part: `order “affirms” that police will not “collaborate ...”`.
            let shown = if pieces.len() > 1 {
                &[a.quote][..]
            } else {
                &pieces[..]
            };
            for piece in shown {
                q.span = Span::new(q.span.start.min(piece.start), q.span.end.max(piece.end));
            }
            for piece in &pieces {
                q.tokens.extend(token_range(*piece).map(|t| t as u32));
            }
            quotation_of[token_range(a.quote)].fill(index as u32);
        }
        let mut groups: HashMap<&[u64], usize> = HashMap::new();
        let mut speakers: Vec<(usize, Vec<usize>)> = Vec::new();
        for (index, q) in quotations.iter().enumerate() {
            let group = *groups.entry(&q.speaker.words).or_insert_with(|| {
                speakers.push((index, Vec::new()));
                speakers.len() - 1
            });
            speakers[group].1.push(index);
        }
        for q in &mut quotations {
            q.stems = content_stems(text, &tokens, &q.tokens);
        }
        Version {
            doc,
            tokens,
            postings,
            quoted,
            quoted_of,
            quotations,
            quotation_of,
            speakers,
        }
    }

    /// The document this version was made from.
    pub fn document(&self) -> &Document {
        self.doc
    }

    fn quotation_unit(&self, index: usize) -> Unit {
        let q = &self.quotations[index];
        Unit {
            tokens: q.tokens.clone(),
            span: q.span,
            marked: q.marked,
            delimited: true,
            quotation: Some(index),
        }
    }

    fn side(&self, unit: &Unit) -> Side {
        Side {
            span: unit.span,
            speaker: self.who(unit).map_or(String::new(), |w| w.name.clone()),
            marked: unit.marked,
        }
    }

    fn who(&self, unit: &Unit) -> Option<&Who> {
        unit.quotation.map(|q| &self.quotations[q].speaker)
    }

    fn word_keys(&self, tokens: &[u32]) -> Vec<u64> {
        tokens
            .iter()
            .map(|&t| self.tokens[t as usize])
            .filter(|t| t.is(WORD))
            .map(|t| t.key)
            .collect()
    }

    /// Marks every quotation whose extracted span overlaps `span` as accounted for.
    fn claim(&self, span: Span, claimed: &mut [bool]) {
        let lo = self.tokens.partition_point(|t| t.span.end <= span.start);
        let hi = self.tokens.partition_point(|t| t.span.start < span.end);
        for t in lo..hi.max(lo) {
            if let Some(flag) = claimed.get_mut(self.quotation_of[t] as usize) {
                *flag = true;
            }
        }
    }

    /// The best places of this text for the words `key`, each aligned: up to
    /// [`CANDIDATES`] hits, most votes first.
    ///
    /// Each word of `key` rare enough here votes for the diagonal `position - index`; the
    /// densest clusters of votes (within the length of `key`) are the places tried, as long
    /// as they have half the votes of the densest.
    fn search(&self, key: &[u64], near: usize) -> Vec<Hit> {
        let mut votes: Vec<i64> = Vec::new();
        let lists: Vec<(usize, &Vec<u32>)> = key
            .iter()
            .enumerate()
            .filter_map(|(i, k)| self.postings.get(k).map(|p| (i, p)))
            .collect();
        for (i, list) in &lists {
            if list.len() <= SEED_POSTINGS {
                votes.extend(list.iter().map(|&p| p as i64 - *i as i64));
            }
        }
        // Only common words: let the two rarest vote anyway, where they occur nearest to
        // the place expected, and try only the best place (they all look alike).
        let mut candidates = CANDIDATES;
        if votes.is_empty() {
            candidates = 1;
            let mut common = lists.clone();
            common.sort_by_key(|(i, p)| (p.len(), *i));
            for (i, list) in common.iter().take(2) {
                let at = list.partition_point(|&p| (p as usize) < near);
                let lo = at.saturating_sub(SEED_POSTINGS / 2);
                let hi = (lo + SEED_POSTINGS).min(list.len());
                votes.extend(list[lo..hi].iter().map(|&p| p as i64 - *i as i64));
            }
        }
        votes.sort_unstable();
        let n = key.len() as i64;
        // For each vote, the number of votes in [vote, vote + n]: a cluster starting there.
        let mut clusters: Vec<(usize, usize, usize)> = Vec::new(); // (count, lo, hi)
        let mut hi = 0;
        for lo in 0..votes.len() {
            if lo > 0 && votes[lo] == votes[lo - 1] {
                continue;
            }
            hi = hi.max(lo);
            while hi + 1 < votes.len() && votes[hi + 1] <= votes[lo] + n {
                hi += 1;
            }
            clusters.push((hi - lo + 1, lo, hi));
        }
        // Most votes first; between equals, nearest to the place expected.
        let distance = |c: &(usize, usize, usize)| (votes[c.1] - near as i64).unsigned_abs();
        clusters.sort_by(|a, b| {
            (b.0.cmp(&a.0))
                .then(distance(a).cmp(&distance(b)))
                .then(a.1.cmp(&b.1))
        });
        let mut hits: Vec<Hit> = Vec::new();
        let mut windows: Vec<Range<usize>> = Vec::new();
        // Places with less than half the votes of the best are not worth an alignment.
        let least = clusters.first().map_or(0, |c| c.0.div_ceil(2));
        for (count, lo, hi) in clusters {
            if hits.len() >= candidates || count < least {
                break;
            }
            let slack = key.len() / 2 + 4;
            let start = (votes[lo] - slack as i64).max(0) as usize;
            let end = ((votes[hi] + n + slack as i64).max(0) as usize).min(self.tokens.len());
            if start >= end || windows.iter().any(|w| w.start < end && start < w.end) {
                continue;
            }
            windows.push(start..end);
            let window: Vec<u64> = self.tokens[start..end].iter().map(|t| t.key).collect();
            let fit = |scoring| -> Option<(f64, Hit)> {
                let mut matched: Vec<usize> = align(key, &window, scoring)
                    .iter()
                    .filter_map(|op| match op {
                        Op::Keep(_, j) => Some(start + j),
                        _ => None,
                    })
                    .collect();
                self.trim_stray(&mut matched);
                let (&first, &last) = (matched.first()?, matched.last()?);
                let similarity = dice(matched.len(), key.len(), last + 1 - first);
                let region = first..last + 1;
                Some((similarity, Hit { region, matched }))
            };
            // A match scores 2 and a stretch word left out 1, then again with the costs
            // that best suit the similarity found (Dinkelbach's method for a ratio).
            let Some((first, hit)) = fit(Scoring::Fit(2, 1)) else {
                continue;
            };
            // Nothing to gain on an exact match, and little on a hopeless one.
            if !(HOPELESS..1.0).contains(&first) {
                hits.push(hit);
                continue;
            }
            let tuned = Scoring::Fit(((2.0 - first) * 1000.0) as i32, (first * 1000.0) as i32);
            match fit(tuned) {
                Some((second, better)) if second > first => hits.push(better),
                _ => hits.push(hit),
            }
        }
        hits
    }

    /// The token range of `unit` with up to [`CONTEXT`] tokens on each side (within its
    /// paragraph, if `paragraph`).
    fn context(&self, unit: &Unit, paragraph: bool) -> (usize, usize) {
        let (Some(&first), Some(&last)) = (unit.tokens.first(), unit.tokens.last()) else {
            return (0, 0);
        };
        let (first, last) = (first as usize, last as usize);
        let mut lo = first;
        let inside = |t: Token| !(paragraph && t.is(PARAGRAPH_END));
        while lo > 0 && first - lo < CONTEXT && inside(self.tokens[lo - 1]) {
            lo -= 1;
        }
        let mut hi = last;
        while hi + 1 < self.tokens.len() && hi - last < CONTEXT && inside(self.tokens[hi]) {
            hi += 1;
        }
        (lo, hi + 1)
    }

    /// The content words (hashed, sorted, distinct) of `range`, except those of `unit`.
    fn content_around(&self, range: Range<usize>, unit: &Unit) -> Vec<u64> {
        let own = unit.tokens.first().zip(unit.tokens.last());
        let mut keys: Vec<u64> = range
            .filter(|&t| own.is_none_or(|(&a, &b)| t < a as usize || t > b as usize))
            .map(|t| self.tokens[t])
            .filter(|t| t.is(CONTENT))
            .map(|t| t.key)
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Hits for `key` inside the places where its `context` aligns, when that agrees on
    /// at least two words more than `key` has.
    fn search_within<'s>(
        &'s self,
        context: &[u64],
        near: usize,
        key: &'s [u64],
    ) -> impl Iterator<Item = Hit> + 's {
        let places = self.search(context, near);
        places.into_iter().filter_map(move |place| {
            if place.matched.len() < key.len() + 2 {
                return None;
            }
            let start = place.region.start.saturating_sub(4);
            let end = (place.region.end + 4).min(self.tokens.len());
            let window: Vec<u64> = self.tokens[start..end].iter().map(|t| t.key).collect();
            let mut matched: Vec<usize> = align(key, &window, Scoring::Fit(2, 1))
                .iter()
                .filter_map(|op| match op {
                    Op::Keep(_, j) => Some(start + j),
                    _ => None,
                })
                .collect();
            self.trim_stray(&mut matched);
            let (&first, &last) = (matched.first()?, matched.last()?);
            Some(Hit {
                region: first..last + 1,
                matched,
            })
        })
    }

    /// Drops a lone match at either end of `matched` that a sentence end parts from the
    /// rest: `the night. Next year we will` is no stretch for `the budget ... next year`.
    fn trim_stray(&self, matched: &mut Vec<usize>) {
        let ends = |range: Range<usize>| self.tokens[range].iter().any(|t| t.is(SENTENCE_END));
        while matched.len() > 1 && ends(matched[0]..matched[1]) {
            matched.remove(0);
        }
        while let [.., before, last] = matched[..] {
            if !ends(before..last) {
                break;
            }
            matched.pop();
        }
    }

    /// What a hit may stand for here: the quoted pieces it lies in; else the bare stretch
    /// and, when the words sought are indirect, the indirect quotation holding it.
    fn counterparts(&self, hit: &Hit, sought_marked: bool) -> Vec<Unit> {
        let in_quotes = hit
            .matched
            .iter()
            .filter(|&&t| self.quoted_of[t] != NONE)
            .count();
        if in_quotes * 2 > hit.matched.len() {
            let pieces: BTreeSet<u32> = hit
                .matched
                .iter()
                .map(|&t| self.quoted_of[t])
                .filter(|&p| p != NONE)
                .collect();
            let mut tokens = Vec::new();
            let mut span: Option<Span> = None;
            for &p in &pieces {
                let (inner, range) = &self.quoted[p as usize];
                tokens.extend(range.clone().map(|t| t as u32));
                span = Some(match span {
                    Some(s) => Span::new(s.start, inner.end),
                    None => *inner,
                });
            }
            let quotation = self.holder(&tokens, 0);
            return vec![Unit {
                tokens,
                // Not empty: `pieces` holds at least one piece.
                span: span.unwrap_or_default(),
                marked: true,
                delimited: true,
                quotation,
            }];
        }
        let region: Vec<u32> = hit.region.clone().map(|t| t as u32).collect();
        let span = Span::new(
            self.tokens[hit.region.start].span.start,
            self.tokens[hit.region.end - 1].span.end,
        );
        let mut units = vec![Unit {
            tokens: region.clone(),
            span,
            marked: false,
            delimited: false,
            quotation: self.holder(&region, region.len().div_ceil(3)),
        }];
        if !sought_marked {
            if let Some(q) = self.holder(&region, region.len().div_ceil(2)) {
                if !self.quotations[q].marked && self.quotations[q].span != span {
                    units.push(self.quotation_unit(q));
                }
            }
        }
        units
    }

    /// The quotation holding the most of `tokens`, if it holds at least `least` (and one).
    fn holder(&self, tokens: &[u32], least: usize) -> Option<usize> {
        let mut counts: Vec<(u32, usize)> = Vec::new();
        for &t in tokens {
            let q = self.quotation_of[t as usize];
            if q == NONE {
                continue;
            }
            match counts.iter_mut().find(|(c, _)| *c == q) {
                Some((_, n)) => *n += 1,
                None => counts.push((q, 1)),
            }
        }
        counts
            .into_iter()
            .filter(|&(_, n)| n >= least.max(1))
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(q, _)| q as usize)
    }

    /// Whether the words `key` occur in this text outside `except`, nearly as they are (in
    /// `Compare`, only in quoted or attributed words: the writer's own are no quotation).
    fn occurs_elsewhere(&self, key: &[u64], except: Span, mode: Mode) -> bool {
        let near = self.tokens.partition_point(|t| t.span.start < except.start);
        self.search(key, near).iter().any(|hit| {
            let span = Span::new(
                self.tokens[hit.region.start].span.start,
                self.tokens[hit.region.end - 1].span.end,
            );
            let words = self.tokens[hit.region.clone()]
                .iter()
                .filter(|t| t.is(WORD))
                .count();
            let similarity = dice(hit.matched.len(), key.len(), words);
            let quoted = hit
                .matched
                .iter()
                .filter(|&&t| self.quoted_of[t] != NONE || self.quotation_of[t] != NONE)
                .count();
            similarity >= STITCH_SIMILARITY
                && !span.overlaps(except)
                && (mode == Mode::Check || quoted * 2 > hit.matched.len())
        })
    }
}

/// Words compared on one side: token indices into that side's [`Version`].
#[derive(Clone, Debug)]
struct Unit {
    tokens: Vec<u32>,
    span: Span,
    marked: bool,
    /// Bounded by marks or by extraction, rather than cut out by the alignment.
    delimited: bool,
    quotation: Option<usize>,
}

/// A place where the words sought align: the token indices matched, and their stretch.
struct Hit {
    region: Range<usize>,
    matched: Vec<usize>,
}

/// What the search for one quotation found.
struct Found {
    counterpart: Option<Unit>,
    judged: Option<Judged>,
}

/// A quotation and a candidate counterpart, weighed.
struct Judged {
    class: Class,
    edits: BTreeSet<Edit>,
    similarity: f64,
    /// Recognisably the same quotation.
    same: bool,
    /// The similarity with words stitched in from elsewhere left aside.
    rank: f64,
    /// Words the two sides have in common.
    common: usize,
    relation: Relation,
    diff: Vec<WordOp>,
}

/// How the speakers of two passages relate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Relation {
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
fn relation(a: Option<&Who>, b: Option<&Who>) -> Relation {
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
fn find(from: &Version, unit: &Unit, target: &Version, mode: Mode, forward: bool) -> Found {
    let from_is_orig = mode == Mode::Compare && forward;
    let key = from.word_keys(&unit.tokens);
    // Versions of a story keep their order: where the words would be if they had kept
    // their share of the way through the text.
    let at = unit.tokens.first().map_or(0, |&t| t as usize);
    let near =
        (at as u128 * target.tokens.len() as u128 / from.tokens.len().max(1) as u128) as usize;
    let mut best: Option<(Unit, Judged)> = None;
    if !key.is_empty() {
        // A few words can occur anywhere: between versions of a story, they must also
        // stand among the same words. Without that, only the same speaker vouches for them.
        let mut hits = target.search(&key, near);
        if mode == Mode::Compare && key.len() < SHORT {
            let (lo, hi) = from.context(unit, true);
            let context = from.word_keys(&(lo as u32..hi as u32).collect::<Vec<_>>());
            hits.extend(target.search_within(&context, near, &key));
        }
        let counterparts = hits
            .iter()
            .flat_map(|hit| target.counterparts(hit, unit.marked));
        for counterpart in counterparts {
            let judged = judge(from, unit, target, &counterpart, from_is_orig, mode);
            // A few common words can be chance: the same speaker or the same surroundings
            // must vouch for them, and a word or two is no evidence of another speaker.
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
    }
    match best.take() {
        Some((u, j)) if j.same || !forward => {
            return Found {
                counterpart: Some(u),
                judged: Some(j),
            }
        }
        Some(found) => best = Some(found),
        // Searched back from OTHER: words or nothing.
        None if !forward => {
            return Found {
                counterpart: None,
                judged: None,
            }
        }
        None => {}
    }
    // A paraphrase: the same speaker on the same substance, else a close passage.
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
        // Shared words on their own may be a speaker's stock phrases: a paraphrase says
        // most of it again, or stands in the same passage.
        let counterpart = target.quotation_unit(index);
        if score >= PARAPHRASE_STRONG || agree(from, unit, target, &counterpart, false) {
            para = Some((score, index));
        }
    }
    if let Some((_, index)) = para {
        let counterpart = target.quotation_unit(index);
        let mut judged = judge(from, unit, target, &counterpart, from_is_orig, mode);
        if !judged.same {
            judged.class = Class::Paraphrased;
            judged.edits.clear();
        }
        return Found {
            counterpart: Some(counterpart),
            judged: Some(judged),
        };
    }
    if let Some((u, mut j)) = best {
        if j.similarity >= PARAPHRASE_TEXT && j.relation != Relation::Different && j.common >= 3 {
            j.class = Class::Paraphrased;
            j.edits.clear();
            return Found {
                counterpart: Some(u),
                judged: Some(j),
            };
        }
    }
    Found {
        counterpart: None,
        judged: None,
    }
}

impl Found {
    /// The pair, with `from` (whose quotation was sought) as base when `from_is_base`.
    fn into_pair(self, from: &Version, unit: &Unit, target: &Version, from_is_base: bool) -> Pair {
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

/// Weighs `unit` (of `from`) against `counterpart` (of `target`).
fn judge(
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

/// `2·common / (a + b)`, 0 for two empty sides.
fn dice(common: usize, a: usize, b: usize) -> f64 {
    if a + b == 0 {
        0.0
    } else {
        (2 * common) as f64 / (a + b) as f64
    }
}

/// The distinct stems (first five letters) of the content words of `tokens`, sorted.
fn content_stems(text: &str, all: &[Token], tokens: &[u32]) -> Vec<u64> {
    let mut stems: Vec<u64> = tokens
        .iter()
        .map(|&t| all[t as usize])
        .filter(|t| t.is(WORD) && !t.is(NUMBER | NEGATOR))
        .filter_map(|t| {
            let word = normalised(&text[t.span.range()]);
            let stop = STOP_WORDS.binary_search(&word.as_str()).is_ok();
            let short = word.chars().count() < 3 || stop;
            (!short).then(|| hash(&word.chars().take(5).collect::<String>()))
        })
        .collect();
    stems.sort_unstable();
    stems.dedup();
    stems
}

/// Words too common to carry the substance of a statement (sorted).
const STOP_WORDS: &[&str] = &[
    "about", "after", "all", "also", "and", "any", "are", "because", "been", "being", "but", "can",
    "could", "did", "does", "for", "from", "had", "has", "have", "her", "here", "hers", "him",
    "his", "how", "into", "its", "just", "more", "most", "much", "our", "ours", "out", "over",
    "own", "said", "say", "says", "she", "should", "some", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "very", "was", "were", "what", "when",
    "where", "which", "who", "whom", "will", "with", "would", "you", "your",
];

/// Number words: a change between them is a changed figure (sorted).
const NUMBER_WORDS: &[&str] = &[
    "billion",
    "dozen",
    "dozens",
    "eight",
    "eighty",
    "eleven",
    "fifty",
    "five",
    "forty",
    "four",
    "half",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "ninety",
    "one",
    "percent",
    "seven",
    "seventy",
    "six",
    "sixty",
    "ten",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "trillion",
    "twelve",
    "twenty",
    "two",
    "zero",
];

/// Words that negate (sorted); any word ending in `n't` does too.
const NEGATORS: &[&str] = &[
    "cannot", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "nowhere",
];

// ---------------------------------------------------------------------------------------
// Tokens

const WORD: u8 = 1;
const ELLIPSIS: u8 = 2;
const NUMBER: u8 = 4;
const NEGATOR: u8 = 8;
const SENTENCE_END: u8 = 16;
const PARAGRAPH_END: u8 = 32;
const CONTENT: u8 = 64;

/// A word or an ellipsis: its normalised form (hashed), where it is, what it is.
#[derive(Clone, Copy, Debug)]
struct Token {
    key: u64,
    span: Span,
    flags: u8,
}

impl Token {
    fn is(self, flags: u8) -> bool {
        self.flags & flags != 0
    }
}

/// FNV-1a: fast, and the same on every run and platform.
fn hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

/// The comparison form of a word: lower case, one apostrophe, no digit-group commas.
fn normalised(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if is_apostrophe(c) {
            out.push('\'');
        } else if c != ',' {
            out.extend(c.to_lowercase());
        }
    }
    out
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s.get(at..).and_then(|rest| rest.chars().next())
}

/// The words and ellipses of `range` of `text`.
///
/// `word = alnum *( alnum / apostrophe alnum / digit ("," / ".") digit )`: `don't`,
/// `Trump’s`, `2,000`, `3.5` are one word each; a hyphen separates (`third-largest` is two).
/// `ellipsis = "…" / 3*"." / ". . ."`; brackets around it are punctuation, so `[…]` is one.
fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let s = &text[range.clone()];
    let mut tokens: Vec<Token> = Vec::new();
    let ellipsis_key = hash("…");
    let mut pos = 0;
    while let Some(c) = char_at(s, pos) {
        let width = c.len_utf8();
        if c == '…' || c == '.' {
            let mut end = pos + width;
            let mut dots = 3;
            if c == '.' {
                dots = 1;
                // `...`, or `. . .` spaced once.
                loop {
                    end += match (char_at(s, end), char_at(s, end + 1)) {
                        (Some('.'), _) => 1,
                        (Some(' '), Some('.')) if dots < 3 => 2,
                        _ => break,
                    };
                    dots += 1;
                }
            }
            if dots >= 3 {
                let span = Span::new(range.start + pos, range.start + end);
                tokens.push(Token {
                    key: ellipsis_key,
                    span,
                    flags: ELLIPSIS,
                });
            }
            pos = end;
            continue;
        }
        if !c.is_alphanumeric() {
            pos += width;
            continue;
        }
        let mut end = pos + width;
        let mut last = c;
        while let Some(d) = char_at(s, end) {
            if d.is_alphanumeric() {
                end += d.len_utf8();
                last = d;
                continue;
            }
            let joins = match char_at(s, end + d.len_utf8()) {
                Some(e) if is_apostrophe(d) => e.is_alphanumeric(),
                Some(e) if d == ',' || d == '.' => last.is_ascii_digit() && e.is_ascii_digit(),
                _ => false,
            };
            if !joins {
                break;
            }
            end += d.len_utf8();
        }
        let word = normalised(&s[pos..end]);
        let mut flags = WORD;
        if word.chars().any(|c| c.is_ascii_digit())
            || NUMBER_WORDS.binary_search(&word.as_str()).is_ok()
        {
            flags |= NUMBER;
        }
        if word.chars().count() >= 3 && STOP_WORDS.binary_search(&word.as_str()).is_err() {
            flags |= CONTENT;
        }
        if word.ends_with("n't") || NEGATORS.binary_search(&word.as_str()).is_ok() {
            flags |= NEGATOR;
        }
        tokens.push(Token {
            key: hash(&word),
            span: Span::new(range.start + pos, range.start + end),
            flags,
        });
        pos = end;
    }
    // Sentence ends: `.`, `?`, `!` or a line break after a word, unless the dot belongs to
    // an abbreviation or an initial ("Mr.", "J.") or the next word starts in lower case.
    for k in 0..tokens.len() {
        let t = tokens[k];
        if !t.is(WORD) {
            continue;
        }
        let next = tokens.get(k + 1).map_or(range.end, |n| n.span.start);
        let gap = &text[t.span.end..next];
        let stop = gap.contains(['.', '?', '!']);
        let lower_next = tokens
            .get(k + 1)
            .and_then(|n| text[n.span.range()].chars().next())
            .is_some_and(char::is_lowercase);
        let word = &text[t.span.range()];
        let abbreviation = gap.starts_with('.')
            && (lexicon().is_abbreviation(&text[t.span.start..t.span.end + 1])
                || (word.chars().count() == 1 && word.chars().all(char::is_uppercase)));
        if gap.contains('\n') {
            tokens[k].flags |= SENTENCE_END | PARAGRAPH_END;
        } else if stop && !lower_next && !abbreviation {
            tokens[k].flags |= SENTENCE_END;
        }
    }
    tokens
}

// ---------------------------------------------------------------------------------------
// Alignment

/// A step of an alignment of `a` with `b`: indices into each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Keep(usize, usize),
    Cut(usize),
    Add(usize),
}

const STOP: u8 = 0;
const DIAG: u8 = 1;
const UP: u8 = 2;
const LEFT: u8 = 3;

/// How [`align`] scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scoring {
    /// A longest common subsequence of the two sides: a word diff.
    Diff,
    /// All of `a` against the best stretch of `b`: a match scores the first number, a word
    /// of `b` inside the stretch left unmatched costs the second, words of `b` before and
    /// after the stretch are free.
    Fit(i32, i32),
}

/// Aligns `a` with `b` by dynamic programming over the tokens (see [`Scoring`]); a fitting
/// alignment's ops cover only the stretch of `b`. Tables larger than [`FULL_CELLS`] are
/// banded around the diagonal, which keeps a pathological quotation linear.
fn align(a: &[u64], b: &[u64], scoring: Scoring) -> Vec<Op> {
    let (n, m) = (a.len(), b.len());
    let (fit, matched, gap) = match scoring {
        Scoring::Diff => (false, 1, 0),
        Scoring::Fit(matched, gap) => (true, matched.max(1), -gap.max(0)),
    };
    let half = if (n + 1) * (m + 1) <= FULL_CELLS {
        m + 1
    } else {
        (FULL_CELLS / (2 * (n + 1))).max(32)
    };
    let centre = |i: usize| {
        if fit {
            i + m.saturating_sub(n) / 2
        } else {
            i * m / n.max(1)
        }
    };
    let lo = |i: usize| centre(i).saturating_sub(half).min(m);
    let hi = |i: usize| (centre(i) + half).min(m);
    const NEG: i32 = i32::MIN / 2;
    // Quotations are many and short: reuse the tables rather than allocate them each time.
    let mut scratch = SCRATCH.take();
    let Scratch {
        ptr,
        row_at,
        prev,
        cur,
    } = &mut scratch;
    ptr.clear();
    row_at.clear();
    prev.clear();
    prev.resize(hi(0) - lo(0) + 1, 0);
    row_at.push(0);
    for j in lo(0)..=hi(0) {
        ptr.push(if fit || j == 0 { STOP } else { LEFT });
    }
    for i in 1..=n {
        let (plo, phi) = (lo(i - 1), hi(i - 1));
        let get = |row: &[i32], j: usize| (plo..=phi).contains(&j).then(|| row[j - plo]);
        let (clo, chi) = (lo(i), hi(i));
        cur.clear();
        row_at.push(ptr.len());
        for j in clo..=chi {
            let mut best = NEG;
            let mut p = STOP;
            if j >= 1 && a[i - 1] == b[j - 1] {
                if let Some(v) = get(prev, j - 1) {
                    best = v + matched;
                    p = DIAG;
                }
            }
            if let Some(v) = get(prev, j) {
                if v > best {
                    best = v;
                    p = UP;
                }
            }
            if j > clo {
                let v = cur[j - 1 - clo] + gap;
                if v > best {
                    best = v;
                    p = LEFT;
                }
            }
            cur.push(best);
            ptr.push(p);
        }
        std::mem::swap(prev, cur);
    }
    let (nlo, nhi) = (lo(n), hi(n));
    let mut j = if fit {
        // The first column with the best score: the stretch ends at its last match.
        let mut at = nlo;
        for k in nlo..=nhi {
            if prev[k - nlo] > prev[at - nlo] {
                at = k;
            }
        }
        at
    } else {
        m
    };
    let mut i = n;
    let mut ops = Vec::with_capacity(n + m);
    loop {
        let p = if (lo(i)..=hi(i)).contains(&j) {
            ptr[row_at[i] + j - lo(i)]
        } else {
            STOP
        };
        match p {
            DIAG => {
                ops.push(Op::Keep(i - 1, j - 1));
                i -= 1;
                j -= 1;
            }
            UP => {
                ops.push(Op::Cut(i - 1));
                i -= 1;
            }
            LEFT => {
                ops.push(Op::Add(j - 1));
                j -= 1;
            }
            _ => break,
        }
    }
    ops.extend((0..i).rev().map(Op::Cut));
    if !fit {
        ops.extend((0..j).rev().map(Op::Add));
    }
    // Keep the tables for the next call, unless a huge quotation made them huge.
    if scratch.ptr.capacity() <= SCRATCH_KEPT {
        SCRATCH.set(scratch);
    }
    ops.reverse();
    ops
}

/// The tables of [`align`], kept between calls on each thread.
#[derive(Default)]
struct Scratch {
    ptr: Vec<u8>,
    row_at: Vec<usize>,
    prev: Vec<i32>,
    cur: Vec<i32>,
}

/// Tables larger than this many cells are freed after use.
const SCRATCH_KEPT: usize = 1 << 20;

thread_local! {
    static SCRATCH: std::cell::Cell<Scratch> = std::cell::Cell::new(Scratch::default());
}

/// The same ops with every hunk's cuts before its additions, as a diff reads best.
fn tidy(mut ops: Vec<Op>) -> Vec<Op> {
    let mut at = 0;
    while at < ops.len() {
        let start = at;
        while at < ops.len() && !matches!(ops[at], Op::Keep(..)) {
            at += 1;
        }
        ops[start..at].sort_by_key(|op| match op {
            Op::Cut(i) => (0, *i),
            Op::Add(j) => (1, *j),
            Op::Keep(..) => (2, 0),
        });
        at += 1;
    }
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0..text.len())
            .iter()
            .map(|t| &text[t.span.range()])
            .collect()
    }

    #[test]
    fn tokens_fold_punctuation_and_keep_numbers_and_ellipses() {
        let cases: [(&str, &[&str]); 6] = [
            ("“We don’t,” she said.", &["We", "don’t", "she", "said"]),
            (
                "about 2,000 troops, 3.5 each",
                &["about", "2,000", "troops", "3.5", "each"],
            ),
            ("a crisis... and", &["a", "crisis", "...", "and"]),
            ("cut […] here", &["cut", "…", "here"]),
            ("third-largest city", &["third", "largest", "city"]),
            ("one . . . two", &["one", ". . .", "two"]),
        ];
        for (text, expected) in cases {
            assert_eq!(words(text), expected, "{text}");
        }
    }

    #[test]
    fn token_keys_ignore_case_and_apostrophe_style() {
        let t = |s: &str| tokenize(s, 0..s.len())[0].key;
        assert_eq!(t("Don’t"), t("don't"));
        assert_eq!(t("2,000"), t("2000"));
        assert_ne!(t("2,000"), t("20,000"));
    }

    #[test]
    fn token_flags() {
        let text = "Mr. Lee did not pay 20 dollars. Nobody won't.";
        let toks = tokenize(text, 0..text.len());
        let flag = |w: &str, f: u8| {
            toks.iter()
                .find(|t| &text[t.span.range()] == w)
                .is_some_and(|t| t.is(f))
        };
        assert!(!flag("Mr", SENTENCE_END), "abbreviation");
        assert!(flag("dollars", SENTENCE_END));
        assert!(flag("not", NEGATOR) && flag("won't", NEGATOR) && flag("Nobody", NEGATOR));
        assert!(flag("20", NUMBER) && !flag("pay", NUMBER));
    }

    fn keys(s: &str) -> Vec<u64> {
        s.split(' ').map(hash).collect()
    }

    #[test]
    fn global_alignment_is_a_longest_common_subsequence() {
        let ops = align(&keys("a b c d"), &keys("a x c d e"), Scoring::Diff);
        use Op::*;
        assert_eq!(
            tidy(ops),
            [Keep(0, 0), Cut(1), Add(1), Keep(2, 2), Keep(3, 3), Add(4)]
        );
    }

    #[test]
    fn fitting_alignment_finds_the_stretch() {
        let ops = align(&keys("c d x e"), &keys("a b c d e f g"), Scoring::Fit(2, 1));
        use Op::*;
        assert_eq!(ops, [Keep(0, 2), Keep(1, 3), Cut(2), Keep(3, 4)]);
    }

    #[test]
    fn fitting_alignment_does_not_bridge_long_gaps() {
        let b = "x y z a b q q q q q q q q c d e";
        let ops = align(&keys("a b c d e"), &keys(b), Scoring::Fit(2, 1));
        let kept: Vec<usize> = ops
            .iter()
            .filter_map(|op| match op {
                Op::Keep(_, j) => Some(*j),
                _ => None,
            })
            .collect();
        assert_eq!(kept, [13, 14, 15]);
    }

    #[test]
    fn banded_alignment_of_a_long_quotation_stays_exact_on_the_diagonal() {
        let a: Vec<u64> = (0..5000).map(|i| i % 97).collect();
        let mut b = a.clone();
        b[2500] = 1000;
        let ops = align(&a, &b, Scoring::Diff);
        let kept = ops.iter().filter(|op| matches!(op, Op::Keep(..))).count();
        assert_eq!(kept, 4999);
    }

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

    #[test]
    fn word_lists_are_sorted() {
        for list in [STOP_WORDS, NUMBER_WORDS, NEGATORS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }
}
