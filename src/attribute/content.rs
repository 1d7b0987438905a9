//! Where a cue ends and its content begins and ends: the token-level tests every rule shares.
//!
//! A cue found by [`crate::cues`] names its verb and its speaker; the rules then ask where
//! the words it claims lie. Forwards, [`skip_to_content`] steps over what sits between verb
//! and content (`told reporters on Thursday that …` starts its content after `that`) and
//! [`participle_start`] finds where a later `, adding …` takes over. Backwards,
//! [`tail_is_adjunct`] tells whether a cue closes its sentence (`…, she said on Monday.`) and
//! [`crate::cues::widen_to_quote`] gives a speaker's description back to the speaker
//! (`“Q,” Tulsa police Chief Chuck Jordan said`). The content itself must look like speech:
//! [`starts_badly`] rejects an adjunct (`said in a statement`), [`blames`] a deed
//! (`criticized X for Y`), and [`looks_like_title`] a quoted title (`“Face the Nation”`).
//!
//! Every function here reads tokens and text and decides; none pushes a row or claims a
//! token, so each can be read, and tested, on its own.

use crate::cues::{phrase_after, word, Cue, CueRule};
use crate::lexicon::{lexicon, VerbClass, VerbForm};
use crate::segment::{Tok, TokKind};
use crate::span::Span;
use std::ops::Range;

/// `Make Your Kid a Millionaire`, `Face the Nation`: capitalised words of a title of a work
/// or a slogan, not speech.
pub(super) fn looks_like_title(quote: &str) -> bool {
    let capitalised = |w: &str| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
    };
    // Titles are short: a long quotation is decided after nine words, not after all, and
    // most speech is decided by its first long lowercase word.
    let mut words: [&str; 9] = [""; 9];
    let mut n = 0;
    for w in quote.split_whitespace().take(9) {
        if w.len() >= 4 && !capitalised(w) {
            return false;
        }
        words[n] = w;
        n += 1;
    }
    let words = &words[..n];
    if words.len() < 2 || words.len() > 8 || quote.trim_end().ends_with(['?', '!']) {
        return false;
    }
    let all_caps = words.iter().all(|w| !w.chars().any(|c| c.is_lowercase()));
    !all_caps && words.iter().any(|w| w.len() >= 4)
}

/// The words of a quotation token without its marks.
pub(super) fn quote_inner(text: &str, outer: Span) -> Span {
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
    let first = s.as_bytes().first();
    for m in lexicon().quote_marks() {
        for g in [m.open, m.close] {
            if g.as_bytes().first() == first && s.starts_with(g) {
                return g.len();
            }
        }
    }
    0
}

fn trailing_mark_len(s: &str) -> usize {
    let mut best = 0;
    let last = s.as_bytes().last();
    for m in lexicon().quote_marks() {
        for g in [m.close, m.open] {
            if g.as_bytes().last() == last && s.ends_with(g) && g.len() > best && g.len() <= s.len()
            {
                best = g.len();
            }
        }
    }
    best
}

/// After the verb: the addressee of `told`, time and place adjuncts, `that` or a colon.
pub(super) fn skip_to_content(text: &str, toks: &[Tok], i: usize, cue: &Cue) -> usize {
    let i = skip_particle(text, toks, i, cue);
    let i = skip_addressee(text, toks, i, cue);
    // `describes as a mess`: the characterisation is what follows `as`.
    if cue.class == VerbClass::Characterise && toks.get(i).and_then(|t| word(text, t)) == Some("as")
    {
        return i + 1;
    }
    if let Some(start) = after_lead_in(text, toks, i) {
        return start;
    }
    if let Some(start) = after_adjuncts_before_quote(text, toks, i) {
        return start;
    }
    skip_time_words(text, toks, i)
}

/// `called for her ouster`, `called on the council to act`, `pointed out that`: the particle
/// of a phrasal verb of speech belongs to the cue.
fn skip_particle(text: &str, toks: &[Tok], i: usize, cue: &Cue) -> usize {
    let particle = toks.get(i).and_then(|t| word(text, t));
    let phrasal = particle.is_some_and(|p| lexicon().is_particle_of(cue.lemma, p));
    if phrasal {
        i + 1
    } else {
        i
    }
}

/// `told reporters …`, `told Mr. Smith …`: the addressee of a verb of telling is no content.
fn skip_addressee(text: &str, toks: &[Tok], i: usize, cue: &Cue) -> usize {
    if !lexicon().takes_addressee(cue.lemma) {
        return i;
    }
    if let Some(m) = phrase_after(text, toks, i) {
        return m.toks.1;
    }
    let addressee = toks
        .get(i)
        .and_then(|t| word(text, t))
        .is_some_and(|w| lexicon().words().addressee_words.contains(w));
    if addressee {
        i + 1
    } else {
        i
    }
}

/// A colon or `that` within a short adjunct window starts the content:
/// `said on Thursday that …`, `said in a statement: …`.
fn after_lead_in(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let window =
        (i..toks.len().min(i + 10)).take_while(|&j| !matches!(toks[j].kind, TokKind::Quote(_)));
    for j in window {
        match toks[j].kind {
            TokKind::Colon => return Some(j + 1),
            TokKind::Word if word(text, &toks[j]) == Some("that") => {
                // Only adjuncts may stand before `that` (`said on Thursday that`,
                // `claiming, despite the evidence, that`); an object may not (`restates a
                // number of policies, including requirements that …`).
                let adjuncts = (i..j)
                    .all(|k| is_adjunct_word(text, &toks[k]) || toks[k].kind == TokKind::Comma);
                if i == j || adjuncts && starts_adjunct(text, toks, i) {
                    return Some(j + 1);
                }
                return None;
            }
            TokKind::Comma => {}
            TokKind::Word => {}
            _ => return None,
        }
    }
    None
}

/// Adjuncts directly before a quotation: `said in a statement “Q”`; or any run of adjuncts
/// that ends in a comma: `said on Thursday, …`.
fn after_adjuncts_before_quote(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let mut first = i;
    while toks.get(first).is_some_and(|t| t.kind == TokKind::Comma) {
        first += 1;
    }
    if matches!(toks.get(first).map(|t| t.kind), Some(TokKind::Quote(_))) {
        // `said, “Q”`
        return Some(first);
    }
    if !starts_adjunct(text, toks, first) {
        return None;
    }
    let mut j = first;
    while j < toks.len()
        && (is_adjunct_word(text, &toks[j]) || toks[j].kind == TokKind::Comma)
        && j - i < 8
    {
        j += 1;
    }
    let quote_next = matches!(toks.get(j).map(|t| t.kind), Some(TokKind::Quote(_)));
    let comma_ended = j > first && toks[j - 1].kind == TokKind::Comma;
    (quote_next || comma_ended).then_some(j)
}

/// A bare time word: `said Thursday the plan …`, and a comma after it.
fn skip_time_words(text: &str, toks: &[Tok], mut i: usize) -> usize {
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
        Some(t) if t.is_word() => word(text, t).is_some_and(|w| {
            lexicon().words().adjunct_openers.contains(w) || lexicon().is_time_word(w)
        }),
        Some(t) => matches!(t.kind, TokKind::Quote(_) | TokKind::Comma),
        None => false,
    }
}

fn is_adjunct_word(text: &str, tok: &Tok) -> bool {
    tok.is_word() && tok.verb.is_none() && word(text, tok).is_some_and(|w| w != "that")
}

/// Where a participial cue or `according to` begins a new attribution inside the content.
///
/// Content that opens with the participle itself (`spoke, saying …`, `responded saying …`)
/// is empty: the participle's own rule takes what follows it.
pub(super) fn participle_start(text: &str, toks: &[Tok], from: usize) -> Option<usize> {
    let is_participle = |i: usize| {
        toks[i]
            .verb
            .is_some_and(|v| v.form == VerbForm::Gerund && v.class != VerbClass::Belief)
            || word(text, &toks[i]).is_some_and(|w| w.eq_ignore_ascii_case("according"))
    };
    if from < toks.len() && toks[from].verb.is_some_and(|v| v.form == VerbForm::Gerund) {
        return Some(from);
    }
    (from.max(1)..toks.len())
        .find(|&i| toks[i - 1].kind == TokKind::Comma && is_participle(i))
        .map(|i| i - 1)
}

/// Content for reported speech needs a speaker that can speak, and a verb that reports.
pub(super) fn indirect_allowed(cue: &Cue) -> bool {
    // Beliefs and expectations the story attributes (`Fowler expects …`) are attributions
    // too; their rows carry the rule `belief` so a reader can set them apart.
    matches!(
        cue.class,
        VerbClass::Speech | VerbClass::Characterise | VerbClass::Belief
    )
}

/// Content that starts with a preposition or a verb's particle is an adjunct, not a clause.
/// Does a clause before its cue open with a participle, as an adjunct does, not reported
/// content? `Speaking to the BBC on Monday, X said: …`, `Asked whether …, X said …`.
pub(super) fn opens_adjunct(text: &str, content: &[Tok]) -> bool {
    let Some(first) = content.first() else {
        return true;
    };
    let Some(w) = word(text, first) else {
        return false;
    };
    first.verb.is_some() || w.len() > 4 && w.ends_with("ing")
}

/// Does `that` or a colon introduce the content at `start`? Then it is a clause whatever its
/// first word: `noting that at one point …`.
pub(super) fn introduced(text: &str, toks: &[Tok], start: usize) -> bool {
    start > 0
        && (word(text, &toks[start - 1]) == Some("that") || toks[start - 1].kind == TokKind::Colon)
}

pub(super) fn starts_badly(text: &str, content: &[Tok]) -> bool {
    let Some(first) = content.first().and_then(|t| word(text, t)) else {
        return true;
    };
    lexicon().words().non_content_starts.contains(first)
}

/// Words of the writer's own in front of a quotation make it mixed: `using the tax “is a
/// misguided approach,” said Mr. Burman`. A conjunction or a lead-in colon does not.
pub(super) fn words_before_quote(text: &str, content: &[Tok]) -> bool {
    let q = content
        .iter()
        .rposition(|t| matches!(t.kind, TokKind::Quote(_)));
    q.is_some_and(|q| {
        // A dateline or lead-in set off by a dash is not the writer's sentence:
        // `CHICAGO — “We will win,” said Jane Doe`.
        let from = content[..q]
            .iter()
            .rposition(|t| t.kind == TokKind::Dash)
            .map_or(0, |d| d + 1);
        let words = content[from..q].iter().filter(|t| {
            word(text, t)
                .is_some_and(|w| !lexicon().words().sentence_openers.contains_capitalised(w))
        });
        words.count() >= 1 && !content[..q].iter().any(|t| t.kind == TokKind::Colon)
    })
}

/// A clause before its cue starts after a leading conjunction: `But …`, `And …`.
pub(super) fn trim_clause_start(
    text: &str,
    toks: &[Tok],
    mut content: Range<usize>,
) -> Range<usize> {
    while content.len() > 1
        && word(text, &toks[content.start])
            .is_some_and(|w| lexicon().words().sentence_openers.contains_capitalised(w))
    {
        content.start += 1;
    }
    content
}

/// After a cue, only what cannot be content: punctuation, a parenthesis, a time or place.
pub(super) fn tail_is_adjunct(text: &str, toks: &[Tok], from: usize) -> bool {
    let mut depth = 0usize;
    let mut words = 0;
    for tok in &toks[from.min(toks.len())..] {
        match tok.kind {
            TokKind::OpenParen => depth += 1,
            TokKind::CloseParen => depth = depth.saturating_sub(1),
            TokKind::Terminal => {}
            // Anything inside a parenthesis is an aside: `said (in a statement)`.
            _ if depth > 0 => {}
            TokKind::Word => {
                let w = word(text, tok).unwrap_or("");
                if words == 0
                    && !(lexicon().words().adjunct_openers.contains(w) || lexicon().is_time_word(w))
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
    }
    true
}

/// Does a cue at `start` begin a clause of its own? One right after its own punctuation or a
/// conjunction does (`…, Smith said`, `and Smith said`); one inside reported content does not
/// (`Clinton said she thinks …` reports what she thinks as part of what she said).
pub(super) fn starts_clause(text: &str, toks: &[Tok], start: usize) -> bool {
    // A cue that borrows its speaker starts at its conjunction: `… and insisted that …`.
    let conjunction =
        word(text, &toks[start]).is_some_and(|w| lexicon().words().coordinators.contains(w));
    start == 0
        || conjunction
        || matches!(
            toks[start - 1].kind,
            TokKind::Comma
                | TokKind::Semicolon
                | TokKind::Dash
                | TokKind::Quote(_)
                | TokKind::Colon
                | TokKind::CloseParen
        )
        || word(text, &toks[start - 1]).is_some_and(|w| lexicon().words().clause_links.contains(w))
}

/// The token after a cue's verb and speaker, whichever comes last: `said Smith|`, `Smith said|`.
pub(super) fn cue_words_end(cue: &Cue) -> usize {
    cue.speaker.toks.1.max(cue.verb + 1)
}

/// The token after a cue, its speaker and the speaker's apposition.
pub(super) fn cue_end(toks: &[Tok], cue: &Cue) -> usize {
    let verb_len = if cue.rule == CueRule::AccordingTo {
        2
    } else {
        1
    };
    let end = cue.speaker.toks.1.max(cue.verb + verb_len);
    // An apposition after the cue's last token extends the cue; one before it is inside it.
    if end > 0
        && cue
            .speaker
            .apposition
            .is_some_and(|a| a.start >= toks[end - 1].span.end)
    {
        skip_apposition(toks, end, cue)
    } else {
        end
    }
}

/// The first token from `i` past the speaker's apposition: `, she said, a senior aide,|`.
pub(super) fn skip_apposition(toks: &[Tok], i: usize, cue: &Cue) -> usize {
    cue.speaker.skip_apposition(toks, i)
}

/// `criticized X for Y` blames X for a deed; unlike `called X Y` it reports no words.
pub(super) fn blames(text: &str, cue: &Cue, content: &[Tok]) -> bool {
    cue.class == VerbClass::Characterise
        && content.iter().take(8).any(|t| word(text, t) == Some("for"))
        && !content.iter().any(|t| word(text, t) == Some("as"))
}

/// The quotation right after a cue and its speaker's apposition: `, she said, “Q2.”`.
pub(super) fn quote_after_cue(toks: &[Tok], cue_end: usize, cue: &Cue) -> Option<usize> {
    let mut i = skip_apposition(toks, cue_end, cue);
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

/// The second piece of a quotation split by its cue, as a token range: the quotation right
/// after the cue (`, she said, “Q2.”`), with a conjunction that joins it (`he said, but
/// “Q2”`, which makes it mixed), or past an aside (`Tester said, referring to the excuse,
/// “Q2”`).
pub(super) fn piece_after_cue(
    text: &str,
    toks: &[Tok],
    cue_end: usize,
    cue: &Cue,
) -> Option<Range<usize>> {
    // `“Q1,” she told Hewitt, “Q2”`: the addressee stands between the cue and the piece.
    let cue_end = skip_addressee(text, toks, cue_end, cue);
    if let Some(q) = quote_after_cue(toks, cue_end, cue) {
        return Some(q..q + 1);
    }
    let mut i = skip_apposition(toks, cue_end, cue);
    while toks.get(i).is_some_and(|t| t.kind == TokKind::Comma) {
        i += 1;
    }
    let is_quote = |k: usize| matches!(toks.get(k).map(|t| t.kind), Some(TokKind::Quote(_)));
    let conjunction =
        word(text, toks.get(i)?).is_some_and(|w| lexicon().words().coordinators.contains(w));
    if conjunction {
        let q = if word(text, toks.get(i + 1)?) == Some("still") {
            i + 2
        } else {
            i + 1
        };
        return is_quote(q).then(|| i..q + 1);
    }
    let aside = toks[i].verb.is_some_and(|v| v.form == VerbForm::Gerund)
        || word(text, &toks[i]).is_some_and(|w| w.len() > 5 && w.ends_with("ing"));
    if aside {
        let comma = (i + 1..toks.len().min(i + 12)).find(|&k| toks[k].kind == TokKind::Comma)?;
        return is_quote(comma + 1).then(|| comma + 1..comma + 2);
    }
    None
}
