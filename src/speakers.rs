//! Speaker mentions become names: one person reads as one name through a whole story.
//!
//! First, who goes on speaking is settled (`continuity.rs`): the rows come from attribution
//! in reading order, with facts (a mention, or "goes on from whoever spoke last"), and leave
//! here in text order with a speaker each. Then a document builds its own table of who
//! speaks, in order of first mention:
//!
//! - a name mention loses its titles to `speaker_title` (`Illinois Governor JB Pritzker` is
//!   `JB Pritzker`, titled `Illinois Governor`);
//! - a surname alone (`Pritzker`) resolves to the full name that ends with it, in the table
//!   or written anywhere in the story (`Donald Trump` in a quotation makes `Trump` whole);
//! - a short form the story defines (`the Competition and Markets Authority (CMA)`) is the
//!   full name; a place, people or party (`grammar/places.txt`) speaks as a body;
//! - a description (`the governor`, `A White House spokeswoman`) resolves to the person the
//!   story gives that title, before or after, or to whom it stands for (`anaphor.rs`: `the
//!   minister`, `the 29-year-old`, `the committee`); unresolved, it is an anonymous source
//!   or an organisation by its head noun;
//! - `he` and `she` resolve to the most salient fitting person (`pronouns.rs`); `they` to the
//!   nearest preceding group of sources or organisation; `it` stays unresolved.

mod anaphor;
mod continuity;
mod names;
mod pronouns;

use crate::attribute::{RawAttribution, SpeakerMention};
use crate::attribution::{Speaker, SpeakerKind};
use crate::cues::MentionKind;
use crate::entities::EntityTable;
use crate::lexicon::{lexicon, Gender};
use crate::quotes::QuotedSpan;
use crate::span::Span;
use anaphor::{anaphor_of, named_org, Anaphor};
use continuity::Said;
use indexmap::IndexMap;
use names::NameIndex;
use pronouns::People;
use rustc_hash::{FxBuildHasher, FxHashMap};

/// The document's speakers by the name a mention gives, in order of first mention.
type Table = IndexMap<String, Entry, FxBuildHasher>;

/// A speaker the document names, with what the story says of them.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entry {
    name: String,
    kind: SpeakerKind,
    title: String,
}

/// The words of a mention split into title and name.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Parsed {
    title: String,
    name: String,
    kind: SpeakerKind,
}

fn is_determiner(w: &str) -> bool {
    lexicon().words().articles.contains_folded(w)
}

fn is_acronym(w: &str) -> bool {
    w.len() >= 2
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c == '.' || c == '&')
}

/// Split `Illinois Governor JB Pritzker` into title `Illinois Governor` and name `JB Pritzker`.
fn parse(text: &str, m: &SpeakerMention) -> Parsed {
    let words: Vec<&str> = text[m.span.range()]
        .split_whitespace()
        .skip_while(|w| is_determiner(w))
        .collect();
    let lex = lexicon();
    // `a statement from the National Weather Service`: a document speaks for its source.
    if let Some(k) = words
        .iter()
        .position(|w| lex.words().source_links.contains(w))
    {
        let source: Vec<&str> = words[k + 1..]
            .iter()
            .copied()
            .skip_while(|w| is_determiner(w))
            .collect();
        let document = k > 0 && lex.is_org_word(words[k - 1]) && !lex.is_title(words[k - 1]);
        if document
            && source
                .first()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            let org = source
                .last()
                .is_some_and(|w| lex.is_org_word(w) || is_acronym(w));
            return Parsed {
                title: String::new(),
                name: source.join(" "),
                kind: if org {
                    SpeakerKind::Org
                } else {
                    SpeakerKind::Person
                },
            };
        }
    }
    // `Stacey Plaskett of the Virgin Islands`: an affiliation after the name is no name.
    let link = words
        .iter()
        .position(|w| lex.words().affiliation_links.contains(w));
    let words: Vec<&str> = match link {
        Some(k)
            if words[..k]
                .iter()
                .any(|w| w.starts_with(char::is_uppercase) && !lex.is_title(w)) =>
        {
            words[..k].to_vec()
        }
        _ => words,
    };
    let n = words.len();
    // A capitalised title word closing a name is a surname: `Charlie King`, `Stephen Major`.
    let surname_like = |i: usize| {
        i + 1 == n
            && i > 0
            && words[i].starts_with(char::is_uppercase)
            && !lex.is_title(words[i - 1])
            && words[i - 1].starts_with(char::is_uppercase)
    };
    let last_title = (0..n).rev().find(|&i| {
        let w = words[i];
        (lex.is_title(w) && !surname_like(i))
            || w.ends_with("'s")
            || w.ends_with("’s")
            || !w.starts_with(char::is_uppercase)
    });
    let (title, mut name) = match last_title {
        Some(t) => (&words[..=t], words[t + 1..].to_vec()),
        None => (&words[..0], words.clone()),
    };
    // `spokeswoman for Hillary Clinton`: the name after a role's link word is whom the
    // role serves, not who speaks.
    if link.is_some_and(|k| k < n) {
        name.clear();
    }
    let (title, mut name) = if name.is_empty() {
        (&words[..], name)
    } else {
        (title, name)
    };
    let apposition = m.apposition.map(|a| &text[a.range()]);
    // `The state’s campaign chairman, Phil Lovas,`: the apposition is the name.
    if name.is_empty() {
        if let Some(a) = apposition.filter(|a| is_bare_name(a)) {
            name = a.split_whitespace().collect();
        }
    }
    let head = words.last().copied().unwrap_or("");
    let org = lex.is_org_word(head) || (name.len() == 1 && is_acronym(head));
    // `Israel`, `South Africa`, `Republicans`: a place, people or party speaks as a body.
    let place = !name.is_empty() && {
        let joined = name.join(" ");
        lex.is_place(joined.trim_end_matches("'s").trim_end_matches("’s"))
    };
    let kind = if org && (name.len() == words.len() || m.kind == MentionKind::Description) || place
    {
        SpeakerKind::Org
    } else if name.is_empty() {
        SpeakerKind::Anonymous
    } else {
        SpeakerKind::Person
    };
    let mut title = title.join(" ");
    if let Some(a) = apposition.filter(|a| !name.join(" ").eq(a)) {
        if !title.is_empty() {
            title.push_str(", ");
        }
        title.push_str(a);
    }
    if kind == SpeakerKind::Org {
        // `the order`, `the campaign` name no one; `the Clinton campaign`, `CNN` do.
        let named = words
            .iter()
            .any(|w| w.starts_with(char::is_uppercase) && !lex.is_function_word(w));
        return Parsed {
            title: String::new(),
            name: if named {
                words.join(" ")
            } else {
                String::new()
            },
            kind,
        };
    }
    Parsed {
        title,
        name: name.join(" "),
        kind,
    }
}

/// Capitalised words only, none of them a title: `Phil Lovas`.
fn is_bare_name(s: &str) -> bool {
    let lex = lexicon();
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && !lex.is_title(w) && !lex.is_function_word(w)
        })
}

/// An unresolved description that names an affiliation (`The Indiana governor`, `a Homeland
/// Security Department official`) is the best name the story gives; a bare role is not.
///
/// A capital on a sentence's first word proves nothing (`Local officials said`), unless the
/// story never writes that word in lower case (`Democratic leaders said`).
fn description_name<'t>(
    text: &'t str,
    mention: Span,
    lower_case: &mut LowerCaseWords<'t>,
) -> Option<String> {
    let phrase = &text[mention.range()];
    let words: Vec<&'t str> = phrase.split(',').next()?.split_whitespace().collect();
    let lex = lexicon();
    let sentence_initial = text[..mention.start]
        .trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| ".!?\"”\n".contains(c));
    let mut proper = |(i, w): (usize, &'t str)| {
        w.starts_with(char::is_uppercase)
            && !lex.is_title(w)
            && !lex.is_anonymous_head(w)
            && !is_determiner(w)
            && (i > 0 || !sentence_initial || !lower_case.written(text, w))
    };
    let affiliated = words.iter().copied().enumerate().any(&mut proper);
    let name: Vec<&str> = words.into_iter().filter(|w| !is_determiner(w)).collect();
    affiliated.then(|| name.join(" "))
}

/// Whether the story writes a word in lower case somewhere (`local` for `Local`), each word
/// searched for once: a long story repeats `Officials said` many times.
#[derive(Default)]
struct LowerCaseWords<'t>(FxHashMap<&'t str, bool>);

impl<'t> LowerCaseWords<'t> {
    fn written(&mut self, text: &str, word: &'t str) -> bool {
        *self.0.entry(word).or_insert_with(|| {
            let lower = format!(" {} ", word.to_lowercase());
            memchr::memmem::find(text.as_bytes(), lower.as_bytes()).is_some()
        })
    }
}

/// `Johnson and JB Pritzker`: the spans of each name of a coordinated mention, if it is one.
fn coordinated(text: &str, m: &SpeakerMention) -> Option<Vec<Span>> {
    if m.kind != MentionKind::Name {
        return None;
    }
    let words = &text[m.span.range()];
    let at = words.find(" and ")?;
    let (left, right) = (&words[..at], &words[at + 5..]);
    let named = |part: &str| {
        part.split_whitespace()
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase) && !lexicon().is_function_word(w))
    };
    (named(left) && named(right)).then(|| {
        let start = m.span.start;
        vec![
            Span::new(start, start + at),
            Span::new(start + at + 5, m.span.end),
        ]
    })
}

/// A stable id within the document, from the name: `Brandon Johnson` is `brandon-johnson`.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    if out.ends_with('-') {
        out.pop();
    }
    out
}

/// Where the document's quotations and sentences lie, as the pipeline found them: `he` and
/// `she` look back sentence by sentence, past quoted words.
pub struct Layout<'a> {
    pub quotes: &'a [QuotedSpan],
    /// The byte offset where each sentence starts, in order.
    pub sentence_starts: &'a [usize],
}

/// Settles who speaks every row of a document, found in reading order: continuity first
/// (see `continuity.rs`), then each mention resolved to a speaker. The rows come back in
/// text order, each with its speaker.
pub fn resolve(
    text: &str,
    layout: &Layout,
    mut rows: Vec<RawAttribution>,
    entities: Option<&EntityTable>,
) -> Vec<(RawAttribution, Speaker)> {
    let said = continuity::settle(&mut rows);
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order.sort_by_key(|&i| (rows[i].quote.start, rows[i].quote.end));
    let said: Vec<Said> = order.iter().map(|&i| said[i]).collect();
    let speakers = resolve_mentions(text, layout, &said, entities);
    order.into_iter().map(|i| rows[i]).zip(speakers).collect()
}

/// Resolves every mention, in text order, to a speaker.
fn resolve_mentions(
    text: &str,
    layout: &Layout,
    said: &[Said],
    entities: Option<&EntityTable>,
) -> Vec<Speaker> {
    let (wordings, wording_of) = wordings(text, said);
    let names = NameIndex::new(text);
    // Coordinated mentions name no single person: they join the table only through parts.
    let single: Vec<&Parsed> = wordings
        .iter()
        .filter(|w| w.parts.is_none())
        .map(|w| &w.parsed)
        .collect();
    let table = build_table(&names, &single);
    let roles = roles_of(&table);
    // Built on first need: a story whose every speaker is named never pays for it.
    let mut salient: Option<People> = None;
    let people_of = |salient: &mut Option<People>| {
        if salient.is_none() {
            *salient = Some(People::new(&table, &names, layout));
        }
    };
    // The speaker a wording resolves to, unless where it stands decides (a pronoun, an
    // unresolved description at a sentence's start).
    let mut resolved: Vec<Option<Speaker>> = vec![None; wordings.len()];
    let mut lower_case = LowerCaseWords::default();
    let mut out: Vec<Speaker> = Vec::with_capacity(said.len());
    for (by, wording) in said.iter().zip(&wording_of) {
        let m = match *by {
            Said::By(m) => m,
            Said::Near(at) => {
                people_of(&mut salient);
                let entry = salient.as_ref().and_then(|p| p.subject_before(at));
                let mut speaker = speaker_of(None, entry);
                if let Some(table) = entities {
                    canonical(text, &mut speaker, MentionKind::Name, table);
                }
                out.push(speaker);
                continue;
            }
        };
        let Some(k) = *wording else {
            people_of(&mut salient);
            let entry = salient
                .as_mut()
                .and_then(|salient| resolve_pronoun(text, &m, &table, salient, &names, &out));
            let mut speaker = speaker_of(Some(m.span), entry);
            if let Some(table) = entities {
                canonical(text, &mut speaker, m.kind, table);
            }
            out.push(speaker);
            continue;
        };
        if let Some(known) = &resolved[k] {
            out.push(Speaker {
                mention: Some(m.span),
                ..known.clone()
            });
            continue;
        }
        let w = &wordings[k];
        let entry = match &w.parts {
            Some(spans) => resolve_coordinated(text, &m, spans, &table, &roles, &names),
            None => resolve_parsed(&w.parsed, &table, &roles),
        };
        let mut speaker = speaker_of(Some(m.span), entry);
        if let Some(full) = names.expansion(&speaker.name) {
            speaker.id = slug(full);
            speaker.name = full.to_string();
            speaker.kind = Some(SpeakerKind::Org);
        }
        let p = &w.parsed;
        if speaker.kind.is_none() {
            speaker.kind = Some(p.kind);
        }
        let by_position = speaker.name.is_empty();
        let anaphor = match by_position.then(|| anaphor_of(text, &m)).flatten() {
            Some(Anaphor::Org(head)) => named_org(head, &out),
            Some(Anaphor::Age) => {
                people_of(&mut salient);
                salient
                    .as_ref()
                    .and_then(|p| p.subject_before(m.span.start))
            }
            Some(Anaphor::Role(role)) => {
                people_of(&mut salient);
                salient
                    .as_ref()
                    .and_then(|p| p.in_role(m.span.start, &role))
            }
            None => None,
        };
        if let Some(entry) = anaphor {
            speaker.id = slug(&entry.name);
            speaker.name = entry.name;
            speaker.kind = Some(entry.kind);
        } else if by_position {
            if let Some(name) = description_name(text, m.span, &mut lower_case) {
                speaker.id = slug(&name);
                speaker.name = name;
            }
        }
        if !p.title.is_empty() && w.parts.is_none() {
            speaker.title = p.title.clone();
        }
        if let Some(table) = entities {
            canonical(text, &mut speaker, m.kind, table);
        }
        if !by_position {
            resolved[k] = Some(speaker.clone());
        }
        out.push(speaker);
    }
    out
}

/// One way the story words a speaker: its words parsed, and its names if it joins several.
struct Wording {
    parsed: Parsed,
    parts: Option<Vec<Span>>,
}

/// The distinct wordings of the rows' mentions, pronouns aside, and each row's wording: a
/// story names its speakers many times the same way, so each is parsed and resolved once.
fn wordings(text: &str, said: &[Said]) -> (Vec<Wording>, Vec<Option<usize>>) {
    let mut seen: FxHashMap<(&str, Option<&str>, MentionKind), usize> = FxHashMap::default();
    let mut wordings: Vec<Wording> = Vec::new();
    let wording_of = said
        .iter()
        .map(|by| {
            let Said::By(m) = *by else {
                return None;
            };
            (m.kind != MentionKind::Pronoun).then_some(())?;
            let key = (
                &text[m.span.range()],
                m.apposition.map(|a| &text[a.range()]),
                m.kind,
            );
            Some(*seen.entry(key).or_insert_with(|| {
                wordings.push(Wording {
                    parsed: parse(text, &m),
                    parts: coordinated(text, &m),
                });
                wordings.len() - 1
            }))
        })
        .collect();
    (wordings, wording_of)
}

/// The speaker of a mention at `mention` that resolved to `entry`, if any.
fn speaker_of(mention: Option<Span>, entry: Option<Entry>) -> Speaker {
    let mut speaker = Speaker {
        mention,
        ..Speaker::default()
    };
    if let Some(e) = entry {
        speaker.id = slug(&e.name);
        speaker.name = e.name;
        speaker.kind = Some(e.kind);
        speaker.title = e.title;
    }
    speaker
}

/// The table's word on a speaker: by the resolved name first, then by the mention's words.
fn canonical(text: &str, speaker: &mut Speaker, kind: MentionKind, table: &EntityTable) {
    let by_name = (!speaker.name.is_empty())
        .then(|| table.lookup_name(&speaker.name))
        .flatten();
    let by_alias = || {
        let mention = speaker
            .mention
            .map(|m| &text[m.range()])
            .filter(|_| kind != MentionKind::Pronoun);
        mention
            .and_then(|m| table.lookup_alias(m))
            .or_else(|| {
                (!speaker.name.is_empty())
                    .then(|| table.lookup_alias(&speaker.name))
                    .flatten()
            })
            .or_else(|| {
                (!speaker.title.is_empty() && speaker.name.is_empty())
                    .then(|| table.lookup_alias(&speaker.title))
                    .flatten()
            })
    };
    let Some(entity) = by_name.or_else(by_alias) else {
        return;
    };
    speaker.name = entity.name.clone();
    speaker.id = entity.id.clone();
    speaker.kind = Some(entity.kind);
    if speaker.title.is_empty() {
        speaker.title = entity.title.clone();
    }
}

/// The people and organisations the document names, full names first.
fn build_table(names: &NameIndex, parsed: &[&Parsed]) -> Table {
    let mut table = Table::default();
    let named = parsed.iter().copied().filter(|p| !p.name.is_empty());
    for p in named.clone().filter(|p| p.name.contains(' ')) {
        table.entry(p.name.clone()).or_insert_with(|| Entry {
            name: p.name.clone(),
            kind: p.kind,
            title: p.title.clone(),
        });
    }
    for p in named.filter(|p| !p.name.contains(' ')) {
        if lookup_surname(&table, &p.name).is_some() {
            continue;
        }
        let name = match p.kind {
            SpeakerKind::Person => names.full_name(&p.name).unwrap_or_else(|| p.name.clone()),
            _ => p.name.clone(),
        };
        table.entry(p.name.clone()).or_insert(Entry {
            name,
            kind: p.kind,
            title: p.title.clone(),
        });
    }
    table
}

fn lookup_surname<'t>(table: &'t Table, surname: &str) -> Option<&'t Entry> {
    table.values().find(|e| {
        e.kind == SpeakerKind::Person
            && e.name.rsplit(' ').next().is_some_and(|last| {
                // A transcript writes the surname in capitals: `PENCE:`.
                last == surname || last.eq_ignore_ascii_case(surname) && is_acronym(surname)
            })
            && e.name != surname
    })
}

fn resolve_parsed(p: &Parsed, table: &Table, roles: &Roles) -> Option<Entry> {
    if p.name.is_empty() {
        return resolve_description(p, table, roles);
    }
    if let Some(e) = table.get(&p.name) {
        return Some(e.clone());
    }
    if !p.name.contains(' ') {
        if let Some(e) = lookup_surname(table, &p.name) {
            return Some(e.clone());
        }
    }
    Some(Entry {
        name: p.name.clone(),
        kind: p.kind,
        title: p.title.clone(),
    })
}

/// Each name of `Johnson and JB Pritzker` resolved on its own, joined by `; `.
fn resolve_coordinated(
    text: &str,
    m: &SpeakerMention,
    spans: &[Span],
    table: &Table,
    roles: &Roles,
    index: &NameIndex,
) -> Option<Entry> {
    let names: Vec<String> = spans
        .iter()
        .filter_map(|&span| {
            let part = SpeakerMention {
                span,
                apposition: None,
                ..*m
            };
            let name = resolve_parsed(&parse(text, &part), table, roles)?.name;
            // A surname the table lacks may still be written in full elsewhere.
            Some(if name.contains(' ') {
                name
            } else {
                index.full_name(&name).unwrap_or(name)
            })
        })
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| Entry {
        name: names.join("; "),
        kind: SpeakerKind::Person,
        title: m
            .apposition
            .map(|a| text[a.range()].to_string())
            .unwrap_or_default(),
    })
}

/// `the governor` is the person the story titles `Governor`; `A White House spokeswoman`
/// the one titled `White House spokeswoman`.
fn resolve_description(p: &Parsed, table: &Table, roles: &Roles) -> Option<Entry> {
    let key = title_key(&p.title);
    if key.is_empty() {
        return None;
    }
    let k = roles.iter().find(|(title, _)| same_role(title, &key))?.1;
    table.get_index(k).map(|(_, e)| e.clone())
}

/// The title keys of the titled people of a table, with their indices: computed once a
/// document, compared for every description.
type Roles = Vec<(String, usize)>;

fn roles_of(table: &Table) -> Roles {
    table
        .values()
        .enumerate()
        .filter(|(_, e)| e.kind == SpeakerKind::Person && !e.title.is_empty())
        .map(|(k, e)| (title_key(&e.title), k))
        .filter(|(key, _)| !key.is_empty())
        .collect()
}

/// Do two titles name the same role? One may add an affiliation, a proper name
/// (`Illinois Governor` is `the governor`), never a common word that makes another role of it
/// (`shadow transport secretary` is not `the transport secretary`, `press secretary` not
/// `the secretary`). Titles come as [`title_key`] gives them, case kept.
fn same_role(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let (long_folded, short_folded) = (long.to_lowercase(), short.to_lowercase());
    if !long_folded.ends_with(&short_folded) || long_folded.len() != long.len() {
        return false;
    }
    let extra = &long[..long.len() - short.len()];
    extra.is_empty()
        || extra.ends_with(' ')
            && extra
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
}

/// A title for comparison: its words before any apposition, determiners dropped.
fn title_key(title: &str) -> String {
    let before_apposition = title.split(',').next().unwrap_or("");
    let mut key = String::with_capacity(before_apposition.len() + 8);
    for word in before_apposition
        .split_whitespace()
        .filter(|w| !is_determiner(w))
    {
        if !key.is_empty() {
            key.push(' ');
        }
        push_expanded_title(&mut key, word);
    }
    key
}

/// Pushes a title word written in full, capitalised as written: `Gov.` as `Governor`.
fn push_expanded_title(key: &mut String, word: &str) {
    match lexicon().title_expansion(word) {
        Some(full) if word.starts_with(char::is_uppercase) => {
            let mut chars = full.chars();
            if let Some(first) = chars.next() {
                key.extend(first.to_uppercase());
                key.push_str(chars.as_str());
            }
        }
        Some(full) => key.push_str(full),
        None => key.push_str(word),
    }
}

/// The nearest preceding person (he, she), or speaker of the right kind (it, they).
fn resolve_pronoun(
    text: &str,
    m: &SpeakerMention,
    table: &Table,
    salient: &mut People,
    names: &NameIndex,
    resolved: &[Speaker],
) -> Option<Entry> {
    let gender = lexicon().pronoun(&text[m.span.range()])?;
    let wanted: &[SpeakerKind] = match gender {
        Gender::Masculine | Gender::Feminine => {
            return salient.resolve(m.span.start, gender, table, names);
        }
        // `it` is as often the order or the report as the organisation: left unresolved.
        Gender::Neuter => return None,
        Gender::Plural => &[SpeakerKind::Org, SpeakerKind::Anonymous],
        Gender::First | Gender::FirstPlural => return None,
    };
    resolved
        .iter()
        .rev()
        .find(|s| !s.name.is_empty() && s.kind.is_some_and(|k| wanted.contains(&k)))
        .map(|s| Entry {
            name: s.name.clone(),
            kind: s.kind.unwrap_or(SpeakerKind::Person),
            title: s.title.clone(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_match_with_an_affiliation_but_not_with_another_role() {
        assert!(same_role("Illinois Governor", "governor"));
        assert!(same_role("Governor", "governor"));
        assert!(same_role(
            "White House spokeswoman",
            "White House spokeswoman"
        ));
        assert!(!same_role(
            "Labour's shadow transport secretary",
            "transport secretary"
        ));
        assert!(!same_role("former Governor", "governor"));
        assert!(!same_role("secretary", "press secretary"));
    }

    #[test]
    fn slugs_are_stable() {
        assert_eq!(slug("Brandon Johnson"), "brandon-johnson");
        assert_eq!(slug("NBC News"), "nbc-news");
    }

    #[test]
    fn full_name_found_in_text() {
        let text = "Donald Trump spoke. Later Trump left.";
        assert_eq!(
            NameIndex::new(text).full_name("Trump").as_deref(),
            Some("Donald Trump")
        );
        assert_eq!(NameIndex::new("The Trump plan.").full_name("Trump"), None);
    }
}
