//! How long `whosaid compare` takes on two 1 MB documents.
//!
//! ```sh
//! cargo bench --bench compare
//! ```
//!
//! BASE is 1 MB of news: the PolNeAR train texts (`../shared/corpus/polnear/train.jsonl`
//! next to the repository, or the file `WHOSAID_POLNEAR` names) joined into one document.
//! They are copyrighted news, read at run time and never copied into this repository; when
//! the file is missing, generated text with the same shape (paragraphs, quotations, cues)
//! stands in, and the bench says so. Two OTHER documents are compared with it:
//!
//! - **rewrite**: BASE edited paragraph by paragraph, the way the seed articles were: every
//!   seventh paragraph dropped, the quote marks of every fifth removed, a `not` taken out of
//!   every fourth. Most quotations find their counterpart.
//! - **unrelated**: the next 1 MB of the corpus (each article once, though the corpus has
//!   some twice). Few quotations find a counterpart, so most searches go the whole way and
//!   every paraphrase fallback runs: the slow case.
//!
//! - **repetitive**: one quotation said 27,000 times (1 MB) against another said as often:
//!   every word is common, every place looks alike. It must stay linear too.
//!
//! Each is timed in its three steps (extraction of both documents, preparing both
//! [`Version`]s, the comparison itself), best of a few passes, on one thread. Run without
//! `--bench` (as `cargo test --benches` does), it makes one pass over 100 kB documents.

use std::env;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use whosaid::compare::{compare, Class, Version};
use whosaid::{Document, Extractor};

const MB: usize = 1_000_000;

/// Measured passes (after one warm-up) with `--bench`.
const ITERS: usize = 3;

fn main() {
    let full = env::args().any(|a| a == "--bench");
    let (size, iters) = if full { (MB, ITERS) } else { (MB / 10, 1) };
    let (source, texts) = load_texts();
    let mut texts = texts.into_iter();
    let base = join(&mut texts, size);
    let unrelated = join(&mut texts, size);
    let rewrite = rewrite(&base);
    println!(
        "compare bench: {source}; BASE {:.2} MB, rewrite {:.2} MB, unrelated {:.2} MB",
        base.len() as f64 / 1e6,
        rewrite.len() as f64 / 1e6,
        unrelated.len() as f64 / 1e6,
    );
    let base = Document::new("base", base);
    for (name, other) in [("rewrite", rewrite), ("unrelated", unrelated)] {
        let other = Document::new(name, other);
        run(name, &base, &other, iters);
    }
    let times = size / 37;
    let said = Document::new(
        "said",
        "“We will win the vote,” said Ann Lee.\n".repeat(times),
    );
    let other = Document::new(
        "other",
        "“They will lose it,” said Ann Lee.\n".repeat(times),
    );
    run("repetitive", &said, &other, iters);
}

/// Times the three steps of comparing `base` with `other` and prints them.
fn run(name: &str, base: &Document, other: &Document, iters: usize) {
    let extractor = Extractor::new();
    let mut best = [Duration::MAX; 3];
    let mut summary = String::new();
    for pass in 0..=iters {
        let t0 = Instant::now();
        let (a, b) = (extractor.extract(base), extractor.extract(other));
        let t1 = Instant::now();
        let (va, vb) = (Version::new(base, &a), Version::new(other, &b));
        let t2 = Instant::now();
        let pairs = black_box(compare(black_box(&va), black_box(&vb)));
        let t3 = Instant::now();
        if pass == 0 {
            // The warm-up also says what was compared.
            let count = |class| pairs.iter().filter(|p| p.class == class).count();
            summary = format!(
                "{} + {} quotations, {} pairs: {} verbatim, {} unmarked, {} altered, \
                 {} paraphrased, {} missing, {} added",
                a.len(),
                b.len(),
                pairs.len(),
                count(Class::Verbatim),
                count(Class::Unmarked),
                count(Class::Altered),
                count(Class::Paraphrased),
                count(Class::Missing),
                count(Class::Added),
            );
            continue;
        }
        for (slot, time) in best.iter_mut().zip([t1 - t0, t2 - t1, t3 - t2]) {
            *slot = (*slot).min(time);
        }
    }
    let [extract, prepare, pair] = best.map(|d| d.as_secs_f64());
    println!("{name}: {summary}");
    println!(
        "{name}: best of {iters}: extract {extract:.3} s, prepare {prepare:.3} s, compare \
         {pair:.3} s; compare + prepare {:.3} s, all {:.3} s",
        prepare + pair,
        extract + prepare + pair,
    );
}

/// Texts from `iter` joined by blank lines until the result reaches `size` bytes.
fn join(iter: &mut impl Iterator<Item = String>, size: usize) -> String {
    let mut out = String::with_capacity(size + 10_000);
    for text in iter.by_ref() {
        out.push_str(text.trim());
        out.push_str("\n\n");
        if out.len() >= size {
            break;
        }
    }
    out
}

/// BASE edited paragraph by paragraph: some dropped, some unmarked, a `not` taken out.
fn rewrite(base: &str) -> String {
    let mut out = String::with_capacity(base.len());
    for (k, para) in base.split('\n').enumerate() {
        if k % 7 == 3 {
            continue;
        }
        let mut para = para.to_string();
        if k % 5 == 1 {
            para.retain(|c| !matches!(c, '"' | '“' | '”'));
        }
        if k % 4 == 2 {
            para = para.replacen(" not ", " ", 1);
        }
        out.push_str(&para);
        out.push('\n');
    }
    out
}

/// The PolNeAR train texts, or generated ones when the file is not there.
fn load_texts() -> (String, Vec<String>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = env::var_os("WHOSAID_POLNEAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/corpus/polnear/train.jsonl"));
    match fs::read_to_string(&path) {
        Ok(jsonl) => {
            // An article annotated twice appears twice: keep the first, so that the
            // unrelated document really is unrelated.
            let mut seen = std::collections::HashSet::new();
            let texts = jsonl
                .lines()
                .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
                .filter_map(|v| v.get("text")?.as_str().map(str::to_string))
                .filter(|text| seen.insert(text.clone()))
                .collect();
            (path.display().to_string(), texts)
        }
        Err(err) => (
            format!("generated text ({} unreadable: {err})", path.display()),
            generated(),
        ),
    }
}

/// About 3 MB of made-up articles: quotations with cues, reported speech, plain sentences.
fn generated() -> Vec<String> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move |n: usize| {
        // xorshift64*: deterministic, no dependency.
        seed ^= seed >> 12;
        seed ^= seed << 25;
        seed ^= seed >> 27;
        (seed.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    };
    let syllables = [
        "ba", "cor", "den", "fi", "gal", "hu", "ker", "lo", "mun", "pra",
    ];
    let vocabulary: Vec<String> = (0..6000)
        .map(|i| {
            let len = 1 + i % 3;
            (0..=len)
                .map(|k| syllables[(i / 10usize.pow(k as u32)) % 10])
                .collect()
        })
        .collect();
    let names = [
        "Ann Lee",
        "Tom Ray",
        "Maria Ortiz",
        "Sam Okafor",
        "Li Wei",
        "Jo Berg",
    ];
    let mut articles = Vec::new();
    let mut size = 0;
    while size < 3 * MB {
        let mut article = String::new();
        for _ in 0..(8 + next(10)) {
            let words: Vec<&str> = (0..(6 + next(18)))
                .map(|_| vocabulary[next(vocabulary.len())].as_str())
                .collect();
            let sentence = words.join(" ");
            let name = names[next(names.len())];
            let paragraph = match next(3) {
                0 => format!("“{sentence},” said {name}."),
                1 => format!("{name} said that {sentence}."),
                _ => format!("The {sentence}."),
            };
            article.push_str(&paragraph);
            article.push('\n');
        }
        size += article.len();
        articles.push(article);
    }
    articles
}
