//! Inputs: from command-line arguments to a stream of [`Document`]s.
//!
//! This is the first stage of the pipeline. An [`Input`] is a file, a directory or stdin
//! (`-`); a [`Reader`] turns a list of them into [`Documents`], an iterator of
//! `Result<Document, Error>`. A bad input becomes one `Err` in the stream, in the place its
//! documents would have been, and the stream goes on with the next one: the caller reports
//! it and keeps working, so one unreadable file never stops a run.
//!
//! What becomes a document:
//!
//! * a plain-text or Markdown file is one document whose id is the path as given (for files
//!   found in a directory, the directory joined with the path walked, e.g.
//!   `data/articles/000_x.txt`); an empty file gives none;
//! * a `.jsonl` file gives one document per line, an object with an id field (a string or a
//!   number) and a text field, named `id` and `text` unless [`Reader::id_field`] and
//!   [`Reader::text_field`] say otherwise; blank lines are skipped, and a bad line is an
//!   error naming the file and the 1-based line, after which the other lines still come;
//! * a directory is walked recursively in path order (so runs are deterministic), taking
//!   `.txt`, `.md`, `.markdown`, `.html`, `.htm` and `.jsonl` files (an HTML page is read as its
//!   article's text, with a map back to the page: see [`crate::html`]); hidden entries (`.name`) and symbolic
//!   links to directories are skipped, the latter so that a link loop cannot trap the walk
//!   ([`walk`] is that walk on its own, for other trees);
//! * any of these compressed as `name.gz` is decompressed on the fly; a truncated stream is
//!   an error naming the file, after the documents read before the damage;
//! * stdin (`-`) is JSONL when its first non-blank byte is `{`, otherwise one document with
//!   id `-`.
//!
//! A file named explicitly is read whatever its extension: as JSONL when it ends in
//! `.jsonl` (or `.jsonl.gz`), otherwise as [`InputFormat`] says: by default a page when it
//! is named `.html`/`.htm` or opens like one (stdin and JSONL texts too), Markdown when named
//! `.md`/`.markdown`, plain text else. UTF-16 (by its byte-order mark) and a page in a
//! declared charset other than UTF-8 are errors naming the file: offsets index the bytes as
//! read, so whosaid does not transcode.
//!
//! Memory stays bounded by the largest single document: JSONL is read one line at a time
//! and decoded only after the line is complete, so invalid UTF-8 in one line is reported
//! for that line alone. Plain-text files are read whole, as a document must be anyway.
//!
//! ```
//! use whosaid::input::{Input, Reader};
//!
//! let dir = tempfile::tempdir().unwrap();
//! std::fs::write(dir.path().join("a.txt"), "Plain text.").unwrap();
//! std::fs::write(dir.path().join("b.jsonl"), "{\"id\": 7, \"text\": \"One.\"}\n\nnot json\n").unwrap();
//!
//! let docs: Vec<_> = Reader::new().documents([Input::Path(dir.path().into())]).collect();
//! assert_eq!(docs[0].as_ref().unwrap().text, "Plain text.");
//! assert_eq!(docs[1].as_ref().unwrap().id, "7");
//! assert!(docs[2].as_ref().unwrap_err().to_string().contains("b.jsonl:3: bad JSONL record"));
//! assert_eq!(docs.len(), 3);
//! ```

use crate::document::Document;
use crate::error::{Error, Result};
use flate2::read::MultiGzDecoder;
use std::collections::VecDeque;
use std::ffi::OsStr;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod format;
pub(crate) mod jsonl;
mod walk;

pub use format::InputFormat;
use jsonl::{JsonLine, JsonlLines};
pub use walk::{walk, Walk};

/// Extensions taken from a directory walk (each also with a further `.gz`). File types, not
/// words of a language: they stay here, beside the walk, not in `grammar/`.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "jsonl", "html", "htm"];

const BUFFER: usize = 64 * 1024;

/// Where documents come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// Standard input, written `-` on the command line.
    Stdin,
    /// A file or a directory.
    Path(PathBuf),
}

impl Input {
    /// `-` is stdin; anything else is a path.
    pub fn from_arg(arg: impl Into<PathBuf>) -> Input {
        let path = arg.into();
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(path)
        }
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Input::Stdin => f.write_str("-"),
            Input::Path(path) => path.display().fmt(f),
        }
    }
}

/// Reads inputs into documents; configure once, then call [`Reader::documents`].
#[derive(Clone, Debug)]
pub struct Reader {
    fields: Fields,
}

#[derive(Clone, Debug)]
struct Fields {
    id: String,
    text: String,
    format: InputFormat,
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            fields: Fields {
                id: "id".into(),
                text: "text".into(),
                format: InputFormat::Auto,
            },
        }
    }
}

impl Reader {
    pub fn new() -> Self {
        Reader::default()
    }

    /// The JSONL field holding a document's id (default `id`).
    pub fn id_field(mut self, name: impl Into<String>) -> Self {
        self.fields.id = name.into();
        self
    }

    /// The JSONL field holding a document's text (default `text`).
    pub fn text_field(mut self, name: impl Into<String>) -> Self {
        self.fields.text = name.into();
        self
    }

    /// How to read every input's text (default [`InputFormat::Auto`]: by extension, then by
    /// content).
    pub fn input_format(mut self, format: InputFormat) -> Self {
        self.fields.format = format;
        self
    }

    /// The documents of `inputs`, in order; nothing is opened until the iterator asks.
    pub fn documents(&self, inputs: impl IntoIterator<Item = Input>) -> Documents {
        Documents {
            pending: inputs.into_iter().collect(),
            walk: None,
            jsonl: None,
            path: PathBuf::new(),
            consumed: 0,
            fields: Arc::new(self.fields.clone()),
        }
    }
}

/// The documents of a list of inputs, with an `Err` in place of each one that failed.
pub struct Documents {
    pending: VecDeque<Input>,
    /// The directory input being walked, if any.
    walk: Option<Walk>,
    /// The JSONL stream being read, if any.
    jsonl: Option<JsonlLines>,
    /// The file opened last: where the document last returned came from.
    path: PathBuf,
    /// Shared with each JSONL line read, which decodes itself.
    fields: Arc<Fields>,
    /// Bytes of input consumed by files finished, for progress reports.
    consumed: u64,
}

impl fmt::Debug for Documents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Documents")
            .field("pending", &self.pending)
            .field("reading", &self.jsonl.as_ref().map(|j| j.path()))
            .finish_non_exhaustive()
    }
}

/// What one step of the walk produced.
enum Step {
    Document(Document),
    /// A JSONL stream to read from now on.
    Jsonl(JsonlLines),
    /// Nothing to yield (an empty file, a directory pushed on the walk).
    Nothing,
}

/// A document as read, before the work that can wait for a worker thread: a JSONL line is
/// only split off the stream, and decoded by [`Record::into_document`], so that the thread
/// reading a corpus moves bytes and nothing more (see [`Documents::next_record`]).
pub struct Record(Readout);

enum Readout {
    Document(Document),
    Line(JsonLine),
}

impl Record {
    /// The document, or the error decoding it gave (naming the file and line).
    pub fn into_document(self) -> Result<Document> {
        match self.0 {
            Readout::Document(doc) => Ok(doc),
            Readout::Line(line) => line.decode(),
        }
    }

    /// About the bytes of text it holds: what a batch of records is measured in.
    pub fn len(&self) -> usize {
        match &self.0 {
            Readout::Document(doc) => doc.text.len(),
            Readout::Line(line) => line.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_record()
            .map(|record| record.and_then(Record::into_document))
    }
}

impl Documents {
    /// The next record, or an error in place of an input that could not be read: what
    /// [`Iterator::next`] gives, with JSONL lines left to decode, by any thread.
    pub fn next_record(&mut self) -> Option<Result<Record>> {
        loop {
            if let Some(jsonl) = &mut self.jsonl {
                match jsonl.next_line(&self.fields) {
                    Some(item) => return Some(item.map(|line| Record(Readout::Line(line)))),
                    None => {
                        self.consumed += jsonl.bytes_read();
                        self.jsonl = None;
                    }
                }
            }
            let step = if let Some(found) = self.walk.as_mut().and_then(Iterator::next) {
                found.and_then(|path| self.open_file(path))
            } else if let Some(input) = self.pending.pop_front() {
                match input {
                    Input::Stdin => {
                        self.path = PathBuf::from("-");
                        open_stdin(self.fields.format)
                    }
                    Input::Path(path) => match fs::metadata(&path) {
                        Ok(meta) if meta.is_dir() => {
                            self.walk = Some(walk(path, is_article));
                            Ok(Step::Nothing)
                        }
                        Ok(_) => self.open_file(path),
                        Err(source) => Err(Error::Read { path, source }),
                    },
                }
            } else {
                return None;
            };
            match step {
                Ok(Step::Document(doc)) => {
                    self.consumed += doc.text.len() as u64;
                    return Some(Ok(Record(Readout::Document(doc))));
                }
                Ok(Step::Jsonl(jsonl)) => self.jsonl = Some(jsonl),
                Ok(Step::Nothing) => {}
                Err(err) => return Some(Err(err)),
            }
        }
    }
}

impl Documents {
    /// Bytes of input read so far (decompressed, for `.gz`): what progress is measured in.
    pub fn bytes_read(&self) -> u64 {
        self.consumed + self.jsonl.as_ref().map_or(0, |j| j.bytes_read())
    }

    /// The file the document last returned came from (`-` for stdin): for a JSONL file, the
    /// file of the record, not the record's id. What `--snapshot` names its files after.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_file(&mut self, path: PathBuf) -> Result<Step> {
        self.path.clone_from(&path);
        open_file(path, self.fields.format)
    }
}

/// True for the files a directory walk takes: see [`EXTENSIONS`].
pub fn is_article(path: &Path) -> bool {
    let (_, inner) = compression(path);
    inner
        .extension()
        .and_then(OsStr::to_str)
        .is_some_and(|ext| EXTENSIONS.iter().any(|e| e.eq_ignore_ascii_case(ext)))
}

/// Whether `path` is gzipped, and the path with `.gz` taken off.
fn compression(path: &Path) -> (bool, &Path) {
    let gz = path
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("gz"));
    match path.file_stem() {
        Some(stem) if gz => (true, Path::new(stem)),
        _ => (false, path),
    }
}

/// Whether `path` is read as JSONL: its name ends in `.jsonl` or `.jsonl.gz`, in any case.
///
/// ```
/// use std::path::Path;
/// use whosaid::input::is_jsonl;
///
/// assert!(is_jsonl(Path::new("news/2024.JSONL.gz")));
/// assert!(!is_jsonl(Path::new("a.txt.gz")));
/// ```
pub fn is_jsonl(path: &Path) -> bool {
    has_extension(path, "jsonl")
}

/// Whether `path`, with a `.gz` taken off, ends in `.ext` (in any case).
pub(crate) fn has_extension(path: &Path, ext: &str) -> bool {
    compression(path)
        .1
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// Opens the file at `path` for reading, through gzip when its name ends in `.gz`: the one
/// place whosaid opens a file it reads (inputs, and outputs for `diff`). A `.gz` stream
/// that ends early is an [`Error::Read`] when it is read, like any other read failure.
pub(crate) fn open(path: &Path) -> Result<Box<dyn BufRead + Send>> {
    open_with(path, BUFFER)
}

/// [`open`] with a read buffer of `capacity` bytes.
pub(crate) fn open_with(path: &Path, capacity: usize) -> Result<Box<dyn BufRead + Send>> {
    let file = File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(if compression(path).0 {
        Box::new(BufReader::with_capacity(
            capacity,
            MultiGzDecoder::new(file),
        ))
    } else {
        Box::new(BufReader::with_capacity(capacity, file))
    })
}

fn open_file(path: PathBuf, format: InputFormat) -> Result<Step> {
    let reader = open(&path)?;
    if is_jsonl(&path) {
        Ok(Step::Jsonl(JsonlLines::new(path, reader)))
    } else {
        read_text(path, reader, format)
    }
}

fn open_stdin(format: InputFormat) -> Result<Step> {
    let path = PathBuf::from("-");
    let mut reader = BufReader::with_capacity(BUFFER, io::stdin());
    let head = match reader.fill_buf() {
        Ok(head) => head,
        Err(source) => return Err(Error::Read { path, source }),
    };
    let first = head
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace());
    if first == Some(&b'{') {
        Ok(Step::Jsonl(JsonlLines::new(path, Box::new(reader))))
    } else {
        read_text(path, reader, format)
    }
}

/// The whole of `reader` as one document named after `path`.
fn read_text(path: PathBuf, mut reader: impl Read, format: InputFormat) -> Result<Step> {
    let mut bytes = Vec::new();
    if let Err(source) = reader.read_to_end(&mut bytes) {
        return Err(Error::Read { path, source });
    }
    if bytes.is_empty() {
        return Ok(Step::Nothing);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let msg = "UTF-16 text (it opens with a UTF-16 byte-order mark); whosaid reads UTF-8: \
                   convert it first (iconv -f UTF-16 -t UTF-8)";
        return Err(Error::Encoding {
            path,
            msg: msg.into(),
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let id = path.to_string_lossy().into_owned();
            let inner = compression(&path).1;
            Ok(Step::Document(format.document(id, Some(inner), text)))
        }
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.as_bytes();
            // A page in another charset says so: name it, which is more help than a byte offset.
            let charset =
                crate::html::declared_charset(bytes).filter(|c| c != "utf-8" && c != "utf8");
            if let Some(charset) = charset {
                let msg = format!(
                    "the page declares charset {charset} and is not UTF-8; whosaid reads UTF-8: \
                     convert it first (iconv -f {charset} -t UTF-8)"
                );
                return Err(Error::Encoding { path, msg });
            }
            let line = 1 + memchr::memchr_iter(b'\n', &bytes[..valid]).count();
            Err(Error::NotUtf8 {
                path,
                line,
                offset: valid as u64,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn jsonl_and_gzip_are_told_by_name_in_any_case() {
        let cases = [
            ("a/News.JSONL", true),
            ("a.jsonl.gz", true),
            ("a.JSONL.GZ", true),
            ("a.txt", false),
            ("a.jsonl.txt", false),
            ("a.txt.gz", false),
        ];
        for (path, jsonl) in cases {
            assert_eq!(is_jsonl(Path::new(path)), jsonl, "{path}");
        }
        assert!(has_extension(Path::new("out.csv.gz"), "csv"));
        assert_eq!(compression(Path::new("a.md.GZ")), (true, Path::new("a.md")));
    }

    /// Ids of the documents, or `error: <message>` for each failure.
    fn read(reader: &Reader, inputs: Vec<Input>) -> Vec<String> {
        reader
            .documents(inputs)
            .map(|item| match item {
                Ok(doc) => format!("{} = {:?}", doc.id, doc.text),
                Err(err) => format!("error: {err}"),
            })
            .collect()
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    /// A temporary directory to work in; the paths in messages are relative to it.
    struct Dir(tempfile::TempDir);

    impl Dir {
        fn new() -> Self {
            Dir(tempfile::tempdir().unwrap())
        }

        fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> &Self {
            let path = self.0.path().join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, bytes).unwrap();
            self
        }

        fn input(&self, name: &str) -> Input {
            Input::Path(self.0.path().join(name))
        }

        /// `lines` with the directory's path taken out.
        fn relative(&self, lines: Vec<String>) -> Vec<String> {
            let prefix = format!("{}/", self.0.path().display());
            lines.iter().map(|l| l.replace(&prefix, "")).collect()
        }
    }

    #[test]
    fn directory_walk_is_sorted_recursive_and_filtered() {
        let d = Dir::new();
        d.write("b.txt", "B")
            .write("a/z.md", "AZ")
            .write("a/y.markdown", "AY")
            .write("a.txt", "A")
            .write("c.pdf", "skipped")
            .write(".hidden.txt", "skipped")
            .write(".git/x.txt", "skipped")
            .write("d.txt.gz", gzip(b"D"))
            .write("e.jsonl", "{\"id\":\"e1\",\"text\":\"E\"}\n");
        let got = d.relative(read(&Reader::new(), vec![d.input("")]));
        assert_eq!(
            got,
            [
                r#"a/y.markdown = "AY""#,
                r#"a/z.md = "AZ""#,
                r#"a.txt = "A""#,
                r#"b.txt = "B""#,
                r#"d.txt.gz = "D""#,
                r#"e1 = "E""#,
            ]
        );
    }

    #[test]
    fn explicit_file_is_read_whatever_its_extension() {
        let d = Dir::new();
        d.write("notes.log", "<p>Hi</p>");
        let got = d.relative(read(&Reader::new(), vec![d.input("notes.log")]));
        assert_eq!(got, [r#"notes.log = "<p>Hi</p>""#]);
    }

    #[test]
    fn html_is_read_as_its_article_text() {
        let d = Dir::new();
        d.write("page.html", "<p>Hi</p>");
        let got = d.relative(read(&Reader::new(), vec![d.input("page.html")]));
        assert_eq!(got, [r#"page.html = "Hi""#]);
    }

    #[test]
    fn jsonl_bad_lines_are_reported_and_the_rest_kept() {
        let d = Dir::new();
        let mut bytes = b"\xEF\xBB\xBF{\"id\": 1, \"text\": \"one\"}\r\n\n   \n".to_vec();
        bytes.extend_from_slice(b"{\"id\": \"2\", \"text\": \"caf\xE9\"}\n"); // line 4: Latin-1
        bytes.extend_from_slice(b"{\"id\": \"3\", \"text\": \"unclosed\n"); // line 5
        bytes.extend_from_slice(b"[1, 2]\n"); // line 6
        bytes.extend_from_slice(b"{\"text\": \"no id\"}\n"); // line 7
        bytes.extend_from_slice(b"{\"id\": \"8\"}\n"); // line 8
        bytes.extend_from_slice(b"{\"id\": {}, \"text\": \"x\"}\n"); // line 9
        bytes.extend_from_slice(b"{\"id\": \"10\", \"text\": 5}\n"); // line 10
        bytes.extend_from_slice(b"{\"id\": \"11\", \"text\": \"last, no newline\"}");
        d.write("c.jsonl", bytes);
        let got = d.relative(read(&Reader::new(), vec![d.input("c.jsonl")]));
        assert_eq!(
            got,
            [
                r#"1 = "one""#,
                "error: c.jsonl:4: not UTF-8 (invalid byte at offset 58)",
                "error: c.jsonl:5: bad JSONL record: EOF while parsing a string at column 29",
                "error: c.jsonl:6: bad JSONL record: invalid type: sequence, expected a JSON object",
                "error: c.jsonl:7: bad JSONL record: no \"id\" field",
                "error: c.jsonl:8: bad JSONL record: no \"text\" field",
                "error: c.jsonl:9: bad JSONL record: field \"id\" is an object, not a string or number",
                "error: c.jsonl:10: bad JSONL record: field \"text\" is a number, not a string",
                r#"11 = "last, no newline""#,
            ]
        );
    }

    #[test]
    fn jsonl_field_names_are_configurable() {
        let d = Dir::new();
        d.write("c.jsonl", "{\"url\": \"u\", \"body\": \"b\", \"id\": 1}\n");
        let reader = Reader::new().id_field("url").text_field("body");
        let got = d.relative(read(&reader, vec![d.input("c.jsonl")]));
        assert_eq!(got, [r#"u = "b""#]);
    }

    #[test]
    fn bad_files_are_reported_and_the_others_read() {
        let d = Dir::new();
        d.write("a.txt", "A")
            .write("bad.txt", b"line one\nline \xFF two")
            .write("empty.txt", "")
            .write("z.txt", "Z");
        let inputs = vec![
            d.input("a.txt"),
            d.input("missing.txt"),
            d.input("bad.txt"),
            d.input("empty.txt"),
            d.input("z.txt"),
        ];
        let got = d.relative(read(&Reader::new(), inputs));
        assert_eq!(got.len(), 4, "{got:#?}");
        assert_eq!(got[0], r#"a.txt = "A""#);
        assert_eq!(got[1], "error: missing.txt: cannot read");
        assert_eq!(
            got[2],
            "error: bad.txt:2: not UTF-8 (invalid byte at offset 14)"
        );
        assert_eq!(got[3], r#"z.txt = "Z""#);
    }

    #[test]
    fn truncated_gzip_keeps_what_came_before() {
        let mut lines = String::new();
        for i in 0..2000 {
            lines.push_str(&format!(
                "{{\"id\": {i}, \"text\": \"Document number {i}.\"}}\n"
            ));
        }
        let whole = gzip(lines.as_bytes());
        let d = Dir::new();
        d.write("t.jsonl.gz", &whole[..whole.len() / 2])
            .write("t.txt.gz", &whole[..whole.len() / 2])
            .write("whole.jsonl.gz", &whole);
        let got = d.relative(read(&Reader::new(), vec![d.input("t.jsonl.gz")]));
        let (last, docs) = got.split_last().unwrap();
        assert!(docs.len() > 100, "{}", docs.len());
        assert!(docs.iter().all(|d| !d.starts_with("error")));
        assert_eq!(last, "error: t.jsonl.gz: cannot read");

        let got = d.relative(read(&Reader::new(), vec![d.input("t.txt.gz")]));
        assert_eq!(got, ["error: t.txt.gz: cannot read"]);

        let got = read(&Reader::new(), vec![d.input("whole.jsonl.gz")]);
        assert_eq!(got.len(), 2000);
    }

    #[test]
    fn unreadable_directory_is_an_error_naming_it() {
        let d = Dir::new();
        d.write("a.txt", "A");
        let got = d.relative(read(&Reader::new(), vec![d.input("a.txt/sub")]));
        assert_eq!(got, ["error: a.txt/sub: cannot read"]);
    }

    #[test]
    fn ids_of_files_are_the_paths_as_given() {
        assert_eq!(Input::from_arg("-"), Input::Stdin);
        assert_eq!(Input::from_arg("./-"), Input::Path("./-".into()));
        let d = Dir::new();
        d.write("sub/x.txt", "X");
        let root = d.0.path().display().to_string();
        let docs: Vec<_> = Reader::new()
            .documents([Input::Path(format!("{root}/sub/").into())])
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(docs[0].id, format!("{root}/sub/x.txt"));
    }
}
