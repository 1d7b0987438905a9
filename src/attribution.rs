//! What extraction produces: one [`Attribution`] per contiguous quoted or reported piece.

use crate::span::Span;
use serde::Serialize;

/// How the words reached the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// The quotation is the whole reported statement, inside quote marks.
    Direct,
    /// Quoted words inside the writer's own sentence: the whole reported content.
    Mixed,
    /// Reported speech without quote marks.
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What sort of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Org,
    Anonymous,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Org => "org",
            SpeakerKind::Anonymous => "anonymous",
        }
    }
}

/// Who a quotation is attributed to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Speaker {
    /// The resolved name without titles ("Brandon Johnson"); empty when unknown.
    pub name: String,
    /// The words in the text that name the speaker ("Mayor Brandon Johnson", "he").
    pub mention: Option<Span>,
    /// An id from the entity table, or one stable within the document.
    pub id: String,
    pub kind: Option<SpeakerKind>,
    /// The role the story gives ("Illinois Governor", "a Democrat").
    pub title: String,
}

/// One quoted or reported piece, its speaker and the cue that introduced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// The quoted words without their enclosing marks, or the reported clause.
    pub quote: Span,
    pub kind: QuoteKind,
    pub speaker: Speaker,
    /// The cue verb or phrase ("said", "according to").
    pub cue: Option<Span>,
    /// Shared by the pieces of one quotation split by its cue; 1-based within a document.
    pub attribution: usize,
    /// The grammar rule that made this attribution.
    pub rule: &'static str,
}
