//! Diff: what changed between two extraction runs, row by row.
//!
//! A newsroom keeps the extraction of its archive and runs whosaid again after an upgrade
//! or an edit of its entity table; this module says which rows changed. It sits after the
//! pipeline, reading what [`output`](crate::output) wrote: OLD and NEW are two outputs (CSV
//! or JSONL, told apart by their first byte, see [`Outputs`]), each a stream of
//! [`DocRows`], one document's rows at a time.
//!
//! # Matching
//!
//! Rows are compared within a document ([`pair_rows`]), in three passes, each taking only
//! rows the earlier passes left:
//!
//! 1. the same span (`start`, `end`) and the same quote text;
//! 2. the same quote text where the offsets moved (the article was edited, or a CSV and a
//!    JSONL of different texts), the k-th occurrence in OLD with the k-th in NEW;
//! 3. overlapping spans with other boundaries: `reshaped`, pairing each OLD row with the NEW
//!    row it overlaps most.
//!
//! A pair from pass 1 or 2 is `respeaker` when the speaker differs, else `rekind` when the
//! kind differs, else `same` (a new speaker is the bigger news, and the row shows both
//! kinds anyway). Rows left over are `lost` (only in OLD) or `gained` (only in NEW). Only
//! `speaker`, `kind`, `quote` and the offsets are compared: a changed cue, mention or rule
//! with the same speaker is `same`. Each document's changes come out in text order.
//!
//! # Memory: walking two streams in step
//!
//! Outputs of 100 MB and more are normal, so nothing is loaded whole. whosaid writes every
//! output grouped by document in input order, so two runs over the same inputs list their
//! documents in the same relative order; only documents with no quotes on one side (absent
//! from a CSV, dropped by the reader from a JSONL) break the lockstep. [`diff`] reads one
//! document from each side in turn and compares a document as soon as both sides have
//! shown it. A document waiting for its partner is held in a pending list; when a document
//! is matched, everything pending before it (on either side) cannot appear later in a
//! consistent order, so it is written as `lost` or `gained` at once. Memory is one
//! document's rows per side plus the documents read ahead across the longest run of
//! documents that have quotes on one side only. If a document written off as one-sided
//! turns up later after all, the two outputs list documents in different orders, and
//! [`diff`] stops with [`Error::Order`] rather than report it twice.
//!
//! Changes go to a [`ChangeSink`]; [`CsvChanges`] writes them as CSV under [`DIFF_HEADER`].
//! The library never prints: counts per class come back in [`Counts`].
//!
//! ```
//! use whosaid::diff::{diff, Counts, CsvChanges, Outputs};
//!
//! let old = "doc,speaker,kind,quote,start,end\n\
//!            a.txt,Ann Lee,direct,Yes,3,6\n\
//!            a.txt,Bo Li,direct,No,20,22\n";
//! let new = r#"{"id":"a.txt","quotes":[{"text":"Yes","speaker":null,"kind":"direct","start":3,"end":6}]}"#;
//! let old = Outputs::new("old.csv", old.as_bytes())?;
//! let new = Outputs::new("new.jsonl", new.as_bytes())?;
//! let mut out = Vec::new();
//! let mut counts = Counts::default();
//! let mut sink = CsvChanges::new(&mut out);
//! diff(old, new, &mut sink, &mut counts)?;
//! drop(sink);
//! assert_eq!(
//!     String::from_utf8(out).unwrap(),
//!     "doc,change,old_speaker,new_speaker,old_kind,new_kind,old_quote,new_quote,old_start,old_end,new_start,new_end\n\
//!      a.txt,respeaker,Ann Lee,,direct,direct,Yes,Yes,3,6,3,6\n\
//!      a.txt,lost,Bo Li,,direct,,No,,20,22,,\n"
//! );
//! assert_eq!(counts.to_string(), "0 same, 0 gained, 1 lost, 1 respeaker, 0 rekind, 0 reshaped");
//! assert!(counts.changed());
//! # Ok::<(), whosaid::error::Error>(())
//! ```

mod pair;
mod read;
mod sink;
mod tree;

pub use pair::pair_rows;
pub use read::{Outputs, REQUIRED_COLUMNS, REQUIRED_FIELDS};
pub use sink::{ChangeSink, CsvChanges, DIFF_HEADER};
pub use tree::{tree_pairs, TreeFile};

use indexmap::IndexMap;
use std::collections::HashSet;
use std::fmt;

/// How one quotation changed from OLD to NEW.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Change {
    /// The same span, speaker and kind on both sides.
    Same,
    /// Only in NEW.
    Gained,
    /// Only in OLD.
    Lost,
    /// The same quote, another speaker.
    Respeaker,
    /// The same quote and speaker, another kind.
    Rekind,
    /// Overlapping spans with different boundaries.
    Reshaped,
}

impl Change {
    /// Every class, in the order counts are reported.
    pub const ALL: [Change; 6] = [
        Change::Same,
        Change::Gained,
        Change::Lost,
        Change::Respeaker,
        Change::Rekind,
        Change::Reshaped,
    ];

    /// The name written in the `change` column.
    pub fn as_str(self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Gained => "gained",
            Change::Lost => "lost",
            Change::Respeaker => "respeaker",
            Change::Rekind => "rekind",
            Change::Reshaped => "reshaped",
        }
    }
}

impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One row of an extraction output, as far as diff reads it. Text cells are as extracted:
/// the CSV formula guard is taken off when reading, and an unknown speaker is `""`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Row {
    pub speaker: String,
    pub kind: String,
    pub quote: String,
    pub start: usize,
    pub end: usize,
}

/// The rows of one document, in the order the output lists them (text order).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocRows {
    pub doc: String,
    pub rows: Vec<Row>,
}

/// A row of OLD and its partner in NEW, as indices into the two slices given to
/// [`pair_rows`]; `old` is `None` for `gained`, `new` is `None` for `lost`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pair {
    pub change: Change,
    pub old: Option<usize>,
    pub new: Option<usize>,
}

/// One line of a diff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RowChange<'a> {
    pub doc: &'a str,
    pub change: Change,
    pub old: Option<&'a Row>,
    pub new: Option<&'a Row>,
}

pub use crate::error::{Error, Result};

/// How many rows of each class a diff found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    counts: [u64; 6],
}

impl Counts {
    /// The number of rows of class `change`.
    pub fn get(&self, change: Change) -> u64 {
        self.counts[change as usize]
    }

    /// Counts one more row of class `change`.
    pub fn add(&mut self, change: Change) {
        self.counts[change as usize] += 1;
    }

    /// True when some row is not `same`.
    pub fn changed(&self) -> bool {
        Change::ALL
            .iter()
            .any(|&c| c != Change::Same && self.get(c) > 0)
    }
}

impl fmt::Display for Counts {
    /// `3 same, 0 gained, 1 lost, 0 respeaker, 0 rekind, 0 reshaped`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (n, c) in Change::ALL.iter().enumerate() {
            let sep = if n == 0 { "" } else { ", " };
            write!(f, "{sep}{} {c}", self.get(*c))?;
        }
        Ok(())
    }
}

/// Compares the documents of `old` with those of `new`, writing every row's change to
/// `sink` and counting the classes into `counts`.
///
/// Both streams are walked in step (see the module documentation), holding one document
/// per side plus those waiting for a partner. Documents without rows are skipped: an output
/// leaves them out (CSV) or lists them empty (JSONL), and either way they hold nothing to
/// compare. The first error of either stream, or of the sink ([`Error::WriteDiff`]), stops the
/// diff; what was written before it stays written.
pub fn diff<O, N, S>(old: O, new: N, sink: &mut S, counts: &mut Counts) -> Result<()>
where
    O: IntoIterator<Item = Result<DocRows>>,
    N: IntoIterator<Item = Result<DocRows>>,
    S: ChangeSink + ?Sized,
{
    let mut streams = [
        Box::new(old.into_iter()) as Box<dyn Iterator<Item = Result<DocRows>>>,
        Box::new(new.into_iter()),
    ];
    let mut done = [false, false];
    let mut walk = Walk {
        sink,
        counts,
        pending: [IndexMap::new(), IndexMap::new()],
        written_off: [HashSet::new(), HashSet::new()],
    };
    while !(done[OLD] && done[NEW]) {
        for side in [OLD, NEW] {
            if done[side] {
                continue;
            }
            match streams[side].next() {
                Some(doc) => walk.take(side, doc?)?,
                None => done[side] = true,
            }
        }
        // A side that has ended can match nothing more: what waits for it is one-sided.
        for side in [OLD, NEW] {
            if done[1 - side] {
                walk.write_off(side, ..)?;
            }
        }
    }
    Ok(())
}

const OLD: usize = 0;
const NEW: usize = 1;

/// The state of [`diff`]: documents read on one side and not yet seen on the other.
struct Walk<'s, S: ?Sized> {
    sink: &'s mut S,
    counts: &'s mut Counts,
    /// Per side, in the order read; a repeated id adds its rows to the first.
    pending: [IndexMap<String, Vec<Row>>; 2],
    /// Per side, the ids written off as one-sided: seeing one on the other side later
    /// means the orders differ.
    written_off: [HashSet<String>; 2],
}

impl<S: ChangeSink + ?Sized> Walk<'_, S> {
    fn take(&mut self, side: usize, doc: DocRows) -> Result<()> {
        if doc.rows.is_empty() {
            return Ok(());
        }
        let other = 1 - side;
        if self.written_off[other].contains(&doc.doc) {
            return Err(Error::Order { doc: doc.doc });
        }
        let Some(at) = self.pending[other].get_index_of(&doc.doc) else {
            self.pending[side]
                .entry(doc.doc)
                .or_default()
                .extend(doc.rows);
            return Ok(());
        };
        // In a shared order, whatever waits on this side came before `doc` here, and what
        // waits on the other side before its partner came before it there: neither can
        // show up later, so both are one-sided.
        self.write_off(side, ..)?;
        self.write_off(other, ..at)?;
        let (_, partner) = self.pending[other]
            .shift_remove_index(0)
            .expect("the partner is at index 0 once those before it are written off");
        let (old, new) = if side == OLD {
            (&doc.rows, &partner)
        } else {
            (&partner, &doc.rows)
        };
        for p in pair_rows(old, new) {
            self.emit(&RowChange {
                doc: &doc.doc,
                change: p.change,
                old: p.old.map(|i| &old[i]),
                new: p.new.map(|j| &new[j]),
            })?;
        }
        Ok(())
    }

    /// Writes the pending documents of `side` in `range` as lost (OLD) or gained (NEW).
    fn write_off(&mut self, side: usize, range: impl std::ops::RangeBounds<usize>) -> Result<()> {
        let docs: Vec<_> = self.pending[side].drain(range).collect();
        let change = if side == OLD {
            Change::Lost
        } else {
            Change::Gained
        };
        for (doc, rows) in docs {
            for row in &rows {
                let (old, new) = if side == OLD {
                    (Some(row), None)
                } else {
                    (None, Some(row))
                };
                self.emit(&RowChange {
                    doc: &doc,
                    change,
                    old,
                    new,
                })?;
            }
            self.written_off[side].insert(doc);
        }
        Ok(())
    }

    fn emit(&mut self, change: &RowChange<'_>) -> Result<()> {
        self.counts.add(change.change);
        self.sink.write(change).map_err(Error::WriteDiff)
    }
}
#[cfg(test)]
mod tests {
    use super::*;
    use std::io;

    fn direct(quote: &str, start: usize) -> Row {
        Row {
            speaker: "A".into(),
            kind: "direct".into(),
            quote: quote.into(),
            start,
            end: start + quote.len(),
        }
    }

    /// Collects a diff as `doc change` lines.
    #[derive(Default)]
    struct Lines(Vec<String>);

    impl ChangeSink for Lines {
        fn write(&mut self, c: &RowChange<'_>) -> io::Result<()> {
            let quote = c.old.or(c.new).map_or("", |r| r.quote.as_str());
            self.0.push(format!("{} {} {quote}", c.doc, c.change));
            Ok(())
        }

        fn finish(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    /// Documents `id:quote quote ...`, one row per quote, all by "A".
    fn docs(spec: &[&str]) -> Vec<Result<DocRows>> {
        spec.iter()
            .map(|d| {
                let (doc, quotes) = d.split_once(':').unwrap();
                let rows = quotes
                    .split_whitespace()
                    .enumerate()
                    .map(|(i, q)| direct(q, i * 10))
                    .collect();
                Ok(DocRows {
                    doc: doc.into(),
                    rows,
                })
            })
            .collect()
    }

    fn run(old: &[&str], new: &[&str]) -> Result<(Vec<String>, Counts)> {
        let mut sink = Lines::default();
        let mut counts = Counts::default();
        diff(docs(old), docs(new), &mut sink, &mut counts)?;
        Ok((sink.0, counts))
    }

    #[test]
    fn walk_in_step_with_documents_on_one_side() {
        let (lines, counts) = run(
            &["a:x", "b:y", "c:z", "e:v"],
            &["a:x", "c:z", "d:w", "e:v", "f:u"],
        )
        .unwrap();
        assert_eq!(
            lines,
            [
                "a same x",
                "b lost y",
                "c same z",
                "d gained w",
                "e same v",
                "f gained u"
            ]
        );
        assert_eq!(
            counts.to_string(),
            "3 same, 2 gained, 1 lost, 0 respeaker, 0 rekind, 0 reshaped"
        );
        assert!(counts.changed());
    }

    #[test]
    fn empty_documents_are_skipped_and_nothing_changed() {
        let (lines, counts) = run(&["a:x", "b:", "c:z"], &["a:x", "c:z", "d:"]).unwrap();
        assert_eq!(lines, ["a same x", "c same z"]);
        assert!(!counts.changed());
    }

    #[test]
    fn one_side_empty_is_all_gained_or_lost() {
        let (lines, _) = run(&[], &["a:x y"]).unwrap();
        assert_eq!(lines, ["a gained x", "a gained y"]);
        let (lines, _) = run(&["a:x", "b:y"], &[]).unwrap();
        assert_eq!(lines, ["a lost x", "b lost y"]);
    }

    #[test]
    fn long_one_sided_runs_then_lockstep_again() {
        let old: Vec<String> = (0..50).map(|i| format!("o{i}:q")).collect();
        let mut old: Vec<&str> = old.iter().map(String::as_str).collect();
        old.push("z:last");
        let (lines, counts) = run(&old, &["z:last"]).unwrap();
        assert_eq!(lines.last().unwrap(), "z same last");
        assert_eq!(counts.get(Change::Lost), 50);
    }

    #[test]
    fn different_document_orders_stop_the_diff() {
        let err = run(&["a:x", "b:y", "c:z"], &["c:z", "b:y", "a:x"]).unwrap_err();
        assert!(matches!(err, Error::Order { .. }), "{err}");
        assert!(err
            .to_string()
            .starts_with("document \"c\" comes in a different order"));
    }
}
