//! whosaid reads news articles and says who said what.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribute;
pub mod attribution;
pub mod cues;
pub mod diff;
pub mod document;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod speakers;

pub use attribution::{Attribution, QuoteKind, Speaker, SpeakerKind};
pub use document::Document;
pub use span::Span;

/// Extracts attributions from documents; build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct Extractor {}

impl Extractor {
    pub fn new() -> Self {
        Extractor::default()
    }

    /// Every attribution in `doc`, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Attribution> {
        let text = doc.text.as_str();
        let mut raw = attribute::attribute(text, doc.body.range());
        raw.sort_by_key(|r| (r.quote.start, r.quote.end));
        let speakers = speakers::resolve(text, &raw);
        let mut ids = indexmap::IndexMap::new();
        raw.into_iter()
            .zip(speakers)
            .map(|(r, speaker)| {
                let next = ids.len() + 1;
                let attribution = *ids.entry(r.group).or_insert(next);
                debug_assert!(text.get(r.quote.range()).is_some());
                Attribution {
                    quote: r.quote,
                    kind: r.kind,
                    speaker,
                    cue: r.cue,
                    attribution,
                    rule: r.rule,
                }
            })
            .collect()
    }
}
