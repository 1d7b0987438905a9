//! Quote fidelity end to end: `whosaid compare` and `whosaid check`.
//!
//! The small articles of `tests/fixtures/compare/` are one invented story (`base.txt`) and
//! variants that each change one quotation in one way; each test below checks that the
//! change gets its name and that nothing else moves. The seed articles are then compared
//! as a user would run it, and the output is pinned in `snapshots/compare_*.snap`.

mod common;

use common::snapshots;
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::fs;
use std::path::Path;
use std::process::Command;
use whosaid::compare::{check, compare, Class, Edit, Pair, Version, WordOp};
use whosaid::{Document, Extractor};

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn fixture(name: &str) -> Document {
    let path = Path::new(ROOT).join("tests/fixtures/compare").join(name);
    Document::new(name, fs::read_to_string(&path).unwrap())
}

/// The pairs of comparing `base` with `other` (or checking `base` against `other`).
fn pairs(base: &Document, other: &Document, checking: bool) -> Vec<Pair> {
    let x = Extractor::new();
    let (a, b) = (x.extract(base), x.extract(other));
    let (va, vb) = (Version::new(base, &a), Version::new(other, &b));
    let pairs = if checking {
        check(&va, &vb)
    } else {
        compare(&va, &vb)
    };
    for p in &pairs {
        for (side, doc) in [(&p.base, base), (&p.other, other)] {
            if let Some(side) = side {
                assert!(side.span.get(&doc.text).is_some(), "{side:?} in {}", doc.id);
            }
        }
    }
    pairs
}

/// The quoted words of a pair's base side.
fn base_quote<'a>(doc: &'a Document, pair: &Pair) -> &'a str {
    pair.base.as_ref().map_or("", |s| &doc.text[s.span.range()])
}

/// Compares `base.txt` with `variant` and returns, for each of `quotes`, the one pair
/// whose base quote contains it, after checking that every other pair is verbatim.
fn changed(variant: &str, quotes: &[&str]) -> Vec<Pair> {
    let (base, other) = (fixture("base.txt"), fixture(variant));
    let all = pairs(&base, &other, false);
    let (hit, rest): (Vec<Pair>, Vec<Pair>) = all
        .into_iter()
        .partition(|p| quotes.iter().any(|q| base_quote(&base, p).contains(q)));
    for p in &rest {
        assert_eq!(
            p.class,
            Class::Verbatim,
            "{variant}: {}",
            base_quote(&base, p)
        );
    }
    assert_eq!(hit.len(), quotes.len(), "{variant}: {quotes:?}");
    hit
}

#[test]
fn identical_copy_is_all_verbatim() {
    let base = fixture("base.txt");
    let all = pairs(&base, &base, false);
    assert_eq!(all.len(), 6);
    for p in &all {
        assert_eq!((p.class, p.similarity), (Class::Verbatim, 1.0));
        assert_eq!(p.base, p.other);
    }
}

#[test]
fn dropped_not_is_a_negation() {
    let p = &changed("negation.txt", &["We will not raise taxes"])[0];
    assert_eq!(
        (p.class, &p.edits[..]),
        (Class::Altered, &[Edit::Negation][..])
    );
    assert_eq!(p.speaker(), "Ann Lee");
}

#[test]
fn changed_figure_is_a_number() {
    let p = &changed("number.txt", &["2,000 homes"])[0];
    assert_eq!(
        (p.class, &p.edits[..]),
        (Class::Altered, &[Edit::Number][..])
    );
    let (base, other) = (fixture("base.txt"), fixture("number.txt"));
    let cut_or_added: Vec<&str> = p
        .diff
        .iter()
        .filter_map(|op| match *op {
            WordOp::Cut(s) => Some(&base.text[s.range()]),
            WordOp::Added(s) => Some(&other.text[s.range()]),
            WordOp::Same(_) => None,
        })
        .collect();
    assert_eq!(cut_or_added, ["2,000", "20,000"]);
}

#[test]
fn fragments_joined_into_one_quotation_are_stitched() {
    let both = changed(
        "stitched.txt",
        &["The budget is balanced", "Next year we will"],
    );
    for p in &both {
        assert_eq!(
            (p.class, &p.edits[..]),
            (Class::Altered, &[Edit::Stitched][..])
        );
    }
    // Both fragments point at the one joined quotation.
    assert_eq!(both[0].other, both[1].other);
}

#[test]
fn cut_marked_by_an_ellipsis() {
    let p = &changed("ellipsis.txt", &["We have waited ten years"])[0];
    assert_eq!(
        (p.class, &p.edits[..]),
        (Class::Altered, &[Edit::Ellipsis][..])
    );
}

#[test]
fn same_words_given_to_another_speaker_are_reattributed() {
    let p = &changed("reattributed.txt", &["Nobody should have to sandbag"])[0];
    assert_eq!((p.class, p.similarity), (Class::Reattributed, 1.0));
    assert_eq!(p.speaker(), "Maria Ortiz -> Tom Ray");
}

#[test]
fn same_words_without_their_marks_are_unmarked() {
    let p = &changed("unmarked.txt", &["We will not raise taxes"])[0];
    assert_eq!((p.class, p.similarity), (Class::Unmarked, 1.0));
    assert!(p.base.as_ref().unwrap().marked && !p.other.as_ref().unwrap().marked);
}

#[test]
fn story_checked_against_a_transcript_without_marks() {
    let (story, source) = (fixture("story.txt"), fixture("transcript.txt"));
    let all = pairs(&story, &source, true);
    let found: Vec<(&str, Class, Vec<Edit>, &str)> = all
        .iter()
        .filter(|p| p.base.as_ref().is_some_and(|s| s.marked))
        .map(|p| {
            let matched = p
                .other
                .as_ref()
                .map_or("", |s| &source.text[s.span.range()]);
            (base_quote(&story, p), p.class, p.edits.clone(), matched)
        })
        .collect();
    let expected = [
        (
            "We will raise taxes to pay for the new levee,",
            Class::Altered,
            vec![Edit::Negation],
            "We will not raise taxes to pay for the new levee",
        ),
        (
            "The river rose faster than anyone expected, and about 20,000 homes were flooded,",
            Class::Altered,
            vec![Edit::Number],
            "The river rose faster than anyone expected, and about 2,000 homes were flooded",
        ),
        (
            "The budget is balanced and next year we will hire more engineers,",
            Class::Altered,
            vec![Edit::Stitched],
            "Next year we will hire more engineers",
        ),
        (
            "Nobody should have to sandbag their own front door,",
            Class::Verbatim,
            vec![],
            "Nobody should have to sandbag their own front door",
        ),
        ("We are proud of this town,", Class::Missing, vec![], ""),
    ];
    assert_eq!(found, expected);
}

/// `whosaid ARGS...` run from the repository root, so that paths stay relative.
fn whosaid(args: &[&str]) -> Command {
    let mut cmd = Command::new(get_cargo_bin("whosaid"));
    cmd.current_dir(ROOT).args(args);
    cmd
}

/// `000_…` as BASE, then `001_…` to `004_…` as OTHER versions.
fn seeds() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(Path::new(ROOT).join("data/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt") && n.as_str() < "005")
        .map(|n| format!("data/articles/{n}"))
        .collect();
    names.sort();
    assert_eq!(names.len(), 5, "{names:?}");
    names
}

#[test]
fn seeds_compared_with_the_first() {
    let seeds = seeds();
    let mut args = vec!["compare"];
    args.extend(seeds.iter().map(String::as_str));
    snapshots(|| assert_cmd_snapshot!("compare_seeds", whosaid(&args)));
}

#[test]
fn seeds_compared_as_a_table() {
    let seeds = seeds();
    // 002 is the rewrite with the cut and changed Pritzker quotation.
    let args = ["compare", "--format", "table", &seeds[0], &seeds[2]];
    snapshots(|| assert_cmd_snapshot!("compare_seeds_table", whosaid(&args)));
}

#[test]
fn check_writes_the_offsets_of_the_match_in_the_source() {
    let story = "tests/fixtures/compare/story.txt";
    let source = "tests/fixtures/compare/transcript.txt";
    let args = ["check", story, "--against", source];
    snapshots(|| assert_cmd_snapshot!("compare_check", whosaid(&args)));
}

#[test]
fn an_unreadable_other_is_reported_and_the_rest_still_compared() {
    let base = "tests/fixtures/compare/base.txt";
    let args = [
        "compare",
        base,
        "tests/fixtures/compare/no-such-file.txt",
        "tests/fixtures/compare/negation.txt",
    ];
    snapshots(|| assert_cmd_snapshot!("compare_missing_other", whosaid(&args)));
}

#[test]
fn help() {
    snapshots(|| {
        assert_cmd_snapshot!("compare_help", whosaid(&["compare", "--help"]));
        assert_cmd_snapshot!("compare_check_help", whosaid(&["check", "--help"]));
    });
}
