//! `he` and `she`: the most salient person the story has named, of a gender that fits.
//!
//! News introduces a person, then refers back: `Senator Mary Jones opened the hearing. …
//! Jones disagreed. “That is not how this works,” she said.` The pronoun goes to the person
//! the sentences before it are about, read as a reader does (the walk Hobbs described for
//! pronouns): the pronoun's own sentence up to it, then each sentence before, back to a few
//! sentences; within a sentence, its first person first, since that is most often its
//! subject. Names inside quotation marks are someone's words, not the story's subject, and
//! never count.
//!
//! The people are those the rows name as speakers and those the story introduces with a
//! title or an honorific (`Governor Bill Lee`, `Ms Ana Ruiz`) or a known first name; a
//! surname alone (`Jones`) mentions them again. A person fits a pronoun unless the story
//! gives them the other gender: an honorific (`Mr`, `Dame`), a first name known to be one
//! gender's, or a pronoun already resolved to them.
//!
//! Every walk is bounded (a few sentences, a few dozen mentions), so a story of a thousand
//! pronouns is read in linear time.

use super::names::NameIndex;
use super::{Entry, Layout, Table};
use crate::attribution::SpeakerKind;
use crate::lexicon::{lexicon, Gender};
use rustc_hash::FxHashMap;

/// How many sentences before a pronoun's own are searched for the person it names.
const SENTENCES_BACK: usize = 6;

/// How many person mentions before a pronoun are looked at, at most.
const MENTIONS_BACK: usize = 64;

/// The people of a story and where it mentions them, for resolving `he` and `she`.
pub(super) struct People {
    /// Every person, by the full name the story gives them.
    persons: Vec<Entry>,
    /// `(byte offset, person)`, sorted by offset; none inside a quotation.
    mentions: Vec<(usize, usize)>,
    /// Byte offsets where sentences start, sorted.
    sentence_starts: Vec<usize>,
    /// What the story says of each person's gender.
    genders: Vec<Option<Gender>>,
    /// The title word each person was introduced with (`governor`), lowercase.
    roles: Vec<Option<String>>,
    /// Where the text names each speaker of the table: `(byte offset, table index)`, sorted.
    speakers: Vec<(usize, usize)>,
}

impl People {
    /// The people `table` and `names` know, mentioned outside the quotations of `layout`.
    pub(super) fn new(table: &Table, names: &NameIndex, layout: &Layout) -> Self {
        let quotes = layout.quotes;
        let mut persons: Vec<Entry> = Vec::new();
        let mut roles: Vec<Option<String>> = Vec::new();
        let mut by_surname: FxHashMap<&str, usize> = FxHashMap::default();
        for e in table.values().filter(|e| e.kind == SpeakerKind::Person) {
            let surname = e.name.rsplit(' ').next().unwrap_or(&e.name);
            if !by_surname.contains_key(surname) {
                by_surname.insert(surname, persons.len());
                persons.push(e.clone());
                roles.push(None);
            }
        }
        let introduced = names.introduced_people();
        for (full, title) in &introduced {
            let surname = full.rsplit(' ').next().unwrap_or(full);
            let role = title.map(|t| {
                let full = lexicon().title_expansion(t);
                full.map_or_else(|| t.trim_end_matches('.').to_lowercase(), str::to_string)
            });
            match by_surname.get(surname) {
                Some(&k) => {
                    if roles[k].is_none() {
                        roles[k] = role;
                    }
                }
                None => {
                    by_surname.insert(surname, persons.len());
                    persons.push(Entry {
                        name: full.to_string(),
                        kind: SpeakerKind::Person,
                        title: String::new(),
                    });
                    roles.push(role);
                }
            }
        }
        let outside_quotes = |at: usize| {
            let k = quotes.partition_point(|q| q.outer.start <= at);
            k == 0 || quotes[k - 1].outer.end <= at
        };
        let mentions: Vec<(usize, usize)> = names
            .words()
            .iter()
            .filter_map(|&(at, w)| by_surname.get(w).map(|&k| (at, k)))
            .filter(|&(at, _)| outside_quotes(at))
            .collect();
        let genders = persons.iter().map(|p| names.gender(&p.name)).collect();
        People {
            persons,
            mentions,
            sentence_starts: layout.sentence_starts.to_vec(),
            genders,
            roles,
            speakers: names.person_mentions(table),
        }
    }

    /// The person last mentioned before `at` whom the story introduced in the role `role`
    /// (`the minister` after `Minister Ana Silva`).
    pub(super) fn in_role(&self, at: usize, role: &str) -> Option<Entry> {
        let before = self.mentions.partition_point(|&(p, _)| p < at);
        self.mentions[before.saturating_sub(MENTIONS_BACK)..before]
            .iter()
            .rev()
            .find(|&&(_, k)| self.roles[k].as_deref() == Some(role))
            .map(|&(_, k)| self.persons[k].clone())
    }

    /// The person `he` or `she` at byte `at` refers to: the most salient fitting person near
    /// enough, else the nearest speaker of `table` before it who fits, else the nearest
    /// full name in subject position (`Jane Doe took the stage`). A pronoun resolved by
    /// salience tells the person's gender from then on.
    pub(super) fn resolve(
        &mut self,
        at: usize,
        gender: Gender,
        table: &Table,
        names: &NameIndex,
    ) -> Option<Entry> {
        if let Some(k) = self.salient(at, Some(gender), SENTENCES_BACK) {
            self.genders[k] = Some(gender);
            return Some(self.persons[k].clone());
        }
        // Past the salience window, recency among those who spoke: a story quoting one
        // person at length names them rarely.
        let before = self.speakers.partition_point(|&(p, _)| p < at);
        let fits = |name: &str| names.gender(name).is_none_or(|g| g == gender);
        let speaker = self.speakers[..before]
            .iter()
            .rev()
            .filter_map(|&(_, k)| table.get_index(k).map(|(_, e)| e))
            .find(|e| fits(&e.name))
            .cloned();
        speaker.or_else(|| {
            let name = names.subject_name_before(at)?;
            fits(&name).then(|| Entry {
                name,
                kind: SpeakerKind::Person,
                title: String::new(),
            })
        })
    }

    /// The person the sentence before `at`, or the one before it, is about: whom `the
    /// 36-year-old` or a quotation with no cue after a sentence about them stands for.
    pub(super) fn subject_before(&self, at: usize) -> Option<Entry> {
        let k = self.salient(at, None, 2)?;
        Some(self.persons[k].clone())
    }

    /// The first person of `gender` (any, when `None`) in the nearest sentence before `at`
    /// that names one, at most `sentences_back` sentences back.
    fn salient(&self, at: usize, gender: Option<Gender>, sentences_back: usize) -> Option<usize> {
        let before = self.mentions.partition_point(|&(p, _)| p < at);
        let window = &self.mentions[before.saturating_sub(MENTIONS_BACK)..before];
        let own = self.sentence_of(at);
        let fits = |k: usize| gender.is_none_or(|g| self.genders[k].is_none_or(|h| h == g));
        // Back sentence by sentence; within one, its first person first.
        let mut end = window.len();
        while end > 0 {
            let sentence = self.sentence_of(window[end - 1].0);
            if own - sentence > sentences_back {
                break;
            }
            let start = window[..end].partition_point(|&(p, _)| self.sentence_of(p) < sentence);
            if let Some(&(_, k)) = window[start..end].iter().find(|&&(_, k)| fits(k)) {
                return Some(k);
            }
            end = start;
        }
        None
    }

    fn sentence_of(&self, at: usize) -> usize {
        self.sentence_starts.partition_point(|&s| s <= at)
    }
}
