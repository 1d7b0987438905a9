//! Quotations and cues become attributions: who said which words, and by which rule.
//!
//! Each sentence's cues (see [`crate::cues`]) claim content in one of three directions:
//!
//! - **backwards onto a quotation**: `“Q,” X said` / `“Q,” said X` / `“Q” — X` claim the
//!   quotation right before them (`quote-…` rules), and a second quotation right after
//!   (`“Q1,” she said, “Q2.”`) as a second piece of the same attribution;
//! - **backwards onto a clause**: `CLAUSE, X said.` at the end of a sentence (`clause-…`);
//! - **forwards**: `X said (that) CONTENT` and `X told Y: CONTENT` take the rest of the
//!   sentence (`…-content`), stopping before a later cue or a participle (`, adding …`).
//!
//! Content that is one quotation is `direct`; content holding quotations among the writer's
//! words is `mixed`; content without quote marks is `indirect`. A quotation no cue claims is
//! kept only when it stands as a sentence of its own: it continues the last speaker
//! (`continuation`) or takes the speaker of a bare cue sentence after it. Quoted words inside
//! a sentence with no cue are scare quotes, terms or titles, and make no row.
//!
//! The rules live in submodules, one concept each: `reading` holds the sentence being read
//! and what the document remembers between sentences; `before`, `after` and `standalone`
//! are the rules for content before its speaker, after it, and quotations with none;
//! `content` decides where content begins and ends; `transcript` reads `NAME: words`
//! paragraphs.

mod after;
mod before;
mod content;
mod headline;
mod reading;
mod standalone;
mod transcript;

use crate::cues::{Case, Mention};
use crate::document::paragraphs;
use crate::quotes::{quotes_in, QuotedSpan};
use crate::segment::{sentences, tokenize};
use crate::span::Span;
use crate::{QuoteKind, Rule};
use reading::{Reading, State};
use std::ops::Range;

/// An attribution before its speaker is resolved to a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawAttribution {
    pub quote: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Mention>,
    pub cue: Option<Span>,
    pub rule: Rule,
    /// Pieces of one quotation share this number.
    pub group: usize,
}

/// All attributions of `range` in `text`, speakers still as mentions.
pub fn attribute(text: &str, range: Range<usize>) -> Vec<RawAttribution> {
    let paras = paragraphs(text, range);
    let quotes = quotes_in(text, &paras);
    let labels = transcript::transcript_labels(text, &paras, &quotes);
    let mut state = State::default();
    for (p, para) in paras.into_iter().enumerate() {
        if let Some(turn) = labels.get(&para.start) {
            let group = state.new_group();
            state.push(turn.attribution(group), p);
            continue;
        }
        let headline = headline::is_headline(text, para, p);
        if headline {
            let group = state.new_group();
            if let Some(row) = headline::labelled(text, para, &quotes, group) {
                state.push(row, p);
                continue;
            }
        }
        let case = if headline {
            headline::case_of(text, para)
        } else {
            Case::Sentence
        };
        let toks = tokenize(text, para.range(), &quotes);
        let spans = bounded(sentences(text, &toks));
        for (k, r) in spans.iter().enumerate() {
            // A quotation alone in its sentence may take its speaker from the next one.
            let next = spans.get(k + 1).map(|n| &toks[n.clone()]);
            Reading::new(&mut state, text, &toks[r.clone()], p)
                .in_case(case)
                .read(next);
        }
    }
    link_continued_pieces(&quotes, &mut state.out);
    state.out
}

/// The longest run of tokens read as one sentence. Real sentences stay far below it; a
/// paragraph without a full stop is read in windows of it, so every rule runs in time
/// linear in the paragraph.
const MAX_SENTENCE_TOKENS: usize = 400;

fn bounded(sentences: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(sentences.len());
    for r in sentences {
        let mut start = r.start;
        while r.end - start > MAX_SENTENCE_TOKENS {
            out.push(start..start + MAX_SENTENCE_TOKENS);
            start += MAX_SENTENCE_TOKENS;
        }
        out.push(start..r.end);
    }
    out
}

/// The pieces of a multi-paragraph quotation share the attribution of its first
/// attributed piece; pieces without a cue take its speaker.
fn link_continued_pieces(quotes: &[QuotedSpan], rows: &mut [RawAttribution]) {
    let mut chain_start = 0;
    for (i, q) in quotes.iter().enumerate() {
        if !q.continuation {
            chain_start = i;
        }
        if q.continues || !q.continuation || i == chain_start {
            continue;
        }
        let chain: Vec<Span> = quotes[chain_start..=i].iter().map(|q| q.outer).collect();
        let in_chain = |r: &RawAttribution| chain.iter().any(|o| o.contains(r.quote));
        let Some(src) = rows
            .iter()
            .filter(|r| in_chain(r) && r.rule != Rule::Continuation)
            .map(|r| (r.speaker, r.group, r.cue))
            .next_back()
        else {
            continue;
        };
        for r in rows.iter_mut().filter(|r| in_chain(r)) {
            if r.rule == Rule::Continuation {
                r.speaker = src.0;
            }
            r.group = src.1;
        }
    }
}
