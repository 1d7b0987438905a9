//! `whosaid text`: the text whosaid reads from each input, paragraph by paragraph, so that a
//! user can see why a page gave nothing (the wrong block taken for the article, a
//! paragraph cut in two) before asking why no quotation came out of it.

use crate::args::TextArgs;
use crate::pipeline::documents;
use crate::report::{report, warn};
use anyhow::{Context, Result};
use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

/// Prints `==> id <==`, then each paragraph of the document's body followed by a blank line.
pub fn run(args: TextArgs) -> Result<ExitCode> {
    let documents = documents(&args.read);
    let mut out = BufWriter::new(io::stdout().lock());
    let mut all_read = true;
    for item in documents {
        let doc = match item {
            Ok(doc) => doc,
            Err(err) => {
                all_read = false;
                if !args.quiet {
                    report(&anyhow::Error::from(err));
                }
                continue;
            }
        };
        if !args.quiet {
            warn(&doc);
        }
        writeln!(out, "==> {} <==", doc.id).context("cannot write stdout")?;
        for para in whosaid::document::paragraphs(&doc.text, doc.body.range()) {
            writeln!(out, "{}\n", &doc.text[para.range()]).context("cannot write stdout")?;
        }
    }
    out.flush().context("cannot write stdout")?;
    Ok(ExitCode::from(if all_read { 0 } else { 1 }))
}
