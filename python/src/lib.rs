//! `whosaid._native`, the compiled half of the Python package: documents in, one dict per
//! attribution out, with the keys of the CSV columns and the values the command line writes.
//!
//! Rows come from the library's own row rendering ([`whosaid::output::row_fields`]), so a
//! dict carries exactly the cells of the CLI's JSONL row; the quotation, `text` there, is
//! `quote` here as in the CSV header, and the document id is `doc`. Four keys are added for
//! Python: `start_char`, `end_char`, `speaker_start_char` and `speaker_end_char`, the same
//! offsets counted in characters (code points), which is what Python's `str` indexes:
//! `text[row["start_char"]:row["end_char"]] == row["quote"]`, while `start`/`end` stay byte
//! offsets into the UTF-8 text as in the CLI's output.
//!
//! [`extract_many`] works like the binary's pipeline: documents are taken from the Python
//! iterable in bounded batches (the GIL held only to copy their text out), extracted on a
//! pool of `jobs` threads with the GIL released, and turned into dicts in input order while
//! the pool works on the next batch. No panic reaches Python: a panic in extraction is
//! caught and raised as `WhosaidError` naming the document.

use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::PathBuf;
use whosaid::output::{row_fields, Cell, CSV_HEADER};
use whosaid::{Attribution, Document, Extractor};

pyo3::create_exception!(
    whosaid,
    WhosaidError,
    PyException,
    "An error of whosaid's own: a bad entity table, a document extraction could not handle."
);

/// A batch ends at this many documents or this much text, whichever comes first: the
/// binary's bounds, so memory stays flat on any number of documents.
const BATCH_DOCS: usize = 256;
const BATCH_BYTES: usize = 32 << 20;

/// The extra keys of a row: the byte offsets of the row counted in characters.
const CHAR_KEYS: [&str; 4] = [
    "start_char",
    "end_char",
    "speaker_start_char",
    "speaker_end_char",
];

/// A table of people and organisations to resolve speakers against (the CSV that
/// `whosaid extract --entities` reads: `id,name,kind,aliases,title,affiliation`).
#[pyclass(frozen, module = "whosaid")]
struct EntityTable {
    /// An extractor holding the table: built once, so each call shares it.
    extractor: Extractor,
    path: PathBuf,
    len: usize,
    warnings: Vec<String>,
}

#[pymethods]
impl EntityTable {
    /// Reads the table at `path`; a bad table raises `WhosaidError` naming the file and line.
    #[staticmethod]
    fn from_csv(py: Python<'_>, path: PathBuf) -> PyResult<EntityTable> {
        let table = py
            .allow_threads(|| whosaid::EntityTable::from_path(&path))
            .map_err(|err| WhosaidError::new_err(message(&err)))?;
        Ok(EntityTable {
            len: table.entities().len(),
            warnings: table.warnings().to_vec(),
            extractor: Extractor::builder().entities(table).build(),
            path,
        })
    }

    /// What reading the table warned about (two entries sharing an alias).
    #[getter]
    fn warnings(&self) -> Vec<String> {
        self.warnings.clone()
    }

    fn __len__(&self) -> usize {
        self.len
    }

    fn __repr__(&self) -> String {
        format!(
            "EntityTable.from_csv({:?}) ({} entities)",
            self.path.display().to_string(),
            self.len
        )
    }
}

/// A document after extraction: its attributions and their character offsets, or an error.
type Extracted = PyResult<(Document, Vec<Attribution>, Vec<[Option<usize>; 4]>)>;

/// The rows of one document, in text order: one dict per quotation (or per piece of one
/// split by its cue), with the keys of `whosaid.COLUMNS`.
///
/// `start`/`end` are byte offsets into the UTF-8 text, as the command line writes them;
/// `start_char`/`end_char` index the `str`. `doc` is `id` (an int is written in decimal),
/// or None without one. The GIL is released while the text is read.
///
/// Raises TypeError when `text` is not a str (decode bytes first) or `id` is neither str
/// nor int, ValueError for a str with no UTF-8 form (a lone surrogate).
#[pyfunction]
#[pyo3(signature = (text, *, id=None, entities=None))]
fn extract<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    id: Option<&Bound<'py, PyAny>>,
    entities: Option<&EntityTable>,
) -> PyResult<Bound<'py, PyList>> {
    let text = text_of(text, 0)?;
    let doc_id = match id {
        Some(id) => Some(id_of(id, 0)?),
        None => None,
    };
    let extractor = extractor_of(entities);
    let doc = Document::new(doc_id.clone().unwrap_or_default(), text);
    let done = py.allow_threads(|| extract_one(&extractor, doc));
    let rows = PyList::empty(py);
    append_rows(py, &Keys::new(py)?, &rows, done?, doc_id.is_some())?;
    Ok(rows)
}

/// The rows of many documents, documents in input order and rows in text order: the rows
/// `whosaid extract` writes for the same documents, in the same order, for any `jobs`.
///
/// Documents are extracted on `jobs` threads (default: one per core) with the GIL
/// released, taken from `texts` (any iterable of str) in bounded batches. `ids` must have
/// one str or int per text (ValueError otherwise); without it, `doc` is each text's
/// position as a string ("0", "1", ...).
#[pyfunction]
#[pyo3(signature = (texts, *, ids=None, jobs=None, entities=None))]
fn extract_many<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyAny>,
    ids: Option<&Bound<'py, PyAny>>,
    jobs: Option<usize>,
    entities: Option<&EntityTable>,
) -> PyResult<Bound<'py, PyList>> {
    if texts.is_instance_of::<PyString>() {
        return Err(PyTypeError::new_err(
            "texts must be an iterable of str, not a str (use extract for one document)",
        ));
    }
    if ids.is_some_and(|ids| ids.is_instance_of::<PyString>()) {
        return Err(PyTypeError::new_err(
            "ids must be an iterable of str or int, not a str",
        ));
    }
    if jobs == Some(0) {
        return Err(PyValueError::new_err("jobs must be at least 1"));
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|err| WhosaidError::new_err(format!("cannot start worker threads: {err}")))?;
    let extractor = extractor_of(entities);
    let mut texts = texts.try_iter()?;
    let mut ids = ids.map(|ids| ids.try_iter()).transpose()?;
    let rows = PyList::empty(py);
    let keys = Keys::new(py)?;
    let mut read = 0;
    let mut batch = next_batch(&mut texts, ids.as_mut(), &mut read)?;
    let mut extracted: Option<Vec<Extracted>> = None;
    while !batch.is_empty() || extracted.is_some() {
        // The pool extracts this batch while this thread, holding the GIL, turns the one
        // before into dicts and copies the next one out of Python.
        let work = std::mem::take(&mut batch);
        let (done, next) = std::thread::scope(|scope| -> PyResult<_> {
            let worker = (!work.is_empty()).then(|| {
                let (pool, extractor) = (&pool, &extractor);
                scope.spawn(move || {
                    pool.install(|| {
                        work.into_par_iter()
                            .map(|(id, text)| extract_one(extractor, Document::new(id, text)))
                            .collect::<Vec<_>>()
                    })
                })
            });
            let mut result = Ok(());
            if let Some(done) = extracted.take() {
                result = done
                    .into_iter()
                    .try_for_each(|item| append_rows(py, &keys, &rows, item?, true));
            }
            let next = result.and_then(|()| next_batch(&mut texts, ids.as_mut(), &mut read));
            // Joined whatever happened above, so that no thread outlives an error.
            let done = py
                .allow_threads(|| worker.map(|w| w.join()).transpose())
                .map_err(|_| WhosaidError::new_err("a worker thread panicked"))?;
            Ok((done, next?))
        })?;
        extracted = done;
        batch = next;
    }
    if let Some(ids) = ids.as_mut() {
        if let Some(extra) = ids.next() {
            extra?;
            return Err(PyValueError::new_err(format!(
                "ids has more items than texts ({read})"
            )));
        }
    }
    Ok(rows)
}

/// The next ids and texts to extract together, copied out of Python; `read` counts the
/// texts taken so far.
fn next_batch(
    texts: &mut Bound<'_, pyo3::types::PyIterator>,
    mut ids: Option<&mut Bound<'_, pyo3::types::PyIterator>>,
    read: &mut usize,
) -> PyResult<Vec<(String, String)>> {
    let mut batch = Vec::new();
    let mut bytes = 0;
    while batch.len() < BATCH_DOCS && bytes < BATCH_BYTES {
        let Some(text) = texts.next() else {
            break;
        };
        let at = *read;
        let text = text_of(&text?, at)?;
        let id = match ids.as_deref_mut() {
            None => at.to_string(),
            Some(ids) => match ids.next() {
                Some(id) => id_of(&id?, at)?,
                None => {
                    return Err(PyValueError::new_err(format!(
                        "ids has fewer items than texts: no id for text {at}"
                    )))
                }
            },
        };
        bytes += text.len();
        // A Document is made on the workers: finding its body scans the text.
        batch.push((id, text));
        *read += 1;
    }
    Ok(batch)
}

/// The UTF-8 copy of a text; anything but a `str` is a `TypeError`.
fn text_of(text: &Bound<'_, PyAny>, at: usize) -> PyResult<String> {
    let Ok(s) = text.downcast::<PyString>() else {
        let kind = text.get_type().name()?;
        let hint = if kind == "bytes" {
            " (decode bytes first, e.g. b.decode(\"utf-8\"))"
        } else {
            ""
        };
        return Err(PyTypeError::new_err(format!(
            "text {at} is {kind}, not str{hint}"
        )));
    };
    // A str with a lone surrogate has no UTF-8 form.
    s.extract::<String>()
        .map_err(|err| PyValueError::new_err(format!("text {at} is not valid Unicode: {err}")))
}

/// A document id from a `str` or an `int`, as the binary takes a JSONL id (a number is
/// written in decimal).
fn id_of(id: &Bound<'_, PyAny>, at: usize) -> PyResult<String> {
    if let Ok(s) = id.downcast::<PyString>() {
        return s
            .extract::<String>()
            .map_err(|err| PyValueError::new_err(format!("id {at} is not valid Unicode: {err}")));
    }
    if id.is_instance_of::<pyo3::types::PyInt>() && !id.is_instance_of::<pyo3::types::PyBool>() {
        return Ok(id.str()?.to_string());
    }
    let kind = id.get_type().name()?;
    Err(PyTypeError::new_err(format!(
        "id {at} is {kind}, not str or int"
    )))
}

fn extractor_of(entities: Option<&EntityTable>) -> Extractor {
    entities.map_or_else(Extractor::new, |t| t.extractor.clone())
}

/// Extracts `doc` and counts its offsets in characters; a panic in the library becomes an
/// error naming the document rather than an abort of the interpreter.
fn extract_one(extractor: &Extractor, doc: Document) -> Extracted {
    let found = catch_unwind(AssertUnwindSafe(|| extractor.extract(&doc)));
    let attributions = found.map_err(|_| {
        WhosaidError::new_err(format!(
            "{}: extraction failed (a bug in whosaid: please report it with this document)",
            doc.id
        ))
    })?;
    let chars = char_offsets(&doc.text, &attributions);
    Ok((doc, attributions, chars))
}

/// The character offsets of each attribution's `start`, `end`, `speaker_start` and
/// `speaker_end`: one pass over the text for the whole document.
fn char_offsets(text: &str, attributions: &[Attribution]) -> Vec<[Option<usize>; 4]> {
    let bytes_of = |a: &Attribution| {
        let mention = a.speaker.mention;
        [
            Some(a.quote.start),
            Some(a.quote.end),
            mention.map(|m| m.start),
            mention.map(|m| m.end),
        ]
    };
    if text.is_ascii() {
        return attributions.iter().map(bytes_of).collect();
    }
    let mut wanted: Vec<usize> = attributions.iter().flat_map(bytes_of).flatten().collect();
    wanted.sort_unstable();
    wanted.dedup();
    // Characters are counted by their first bytes: every byte that is not a continuation
    // byte (0b10xx_xxxx) starts one.
    let mut counted = Vec::with_capacity(wanted.len());
    let (mut at, mut chars) = (0, 0);
    for &offset in &wanted {
        let upto = offset.min(text.len());
        chars += text.as_bytes()[at..upto]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count();
        at = upto;
        counted.push(chars);
    }
    let char_of = |byte: usize| counted[wanted.partition_point(|&w| w < byte)];
    attributions
        .iter()
        .map(|a| bytes_of(a).map(|b| b.map(char_of)))
        .collect()
}

/// The keys of a row as Python strings, made once per call rather than once per row, with
/// where each CSV column is among the library's fields.
struct Keys<'py> {
    doc: Bound<'py, PyString>,
    /// The CSV columns after `doc`, each with the index of its field in [`row_fields`].
    columns: Vec<(Bound<'py, PyString>, usize)>,
    chars: Vec<Bound<'py, PyString>>,
}

impl<'py> Keys<'py> {
    fn new(py: Python<'py>) -> PyResult<Self> {
        // The field keys are the library's and fixed; any row gives them.
        let doc = Document::new("", "x");
        let a = Attribution {
            quote: whosaid::Span::new(0, 1),
            kind: whosaid::QuoteKind::Direct,
            speaker: Default::default(),
            cue: None,
            attribution: 1,
            rule: whosaid::Rule::QuoteSpeakerVerb,
        };
        let fields = row_fields(&doc, &a).map_err(|err| WhosaidError::new_err(err.to_string()))?;
        let columns = CSV_HEADER[1..]
            .iter()
            .map(|column| {
                // The quotation is `text` in the JSONL row and `quote` in the CSV header.
                let key = if *column == "quote" { "text" } else { column };
                let at = fields.iter().position(|(k, _)| *k == key).ok_or_else(|| {
                    WhosaidError::new_err(format!("no field for column {column}"))
                })?;
                Ok((PyString::intern(py, column), at))
            })
            .collect::<PyResult<_>>()?;
        Ok(Keys {
            doc: PyString::intern(py, CSV_HEADER[0]),
            columns,
            chars: CHAR_KEYS.iter().map(|k| PyString::intern(py, k)).collect(),
        })
    }
}

/// Appends the dicts of one extracted document to `rows`, keys in CSV column order;
/// `doc` is `None` when the document was given no id.
fn append_rows<'py>(
    py: Python<'py>,
    keys: &Keys<'py>,
    rows: &Bound<'py, PyList>,
    (doc, attributions, chars): (Document, Vec<Attribution>, Vec<[Option<usize>; 4]>),
    has_id: bool,
) -> PyResult<()> {
    let id = has_id.then(|| PyString::new(py, &doc.id));
    for (a, chars) in attributions.iter().zip(&chars) {
        let fields = row_fields(&doc, a).map_err(|err| WhosaidError::new_err(err.to_string()))?;
        let row = PyDict::new(py);
        row.set_item(&keys.doc, &id)?;
        for (name, at) in &keys.columns {
            match fields[*at].1 {
                Cell::Text(text) => row.set_item(name, text)?,
                Cell::Number(n) => row.set_item(name, n)?,
            }
        }
        for (name, n) in keys.chars.iter().zip(chars) {
            row.set_item(name, n)?;
        }
        rows.append(row)?;
    }
    Ok(())
}

/// An error and its causes, `: `-separated, as the binary prints them.
fn message(err: &dyn std::error::Error) -> String {
    let mut msg = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        msg.push_str(": ");
        msg.push_str(&cause.to_string());
        source = cause.source();
    }
    msg
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(extract, m)?)?;
    m.add_function(wrap_pyfunction!(extract_many, m)?)?;
    m.add_class::<EntityTable>()?;
    m.add("WhosaidError", m.py().get_type::<WhosaidError>())?;
    m.add("COLUMNS", columns())?;
    Ok(())
}

/// The keys of every row, in order: the CSV columns, then the character offsets.
fn columns() -> Vec<&'static str> {
    CSV_HEADER.iter().chain(&CHAR_KEYS).copied().collect()
}

// Extraction allocates many small vectors per sentence; glibc's arenas serialise the
// workers on them, as they did in the binary.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
