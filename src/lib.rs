//! whosaid reads news articles and says who said what: every quotation (direct, mixed and
//! reported), its speaker resolved to a name, the cue that introduced it, and the grammar rule
//! that made the attribution, each as byte spans into the text it was read from.
//!
//! One document goes through one pipeline, a module a stage:
//!
//! 1. [`document`]: front matter and site trailers are set aside; offsets still count from
//!    the start of the file ([`html`] masks a page to its visible text first, same length).
//! 2. [`quotes`]: quote marks from `grammar/quote-marks.tsv` are paired by position and
//!    glyph, apostrophes told apart, quotations over several paragraphs linked.
//! 3. [`segment`]: each paragraph is tokenized (nom), every quotation one token, and cut into
//!    sentences that respect abbreviations.
//! 4. [`cues`]: speech verbs from `grammar/speech-verbs.txt` and their speakers' noun phrases,
//!    each shape a named rule.
//! 5. [`attribute`]: each cue claims its content before or after it; what no cue claims is
//!    kept only when it stands as a sentence of its own.
//! 6. [`speakers`]: mentions become names within the document, or through an
//!    [`EntityTable`].
//!
//! The library never prints: [`output`] sinks write what the binary asks, and the commands
//! that compare runs or versions ([`diff`], [`compare`]) are functions too.
//!
//! ```
//! use whosaid::{Document, Extractor, QuoteKind, Rule};
//!
//! let doc = Document::new("a", "“We will win,” said Mayor Jane Doe. She left.");
//! let found = Extractor::new().extract(&doc);
//! assert_eq!(found.len(), 1);
//! assert_eq!(&doc.text[found[0].quote.range()], "We will win,");
//! assert_eq!(found[0].speaker.name, "Jane Doe");
//! assert_eq!(found[0].kind, QuoteKind::Direct);
//! assert_eq!(found[0].rule, Rule::QuoteVerbSpeaker);
//! ```
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

pub use attribution::{Attribution, QuoteKind, Rule, Speaker, SpeakerKind};
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
