//! whosaid reads news articles and says who said what.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod attribution;
pub mod document;
pub mod error;
pub mod input;
pub mod lexicon;
pub mod output;
pub mod span;

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
        let _ = doc;
        Vec::new()
    }
}
