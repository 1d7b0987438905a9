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
//! Attribution claims content and records what the text says of its speaker, no more: the
//! words that name them ([`Source::Named`]), that the row goes on from whoever spoke last
//! ([`Source::ContinuesLast`]), and which multi-paragraph quotation a row is a piece of
//! ([`RawAttribution::chain`]). [`crate::speakers`] alone turns those facts into a speaker.
//!
//! [`Claims`] is driven by the pipeline in [`crate::Extractor::extract`]: a paragraph at a
//! time ([`Claims::paragraph`]: transcript turns and headline labels claim it whole), then a
//! sentence at a time with its cues ([`Claims::sentence`]).
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

use crate::attribution::{QuoteKind, Rule};
use crate::cues::{Case, Cue, Mention, MentionKind};
use crate::quotes::QuotedSpan;
use crate::segment::Tok;
use crate::span::Span;
use reading::{Reading, State};
use std::collections::HashMap;
use transcript::Turn;

/// The words that name a speaker, wherever in the document they stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeakerMention {
    pub span: Span,
    pub kind: MentionKind,
    /// The words between commas after a name (`a Democrat`), if any.
    pub apposition: Option<Span>,
}

impl From<Mention> for SpeakerMention {
    fn from(m: Mention) -> Self {
        SpeakerMention {
            span: m.span,
            kind: m.kind,
            apposition: m.apposition,
        }
    }
}

/// What the text says of who speaks a row's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// Words of the text name the speaker: a name, a description or a pronoun.
    Named(SpeakerMention),
    /// A quotation standing alone, no cue near it: whoever spoke last goes on, if they
    /// spoke in this paragraph or the one before.
    ContinuesLast,
}

/// An attribution before its speaker is settled and resolved to a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawAttribution {
    pub quote: Span,
    pub kind: QuoteKind,
    pub source: Source,
    pub cue: Option<Span>,
    pub rule: Rule,
    /// Pieces of one quotation share this number.
    pub group: usize,
    /// The index of the paragraph the row was read in.
    pub para: usize,
    /// The multi-paragraph quotation the row is a piece of: the index of its first piece
    /// among the document's quotations.
    pub chain: Option<usize>,
}

/// The rows of one document as its paragraphs and sentences are read, in reading order.
pub struct Claims<'a> {
    text: &'a str,
    quotes: &'a [QuotedSpan],
    turns: HashMap<usize, Turn>,
    state: State,
}

impl<'a> Claims<'a> {
    /// Ready to read `paras` of `text`, whose quotations are `quotes`.
    pub fn new(text: &'a str, paras: &[Span], quotes: &'a [QuotedSpan]) -> Self {
        Claims {
            text,
            quotes,
            turns: transcript::transcript_labels(text, paras, quotes),
            state: State::default(),
        }
    }

    /// Claims the `p`-th paragraph whole when it is a transcript turn or a labelled
    /// headline; otherwise says how its sentences capitalise, for the cues to be read in.
    pub fn paragraph(&mut self, p: usize, para: Span) -> Option<Case> {
        let text = self.text;
        if let Some(turn) = self.turns.get(&para.start) {
            let group = self.state.new_group();
            self.state.push(turn.attribution(group, p));
            return None;
        }
        if !headline::is_headline(text, para, p) {
            return Some(Case::Sentence);
        }
        let group = self.state.new_group();
        match headline::labelled(text, para, self.quotes, group, p) {
            Some(row) => {
                self.state.push(row);
                None
            }
            None => Some(headline::case_of(text, para)),
        }
    }

    /// Claims what the `cues` of a sentence of paragraph `p` attribute. `next` is the
    /// sentence after it, which may be a bare cue (`Johnson said.`) naming who spoke a
    /// quotation standing alone in this one.
    pub fn sentence(&mut self, p: usize, toks: &[Tok], cues: &[Cue], next: Option<&[Tok]>) {
        Reading::new(&mut self.state, self.text, toks, p).read(cues, next);
    }

    /// Every row, in reading order, each marked with the multi-paragraph quotation it is a
    /// piece of.
    pub fn finish(self) -> Vec<RawAttribution> {
        let mut rows = self.state.out;
        mark_chains(self.quotes, &mut rows);
        rows
    }
}

/// Marks the rows inside each quotation that runs over several paragraphs with the index
/// of the quotation's first piece.
fn mark_chains(quotes: &[QuotedSpan], rows: &mut [RawAttribution]) {
    let mut chain_start = 0;
    for (i, q) in quotes.iter().enumerate() {
        if !q.continuation {
            chain_start = i;
        }
        if q.continues || !q.continuation || i == chain_start {
            continue;
        }
        let chain = &quotes[chain_start..=i];
        for r in rows.iter_mut() {
            if chain.iter().any(|q| q.outer.contains(r.quote)) {
                r.chain = Some(chain_start);
            }
        }
    }
}
