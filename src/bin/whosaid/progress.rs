//! Progress on stderr while a corpus is extracted: documents done, MB/s and time left.
//! Only on a terminal and without `--quiet`: a pipe or a log file gets nothing.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

pub struct Progress {
    bar: Option<ProgressBar>,
}

impl Progress {
    /// A bar sized by the bytes of the input files (for `.gz`, their compressed size: the
    /// time left is an estimate either way).
    pub fn new(inputs: &[PathBuf], quiet: bool) -> Progress {
        if quiet || !std::io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let total: u64 = inputs.iter().map(|p| size_of(p)).sum();
        let bar = ProgressBar::new(total.max(1));
        let style = ProgressStyle::with_template(
            "{spinner} {msg} docs  {bytes}/{total_bytes}  {bytes_per_sec}  {eta} left",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress { bar: Some(bar) }
    }

    /// `done` documents written, `read` bytes of input consumed.
    pub fn update(&self, done: usize, read: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(read);
            bar.set_message(done.to_string());
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn size_of(path: &Path) -> u64 {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => std::fs::read_dir(path)
            .map(|entries| entries.flatten().map(|e| size_of(&e.path())).sum())
            .unwrap_or(0),
        _ => 0,
    }
}
