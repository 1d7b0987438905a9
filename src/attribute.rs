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

use crate::cues::{find_cues, phrase_after, word, Cue, Mention, MentionKind};
use crate::lexicon::{lexicon, VerbClass, VerbForm};
use crate::quotes::{find_quotes, paragraphs, QuotedSpan};
use crate::segment::{sentences, tokenize, Tok, TokKind};
use crate::span::Span;
use crate::QuoteKind;
use std::ops::Range;

/// An attribution before its speaker is resolved to a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawAttribution {
    pub quote: Span,
    pub kind: QuoteKind,
    pub speaker: Option<Mention>,
    pub cue: Option<Span>,
    pub rule: &'static str,
    /// Pieces of one quotation share this number.
    pub group: usize,
}

/// Verbs whose first object is the addressee, not the content: `told reporters that …`.
const ADDRESSEE_VERBS: &[&str] = &[
    "tell", "ask", "inform", "assure", "remind", "warn", "urge", "promise", "advise", "brief",
    "notify", "convince",
];

const PREPOSITIONS: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "to",
    "with",
    "via",
    "through",
    "from",
    "last",
    "this",
    "earlier",
    "later",
    "again",
    "also",
    "for",
    "late",
    "early",
    "recently",
    "privately",
    "publicly",
    "repeatedly",
    "previously",
    "separately",
    "once",
    "then",
    "Thursday",
];

struct Sentence<'a> {
    toks: &'a [Tok],
}

/// All attributions of `range` in `text`, speakers still as mentions.
pub fn attribute(text: &str, range: Range<usize>) -> Vec<RawAttribution> {
    let quotes = find_quotes(text, range.clone());
    let paras = paragraphs(text, range);
    let labels = transcript_labels(text, &paras, &quotes);
    let mut state = State::default();
    for (p, para) in paras.into_iter().enumerate() {
        if let Some(turn) = labels.get(&para.start) {
            state.transcript_turn(text, *turn, p);
            continue;
        }
        let toks = tokenize(text, para.range(), &quotes);
        let spans = bounded(sentences(text, &toks));
        for (k, r) in spans.iter().enumerate() {
            let sentence = Sentence {
                toks: &toks[r.clone()],
            };
            let next = spans.get(k + 1).map(|n| &toks[n.clone()]);
            state.sentence(text, &quotes, &sentence, next, p);
        }
    }
    link_continued_pieces(&quotes, &mut state.out);
    state.out
}

/// A turn of a transcript: `PENCE: Well, look, …` or `"WALLACE: Let’s start …`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Turn {
    label: Span,
    words: Span,
}

/// Speaker labels that open paragraphs, keyed by paragraph start. A label counts inside an
/// opening quote mark, or when it opens two paragraphs or more: a one-off `UPDATE:` or
/// `CLARIFICATION:` is an editor's note, not a speaker.
fn transcript_labels(
    text: &str,
    paras: &[Span],
    quotes: &[QuotedSpan],
) -> std::collections::HashMap<usize, Turn> {
    let mut found = Vec::new();
    for para in paras {
        let at = quotes.partition_point(|q| q.outer.start < para.start);
        let quote = quotes.get(at).filter(|q| q.outer.start == para.start);
        let from = quote.map_or(para.start, |q| q.inner.start);
        let Some((label, words)) = label_at(text, from, para.end) else {
            continue;
        };
        let words = match quote {
            Some(q) if q.inner.end > words.start => Span::new(words.start, q.inner.end),
            Some(_) => continue,
            None => words,
        };
        found.push((para.start, Turn { label, words }, quote.is_some()));
    }
    let repeated = |label: &str| {
        found
            .iter()
            .filter(|(_, t, _)| &text[t.label.range()] == label)
            .count()
            >= 2
    };
    found
        .iter()
        .filter(|(_, t, quoted)| *quoted || repeated(&text[t.label.range()]))
        .map(|(at, t, _)| (*at, *t))
        .collect()
}

/// `label = 1*3(UPPER-WORD) ":" SP`, e.g. `MR. TRUMP: `; the words run to `end`.
fn label_at(text: &str, from: usize, end: usize) -> Option<(Span, Span)> {
    let rest = &text[from..end];
    let colon = rest.find(':')?;
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

#[derive(Default)]
struct State {
    out: Vec<RawAttribution>,
    groups: usize,
    /// The last speaker and the paragraph it spoke in.
    last: Option<(Mention, usize, usize)>,
}

impl State {
    fn transcript_turn(&mut self, text: &str, turn: Turn, para: usize) {
        let _ = text;
        let speaker = Mention {
            toks: (0, 0),
            span: turn.label,
            kind: MentionKind::Name,
            apposition: None,
        };
        let group = self.new_group();
        self.push(
            RawAttribution {
                quote: turn.words,
                kind: QuoteKind::Direct,
                speaker: Some(speaker),
                cue: None,
                rule: "transcript-turn",
                group,
            },
            para,
        );
    }

    fn new_group(&mut self) -> usize {
        self.groups += 1;
        self.groups
    }

    fn push(&mut self, row: RawAttribution, para: usize) {
        if let Some(m) = row.speaker {
            if m.kind != MentionKind::Pronoun || self.last.is_none() {
                self.last = Some((m, para, row.group));
            } else if let Some(last) = self.last.as_mut() {
                last.1 = para;
                last.2 = row.group;
            }
        }
        self.out.push(row);
    }

    fn sentence(
        &mut self,
        text: &str,
        quotes: &[QuotedSpan],
        s: &Sentence,
        next: Option<&[Tok]>,
        para: usize,
    ) {
        let toks = s.toks;
        let cues = find_cues(text, toks);
        let mut claimed = vec![false; toks.len()];
        let mut prev_cue: Option<Cue> = None;
        for (c, cue) in cues.iter().enumerate() {
            let next_cue = cues[c + 1..]
                .iter()
                .find(|n| starts_clause(text, toks, n.start));
            let before = self.claim_before(
                text,
                toks,
                cue,
                prev_cue.as_ref(),
                next_cue,
                &mut claimed,
                para,
            );
            if !before {
                self.claim_after(text, toks, cue, next_cue, &mut claimed, para);
            }
            prev_cue = Some(*cue);
        }
        self.participles(text, toks, &cues, &mut claimed, para);
        self.passive_characterisation(text, toks, &mut claimed, para);
        self.dash_speakers(text, toks, &mut claimed, para);
        self.unclaimed_quotes(text, quotes, toks, next, &claimed, para);
    }

    /// `“Q,” X said` and `CLAUSE, X said.`: content before the cue's speaker or verb.
    fn claim_before(
        &mut self,
        text: &str,
        toks: &[Tok],
        cue: &Cue,
        prev: Option<&Cue>,
        later: Option<&Cue>,
        claimed: &mut [bool],
        para: usize,
    ) -> bool {
        let widened = widen_to_quote(text, toks, cue);
        let cue = &widened;
        let cue_start = cue.start;
        let cue_end = cue_end(toks, cue);
        let mut j = cue_start;
        if j > 0 && matches!(toks[j - 1].kind, TokKind::Comma | TokKind::Dash) {
            j -= 1;
        }
        if j == 0 || j == cue_start && !matches!(toks[j - 1].kind, TokKind::Quote(_)) {
            return false;
        }
        let floor = prev.map_or(0, |p| p.speaker.toks.1.max(p.verb + 1));
        let content = floor..j;
        if content.is_empty() || claimed[content.clone()].iter().any(|&c| c) {
            return false;
        }
        // The cue must close its sentence or hand over to a quotation: `, she said, “Q2.”`
        let closes = tail_is_adjunct(text, toks, cue_end);
        let quote_before = (content.start..j)
            .rev()
            .find(|&i| matches!(toks[i].kind, TokKind::Quote(_)));
        let quote_just_before = quote_before.is_some_and(|q| q + 2 >= j);
        if !closes && !quote_just_before {
            return self.interposed_cue(text, toks, cue, content, later, claimed, para);
        }
        let content_toks = &toks[content.clone()];
        let group = self.new_group();
        if quote_just_before && (!closes || !words_before_quote(text, content_toks)) {
            // Only the quotation right before the cue: `“Q,” she said, …`.
            let q = quote_before.unwrap_or(j - 1);
            self.push_content(text, toks, q..q + 1, cue, "quote", group, claimed, para);
            self.second_piece(text, toks, cue_end, cue, group, claimed, para);
        } else {
            if content_toks
                .iter()
                .filter(|t| t.is_word() || matches!(t.kind, TokKind::Quote(_)))
                .count()
                < 3
            {
                return false;
            }
            let prefix = if quote_just_before { "quote" } else { "clause" };
            self.push_content(
                text,
                toks,
                trim_clause_start(text, toks, content),
                cue,
                prefix,
                group,
                claimed,
                para,
            );
        }
        mark(claimed, cue_start..cue_end);
        true
    }

    /// `CLAUSE, CNN reported, “Q”.` and `The museum, Mr. Obama said, would …`: a cue between
    /// commas splits one attribution in two pieces. A quoted second piece that starts in lower
    /// case finishes the writer's sentence, so it is mixed.
    #[allow(clippy::too_many_arguments)]
    fn interposed_cue(
        &mut self,
        text: &str,
        toks: &[Tok],
        cue: &Cue,
        content: Range<usize>,
        later: Option<&Cue>,
        claimed: &mut [bool],
        para: usize,
    ) -> bool {
        let end = cue_end(toks, cue);
        let first_words = toks[content.clone()].iter().filter(|t| t.is_word()).count();
        if first_words == 0 || starts_badly(text, &toks[content.clone()]) && first_words < 3 {
            return false;
        }
        let rest = match quote_after_cue(toks, end, cue) {
            Some(q)
                if toks[q + 1..]
                    .iter()
                    .all(|t| matches!(t.kind, TokKind::Terminal | TokKind::CloseParen)) =>
            {
                q..q + 1
            }
            Some(_) => return false,
            None => {
                let mut i = end;
                if let Some(a) = cue.speaker.apposition {
                    while i < toks.len() && toks[i].span.start < a.end {
                        i += 1;
                    }
                }
                if toks.get(i).is_none_or(|t| t.kind != TokKind::Comma) {
                    return false;
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
                if !toks[i + 1..stop]
                    .iter()
                    .any(|t| t.is_word() || matches!(t.kind, TokKind::Quote(_)))
                {
                    return false;
                }
                i + 1..stop
            }
        };
        if claimed[rest.clone()].iter().any(|&c| c) {
            return false;
        }
        let group = self.new_group();
        self.push_content(
            text,
            toks,
            trim_clause_start(text, toks, content),
            cue,
            "clause",
            group,
            claimed,
            para,
        );
        let quoted = rest.len() == 1 && matches!(toks[rest.start].kind, TokKind::Quote(_));
        self.push_content(
            text,
            toks,
            rest,
            cue,
            if quoted { "quote" } else { "interposed" },
            group,
            claimed,
            para,
        );
        if let Some(last) = self.out.last_mut().filter(|_| quoted) {
            if text[last.quote.range()].starts_with(char::is_lowercase) {
                last.kind = QuoteKind::Mixed;
            }
        }
        mark(claimed, cue.start..end);
        true
    }

    /// `“Q1,” she said, “Q2.”`: the quotation after the cue is the same attribution.
    fn second_piece(
        &mut self,
        text: &str,
        toks: &[Tok],
        cue_end: usize,
        cue: &Cue,
        group: usize,
        claimed: &mut [bool],
        para: usize,
    ) {
        if let Some(i) = quote_after_cue(toks, cue_end, cue).filter(|&i| !claimed[i]) {
            self.push_content(text, toks, i..i + 1, cue, "quote", group, claimed, para);
        }
    }

    /// `X said (that) CONTENT`, `X told Y: CONTENT`, `according to X, CONTENT`.
    fn claim_after(
        &mut self,
        text: &str,
        toks: &[Tok],
        cue: &Cue,
        next: Option<&Cue>,
        claimed: &mut [bool],
        para: usize,
    ) {
        let mut start = cue.speaker.toks.1.max(cue.verb + 1);
        if cue.rule == "according-to" {
            start = cue.speaker.toks.1;
            if cue.verb > 0 {
                // `CLAUSE, according to X` was claim_before's; mid-sentence it has no content.
                return;
            }
        }
        start = skip_to_content(text, toks, start, cue);
        let mut end = next.map_or(toks.len(), |n| n.start);
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
        if start >= end || claimed[start..end].iter().any(|&c| c) {
            return;
        }
        let content = &toks[start..end];
        let has_quote = content.iter().any(|t| matches!(t.kind, TokKind::Quote(_)));
        let words = content.iter().filter(|t| t.is_word()).count();
        if !has_quote && (words < 3 || !indirect_allowed(cue)) {
            return;
        }
        if !has_quote && (starts_badly(text, content) || blames(text, cue, content)) {
            return;
        }
        let group = self.new_group();
        let rule = if cue.rule == "according-to" {
            "according-to"
        } else {
            "speaker"
        };
        self.push_content(text, toks, start..end, cue, rule, group, claimed, para);
        mark(claimed, cue.start..cue.speaker.toks.1.max(cue.verb + 1));
    }

    /// `…, arguing (that) CLAUSE`: the participle's speaker is the sentence's last speaker.
    fn participles(
        &mut self,
        text: &str,
        toks: &[Tok],
        cues: &[Cue],
        claimed: &mut [bool],
        para: usize,
    ) {
        for i in 1..toks.len() {
            if toks[i - 1].kind != TokKind::Comma || claimed[i] {
                continue;
            }
            let Some(verb) = toks[i].verb else {
                continue;
            };
            if verb.form != VerbForm::Gerund || verb.class == VerbClass::Belief {
                continue;
            }
            let speaker = cues
                .iter()
                .rev()
                .find(|c| c.verb < i)
                .map(|c| c.speaker)
                .or_else(|| phrase_after(text, toks, 0));
            let Some(speaker) = speaker else { continue };
            let cue = Cue {
                verb: i,
                span: toks[i].span,
                class: verb.class,
                form: verb.form,
                speaker,
                rule: "participle",
                start: i,
            };
            let start = skip_to_content(text, toks, i + 1, &cue);
            let mut end = participle_start(text, toks, start).unwrap_or(toks.len());
            while end > start && matches!(toks[end - 1].kind, TokKind::Terminal | TokKind::Comma) {
                end -= 1;
            }
            if end <= start || claimed[start..end].iter().any(|&c| c) {
                continue;
            }
            let content = &toks[start..end];
            let has_quote = content.iter().any(|t| matches!(t.kind, TokKind::Quote(_)));
            if !has_quote
                && (content.iter().filter(|t| t.is_word()).count() < 3
                    || starts_badly(text, content))
            {
                continue;
            }
            let group = self.new_group();
            self.push_content(
                text,
                toks,
                start..end,
                &cue,
                "participle",
                group,
                claimed,
                para,
            );
        }
    }

    /// `“Q” — Jane Doe`: a name after a dash that ends the sentence signs the quotation.
    fn dash_speakers(&mut self, text: &str, toks: &[Tok], claimed: &mut [bool], para: usize) {
        for i in 0..toks.len().saturating_sub(2) {
            if claimed[i] || !matches!(toks[i].kind, TokKind::Quote(_)) {
                continue;
            }
            let dash = if toks[i + 1].kind == TokKind::Dash {
                i + 1
            } else if toks[i + 1].kind == TokKind::Terminal
                && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Dash)
            {
                i + 2
            } else {
                continue;
            };
            let Some(speaker) = phrase_after(text, toks, dash + 1) else {
                continue;
            };
            let ends = toks[speaker.toks.1..]
                .iter()
                .all(|t| !matches!(t.kind, TokKind::Quote(_)))
                && speaker.kind == MentionKind::Name;
            if !ends {
                continue;
            }
            let cue = Cue {
                verb: dash,
                span: toks[dash].span,
                class: VerbClass::Speech,
                form: VerbForm::Present,
                speaker,
                rule: "dash-speaker",
                start: dash,
            };
            let group = self.new_group();
            self.push_content(
                text,
                toks,
                i..i + 1,
                &cue,
                "quote-dash-speaker",
                group,
                claimed,
                para,
            );
            mark(claimed, dash..speaker.toks.1);
        }
    }

    /// `A has been described as B by X`: the whole clause is X's characterisation.
    fn passive_characterisation(
        &mut self,
        text: &str,
        toks: &[Tok],
        claimed: &mut [bool],
        para: usize,
    ) {
        for i in 1..toks.len() {
            let Some(verb) = toks[i].verb else {
                continue;
            };
            let aux = word(text, &toks[i - 1])
                .is_some_and(|w| matches!(w, "been" | "was" | "were" | "is" | "are" | "being"));
            if verb.form != VerbForm::Past || !aux || claimed[i] {
                continue;
            }
            let by = (i + 1..toks.len().min(i + 25)).find(|&j| word(text, &toks[j]) == Some("by"));
            let Some(by) = by else { continue };
            let Some(speaker) = phrase_after(text, toks, by + 1) else {
                continue;
            };
            if speaker.kind == MentionKind::Pronoun || claimed[..by].iter().any(|&c| c) {
                continue;
            }
            let cue = Cue {
                verb: i,
                span: toks[i].span,
                class: verb.class,
                form: verb.form,
                speaker,
                rule: "passive",
                start: i,
            };
            let group = self.new_group();
            self.push_content(text, toks, 0..by, &cue, "passive", group, claimed, para);
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_content(
        &mut self,
        text: &str,
        toks: &[Tok],
        content: Range<usize>,
        cue: &Cue,
        direction: &'static str,
        group: usize,
        claimed: &mut [bool],
        para: usize,
    ) {
        let inner = &toks[content.clone()];
        let (quote, kind) = match inner {
            [Tok {
                kind: TokKind::Quote(_),
                span,
                ..
            }] => (quote_inner(text, *span), QuoteKind::Direct),
            _ => {
                let span = Span::new(inner[0].span.start, inner[inner.len() - 1].span.end);
                let kind = if inner.iter().any(|t| matches!(t.kind, TokKind::Quote(_))) {
                    QuoteKind::Mixed
                } else {
                    QuoteKind::Indirect
                };
                (span, kind)
            }
        };
        mark(claimed, content);
        if quote.is_empty() || kind == QuoteKind::Direct && looks_like_title(&text[quote.range()]) {
            return;
        }
        self.push(
            RawAttribution {
                quote,
                kind,
                speaker: Some(cue.speaker),
                cue: Some(cue.span),
                rule: if cue.class == VerbClass::Belief && kind == QuoteKind::Indirect {
                    "belief"
                } else {
                    rule_name(direction, cue.rule)
                },
                group,
            },
            para,
        );
    }

    /// Quotations no cue claimed: kept when they stand as a sentence of their own.
    fn unclaimed_quotes(
        &mut self,
        text: &str,
        _quotes: &[QuotedSpan],
        toks: &[Tok],
        next: Option<&[Tok]>,
        claimed: &[bool],
        para: usize,
    ) {
        let standalone = toks.iter().all(|t| {
            matches!(
                t.kind,
                TokKind::Quote(_)
                    | TokKind::Terminal
                    | TokKind::Comma
                    | TokKind::Dash
                    | TokKind::CloseParen
                    | TokKind::OpenParen
            )
        });
        if !standalone {
            return;
        }
        for (i, tok) in toks.iter().enumerate() {
            if claimed[i] || !matches!(tok.kind, TokKind::Quote(_)) {
                continue;
            }
            let quote = quote_inner(text, tok.span);
            if quote.is_empty()
                || !quote_is_speech(text, quote)
                || looks_like_title(&text[quote.range()])
            {
                continue;
            }
            if let Some(cue) = next.and_then(|n| bare_cue(text, n)) {
                let group = self.new_group();
                self.push(
                    RawAttribution {
                        quote,
                        kind: QuoteKind::Direct,
                        speaker: Some(cue.speaker),
                        cue: Some(cue.span),
                        rule: "quote-then-cue-sentence",
                        group,
                    },
                    para,
                );
                continue;
            }
            let (speaker, group) = match self.last {
                Some((m, p, g)) if para <= p + 1 => (Some(m), g),
                _ => (None, self.new_group()),
            };
            self.push(
                RawAttribution {
                    quote,
                    kind: QuoteKind::Direct,
                    speaker,
                    cue: None,
                    rule: "continuation",
                    group,
                },
                para,
            );
        }
    }
}

/// A sentence that is only a cue: `Johnson said.`, `said the mayor.`
fn bare_cue(text: &str, toks: &[Tok]) -> Option<Cue> {
    let cues = find_cues(text, toks);
    let cue = cues.first()?;
    let end = cue.speaker.toks.1.max(cue.verb + 1);
    let start = cue.start;
    let tail_ok = toks[end..]
        .iter()
        .all(|t| matches!(t.kind, TokKind::Terminal));
    (start == 0 && tail_ok && cue.class != VerbClass::Belief).then_some(*cue)
}

/// `Make Your Kid a Millionaire`, `Face the Nation`: capitalised words of a title of a work
/// or a slogan, not speech.
fn looks_like_title(quote: &str) -> bool {
    let words: Vec<&str> = quote.split_whitespace().collect();
    if words.len() < 2 || words.len() > 8 || quote.trim_end().ends_with(['?', '!']) {
        return false;
    }
    let capitalised = |w: &&str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    let all_caps = words.iter().all(|w| !w.chars().any(|c| c.is_lowercase()));
    !all_caps
        && words.iter().filter(|w| w.len() >= 4).all(capitalised)
        && words.iter().any(|w| w.len() >= 4)
}

/// A quotation of a few capitalised words or under two words is a title or a term.
fn quote_is_speech(text: &str, quote: Span) -> bool {
    let words: Vec<&str> = text[quote.range()].split_whitespace().collect();
    words.len() >= 3
}

fn rule_name(direction: &'static str, cue_rule: &'static str) -> &'static str {
    match (direction, cue_rule) {
        ("quote", "speaker-verb") => "quote-speaker-verb",
        ("quote", "speaker-apposition-verb") => "quote-speaker-apposition-verb",
        ("quote", "verb-speaker") => "quote-verb-speaker",
        ("quote", "according-to") => "quote-according-to",
        ("quote", _) => "quote-cue",
        ("clause", "speaker-verb") => "clause-speaker-verb",
        ("clause", "speaker-apposition-verb") => "clause-speaker-apposition-verb",
        ("clause", "verb-speaker") => "clause-verb-speaker",
        ("clause", "according-to") => "clause-according-to",
        ("clause", _) => "clause-cue",
        ("speaker", "speaker-apposition-verb") => "speaker-apposition-verb-content",
        ("speaker", "verb-speaker") => "verb-speaker-content",
        ("speaker", _) => "speaker-verb-content",
        (other, _) => other,
    }
}

fn mark(claimed: &mut [bool], r: Range<usize>) {
    for c in &mut claimed[r] {
        *c = true;
    }
}

/// The words of a quotation token without its marks.
fn quote_inner(text: &str, outer: Span) -> Span {
    let s = &text[outer.range()];
    let open = s
        .char_indices()
        .find(|(_, c)| c.is_alphanumeric() || c.is_whitespace())
        .map_or(s.len(), |(i, _)| i);
    let open = open.min(leading_mark_len(s));
    let close = trailing_mark_len(&s[open..]);
    Span::new(outer.start + open, outer.end - close).trim(text)
}

fn leading_mark_len(s: &str) -> usize {
    for m in lexicon().quote_marks() {
        for g in [m.open, m.close] {
            if s.starts_with(g) {
                return g.len();
            }
        }
    }
    0
}

fn trailing_mark_len(s: &str) -> usize {
    let mut best = 0;
    for m in lexicon().quote_marks() {
        for g in [m.close, m.open] {
            if s.ends_with(g) && g.len() > best && g.len() <= s.len() {
                best = g.len();
            }
        }
    }
    best
}

/// After the verb: the addressee of `told`, time and place adjuncts, `that` or a colon.
fn skip_to_content(text: &str, toks: &[Tok], mut i: usize, cue: &Cue) -> usize {
    let told = lexicon()
        .speech_verb(&text[cue.span.range()])
        .is_some_and(|v| ADDRESSEE_VERBS.contains(&v.lemma));
    if told {
        if let Some(m) = phrase_after(text, toks, i) {
            i = m.toks.1;
        } else if toks.get(i).and_then(|t| word(text, t)).is_some_and(|w| {
            w == "reporters" || w == "me" || w == "us" || w == "him" || w == "her" || w == "them"
        }) {
            i += 1;
        }
    }
    // `describes as a mess`: the characterisation is what follows `as`.
    if cue.class == VerbClass::Characterise && toks.get(i).and_then(|t| word(text, t)) == Some("as")
    {
        return i + 1;
    }
    // A colon or `that` within a short adjunct window starts the content.
    let window =
        (i..toks.len().min(i + 10)).take_while(|&j| !matches!(toks[j].kind, TokKind::Quote(_)));
    for j in window {
        match toks[j].kind {
            TokKind::Colon => return j + 1,
            TokKind::Word if word(text, &toks[j]) == Some("that") => {
                if (i..j).all(|k| is_adjunct_word(text, &toks[k]) || toks[k].kind == TokKind::Comma)
                {
                    return j + 1;
                }
                break;
            }
            TokKind::Comma => {}
            TokKind::Word => {}
            _ => break,
        }
    }
    // Adjuncts directly before a quotation: `said in a statement “Q”`.
    let mut j = i;
    while j < toks.len()
        && (is_adjunct_word(text, &toks[j]) || toks[j].kind == TokKind::Comma)
        && j - i < 8
    {
        j += 1;
    }
    if matches!(toks.get(j).map(|t| t.kind), Some(TokKind::Quote(_)))
        && starts_adjunct(text, toks, i)
        || j > i && toks[j - 1].kind == TokKind::Comma
    {
        return j;
    }
    // A bare time word: `said Thursday the plan …`.
    while toks
        .get(i)
        .and_then(|t| word(text, t))
        .is_some_and(|w| lexicon().is_time_word(w))
    {
        i += 1;
    }
    if toks.get(i).is_some_and(|t| t.kind == TokKind::Comma) {
        i += 1;
    }
    i
}

fn starts_adjunct(text: &str, toks: &[Tok], i: usize) -> bool {
    match toks.get(i) {
        Some(t) if t.is_word() => {
            word(text, t).is_some_and(|w| PREPOSITIONS.contains(&w) || lexicon().is_time_word(w))
        }
        Some(t) => matches!(t.kind, TokKind::Quote(_) | TokKind::Comma),
        None => false,
    }
}

fn is_adjunct_word(text: &str, tok: &Tok) -> bool {
    tok.is_word() && tok.verb.is_none() && word(text, tok).is_some_and(|w| w != "that")
}

/// Where a participial cue or `according to` begins a new attribution inside the content.
fn participle_start(text: &str, toks: &[Tok], from: usize) -> Option<usize> {
    (from + 1..toks.len())
        .find(|&i| {
            toks[i - 1].kind == TokKind::Comma
                && (toks[i]
                    .verb
                    .is_some_and(|v| v.form == VerbForm::Gerund && v.class != VerbClass::Belief)
                    || word(text, &toks[i]).is_some_and(|w| w.eq_ignore_ascii_case("according")))
        })
        .map(|i| i - 1)
}

/// Content for reported speech needs a speaker that can speak, and a verb that reports.
fn indirect_allowed(cue: &Cue) -> bool {
    // Beliefs and expectations the story attributes (`Fowler expects …`) are attributions
    // too; their rows carry the rule `belief` so a reader can set them apart.
    matches!(
        cue.class,
        VerbClass::Speech | VerbClass::Characterise | VerbClass::Belief
    )
}

/// Content that starts with a preposition or a verb's particle is an adjunct, not a clause.
fn starts_badly(text: &str, content: &[Tok]) -> bool {
    let Some(first) = content.first().and_then(|t| word(text, t)) else {
        return true;
    };
    matches!(
        first,
        "in" | "on"
            | "at"
            | "for"
            | "with"
            | "to"
            | "of"
            | "by"
            | "about"
            | "from"
            | "into"
            | "out"
            | "up"
            | "so"
            | "as"
            | "and"
            | "or"
            | "but"
            | "yes"
            | "no"
    )
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
            .filter(|r| in_chain(r) && r.rule != "continuation")
            .map(|r| (r.speaker, r.group, r.cue))
            .next_back()
        else {
            continue;
        };
        for r in rows.iter_mut().filter(|r| in_chain(r)) {
            if r.rule == "continuation" {
                r.speaker = src.0;
            }
            r.group = src.1;
        }
    }
}

/// Words of the writer's own in front of a quotation make it mixed: `using the tax “is a
/// misguided approach,” said Mr. Burman`. A conjunction or a lead-in colon does not.
fn words_before_quote(text: &str, content: &[Tok]) -> bool {
    let q = content
        .iter()
        .rposition(|t| matches!(t.kind, TokKind::Quote(_)));
    q.is_some_and(|q| {
        let words = content[..q].iter().filter(|t| {
            word(text, t)
                .is_some_and(|w| !matches!(w, "But" | "And" | "So" | "Yet" | "Still" | "Or"))
        });
        words.count() >= 1 && !content[..q].iter().any(|t| t.kind == TokKind::Colon)
    })
}

/// A clause before its cue starts after a leading conjunction: `But …`, `And …`.
fn trim_clause_start(text: &str, toks: &[Tok], mut content: Range<usize>) -> Range<usize> {
    while content.len() > 1
        && word(text, &toks[content.start])
            .is_some_and(|w| matches!(w, "But" | "And" | "So" | "Still" | "Yet"))
    {
        content.start += 1;
    }
    content
}

/// After a cue, only what cannot be content: punctuation, a parenthesis, a time or place.
fn tail_is_adjunct(text: &str, toks: &[Tok], from: usize) -> bool {
    let mut i = from;
    let mut depth = 0usize;
    let mut words = 0;
    while i < toks.len() {
        match toks[i].kind {
            TokKind::OpenParen => depth += 1,
            TokKind::CloseParen => depth = depth.saturating_sub(1),
            TokKind::Terminal => {}
            _ if depth > 0 => {}
            TokKind::Word => {
                let w = word(text, &toks[i]).unwrap_or("");
                if words == 0 && !(PREPOSITIONS.contains(&w) || lexicon().is_time_word(w))
                    || w == "that"
                {
                    return false;
                }
                words += 1;
                if words > 6 {
                    return false;
                }
            }
            TokKind::Comma if words == 0 => return false,
            TokKind::Comma => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

/// Does a cue at `start` begin a clause of its own? One right after its own punctuation or a
/// conjunction does (`…, Smith said`, `and Smith said`); one inside reported content does not
/// (`Clinton said she thinks …` reports what she thinks as part of what she said).
fn starts_clause(text: &str, toks: &[Tok], start: usize) -> bool {
    start == 0
        || matches!(
            toks[start - 1].kind,
            TokKind::Comma
                | TokKind::Semicolon
                | TokKind::Dash
                | TokKind::Quote(_)
                | TokKind::Colon
                | TokKind::CloseParen
        )
        || word(text, &toks[start - 1]).is_some_and(|w| {
            matches!(
                w,
                "and"
                    | "but"
                    | "while"
                    | "as"
                    | "after"
                    | "before"
                    | "when"
                    | "because"
                    | "though"
                    | "although"
                    | "whereas"
            )
        })
}

/// The token after a cue, its speaker and the speaker's apposition.
fn cue_end(toks: &[Tok], cue: &Cue) -> usize {
    let verb_len = if cue.rule == "according-to" { 2 } else { 1 };
    let mut end = cue.speaker.toks.1.max(cue.verb + verb_len);
    if let Some(a) = cue.speaker.apposition {
        if end > 0 && a.start >= toks[end - 1].span.end {
            while end < toks.len() && toks[end].span.start < a.end {
                end += 1;
            }
        }
    }
    end
}

/// `criticized X for Y` blames X for a deed; unlike `called X Y` it reports no words.
fn blames(text: &str, cue: &Cue, content: &[Tok]) -> bool {
    cue.class == VerbClass::Characterise
        && content.iter().take(8).any(|t| word(text, t) == Some("for"))
        && !content.iter().any(|t| word(text, t) == Some("as"))
}

/// The quotation right after a cue and its speaker's apposition: `, she said, “Q2.”`.
fn quote_after_cue(toks: &[Tok], cue_end: usize, cue: &Cue) -> Option<usize> {
    let mut i = cue_end;
    if let Some(apposition) = cue.speaker.apposition {
        while i < toks.len() && toks[i].span.start < apposition.end {
            i += 1;
        }
    }
    while i < toks.len()
        && matches!(
            toks[i].kind,
            TokKind::Comma | TokKind::Colon | TokKind::Dash
        )
    {
        i += 1;
    }
    matches!(toks.get(i).map(|t| t.kind), Some(TokKind::Quote(_))).then_some(i)
}

/// `“Q,” Tulsa police Chief Chuck Jordan said`: words between a quotation and the name the
/// cue found (`Tulsa police`) belong to the speaker's description.
fn widen_to_quote(text: &str, toks: &[Tok], cue: &Cue) -> Cue {
    let mut start = cue.start;
    if cue.speaker.toks.0 != cue.start || cue.speaker.kind == MentionKind::Pronoun {
        return *cue;
    }
    while start > 0
        && cue.start - start < 3
        && toks[start - 1].verb.is_none()
        && word(text, &toks[start - 1]).is_some_and(|w| w != "that")
    {
        start -= 1;
    }
    let after_quote =
        start > 0 && start < cue.start && matches!(toks[start - 1].kind, TokKind::Quote(_));
    if !after_quote {
        return *cue;
    }
    let mut widened = *cue;
    widened.start = start;
    widened.speaker.toks.0 = start;
    widened.speaker.span.start = toks[start].span.start;
    widened
}
