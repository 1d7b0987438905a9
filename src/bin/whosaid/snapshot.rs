//! `whosaid extract --snapshot DIR`: one CSV file per input document under DIR, mirroring
//! the input tree, so that a team can keep an extraction under version control, review a
//! change as an ordinary diff, and compare two trees with `whosaid diff DIR1 DIR2`.
//!
//! Where a document goes:
//!
//! * a text or Markdown file `data/articles/000_x.txt` is written to
//!   `DIR/data/articles/000_x.txt.csv`;
//! * each record of a JSONL file `news/2024.jsonl` is written to
//!   `DIR/news/2024.jsonl/<id>.csv`, the id made safe as a file name ([`file_name`]).
//!
//! Paths are mirrored component by component: a root or `.` is dropped and `..` becomes
//! `__`, so nothing is written outside DIR. Each file holds exactly the bytes `extract`
//! writes as CSV for that document alone, header included (a document without quotes gets
//! the header only), and is written whole: a temporary file beside it, renamed at the end.
//! Files already in DIR are overwritten, never removed.
//!
//! Documents are read, extracted and written as `extract` does ([`crate::pipeline`]); the
//! reader says which file each document came from
//! ([`Documents::path`](whosaid::input::Documents::path)).

use crate::args::{Extract, Format};
use crate::pipeline::{self, Pipeline};
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::fs;
use std::io::BufWriter;
use std::path::{Component, Path, PathBuf};
use whosaid::hash::fnv1a;
use whosaid::input::is_jsonl;
use whosaid::output::{CsvSink, Sink};
use whosaid::Document;

/// Runs `whosaid extract --snapshot DIR`; `Ok(false)` when some input failed but the rest
/// was written.
pub fn extract(dir: &Path, args: &Extract, pipeline: &Pipeline) -> Result<bool> {
    let inputs = &args.input.read.inputs;
    if args.output.is_some() {
        anyhow::bail!("--snapshot writes its files under DIR: it cannot be combined with -o");
    }
    if args.format != Format::Csv {
        anyhow::bail!("--snapshot writes CSV: it cannot be combined with --format");
    }
    if inputs.is_empty() || inputs.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!("--snapshot mirrors input paths: give files or directories, not stdin");
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;

    // Ids written for the JSONL file being read: a repeated one would overwrite its file.
    let mut jsonl_ids: (PathBuf, HashSet<PathBuf>) = Default::default();
    let mut ids_unique = true;
    let mut documents = pipeline::documents(&args.input.read);
    let all_read = pipeline.run(
        &mut documents,
        |documents| documents.path().to_path_buf(),
        |_, _| {},
        |file, doc, attributions| {
            let path = if is_jsonl(&file) {
                let path = mirror(dir, &file).join(file_name(&doc.id));
                if jsonl_ids.0 != file {
                    jsonl_ids = (file.clone(), HashSet::new());
                }
                if !jsonl_ids.1.insert(path.clone()) {
                    ids_unique = false;
                    if !args.input.quiet {
                        crate::report::report(&anyhow::anyhow!(
                            "{}: id {:?} occurs twice; {} keeps the first",
                            file.display(),
                            doc.id,
                            path.display()
                        ));
                    }
                    return Ok(());
                }
                path
            } else {
                let mut path = mirror(dir, &file).into_os_string();
                path.push(".csv");
                PathBuf::from(path)
            };
            write(&path, &doc, &attributions, args.raw_csv)
        },
    )?;
    Ok(all_read && ids_unique)
}

/// One document's CSV, written whole to `path`.
fn write(
    path: &Path,
    doc: &Document,
    attributions: &[whosaid::Attribution],
    raw: bool,
) -> Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let target = crate::target::Target::create(path)?;
    let mut sink = CsvSink::new(BufWriter::new(target.file.as_file())).raw(raw);
    sink.write(doc, attributions)
        .and_then(|()| sink.finish())
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(sink);
    target.persist()
}

/// `input` under `dir`: roots and `.` dropped, `..` as `__`, so the result stays in `dir`.
fn mirror(dir: &Path, input: &Path) -> PathBuf {
    let mut out = dir.to_path_buf();
    for part in input.components() {
        match part {
            Component::Normal(name) => out.push(name),
            Component::ParentDir => out.push("__"),
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    out
}

/// The file name for a JSONL record's id: `<id>.csv` when the id is a safe name
/// (letters, digits, `-`, `_`, `.`, not starting with `.`, at most 100 bytes); otherwise
/// the id with every other character as `_`, cut to 100 bytes, then `~` and a hash of the
/// id, so that two ids never share a file (`a/b` gives `a_b~<hash>.csv`, `a_b` gives
/// `a_b.csv`).
fn file_name(id: &str) -> PathBuf {
    const MAX: usize = 100;
    let safe = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
    let mut name: String = id.chars().map(|c| if safe(c) { c } else { '_' }).collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    if name != id || name.len() > MAX {
        let mut cut = MAX.min(name.len());
        while !name.is_char_boundary(cut) {
            cut -= 1;
        }
        name.truncate(cut);
        name = format!("{name}~{:016x}", fnv1a(id.as_bytes()));
    }
    PathBuf::from(name + ".csv")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_become_safe_distinct_file_names() {
        let cases = [
            ("17", "17.csv"),
            ("story-2024.v2_a", "story-2024.v2_a.csv"),
            ("a_b", "a_b.csv"),
            ("a/b", "a_b~e620c3190468cf61.csv"),
            ("../etc/passwd", "_.._etc_passwd~50b77b6a8af564ef.csv"),
            (".hidden", "_.hidden~28280da0cdcb6865.csv"),
            ("", "_~cbf29ce484222325.csv"),
            ("Zürich", "Zürich.csv"),
        ];
        for (id, want) in cases {
            assert_eq!(file_name(id), PathBuf::from(want), "{id:?}");
        }
        let long = "x".repeat(300);
        let name = file_name(&long).to_string_lossy().into_owned();
        assert_eq!(name.len(), 100 + 1 + 16 + 4, "{name}");
    }

    #[test]
    fn mirrored_paths_stay_inside_the_directory() {
        let cases = [
            ("data/articles/000_x.txt", "snap/data/articles/000_x.txt"),
            ("./a.txt", "snap/a.txt"),
            ("/tmp/a.txt", "snap/tmp/a.txt"),
            ("../up/a.txt", "snap/__/up/a.txt"),
        ];
        for (input, want) in cases {
            assert_eq!(
                mirror(Path::new("snap"), Path::new(input)),
                PathBuf::from(want)
            );
        }
    }
}
