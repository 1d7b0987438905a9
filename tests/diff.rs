//! `whosaid diff` and `whosaid extract --snapshot` as a user meets them: exit status, stdout
//! and stderr of real runs, snapshotted as `snapshots/diff_<name>.snap`.
//!
//! The extractor is still being tuned, so these snapshots pin the diff and not the
//! extractor's answers: OLD and NEW come from one extraction of `data/articles` made inside
//! the test, NEW is edited by the test, and what the edit must produce is checked against
//! the rows it touched. The count of `same` rows (the size of the extraction) is filtered
//! out of the snapshots, and rows whose text comes from the extraction are replaced by a
//! name for the edit that made them, after checking that they are exactly the expected
//! bytes. Hand-made files are snapshotted as they are.

mod common;

use insta_cmd::{assert_cmd_snapshot, get_cargo_bin};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use whosaid::diff::DIFF_HEADER;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Runs `body` with snapshots going to `snapshots/` as `diff_<name>.snap`, the size of the
/// extraction filtered out, and `extra` filters (regex, replacement) on top.
fn snapshots(extra: &[(String, String)], body: impl FnOnce()) {
    let mut settings = common::settings();
    settings.add_filter(r"whosaid diff: \d+ same,", "whosaid diff: [N] same,");
    for (regex, replacement) in extra {
        settings.add_filter(regex, replacement.as_str());
    }
    settings.bind(body);
}

/// A scratch directory: extractions of the repository's articles are written here, and
/// diffs run here with relative names, so messages are the same on every machine.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn new() -> Self {
        Scratch(tempfile::tempdir().unwrap())
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
        let path = self.path(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
        self
    }

    fn read(&self, name: &str) -> String {
        fs::read_to_string(self.path(name)).unwrap()
    }

    /// `whosaid extract ARGS... data/articles` run in the repository, so that document ids
    /// are `data/articles/...`; `{}` in an argument is this directory.
    fn extract(&self, args: &[&str]) {
        let dir = self.0.path().display().to_string();
        let args: Vec<String> = args.iter().map(|a| a.replace("{}", &dir)).collect();
        let out = Command::new(get_cargo_bin("whosaid"))
            .current_dir(ROOT)
            .arg("extract")
            .args(&args)
            .arg("data/articles")
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {out:?}");
    }

    /// `whosaid diff ARGS...` run in this directory.
    fn diff(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(get_cargo_bin("whosaid"));
        cmd.current_dir(self.0.path()).arg("diff").args(args);
        cmd
    }
}

/// The diff header line.
fn header() -> String {
    DIFF_HEADER.join(",") + "\n"
}

/// The records of a CSV text, header first.
fn records(csv: &str) -> Vec<csv::StringRecord> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(csv.as_bytes());
    reader.records().map(Result::unwrap).collect()
}

fn to_csv(records: &[csv::StringRecord]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    for r in records {
        out.write_record(r).unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

/// A regex matching exactly `line` on a line of its own.
fn line_regex(line: &str) -> String {
    let mut re = String::from("(?m)^");
    for c in line.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            re.push('\\');
        }
        re.push(c);
    }
    re.push('$');
    re
}

fn stdout(cmd: &mut Command) -> (i32, String) {
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
    )
}

#[test]
fn help_documents_classes_and_exit_status() {
    snapshots(&[], || {
        assert_cmd_snapshot!(
            "diff_help",
            Command::new(get_cargo_bin("whosaid")).args(["diff", "--help"])
        );
    });
}

#[test]
fn extraction_against_itself_reports_nothing_and_exits_0() {
    let dir = Scratch::new();
    dir.extract(&["-o", "{}/old.csv"]);
    fs::copy(dir.path("old.csv"), dir.path("new.csv")).unwrap();
    snapshots(&[], || {
        assert_cmd_snapshot!("diff_identical", dir.diff(&["old.csv", "new.csv"]));
    });

    // --all lists every row as `same`.
    let rows = records(&dir.read("old.csv")).len() - 1;
    let (code, out) = stdout(&mut dir.diff(&["--all", "old.csv", "new.csv"]));
    assert_eq!(code, 0);
    let out = records(&out);
    assert_eq!(out.len() - 1, rows);
    assert!(out[1..].iter().all(|r| &r[1] == "same"));

    // -o writes the same bytes as stdout, and nothing on stdout.
    let (code, all) = stdout(&mut dir.diff(&["--all", "old.csv", "new.csv", "-o", "d.csv"]));
    assert_eq!((code, all.as_str()), (0, ""));
    assert_eq!(records(&dir.read("d.csv")), out);
}

#[test]
fn removed_rows_are_lost_and_an_edited_speaker_is_respeaker() {
    let dir = Scratch::new();
    dir.extract(&["-o", "{}/old.csv"]);
    let old = records(&dir.read("old.csv"));
    assert!(old.len() > 6, "the sample needs at least 5 rows");
    // Rows 2 and 3 (1-based, after the header) go; row 5 gets another speaker.
    let mut new = old.clone();
    let mut edited = new[5].clone();
    assert_ne!(&edited[1], "Someone Else");
    edited = edited
        .iter()
        .enumerate()
        .map(|(i, cell)| if i == 1 { "Someone Else" } else { cell })
        .collect();
    new[5] = edited;
    new.drain(2..4);
    dir.write("new.csv", to_csv(&new));

    // What the diff must say about each edited row, in the diff's columns.
    let line = |change: &str, old: &csv::StringRecord, new_speaker: Option<&str>| {
        let [doc, speaker, kind, quote, start, end] = [0, 1, 2, 3, 5, 6].map(|i| &old[i]);
        let row = match new_speaker {
            None => [
                doc, change, speaker, "", kind, "", quote, "", start, end, "", "",
            ],
            Some(to) => [
                doc, change, speaker, to, kind, kind, quote, quote, start, end, start, end,
            ],
        };
        to_csv(&[csv::StringRecord::from(row.to_vec())])
            .trim_end()
            .to_string()
    };
    let expected = [
        line("lost", &old[2], None),
        line("lost", &old[3], None),
        line("respeaker", &old[5], Some("Someone Else")),
    ];
    let (code, out) = stdout(&mut dir.diff(&["old.csv", "new.csv"]));
    assert_eq!(code, 3);
    assert_eq!(out, header() + &expected.join("\n") + "\n");

    let names = [
        "[OLD row 2: lost]",
        "[OLD row 3: lost]",
        "[OLD row 5: respeaker to Someone Else]",
    ];
    let filters: Vec<_> = expected
        .iter()
        .zip(names)
        .map(|(line, name)| (line_regex(line), name.to_string()))
        .collect();
    snapshots(&filters, || {
        assert_cmd_snapshot!("diff_lost_and_respeaker", dir.diff(&["old.csv", "new.csv"]));
    });
}

#[test]
fn entity_table_changes_only_speakers_and_diff_lists_exactly_those() {
    let dir = Scratch::new();
    dir.extract(&["-o", "{}/plain.csv"]);
    dir.extract(&["--entities", "data/entities.csv", "-o", "{}/entities.csv"]);
    // The rows whose speaker differs between the runs, by (doc, start, end).
    let key = |r: &csv::StringRecord| (r[0].to_string(), r[5].to_string(), r[6].to_string());
    let plain = records(&dir.read("plain.csv"));
    let with: std::collections::HashMap<_, _> = records(&dir.read("entities.csv"))
        .iter()
        .skip(1)
        .map(|r| (key(r), r[1].to_string()))
        .collect();
    let changed: Vec<_> = plain[1..]
        .iter()
        .filter(|r| with.get(&key(r)).is_some_and(|s| s != &r[1]))
        .map(|r| (key(r), r[1].to_string(), with[&key(r)].clone()))
        .collect();
    assert!(
        !changed.is_empty(),
        "the sample table resolves some speaker"
    );

    let (code, out) = stdout(&mut dir.diff(&["plain.csv", "entities.csv"]));
    assert_eq!(code, 3);
    let listed: Vec<_> = records(&out)[1..]
        .iter()
        .map(|r| {
            assert_eq!(&r[1], "respeaker", "{r:?}");
            let key = (r[0].to_string(), r[8].to_string(), r[9].to_string());
            (key, r[2].to_string(), r[3].to_string())
        })
        .collect();
    assert_eq!(listed, changed);
}

#[test]
fn csv_against_jsonl_of_the_same_run_is_unchanged() {
    let dir = Scratch::new();
    dir.extract(&["-o", "{}/run.csv"]);
    dir.extract(&["--format", "jsonl", "-o", "{}/run.jsonl"]);
    snapshots(&[], || {
        assert_cmd_snapshot!(
            "diff_csv_against_jsonl",
            dir.diff(&["run.csv", "run.jsonl"])
        );
    });
    let (code, out) = stdout(&mut dir.diff(&["run.jsonl", "run.csv"]));
    assert_eq!((code, out), (0, header()));
    // --raw-csv output reads the same as the guarded one.
    dir.extract(&["--raw-csv", "-o", "{}/raw.csv"]);
    let (code, out) = stdout(&mut dir.diff(&["raw.csv", "run.jsonl"]));
    assert_eq!((code, out), (0, header()));
}

#[test]
fn extra_and_reordered_columns_are_ignored() {
    let dir = Scratch::new();
    dir.extract(&["-o", "{}/old.csv"]);
    // A newer whosaid: a `confidence` column after `kind`, a `lang` at the end, and the
    // columns in another order.
    let wide: Vec<csv::StringRecord> = records(&dir.read("old.csv"))
        .iter()
        .enumerate()
        .map(|(n, r)| {
            let mut cells: Vec<&str> = r.iter().collect();
            cells.insert(3, if n == 0 { "confidence" } else { "0.9" });
            cells.push(if n == 0 { "lang" } else { "en" });
            cells.reverse();
            csv::StringRecord::from(cells)
        })
        .collect();
    dir.write("new.csv", to_csv(&wide));
    snapshots(&[], || {
        assert_cmd_snapshot!("diff_extra_columns", dir.diff(&["old.csv", "new.csv"]));
    });
}

#[test]
fn file_missing_columns_is_named_with_the_columns() {
    let dir = Scratch::new();
    dir.write("old.csv", "doc,speaker,kind,quote,start,end\n")
        .write(
            "bad.csv",
            "doc,speaker,kind,text,cue,begin,end\na.txt,Ann,direct,Yes,said,0,3\n",
        );
    snapshots(&[], || {
        assert_cmd_snapshot!("diff_missing_columns", dir.diff(&["old.csv", "bad.csv"]));
    });
}

#[test]
fn input_corpus_given_as_output_is_named_with_the_fields() {
    let dir = Scratch::new();
    dir.write("old.csv", "doc,speaker,kind,quote,start,end\n")
        .write(
            "corpus.jsonl",
            "{\"id\": 1, \"text\": \"“Yes,” she said.\"}\n",
        );
    snapshots(&[], || {
        assert_cmd_snapshot!("diff_not_an_output", dir.diff(&["old.csv", "corpus.jsonl"]));
    });
}

#[test]
fn directory_against_file_is_a_usage_error() {
    let dir = Scratch::new();
    dir.write("old.csv", "doc,speaker,kind,quote,start,end\n")
        .write("tree/a.txt.csv", "doc,speaker,kind,quote,start,end\n");
    snapshots(&[], || {
        assert_cmd_snapshot!(
            "diff_directory_against_file",
            dir.diff(&["tree", "old.csv"])
        );
    });
}

/// The files under `root`, relative to it, sorted.
fn files(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

#[test]
fn snapshot_writes_one_csv_per_article_with_the_bytes_of_extract() {
    let dir = Scratch::new();
    dir.extract(&["--snapshot", "{}/snap1"]);
    dir.extract(&["--snapshot", "{}/snap2", "-j", "1"]);

    let mut articles: Vec<String> = fs::read_dir(Path::new(ROOT).join("data/articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| whosaid::input::is_article(Path::new(name)) && !name.starts_with('.'))
        .map(|name| format!("data/articles/{name}.csv"))
        .collect();
    articles.sort();
    assert_eq!(files(&dir.path("snap1")), articles);

    // Each file is `extract ARTICLE` alone, and together they are `extract data/articles`.
    dir.extract(&["-o", "{}/all.csv"]);
    let mut joined = String::new();
    for name in &articles {
        let article = name.strip_suffix(".csv").unwrap();
        let alone = Command::new(get_cargo_bin("whosaid"))
            .current_dir(ROOT)
            .args(["extract", article])
            .output()
            .unwrap();
        let file = dir.read(&format!("snap1/{name}"));
        assert_eq!(file.as_bytes(), alone.stdout, "{name}");
        let body = file.split_once('\n').unwrap().1;
        if joined.is_empty() {
            joined = file.clone();
        } else {
            joined.push_str(body);
        }
    }
    assert_eq!(joined, dir.read("all.csv"));

    snapshots(&[], || {
        assert_cmd_snapshot!(
            "diff_snapshot_trees_identical",
            dir.diff(&["snap1", "snap2"])
        );
    });
}

#[test]
fn snapshot_file_on_one_side_only_is_gained_or_lost() {
    let dir = Scratch::new();
    dir.extract(&["--snapshot", "{}/snap1"]);
    dir.extract(&["--snapshot", "{}/snap2"]);
    dir.write(
        "snap2/data/extra/new.txt.csv",
        "doc,speaker,kind,quote,cue,start,end,speaker_mention,speaker_start,speaker_end,\
attribution,rule,speaker_id,speaker_kind,speaker_title\n\
data/extra/new.txt,Ann Lee,direct,\"Yes,\",said,3,7,she,11,14,1,quote-cue-after,,,\n\
data/extra/new.txt,,indirect,'-5 degrees is cold,said,20,38,,,,2,indirect,,,\n",
    );
    snapshots(&[], || {
        assert_cmd_snapshot!("diff_snapshot_file_gained", dir.diff(&["snap1", "snap2"]));
    });

    // A file that NEW lacks: every row of it is lost.
    let first = &files(&dir.path("snap1"))[0];
    let rows = records(&dir.read(&format!("snap1/{first}"))).len() - 1;
    fs::remove_file(dir.path(&format!("snap2/{first}"))).unwrap();
    let (code, out) = stdout(&mut dir.diff(&["snap1", "snap2"]));
    assert_eq!(code, 3);
    let out = records(&out);
    let lost: Vec<_> = out.iter().filter(|r| &r[1] == "lost").collect();
    assert_eq!(lost.len(), rows);
    assert_eq!(
        out.len() - 1,
        rows + 2,
        "the lost rows and the two gained ones"
    );
}

#[test]
fn snapshot_of_jsonl_writes_one_file_per_id() {
    let dir = Scratch::new();
    dir.write(
        "news/corpus.jsonl",
        "{\"id\": \"plain-1\", \"text\": \"Rain fell on the city.\"}\n\
{\"id\": 7, \"text\": \"The bridge is old.\"}\n\
{\"id\": \"a/b\", \"text\": \"The river is wide.\"}\n\
{\"id\": \"../up\", \"text\": \"Nothing happened.\"}\n",
    );
    let out = Command::new(get_cargo_bin("whosaid"))
        .current_dir(dir.0.path())
        .args(["extract", "--snapshot", "snap", "news"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let listing = files(&dir.path("snap")).join("\n");
    snapshots(&[], || {
        insta::assert_snapshot!("diff_snapshot_jsonl_files", listing)
    });
    let header = whosaid::output::CSV_HEADER.join(",") + "\n";
    assert_eq!(dir.read("snap/news/corpus.jsonl/7.csv"), header);
}

#[test]
fn snapshot_refuses_stdin_and_other_outputs() {
    let dir = Scratch::new();
    let run = |args: &[&str]| {
        let out = Command::new(get_cargo_bin("whosaid"))
            .current_dir(dir.0.path())
            .args(["extract", "--snapshot", "snap"])
            .args(args)
            .output()
            .unwrap();
        (out.status.code(), String::from_utf8(out.stderr).unwrap())
    };
    let (code, err) = run(&["-"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not stdin"), "{err}");
    let (code, err) = run(&["-o", "x.csv", "a.txt"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("-o"), "{err}");
}
