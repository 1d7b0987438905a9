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
    blames, cue_words_end, indirect_allowed, introduced, participle_start, skip_apposition,
    skip_to_content, starts_badly,
};
use super::reading::{Claim, Reading};
use crate::cues::{participle_cue, Cue, CueRule};
use crate::lexicon::lexicon;
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
        self.push_content(content, cue, Claim::After, group);
        self.mark(cue.start..cue_words_end(cue));
    }

    /// The unclaimed tokens from the content's start to the next cue or participle, trailing
    /// punctuation left out.
    fn content_after(&self, cue: &Cue, next: Option<&Cue>) -> Option<Range<usize>> {
        let (text, toks) = (self.text, self.toks);
        let mut start = cue_words_end(cue);
        if cue.rule == CueRule::VerbSpeaker && describes_speaker(text, cue) {
            // `says Phil Lane, an ecologist at the institute.`: who the speaker is, not what
            // they said.
            start = skip_apposition(toks, start, cue);
        }
        if cue.rule == CueRule::AccordingTo {
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
            if self.claimed[i] {
                continue;
            }
            let Some(cue) = participle_cue(text, toks, cues, i) else {
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
            self.push_content(start..end, &cue, Claim::After, group);
        }
    }
}

/// Does the speaker's apposition say who they are (`an ecologist at …`, `who studies …`,
/// `the head of …`) rather than open what they said (`the plan would fail`)?
fn describes_speaker(text: &str, cue: &Cue) -> bool {
    let Some(apposition) = cue.speaker.apposition else {
        return false;
    };
    let lex = lexicon();
    let mut words = text[apposition.range()].split_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let role = |w: &str| lex.is_title(w) || lex.is_anonymous_head(w);
    matches!(first, "a" | "an" | "who") || role(first) || first == "the" && role(second)
}
