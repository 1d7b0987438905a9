//! Paragraphs that span lines: Markdown's, and plain text wrapped at a fixed width.
//!
//! Every later stage reads one paragraph per line ([`crate::document::paragraphs`]). That is
//! how most news corpora come, and such text is left exactly as it is. Two kinds of text
//! break their paragraphs over several lines instead, and a quotation cut at a line break
//! loses its speaker:
//!
//! * Markdown, where a paragraph ends at a blank line or where a block starts (a heading,
//!   a list item, a block quote, a fence, a table row), and a single line break is a space;
//! * plain text *hard-wrapped* at a fixed width (e-mail, wire copy, text dumps): blank lines
//!   between paragraphs, every line at most 100 characters, and most lines that go on into
//!   another filled to near the width. Text that is not so is not touched.
//!
//! A line break inside a paragraph becomes a space in a copy of the same length, so every
//! offset still indexes the input byte for byte.
//!
//! ```
//! use whosaid::reflow::{markdown, plain};
//! assert_eq!(markdown("“We will,” she\nsaid.\n\n# Next".into()), "“We will,” she said.\n\n# Next");
//! assert_eq!(plain("One paragraph.\nAnother one.".into()), "One paragraph.\nAnother one.");
//! ```

/// The widest line of a hard-wrapped text, in characters.
const MAX_WIDTH: usize = 100;

/// Lines that go on into another and are filled to this share of the widest line, out of
/// all such lines, for the text to be taken as wrapped.
const FILLED: f64 = 0.8;

/// Markdown with the line breaks inside its paragraphs made spaces.
pub fn markdown(text: String) -> String {
    let mut fence = false;
    join_lines(text, |line, next| {
        let l = line.trim_start();
        if l.starts_with("```") || l.starts_with("~~~") {
            fence = !fence;
            return false;
        }
        !fence
            && !l.starts_with('#')
            && !is_rule(l)
            && !line.ends_with("  ")
            && !line.ends_with('\\')
            && !starts_block(next)
    })
}

/// Whether a Markdown line starts a block of its own rather than going on a paragraph.
fn starts_block(line: &str) -> bool {
    let l = line.trim_start();
    let list = l
        .strip_prefix(['-', '*', '+'])
        .is_some_and(|r| r.starts_with(' '))
        || {
            let digits = l.bytes().take_while(u8::is_ascii_digit).count();
            digits > 0 && l[digits..].starts_with(". ") || l[digits..].starts_with(") ")
        };
    list || l.starts_with(['#', '>', '|', '<'])
        || l.starts_with("```")
        || l.starts_with("~~~")
        || is_rule(l)
}

/// A thematic break, a setext underline or a front-matter fence: `---`, `===`, `+++`.
fn is_rule(line: &str) -> bool {
    let l = line.trim();
    l.len() >= 3
        && l.chars()
            .all(|c| matches!(c, '=' | '-' | '*' | '_' | '+' | ' '))
}

/// Plain text with the line breaks inside its paragraphs made spaces, when it is wrapped
/// at a fixed width; any other text as it is.
pub fn plain(text: String) -> String {
    if !is_hard_wrapped(&text) {
        return text;
    }
    join_lines(text, |_, _| true)
}

/// Blank lines between paragraphs, no line wider than [`MAX_WIDTH`], and most lines that
/// run on into another filled to near the widest.
fn is_hard_wrapped(text: &str) -> bool {
    // One paragraph per line with no blank line between is the common case: decided at once.
    if !text.contains("\n\n") && !text.contains("\n\r\n") {
        return false;
    }
    let mut widths = Vec::new();
    let mut lines = text.lines().map(str::trim_end).peekable();
    let mut widest = 0;
    while let Some(line) = lines.next() {
        if line.is_empty() {
            continue;
        }
        let width = line.chars().count();
        if width > MAX_WIDTH {
            return false;
        }
        widest = widest.max(width);
        if lines.peek().is_some_and(|next| !next.is_empty()) {
            widths.push(width);
        }
    }
    if widths.len() < 3 || widest < 40 {
        return false;
    }
    let filled = widths.iter().filter(|&&w| w * 10 >= widest * 7).count();
    filled as f64 >= widths.len() as f64 * FILLED
}

/// `text` with the break after each non-blank line made a space where `joins(line, next)`
/// says the next non-blank line goes on its paragraph.
fn join_lines(text: String, mut joins: impl FnMut(&str, &str) -> bool) -> String {
    let mut bytes = text.into_bytes();
    let mut breaks = Vec::new();
    {
        // Every break is at an ASCII byte: the text stays UTF-8 whatever is replaced.
        let text = std::str::from_utf8(&bytes).unwrap_or_default();
        let mut start = 0;
        let mut lines = Vec::new();
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            lines.push((start, end));
            start = end + 1;
        }
        lines.push((start, text.len()));
        for pair in lines.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let line = text[a.0..a.1].trim_end_matches('\r');
            let next = text[b.0..b.1].trim_end_matches('\r');
            if !line.trim().is_empty() && !next.trim().is_empty() && joins(line, next) {
                breaks.push(a.0 + line.len()..a.1 + 1);
            }
        }
    }
    for range in breaks {
        for b in &mut bytes[range] {
            *b = b' ';
        }
    }
    // Only ASCII `\r` and `\n` were replaced, by ASCII spaces.
    String::from_utf8(bytes).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_paragraphs_end_at_blank_lines_and_blocks() {
        let cases = [
            ("a\nb", "a b"),
            ("a\n\nb", "a\n\nb"),
            ("# Title\nText", "# Title\nText"),
            ("Text\n- item\n- item", "Text\n- item\n- item"),
            ("a  \nb", "a  \nb"),
            ("```\ncode\nmore\n```\na\nb", "```\ncode\nmore\n```\na b"),
            ("a\r\nb", "a  b"),
            ("Title\n=====", "Title\n====="),
            ("---\ntitle: x\n---\nBody", "---\ntitle: x\n---\nBody"),
        ];
        for (input, want) in cases {
            assert_eq!(markdown(input.into()), want, "{input:?}");
        }
    }

    #[test]
    fn hard_wrapped_text_is_joined_and_other_text_kept() {
        let wrapped = "“We will not back down,” the mayor said on Tuesday, standing\n\
                       before a crowd of several hundred people outside city hall in\n\
                       the rain.\n\n\
                       The council votes next week on the budget that she proposed\n\
                       in March, after months of talks with the unions and others.\n";
        let joined = plain(wrapped.into());
        assert_eq!(joined.len(), wrapped.len());
        assert_eq!(joined.lines().filter(|l| !l.is_empty()).count(), 2);
        for text in [
            "One paragraph.\nAnother.\nA third.",
            "Short.\n\nLines.\n\nEach its own paragraph.\n\nFour.",
            "A line that is long enough to be a paragraph of its own and then some more words to pass the width of a wrapped text.\n\nNext.",
        ] {
            assert_eq!(plain(text.into()), text);
        }
    }
}
