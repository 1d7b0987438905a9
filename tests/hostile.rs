//! Hostile input: each case finishes, names what it could not read, and keeps the rows of
//! everything else. Sizes are kept small enough for a debug build; the benchmark
//! (`cargo bench --bench throughput`) shows the same shapes stay linear at megabytes.

use insta_cmd::get_cargo_bin;
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(get_cargo_bin("whosaid"))
        .current_dir(dir)
        .arg("extract")
        .args(args)
        .output()
        .expect("the binary runs")
}

const GOOD: &str = "“We will win,” said Jane Doe.";

#[test]
fn binary_data_is_named_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let noise: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    std::fs::write(dir.path().join("noise.txt"), noise).unwrap();
    std::fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = run(dir.path(), &["noise.txt", "good.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("noise.txt:") && stderr.contains("not UTF-8"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jane Doe"));
}

#[test]
fn a_flood_of_quote_marks_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let marks: String = ["\"", "“", "”", "'", "‘", "’", "«", "»"]
        .iter()
        .cycle()
        .take(200_000)
        .copied()
        .collect();
    std::fs::write(dir.path().join("marks.txt"), format!("{marks}\n{GOOD}")).unwrap();
    let out = run(dir.path(), &["marks.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jane Doe"));
}

#[test]
fn a_paragraph_without_a_full_stop_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let words =
        "Jane Doe said that the plan, which Smith told reporters would work, ".repeat(20_000);
    std::fs::write(dir.path().join("long.txt"), format!("{words}\n\n{GOOD}\n")).unwrap();
    let out = run(dir.path(), &["long.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("We will win,"));
}

#[test]
fn a_long_transcript_of_repeated_labels_and_sources_finishes() {
    let dir = tempfile::tempdir().unwrap();
    let turns = "SMITH: We will see.\n\nJONES: We will.\n\nOfficials said it would rain.\n\n"
        .repeat(10_000);
    std::fs::write(dir.path().join("long.txt"), format!("{turns}{GOOD}\n")).unwrap();
    let out = run(dir.path(), &["long.txt"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("transcript-turn").count(), 20_000);
    assert!(stdout.contains("Jane Doe"));
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_in_a_directory_is_named_and_the_rest_kept() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::write(corpus.join("a.txt"), GOOD).unwrap();
    // A file whose every read fails, whoever runs the test (root reads any mode bits):
    // `/proc/self/mem` at offset 0 answers EIO.
    std::os::unix::fs::symlink("/proc/self/mem", corpus.join("b.txt")).unwrap();
    let out = run(dir.path(), &["corpus"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("b.txt: cannot read"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("Jane Doe"));
}

#[test]
fn invalid_utf8_in_one_jsonl_line_loses_only_that_line() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes =
        b"{\"id\": \"a\", \"text\": \"ok\"}\n{\"id\": \"b\", \"text\": \"\xff\"}\n".to_vec();
    bytes.extend_from_slice(
        format!(
            "{{\"id\": \"c\", \"text\": \"{}\"}}\n",
            GOOD.replace('"', "\\\"")
        )
        .as_bytes(),
    );
    std::fs::write(dir.path().join("news.jsonl"), bytes).unwrap();
    let out = run(dir.path(), &["news.jsonl"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("news.jsonl:2: not UTF-8"), "{stderr}");
    assert!(String::from_utf8_lossy(&out.stdout).contains("c,Jane Doe"));
}

#[test]
fn a_long_account_without_cues_and_many_pronouns_finish_with_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Mary Jones saw it all from her window.\n");
    for _ in 0..10_000 {
        text.push_str("“I heard a noise and ran outside to see.”\n");
    }
    for _ in 0..5_000 {
        text.push_str("Jones spoke again. “We will not stop,” she said. ");
    }
    std::fs::write(dir.path().join("account.txt"), text).unwrap();
    let out = run(dir.path(), &["account.txt", "--format", "jsonl"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.matches("\"speaker\":\"Mary Jones\"").count(), 15_000);
}

#[test]
fn a_thousand_acronyms_defined_in_one_document_finish() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..1_000 {
        let letters: String = format!("{i:03}")
            .bytes()
            .map(|d| (b'A' + d - b'0') as char)
            .collect();
        let words: Vec<String> = letters.chars().map(|c| format!("{c}ord")).collect();
        text.push_str(&format!("The {} ({letters}) met. ", words.join(" ")));
    }
    text.push_str("The BCD said the plan would cost far too much.");
    std::fs::write(dir.path().join("acronyms.txt"), text).unwrap();
    let out = run(dir.path(), &["acronyms.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Bord Cord Dord"));
}
