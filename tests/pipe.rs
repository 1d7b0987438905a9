//! The pipe contract: `whosaid extract --format jsonl --on-error skip -` as a strict JSONL
//! filter, the way Spark's `rdd.pipe` (or any stream processor) runs it on each partition.
//!
//! One output line per input record, carrying its id, in input order, no header; empty
//! stdin gives no output and exit 0; a bad line is named on stderr and its document
//! skipped (exit 0 with `skip`, a stop and exit 1 with `fail`); the same bytes for any
//! thread count.

use insta_cmd::get_cargo_bin;
use std::io::Write;
use std::process::{Command, Output, Stdio};

/// `whosaid extract --format jsonl ARGS... -` with `stdin`.
fn filter(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(get_cargo_bin("whosaid"))
        .args(["extract", "--format", "jsonl"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn ids(out: &Output) -> Vec<String> {
    String::from_utf8(out.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).unwrap();
            v["id"].as_str().unwrap().to_owned()
        })
        .collect()
}

fn record(id: usize, text: &str) -> String {
    serde_json::json!({"id": id, "text": text, "meta": {"tags": ["a", "b"]}}).to_string() + "\n"
}

/// Records 1 and 3 good, line 2 not JSON.
fn with_bad_line() -> String {
    record(1, "“Yes,” he said.") + "not json\n" + &record(3, "“No,” she said.")
}

#[test]
fn one_line_per_record_carrying_its_id_for_any_thread_count() {
    let stdin: String = (0..600)
        .map(|i| {
            record(
                i,
                if i % 3 == 0 {
                    "Plain."
                } else {
                    "“Yes,” he said."
                },
            )
        })
        .collect();
    let one = filter(&["-j", "1", "--on-error", "skip"], &stdin);
    let two = filter(&["-j", "2", "--on-error", "skip"], &stdin);
    assert!(one.status.success());
    assert_eq!(
        ids(&one),
        (0..600).map(|i| i.to_string()).collect::<Vec<_>>()
    );
    assert_eq!(one.stdout, two.stdout);
    assert!(one.stderr.is_empty());
}

#[test]
fn empty_stdin_gives_no_output_and_exit_0() {
    let out = filter(&["--on-error", "skip"], "");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(out.stderr.is_empty());
}

#[test]
fn skip_names_the_bad_line_and_drops_only_its_document() {
    let out = filter(&["--on-error", "skip"], &with_bad_line());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(ids(&out), ["1", "3"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("whosaid: -:2: bad JSONL record"),
        "{stderr}"
    );
}

#[test]
fn fail_stops_at_the_bad_line_with_exit_1() {
    let out = filter(&["--on-error", "fail"], &with_bad_line());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out), ["1"]);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("whosaid: -:2: bad JSONL record"),
        "{stderr}"
    );
}

#[test]
fn without_on_error_every_bad_line_is_skipped_and_the_exit_status_is_1() {
    let out = filter(&[], &with_bad_line());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(ids(&out), ["1", "3"]);
}

#[test]
fn lines_decoded_on_the_workers_keep_their_line_numbers() {
    // Bad lines far apart, in different batches, each named with its own line.
    let mut stdin = String::new();
    for i in 1..=1000 {
        match i {
            300 => stdin.push_str("{\"id\": 300}\n"),
            700 => stdin.push_str("{\"id\": 700, \"text\": \"unclosed}\n"),
            _ => stdin.push_str(&record(i, "Plain.")),
        }
    }
    // A blank line of Unicode white space is still skipped, not an error.
    stdin.push_str("\u{a0} \u{3000}\n");
    let out = filter(&["-j", "2", "--on-error", "skip"], &stdin);
    assert!(out.status.success());
    assert_eq!(ids(&out).len(), 998);
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert_eq!(
        lines[0],
        "whosaid: -:300: bad JSONL record: no \"text\" field"
    );
    assert!(
        lines[1].starts_with("whosaid: -:700: bad JSONL record: EOF"),
        "{stderr}"
    );
}

#[test]
fn not_utf8_line_is_named_with_its_offset() {
    let mut child = Command::new(get_cargo_bin("whosaid"))
        .args(["extract", "--format", "jsonl", "--on-error", "skip", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut bytes = record(1, "One.").into_bytes();
    bytes.extend_from_slice(b"{\"id\": 2, \"text\": \"\xFF\"}\n");
    child.stdin.take().unwrap().write_all(&bytes).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8(out.stderr).unwrap();
    let offset = record(1, "One.").len() + 19;
    assert_eq!(
        stderr.trim_end(),
        format!("whosaid: -:2: not UTF-8 (invalid byte at offset {offset})")
    );
}
