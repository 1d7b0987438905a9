//! A document prepared for comparison, and the search for words in it.
//!
//! [`Version::new`] tokenises the document's body once ([`tokenize`]), indexes where each
//! word occurs, finds its quoted pieces, and groups its attributions into quotations (the
//! pieces of one quotation split by its cue join into one). A version is then searched many
//! times, once for every quotation of every other version: [`Version::search`] lets the
//! rare words sought vote for places, aligns the best few ([`align()`]), and
//! [`Version::counterparts`] turns a hit into what it may stand for: the quoted pieces it
//! lies in, or the bare stretch of text (with the indirect quotation holding it).
//!
//! Token indices are `u32`s into `tokens`; for each token, `quoted_of` and `quotation_of`
//! name the quoted piece and the quotation holding it, or [`NONE`]. Every span indexes the
//! document's own text.

use super::align::{align, Op, Scoring};
use super::speaker::Who;
use super::tokens::{content_stems, tokenize, Token, CONTENT, PARAGRAPH_END, SENTENCE_END, WORD};
use super::*;
use crate::attribution::{Attribution, QuoteKind};
use crate::document::Document;
use crate::quotes::find_quotes;
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

const NONE: u32 = u32::MAX;

/// One document prepared for comparison: its tokens, where each word occurs, its quoted
/// pieces and its quotations. Build once per document and compare it with many others.
pub struct Version<'a> {
    doc: &'a Document,
    pub(super) tokens: Vec<Token>,
    postings: HashMap<u64, Vec<u32>>,
    /// Token ranges (and inner spans) of the quoted pieces, in order.
    quoted: Vec<(Span, Range<usize>)>,
    /// For each token, the quoted piece holding it, or [`NONE`].
    quoted_of: Vec<u32>,
    pub(super) quotations: Vec<Quotation>,
    /// For each token, the quotation whose extracted span holds it, or [`NONE`].
    quotation_of: Vec<u32>,
    /// The quotations of each speaker name: the first one's index, then all of them.
    pub(super) speakers: Vec<(usize, Vec<usize>)>,
}

/// Consecutive attribution pieces with the same id and both marked or both unmarked: a
/// quotation split by its cue (`“A,” she said, “B.”`) is compared as one.
pub(super) struct Quotation {
    /// What is shown: from the first compared piece to the last one, except that a mixed
    /// quotation of several quoted pieces shows all of its extracted words.
    pub(super) span: Span,
    /// The token indices compared: the quoted words of a mixed piece, every word otherwise.
    tokens: Vec<u32>,
    marked: bool,
    pub(super) speaker: Who,
    /// The stems of its content words, sorted (see [`content_stems`]).
    pub(super) stems: Vec<u64>,
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

    pub(super) fn quotation_unit(&self, index: usize) -> Unit {
        let q = &self.quotations[index];
        Unit {
            tokens: q.tokens.clone(),
            span: q.span,
            marked: q.marked,
            delimited: true,
            quotation: Some(index),
        }
    }

    pub(super) fn side(&self, unit: &Unit) -> Side {
        Side {
            span: unit.span,
            speaker: self.who(unit).map_or(String::new(), |w| w.name.clone()),
            marked: unit.marked,
        }
    }

    pub(super) fn who(&self, unit: &Unit) -> Option<&Who> {
        unit.quotation.map(|q| &self.quotations[q].speaker)
    }

    pub(super) fn word_keys(&self, tokens: &[u32]) -> Vec<u64> {
        tokens
            .iter()
            .map(|&t| self.tokens[t as usize])
            .filter(|t| t.is(WORD))
            .map(|t| t.key)
            .collect()
    }

    /// Marks every quotation whose extracted span overlaps `span` as accounted for.
    pub(super) fn claim(&self, span: Span, claimed: &mut [bool]) {
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
    pub(super) fn search(&self, key: &[u64], near: usize) -> Vec<Hit> {
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
            let fit = |scoring| {
                let hit = self.fit(key, start..end, scoring)?;
                Some((dice(hit.matched.len(), key.len(), hit.region.len()), hit))
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
    pub(super) fn context(&self, unit: &Unit, paragraph: bool) -> (usize, usize) {
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
    pub(super) fn content_around(&self, range: Range<usize>, unit: &Unit) -> Vec<u64> {
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
    pub(super) fn search_within<'s>(
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
            self.fit(key, start..end, Scoring::Fit(2, 1))
        })
    }

    /// Where the words `key` fit in the tokens `window` (a fitting alignment, see
    /// [`Scoring::Fit`]), stray matches at the ends dropped; `None` when nothing matches.
    fn fit(&self, key: &[u64], window: Range<usize>, scoring: Scoring) -> Option<Hit> {
        let start = window.start;
        let keys: Vec<u64> = self.tokens[window].iter().map(|t| t.key).collect();
        let mut matched: Vec<usize> = align(key, &keys, scoring)
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
    pub(super) fn counterparts(&self, hit: &Hit, sought_marked: bool) -> Vec<Unit> {
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
        let span = self.span_of(&hit.region);
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

    /// The text the tokens `region` (not empty) stretch over.
    fn span_of(&self, region: &Range<usize>) -> Span {
        Span::new(
            self.tokens[region.start].span.start,
            self.tokens[region.end - 1].span.end,
        )
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
    pub(super) fn occurs_elsewhere(&self, key: &[u64], except: Span, mode: Mode) -> bool {
        let near = self.tokens.partition_point(|t| t.span.start < except.start);
        self.search(key, near).iter().any(|hit| {
            let span = self.span_of(&hit.region);
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
pub(super) struct Unit {
    pub(super) tokens: Vec<u32>,
    pub(super) span: Span,
    pub(super) marked: bool,
    /// Bounded by marks or by extraction, rather than cut out by the alignment.
    pub(super) delimited: bool,
    pub(super) quotation: Option<usize>,
}

/// A place where the words sought align: the token indices matched, and their stretch.
pub(super) struct Hit {
    region: Range<usize>,
    matched: Vec<usize>,
}
