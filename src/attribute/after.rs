//! Content after its speaker: what a cue introduces.
//!
//! `X said (that) CONTENT`, `X told Y: CONTENT` and `according to X, CONTENT` take the rest
//! of the sentence, after the addressee and any adjuncts (see [`skip_to_content`]), and
//! stop before a later cue or a participle. A participle after a comma is a cue of its own
//! whose speaker is the one before it: in `Smith said the plan works, adding that it is cheap`, `the plan works` is
//! Smith's and so is `it is cheap`.
//!
//! Content with no quotation must read as reported speech: three words at least, from a
//! verb that reports, not starting like an adjunct (`said in a statement`) and not blaming
//! (`criticized X for Y`).

use super::content::{
    blames, clause_subject, cue_words_end, indirect_allowed, introduced, participle_start,
    skip_to_content, starts_badly,
};
use super::reading::Reading;
use crate::cues::Cue;
use crate::lexicon::{VerbClass, VerbForm};
use crate::segment::TokKind;
use std::ops::Range;

impl Reading<'_, '_> {
    /// `X said (that) CONTENT`, `X told Y: CONTENT`, `according to X, CONTENT`.
    pub(super) fn claim_after(&mut self, cue: &Cue, next: Option<&Cue>) {
        let Some(content) = self.content_after(cue, next) else {
            return;
        };
        let content_toks = &self.toks[content.clone()];
        let has_quote = content_toks
            .iter()
            .any(|t| matches!(t.kind, TokKind::Quote(_)));
        let words = content_toks.iter().filter(|t| t.is_word()).count();
        if !has_quote && (words < 3 || !indirect_allowed(cue)) {
            return;
        }
        let opens_badly = !introduced(self.text, self.toks, content.start)
            && starts_badly(self.text, content_toks);
        if !has_quote && (opens_badly || blames(self.text, cue, content_toks)) {
            return;
        }
        let group = self.state.new_group();
        let rule = if cue.rule == "according-to" {
            "according-to"
        } else {
            "speaker"
        };
        self.push_content(content, cue, rule, group);
        self.mark(cue.start..cue_words_end(cue));
    }

    /// The unclaimed tokens from the content's start to the next cue or participle, trailing
    /// punctuation left out.
    fn content_after(&self, cue: &Cue, next: Option<&Cue>) -> Option<Range<usize>> {
        let (text, toks) = (self.text, self.toks);
        let mut start = cue_words_end(cue);
        if cue.rule == "according-to" {
            start = cue.speaker.toks.1;
            if cue.verb > 0 {
                // `CLAUSE, according to X` was claim_before's; mid-sentence it has no content.
                return None;
            }
        }
        start = skip_to_content(text, toks, start, cue);
        let mut end = next.map_or(toks.len(), |n| n.start);
        // A semicolon starts another statement: `said they believe X; 29 percent said Y`.
        if let Some(semicolon) = (start..end).find(|&i| toks[i].kind == TokKind::Semicolon) {
            end = semicolon;
        }
        end = end.min(participle_start(text, toks, start).unwrap_or(toks.len()));
        while end > start
            && matches!(
                toks[end - 1].kind,
                TokKind::Terminal
                    | TokKind::Comma
                    | TokKind::Dash
                    | TokKind::Semicolon
                    | TokKind::Colon
            )
        {
            end -= 1;
        }
        (start < end && !self.is_claimed(start..end)).then_some(start..end)
    }

    /// `…, arguing (that) CLAUSE`: the participle's speaker is the sentence's last speaker.
    pub(super) fn participles(&mut self, cues: &[Cue]) {
        let (text, toks) = (self.text, self.toks);
        for i in 1..toks.len() {
            let Some(cue) = self.participle_cue(cues, i) else {
                continue;
            };
            let start = skip_to_content(text, toks, i + 1, &cue);
            let mut end = participle_start(text, toks, start).unwrap_or(toks.len());
            while end > start && matches!(toks[end - 1].kind, TokKind::Terminal | TokKind::Comma) {
                end -= 1;
            }
            if end <= start || self.is_claimed(start..end) {
                continue;
            }
            let content = &toks[start..end];
            let has_quote = content.iter().any(|t| matches!(t.kind, TokKind::Quote(_)));
            let opens_badly = !introduced(text, toks, start) && starts_badly(text, content);
            if !has_quote && (content.iter().filter(|t| t.is_word()).count() < 3 || opens_badly) {
                continue;
            }
            let group = self.state.new_group();
            self.push_content(start..end, &cue, "participle", group);
        }
    }

    /// A gerund right after a comma (`, arguing`) as a cue, unless a rule claimed it or it
    /// states a belief. It speaks for the last cue's speaker before it, else for the phrase
    /// that opens the sentence.
    fn participle_cue(&self, cues: &[Cue], i: usize) -> Option<Cue> {
        let (text, toks) = (self.text, self.toks);
        // `…, saying`, or right after the verb it continues: `responded saying`.
        let after_verb = toks[i - 1].verb.is_some_and(|v| v.form == VerbForm::Past);
        if !(toks[i - 1].kind == TokKind::Comma || after_verb) || self.claimed[i] {
            return None;
        }
        let verb = toks[i].verb?;
        if verb.form != VerbForm::Gerund || verb.class == VerbClass::Belief {
            return None;
        }
        let speaker = cues
            .iter()
            .rev()
            .find(|c| c.verb < i)
            .map(|c| c.speaker)
            .or_else(|| clause_subject(text, toks, i))?;
        Some(Cue::at_verb(toks, i, verb, speaker, "participle", i))
    }
}
