//! whosaid reads news articles and says who said what.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribute;
pub mod attribution;
pub mod compare;
pub mod cues;
pub mod diff;
pub mod document;
pub mod entities;
pub mod error;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod quotes;
pub mod segment;
pub mod span;
pub mod speakers;

pub use attribution::{Attribution, QuoteKind, Speaker, SpeakerKind};
pub use document::Document;
pub use entities::EntityTable;
pub use span::Span;

use std::sync::Arc;

/// Extracts attributions from documents; build once, share across threads.
#[derive(Clone, Debug, Default)]
pub struct Extractor {
    entities: Option<Arc<EntityTable>>,
}

/// Configures an [`Extractor`].
#[derive(Clone, Debug, Default)]
pub struct ExtractorBuilder {
    entities: Option<Arc<EntityTable>>,
}

impl ExtractorBuilder {
    /// Resolve speakers against a newsroom's table of people and organisations.
    pub fn entities(mut self, table: EntityTable) -> Self {
        self.entities = Some(Arc::new(table));
        self
    }

    pub fn build(self) -> Extractor {
        Extractor {
            entities: self.entities,
        }
    }
}

impl Extractor {
    pub fn new() -> Self {
        Extractor::default()
    }

    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// Every attribution in `doc`, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Attribution> {
        let text = doc.text.as_str();
        let mut raw = attribute::attribute(text, doc.body.range());
        raw.sort_by_key(|r| (r.quote.start, r.quote.end));
        let speakers = speakers::resolve(text, &raw, self.entities.as_deref());
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
