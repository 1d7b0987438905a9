//! Output: where attributions go once a document has been read.
//!
//! This is the last stage of the pipeline. Extraction pushes each document and its
//! attributions into a [`Sink`], one document at a time and in input order; the sink
//! formats them and writes to any [`io::Write`](std::io::Write). [`CsvSink`] writes one row per attribution,
//! [`JsonlSink`] one line per document, [`TableSink`] aligned columns for a terminal. Sinks
//! never print on their own and never reorder: the same calls give the same bytes.
//!
//! Offsets (`start`, `end`, `speaker_start`, `speaker_end`) are byte offsets into the
//! document's text as read, so `&doc.text[start..end]` is the `quote` cell. The one exception
//! is the CSV formula guard: a text cell that begins with `=`, `+`, `-`, `@`, a tab or a
//! carriage return would be run as a formula by a spreadsheet that opens the file, so by
//! default it gets a leading `'` (a lone `-`, the id of stdin, is left alone: it is no
//! formula; see [`guard_cell`]). [`CsvSink::raw`] turns the guard off for programs that
//! read the CSV. One encoder (`CsvTable`, crate-private) writes every CSV table whosaid makes, this guard
//! included.
//!
//! One concept per file: [`Sink`] (`sink.rs`); the row every printer prints (`row.rs`);
//! the CSV encoder and its tables (`csv.rs`); JSONL (`json.rs`); the terminal table
//! (`table.rs`); the census of speakers `whosaid entities` writes (`census.rs`); the pairs of `compare` and `check` (`compare.rs`); a document's bytes rendered apart from the writer, for parallel runs
//! (`render.rs`); and the byte scanning the two encoders share (`bytes.rs`).
//!
//! ```
//! use whosaid::output::{CsvSink, Sink};
//! use whosaid::{Attribution, Document, QuoteKind, Rule, Span, Speaker};
//!
//! let doc = Document::new("a.txt", "“Yes,” she said.");
//! let yes = Attribution {
//!     quote: Span::new(3, 6),
//!     kind: QuoteKind::Direct,
//!     speaker: Speaker { name: "Ann Lee".into(), mention: Some(Span::new(11, 14)), ..Default::default() },
//!     cue: Some(Span::new(15, 19)),
//!     attribution: 1,
//!     rule: Rule::QuoteSpeakerVerb,
//! };
//! let mut out = Vec::new();
//! let mut sink = CsvSink::new(&mut out);
//! sink.write(&doc, &[yes])?;
//! sink.finish()?;
//! drop(sink);
//! let csv = String::from_utf8(out).unwrap();
//! assert_eq!(csv.lines().nth(1), Some("a.txt,Ann Lee,direct,Yes,said,3,6,she,11,14,1,quote-speaker-verb,,,"));
//! # Ok::<(), std::io::Error>(())
//! ```

mod bytes;
mod census;
mod compare;
mod csv;
mod json;
mod render;
mod row;
mod sink;
mod table;

pub use self::census::CensusSink;
pub use self::compare::{PairPrinter, Role, PAIR_HEADER};
pub(crate) use self::csv::CsvTable;
pub use self::csv::{CsvSink, CSV_HEADER};
pub use self::json::JsonlSink;
pub use self::render::Rendering;
pub use self::row::{row_fields, Cell};
pub use self::sink::Sink;
pub use self::table::TableSink;
pub use crate::formula::{guard_cell, unguard_cell, FORMULA_MARKS};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{Attribution, QuoteKind, Rule, Speaker, SpeakerKind};
    use crate::document::Document;
    use crate::span::Span;
    use std::io::{self, Write};

    const TEXT: &str = "“We will not be moved,” said Mayor Brandon Johnson, a Democrat. \
“It is, he said, \"a mess.\"\n\nAnd more.”\nThe agency called the plan “=SUM(A1)”. \
Officials said the order was final.";

    fn span_of(needle: &str) -> Span {
        let start = TEXT.find(needle).expect(needle);
        Span::new(start, start + needle.len())
    }

    /// A document with one attribution of each shape a sink must handle.
    fn sample() -> (Document, Vec<Attribution>) {
        let johnson = Speaker {
            name: "Brandon Johnson".into(),
            mention: Some(span_of("Mayor Brandon Johnson")),
            id: "brandon-johnson".into(),
            kind: Some(SpeakerKind::Person),
            title: "Mayor".into(),
        };
        let attributions = vec![
            Attribution {
                quote: span_of("We will not be moved,"),
                kind: QuoteKind::Direct,
                speaker: johnson.clone(),
                cue: Some(span_of("said")),
                attribution: 1,
                rule: Rule::QuoteVerbSpeaker,
            },
            Attribution {
                quote: span_of("It is, he said, \"a mess.\"\n\nAnd more."),
                kind: QuoteKind::Direct,
                speaker: Speaker {
                    mention: Some(span_of("he")),
                    ..johnson
                },
                cue: None,
                attribution: 2,
                rule: Rule::Continuation,
            },
            Attribution {
                quote: span_of("=SUM(A1)"),
                kind: QuoteKind::Mixed,
                speaker: Speaker {
                    name: "@agency".into(),
                    mention: Some(span_of("The agency")),
                    id: "-1".into(),
                    kind: Some(SpeakerKind::Org),
                    title: "+federal".into(),
                },
                cue: Some(span_of("called")),
                attribution: 3,
                rule: Rule::SpeakerVerbContent,
            },
            Attribution {
                quote: span_of("the order was final"),
                kind: QuoteKind::Indirect,
                speaker: Speaker::default(),
                cue: Some(span_of("said the")),
                attribution: 4,
                rule: Rule::ClauseVerbSpeaker,
            },
        ];
        (Document::new("=cmd|' /C calc'!A0", TEXT), attributions)
    }

    fn run(sink: &mut dyn Sink) -> io::Result<()> {
        let (doc, attributions) = sample();
        sink.write(&doc, &attributions)?;
        sink.write(&Document::new("empty.txt", "No quotes here."), &[])?;
        sink.finish()
    }

    fn snapshot(name: &str, bytes: Vec<u8>) {
        let text = String::from_utf8(bytes).unwrap();
        insta::with_settings!({
            snapshot_path => concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"),
            prepend_module_to_snapshot => false,
        }, {
            insta::assert_snapshot!(name, text);
        });
    }

    #[test]
    fn sample_spans_slice_their_text() {
        let (doc, attributions) = sample();
        assert_eq!(&doc.text[attributions[3].cue.unwrap().range()], "said the");
    }

    #[test]
    fn csv_sink_guards_formulas() {
        let mut out = Vec::new();
        run(&mut CsvSink::new(&mut out)).unwrap();
        snapshot("output_csv", out);
    }

    #[test]
    fn csv_sink_raw_writes_cells_as_they_are() {
        let mut out = Vec::new();
        run(&mut CsvSink::new(&mut out).raw(true)).unwrap();
        snapshot("output_csv_raw", out);
    }

    #[test]
    fn csv_sink_without_documents_writes_the_header() {
        let mut out = Vec::new();
        CsvSink::new(&mut out).finish().unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), CSV_HEADER.join(",") + "\n");
    }

    #[test]
    fn jsonl_sink_writes_a_line_per_document() {
        let mut out = Vec::new();
        run(&mut JsonlSink::new(&mut out)).unwrap();
        snapshot("output_jsonl", out);
    }

    #[test]
    fn table_sink_cuts_to_width() {
        let mut out = Vec::new();
        run(&mut TableSink::new(&mut out, 90)).unwrap();
        snapshot("output_table", out);
    }

    #[test]
    #[cfg_attr(debug_assertions, should_panic(expected = "does not slice"))]
    fn bad_span_is_an_error_in_release_and_a_panic_in_debug() {
        let doc = Document::new("d", "“é”");
        let a = Attribution {
            quote: Span::new(1, 4),
            kind: QuoteKind::Direct,
            speaker: Speaker::default(),
            cue: None,
            attribution: 1,
            rule: Rule::Continuation,
        };
        let err = CsvSink::new(Vec::new()).write(&doc, &[a]).unwrap_err();
        assert!(err.to_string().starts_with("d: span 1..4 "), "{err}");
    }

    /// A reader that has gone away.
    struct ClosedPipe;

    impl Write for ClosedPipe {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::ErrorKind::BrokenPipe.into())
        }

        fn flush(&mut self) -> io::Result<()> {
            Err(io::ErrorKind::BrokenPipe.into())
        }
    }

    #[test]
    fn closed_pipe_is_still_a_broken_pipe_through_csv() {
        // Longer than csv's buffer, so the failure comes from a cell and not from flush.
        let doc = Document::new("d", "x".repeat(100_000));
        let a = Attribution {
            quote: Span::new(0, doc.text.len()),
            kind: QuoteKind::Indirect,
            speaker: Speaker::default(),
            cue: None,
            attribution: 1,
            rule: Rule::Continuation,
        };
        let err = CsvSink::new(ClosedPipe).write(&doc, &[a]).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::BrokenPipe);
    }
}
