//! Content before its speaker: the quotation or clause a cue looks back on.
//!
//! A cue after its content is the commonest attribution in news: `“Q,” X said`,
//! `“Q,” said X`, `CLAUSE, X said.` The cue takes what lies between the previous cue and
//! itself, but only when it closes its sentence (a time or place may follow: `…, she said on
//! Monday.`) or stands right after a quotation; then a quotation right after the cue is a
//! second piece of the same attribution (`“Q1,” she said, “Q2.”`). A cue between commas in
//! the middle of a sentence splits one attribution in two (`The museum, Mr. Obama said,
//! would …`).
//!
//! Two rules find a speaker without a reporting verb in front of the content: a name after
//! a closing dash signs a quotation (`“Q” — Jane Doe`), and a passive characterisation names
//! its speaker after `by` (`A has been described as B by X`).

use super::content::{
    cue_end, cue_words_end, opens_adjunct, participle_start, piece_after_cue, quote_after_cue,
    skip_apposition, starts_badly, tail_is_adjunct, trim_clause_start, words_before_quote,
};
use super::reading::{Claim, Reading};
use crate::attribution::QuoteKind;
use crate::cues::{dash_cue, passive_cue, widen_to_quote, Cue};
use crate::segment::{Tok, TokKind};
use std::ops::Range;

impl Reading<'_, '_> {
    /// `“Q,” X said` and `CLAUSE, X said.`: content before the cue's speaker or verb.
    pub(super) fn claim_before(
        &mut self,
        cue: &Cue,
        prev: Option<&Cue>,
        later: Option<&Cue>,
    ) -> bool {
        let (text, toks) = (self.text, self.toks);
        let widened = widen_to_quote(text, toks, cue);
        let cue = &widened;
        let cue_end = cue_end(toks, cue);
        let Some(content) = self.content_before(cue, prev) else {
            return false;
        };
        let j = content.end;
        // The cue must close its sentence or hand over to a quotation: `, she said, “Q2.”`
        let closes = tail_is_adjunct(text, toks, cue_end);
        let quote_before = (content.start..j)
            .rev()
            .find(|&i| matches!(toks[i].kind, TokKind::Quote(_)));
        let quote_just_before = quote_before.is_some_and(|q| q + 2 >= j);
        if !closes && !quote_just_before {
            return self.interposed_cue(cue, content, later);
        }
        let content_toks = &toks[content.clone()];
        let group = self.state.new_group();
        if quote_just_before && (!closes || !words_before_quote(text, content_toks)) {
            // Only the quotation right before the cue: `“Q,” she said, …`.
            let q = quote_before.unwrap_or(j - 1);
            self.push_content(q..q + 1, cue, Claim::Quote, group);
            self.second_piece(cue_end, cue, group);
        } else {
            // A short clause makes no row; the group number it took stays unused (ids are
            // renumbered in order when rows become attributions).
            if !clause_is_long_enough(content_toks)
                || !quote_just_before && opens_adjunct(text, content_toks)
            {
                return false;
            }
            let claim = if quote_just_before {
                Claim::Quote
            } else {
                Claim::Clause
            };
            self.push_content(trim_clause_start(text, toks, content), cue, claim, group);
        }
        self.mark(cue.start..cue_end);
        true
    }

    /// The tokens between the previous cue and this one, its comma or dash left out; none
    /// when the cue opens the sentence, follows no punctuation or quotation, or when a rule
    /// has claimed some of them.
    fn content_before(&self, cue: &Cue, prev: Option<&Cue>) -> Option<Range<usize>> {
        let toks = self.toks;
        let mut j = cue.start;
        if j > 0 && matches!(toks[j - 1].kind, TokKind::Comma | TokKind::Dash) {
            j -= 1;
        }
        if j == 0 || j == cue.start && !matches!(toks[j - 1].kind, TokKind::Quote(_)) {
            return None;
        }
        let floor = prev.map_or(0, cue_words_end);
        let content = floor..j;
        (!content.is_empty() && !self.is_claimed(content.clone())).then_some(content)
    }

    /// `CLAUSE, CNN reported, “Q”.` and `The museum, Mr. Obama said, would …`: a cue between
    /// commas splits one attribution in two pieces. A quoted second piece that starts in lower
    /// case finishes the writer's sentence, so it is mixed.
    fn interposed_cue(&mut self, cue: &Cue, content: Range<usize>, later: Option<&Cue>) -> bool {
        let (text, toks) = (self.text, self.toks);
        let end = cue_end(toks, cue);
        let first_words = toks[content.clone()].iter().filter(|t| t.is_word()).count();
        if first_words == 0
            || starts_badly(text, &toks[content.clone()]) && first_words < 3
            || opens_adjunct(text, &toks[content.clone()])
        {
            return false;
        }
        let Some(rest) = self.rest_after_interposed(cue, end, later) else {
            return false;
        };
        if self.is_claimed(rest.clone()) {
            return false;
        }
        let group = self.state.new_group();
        self.push_content(
            trim_clause_start(text, toks, content),
            cue,
            Claim::Clause,
            group,
        );
        let quoted = rest.len() == 1 && matches!(toks[rest.start].kind, TokKind::Quote(_));
        let claim = if quoted {
            Claim::Quote
        } else {
            Claim::Interposed
        };
        self.push_content(rest, cue, claim, group);
        if let Some(last) = self.state.out.last_mut().filter(|_| quoted) {
            if text[last.quote.range()].starts_with(char::is_lowercase) {
                last.kind = QuoteKind::Mixed;
            }
        }
        self.mark(cue.start..end);
        true
    }

    /// The second piece after an interposed cue ending at `end`: a quotation that closes the
    /// sentence, or the words after the cue's comma up to a later cue or participle.
    fn rest_after_interposed(
        &self,
        cue: &Cue,
        end: usize,
        later: Option<&Cue>,
    ) -> Option<Range<usize>> {
        let (text, toks) = (self.text, self.toks);
        match quote_after_cue(toks, end, cue) {
            Some(q)
                if toks[q + 1..]
                    .iter()
                    .all(|t| matches!(t.kind, TokKind::Terminal | TokKind::CloseParen)) =>
            {
                return Some(q..q + 1);
            }
            Some(_) => return None,
            None => {}
        }
        let i = skip_apposition(toks, end, cue);
        if toks.get(i).is_none_or(|t| t.kind != TokKind::Comma) {
            return None;
        }
        let stop = later
            .map_or(toks.len(), |n| n.start)
            .min(participle_start(text, toks, i + 1).unwrap_or(toks.len()));
        let mut stop = stop.max(i + 1);
        while stop > i + 1
            && matches!(
                toks[stop - 1].kind,
                TokKind::Terminal | TokKind::Comma | TokKind::Semicolon
            )
        {
            stop -= 1;
        }
        toks[i + 1..stop]
            .iter()
            .any(|t| t.is_word() || matches!(t.kind, TokKind::Quote(_)))
            .then_some(i + 1..stop)
    }

    /// `“Q1,” she said, “Q2.”`: the quotation after the cue is the same attribution.
    fn second_piece(&mut self, cue_end: usize, cue: &Cue, group: usize) {
        let piece = piece_after_cue(self.text, self.toks, cue_end, cue);
        if let Some(piece) = piece.filter(|p| !self.claimed[p.clone()].iter().any(|&c| c)) {
            self.push_content(piece, cue, Claim::Quote, group);
        }
    }

    /// `“Q” — Jane Doe`: a name after a dash that ends the sentence signs the quotation.
    pub(super) fn dash_speakers(&mut self) {
        let (text, toks) = (self.text, self.toks);
        for i in 0..toks.len().saturating_sub(2) {
            if self.claimed[i] || !matches!(toks[i].kind, TokKind::Quote(_)) {
                continue;
            }
            let Some(cue) = dash_cue(text, toks, i) else {
                continue;
            };
            let group = self.state.new_group();
            self.push_content(i..i + 1, &cue, Claim::Quote, group);
            self.mark(cue.verb..cue.speaker.toks.1);
        }
    }

    /// `A has been described as B by X`: the whole clause is X's characterisation.
    pub(super) fn passive_characterisation(&mut self) {
        let (text, toks) = (self.text, self.toks);
        for i in 1..toks.len() {
            if self.claimed[i] {
                continue;
            }
            let Some((cue, by)) = passive_cue(text, toks, i) else {
                continue;
            };
            if self.is_claimed(0..by) {
                continue;
            }
            let group = self.state.new_group();
            self.push_content(0..by, &cue, Claim::Clause, group);
        }
    }
}

/// A clause before its cue needs three words or quotations to be speech, not a fragment.
fn clause_is_long_enough(content: &[Tok]) -> bool {
    content
        .iter()
        .filter(|t| t.is_word() || matches!(t.kind, TokKind::Quote(_)))
        .count()
        >= 3
}
