//! The entity table from the command line: a bad table stops the run before any work, and
//! the table `whosaid entities` writes, fed back with `--entities`, changes no speaker.

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::{Command, Output};

fn whosaid(dir: &Path, args: &[&str]) -> Output {
    Command::new(get_cargo_bin("whosaid"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn speakers(csv: &[u8]) -> Vec<String> {
    let mut reader = csv::Reader::from_reader(csv);
    let column = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "speaker")
        .unwrap();
    reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect()
}

#[test]
fn a_bad_table_is_named_by_file_and_line_and_nothing_is_extracted() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "“We will win,” said Jane Doe.").unwrap();
    std::fs::write(
        dir.path().join("people.csv"),
        "id,name,kind,aliases,title,affiliation\np1,Jane Doe,person,,,\np1,John Roe,person,,,\n",
    )
    .unwrap();
    let out = whosaid(
        dir.path(),
        &["extract", "--entities", "people.csv", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        out.stdout.is_empty(),
        "nothing extracted with a half-read table"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("people.csv:3: bad entity table: duplicate id"),
        "{stderr}"
    );
}

#[test]
fn a_table_resolves_names_and_aliases_to_canonical_entities() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "“We will win,” said the mayor’s spokeswoman, Jo Smith.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("people.csv"),
        "id,name,kind,aliases,title,affiliation\np-smith,Joanna Smith,person,Jo Smith|Smith,Spokeswoman,City Hall\n",
    )
    .unwrap();
    let out = whosaid(
        dir.path(),
        &["extract", "--entities", "people.csv", "a.txt"],
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(speakers(&out.stdout), ["Joanna Smith"], "{text}");
    assert!(text.contains(",p-smith,person,"), "{text}");
}

#[test]
fn the_entities_table_fed_back_changes_no_speaker() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("entities.csv");
    let table = table.to_str().unwrap();
    let census = whosaid(root, &["entities", "data/articles", "-o", table]);
    assert_eq!(census.status.code(), Some(0));
    let plain = whosaid(root, &["extract", "data/articles"]);
    let fed_back = whosaid(root, &["extract", "--entities", table, "data/articles"]);
    assert_eq!(fed_back.status.code(), Some(0));
    let before = speakers(&plain.stdout);
    assert!(before.iter().any(|s| s == "Brandon Johnson"));
    assert_eq!(before, speakers(&fed_back.stdout));
}
