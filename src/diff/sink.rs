//! Writing a diff: the [`ChangeSink`] that [`diff`](super::diff) pushes every row's
//! change into, and [`CsvChanges`], which writes them as CSV under [`DIFF_HEADER`] with the
//! same formula guard as [`CsvSink`](crate::output::CsvSink).

use super::{Change, RowChange};
use std::borrow::Cow;
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
/// `output::guard`, which `diff::read` undoes when reading.
pub(super) const RISKY: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

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
