//! How the binary tells a person what failed: one line on stderr, the cause chain after it.

use std::io::{self, Write};

/// Prints `whosaid: message: cause` on stderr; a closed stderr is no reason to panic.
pub fn report(err: &anyhow::Error) {
    let _ = writeln!(io::stderr(), "whosaid: {err:#}");
}

/// Reports what the reader noticed about a document (a page with no article found).
pub fn warn(doc: &whosaid::Document) {
    if let Some(warning) = &doc.warning {
        let _ = writeln!(io::stderr(), "whosaid: {}: warning: {warning}", doc.id);
    }
}

/// Whether the reader of our output went away: not a failure, it has what it wanted.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain()
        .filter_map(|e| e.downcast_ref::<io::Error>())
        .any(|e| e.kind() == io::ErrorKind::BrokenPipe)
}
