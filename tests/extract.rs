//! The CSV of every sample article, pinned byte for byte. Each snapshot was read row by row
//! against its article; a change here is a change in what whosaid tells a journalist.

mod common;

use whosaid::output::{CsvSink, Sink};
use whosaid::{Document, Extractor};

fn csv_of(path: &std::path::Path) -> String {
    let text = std::fs::read_to_string(path).expect("sample articles are UTF-8");
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let doc = Document::new(format!("data/articles/{name}"), text);
    let attributions = Extractor::new().extract(&doc);
    for a in &attributions {
        assert!(
            doc.text.get(a.quote.range()).is_some(),
            "quote span slices its text"
        );
    }
    let mut out = Vec::new();
    let mut sink = CsvSink::new(&mut out);
    sink.write(&doc, &attributions).expect("writing to memory");
    sink.finish().expect("writing to memory");
    drop(sink);
    String::from_utf8(out).expect("CSV of UTF-8 text is UTF-8")
}

#[test]
fn every_sample_article() {
    common::snapshots(|| {
        insta::glob!("../data", "articles/*.txt", |path| {
            insta::assert_snapshot!(csv_of(path));
        });
    });
}
