//! The capitalised words of a story, indexed once: where a surname is written in full,
//! which gender an honorific gives a name, and where each known speaker is mentioned.

use super::Table;
use crate::attribution::SpeakerKind;
use crate::lexicon::{lexicon, Gender};
use rustc_hash::FxHashMap;

/// The capitalised words of a text with their offsets, read once, so that finding a full
/// name or every mention of a person costs one pass, not one per speaker.
pub(super) struct NameIndex<'t> {
    text: &'t str,
    words: Vec<(usize, &'t str)>,
    /// Surnames the story gives an honorific: `Mr. Obama`, `Ms. Lee`.
    genders: FxHashMap<&'t str, Gender>,
    /// Short forms the story defines in parentheses: `CMA` for `the Competition and
    /// Markets Authority (CMA)`.
    acronyms: FxHashMap<&'t str, &'t str>,
}

impl<'t> NameIndex<'t> {
    pub(super) fn new(text: &'t str) -> Self {
        // Bytes where they are ASCII, chars only past them: a word is a run of letters,
        // digits, `.` and `-`, so a no-break space still ends one.
        let bytes = text.as_bytes();
        let width_inside = |i: usize| -> (usize, bool) {
            let b = bytes[i];
            if b < 0x80 {
                return (1, b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
            }
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.len_utf8(), c.is_alphanumeric())
        };
        let mut words = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            // Only an ASCII capital after a non-word byte starts a name word; everything
            // else is skipped with one comparison.
            let starts = bytes[i].is_ascii_uppercase()
                && (i == 0
                    || bytes[i - 1] < 0x80 && !bytes[i - 1].is_ascii_alphanumeric()
                    || bytes[i - 1] >= 0x80
                        && !text[..i]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_alphanumeric));
            if !starts {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() {
                let (width, inside) = width_inside(i);
                if !inside {
                    break;
                }
                i += width;
            }
            words.push((start, text[start..i].trim_end_matches(['.', '-'])));
        }
        let mut index = NameIndex {
            text,
            words,
            genders: FxHashMap::default(),
            acronyms: acronyms(text),
        };
        index.genders = index.honorific_genders();
        index
    }

    /// The full name the story gives the short form `name`, if it defines one.
    pub(super) fn expansion(&self, name: &str) -> Option<&'t str> {
        self.acronyms.get(name).copied()
    }

    /// The capitalised words of the text with their byte offsets, in order.
    pub(super) fn words(&self) -> &[(usize, &'t str)] {
        &self.words
    }

    /// The name of up to three words right after the word at `k`: `Ana Ruiz` after `Ms`.
    fn name_after(&self, k: usize) -> &[(usize, &'t str)] {
        let lex = lexicon();
        let mut end = k + 1;
        while end < self.words.len() && end - k <= 3 {
            let (prev_at, prev) = self.words[end - 1];
            let (at, w) = self.words[end];
            // Adjacent words only; `Mr. Ito` has its dot between them.
            let gap = &self.text[prev_at + prev.len()..at];
            let plain = w.len() > 1
                && !lex.is_title(w)
                && !lex.is_function_word(w)
                && !lex.is_org_word(w)
                && !lex.is_time_word(w)
                && lex.pronoun(w).is_none();
            if !(gap == " " || gap == ". ") || !plain {
                break;
            }
            end += 1;
        }
        &self.words[k + 1..end]
    }

    /// Every word of a name an honorific genders: `Mr Ben Ito` makes `Ben` and `Ito` male.
    fn honorific_genders(&self) -> FxHashMap<&'t str, Gender> {
        let mut genders = FxHashMap::default();
        for k in 0..self.words.len() {
            let Some(gender) = lexicon().honorific(self.words[k].1) else {
                continue;
            };
            for &(_, w) in self.name_after(k) {
                genders.entry(w).or_insert(gender);
            }
        }
        genders
    }

    /// The people the story introduces by a title or an honorific (`Governor Bill Lee`,
    /// `Ms Ana Ruiz`, `Dr. Ito`: the name after the title, with the title) or by a known
    /// first name (`Mary Jones`); never a place (`Prime Minister` before `Israel` names no
    /// one).
    pub(super) fn introduced_people(&self) -> Vec<(String, Option<&'t str>)> {
        let lex = lexicon();
        let mut found = Vec::new();
        let mut k = 0;
        while k < self.words.len() {
            let w = self.words[k].1;
            let title = lex.is_title(w).then_some(w);
            let name = if title.is_some() {
                self.name_after(k)
            } else if lex.first_name_gender(w).is_some() {
                let rest = self.name_after(k);
                if rest.is_empty() {
                    &[]
                } else {
                    &self.words[k..k + 1 + rest.len()]
                }
            } else {
                &[]
            };
            let words: Vec<&str> = name.iter().map(|&(_, w)| w).collect();
            let full = words.join(" ");
            if !full.is_empty() && !lex.is_place(&full) && !words.iter().any(|w| lex.is_place(w)) {
                found.push((full, title));
            }
            k += name.len().max(1);
        }
        found
    }

    /// A full name written in the text that ends with `surname`: `Donald Trump` for `Trump`.
    pub(super) fn full_name(&self, surname: &str) -> Option<String> {
        let lex = lexicon();
        let adjacent = |a: (usize, &str), b: (usize, &str)| self.text[a.0 + a.1.len()..b.0] == *" ";
        (1..self.words.len()).find_map(|k| {
            let (first, last) = (self.words[k - 1], self.words[k]);
            // The cheap tests first: this runs over every pair of capitalised words.
            if last.1 != surname || !adjacent(first, last) {
                return None;
            }
            // `American Israel Public Affairs Committee` names no person called Israel.
            let longer = self
                .words
                .get(k + 1)
                .is_some_and(|&next| adjacent(last, next) && !lex.is_time_word(next.1));
            let w = first.1;
            let plausible = w.len() > 1
                && !longer
                && !lex.is_place(surname)
                && !lex.is_title(w)
                && !lex.is_function_word(w)
                && !lex.is_org_word(w)
                && !lex.is_time_word(w)
                && lex.pronoun(w).is_none();
            plausible.then(|| format!("{w} {surname}"))
        })
    }

    /// The gender the story gives a name: by an honorific before its surname (`Mr. Obama`,
    /// `Ms. Lee`), else by a first name of one gender (`Mary Jones`).
    pub(super) fn gender(&self, name: &str) -> Option<Gender> {
        let mut words = name.split(' ');
        let first = words.next()?;
        let surname = words.next_back();
        self.genders
            .get(surname.unwrap_or(first))
            .copied()
            .or_else(|| surname.and_then(|_| lexicon().first_name_gender(first)))
    }

    /// The nearest two- or three-word name before `at` that a lowercase word follows, as a
    /// subject is followed by its verb: `Jane Doe took the stage`.
    pub(super) fn subject_name_before(&self, at: usize) -> Option<String> {
        let lex = lexicon();
        let end = self.words.partition_point(|&(p, _)| p < at);
        let words = &self.words[..end];
        // A bounded look back: a pronoun far from any name stays unresolved, in linear time.
        (words.len().saturating_sub(200).max(1)..words.len())
            .rev()
            .find_map(|i| {
                let (first_at, first) = words[i - 1];
                let (last_at, last) = words[i];
                let adjacent = self.text[first_at + first.len()..last_at] == *" ";
                let after = self.text[last_at + last.len()..].strip_prefix(' ')?;
                let next = after
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                let verb_like = next.starts_with(char::is_lowercase) && !lex.is_function_word(next);
                let plain = |w: &str| {
                    w.len() > 1
                        && !lex.is_title(w)
                        && !lex.is_function_word(w)
                        && !lex.is_org_word(w)
                        && !lex.is_time_word(w)
                        && lex.pronoun(w).is_none()
                };
                (adjacent && verb_like && plain(first) && plain(last))
                    .then(|| format!("{first} {last}"))
            })
    }

    /// Where the text names each person of `table`: `(byte offset, table index)`, sorted.
    pub(super) fn person_mentions(&self, table: &Table) -> Vec<(usize, usize)> {
        let mut by_surname: FxHashMap<&str, usize> = FxHashMap::default();
        for (k, e) in table.values().enumerate() {
            if e.kind == SpeakerKind::Person {
                by_surname
                    .entry(e.name.rsplit(' ').next().unwrap_or(&e.name))
                    .or_insert(k);
            }
        }
        self.words
            .iter()
            .filter_map(|(at, w)| by_surname.get(w).map(|&k| (*at, k)))
            .collect()
    }
}

/// `Full Name (ACRONYM)`, each definition in the text: the acronym's letters are the
/// initials of the capitalised words before the parenthesis, small words (`and`, `of`)
/// skipped. One pass over the parentheses, each look back bounded.
fn acronyms(text: &str) -> FxHashMap<&str, &str> {
    let mut found = FxHashMap::default();
    for open in memchr::memchr_iter(b'(', text.as_bytes()) {
        let rest = &text[open + 1..];
        let Some(close) = rest.bytes().take(12).position(|b| b == b')') else {
            continue;
        };
        let short = &rest[..close];
        let letters: Vec<u8> = short.bytes().filter(u8::is_ascii_uppercase).collect();
        let well_formed = letters.len() >= 2
            && short
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b == b'&' || b == b'-');
        if !well_formed || found.contains_key(short) {
            continue;
        }
        if let Some(full) = initials_before(text, open, &letters) {
            found.insert(short, full);
        }
    }
    found
}

/// The words ending just before `open` whose capitalised initials spell `letters`.
fn initials_before<'t>(text: &'t str, open: usize, letters: &[u8]) -> Option<&'t str> {
    let before = text[..open].trim_end();
    let mut want = letters.iter().rev().peekable();
    let mut start = before.len();
    let mut words = before
        .char_indices()
        .rev()
        .filter(|&(_, c)| c == ' ')
        .map(|(k, _)| k + 1)
        .chain([0])
        .take(letters.len() * 2 + 2);
    while want.peek().is_some() {
        let from = words.next()?;
        let word = before[from..start].trim_matches(|c: char| c == ',' || c == ' ');
        start = from.saturating_sub(1);
        match word.as_bytes().first() {
            Some(b) if b.is_ascii_uppercase() && want.peek() == Some(&b) => {
                want.next();
            }
            Some(b) if b.is_ascii_lowercase() && word.len() <= 3 => {}
            _ => return None,
        }
        if want.peek().is_none() {
            return Some(&before[from..]);
        }
    }
    None
}
