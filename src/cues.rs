//! Attribution cues: a speech verb and the noun phrase of its speaker.
//!
//! A cue is read from a sentence's tokens (see [`crate::segment`]) in one of the shapes
//! news uses, each a named rule:
//!
//! | rule | shape | example |
//! | --- | --- | --- |
//! | `speaker-verb` | `NP (aux/adverb)* verb` | `Mayor Brandon Johnson said` |
//! | `speaker-apposition-verb` | `NP , apposition , verb` | `Pritzker, a Democrat, said` |
//! | `verb-speaker` | `verb NP` | `said Mayor Brandon Johnson, a Democrat` |
//! | `according-to` | `according to NP` | `according to the White House` |
//! | `speaker-who-verb` | `NP , who (aux)* verb` | `JB Pritzker, who has said` |
//! | `coordinated-verb` | `and verb`, the speaker of the cue before | `Doe smiled and said` |
//! | `dash-speaker` | `— NP` after a quotation | `“…” — Jane Doe` |
//! | `participle` | `, gerund`, the sentence's speaker | `…, adding that` |
//! | `passive` | `be past-verb … by NP` | `was described as reckless by the mayor` |
//!
//! Each is a [`CueRule`]; the row's [`crate::Rule`] joins it with the direction the cue
//! claims its content in (see [`crate::attribute`]).
//!
//! The noun phrase of a speaker is a name (capitalised words, with titles: `Illinois Governor
//! JB Pritzker`), a pronoun, or a description whose head is a title, an organisation or an
//! anonymous source (`a White House spokeswoman`, `the campaign`, `senior officials`).
//! Every scan is bounded by a small window, so a sentence is read in linear time.

use crate::lexicon::{lexicon, SpeechVerb, VerbClass, VerbForm};
use crate::segment::{Tok, TokKind};
use crate::span::Span;

/// What sort of words name a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// Capitalised name words (`Brandon Johnson`, `Mayor Johnson`, `CNN`).
    Name,
    /// `he`, `she`, `they`, ...
    Pronoun,
    /// A description headed by a title, organisation or source noun (`the governor`).
    Description,
}

/// A speaker's noun phrase: token indices into the sentence, and an optional apposition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub toks: (usize, usize),
    pub span: Span,
    pub kind: MentionKind,
    /// The words between commas after a name (`a Democrat`), if any.
    pub apposition: Option<Span>,
}

impl Mention {
    /// The first token at or after `i` that is not part of this mention's apposition.
    pub fn skip_apposition(&self, toks: &[Tok], mut i: usize) -> usize {
        if let Some(a) = self.apposition {
            while i < toks.len() && toks[i].span.start < a.end {
                i += 1;
            }
        }
        i
    }
}

/// The shape a cue was read in: which words name the speaker, and where they stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueRule {
    /// `NP (aux/adverb)* verb`: `Mayor Brandon Johnson said`.
    SpeakerVerb,
    /// `NP , apposition , verb`: `Pritzker, a Democrat, said`.
    SpeakerAppositionVerb,
    /// `NP , who verb`: `JB Pritzker, who has deemed …`.
    SpeakerWhoVerb,
    /// `verb NP`: `said Mayor Brandon Johnson`.
    VerbSpeaker,
    /// `according to NP`.
    AccordingTo,
    /// `and verb`, borrowing the speaker of the cue before it.
    CoordinatedVerb,
    /// `— NP` signing the quotation before it.
    DashSpeaker,
    /// `…, adding (that)`: a gerund speaking for the sentence's speaker.
    Participle,
    /// `was described … by NP`.
    Passive,
}

/// A speech verb with its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Token index of the verb (for `according to`, of `according`).
    pub verb: usize,
    /// The cue words (`said`, `according to`).
    pub span: Span,
    /// The verb's lemma (`say` for `said`), or the cue's own name when it has no verb.
    pub lemma: &'static str,
    pub class: VerbClass,
    pub form: VerbForm,
    pub speaker: Mention,
    pub rule: CueRule,
    /// The first token of the cue in its sentence (speaker or verb).
    pub start: usize,
}

impl Cue {
    /// The same cue, its clause opening at token `start` (the comma before a speaker's
    /// verb: `Leenders, who estimated that X, said Y`).
    pub fn opening_at(self, start: usize) -> Cue {
        Cue { start, ..self }
    }

    /// The cue of the speech verb `verb` at token `i`, starting at token `start`.
    pub fn at_verb(
        toks: &[Tok],
        i: usize,
        verb: SpeechVerb,
        speaker: Mention,
        rule: CueRule,
        start: usize,
    ) -> Cue {
        Cue {
            verb: i,
            span: toks[i].span,
            lemma: verb.lemma,
            class: verb.class,
            form: verb.form,
            speaker,
            rule,
            start,
        }
    }
}

pub fn word<'t>(text: &'t str, tok: &Tok) -> Option<&'t str> {
    tok.is_word().then(|| tok.text(text))
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase())
}

fn is_possessive(w: &str) -> bool {
    w.ends_with("'s") || w.ends_with("’s") || w.ends_with("s'") || w.ends_with("s’")
}

/// A speech verb usable as a cue at token `i`: a finite form, or a gerund when `gerund`.
pub fn verb_at(text: &str, toks: &[Tok], i: usize, case: Case) -> Option<SpeechVerb> {
    let w = word(text, &toks[i])?;
    if is_capitalised(w) && i > 0 && case == Case::Sentence {
        // "Said" mid-sentence is a name (Edward Said), not the verb; in a title-case
        // headline every word is capitalised (`Lindsey Graham Says …`).
        return None;
    }
    toks[i].verb
}

/// How a line capitalises its words: a sentence capitalises its first word and names, a
/// headline in title case every word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    Sentence,
    Title,
}

/// Can `w` be a word of a name? Capitalised and not a function word (`But`, `The`).
fn is_name_word(w: &str) -> bool {
    let lex = lexicon();
    is_capitalised(w)
        && !lex.is_function_word(w)
        && !lex.is_time_word(w)
        && lex.pronoun(w).is_none()
        && (lex.speech_verb(w).is_none() || w.len() > 1 && w[1..].chars().any(|c| c.is_uppercase()))
}

/// Is `w` a head noun of a description (title, organisation, anonymous source)?
fn is_description_head(w: &str) -> bool {
    let lex = lexicon();
    // An age stands for a person: `said the 29-year-old`.
    lex.is_title(w) || lex.is_org_word(w) || lex.is_anonymous_head(w) || w.ends_with("-year-old")
}

/// The noun phrase that ends just before token `end` (exclusive), read backwards.
pub fn phrase_before(text: &str, toks: &[Tok], end: usize) -> Option<Mention> {
    let last = end.checked_sub(1)?;
    let w = word(text, &toks[last])?;
    if lexicon().pronoun(w).is_some() {
        return Some(mention(toks, last, end, MentionKind::Pronoun, None));
    }
    // A month after a first name is a surname: `Theresa May said`.
    let surname_month = is_capitalised(w)
        && lexicon().is_time_word(w)
        && last > 0
        && word(text, &toks[last - 1]).is_some_and(is_name_word);
    let head_is_name = (is_name_word(w) || surname_month) && !lexicon().is_title(w);
    if !head_is_name && !is_description_head(w) {
        return None;
    }
    let mut start = last;
    let mut named = head_is_name;
    let mut lowercase_run = 0;
    while start > 0 {
        let Some(prev) = word(text, &toks[start - 1]) else {
            break;
        };
        if is_name_word(prev)
            || lexicon().is_title(prev)
            || is_possessive(prev) && is_capitalised(prev)
        {
            named |= is_name_word(prev) && !lexicon().is_title(prev);
            lowercase_run = 0;
        } else if lexicon().words().determiners.contains_folded(prev) {
            start -= 1;
            break;
        } else if lexicon().words().description_links.contains_folded(prev) && start >= 2 {
            lowercase_run += 1;
        } else if !is_capitalised(prev)
            && !lexicon().is_function_word(prev)
            && toks[start - 1].verb.is_none()
            && prev.chars().all(|c| c.is_alphabetic() || c == '-')
            && !named
            && lowercase_run < 2
        {
            // Adjectives before a description's head: "senior administration officials".
            lowercase_run += 1;
        } else {
            break;
        }
        start -= 1;
    }
    // A phrase never starts with a linking word ("of", "and").
    while start < last
        && word(text, &toks[start]).is_some_and(|w| {
            lexicon().words().description_links.contains_folded(w)
                && !lexicon().words().determiners.contains_folded(w)
        })
    {
        start += 1;
    }
    let kind = if named {
        MentionKind::Name
    } else {
        MentionKind::Description
    };
    Some(mention(toks, start, end, kind, None))
}

/// The noun phrase that starts at token `start`, read forwards, with an apposition after it.
pub fn phrase_after(text: &str, toks: &[Tok], start: usize) -> Option<Mention> {
    let first = word(text, toks.get(start)?)?;
    if lexicon().pronoun(first).is_some() {
        return Some(mention(toks, start, start + 1, MentionKind::Pronoun, None));
    }
    let mut end = start;
    let mut named = false;
    let mut described = false;
    while let Some(w) = toks.get(end).and_then(|t| word(text, t)) {
        if is_name_word(w) && !lexicon().is_title(w) {
            named = true;
        } else if lexicon().is_title(w) || is_description_head(w) {
            described = true;
        } else if end == start && lexicon().words().determiners.contains_folded(w) {
        } else if end - start < 2
            && !named
            && !is_capitalised(w)
            && toks[end].verb.is_none()
            && !lexicon().is_function_word(w)
            && (end + 1..end + 3).any(|k| {
                toks.get(k)
                    .and_then(|t| word(text, t))
                    .is_some_and(is_name_word)
            })
        {
            // Modifiers before a name: `9/11 widow Terry Strada`, `longtime aide Jo Smith`.
        } else if (lexicon().words().description_links.contains_folded(w)
            // `Clinton press secretary`, never a verb: `Trump attacked Clinton`.
            || !is_capitalised(w) && (named || described) && toks[end].verb.is_none() && !w.ends_with("ed"))
            && toks
                .get(end + 1)
                .and_then(|t| word(text, t))
                .is_some_and(|n| {
                    is_capitalised(n)
                        || is_description_head(n)
                        || lexicon().words().determiners.contains_folded(n)
                })
            && end > start
        {
            // "spokesman for the campaign", "director of the FBI"
        } else if !is_capitalised(w)
            && !named
            && end > start
            && !lexicon().is_function_word(w)
            && toks[end].verb.is_none()
        {
            // "a senior official"
        } else {
            break;
        }
        end += 1;
    }
    // `one commuter, Sarah Jones,`: a plain noun whose apposition is a name.
    let named_by_apposition = !named
        && !described
        && apposition_after(toks, end).is_some_and(|a| {
            text[a.range()]
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
        });
    // Drop trailing link words ("the", "of") and lowercase words after a name.
    while !named_by_apposition
        && end > start
        && word(text, &toks[end - 1]).is_some_and(|w| !is_capitalised(w) && !is_description_head(w))
    {
        end -= 1;
    }
    let apposition = apposition_after(toks, end);
    if end == start || !(named || described || named_by_apposition) {
        return None;
    }
    let kind = if named {
        MentionKind::Name
    } else {
        MentionKind::Description
    };
    Some(mention(toks, start, end, kind, apposition))
}

/// `apposition = "," 1*word ("," / terminal / end)` right after a name: `, a Democrat.`
fn apposition_after(toks: &[Tok], end: usize) -> Option<Span> {
    if toks.get(end)?.kind != TokKind::Comma {
        return None;
    }
    let from = end + 1;
    let mut to = from;
    while to < toks.len() && toks[to].is_word() && to - from < 12 {
        to += 1;
    }
    let closed = to == toks.len() || matches!(toks[to].kind, TokKind::Comma | TokKind::Terminal);
    (to > from && closed).then(|| Span::new(toks[from].span.start, toks[to - 1].span.end))
}

fn mention(
    toks: &[Tok],
    start: usize,
    end: usize,
    kind: MentionKind,
    apposition: Option<Span>,
) -> Mention {
    Mention {
        toks: (start, end),
        span: Span::new(toks[start].span.start, toks[end - 1].span.end),
        kind,
        apposition,
    }
}

/// The speaker of the verb at `verb`, read backwards: `NP (aux)* verb` or
/// `NP , apposition , (aux)* verb`.
pub fn speaker_before_verb(text: &str, toks: &[Tok], verb: usize) -> Option<(Mention, CueRule)> {
    let mut end = verb;
    while end > 0
        && word(text, &toks[end - 1]).is_some_and(|w| {
            // Lowercase only: `Theresa May said` has no auxiliary in it.
            !is_capitalised(w)
                && (lexicon().words().auxiliaries.contains_folded(w)
                    || w.ends_with("ly") && w.len() > 4)
        })
    {
        end -= 1;
    }
    if end > 0 && toks[end - 1].kind == TokKind::Comma {
        return apposed_speaker(text, toks, end - 1).map(|m| (m, CueRule::SpeakerAppositionVerb));
    }
    if end > 1
        && word(text, &toks[end - 1]).is_some_and(|w| w == "who")
        && toks[end - 2].kind == TokKind::Comma
    {
        // `JB Pritzker, who has deemed …`
        return phrase_before(text, toks, end - 2)
            .filter(|m| m.kind != MentionKind::Pronoun)
            .map(|m| (m, CueRule::SpeakerWhoVerb));
    }
    if end > 0 && toks[end - 1].kind == TokKind::CloseParen {
        // "Sen. Dick Durbin (D-Ill.) said"
        let open = (end.saturating_sub(8)..end - 1)
            .rev()
            .find(|&i| toks[i].kind == TokKind::OpenParen)?;
        return phrase_before(text, toks, open).map(|m| (m, CueRule::SpeakerVerb));
    }
    phrase_before(text, toks, end).map(|m| (m, CueRule::SpeakerVerb))
}

/// `NP , apposition ,` where `comma` is the second comma: `Pritzker, a Democrat,`.
fn apposed_speaker(text: &str, toks: &[Tok], comma: usize) -> Option<Mention> {
    // An apposition may quote an epithet (`Tom Homan, the administration’s “border czar”,`)
    // or hold commas itself (`Johnnie Wilson, of Springfield, Va.,`): the speaker is the
    // farthest phrase in the chain that starts a clause.
    let apposition_tok =
        |t: &Tok| t.is_word() || matches!(t.kind, TokKind::Quote(_) | TokKind::Comma);
    let floor = comma.saturating_sub(24);
    let mut chain_start = comma;
    while chain_start > floor && apposition_tok(&toks[chain_start - 1]) {
        chain_start -= 1;
    }
    let commas = (chain_start..comma).filter(|&i| toks[i].kind == TokKind::Comma);
    let mut fallback = None;
    for first in commas {
        if first + 1 == comma {
            continue;
        }
        let Some(np) = phrase_before(text, toks, skip_parenthesis(toks, first)) else {
            continue;
        };
        if np.kind == MentionKind::Pronoun {
            continue;
        }
        let apposition = Span::new(toks[first + 1].span.start, toks[comma - 1].span.end);
        let found = Mention {
            apposition: Some(apposition),
            ..np
        };
        let starts_clause = np.toks.0 == 0
            || matches!(
                toks[np.toks.0 - 1].kind,
                TokKind::Comma | TokKind::Quote(_) | TokKind::Terminal | TokKind::Dash
            )
            || word(text, &toks[np.toks.0 - 1]).is_some_and(|w| {
                let coordinators = &lexicon().words().coordinators;
                coordinators.contains(w) || coordinators.contains_capitalised(w)
            });
        if starts_clause {
            return Some(found);
        }
        // Failing a clause start, the nearest phrase: `to Chicago, something Johnson and
        // JB Pritzker, the governor of Illinois, have said`.
        fallback = Some(found);
    }
    fallback
}

/// Where a phrase ends when a parenthesis follows it: `Rep. Jim Jordan (R-Ohio),`.
fn skip_parenthesis(toks: &[Tok], end: usize) -> usize {
    if end == 0 || toks[end - 1].kind != TokKind::CloseParen {
        return end;
    }
    (end.saturating_sub(10)..end - 1)
        .rev()
        .find(|&i| toks[i].kind == TokKind::OpenParen)
        .unwrap_or(end)
}

/// Does nothing but punctuation follow the phrase and its apposition?
fn closes_sentence(toks: &[Tok], m: &Mention) -> bool {
    toks[m.skip_apposition(toks, m.toks.1)..]
        .iter()
        .all(|t| matches!(t.kind, TokKind::Terminal | TokKind::CloseParen))
}

/// Every cue of a sentence, in order of their verbs.
pub fn find_cues(text: &str, toks: &[Tok], case: Case) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    for i in 0..toks.len() {
        // Most tokens are neither a speech verb nor `according`: one test rules them out.
        let candidate = toks[i].verb.is_some() || toks[i].span.len() == "according".len();
        if !candidate {
            continue;
        }
        if let Some(cue) =
            according_to(text, toks, i).or_else(|| verb_cue(text, toks, i, out.last(), case))
        {
            out.push(cue);
        }
    }
    out
}

/// `according-to = "according" "to" NP`
fn according_to(text: &str, toks: &[Tok], i: usize) -> Option<Cue> {
    let w = word(text, &toks[i])?;
    if !w.eq_ignore_ascii_case("according")
        || !word(text, toks.get(i + 1)?)?.eq_ignore_ascii_case("to")
    {
        return None;
    }
    let speaker = phrase_after(text, toks, i + 2)?;
    Some(Cue {
        verb: i,
        span: Span::new(toks[i].span.start, toks[i + 1].span.end),
        lemma: "according to",
        class: VerbClass::Speech,
        form: VerbForm::Present,
        speaker,
        rule: CueRule::AccordingTo,
        start: i,
    })
}

/// `verb-cue = NP (aux)* verb / verb NP / NP be verb-ing`, the speaker before the verb
/// preferred; `and verb` borrows the speaker of the cue before it.
fn verb_cue(text: &str, toks: &[Tok], i: usize, prev: Option<&Cue>, case: Case) -> Option<Cue> {
    let verb = verb_at(text, toks, i, case)?;
    let progressive = verb.form == VerbForm::Gerund
        && i > 0
        && word(text, &toks[i - 1]).is_some_and(|w| lexicon().words().be_forms.contains(w));
    // `to say`, `will address`: an intention or a plan, not a report of speech.
    let infinitive =
        i > 0 && word(text, &toks[i - 1]).is_some_and(|w| lexicon().words().modals.contains(w));
    if verb.form == VerbForm::Gerund && !progressive || verb.form == VerbForm::Base && infinitive {
        return None;
    }
    let subject_end = if progressive { i - 1 } else { i };
    // Inverted order only where a quotation or clause precedes: `“…,” said X`. When the
    // phrase after the verb closes the sentence (`…, said the company's chief executive,
    // John Doe.`) it is the speaker, whatever stands before the comma.
    let after_comma = i > 0 && matches!(toks[i - 1].kind, TokKind::Comma | TokKind::Quote(_));
    let inverted = after_comma
        .then(|| phrase_after(text, toks, i + 1))
        .flatten()
        .filter(|m| {
            m.kind != MentionKind::Pronoun
                || toks
                    .get(m.toks.1)
                    .is_none_or(|t| t.kind == TokKind::Terminal)
        });
    // After `told`, `asked` the phrase is the addressee: `X, 82, told The Post.`
    let addressed = lexicon().addressee_only(verb.lemma);
    let closing = inverted
        .filter(|m| !addressed && m.kind != MentionKind::Pronoun && closes_sentence(toks, m));
    let found = match closing {
        Some(m) => Some((m, CueRule::VerbSpeaker)),
        None => speaker_before_verb(text, toks, subject_end)
            .or_else(|| inverted.map(|m| (m, CueRule::VerbSpeaker))),
    };
    let (speaker, rule, start) = match found {
        Some((m, rule)) => (m, rule, m.toks.0.min(i)),
        None => {
            let coordinated = i > 0
                && word(text, &toks[i - 1])
                    .is_some_and(|w| lexicon().words().coordinators.contains(w));
            let prev = prev.filter(|_| coordinated)?;
            (prev.speaker, CueRule::CoordinatedVerb, i - 1)
        }
    };
    if lexicon().document_only(verb.lemma) && !document_finding(text, toks, i, &speaker) {
        return None;
    }
    Some(Cue::at_verb(toks, i, verb, speaker, rule, start))
}

/// `document-finding = NP verb "that"` where the noun phrase is headed by a document or a
/// body: `a review of forty trials found that …`, `the data show that …`.
fn document_finding(text: &str, toks: &[Tok], verb: usize, speaker: &Mention) -> bool {
    let head = text[speaker.span.range()].rsplit(' ').next().unwrap_or("");
    let that = toks
        .get(verb + 1)
        .and_then(|t| word(text, t))
        .is_some_and(|w| w == "that");
    that && speaker.kind != MentionKind::Pronoun && lexicon().is_org_word(head)
}

/// `dash-speaker = quote [terminal] dash NP` with nothing quoted after it: `“…” — Jane Doe`.
/// `quote` is the token index of the quotation the name signs.
pub fn dash_cue(text: &str, toks: &[Tok], quote: usize) -> Option<Cue> {
    let dash = dash_after(toks, quote)?;
    let speaker = phrase_after(text, toks, dash + 1)?;
    let ends = toks[speaker.toks.1..]
        .iter()
        .all(|t| !matches!(t.kind, TokKind::Quote(_)))
        && speaker.kind == MentionKind::Name;
    ends.then_some(Cue {
        verb: dash,
        span: toks[dash].span,
        lemma: "dash",
        class: VerbClass::Speech,
        form: VerbForm::Present,
        speaker,
        rule: CueRule::DashSpeaker,
        start: dash,
    })
}

/// The dash right after the quotation at `i`, or after a full stop that follows it.
fn dash_after(toks: &[Tok], i: usize) -> Option<usize> {
    if toks.get(i + 1)?.kind == TokKind::Dash {
        Some(i + 1)
    } else if toks[i + 1].kind == TokKind::Terminal
        && toks.get(i + 2).is_some_and(|t| t.kind == TokKind::Dash)
    {
        Some(i + 2)
    } else {
        None
    }
}

/// `passive = be past-verb *word "by" NP`: `has been described as reckless by the mayor`.
/// The cue of the verb at `i`, and the token index of `by`, where its content ends.
pub fn passive_cue(text: &str, toks: &[Tok], i: usize) -> Option<(Cue, usize)> {
    let verb = toks[i].verb?;
    let aux = word(text, &toks[i.checked_sub(1)?])
        .is_some_and(|w| lexicon().words().be_forms.contains(w));
    if verb.form != VerbForm::Past || !aux {
        return None;
    }
    let by = (i + 1..toks.len().min(i + 25)).find(|&j| word(text, &toks[j]) == Some("by"))?;
    let speaker = phrase_after(text, toks, by + 1)?;
    if speaker.kind == MentionKind::Pronoun {
        return None;
    }
    Some((
        Cue::at_verb(toks, i, verb, speaker, CueRule::Passive, i),
        by,
    ))
}

/// `participle = ("," / past-verb) gerund`: `…, arguing`, `responded saying`, unless it
/// states a belief. It speaks for the last cue's speaker before it, else for the phrase that
/// opens the sentence or a clause.
pub fn participle_cue(text: &str, toks: &[Tok], cues: &[Cue], i: usize) -> Option<Cue> {
    let after_verb = toks[i - 1].verb.is_some_and(|v| v.form == VerbForm::Past);
    if !(toks[i - 1].kind == TokKind::Comma || after_verb) {
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
    Some(Cue::at_verb(toks, i, verb, speaker, CueRule::Participle, i))
}

/// The subject of the clause a word at `participle` hangs on: the first name that opens the
/// sentence or a clause after a comma, before it (`Later on Sunday, Carson shared a
/// syllabus, writing …` is Carson's).
pub fn clause_subject(text: &str, toks: &[Tok], participle: usize) -> Option<Mention> {
    let starts = std::iter::once(0).chain(
        (0..participle)
            .filter(|&j| toks[j].kind == TokKind::Comma)
            .map(|j| j + 1),
    );
    starts.filter(|&k| k < participle).find_map(|k| {
        phrase_after(text, toks, k)
            .filter(|m| m.kind == MentionKind::Name && m.toks.1 <= participle)
    })
}

/// `“Q,” Tulsa police Chief Chuck Jordan said`: words between a quotation and the name the
/// cue found (`Tulsa police`) belong to the speaker's description.
pub fn widen_to_quote(text: &str, toks: &[Tok], cue: &Cue) -> Cue {
    let mut start = cue.start;
    if cue.speaker.toks.0 != cue.start || cue.speaker.kind == MentionKind::Pronoun {
        return *cue;
    }
    while start > 0
        && cue.start - start < 5
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
