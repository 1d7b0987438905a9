//! whosaid reads news articles and says who said what: every quotation (direct, mixed and
//! reported), its speaker resolved to a name, the cue that introduced it, and the grammar rule
//! that made the attribution, each as byte spans into the text it was read from.
//!
//! One document goes through one pipeline, a module a stage, in the order
//! [`Extractor::extract`] calls them:
//!
//! 1. [`document`]: front matter and site trailers are set aside; offsets still count from
//!    the start of the file ([`html`] reads a page's article as text first, with a map
//!    from that text back to the page's bytes).
//!    The body is cut into paragraphs.
//! 2. [`quotes`]: quote marks from `grammar/quote-marks.tsv` are paired by position and
//!    glyph, apostrophes told apart, quotations over several paragraphs linked.
//! 3. [`segment`]: each paragraph is tokenized (nom), every quotation one token, and cut into
//!    sentences that respect abbreviations.
//! 4. [`cues`]: speech verbs from `grammar/speech-verbs.txt` and their speakers' noun phrases,
//!    each shape a named [`cues::CueRule`].
//! 5. [`attribute`]: each cue claims its content before or after it; what no cue claims is
//!    kept only when it stands as a sentence of its own. Each row records what the text says
//!    of its speaker, and the [`Rule`] that made it.
//! 6. [`speakers`]: who goes on speaking is settled, then mentions become names within the
//!    document, or through an [`EntityTable`].
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
mod formula;
pub mod hash;
pub mod html;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod quotes;
pub mod reflow;
pub mod segment;
pub mod source_map;
pub mod span;
pub mod speakers;

pub use attribution::{Attribution, QuoteKind, Rule, Speaker, SpeakerKind};
pub use document::Document;
pub use entities::EntityTable;
pub use error::Error;
pub use span::Span;

use attribute::RawAttribution;
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

    /// Every attribution in `doc`, in text order: the pipeline, a stage a module.
    pub fn extract(&self, doc: &Document) -> Vec<Attribution> {
        let text = doc.text.as_str();
        let paras = document::paragraphs(text, doc.body.range());
        let quotes = quotes::quotes_in(text, &paras);
        let mut claims = attribute::Claims::new(text, &paras, &quotes);
        // Where each sentence starts: speakers look back sentence by sentence for `he`.
        let mut sentence_starts = Vec::with_capacity(paras.len() * 2);
        for (p, &para) in paras.iter().enumerate() {
            let Some(case) = claims.paragraph(p, para) else {
                sentence_starts.push(para.start);
                continue;
            };
            let toks = segment::tokenize(text, para.range(), &quotes);
            let sentences = segment::sentences(text, &toks);
            for (k, s) in sentences.iter().enumerate() {
                let sentence = &toks[s.clone()];
                sentence_starts.extend(sentence.first().map(|t| t.span.start));
                let cues = cues::find_cues(text, sentence, case);
                let next = sentences.get(k + 1).map(|n| &toks[n.clone()]);
                claims.sentence(p, sentence, &cues, next);
            }
        }
        let read = speakers::Layout {
            quotes: &quotes,
            sentence_starts: &sentence_starts,
        };
        let rows = speakers::resolve(text, &read, claims.finish(), self.entities.as_deref());
        number_attributions(text, rows)
    }
}

/// Rows as attributions, the pieces of one quotation numbered alike from 1 in text order.
fn number_attributions(text: &str, rows: Vec<(RawAttribution, Speaker)>) -> Vec<Attribution> {
    let mut ids = indexmap::IndexMap::new();
    rows.into_iter()
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
