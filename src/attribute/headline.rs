//! Headlines: the first line of a story, read with the conventions headlines use.
//!
//! - A label and a colon attribute the rest of the line to the label: `Pence: Gennifer
//!   Flowers Won’t Be at Debate`, `Obama on Climate Change: The Trends Are ‘Terrifying.’`
//!   (rule `headline-label`).
//! - Title case capitalises every word, verbs too: `Trump ‘The Dealmaker’ Could Address Clean
//!   Energy, Lindsey Graham Says` is read with capitalised speech verbs allowed.
//!
//! A first line counts as a headline when it is short (at most [`MAX_WORDS`] words) and one
//! sentence; a label must read as a name (capitalised words, no function word first:
//! `The Latest:` is a rubric, not a speaker).

use super::{RawAttribution, Source, SpeakerMention};
use crate::attribution::{QuoteKind, Rule};
use crate::cues::{Case, MentionKind};
use crate::lexicon::lexicon;
use crate::quotes::QuotedSpan;
use crate::span::Span;

/// The longest line read as a headline.
pub(super) const MAX_WORDS: usize = 25;

/// Is the paragraph `para`, the `index`-th of the body, a headline?
pub(super) fn is_headline(text: &str, para: Span, index: usize) -> bool {
    let line = &text[para.range()];
    let inner = line.trim_end_matches(['.', '!', '?', '’', '”', '\'', '"']);
    index == 0 && line.split_whitespace().count() <= MAX_WORDS && !inner.contains(". ")
}

/// How a headline capitalises: title case when most of its longer words are capitalised.
pub(super) fn case_of(text: &str, para: Span) -> Case {
    let long: Vec<&str> = text[para.range()]
        .split_whitespace()
        .filter(|w| w.len() > 3)
        .collect();
    let capitalised = long
        .iter()
        .filter(|w| w.starts_with(char::is_uppercase))
        .count();
    if long.len() >= 3 && capitalised * 4 >= long.len() * 3 {
        Case::Title
    } else {
        Case::Sentence
    }
}

/// `headline-label = NAME [" on " TOPIC] ":" SP CONTENT`, e.g. `Pence: Flowers Won’t Be at
/// Debate`; the row for CONTENT in group `group`, paragraph `index`, its kind decided by its
/// quote marks.
pub(super) fn labelled(
    text: &str,
    para: Span,
    quotes: &[QuotedSpan],
    group: usize,
    index: usize,
) -> Option<RawAttribution> {
    let line = &text[para.range()];
    let colon = line.find(": ")?;
    let label = &line[..colon];
    let name = label.split(" on ").next().unwrap_or(label);
    let words: Vec<&str> = name.split_whitespace().collect();
    let lex = lexicon();
    // A dateline (`WASHINGTON: …`) is in capitals; a speaker's label is not.
    let dateline = !name.chars().any(char::is_lowercase);
    let named = (1..=4).contains(&words.len())
        && !dateline
        && words.iter().all(|w| w.starts_with(char::is_uppercase))
        && !lex.is_function_word(words[0])
        && words.iter().all(|w| lex.speech_verb(w).is_none());
    if !named {
        return None;
    }
    let content = Span::new(para.start + colon + 2, para.end).trim(text);
    let content = Span::new(
        content.start,
        content.start + text[content.range()].trim_end_matches('.').len(),
    );
    if content.is_empty() {
        return None;
    }
    let (quote, kind) = content_kind(content, quotes);
    let speaker = SpeakerMention {
        span: Span::new(para.start, para.start + name.trim_end().len()),
        kind: MentionKind::Name,
        apposition: None,
    };
    Some(RawAttribution {
        quote,
        kind,
        source: Source::Named(speaker),
        cue: None,
        rule: Rule::HeadlineLabel,
        group,
        para: index,
        chain: None,
    })
}

/// One quotation that is the whole content is direct (its marks left out); quotations among
/// other words make it mixed; none, indirect.
fn content_kind(content: Span, quotes: &[QuotedSpan]) -> (Span, QuoteKind) {
    let inside: Vec<&QuotedSpan> = quotes
        .iter()
        .filter(|q| content.contains(q.outer) || q.outer.contains(content) && q.outer != content)
        .collect();
    match inside.as_slice() {
        [] => (content, QuoteKind::Indirect),
        [q] if q.outer.start <= content.start && content.end <= q.outer.end + 1 => {
            (q.inner, QuoteKind::Direct)
        }
        _ => (content, QuoteKind::Mixed),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::find_quotes;

    fn label(line: &str) -> Option<(String, String, QuoteKind)> {
        let quotes = find_quotes(line, 0..line.len());
        let row = labelled(line, Span::new(0, line.len()), &quotes, 1, 0)?;
        let speaker = match row.source {
            Source::Named(m) => line[m.span.range()].to_string(),
            Source::ContinuesLast => String::new(),
        };
        Some((speaker, line[row.quote.range()].to_string(), row.kind))
    }

    #[test]
    fn labels_attribute_the_rest_of_the_line() {
        assert_eq!(
            label("Doe: City Budget Is Broken."),
            Some((
                "Doe".into(),
                "City Budget Is Broken".into(),
                QuoteKind::Indirect
            ))
        );
        assert_eq!(
            label("Jane Doe on Taxes: The Rise Is ‘Reckless.’"),
            Some((
                "Jane Doe".into(),
                "The Rise Is ‘Reckless.’".into(),
                QuoteKind::Mixed
            ))
        );
        assert_eq!(label("The Latest: Doe urges calm."), None);
        assert_eq!(label("WASHINGTON: The council met on Monday."), None);
        assert_eq!(label("Breaking news without a label."), None);
    }

    #[test]
    fn title_case_is_told_from_sentence_case() {
        let title = "Lindsey Doe Says The Budget Could Work";
        assert_eq!(case_of(title, Span::new(0, title.len())), Case::Title);
        let sentence = "Doe says the budget could work";
        assert_eq!(
            case_of(sentence, Span::new(0, sentence.len())),
            Case::Sentence
        );
    }
}
