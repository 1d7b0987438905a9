//! The command line as a user meets it: exit status, stdout and stderr of real runs.
//!
//! Each run happens in a fresh temporary directory and names its inputs relative to it,
//! so paths in messages are the same on every machine. Inputs hold no quotations unless a
//! test is about extraction output, so these snapshots pin the CLI's behaviour (formats,
//! errors, exit codes) and not the extractor's answers; `tests/extract.rs` covers those.

mod common;

use common::snapshots;
use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use whosaid::output::CSV_HEADER;

/// A scratch directory to run in.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Self {
        Scratch(tempfile::tempdir().unwrap())
    }

    fn path(&self) -> &Path {
        self.0.path()
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path().join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
        self
    }

    /// `whosaid extract ARGS...` run in this directory.
    fn extract(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(get_cargo_bin("whosaid"));
        cmd.current_dir(self.path()).arg("extract").args(args);
        cmd
    }
}

fn header() -> String {
    CSV_HEADER.join(",") + "\n"
}

#[test]
fn help() {
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_help",
            Command::new(get_cargo_bin("whosaid")).arg("--help")
        );
    });
}

#[test]
fn extract_help() {
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_extract_help",
            Command::new(get_cargo_bin("whosaid")).args(["extract", "--help"])
        );
    });
}

#[test]
fn usage_error_exits_2() {
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_usage_error",
            Command::new(get_cargo_bin("whosaid")).args(["extract", "--format", "xml"])
        );
    });
}

#[test]
fn stdin_text_gives_csv_header() {
    let dir = Scratch::new();
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_stdin_text",
            dir.extract(&[])
                .pass_stdin("The river is wide and the bridge is old.\n")
        );
    });
}

#[test]
fn stdin_dash_jsonl_in_jsonl_out() {
    let dir = Scratch::new();
    let stdin = "{\"id\": 1, \"text\": \"The river is wide.\"}\n\n{\"id\": \"b\", \"text\": \"Rain fell.\"}\n";
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_stdin_jsonl",
            dir.extract(&["--format", "jsonl", "-"]).pass_stdin(stdin)
        );
    });
}

#[test]
fn jsonl_file_with_other_field_names() {
    let dir = Scratch::new();
    dir.write(
        "docs.jsonl",
        "{\"url\": \"https://example.com/a\", \"body\": \"Rain fell.\", \"id\": 3}\n",
    );
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_jsonl_fields",
            dir.extract(&[
                "--format",
                "jsonl",
                "--id-field",
                "url",
                "--text-field",
                "body",
                "docs.jsonl"
            ])
        );
    });
}

#[test]
fn directory_is_walked_in_path_order() {
    let dir = Scratch::new();
    dir.write("corpus/b.txt", "Rain fell.")
        .write("corpus/a/z.md", "# Title\n\nRain fell.")
        .write("corpus/a.txt", "Rain fell.")
        .write("corpus/notes.pdf", "skipped")
        .write(
            "corpus/c.jsonl.gz",
            gzip(b"{\"id\": \"c1\", \"text\": \"Rain.\"}\n"),
        );
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_directory",
            dir.extract(&["--format", "jsonl", "corpus"])
        );
    });
}

#[test]
fn csv_header_is_exact() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.");
    let out = dir.extract(&["a.txt"]).output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        stdout.lines().next(),
        Some("doc,speaker,kind,quote,cue,start,end,speaker_mention,speaker_start,speaker_end,attribution,rule,speaker_id,speaker_kind,speaker_title")
    );
}

#[test]
fn empty_file_gives_header_only() {
    let dir = Scratch::new();
    dir.write("empty.txt", "");
    snapshots(|| {
        assert_cmd_snapshot!("cli_empty_file", dir.extract(&["empty.txt"]));
    });
}

#[test]
fn table_format() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.");
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_table",
            dir.extract(&["--format", "table", "a.txt"])
                .env("COLUMNS", "80")
        );
    });
}

#[test]
fn bad_file_among_good_ones_exits_1_and_keeps_the_rest() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.")
        .write("latin1.txt", b"Caf\xe9 au lait.\n")
        .write("c.txt", "Snow fell.");
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_bad_file",
            dir.extract(&["--format", "jsonl", "a.txt", "latin1.txt", "c.txt"])
        );
    });
}

#[test]
fn quiet_keeps_the_exit_status_but_not_the_message() {
    let dir = Scratch::new();
    dir.write("latin1.txt", b"Caf\xe9.\n");
    let out = dir.extract(&["-q", "latin1.txt"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8(out.stdout).unwrap(), header());
}

#[test]
fn malformed_jsonl_line_is_named_and_the_others_processed() {
    let dir = Scratch::new();
    dir.write(
        "docs.jsonl",
        "{\"id\": \"one\", \"text\": \"Rain fell.\"}\n{\"id\": \"two\", \"text\": \"Rain\n{\"id\": \"three\", \"text\": \"Snow fell.\"}\n{\"id\": \"four\"}\n",
    );
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_bad_jsonl_line",
            dir.extract(&["--format", "jsonl", "docs.jsonl"])
        );
    });
}

#[test]
fn missing_input_exits_1_and_keeps_the_rest() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.");
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_missing_input",
            dir.extract(&["--format", "jsonl", "missing.txt", "a.txt"])
        );
    });
}

#[test]
fn truncated_gzip_is_named() {
    let mut lines = String::new();
    for i in 0..3000 {
        lines.push_str(&format!("{{\"id\": {i}, \"text\": \"Document {i}.\"}}\n"));
    }
    let whole = gzip(lines.as_bytes());
    let dir = Scratch::new();
    dir.write("cut.jsonl.gz", &whole[..whole.len() / 2]);
    let out = dir
        .extract(&["--format", "jsonl", "cut.jsonl.gz"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("whosaid: cut.jsonl.gz: cannot read: "),
        "{stderr}"
    );
    let kept = String::from_utf8(out.stdout).unwrap().lines().count();
    assert!((100..3000).contains(&kept), "{kept} documents kept");
}

#[test]
fn output_into_missing_directory_fails_before_any_work() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.");
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_output_missing_dir",
            dir.extract(&["-o", "no/such/dir/out.csv", "a.txt"])
        );
    });
    assert!(!dir.path().join("no").exists());
}

#[test]
fn output_file_is_written_whole() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.")
        .write("out/old.csv", "stale");
    snapshots(|| {
        assert_cmd_snapshot!(
            "cli_output_file",
            dir.extract(&["-o", "out/old.csv", "a.txt"])
        );
    });
    assert_eq!(
        fs::read_to_string(dir.path().join("out/old.csv")).unwrap(),
        header()
    );
    let names: Vec<_> = fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, ["old.csv"], "no temporary file left behind");
}

#[test]
fn output_file_is_written_even_when_an_input_failed() {
    let dir = Scratch::new();
    dir.write("a.txt", "Rain fell.");
    let out = dir
        .extract(&[
            "-o",
            "out.jsonl",
            "--format",
            "jsonl",
            "a.txt",
            "missing.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        fs::read_to_string(dir.path().join("out.jsonl")).unwrap(),
        "{\"id\":\"a.txt\",\"quotes\":[]}\n"
    );
}

#[test]
fn output_is_the_same_for_any_thread_count() {
    let articles = concat!(env!("CARGO_MANIFEST_DIR"), "/data/articles");
    // More documents than one batch, built from the real articles so there is something
    // to extract once the extractor finds quotes.
    let mut corpus = String::new();
    let mut texts = Vec::new();
    for entry in fs::read_dir(articles).unwrap() {
        texts.push(fs::read_to_string(entry.unwrap().path()).unwrap());
    }
    texts.sort();
    for i in 0..700 {
        let text = &texts[i % texts.len()];
        let line = serde_json::json!({"id": i, "text": text});
        corpus.push_str(&line.to_string());
        corpus.push('\n');
    }
    let dir = Scratch::new();
    dir.write("corpus.jsonl", corpus);
    for format in ["csv", "jsonl"] {
        let run = |threads: &str| {
            let mut cmd =
                dir.extract(&["--format", format, "-j", threads, "corpus.jsonl", articles]);
            let out = cmd.output().unwrap();
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            out.stdout
        };
        let one = run("1");
        assert!(one == run("2"), "{format}: -j 1 and -j 2 differ");
        assert!(one == run("3"), "{format}: -j 1 and -j 3 differ");
        if format == "jsonl" {
            assert_eq!(
                one.iter().filter(|&&b| b == b'\n').count(),
                700 + texts.len()
            );
        }
    }
}

#[test]
fn closed_pipe_exits_0_quietly() {
    let mut corpus = String::new();
    for i in 0..50_000 {
        corpus.push_str(&format!(
            "{{\"id\": {i}, \"text\": \"Rain fell on day {i}.\"}}\n"
        ));
    }
    let dir = Scratch::new();
    dir.write("corpus.jsonl", corpus);
    let mut child = dir
        .extract(&["--format", "jsonl", "corpus.jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(out.status.code(), Some(0));
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

#[test]
fn html_page_offsets_index_the_page() {
    let page = "<html><nav>“Menu”</nav><article><p>&ldquo;We will win,&rdquo; said <b>Jane Doe</b>.</p></article></html>";
    let dir = Scratch::new();
    dir.write("page.html", page);
    let out = dir
        .extract(&["--format", "jsonl", "page.html"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let line: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let quotes = line["quotes"].as_array().unwrap();
    assert_eq!(
        quotes.len(),
        1,
        "the menu's quote is not the story's: {quotes:?}"
    );
    let (start, end) = (
        quotes[0]["start"].as_u64().unwrap() as usize,
        quotes[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&page[start..end], "We will win,");
    assert_eq!(quotes[0]["speaker"], "Jane Doe");
}
