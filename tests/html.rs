//! Web pages: hostile pages finish in linear time with the other documents kept, pages are
//! recognised wherever they come from, and every row from a page points at the page bytes
//! that decode to its quote (a property test over generated pages, and the same through the
//! binary). Sizes suit a debug build; `cargo bench --bench throughput` reads a 50 MB page.

use insta_cmd::get_cargo_bin;
use proptest::prelude::*;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use whosaid::html::{decode_fragment, document};
use whosaid::{Document, Extractor, Span};

const GOOD: &str = "“We will win,” said Jane Doe.";

/// A story paragraph long enough for the reader to score.
const STORY: &str = "The council met on Tuesday, for the third time this month, and voted on the \
                     budget, the schools, the roads and the parks, after a long debate.";

fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
}

fn story_page(quote: &str) -> String {
    page(&format!(
        "<div class=\"article-body\"><p>{STORY}</p><p>{quote}</p><p>{STORY}</p></div>"
    ))
}

fn whosaid(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(get_cargo_bin("whosaid"))
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.unwrap_or_default())
        .expect("stdin is written");
    drop(pipe);
    child.wait_with_output().expect("the binary finishes")
}

/// Words, for comparing text whose white space may differ at paragraph breaks.
fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Runs `extract` on `name` (holding `bytes`) beside a good page; the good page's row
/// must come out whatever happened to the other.
fn beside_a_good_page(name: &str, bytes: &[u8]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(name), bytes).unwrap();
    std::fs::write(dir.path().join("good.html"), story_page(GOOD)).unwrap();
    let out = whosaid(dir.path(), &["extract", name, "good.html"], None);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("good.html,Jane Doe"), "{stdout}");
    out
}

#[test]
fn unclosed_and_misnested_tags_everywhere() {
    let body = format!("<div><p><b><i><span><li><td>{STORY} <a href=x>link").repeat(5_000);
    let out = beside_a_good_page("unclosed.html", page(&body).as_bytes());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn a_hundred_thousand_nested_divs() {
    let html = page(&format!(
        "{}<p>{STORY}</p><p>“Deep,” said Ann Lee.</p>{}",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    ));
    let out = beside_a_good_page("deep.html", html.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).contains("deep.html,Ann Lee"));
}

#[test]
fn a_long_page_of_one_paragraph() {
    let html = page(&format!(
        "<p>{}</p><p>“Long,” said Ann Lee.</p>",
        STORY.repeat(20_000)
    ));
    let out = beside_a_good_page("long.html", html.as_bytes());
    assert!(String::from_utf8_lossy(&out.stdout).contains("long.html,Ann Lee"));
}

#[test]
fn scripts_hold_no_quotations_and_a_page_of_them_is_a_warning() {
    let script = "<script>var q = \"“Not a quote,” said the script\"; if (a < b) {}</script>";
    let out = beside_a_good_page("scripts.html", page(&script.repeat(1_000)).as_bytes());
    assert_eq!(out.status.code(), Some(0), "a warning is no failure");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("scripts.html"));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scripts.html: warning: no article found"),
        "{stderr}"
    );
}

#[test]
fn truncated_pages_unclosed_comments_and_cdata() {
    let whole = story_page("“Cut,” said Ann Lee.");
    for (name, html) in [
        (
            "cut-tag.html",
            format!("{}<a href=\"x", &whole[..whole.len() - 30]),
        ),
        (
            "comment.html",
            format!("{whole}<!-- never closed <p>“Hidden,” said X.</p>"),
        ),
        (
            "cdata.html",
            format!("{whole}<![CDATA[ never closed <p>“Hidden,” said X.</p>"),
        ),
    ] {
        let out = beside_a_good_page(name, html.as_bytes());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(&format!("{name},Ann Lee")), "{stdout}");
        assert!(!stdout.contains("Hidden"), "{stdout}");
    }
}

#[test]
fn invalid_references_are_text_or_the_replacement_character() {
    let html = story_page(
        "&ldquo;Fine A&#0;B and &#x110000; and &nosuch; and &#; too,&rdquo; said Ann Lee.",
    );
    let out = beside_a_good_page("refs.html", html.as_bytes());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("Fine A\u{FFFD}B and \u{FFFD} and &nosuch; and &#; too,"),
        "{stdout}"
    );
}

#[test]
fn utf16_and_other_charsets_are_errors_naming_the_file() {
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in story_page(GOOD).encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    let out = beside_a_good_page("utf16.html", &utf16);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("utf16.html: UTF-16"), "{stderr}");

    let latin1 =
        b"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Jos\xE9</p></body></html>";
    let out = beside_a_good_page("latin1.html", latin1);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("latin1.html: the page declares charset iso-8859-1"),
        "{stderr}"
    );
}

#[test]
fn pages_on_stdin_and_in_jsonl_are_read_as_pages() {
    let dir = tempfile::tempdir().unwrap();
    let html = story_page("&ldquo;Piped,&rdquo; said Ann Lee.");
    let out = whosaid(dir.path(), &["extract"], Some(html.as_bytes()));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("-,Ann Lee,direct,\"Piped,\""), "{stdout}");

    let line = serde_json::json!({"id": "p1", "text": html}).to_string();
    let out = whosaid(dir.path(), &["extract", "-"], Some(line.as_bytes()));
    assert!(String::from_utf8_lossy(&out.stdout).contains("p1,Ann Lee,direct,\"Piped,\""));

    // Forced to plain text, the page is its bytes.
    let out = whosaid(
        dir.path(),
        &["text", "--input-format", "text"],
        Some(html.as_bytes()),
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("<p>&ldquo;Piped"));
}

#[test]
fn text_prints_what_is_read_paragraph_by_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.html"),
        story_page("&ldquo;Read,&rdquo;\n said Ann Lee."),
    )
    .unwrap();
    std::fs::write(dir.path().join("n.md"), "A wrapped\nparagraph.\n\nNext.\n").unwrap();
    let out = whosaid(dir.path(), &["text", "p.html", "n.md"], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "==> p.html <==\n{STORY}\n\n“Read,” said Ann Lee.\n\n{STORY}\n\n\
             ==> n.md <==\nA wrapped paragraph.\n\nNext.\n\n"
        )
    );
}

/// Every row's `start..end` (and `speaker_start..speaker_end`) in the page decodes to its
/// quote (and speaker mention): checked on the binary's JSONL.
#[test]
fn rows_from_a_page_point_at_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let html = page(&format!(
        "<article><div class=\"story-body\"><p>{STORY}</p>\
         <p>&ldquo;We couldn&rsquo;t <em>wait</em>,&rdquo; said Jos&eacute;\n  Mu&ntilde;oz, \
         the mayor. &#8220;It&#x2019;s done.&#8221;</p><p>{STORY}</p>\
         <p>“<b>Never</b>\n again,” she <i>said</i>.</p>\
         <p>&laquo;&nbsp;Oui&nbsp;&raquo;, a dit Ann Lee.</p></div></article>"
    ));
    std::fs::write(dir.path().join("p.html"), &html).unwrap();
    let out = whosaid(
        dir.path(),
        &["extract", "--format", "jsonl", "p.html"],
        None,
    );
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON line");
    let rows = line["quotes"].as_array().expect("quotes");
    assert!(rows.len() >= 2, "{rows:?}");
    for row in rows {
        let at = |k: &str| row[k].as_u64().map(|n| n as usize);
        let (start, end) = (at("start").unwrap(), at("end").unwrap());
        let text = row["text"].as_str().unwrap();
        assert_eq!(
            words(&decode_fragment(&html[start..end])),
            words(text),
            "{row}"
        );
        if let (Some(s), Some(e)) = (at("speaker_start"), at("speaker_end")) {
            let mention = row["speaker_mention"].as_str().unwrap();
            assert_eq!(
                words(&decode_fragment(&html[s..e])),
                words(mention),
                "{row}"
            );
        }
    }
}

/// Pieces of pages: story text, quotations and cues, markup of every kind, references.
const PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<div class=\"article-body\">",
    "<aside>",
    "</aside>",
    "<b>",
    "</b>",
    "<a href=\"/x\">",
    "</a>",
    "<br>",
    "<span class='x>y'>",
    "</span>",
    "<!-- c -->",
    "<script>“x,” said Y</script>",
    "<figure>",
    "</figure>",
    "<h2>",
    "</h2>",
    "<article>",
    "</article>",
    "<em>",
    "</em>",
    "\n",
    "  ",
    " ",
    "&ldquo;",
    "&rdquo;",
    "&quot;",
    "&#8220;",
    "&#x201D;",
    "&rsquo;",
    "&amp;",
    "&eacute;",
    "&nbsp;",
    "&nosuch;",
    "&#0;",
    "&",
    "<",
    "“",
    "”",
    "\"",
    "said",
    "Mayor Jane Smith",
    "she",
    "told reporters",
    "We will win",
    "the council voted, after a long debate,",
    ".",
    ",",
    "é",
    "日本",
];

fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(PIECES)
}

/// A page: a story paragraph for the reader to find, a quotation with pieces inside, then
/// pieces in any order.
fn any_page() -> impl Strategy<Value = String> {
    let pieces = || prop::collection::vec(piece(), 0..60).prop_map(|p| p.concat());
    (pieces(), pieces()).prop_map(|(inner, rest)| {
        page(&format!(
            "<div class=\"content\"><p>{STORY}</p><p>&ldquo;We {inner} will,&rdquo; said \
             <b>Mayor</b>\n Jane&nbsp;Smith.</p>{rest}</div>"
        ))
    })
}

fn check(html: &str, doc: &Document, span: Span) -> Result<(), TestCaseError> {
    let source = doc.source_span(span);
    let slice = html.get(source.range());
    prop_assert!(slice.is_some(), "{source:?} does not slice the page");
    let decoded = decode_fragment(slice.unwrap_or_default());
    prop_assert_eq!(
        words(&decoded),
        words(&doc.text[span.range()]),
        "page bytes {:?}",
        slice
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// For every row from a page, the page bytes at its offsets decode to its quote, and
    /// those of its speaker mention to the mention.
    #[test]
    fn page_offsets_decode_to_the_quote(html in any_page()) {
        let doc = document("p.html", &html);
        let found = Extractor::new().extract(&doc);
        for a in found {
            check(&html, &doc, a.quote)?;
            if let Some(mention) = a.speaker.mention {
                check(&html, &doc, mention)?;
            }
        }
    }
}
