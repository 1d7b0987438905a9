//! Character references (`&amp;`, `&#8220;`, `&#x201D;`, `&eacute`), decoded as the WHATWG
//! tokenizer decodes them in text: every named reference of HTML5 (the table of the
//! `entities` crate, generated from the standard's `entities.json`), the legacy names that
//! may go without their `;`, and numeric references with the standard's repairs (`&#0;`,
//! surrogates and code points past U+10FFFF become U+FFFD, `&#150;` the Windows-1252
//! character a page meant). Anything else (`&nosuch;`, a lone `&`) is text as it stands.

use std::collections::HashMap;
use std::sync::LazyLock;

/// Named references without their `&`: `"amp;"` and, for legacy names, `"amp"` too.
static NAMED: LazyLock<HashMap<&'static str, &'static str>> = LazyLock::new(|| {
    entities::ENTITIES
        .iter()
        .map(|e| (&e.entity[1..], e.characters))
        .collect()
});

/// The longest legacy name (one that may go without `;`): `&middot`, `&curren`.
const LONGEST_LEGACY: usize = 6;

/// The longest name of the table, `;` included (`&CounterClockwiseContourIntegral;`).
const LONGEST_NAME: usize = 33;

/// Windows-1252 characters for the C1 code points a numeric reference may name by mistake.
const C1: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{0192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{02C6}', '\u{2030}', '\u{0160}', '\u{2039}', '\u{0152}', '\u{8D}', '\u{017D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{02DC}', '\u{2122}', '\u{0161}', '\u{203A}', '\u{0153}', '\u{9D}', '\u{017E}', '\u{0178}',
];

/// The text a reference decodes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoded {
    /// A named reference: one or two characters from the table.
    Str(&'static str),
    /// A numeric reference.
    Char(char),
}

/// The reference at the start of `s` (which starts with `&`): what it decodes to and how
/// many bytes it takes, or `None` when `s` starts with no reference.
///
/// `ref = "&" name ";" | "&" legacy-name | "&#" 1*DIGIT [";"] | "&#" ("x"/"X") 1*HEXDIG [";"]`,
/// e.g. `&ldquo;`, `&eacute`, `&#8220;`, `&#x201d`.
pub fn decode(s: &[u8]) -> Option<(Decoded, usize)> {
    debug_assert_eq!(s.first(), Some(&b'&'));
    match s.get(1)? {
        b'#' => numeric(s),
        c if c.is_ascii_alphanumeric() => named(s),
        _ => None,
    }
}

/// `&#8220;`, `&#x201D;`: the digits are read however many there are (linear, with no
/// overflow: a value past U+10FFFF stays there), then repaired as the standard says.
fn numeric(s: &[u8]) -> Option<(Decoded, usize)> {
    let (radix, start) = match s.get(2) {
        Some(b'x' | b'X') => (16, 3),
        _ => (10, 2),
    };
    let mut value: u32 = 0;
    let mut end = start;
    while let Some(d) = s.get(end).and_then(|&b| (b as char).to_digit(radix)) {
        value = value.saturating_mul(radix).saturating_add(d).min(0x11_0000);
        end += 1;
    }
    if end == start {
        return None;
    }
    if s.get(end) == Some(&b';') {
        end += 1;
    }
    let c = match value {
        0 | 0xD800..=0xDFFF | 0x11_0000.. => '\u{FFFD}',
        0x80..=0x9F => C1[(value - 0x80) as usize],
        // Every other value below 0x110000 that is no surrogate is a char.
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    Some((Decoded::Char(c), end))
}

/// `&ldquo;`, or a legacy name without its `;` (`&copy 2024`, `&eacute`).
fn named(s: &[u8]) -> Option<(Decoded, usize)> {
    let run = s[1..]
        .iter()
        .take(LONGEST_NAME)
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    if s.get(1 + run) == Some(&b';') {
        // The name is ASCII: every byte of it was alphanumeric.
        let name = std::str::from_utf8(&s[1..run + 2]).ok()?;
        if let Some(chars) = NAMED.get(name) {
            return Some((Decoded::Str(chars), run + 2));
        }
    }
    // The longest legacy name that starts the run, as the standard's longest match does.
    for len in (2..=run.min(LONGEST_LEGACY)).rev() {
        let name = std::str::from_utf8(&s[1..1 + len]).ok()?;
        if let Some(chars) = NAMED.get(name) {
            return Some((Decoded::Str(chars), len + 1));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<(String, usize)> {
        decode(s.as_bytes()).map(|(d, n)| {
            let t = match d {
                Decoded::Str(s) => s.to_string(),
                Decoded::Char(c) => c.to_string(),
            };
            (t, n)
        })
    }

    #[test]
    fn known_answers() {
        let cases = [
            ("&amp;", Some(("&", 5))),
            ("&ldquo;x", Some(("“", 7))),
            ("&eacute;", Some(("é", 8))),
            ("&eacute", Some(("é", 7))),
            ("&notit;", Some(("¬", 4))),
            ("&CounterClockwiseContourIntegral;", Some(("∳", 33))),
            ("&NotEqualTilde;", Some(("≂\u{338}", 15))),
            ("&#8220;", Some(("“", 7))),
            ("&#x201d;", Some(("”", 8))),
            ("&#x201D", Some(("”", 7))),
            ("&#39;s", Some(("'", 5))),
            ("&#150;", Some(("–", 6))),
            ("&#0;", Some(("\u{FFFD}", 4))),
            ("&#x110000;", Some(("\u{FFFD}", 10))),
            ("&#xD800;", Some(("\u{FFFD}", 8))),
            ("&#99999999999999999999;", Some(("\u{FFFD}", 23))),
            ("&nosuch;", None),
            ("&", None),
            ("& b", None),
            ("&#;", None),
            ("&#x;", None),
        ];
        for (input, want) in cases {
            assert_eq!(
                text(input),
                want.map(|(t, n)| (t.to_string(), n)),
                "{input}"
            );
        }
    }
}
