//! The census: who speaks in a corpus, written as the entity table `--entities` reads.
//!
//! `whosaid entities` runs extraction over a corpus and pushes every document into a
//! [`CensusSink`], which merges speakers across documents by resolved name and, at the end,
//! writes one row per person or organisation: the columns of
//! [`entities::COLUMNS`](crate::entities::COLUMNS) and a `mentions` count. A journalist
//! corrects the table and feeds it back; every resolved name is an entity of its own in it, so
//! it maps to itself on the next run.
//!
//! It is a printer, so it lives with the printers: the entity table it writes is read by
//! speaker resolution, which must not depend on how output is written. Its text cells get the
//! same spreadsheet formula guard as every CSV whosaid writes (see
//! [`guard_cell`](super::guard_cell)); whosaid's own cells (the kind, the count) cannot start
//! a formula and are written as they are.

use super::csv::CsvTable;
use super::sink::Sink;
use crate::attribution::{Attribution, SpeakerKind};
use crate::document::Document;
use crate::entities::COLUMNS;
use crate::lexicon::lexicon;
use indexmap::IndexMap;
use std::collections::HashMap;
use std::io::{self, Write};

/// The census columns: an entity table's, then how often the entity spoke.
const HEADER: [&str; 7] = [
    COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5], "mentions",
];

/// Who speaks in a corpus, merged across documents by name: the table `whosaid entities`
/// writes, in the format [`EntityTable`](crate::entities::EntityTable) reads, with a `mentions` count added.
///
/// Aliases are the mentions that name someone (`Johnson`, `Mayor Brandon Johnson`), never
/// pronouns or descriptions (`the governor`): a description resolved in one story may mean
/// someone else in the next, and the table must not make it so.
#[derive(Debug)]
pub struct CensusSink<W: Write> {
    out: W,
    rows: IndexMap<String, CensusRow>,
    ids: HashMap<String, String>,
}

#[derive(Debug)]
struct CensusRow {
    id: String,
    kind: SpeakerKind,
    aliases: IndexMap<String, ()>,
    title: String,
    mentions: usize,
}

impl<W: Write> CensusSink<W> {
    pub fn new(out: W) -> Self {
        CensusSink {
            out,
            rows: IndexMap::new(),
            ids: HashMap::new(),
        }
    }

    /// An id for a new name: its speaker id, made unique across the table.
    fn unique_id(&mut self, wanted: &str, name: &str) -> String {
        let base = if wanted.is_empty() { "entity" } else { wanted };
        let mut id = base.to_string();
        let mut n = 1;
        while self.ids.get(&id).is_some_and(|owner| owner != name) {
            n += 1;
            id = format!("{base}-{n}");
        }
        self.ids.insert(id.clone(), name.to_string());
        id
    }
}

fn names_someone(mention: &str) -> bool {
    let first = mention.split_whitespace().next().unwrap_or("");
    first.starts_with(char::is_uppercase)
        && !lexicon().words().articles.contains_folded(first)
        && lexicon().pronoun(first).is_none()
        && !mention.contains(['\n', '|'])
}

impl<W: Write> Sink for CensusSink<W> {
    fn write(&mut self, doc: &Document, attributions: &[Attribution]) -> io::Result<()> {
        for a in attributions {
            let s = &a.speaker;
            let kind = match s.kind {
                Some(k @ (SpeakerKind::Person | SpeakerKind::Org)) => k,
                _ => continue,
            };
            if s.name.is_empty() {
                continue;
            }
            if !self.rows.contains_key(&s.name) {
                let id = self.unique_id(&s.id, &s.name);
                self.rows.insert(
                    s.name.clone(),
                    CensusRow {
                        id,
                        kind,
                        aliases: IndexMap::new(),
                        title: String::new(),
                        mentions: 0,
                    },
                );
            }
            let Some(row) = self.rows.get_mut(&s.name) else {
                continue;
            };
            row.mentions += 1;
            if row.title.is_empty() {
                row.title = s.title.replace('\n', " ");
            }
            if let Some(m) = s.mention.and_then(|m| doc.text.get(m.range())) {
                if m != s.name && names_someone(m) {
                    row.aliases.insert(m.to_string(), ());
                }
            }
        }
        Ok(())
    }

    fn finish(&mut self) -> io::Result<()> {
        let mut csv = CsvTable::new(&mut self.out, &HEADER);
        csv.header()?;
        for (name, row) in &self.rows {
            let aliases: Vec<&str> = row.aliases.keys().map(String::as_str).collect();
            csv.text(Some(&row.id))?;
            csv.text(Some(name))?;
            csv.plain(row.kind.as_str())?;
            csv.text(Some(&aliases.join("|")))?;
            csv.text(Some(&row.title))?;
            csv.text(None)?;
            csv.number(Some(row.mentions))?;
            csv.end_row()?;
        }
        csv.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{QuoteKind, Rule, Speaker};
    use crate::span::Span;

    fn said(name: &str, id: &str, title: &str, mention: Span) -> Attribution {
        Attribution {
            quote: Span::new(0, 1),
            kind: QuoteKind::Direct,
            speaker: Speaker {
                name: name.into(),
                mention: Some(mention),
                id: id.into(),
                kind: Some(SpeakerKind::Person),
                title: title.into(),
            },
            cue: None,
            attribution: 1,
            rule: Rule::Continuation,
        }
    }

    #[test]
    fn census_merges_by_name_and_guards_text_cells() {
        let doc = Document::new("d", "“x” said Mayor Lee. Lee said. He said.");
        let lee = |at: &str| {
            let start = doc.text.find(at).unwrap();
            Span::new(start, start + at.len())
        };
        let rows = [
            said("Ann Lee", "ann-lee", "Mayor", lee("Mayor Lee")),
            said("Ann Lee", "ann-lee", "", lee("Lee said")),
            said("Ann Lee", "ann-lee", "", lee("He")),
            said("=HYPERLINK(1)", "-x", "+1", lee("He")),
        ];
        let mut out = Vec::new();
        let mut sink = CensusSink::new(&mut out);
        sink.write(&doc, &rows).unwrap();
        sink.finish().unwrap();
        drop(sink);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "id,name,kind,aliases,title,affiliation,mentions\n\
             ann-lee,Ann Lee,person,Mayor Lee|Lee said,Mayor,,3\n\
             '-x,'=HYPERLINK(1),person,,'+1,,1\n"
        );
    }
}
