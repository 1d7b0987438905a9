//! The pairs of quotation marks, `grammar/quote-marks.tsv`: open, close and a name.
//!
//! A list, not a table: the quote finder walks it in file order, and a mark may close one
//! pair and open another (`»`), which the finder settles from context.

use nom::branch::alt;
use nom::bytes::complete::{take_till1, take_while1};
use nom::character::complete::char;
use nom::combinator::{eof, map};
use nom::Parser;

use super::source::{blank, comment, GrammarError, GrammarFile, Res};

/// A pair of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteMark {
    /// The mark that opens a quotation: `“`.
    pub open: &'static str,
    /// The mark that closes it: `”`.
    pub close: &'static str,
    /// A stable name for the pair: `double-curly`.
    pub name: &'static str,
}

pub(super) fn load_quote_marks(file: GrammarFile) -> Result<Vec<QuoteMark>, GrammarError> {
    let mut marks: Vec<QuoteMark> = Vec::new();
    for (line, mark) in file.parse(quote_row)? {
        if marks.iter().any(|m| m.open == mark.open) {
            return Err(file.error(line, format!("open mark {:?} listed twice", mark.open)));
        }
        marks.push(mark);
    }
    Ok(marks)
}

/// `mark = 1*(CHAR except SP / TAB)`, e.g. `“` or `''`.
pub(super) fn mark(i: &str) -> Res<'_, &str> {
    take_till1(char::is_whitespace).parse(i)
}

/// `mark-name = 1*(LOWER / DIGIT / "-")`, e.g. `double-curly`.
pub(super) fn mark_name(i: &str) -> Res<'_, &str> {
    take_while1(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-').parse(i)
}

/// `quote-row = blank / comment / mark TAB mark TAB mark-name EOL`, e.g.
/// `“<TAB>”<TAB>double-curly`.
pub(super) fn quote_row(i: &'static str) -> Res<'static, Option<QuoteMark>> {
    let row = (mark, char('\t'), mark, char('\t'), mark_name, eof);
    alt((
        blank,
        comment,
        map(row, |(open, _, close, _, name, _)| {
            Some(QuoteMark { open, close, name })
        }),
    ))
    .parse(i)
}
