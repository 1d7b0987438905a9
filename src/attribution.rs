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
    pub rule: Rule,
}

/// The grammar rule that made a row: the `rule` column. Each names the shape of the
/// attribution, most as the direction of the claim and the cue's own rule (see
/// [`crate::cues::CueRule`]): `quote-verb-speaker` is a quotation claimed backwards by a
/// `verb-speaker` cue (`“No,” said Mr. Smith.`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// `“Q,” X said.`
    QuoteSpeakerVerb,
    /// `“Q,” X, a Democrat, said.`
    QuoteSpeakerAppositionVerb,
    /// `“Q,” said X.`
    QuoteVerbSpeaker,
    /// `“Q,” according to X.`
    QuoteAccordingTo,
    /// A quotation claimed backwards by any other cue (`“Q,” X, who chairs it, said.`).
    QuoteCue,
    /// `“Q” — X`
    QuoteDashSpeaker,
    /// `CLAUSE, X said.`
    ClauseSpeakerVerb,
    /// `CLAUSE, X, a Democrat, said.`
    ClauseSpeakerAppositionVerb,
    /// `CLAUSE, said X.`
    ClauseVerbSpeaker,
    /// `CLAUSE, according to X.`
    ClauseAccordingTo,
    /// A clause claimed backwards by any other cue.
    ClauseCue,
    /// `X said (that) CONTENT`
    SpeakerVerbContent,
    /// `X, a Democrat, said (that) CONTENT`
    SpeakerAppositionVerbContent,
    /// `said X that CONTENT`
    VerbSpeakerContent,
    /// `According to X, CONTENT`
    AccordingTo,
    /// `The plan, X said, works.`: a cue inside its content.
    Interposed,
    /// `…, adding that CONTENT`: a participle speaks for the sentence's speaker.
    Participle,
    /// `CONTENT was described by X as …`
    Passive,
    /// Reported content of a belief verb (`X believes that …`), kept apart to filter.
    Belief,
    /// A quotation standing alone continues the last speaker.
    Continuation,
    /// `“Q.” X said.`: a bare cue sentence after a quotation standing alone.
    QuoteThenCueSentence,
    /// `X put it bluntly: “Q.”`
    ColonLeadIn,
    /// `X: “Q”` or `“Q”: X` as a headline or crosshead.
    HeadlineLabel,
    /// `NAME: words` paragraphs of a transcript.
    TranscriptTurn,
}

impl Rule {
    pub const ALL: [Rule; 24] = [
        Rule::QuoteSpeakerVerb,
        Rule::QuoteSpeakerAppositionVerb,
        Rule::QuoteVerbSpeaker,
        Rule::QuoteAccordingTo,
        Rule::QuoteCue,
        Rule::QuoteDashSpeaker,
        Rule::ClauseSpeakerVerb,
        Rule::ClauseSpeakerAppositionVerb,
        Rule::ClauseVerbSpeaker,
        Rule::ClauseAccordingTo,
        Rule::ClauseCue,
        Rule::SpeakerVerbContent,
        Rule::SpeakerAppositionVerbContent,
        Rule::VerbSpeakerContent,
        Rule::AccordingTo,
        Rule::Interposed,
        Rule::Participle,
        Rule::Passive,
        Rule::Belief,
        Rule::Continuation,
        Rule::QuoteThenCueSentence,
        Rule::ColonLeadIn,
        Rule::HeadlineLabel,
        Rule::TranscriptTurn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Rule::QuoteSpeakerVerb => "quote-speaker-verb",
            Rule::QuoteSpeakerAppositionVerb => "quote-speaker-apposition-verb",
            Rule::QuoteVerbSpeaker => "quote-verb-speaker",
            Rule::QuoteAccordingTo => "quote-according-to",
            Rule::QuoteCue => "quote-cue",
            Rule::QuoteDashSpeaker => "quote-dash-speaker",
            Rule::ClauseSpeakerVerb => "clause-speaker-verb",
            Rule::ClauseSpeakerAppositionVerb => "clause-speaker-apposition-verb",
            Rule::ClauseVerbSpeaker => "clause-verb-speaker",
            Rule::ClauseAccordingTo => "clause-according-to",
            Rule::ClauseCue => "clause-cue",
            Rule::SpeakerVerbContent => "speaker-verb-content",
            Rule::SpeakerAppositionVerbContent => "speaker-apposition-verb-content",
            Rule::VerbSpeakerContent => "verb-speaker-content",
            Rule::AccordingTo => "according-to",
            Rule::Interposed => "interposed",
            Rule::Participle => "participle",
            Rule::Passive => "passive",
            Rule::Belief => "belief",
            Rule::Continuation => "continuation",
            Rule::QuoteThenCueSentence => "quote-then-cue-sentence",
            Rule::ColonLeadIn => "colon-lead-in",
            Rule::HeadlineLabel => "headline-label",
            Rule::TranscriptTurn => "transcript-turn",
        }
    }

    /// The rule named `name` in the `rule` column.
    pub fn from_name(name: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.as_str() == name)
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
