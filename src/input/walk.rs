//! The walk of a directory: its files in path order, the same on every machine.
//!
//! Entries are sorted by path; hidden entries (`.name`) are skipped, and so are symbolic links
//! to directories (a link could make the walk loop) and dangling ones, which no one asked for by
//! name; links to files are followed. A directory that cannot be listed is an error in its
//! place, and the walk goes on with the rest.

use crate::error::{Error, Result};
use std::fs;
use std::path::{Path, PathBuf};

/// The files under a directory, in path order: see [`walk`].
#[derive(Debug)]
pub struct Walk {
    /// The directory to list when the walk starts.
    root: Option<PathBuf>,
    /// Directories being walked: the rest of each one's sorted listing, innermost last.
    stack: Vec<std::vec::IntoIter<Entry>>,
    keep: fn(&Path) -> bool,
}

#[derive(Debug)]
struct Entry {
    path: PathBuf,
    is_dir: bool,
}

/// The files under `dir` for which `keep` is true ([`is_article`](super::is_article) for inputs), walked
/// recursively in path order so that runs are deterministic.
///
/// Each path is `dir` joined with the names walked. Hidden entries (`.name`) are skipped,
/// and so are symbolic links to directories, so that a link loop cannot trap the walk;
/// links to files are followed. A directory is listed only when the walk reaches it, and
/// one that cannot be listed is an `Err` in its place, after which the walk goes on.
///
/// ```
/// use whosaid::input::{is_article, walk};
///
/// let dir = tempfile::tempdir().unwrap();
/// for name in ["b.txt", "a/z.md", "c.pdf", ".hidden.txt"] {
///     let path = dir.path().join(name);
///     std::fs::create_dir_all(path.parent().unwrap()).unwrap();
///     std::fs::write(path, "x").unwrap();
/// }
/// let found: Vec<_> = walk(dir.path(), is_article).map(Result::unwrap).collect();
/// assert_eq!(found, [dir.path().join("a/z.md"), dir.path().join("b.txt")]);
/// ```
pub fn walk(dir: impl Into<PathBuf>, keep: fn(&Path) -> bool) -> Walk {
    Walk {
        root: Some(dir.into()),
        stack: Vec::new(),
        keep,
    }
}

impl Iterator for Walk {
    type Item = Result<PathBuf>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(root) = self.root.take() {
            if let Err(err) = self.enter(&root) {
                return Some(Err(err));
            }
        }
        loop {
            let listing = self.stack.last_mut()?;
            match listing.next() {
                Some(Entry { path, is_dir: true }) => {
                    if let Err(err) = self.enter(&path) {
                        return Some(Err(err));
                    }
                }
                Some(Entry {
                    path,
                    is_dir: false,
                }) => return Some(Ok(path)),
                None => {
                    self.stack.pop();
                }
            }
        }
    }
}

impl Walk {
    /// Pushes the sorted listing of directory `dir` on the walk.
    fn enter(&mut self, dir: &Path) -> Result<()> {
        let read = |source| Error::Read {
            path: dir.to_path_buf(),
            source,
        };
        let mut entries = Vec::new();
        for entry in fs::read_dir(dir).map_err(read)? {
            let entry = entry.map_err(read)?;
            let name = entry.file_name();
            if name.as_encoded_bytes().starts_with(b".") {
                continue;
            }
            let path = dir.join(&name);
            let file_type = entry.file_type().map_err(read)?;
            let is_dir = if file_type.is_symlink() {
                // Follow links to files; skip links to directories (and dangling ones, which
                // a walk did not ask for by name).
                match fs::metadata(&path) {
                    Ok(meta) if meta.is_file() => false,
                    _ => continue,
                }
            } else {
                file_type.is_dir()
            };
            if is_dir || (self.keep)(&path) {
                entries.push(Entry { path, is_dir });
            }
        }
        entries.sort_unstable_by(|a, b| a.path.cmp(&b.path));
        self.stack.push(entries.into_iter());
        Ok(())
    }
}
