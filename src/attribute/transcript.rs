//! Transcript turns: a paragraph opened by a speaker's label in capitals is that speaker's.
//!
//! Interviews and debates print each turn as `PENCE: Well, look, …`, sometimes inside an
//! opening quote mark (`"WALLACE: Let’s start …`). Such a paragraph is read as a whole
//! `direct` quotation with the rule `transcript-turn`; no cue rule runs on it. The label is
//! the speaker as written (`MR. TRUMP`), with no cue.
//!
//! An editor's note looks the same (`UPDATE: …`, `CLARIFICATION: …`), so an unquoted label
//! counts only when it opens two paragraphs or more.

use super::{RawAttribution, Source, SpeakerMention};
use crate::attribution::{QuoteKind, Rule};
use crate::cues::MentionKind;
use crate::quotes::QuotedSpan;
use crate::span::Span;
use rustc_hash::FxHashMap;
use std::collections::HashMap;

/// A turn of a transcript: `PENCE: Well, look, …` or `"WALLACE: Let’s start …`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Turn {
    label: Span,
    words: Span,
}

impl Turn {
    /// The turn as a row of `group` in paragraph `para`: its words, spoken by its label.
    pub(super) fn attribution(self, group: usize, para: usize) -> RawAttribution {
        let speaker = SpeakerMention {
            span: self.label,
            kind: MentionKind::Name,
            apposition: None,
        };
        RawAttribution {
            quote: self.words,
            kind: QuoteKind::Direct,
            source: Source::Named(speaker),
            cue: None,
            rule: Rule::TranscriptTurn,
            group,
            para,
            chain: None,
        }
    }
}

/// Speaker labels that open paragraphs, keyed by paragraph start. A label counts inside an
/// opening quote mark, or when it opens two paragraphs or more: a one-off `UPDATE:` or
/// `CLARIFICATION:` is an editor's note, not a speaker.
pub(super) fn transcript_labels(
    text: &str,
    paras: &[Span],
    quotes: &[QuotedSpan],
) -> HashMap<usize, Turn> {
    let mut found = Vec::new();
    for para in paras {
        let at = quotes.partition_point(|q| q.outer.start < para.start);
        let quote = quotes.get(at).filter(|q| q.outer.start == para.start);
        let from = quote.map_or(para.start, |q| q.inner.start);
        let Some((label, words)) = label_at(text, from, para.end) else {
            continue;
        };
        // Inside a quote mark the turn ends where the quotation does.
        let words = match quote {
            Some(q) if q.inner.end > words.start => Span::new(words.start, q.inner.end),
            Some(_) => continue,
            None => words,
        };
        found.push((para.start, Turn { label, words }, quote.is_some()));
    }
    let mut uses: FxHashMap<&str, usize> = FxHashMap::default();
    for (_, t, _) in &found {
        *uses.entry(&text[t.label.range()]).or_default() += 1;
    }
    let repeated = |label: &str| uses.get(label).is_some_and(|&n| n >= 2);
    found
        .iter()
        .filter(|(_, t, quoted)| *quoted || repeated(&text[t.label.range()]))
        .map(|(at, t, _)| (*at, *t))
        .collect()
}

/// `label = 1*3(UPPER-WORD) ":" SP`, e.g. `MR. TRUMP: `; the words run to `end`.
fn label_at(text: &str, from: usize, end: usize) -> Option<(Span, Span)> {
    let rest = &text[from..end];
    // Stop at the first byte no label can hold, not at the end of a long paragraph.
    let colon = rest
        .bytes()
        .position(|b| b == b':' || b.is_ascii() && !label_byte(b))?;
    if rest.as_bytes()[colon] != b':' {
        return None;
    }
    let label = &rest[..colon];
    let words: Vec<&str> = label.split_whitespace().collect();
    let upper = |w: &&str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && w.chars()
                .all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\'' | '’'))
    };
    if words.is_empty() || words.len() > 3 || !words.iter().all(upper) || label.trim() != label {
        return None;
    }
    let words_span = Span::new(from + colon + 1, end).trim(text);
    (!words_span.is_empty()).then(|| (Span::new(from, from + colon), words_span))
}

/// An ASCII byte that may stand in a label: a capital, a space, `.`, `-` or `'`.
fn label_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || char::from(b).is_whitespace() || matches!(b, b'.' | b'-' | b'\'')
}
