//! A compiled-in grammar file, the line rules every file shares, and the error a bad line
//! raises.
//!
//! Every file of `grammar/` is read the same way: line by line, each line parsed whole by a
//! nom rule that returns `None` for a blank line or a comment, numbered from 1 so that an
//! error says `grammar/<file>:<line>: <problem>`. The rules common to every file (`blank`,
//! `comment`, `word`) and the checks common to every case-insensitive list (lowercase, at
//! most [`MAX_WORD`] bytes, unique) live here; each table's module adds the rule for its
//! own line shape.

use std::fmt;

use nom::bytes::complete::take_till1;
use nom::character::complete::char;
use nom::combinator::{eof, map, rest};
use nom::{IResult, Parser};

use super::table::{WordSet, MAX_WORD};

/// A compiled-in grammar file and its name for messages.
#[derive(Clone, Copy)]
pub(super) struct GrammarFile {
    name: &'static str,
    text: &'static str,
}

impl GrammarFile {
    pub(super) const fn new(name: &'static str, text: &'static str) -> Self {
        GrammarFile { name, text }
    }

    /// Every line parsed with `line_parser`, numbered from 1; blank and comment lines are
    /// the parser's to skip (by returning `None`).
    pub(super) fn parse<T>(
        self,
        mut line_parser: impl FnMut(&'static str) -> Res<'static, Option<T>>,
    ) -> Result<Vec<(usize, T)>, GrammarError> {
        let mut out = Vec::new();
        for (i, line) in self.text.lines().enumerate() {
            match line_parser(line) {
                Ok((_, Some(item))) => out.push((i + 1, item)),
                Ok((_, None)) => {}
                Err(_) => return Err(self.error(i + 1, format!("malformed line {line:?}"))),
            }
        }
        Ok(out)
    }

    pub(super) fn error(self, line: usize, msg: impl Into<String>) -> GrammarError {
        GrammarError {
            file: self.name,
            line,
            msg: msg.into(),
        }
    }
}

/// A malformed grammar line: `grammar/<file>:<line>: <msg>`.
#[derive(Debug)]
pub(super) struct GrammarError {
    file: &'static str,
    line: usize,
    msg: String,
}

impl fmt::Display for GrammarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "grammar/{}:{}: {}", self.file, self.line, self.msg)
    }
}

/// Checks that a case-insensitive entry can be found by a folded lookup.
pub(super) fn check_folded(file: GrammarFile, line: usize, word: &str) -> Result<(), GrammarError> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        return Err(file.error(line, format!("{word:?} must be lowercase")));
    }
    if word.len() > MAX_WORD {
        return Err(file.error(line, format!("{word:?} is longer than {MAX_WORD} bytes")));
    }
    Ok(())
}

/// Inserts `key`, failing on a duplicate.
pub(super) fn insert_unique(
    set: &mut WordSet,
    file: GrammarFile,
    line: usize,
    key: &'static str,
) -> Result<(), GrammarError> {
    if set.insert(key.as_bytes()) {
        Ok(())
    } else {
        Err(file.error(line, format!("duplicate entry {key:?}")))
    }
}

pub(super) type Res<'a, T> = IResult<&'a str, T>;

/// `blank = EOL`, an empty line.
pub(super) fn blank<T>(i: &str) -> Res<'_, Option<T>> {
    map(eof, |_| None).parse(i)
}

/// `comment = "#" *CHAR EOL`, e.g. `# Military ranks.`
pub(super) fn comment<T>(i: &str) -> Res<'_, Option<T>> {
    map((char('#'), rest), |_| None).parse(i)
}

/// `word = 1*(CHAR except SP / TAB)`, e.g. `Gov.` or `it’s`.
pub(super) fn word(i: &str) -> Res<'_, &str> {
    take_till1(char::is_whitespace).parse(i)
}
