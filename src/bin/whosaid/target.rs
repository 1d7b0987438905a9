//! `-o FILE`: an output written whole or not at all.
//!
//! A run that fails half-way must not leave half a file where a complete one was, so output
//! goes to a temporary file beside the target and is renamed over it at the end; a bad path
//! fails before any work, when the target is created.

use anyhow::{Context, Result};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// An output file, written whole or not at all: a temporary file beside it, renamed at
/// the end.
pub struct Target {
    pub path: PathBuf,
    pub file: tempfile::NamedTempFile,
}

impl Target {
    /// The target of `-o PATH`; `None`, for stdout, without one or for `-`.
    pub fn for_arg(path: Option<&Path>) -> Result<Option<Target>> {
        match path {
            Some(path) if path.as_os_str() != "-" => Target::create(path).map(Some),
            _ => Ok(None),
        }
    }

    pub fn create(path: &Path) -> Result<Target> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let fail = || format!("cannot create {}", path.display());
        if path.is_dir() {
            anyhow::bail!("cannot create {}: it is a directory", path.display());
        }
        if !dir.is_dir() {
            anyhow::bail!(
                "cannot create {}: directory {} does not exist",
                path.display(),
                dir.display()
            );
        }
        let mut builder = tempfile::Builder::new();
        builder.prefix(".whosaid-");
        // NamedTempFile is private (0600) by default; give the result the usual mode.
        #[cfg(unix)]
        builder.permissions(
            <std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666),
        );
        let file = builder.tempfile_in(dir).with_context(fail)?;
        Ok(Target {
            path: path.to_path_buf(),
            file,
        })
    }

    pub fn persist(self) -> Result<()> {
        let path = self.path;
        self.file
            .persist(&path)
            .map_err(|err| err.error)
            .with_context(|| format!("cannot write {}", path.display()))?;
        Ok(())
    }
}

/// Where output goes: the target's temporary file, else stdout.
pub fn writer(target: Option<&Target>) -> Box<dyn Write + '_> {
    match target {
        Some(target) => Box::new(target.file.as_file()),
        None => Box::new(io::stdout().lock()),
    }
}
