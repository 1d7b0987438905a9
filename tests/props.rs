//! Property tests on the public entry point, [`Extractor::extract`], and on the CSV sink.
//!
//! For any text, extraction never panics; every quote, cue and speaker-mention span falls
//! on char boundaries of the text (so `&text[span.range()]` is what gets printed); quote
//! spans are non-empty; and the output is the same every time, from any extractor, on any
//! thread. The CSV written for the same documents is byte-identical from run to run.
//!
//! Arbitrary Unicode finds boundary mistakes; a second strategy strings together the
//! material quote and cue rules actually react to (every quote mark, paragraph breaks,
//! "said", titles and capitalised names, apostrophes, commas, full stops), which random
//! strings almost never produce. Failing cases are kept in `proptest-regressions/`.

use proptest::prelude::*;
use whosaid::output::{CsvSink, JsonlSink, Sink};
use whosaid::{Attribution, Document, Extractor, Span};

/// Pieces that quote and cue rules react to, glued in random order.
const TOKENS: &[&str] = &[
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "`",
    "„",
    "‹",
    "›",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    " ",
    " ",
    ", ",
    ". ",
    ".",
    ",",
    ":",
    "—",
    "-",
    "?",
    "!",
    "said",
    "says",
    "told",
    "added",
    "according to",
    "asked",
    "he",
    "she",
    "they",
    "it",
    "the",
    "mayor",
    "a",
    "spokeswoman",
    "that",
    "would",
    "not",
    "Smith",
    "Jane",
    "Brandon",
    "Johnson",
    "Mr.",
    "Gov.",
    "Dr.",
    "U.S.",
    "Jan.",
    "It’s",
    "don’t",
    "’90s",
    "O’Brien",
    "rock ’n’ roll",
    "Smiths’",
    "I",
    "We",
    "é",
    "ß",
    "日本",
    "🙂",
    "\u{feff}",
    "\u{a0}",
    "\u{2028}",
    "\t",
    "---\n",
    "+++\n",
];

fn token() -> impl Strategy<Value = &'static str> {
    prop::sample::select(TOKENS)
}

/// Texts built from [`TOKENS`], sometimes with a short arbitrary string mixed in.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => token().prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ];
    prop::collection::vec(piece, 0..160).prop_map(|pieces| pieces.concat())
}

/// A sentence shape that most rules fire on, with random fillers: quotes that end up
/// matched, split by cues, or spread over paragraphs.
fn templated() -> impl Strategy<Value = String> {
    let filler = || prop::collection::vec(token(), 0..8).prop_map(|t| t.join(" "));
    (
        filler(),
        filler(),
        filler(),
        prop::sample::select(&["“", "\"", "‘", "«"][..]),
        prop::sample::select(&["”", "\"", "’", "»", ""][..]),
        prop::sample::select(&[", said ", " said ", ", ", "\n\n", " according to "][..]),
    )
        .prop_map(|(a, b, c, open, close, cue)| {
            format!("{open}{a},{close}{cue}Mayor Jane Smith. {open}{b}{close} {c}.")
        })
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![1 => any::<String>(), 2 => newsish(), 2 => templated()]
}

/// Every span the extractor reports slices `text`; quotes are non-empty.
fn check_spans(text: &str, found: &[Attribution]) -> Result<(), TestCaseError> {
    let slices = |what: &str, span: Span| -> Result<(), TestCaseError> {
        prop_assert!(
            span.start <= span.end && text.get(span.range()).is_some(),
            "{what} span {span:?} does not slice the text ({} bytes)",
            text.len()
        );
        Ok(())
    };
    for a in found {
        slices("quote", a.quote)?;
        prop_assert!(
            a.quote.start < a.quote.end,
            "empty quote span {:?}",
            a.quote
        );
        prop_assert!(a.quote.end <= text.len());
        if let Some(cue) = a.cue {
            slices("cue", cue)?;
        }
        if let Some(mention) = a.speaker.mention {
            slices("speaker mention", mention)?;
        }
        prop_assert!(a.attribution >= 1, "attribution ids are 1-based: {a:?}");
    }
    Ok(())
}

fn csv_bytes(docs: &[Document]) -> Vec<u8> {
    let extractor = Extractor::new();
    let mut out = Vec::new();
    let mut sink = CsvSink::new(&mut out);
    for doc in docs {
        sink.write(doc, &extractor.extract(doc))
            .expect("writing to a Vec cannot fail");
    }
    sink.finish().expect("writing to a Vec cannot fail");
    drop(sink);
    out
}

fn jsonl_bytes(docs: &[Document]) -> Vec<u8> {
    let extractor = Extractor::new();
    let mut out = Vec::new();
    let mut sink = JsonlSink::new(&mut out);
    for doc in docs {
        sink.write(doc, &extractor.extract(doc))
            .expect("writing to a Vec cannot fail");
    }
    sink.finish().expect("writing to a Vec cannot fail");
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// No panic, spans on char boundaries, non-empty quotes, the same answer every time.
    #[test]
    fn extract_is_total_sliceable_and_deterministic(text in any_text()) {
        let doc = Document::new("p", text.clone());
        let extractor = Extractor::new();
        let first = extractor.extract(&doc);
        check_spans(&text, &first)?;
        prop_assert_eq!(&first, &extractor.extract(&doc), "second extraction differs");
        prop_assert_eq!(&first, &Extractor::new().extract(&doc), "a new extractor differs");
        let on_thread = std::thread::scope(|s| s.spawn(|| extractor.extract(&doc)).join());
        prop_assert_eq!(&first, &on_thread.expect("no panic"), "another thread differs");
    }

    /// The same documents give the same CSV (and JSONL) bytes twice over.
    #[test]
    fn sink_output_is_byte_identical(texts in prop::collection::vec(any_text(), 0..6)) {
        let docs: Vec<Document> = texts
            .into_iter()
            .enumerate()
            .map(|(i, text)| Document::new(format!("doc{i}"), text))
            .collect();
        let csv = csv_bytes(&docs);
        prop_assert!(!csv.is_empty(), "the CSV header is always written");
        prop_assert_eq!(&csv, &csv_bytes(&docs));
        prop_assert_eq!(jsonl_bytes(&docs), jsonl_bytes(&docs));
    }
}
