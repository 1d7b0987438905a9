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
//! The input walk is the one [`whosaid::input`] does (sorted, recursive, hidden entries and
//! links to directories skipped, the same extensions), repeated here because a snapshot
//! must know which file each document came from; each file is then read by
//! [`Reader::documents`] alone. Documents are extracted in parallel batches, written in
//! input order.

use crate::args::{Extract, Format};
use anyhow::{Context, Result};
use rayon::prelude::*;
use std::collections::{HashSet, VecDeque};
use std::fs;
use std::io::BufWriter;
use std::path::{Component, Path, PathBuf};
use whosaid::input::{is_article, Input, Reader};
use whosaid::output::{CsvSink, Sink};
use whosaid::{Document, Extractor};

/// Runs `whosaid extract --snapshot DIR`; `Ok(false)` when some input failed but the rest
/// was written.
pub fn extract(
    dir: &Path,
    args: &Extract,
    pool: &rayon::ThreadPool,
    extractor: &Extractor,
) -> Result<bool> {
    if args.output.is_some() {
        anyhow::bail!("--snapshot writes its files under DIR: it cannot be combined with -o");
    }
    if args.format != Format::Csv {
        anyhow::bail!("--snapshot writes CSV: it cannot be combined with --format");
    }
    if args.inputs.is_empty() || args.inputs.iter().any(|p| p.as_os_str() == "-") {
        anyhow::bail!("--snapshot mirrors input paths: give files or directories, not stdin");
    }
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let reader = Reader::new()
        .id_field(&args.id_field)
        .text_field(&args.text_field);
    let report = |err: anyhow::Error| {
        if !args.quiet {
            crate::report(&err);
        }
    };

    let mut all_read = true;
    let mut files = Walk::new(&args.inputs);
    // Ids written for the JSONL file being read: a repeated one would overwrite its file.
    let mut jsonl_ids: (PathBuf, HashSet<PathBuf>) = Default::default();
    loop {
        let batch = next_batch(&mut files, &reader, &mut all_read, &report);
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|(file, item)| (file, item.map(|doc| crate::extracted(extractor, doc))))
                .collect()
        });
        for (file, item) in results {
            let (doc, attributions) = match item {
                Ok(done) => done,
                Err(err) => {
                    all_read = false;
                    report(err.into());
                    continue;
                }
            };
            let path = if is_jsonl(&file) {
                let path = mirror(dir, &file).join(file_name(&doc.id));
                if jsonl_ids.0 != file {
                    jsonl_ids = (file.clone(), HashSet::new());
                }
                if !jsonl_ids.1.insert(path.clone()) {
                    all_read = false;
                    report(anyhow::anyhow!(
                        "{}: id {:?} occurs twice; {} keeps the first",
                        file.display(),
                        doc.id,
                        path.display()
                    ));
                    continue;
                }
                path
            } else {
                let mut path = mirror(dir, &file).into_os_string();
                path.push(".csv");
                PathBuf::from(path)
            };
            write(&path, &doc, &attributions, args.raw_csv)?;
        }
    }
    Ok(all_read)
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
    let target = crate::Target::create(path)?;
    let mut sink = CsvSink::new(BufWriter::new(target.file.as_file())).raw(raw);
    sink.write(doc, attributions)
        .and_then(|()| sink.finish())
        .with_context(|| format!("cannot write {}", path.display()))?;
    drop(sink);
    target.persist()
}

/// The next documents to extract together, each with the file it came from, in input
/// order; failures to walk are reported at once.
fn next_batch(
    files: &mut Walk,
    reader: &Reader,
    all_read: &mut bool,
    report: &impl Fn(anyhow::Error),
) -> Vec<(PathBuf, whosaid::error::Result<Document>)> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < crate::BATCH_DOCS && bytes < crate::BATCH_BYTES {
        let file = match files.current(reader) {
            None => break,
            Some(Err(err)) => {
                *all_read = false;
                report(err);
                continue;
            }
            Some(Ok(file)) => file,
        };
        match file.1.next() {
            Some(item) => {
                if let Ok(doc) = &item {
                    bytes += doc.text.len();
                }
                batch.push((file.0.clone(), item));
            }
            None => files.open = None,
        }
    }
    batch
}

/// The files of the inputs, in the order `whosaid::input` reads them, and the documents of
/// the one being read.
struct Walk {
    pending: VecDeque<PathBuf>,
    /// Directories being walked: the rest of each one's sorted listing, innermost last.
    stack: Vec<std::vec::IntoIter<(PathBuf, bool)>>,
    open: Option<(PathBuf, whosaid::input::Documents)>,
}

impl Walk {
    fn new(inputs: &[PathBuf]) -> Self {
        Walk {
            pending: inputs.iter().cloned().collect(),
            stack: Vec::new(),
            open: None,
        }
    }

    /// The file being read, opening the next one when there is none; `None` at the end.
    fn current(
        &mut self,
        reader: &Reader,
    ) -> Option<Result<&mut (PathBuf, whosaid::input::Documents)>> {
        while self.open.is_none() {
            let next = match self.stack.last_mut() {
                Some(listing) => match listing.next() {
                    Some(entry) => entry,
                    None => {
                        self.stack.pop();
                        continue;
                    }
                },
                // An input that is not a directory goes to the reader, which reports it if
                // it cannot be read.
                None => match self.pending.pop_front() {
                    Some(path) => {
                        let is_dir = path.is_dir();
                        (path, is_dir)
                    }
                    None => return None,
                },
            };
            match next {
                (dir, true) => {
                    if let Err(err) = self.enter(&dir) {
                        return Some(Err(err));
                    }
                }
                (file, false) => {
                    let docs = reader.documents([Input::Path(file.clone())]);
                    self.open = Some((file, docs));
                }
            }
        }
        self.open.as_mut().map(Ok)
    }

    /// Pushes the sorted listing of `dir`, with the rules of `whosaid::input`.
    fn enter(&mut self, dir: &Path) -> Result<()> {
        let fail = || format!("{}: cannot read", dir.display());
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).with_context(fail)? {
            let entry = entry.with_context(fail)?;
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = dir.join(&name);
            let file_type = entry.file_type().with_context(fail)?;
            let is_dir = if file_type.is_symlink() {
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => false,
                    _ => continue,
                }
            } else {
                file_type.is_dir()
            };
            if is_dir || is_article(&path) {
                entries.push((path, is_dir));
            }
        }
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        self.stack.push(entries.into_iter());
        Ok(())
    }
}

/// True when `whosaid::input` reads `file` as JSONL: it ends in `.jsonl` or `.jsonl.gz`.
fn is_jsonl(file: &Path) -> bool {
    let name = file.to_string_lossy().to_ascii_lowercase();
    name.strip_suffix(".gz")
        .unwrap_or(&name)
        .ends_with(".jsonl")
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

/// FNV-1a, 64 bits: a hash that is the same on every platform and in every release.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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

    #[test]
    fn jsonl_is_told_by_name_as_the_reader_does() {
        assert!(is_jsonl(Path::new("a/News.JSONL")));
        assert!(is_jsonl(Path::new("a.jsonl.gz")));
        assert!(!is_jsonl(Path::new("a.txt")));
        assert!(!is_jsonl(Path::new("a.jsonl.txt")));
    }
}
