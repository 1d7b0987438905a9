//! Single-thread speed of reading web pages ([`whosaid::html::read`]: tokenize, build,
//! choose the article, write its text and map), in MB/s of page, not of text.
//!
//! ```sh
//! cargo bench --bench html
//! ```
//!
//! 1. **Pages.** Every `source.html` under `../shared/corpus/html/` (next to the repository;
//!    `WHOSAID_HTML` names another folder), read several times; the best pass is printed,
//!    for reading alone and for reading plus extraction. The pages are copyrighted and lent
//!    for evaluation: read at run time, never copied here. Without them, a generated news
//!    page is read instead.
//! 2. **Shapes**, built here: a 50 MB page of one paragraph, 100,000 nested `<div>`s, a page
//!    of unclosed tags, a page of scripts, a page of references. MB/s should not fall as a
//!    shape grows.
//!
//! Run without `--bench` (as `cargo test --benches` does) it reads each shape once, small.

use std::env;
use std::fs;
use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use whosaid::html;
use whosaid::Extractor;

const MB: f64 = 1_000_000.0;
const ITERS: usize = 5;

fn main() {
    let full = env::args().any(|a| a == "--bench");
    let pages = load_pages();
    let total: usize = pages.iter().map(String::len).sum();
    let iters = if full { ITERS } else { 1 };
    let best = best_of(iters, || {
        for page in &pages {
            black_box(html::read(page));
        }
    });
    println!(
        "pages: {} pages, {:.1} MB: read {:.1} MB/s of page (best of {iters})",
        pages.len(),
        total as f64 / MB,
        total as f64 / MB / best.as_secs_f64()
    );
    let extractor = Extractor::new();
    let best = best_of(iters, || {
        for page in &pages {
            let doc = html::document("p", page);
            black_box(extractor.extract(&doc));
        }
    });
    println!(
        "pages: read and extracted {:.1} MB/s of page",
        total as f64 / MB / best.as_secs_f64()
    );

    let scale = if full { 1 } else { 100 };
    let story = "<p>The council met on Tuesday, for the third time, and voted &ldquo;yes,&rdquo; \
                 said Mayor Ann Lee.</p>\n";
    let shapes: [(&str, String); 5] = [
        (
            "one paragraph of 50 MB",
            format!(
                "<p>{}</p>",
                "Words, words and more words. ".repeat(50_000_000 / 29 / scale)
            ),
        ),
        (
            "100,000 nested divs",
            "<div>".repeat(100_000 / scale) + story + &"</div>".repeat(100_000 / scale),
        ),
        (
            "unclosed tags, 10 MB",
            "<div><p><b><i><span><li><td>Words, and <a href=x>a link</a>"
                .repeat(10_000_000 / 58 / scale),
        ),
        (
            "scripts, 10 MB",
            "<script>var q = \"“x,” said y\"; if (a < b) {}</script>"
                .repeat(10_000_000 / 52 / scale),
        ),
        (
            "references, 10 MB",
            format!(
                "<p>{}</p>",
                "&ldquo;Jos&eacute;&rdquo; &#8220;&#x201D; &nosuch; "
                    .repeat(10_000_000 / 50 / scale)
            ),
        ),
    ];
    for (name, page) in shapes {
        let took = best_of(iters.min(2), || {
            black_box(html::read(&page));
        });
        println!(
            "  {name:<28} {:>7.1} MB: {:>7.3} s = {:>7.1} MB/s",
            page.len() as f64 / MB,
            took.as_secs_f64(),
            page.len() as f64 / MB / took.as_secs_f64()
        );
    }
}

fn best_of(iters: usize, mut run: impl FnMut()) -> Duration {
    run();
    (0..iters)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// The corpus pages, or a generated news page when they are not there.
fn load_pages() -> Vec<String> {
    let dir = env::var_os("WHOSAID_HTML")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../shared/corpus/html"
            ))
        });
    let mut paths: Vec<PathBuf> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path().join("source.html"))
        .filter(|p| p.exists())
        .collect();
    paths.sort();
    let pages: Vec<String> = paths
        .iter()
        .filter_map(|p| fs::read_to_string(p).ok())
        .collect();
    if !pages.is_empty() {
        return pages;
    }
    println!("({} not found: reading a generated page)", dir.display());
    let nav =
        "<nav><ul>".to_string() + &"<li><a href=/x>Section</a></li>".repeat(50) + "</ul></nav>";
    let script = "<script>window.x = {\"a\": \"“b”\"};</script>".repeat(20);
    let story = "<p>The council met on Tuesday, for the third time this month, and voted \
                 &ldquo;yes,&rdquo; said Mayor Ann Lee, after a long debate.</p>\n"
        .repeat(40);
    vec![format!(
        "<!DOCTYPE html><html><head>{script}</head><body>{nav}<main><article \
         class=\"story\">{story}</article></main><footer>{nav}</footer></body></html>"
    )]
}
