//! Single-thread throughput of [`Extractor::extract`], and its behaviour on pathological text.
//!
//! ```sh
//! cargo bench --bench throughput
//! ```
//!
//! Two parts:
//!
//! 1. **Corpus.** Every text of the PolNeAR train split (`../shared/corpus/polnear/train.jsonl`
//!    next to the repository) is extracted on one thread, several times; the best and median
//!    pass are printed as MB/s of text, with the number of attributions. The PolNeAR texts
//!    are copyrighted news: they are read at run time and never copied into this repository.
//!    When the file is missing the bench falls back to `data/articles/*.txt` and says so.
//!    `WHOSAID_POLNEAR` names another JSONL file (`id` and `text` fields) to read instead.
//! 2. **Pathological documents**, built here from a few repeated tokens: one paragraph of
//!    200k words with no full stop, half a million bare quote marks (`"`, `“`, ...), unclosed
//!    openers, one-word paragraphs that all open a quote, cues without quotes. Each is timed at 1/16, 1/4 and all of 1 MB, so a
//!    non-linear blow-up shows as a falling MB/s (and a time ratio far above 4 between two
//!    sizes). A size is skipped when the one before it took longer than [`SKIP_AFTER`].
//!
//! Arguments after `--` pick parts by substring: `cargo bench --bench throughput -- corpus`,
//! `... -- "full stop"`. Run without `--bench` (as `cargo test --benches` does) it makes one
//! quick pass over the first few documents and small pathological texts only.

use std::env;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use whosaid::{Document, Extractor};

/// Measured passes over the corpus (after one warm-up), unless `WHOSAID_BENCH_ITERS` says.
const ITERS: usize = 5;

/// A pathological size is not tried when the previous, 4× smaller one took this long.
const SKIP_AFTER: Duration = Duration::from_secs(15);

/// Documents kept from the corpus when run without `--bench`.
const SMOKE_DOCS: usize = 40;

const MB: f64 = 1_000_000.0;

fn main() {
    // `cargo bench` passes `--bench`; `cargo test --benches` does not: then only smoke-test.
    let full = env::args().any(|a| a == "--bench");
    // Other arguments select parts by substring: `corpus`, or words of a pathological name.
    let filters: Vec<String> = env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let wanted =
        |name: &str| filters.is_empty() || filters.iter().any(|f| name.contains(f.as_str()));
    let iters = match env::var("WHOSAID_BENCH_ITERS") {
        Ok(n) => n.parse().expect("WHOSAID_BENCH_ITERS must be a number"),
        Err(_) if full => ITERS,
        Err(_) => 1,
    };
    let extractor = Extractor::new();

    if wanted("corpus") {
        let (source, mut docs) = load_corpus();
        if !full {
            docs.truncate(SMOKE_DOCS);
        }
        corpus(&extractor, &source, &docs, iters);
    }

    println!();
    println!("pathological documents (one thread; MB/s should stay flat as size grows):");
    let sizes: &[usize] = if full {
        &[1 << 16, 1 << 18, 1 << 20]
    } else {
        &[1 << 14]
    };
    for (name, make) in PATHOLOGICAL.iter().filter(|(name, _)| wanted(name)) {
        pathological(&extractor, name, *make, sizes);
    }
}

/// Extract every document `iters` times (plus a warm-up) and print MB/s.
fn corpus(extractor: &Extractor, source: &str, docs: &[Document], iters: usize) {
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "corpus: {source}: {} documents, {:.2} MB of text",
        docs.len(),
        bytes as f64 / MB
    );
    let count = extract_all(extractor, docs); // warm-up, and the attribution count
    let mut times: Vec<Duration> = (0..iters)
        .map(|_| {
            let start = Instant::now();
            black_box(extract_all(extractor, black_box(docs)));
            start.elapsed()
        })
        .collect();
    times.sort();
    let best = times[0];
    let median = times[times.len() / 2];
    println!(
        "corpus: {count} attributions; {iters} passes on one thread: best {:.3} s = {:.2} MB/s, \
         median {:.3} s = {:.2} MB/s, {:.0} docs/s",
        best.as_secs_f64(),
        mb_per_s(bytes, best),
        median.as_secs_f64(),
        mb_per_s(bytes, median),
        docs.len() as f64 / median.as_secs_f64(),
    );
}

fn extract_all(extractor: &Extractor, docs: &[Document]) -> usize {
    docs.iter().map(|d| extractor.extract(d).len()).sum()
}

/// The PolNeAR train texts, or the sample articles when they are not there.
fn load_corpus() -> (String, Vec<Document>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let polnear = env::var_os("WHOSAID_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus/polnear/train.jsonl"));
    match fs::read_to_string(&polnear) {
        Ok(jsonl) => (polnear.display().to_string(), parse_jsonl(&polnear, &jsonl)),
        Err(err) => {
            let dir = root.join("data/articles");
            println!(
                "corpus: cannot read {} ({err}); falling back to {}/*.txt",
                polnear.display(),
                dir.display()
            );
            (
                format!("{}/*.txt (fallback)", dir.display()),
                sample_articles(&dir),
            )
        }
    }
}

fn parse_jsonl(path: &Path, jsonl: &str) -> Vec<Document> {
    jsonl
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            let where_ = || format!("{}:{}", path.display(), i + 1);
            let record: serde_json::Value = serde_json::from_str(line)
                .unwrap_or_else(|e| panic!("{}: bad JSON: {e}", where_()));
            let text = record["text"]
                .as_str()
                .unwrap_or_else(|| panic!("{}: no string `text` field", where_()));
            let id = match &record["id"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Document::new(id, text)
        })
        .collect()
}

fn sample_articles(dir: &Path) -> Vec<Document> {
    let mut paths: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("a readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            Document::new(p.display().to_string(), text)
        })
        .collect()
}

/// A name, and a function building a document of about `n` bytes.
type Make = fn(usize) -> String;

const PATHOLOGICAL: &[(&str, Make)] = &[
    ("one paragraph, no full stop", no_full_stop),
    ("a first-person account, no cue", first_person_account),
    ("pronouns in a row", pronouns_in_a_row),
    ("straight and curly quote marks only", quote_marks_only),
    ("unclosed curly openers between words", unclosed_openers),
    ("words between alternating \" and “", words_between_marks),
    ("one-word paragraphs each opening a quote", quote_paragraphs),
    ("said-cues and names, no quote marks", cues_without_quotes),
];

/// Repeat `pieces` in turn until the text holds at least `n` bytes.
fn repeat(n: usize, pieces: &[&str]) -> String {
    let mut text = String::with_capacity(n + 64);
    for piece in pieces.iter().cycle() {
        if text.len() >= n {
            break;
        }
        text.push_str(piece);
    }
    text
}

/// 200k words per MB in one paragraph: commas, names and "said", but never a full stop.
fn no_full_stop(n: usize) -> String {
    repeat(
        n,
        &[
            "the ", "mayor ", "Jane ", "Smith ", "said, ", "and ", "city ", "Hall ", "he ",
        ],
    )
}

/// Bare marks: `"` and `“` in turn (a 1 MB text holds about 500k of them).
fn quote_marks_only(n: usize) -> String {
    repeat(n, &["\"", "“", "\"", "”", "‘", "'"])
}

/// `“word ` over and over: every opener is left open.
fn unclosed_openers(n: usize) -> String {
    repeat(n, &["“word ", "“Smith said ", "«non ", "‘it’s "])
}

/// `"a “b "c “d`: straight marks that may close or open, curly ones that only open.
fn words_between_marks(n: usize) -> String {
    repeat(n, &["\"alpha ", "“beta, ", "\"said ", "“Jones "])
}

/// Paragraphs of one word that open a quote and never close it: a multi-paragraph quote
/// that goes on for the whole document.
fn quote_paragraphs(n: usize) -> String {
    repeat(n, &["“Word\n\n", "“Said Smith\n\n", "\"more,\n\n"])
}

/// A witness's account over thousands of quote paragraphs after one narrative sentence, no
/// cue anywhere: every paragraph looks back for who the story was about.
fn first_person_account(n: usize) -> String {
    let mut text = String::from("Mary Jones saw it all from her window.\n");
    text.push_str(&repeat(n, &["“I heard a noise and ran outside to see.”\n"]));
    text
}

/// Thousands of pronoun cues among people of both genders: each resolves in a bounded walk.
fn pronouns_in_a_row(n: usize) -> String {
    repeat(
        n,
        &[
            "Ms Ann Cole spoke. “We won,” she said. “Yes,” he said. ",
            "Mr Ben Ito agreed, she said. He said it again. ",
        ],
    )
}

/// Sentences full of cue-like material but no quote marks: indirect-speech candidates.
fn cues_without_quotes(n: usize) -> String {
    repeat(
        n,
        &[
            "Mayor Jane Smith said that the city would, according to officials, ",
            "tell Gov. John Doe, who said he told reporters that she said ",
        ],
    )
}

fn pathological(extractor: &Extractor, name: &str, make: Make, sizes: &[usize]) {
    let mut previous: Option<Duration> = None;
    for &size in sizes {
        let doc = Document::new("pathological", make(size));
        let bytes = doc.text.len();
        if let Some(p) = previous.filter(|p| *p > SKIP_AFTER) {
            println!(
                "  {name:<44} {:>8.3} MB: skipped (the smaller size took {:.1} s)",
                bytes as f64 / MB,
                p.as_secs_f64()
            );
            continue;
        }
        let start = Instant::now();
        let found = black_box(extractor.extract(black_box(&doc))).len();
        let took = start.elapsed();
        let ratio = previous
            .map(|p| {
                format!(
                    ", {:.1}× the smaller size",
                    took.as_secs_f64() / p.as_secs_f64()
                )
            })
            .unwrap_or_default();
        println!(
            "  {name:<44} {:>8.3} MB: {:>9.3} s = {:>8.2} MB/s, {found} attributions{ratio}",
            bytes as f64 / MB,
            took.as_secs_f64(),
            mb_per_s(bytes, took),
        );
        previous = Some(took);
    }
}

fn mb_per_s(bytes: usize, took: Duration) -> f64 {
    bytes as f64 / MB / took.as_secs_f64()
}
