//! The spreadsheet formula guard: what every CSV writer of whosaid adds to a text cell and
//! every CSV reader of whosaid takes off again.
//!
//! A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula
//! by Excel, LibreOffice and Google Sheets, and a quotation (or a name, or a title) can
//! begin with any of them. So the writers put a `'` before such a cell ([`guard_cell`]); a
//! lone `-`, the id of stdin, is no formula and is left alone. The readers (`diff` reading
//! an extraction, `--entities` reading a table `whosaid entities` wrote) take it off
//! ([`unguard_cell`]), so a guarded file reads back as what was found.
//!
//! It has a module of its own because both sides need it: the printers of `output` and the
//! readers, which must not depend on the printers.
//!
//! ```
//! use whosaid::output::{guard_cell, unguard_cell};
//!
//! assert_eq!(guard_cell("=SUM(A1)"), "'=SUM(A1)");
//! assert_eq!(unguard_cell("'=SUM(A1)"), "=SUM(A1)");
//! assert_eq!(unguard_cell("'Tis"), "'Tis");
//! ```

use std::borrow::Cow;

/// The first characters that make a spreadsheet run a cell as a formula: a text cell that
/// begins with one gets the guard of [`guard_cell`], which [`unguard_cell`] takes off again.
pub const FORMULA_MARKS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` with a leading `'` when a spreadsheet would take it for a formula: when it
/// begins with one of [`FORMULA_MARKS`], unless it is a lone `-` (the id of stdin, no
/// formula). Every CSV whosaid writes guards its text cells with it.
///
/// ```
/// use whosaid::output::guard_cell;
///
/// assert_eq!(guard_cell("=SUM(A1)"), "'=SUM(A1)");
/// assert_eq!(guard_cell("-"), "-");
/// assert_eq!(guard_cell(String::from("Mayor")), "Mayor");
/// ```
pub fn guard_cell<'a>(cell: impl Into<Cow<'a, str>>) -> Cow<'a, str> {
    let cell = cell.into();
    if cell.starts_with(FORMULA_MARKS) && cell != "-" {
        Cow::Owned(format!("'{cell}"))
    } else {
        cell
    }
}

/// `cell` without the guard of [`guard_cell`]: a leading `'` is taken off only when a
/// formula mark follows it, so a cell that merely begins with an apostrophe keeps it.
pub fn unguard_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_MARKS) => rest,
        _ => cell,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unguard_takes_off_what_guard_put_on() {
        for cell in [
            "=1", "+1", "-1", "@a", "\tx", "\ry", "-", "Mayor", "'Tis", "''=x", "",
        ] {
            assert_eq!(unguard_cell(&guard_cell(cell)), cell, "{cell:?}");
        }
    }
}
