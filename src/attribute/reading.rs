//! One sentence read against the document so far: the context every rule works in.
//!
//! [`State`] is what outlives a sentence: the rows found so far and the counter that numbers
//! groups (the pieces of one quotation share a number). [`Reading`] is one sentence:
//! the text, the sentence's tokens, its paragraph, and which tokens a rule has claimed. The
//! rules are methods on it (in `before`, `after` and `standalone`), so each takes only what
//! varies between calls: a cue, a content range, a group.
//!
//! The rules run in a fixed order — each cue claims backwards, else forwards; then
//! participles, passive characterisations, dash signatures; last the quotations no rule
//! claimed — and a claimed token is never content again, so an earlier rule wins. Every row
//! goes through [`Reading::push_content`], which sets its kind (one quotation is `direct`,
//! quotations among other words `mixed`, none `indirect`) and names its rule from the
//! direction of the claim and the cue's own rule: `“No,” said Mr. Smith.` claims backwards
//! onto a quotation with a `verb-speaker` cue, so its row is `quote-verb-speaker`.

use super::content::{looks_like_title, quote_inner, starts_clause};
use super::{RawAttribution, Source};
use crate::attribution::{QuoteKind, Rule};
use crate::cues::{Cue, CueRule};
use crate::lexicon::VerbClass;
use crate::segment::{Tok, TokKind};
use crate::span::Span;
use std::ops::Range;

/// What the reading of a document keeps from one sentence to the next: the rows found so
/// far, and the counter that numbers groups.
#[derive(Default)]
pub(super) struct State {
    pub(super) out: Vec<RawAttribution>,
    groups: usize,
}

impl State {
    pub(super) fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    pub(super) fn push(&mut self, row: RawAttribution) {
        self.out.push(row);
    }
}

/// One sentence being read: the context the rules share.
pub(super) struct Reading<'a, 's> {
    pub(super) state: &'s mut State,
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
    /// Tokens some rule has taken, as content or as cue: no later rule takes them again.
    pub(super) claimed: Vec<bool>,
    pub(super) para: usize,
}

impl<'a, 's> Reading<'a, 's> {
    pub(super) fn new(state: &'s mut State, text: &'a str, toks: &'a [Tok], para: usize) -> Self {
        Reading {
            state,
            text,
            toks,
            claimed: vec![false; toks.len()],
            para,
        }
    }

    /// Runs every rule over the sentence and its `cues`. `next` is the sentence after it,
    /// which may be a bare cue (`Johnson said.`) naming who spoke a quotation standing alone
    /// in this one.
    pub(super) fn read(mut self, cues: &[Cue], next: Option<&[Tok]>) {
        let (text, toks) = (self.text, self.toks);
        let mut prev_cue: Option<Cue> = None;
        for (c, cue) in cues.iter().enumerate() {
            let next_cue = next_clause(text, toks, cue, &cues[c + 1..]);
            if !self.claim_before(cue, prev_cue.as_ref(), next_cue.as_ref()) {
                self.claim_after(cue, next_cue.as_ref());
            }
            prev_cue = Some(*cue);
        }
        self.participles(cues);
        self.passive_characterisation();
        self.dash_speakers();
        self.unclaimed_quotes(next);
    }

    pub(super) fn is_claimed(&self, r: Range<usize>) -> bool {
        self.claimed[r].iter().any(|&c| c)
    }

    pub(super) fn mark(&mut self, r: Range<usize>) {
        for c in &mut self.claimed[r] {
            *c = true;
        }
    }

    /// Claims the tokens `content` for `cue`'s speaker and pushes them as a row of `group`,
    /// unless they hold no words or only a title. `claim` says how the cue reached the
    /// content, and names the rule with the cue's own.
    pub(super) fn push_content(
        &mut self,
        content: Range<usize>,
        cue: &Cue,
        claim: Claim,
        group: usize,
    ) {
        let text = self.text;
        // Content never starts with the punctuation that set it off: `told CBS that, should …`.
        let mut from = content.start;
        while from + 1 < content.end
            && matches!(
                self.toks[from].kind,
                TokKind::Comma | TokKind::Colon | TokKind::Dash
            )
        {
            from += 1;
        }
        let (quote, kind) = content_span(text, &self.toks[from..content.end]);
        self.mark(content);
        if quote.is_empty() || kind == QuoteKind::Direct && looks_like_title(&text[quote.range()]) {
            return;
        }
        let rule = if cue.class == VerbClass::Belief && kind == QuoteKind::Indirect {
            Rule::Belief
        } else {
            rule_of(claim, cue.rule)
        };
        let row = RawAttribution {
            quote,
            kind,
            source: Source::Named(cue.speaker.into()),
            cue: Some(cue.span),
            rule,
            group,
            para: self.para,
            chain: None,
        };
        self.state.push(row);
    }
}

/// The words of `content` and their kind: one quotation token is direct (its marks left
/// out); quotations among other words are mixed; words alone are indirect.
fn content_span(text: &str, content: &[Tok]) -> (Span, QuoteKind) {
    match content {
        [Tok {
            kind: TokKind::Quote(_),
            span,
            ..
        }] => (quote_inner(text, *span), QuoteKind::Direct),
        _ => {
            let span = Span::new(content[0].span.start, content[content.len() - 1].span.end);
            let kind = if content.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
                QuoteKind::Mixed
            } else {
                QuoteKind::Indirect
            };
            (span, kind)
        }
    }
}

/// How a cue reached its content: the first half of a row's [`Rule`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Claim {
    /// Backwards onto the quotation right before the cue (or right after, as its second piece).
    Quote,
    /// Backwards onto the clause before the cue.
    Clause,
    /// Forwards onto what the cue introduces.
    After,
    /// The piece after a cue that stands inside its content.
    Interposed,
}

/// The rule of a row claimed by `claim` with a cue read by `cue`.
fn rule_of(claim: Claim, cue: CueRule) -> Rule {
    match (claim, cue) {
        // These cues claim in one direction only, and name their rule alone.
        (_, CueRule::Participle) => Rule::Participle,
        (_, CueRule::Passive) => Rule::Passive,
        (Claim::Interposed, _) => Rule::Interposed,
        (Claim::Quote, CueRule::SpeakerVerb) => Rule::QuoteSpeakerVerb,
        (Claim::Quote, CueRule::SpeakerAppositionVerb) => Rule::QuoteSpeakerAppositionVerb,
        (Claim::Quote, CueRule::VerbSpeaker) => Rule::QuoteVerbSpeaker,
        (Claim::Quote, CueRule::AccordingTo) => Rule::QuoteAccordingTo,
        (Claim::Quote, CueRule::DashSpeaker) => Rule::QuoteDashSpeaker,
        (Claim::Quote, _) => Rule::QuoteCue,
        (Claim::Clause, CueRule::SpeakerVerb) => Rule::ClauseSpeakerVerb,
        (Claim::Clause, CueRule::SpeakerAppositionVerb) => Rule::ClauseSpeakerAppositionVerb,
        (Claim::Clause, CueRule::VerbSpeaker) => Rule::ClauseVerbSpeaker,
        (Claim::Clause, CueRule::AccordingTo) => Rule::ClauseAccordingTo,
        (Claim::Clause, _) => Rule::ClauseCue,
        (Claim::After, CueRule::AccordingTo) => Rule::AccordingTo,
        (Claim::After, CueRule::SpeakerAppositionVerb) => Rule::SpeakerAppositionVerbContent,
        (Claim::After, CueRule::VerbSpeaker) => Rule::VerbSpeakerContent,
        (Claim::After, _) => Rule::SpeakerVerbContent,
    }
}

/// The next cue that opens a clause of its own, as `cue` sees it: content runs up to it.
/// A cue whose speaker stands before `cue` (`Leenders, who estimated that X, said Y`) opens
/// its clause at the comma before its verb.
fn next_clause(text: &str, toks: &[Tok], cue: &Cue, later: &[Cue]) -> Option<Cue> {
    later.iter().find_map(|n| {
        if n.start > cue.verb && starts_clause(text, toks, n.start) {
            return Some(*n);
        }
        let comma = n.verb.checked_sub(1)?;
        (n.start <= cue.verb && comma > cue.verb && toks[comma].kind == TokKind::Comma)
            .then_some(n.opening_at(comma))
    })
}
