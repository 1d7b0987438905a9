//! Pairing the files of two `--snapshot` trees for `whosaid diff DIR1 DIR2`: the same
//! relative path on both sides is compared; a file on one side only is compared with
//! nothing, so all its rows are gained or lost.

use super::Result;
use crate::input;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A file of two `--snapshot` trees: its path relative to the roots, and where it is on
/// each side (`None` when that side lacks it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TreeFile {
    pub name: PathBuf,
    pub old: Option<PathBuf>,
    pub new: Option<PathBuf>,
}

/// The outputs (`.csv`, `.jsonl`, each maybe `.gz`) under two directories, paired by
/// relative path and sorted by it. The walk is an input walk's ([`input::walk`]): hidden
/// entries and symbolic links to directories are skipped.
pub fn tree_pairs(old: &Path, new: &Path) -> Result<Vec<TreeFile>> {
    let mut files: BTreeMap<PathBuf, [bool; 2]> = BTreeMap::new();
    for (side, root) in [old, new].into_iter().enumerate() {
        for path in input::walk(root, is_output) {
            let path = path?;
            // The walk yields `root` joined with the names it walked.
            let name = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            files.entry(name).or_default()[side] = true;
        }
    }
    Ok(files
        .into_iter()
        .map(|(name, [in_old, in_new])| TreeFile {
            old: in_old.then(|| old.join(&name)),
            new: in_new.then(|| new.join(&name)),
            name,
        })
        .collect())
}

/// True for `.csv` and `.jsonl` files, each maybe gzipped.
fn is_output(path: &Path) -> bool {
    input::has_extension(path, "csv") || input::is_jsonl(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn trees_pair_by_relative_path() {
        let dir = tempfile::tempdir().unwrap();
        let (old, new) = (dir.path().join("old"), dir.path().join("new"));
        for (root, names) in [
            (
                &old,
                &["a/x.txt.csv", "b.txt.csv", ".hidden.csv", "notes.md"][..],
            ),
            (&new, &["a/x.txt.csv", "c.jsonl/1.csv"][..]),
        ] {
            for name in names {
                let path = root.join(name);
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(path, "").unwrap();
            }
        }
        let pairs = tree_pairs(&old, &new).unwrap();
        let got: Vec<_> = pairs
            .iter()
            .map(|p| {
                format!(
                    "{} {} {}",
                    p.name.display(),
                    p.old.is_some(),
                    p.new.is_some()
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                "a/x.txt.csv true true",
                "b.txt.csv true false",
                "c.jsonl/1.csv false true"
            ]
        );
    }
}
