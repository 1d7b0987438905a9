//! The reader's choices, one minimal page per rule.

use super::*;
use crate::Extractor;

/// Words of a paragraph long enough to score: a story's paragraph, with commas.
const STORY: &str = "The council met on Tuesday, for the third time this month, and voted on the \
                     budget, the schools, the roads and the parks, after a long debate.";

fn page(body: &str) -> String {
    format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
}

fn story(n: usize) -> String {
    (0..n).map(|i| format!("<p>{STORY} ({i})</p>\n")).collect()
}

#[test]
fn the_story_is_chosen_over_a_teaser_article_that_comes_first() {
    let html = page(&format!(
        "<article class=\"teaser\"><a href=\"/x\">“Read this,” says a teaser</a></article>\
         <main><div class=\"article-body\">{}<p>“We will build it,” said Mayor Ann Lee.</p></div></main>",
        story(4)
    ));
    let text = read(&html).text;
    assert!(text.contains("said Mayor Ann Lee"), "{text}");
    assert!(!text.contains("teaser"), "{text}");
}

#[test]
fn nested_cards_and_custom_elements_do_not_end_the_story() {
    let html = page(&format!(
        "<article><div class=\"story\">{}<article class=\"promo card\"><a href=\"/y\">Other story: \
         “Quote,” he said</a></article><article-sso><p>{STORY} Inside.</p></article-sso>\
         <h2>Related</h2><p>“After the heading,” said Bo Kim, and went on.</p></div></article>",
        story(3)
    ));
    let text = read(&html).text;
    assert!(text.contains("Inside."), "{text}");
    assert!(text.contains("said Bo Kim"), "{text}");
    assert!(text.contains("Related"), "headings are kept: {text}");
    assert!(!text.contains("Other story"), "{text}");
}

#[test]
fn captions_asides_navigation_and_share_bars_are_left_out() {
    let html = page(&format!(
        "<nav>Home News</nav><div id=\"content\">{}<figure><img src=a.jpg><figcaption>“Caption,” \
         she said.</figcaption></figure><aside>“Pull quote,” he said.</aside><div \
         class=\"share-tools\">Share on Facebook</div><p><a href=\"/z\">READ MORE: Minister \
         “shocked,” aide says</a></p><form>Sign up</form></div><footer>© 2024</footer>",
        story(4)
    ));
    let text = read(&html).text;
    for gone in [
        "Home",
        "Caption",
        "Pull quote",
        "Share on",
        "READ MORE",
        "Sign up",
        "2024",
    ] {
        assert!(!text.contains(gone), "{gone} in {text}");
    }
}

#[test]
fn paragraphs_are_blocks_and_white_space_collapses() {
    let html = page(&format!(
        "<div class=\"content\">{}<p>“We are\n   ready,” said\n<b>Ann</b>  Lee.</p></div>",
        story(3)
    ));
    let text = read(&html).text;
    assert!(
        text.ends_with("\n“We are ready,” said Ann Lee."),
        "{text:?}"
    );
}

#[test]
fn every_reference_is_decoded_and_spans_index_the_page() {
    let html = page(&format!(
        "<div class=\"content\">{}<p>&ldquo;I couldn&rsquo;t,&rdquo; said Jos&eacute; \
         Mu&ntilde;oz &amp; co&#8230; &#x1F600; &nosuch; &#0;</p></div>",
        story(3)
    ));
    let doc = document("p.html", &html);
    assert!(
        doc.text
            .ends_with("\n“I couldn’t,” said José Muñoz & co… 😀 &nosuch; \u{FFFD}"),
        "{:?}",
        doc.text
    );
    let found = Extractor::new().extract(&doc);
    let quote = found
        .iter()
        .find(|a| a.speaker.name.contains("Muñoz"))
        .expect("the quote is found");
    assert_eq!(&doc.text[quote.quote.range()], "I couldn’t,");
    let source = doc.source_span(quote.quote);
    assert_eq!(&html[source.range()], "I couldn&rsquo;t,");
    let mention = doc.source_span(quote.speaker.mention.unwrap());
    assert_eq!(&html[mention.range()], "Jos&eacute; Mu&ntilde;oz");
}

#[test]
fn a_page_without_an_article_is_read_whole_and_says_so() {
    let doc = document("links.html", &page("<a href=/a>One</a> <a href=/b>Two</a>"));
    assert!(doc.warning.is_some());
    assert_eq!(doc.text, "One Two");
    let doc = document("story.html", &page(&story(3)));
    assert_eq!(doc.warning, None);
}

#[test]
fn the_plain_text_trailer_rule_never_runs_on_a_page() {
    let html = page(&format!(
        "<div class=\"content\">{}<h3>Read more</h3><p>“Still the story,” said Ann Lee.</p>{}</div>",
        story(3),
        story(2)
    ));
    let doc = document("p.html", &html);
    assert_eq!(doc.body.end, doc.text.len());
    assert!(doc.text.contains("Still the story"));
}

#[test]
fn pages_are_recognised_by_their_opening() {
    assert!(looks_like_html("\u{feff}  <!DOCTYPE html><p>x</p>"));
    assert!(looks_like_html("<!-- saved --><HTML lang=en>"));
    assert!(looks_like_html("<meta charset=utf-8><html>"));
    assert!(!looks_like_html("The <p> tag starts a paragraph."));
    assert!(!looks_like_html("<p>Hi</p>"));
    assert_eq!(
        declared_charset(b"<meta charset=\"ISO-8859-1\">"),
        Some("iso-8859-1".into())
    );
    assert_eq!(
        declared_charset(
            b"<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
        ),
        Some("windows-1252".into())
    );
}

#[test]
fn fragments_decode_to_their_words() {
    assert_eq!(
        decode_fragment("Jos&eacute; <b>said</b>\n  &ldquo;no&rdquo;"),
        "José said “no”"
    );
}
