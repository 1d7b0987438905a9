//! Quotations no cue claimed: kept only when they stand as a sentence of their own.
//!
//! A quotation alone in its sentence is speech, and someone nearby spoke it: the speaker of
//! a bare cue sentence right after it (`“We will win.” Johnson said.`, rule
//! `quote-then-cue-sentence`), else whoever spoke last (`continuation`: which speaker, and
//! whether they spoke near enough, [`crate::speakers`] settles). A quotation among the
//! writer's words with no cue is a scare quote, a term or a title, and makes no row; so is a
//! standalone quotation of fewer than three words or of a few capitalised ones
//! (`“Face the Nation.”`).

use super::content::{cue_words_end, looks_like_title, quote_inner};
use super::reading::Reading;
use super::{RawAttribution, Source};
use crate::attribution::{QuoteKind, Rule};
use crate::cues::{clause_subject, find_cues, Case, Cue};
use crate::lexicon::VerbClass;
use crate::segment::{Tok, TokKind};
use crate::span::Span;

impl Reading<'_, '_> {
    /// Quotations no cue claimed: kept when they stand as a sentence of their own.
    pub(super) fn unclaimed_quotes(&mut self, next: Option<&[Tok]>) {
        let (text, toks) = (self.text, self.toks);
        if !only_quotes(toks) {
            self.colon_lead_in();
            return;
        }
        for (i, tok) in toks.iter().enumerate() {
            if self.claimed[i] || !matches!(tok.kind, TokKind::Quote(_)) {
                continue;
            }
            let quote = quote_inner(text, tok.span);
            if quote.is_empty()
                || !quote_is_speech(text, quote)
                || looks_like_title(&text[quote.range()])
            {
                continue;
            }
            let (source, cue, rule) = match next.and_then(|n| bare_cue(text, n)) {
                Some(cue) => (
                    Source::Named(cue.speaker.into()),
                    Some(cue.span),
                    Rule::QuoteThenCueSentence,
                ),
                // Who goes on speaking is the speakers' to settle.
                None => (Source::ContinuesLast, None, Rule::Continuation),
            };
            let row = RawAttribution {
                quote,
                kind: QuoteKind::Direct,
                source,
                cue,
                rule,
                group: self.state.new_group(),
                para: self.para,
                chain: None,
            };
            self.state.push(row);
        }
    }
}

impl Reading<'_, '_> {
    /// `Her colleague, nurse Luis Ortega, put it more bluntly: “We are drowning.”`: a
    /// quotation that ends its sentence after a colon is the words of the name that opens the
    /// lead-in, whatever its verb (rule `colon-lead-in`).
    fn colon_lead_in(&mut self) {
        let (text, toks) = (self.text, self.toks);
        let Some(q) = toks
            .iter()
            .rposition(|t| matches!(t.kind, TokKind::Quote(_)))
        else {
            return;
        };
        let after_colon = q > 0 && toks[q - 1].kind == TokKind::Colon;
        let ends = toks[q + 1..].iter().all(|t| t.kind == TokKind::Terminal);
        if !after_colon || !ends || self.claimed[q] || q > 20 {
            return;
        }
        let quote = quote_inner(text, toks[q].span);
        if quote.is_empty()
            || !quote_is_speech(text, quote)
            || looks_like_title(&text[quote.range()])
        {
            return;
        }
        let Some(speaker) = clause_subject(text, toks, q - 1) else {
            return;
        };
        let group = self.state.new_group();
        let row = RawAttribution {
            quote,
            kind: QuoteKind::Direct,
            source: Source::Named(speaker.into()),
            cue: Some(toks[q - 1].span),
            rule: Rule::ColonLeadIn,
            group,
            para: self.para,
            chain: None,
        };
        self.mark(q..q + 1);
        self.state.push(row);
    }
}

/// A sentence of quotations and punctuation only, no words of the writer's.
fn only_quotes(toks: &[Tok]) -> bool {
    toks.iter().all(|t| {
        matches!(
            t.kind,
            TokKind::Quote(_)
                | TokKind::Terminal
                | TokKind::Comma
                | TokKind::Dash
                | TokKind::CloseParen
                | TokKind::OpenParen
        )
    })
}

/// A sentence that is only a cue: `Johnson said.`, `said the mayor.`
fn bare_cue(text: &str, toks: &[Tok]) -> Option<Cue> {
    let cues = find_cues(text, toks, Case::Sentence);
    let cue = cues.first()?;
    let end = cue_words_end(cue);
    let start = cue.start;
    let tail_ok = toks[end..]
        .iter()
        .all(|t| matches!(t.kind, TokKind::Terminal));
    (start == 0 && tail_ok && cue.class != VerbClass::Belief).then_some(*cue)
}

/// A quotation of a few capitalised words or under two words is a title or a term.
fn quote_is_speech(text: &str, quote: Span) -> bool {
    text[quote.range()].split_whitespace().nth(2).is_some()
}
