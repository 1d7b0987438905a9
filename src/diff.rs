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
//! # Ok::<(), whosaid::diff::Error>(())
//! ```

mod read;

pub use read::{tree_pairs, Outputs, TreeFile, REQUIRED_COLUMNS, REQUIRED_FIELDS};

use indexmap::IndexMap;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt;
use std::io::{self, Write};
use std::path::PathBuf;

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

/// Errors reading outputs or writing the diff, each naming its file (and line where there
/// is one).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or directory could not be opened or read.
    #[error("{}: cannot read", path.display())]
    Read { path: PathBuf, source: io::Error },

    /// Not whosaid output: a CSV header or a JSONL record lacks what diff needs.
    #[error(
        "{}: not whosaid output: missing {} {}",
        place(path, *line),
        if *line == 0 { "columns" } else { "fields" },
        missing.join(", ")
    )]
    Missing {
        path: PathBuf,
        /// 0 for a CSV header; the 1-based line of a JSONL record.
        line: u64,
        missing: Vec<&'static str>,
    },

    /// A row whose cells cannot be read (an offset that is no number, a broken record).
    #[error("{}:{line}: bad row: {msg}", path.display())]
    Row {
        path: PathBuf,
        line: u64,
        msg: String,
    },

    /// A document written off as present on one side only turned up later on the other.
    #[error(
        "document {doc:?} comes in a different order in OLD and NEW; diff compares outputs \
         of the same inputs, which list documents in the same order"
    )]
    Order { doc: String },

    /// The diff could not be written.
    #[error("cannot write the diff")]
    Write(#[source] io::Error),
}

fn place(path: &std::path::Path, line: u64) -> String {
    if line == 0 {
        path.display().to_string()
    } else {
        format!("{}:{line}", path.display())
    }
}

/// Results of this module.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Pairs the rows of one document in OLD with those in NEW and classifies each pair (see
/// the module documentation for the passes), in text order.
///
/// ```
/// use whosaid::diff::{pair_rows, Change, Row};
///
/// let row = |speaker: &str, quote: &str, start| Row {
///     speaker: speaker.into(), kind: "direct".into(), quote: quote.into(), start, end: start + quote.len(),
/// };
/// let old = [row("Ann", "Yes", 0), row("Bo", "No way", 10)];
/// let new = [row("Ann", "Yes", 0), row("Bo", "No", 10)];
/// let changes: Vec<_> = pair_rows(&old, &new).iter().map(|p| p.change).collect();
/// assert_eq!(changes, [Change::Same, Change::Reshaped]);
/// ```
pub fn pair_rows(old: &[Row], new: &[Row]) -> Vec<Pair> {
    if old == new {
        // The common case in a regression run: nothing to search.
        return (0..old.len())
            .map(|i| Pair {
                change: Change::Same,
                old: Some(i),
                new: Some(i),
            })
            .collect();
    }
    // partner[i]: the NEW row paired with OLD row i, and whether by overlap only.
    let mut partner: Vec<Option<(usize, bool)>> = vec![None; old.len()];
    let mut taken = vec![false; new.len()];

    // Pass 1: the same span and text.
    let mut by_span: HashMap<(usize, usize, &str), VecDeque<usize>> = HashMap::new();
    for (j, r) in new.iter().enumerate() {
        by_span
            .entry((r.start, r.end, r.quote.as_str()))
            .or_default()
            .push_back(j);
    }
    for (i, r) in old.iter().enumerate() {
        let key = (r.start, r.end, r.quote.as_str());
        if let Some(j) = by_span.get_mut(&key).and_then(VecDeque::pop_front) {
            partner[i] = Some((j, false));
            taken[j] = true;
        }
    }

    // Pass 2: the same text where the offsets moved, occurrences in order.
    let mut by_text: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (j, r) in new.iter().enumerate().filter(|&(j, _)| !taken[j]) {
        by_text.entry(r.quote.as_str()).or_default().push_back(j);
    }
    for (i, r) in old.iter().enumerate() {
        if partner[i].is_some() {
            continue;
        }
        if let Some(j) = by_text
            .get_mut(r.quote.as_str())
            .and_then(VecDeque::pop_front)
        {
            partner[i] = Some((j, false));
            taken[j] = true;
        }
    }

    // Pass 3: overlapping spans; the largest overlap wins, the earliest row on a tie.
    for (i, r) in old.iter().enumerate() {
        if partner[i].is_some() {
            continue;
        }
        let mut best: Option<(usize, usize)> = None;
        for (j, n) in new.iter().enumerate() {
            if taken[j] || n.start >= r.end || r.start >= n.end {
                continue;
            }
            let overlap = r.end.min(n.end) - r.start.max(n.start);
            if best.is_none_or(|(_, most)| overlap > most) {
                best = Some((j, overlap));
            }
        }
        if let Some((j, _)) = best {
            partner[i] = Some((j, true));
            taken[j] = true;
        }
    }

    let mut pairs: Vec<Pair> = partner
        .iter()
        .enumerate()
        .map(|(i, p)| match *p {
            Some((j, reshaped)) => Pair {
                change: if reshaped {
                    Change::Reshaped
                } else {
                    classify(&old[i], &new[j])
                },
                old: Some(i),
                new: Some(j),
            },
            None => Pair {
                change: Change::Lost,
                old: Some(i),
                new: None,
            },
        })
        .collect();
    pairs.extend((0..new.len()).filter(|&j| !taken[j]).map(|j| Pair {
        change: Change::Gained,
        old: None,
        new: Some(j),
    }));
    // Text order: by OLD's span where there is one, else NEW's; stable, so ties keep OLD's
    // order with gained rows after.
    pairs.sort_by_key(|p| match (p.old, p.new) {
        (Some(i), _) => (old[i].start, old[i].end),
        (None, Some(j)) => (new[j].start, new[j].end),
        (None, None) => (0, 0),
    });
    pairs
}

/// The class of two rows that quote the same words.
fn classify(old: &Row, new: &Row) -> Change {
    if old.speaker != new.speaker {
        Change::Respeaker
    } else if old.kind != new.kind {
        Change::Rekind
    } else {
        Change::Same
    }
}

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

/// Receives a diff's rows, document by document, in text order within each.
pub trait ChangeSink {
    fn write(&mut self, change: &RowChange<'_>) -> io::Result<()>;

    /// Writes what is still due (a header when there were no rows) and flushes.
    fn finish(&mut self) -> io::Result<()>;
}

impl<S: ChangeSink + ?Sized> ChangeSink for &mut S {
    fn write(&mut self, change: &RowChange<'_>) -> io::Result<()> {
        (**self).write(change)
    }

    fn finish(&mut self) -> io::Result<()> {
        (**self).finish()
    }
}

/// The diff's CSV columns, in order.
pub const DIFF_HEADER: [&str; 12] = [
    "doc",
    "change",
    "old_speaker",
    "new_speaker",
    "old_kind",
    "new_kind",
    "old_quote",
    "new_quote",
    "old_start",
    "old_end",
    "new_start",
    "new_end",
];

/// Writes changes as CSV under [`DIFF_HEADER`], leaving out `same` rows unless
/// [`CsvChanges::same`] asks for them. Text cells get the formula guard of
/// [`CsvSink`](crate::output::CsvSink) unless [`CsvChanges::raw`] is set.
pub struct CsvChanges<W: Write> {
    csv: csv::Writer<W>,
    raw: bool,
    same: bool,
    header_written: bool,
}

impl<W: Write> CsvChanges<W> {
    pub fn new(out: W) -> Self {
        CsvChanges {
            csv: csv::Writer::from_writer(out),
            raw: false,
            same: false,
            header_written: false,
        }
    }

    /// With `true`, text cells are written as they are, without the formula guard.
    pub fn raw(mut self, raw: bool) -> Self {
        self.raw = raw;
        self
    }

    /// With `true`, rows of class `same` are written too.
    pub fn same(mut self, same: bool) -> Self {
        self.same = same;
        self
    }

    fn header(&mut self) -> io::Result<()> {
        if !self.header_written {
            self.csv.write_record(DIFF_HEADER).map_err(csv_error)?;
            self.header_written = true;
        }
        Ok(())
    }

    fn text(&mut self, cell: Option<&str>) -> io::Result<()> {
        let cell = cell.unwrap_or("");
        let cell = if self.raw {
            Cow::Borrowed(cell)
        } else {
            guard(cell)
        };
        self.csv.write_field(cell.as_ref()).map_err(csv_error)
    }

    fn number(&mut self, n: Option<usize>) -> io::Result<()> {
        match n {
            Some(n) => self.csv.write_field(n.to_string()),
            None => self.csv.write_field(""),
        }
        .map_err(csv_error)
    }
}

impl<W: Write> ChangeSink for CsvChanges<W> {
    fn write(&mut self, c: &RowChange<'_>) -> io::Result<()> {
        if c.change == Change::Same && !self.same {
            return Ok(());
        }
        self.header()?;
        let (old, new) = (c.old, c.new);
        self.text(Some(c.doc))?;
        self.text(Some(c.change.as_str()))?;
        self.text(old.map(|r| r.speaker.as_str()))?;
        self.text(new.map(|r| r.speaker.as_str()))?;
        self.text(old.map(|r| r.kind.as_str()))?;
        self.text(new.map(|r| r.kind.as_str()))?;
        self.text(old.map(|r| r.quote.as_str()))?;
        self.text(new.map(|r| r.quote.as_str()))?;
        self.number(old.map(|r| r.start))?;
        self.number(old.map(|r| r.end))?;
        self.number(new.map(|r| r.start))?;
        self.number(new.map(|r| r.end))?;
        self.csv.write_record(None::<&[u8]>).map_err(csv_error)
    }

    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.csv.flush()
    }
}

/// The first characters that make a spreadsheet run a cell as a formula: the rule of
/// `output::guard`, which [`read`] undoes.
const RISKY: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a leading `'` when a spreadsheet would take it for a formula (a lone `-`,
/// the id of stdin, is no formula).
fn guard(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(RISKY) && cell != "-" {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// The I/O error inside a CSV error, so that a closed pipe still reads as one.
fn csv_error(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(err) => err,
        kind => io::Error::other(format!("CSV: {kind:?}")),
    }
}

/// Compares the documents of `old` with those of `new`, writing every row's change to
/// `sink` and counting the classes into `counts`.
///
/// Both streams are walked in step (see the module documentation), holding one document
/// per side plus those waiting for a partner. Documents without rows are skipped: an output
/// leaves them out (CSV) or lists them empty (JSONL), and either way they hold nothing to
/// compare. The first error of either stream, or of the sink ([`Error::Write`]), stops the
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
        self.sink.write(change).map_err(Error::Write)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(speaker: &str, kind: &str, quote: &str, start: usize) -> Row {
        Row {
            speaker: speaker.into(),
            kind: kind.into(),
            quote: quote.into(),
            start,
            end: start + quote.len(),
        }
    }

    fn direct(speaker: &str, quote: &str, start: usize) -> Row {
        row(speaker, "direct", quote, start)
    }

    /// `change old-index new-index` for each pair, e.g. `lost 1 -`.
    fn show(pairs: &[Pair]) -> Vec<String> {
        let idx = |i: Option<usize>| i.map_or("-".to_string(), |i| i.to_string());
        pairs
            .iter()
            .map(|p| format!("{} {} {}", p.change, idx(p.old), idx(p.new)))
            .collect()
    }

    #[test]
    fn each_class_from_one_minimal_pair() {
        let yes = direct("Ann Lee", "Yes", 10);
        let cases: [(&str, Vec<Row>, Vec<Row>, &[&str]); 9] = [
            ("same", vec![yes.clone()], vec![yes.clone()], &["same 0 0"]),
            ("gained", vec![], vec![yes.clone()], &["gained - 0"]),
            ("lost", vec![yes.clone()], vec![], &["lost 0 -"]),
            (
                "respeaker",
                vec![yes.clone()],
                vec![direct("Bo Li", "Yes", 10)],
                &["respeaker 0 0"],
            ),
            (
                "respeaker from unknown",
                vec![direct("", "Yes", 10)],
                vec![yes.clone()],
                &["respeaker 0 0"],
            ),
            (
                "rekind",
                vec![yes.clone()],
                vec![row("Ann Lee", "mixed", "Yes", 10)],
                &["rekind 0 0"],
            ),
            (
                "respeaker wins over rekind",
                vec![yes.clone()],
                vec![row("Bo Li", "mixed", "Yes", 10)],
                &["respeaker 0 0"],
            ),
            (
                "reshaped: longer",
                vec![yes.clone()],
                vec![direct("Ann Lee", "Yes, sir", 10)],
                &["reshaped 0 0"],
            ),
            (
                "moved offsets match by text",
                vec![yes.clone()],
                vec![direct("Ann Lee", "Yes", 42)],
                &["same 0 0"],
            ),
        ];
        for (name, old, new, want) in cases {
            assert_eq!(show(&pair_rows(&old, &new)), want, "{name}");
        }
    }

    #[test]
    fn exact_span_beats_text_and_text_beats_overlap() {
        // "No" at 0 and at 20 in OLD; NEW keeps the one at 20, moves nothing, and adds
        // an overlapping longer quote over the first.
        let old = [direct("A", "No", 0), direct("B", "No", 20)];
        let new = [direct("A", "No, no", 0), direct("B", "No", 20)];
        assert_eq!(
            show(&pair_rows(&old, &new)),
            ["reshaped 0 0", "same 1 1"],
            "the exact span pairs 1 with 1, leaving 0 to overlap"
        );
        // Repeated text pairs occurrences in order.
        let old = [direct("A", "No", 0), direct("B", "No", 20)];
        let new = [direct("A", "No", 5), direct("C", "No", 25)];
        assert_eq!(show(&pair_rows(&old, &new)), ["same 0 0", "respeaker 1 1"]);
    }

    #[test]
    fn overlap_takes_the_largest_and_leaves_the_rest_gained() {
        let old = [direct("A", "0123456789", 0)];
        let new = [direct("A", "012", 0), direct("A", "3456789xyz", 3)];
        assert_eq!(
            show(&pair_rows(&old, &new)),
            ["gained - 0", "reshaped 0 1"],
            "in text order: the gained row at 0 comes first"
        );
    }

    #[test]
    fn duplicate_rows_pair_one_to_one() {
        let yes = direct("A", "Yes", 0);
        let old = [yes.clone(), yes.clone()];
        let new = [yes.clone()];
        assert_eq!(show(&pair_rows(&old, &new)), ["same 0 0", "lost 1 -"]);
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
                    .map(|(i, q)| direct("A", q, i * 10))
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

    #[test]
    fn csv_changes_guard_cells_and_skip_same_unless_asked() {
        let old = direct("@someone", "=SUM(A1)", 0);
        let new = direct("Ann", "=SUM(A1)", 0);
        let write = |same: bool, raw: bool| {
            let mut out = Vec::new();
            let mut sink = CsvChanges::new(&mut out).same(same).raw(raw);
            for (change, o, n) in [(Change::Same, &new, &new), (Change::Respeaker, &old, &new)] {
                let c = RowChange {
                    doc: "-",
                    change,
                    old: Some(o),
                    new: Some(n),
                };
                sink.write(&c).unwrap();
            }
            sink.finish().unwrap();
            drop(sink);
            String::from_utf8(out).unwrap()
        };
        let body = |s: String| s.lines().skip(1).map(String::from).collect::<Vec<_>>();
        assert_eq!(
            body(write(false, false)),
            ["-,respeaker,'@someone,Ann,direct,direct,'=SUM(A1),'=SUM(A1),0,8,0,8"]
        );
        assert_eq!(
            body(write(true, true)),
            [
                "-,same,Ann,Ann,direct,direct,=SUM(A1),=SUM(A1),0,8,0,8",
                "-,respeaker,@someone,Ann,direct,direct,=SUM(A1),=SUM(A1),0,8,0,8"
            ]
        );
    }
}
