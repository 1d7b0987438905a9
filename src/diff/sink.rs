//! Writing a diff: the [`ChangeSink`] that [`diff`](super::diff) pushes every row's
//! change into, and [`CsvChanges`], which writes them as CSV under [`DIFF_HEADER`] with the
//! same formula guard as [`CsvSink`](crate::output::CsvSink): both are a
//! `CsvTable`.

use super::{Change, RowChange};
use crate::output::CsvTable;
use std::io::{self, Write};

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
    table: CsvTable<W>,
    same: bool,
}

impl<W: Write> CsvChanges<W> {
    pub fn new(out: W) -> Self {
        CsvChanges {
            table: CsvTable::new(out, &DIFF_HEADER),
            same: false,
        }
    }

    /// With `true`, text cells are written as they are, without the formula guard.
    pub fn raw(mut self, raw: bool) -> Self {
        self.table = self.table.raw(raw);
        self
    }

    /// With `true`, rows of class `same` are written too.
    pub fn same(mut self, same: bool) -> Self {
        self.same = same;
        self
    }
}

impl<W: Write> ChangeSink for CsvChanges<W> {
    fn write(&mut self, c: &RowChange<'_>) -> io::Result<()> {
        if c.change == Change::Same && !self.same {
            return Ok(());
        }
        let t = &mut self.table;
        t.header()?;
        let (old, new) = (c.old, c.new);
        t.text(Some(c.doc))?;
        t.text(Some(c.change.as_str()))?;
        t.text(old.map(|r| r.speaker.as_str()))?;
        t.text(new.map(|r| r.speaker.as_str()))?;
        t.text(old.map(|r| r.kind.as_str()))?;
        t.text(new.map(|r| r.kind.as_str()))?;
        t.text(old.map(|r| r.quote.as_str()))?;
        t.text(new.map(|r| r.quote.as_str()))?;
        t.number(old.map(|r| r.start))?;
        t.number(old.map(|r| r.end))?;
        t.number(new.map(|r| r.start))?;
        t.number(new.map(|r| r.end))?;
        t.end_row()
    }

    fn finish(&mut self) -> io::Result<()> {
        self.table.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::Row;

    fn direct(speaker: &str, quote: &str, start: usize) -> Row {
        Row {
            speaker: speaker.into(),
            kind: "direct".into(),
            quote: quote.into(),
            start,
            end: start + quote.len(),
        }
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
