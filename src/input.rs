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
//!   visible article text, masked in place: see [`crate::html`]); hidden entries (`.name`) and symbolic
//!   links to directories are skipped, the latter so that a link loop cannot trap the walk
//!   ([`walk`] is that walk on its own, for other trees);
//! * any of these compressed as `name.gz` is decompressed on the fly; a truncated stream is
//!   an error naming the file, after the documents read before the damage;
//! * stdin (`-`) is JSONL when its first non-blank byte is `{`, otherwise one plain-text
//!   document with id `-`.
//!
//! A file named explicitly is read whatever its extension: as JSONL when it ends in
//! `.jsonl` (or `.jsonl.gz`), as plain text otherwise.
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

/// Extensions taken from a directory walk (each also with a further `.gz`).
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
}

impl Default for Reader {
    fn default() -> Self {
        Reader {
            fields: Fields {
                id: "id".into(),
                text: "text".into(),
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

    /// The documents of `inputs`, in order; nothing is opened until the iterator asks.
    pub fn documents(&self, inputs: impl IntoIterator<Item = Input>) -> Documents {
        Documents {
            pending: inputs.into_iter().collect(),
            walk: None,
            jsonl: None,
            path: PathBuf::new(),
            consumed: 0,
            fields: self.fields.clone(),
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
    fields: Fields,
    /// Bytes of input consumed by files finished, for progress reports.
    consumed: u64,
}

impl fmt::Debug for Documents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Documents")
            .field("pending", &self.pending)
            .field("reading", &self.jsonl.as_ref().map(|j| &j.path))
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

impl Iterator for Documents {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(jsonl) = &mut self.jsonl {
                match jsonl.next_record(&self.fields) {
                    Some(item) => return Some(item),
                    None => {
                        self.consumed += jsonl.offset;
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
                        open_stdin()
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
                    return Some(Ok(doc));
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
        self.consumed
            + self
                .jsonl
                .as_ref()
                .map_or(0, |j| j.offset + j.buf.len() as u64)
    }

    /// The file the document last returned came from (`-` for stdin): for a JSONL file, the
    /// file of the record, not the record's id. What `--snapshot` names its files after.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_file(&mut self, path: PathBuf) -> Result<Step> {
        self.path.clone_from(&path);
        open_file(path)
    }
}

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

/// The files under `dir` for which `keep` is true ([`is_article`] for inputs), walked
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

fn is_jsonl(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("jsonl"))
}

fn open_file(path: PathBuf) -> Result<Step> {
    let file = match File::open(&path) {
        Ok(file) => file,
        Err(source) => return Err(Error::Read { path, source }),
    };
    let (gz, inner) = compression(&path);
    let jsonl = is_jsonl(inner);
    let reader: Box<dyn BufRead + Send> = if gz {
        Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::with_capacity(BUFFER, file))
    };
    if jsonl {
        Ok(Step::Jsonl(JsonlLines::new(path, reader)))
    } else {
        read_text(path, reader)
    }
}

fn open_stdin() -> Result<Step> {
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
        read_text(path, reader)
    }
}

/// The whole of `reader` as one document named after `path`.
fn read_text(path: PathBuf, mut reader: impl Read) -> Result<Step> {
    let mut bytes = Vec::new();
    if let Err(source) = reader.read_to_end(&mut bytes) {
        return Err(Error::Read { path, source });
    }
    if bytes.is_empty() {
        return Ok(Step::Nothing);
    }
    match String::from_utf8(bytes) {
        Ok(text) if crate::html::is_html_path(compression(&path).1) => {
            // Same length as the page, so every offset still indexes the file.
            let visible = crate::html::visible_text(&text);
            Ok(Step::Document(Document::new(
                path.to_string_lossy(),
                visible,
            )))
        }
        Ok(text) => Ok(Step::Document(Document::new(path.to_string_lossy(), text))),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let line = 1 + memchr::memchr_iter(b'\n', &err.as_bytes()[..valid]).count();
            Err(Error::NotUtf8 {
                path,
                line,
                offset: valid as u64,
            })
        }
    }
}

/// A JSONL stream, read one line at a time.
struct JsonlLines {
    path: PathBuf,
    reader: Box<dyn BufRead + Send>,
    /// The 1-based number of the line last read.
    line: usize,
    /// The byte offset where the line last read starts.
    offset: u64,
    buf: Vec<u8>,
}

impl JsonlLines {
    fn new(path: PathBuf, reader: Box<dyn BufRead + Send>) -> Self {
        JsonlLines {
            path,
            reader,
            line: 0,
            offset: 0,
            buf: Vec::new(),
        }
    }

    /// The next document or bad line; `None` at the end of the stream or after a read error.
    fn next_record(&mut self, fields: &Fields) -> Option<Result<Document>> {
        loop {
            self.offset += self.buf.len() as u64;
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => self.line += 1,
                Err(source) => {
                    // Stop here: after a failed read (a damaged .gz) the position is unknown.
                    self.reader = Box::new(io::empty());
                    self.buf.clear();
                    let path = self.path.clone();
                    return Some(Err(Error::Read { path, source }));
                }
            }
            let mut bytes = self.buf.as_slice();
            bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
            bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
            let mut skipped = 0;
            if self.line == 1 {
                if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
                    bytes = rest;
                    skipped = 3;
                }
            }
            let text = match std::str::from_utf8(bytes) {
                Ok(text) => text,
                Err(err) => {
                    return Some(Err(Error::NotUtf8 {
                        path: self.path.clone(),
                        line: self.line,
                        offset: self.offset + skipped + err.valid_up_to() as u64,
                    }))
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(self.parse(text, fields));
        }
    }

    fn parse(&self, line: &str, fields: &Fields) -> Result<Document> {
        use serde_json::Value;
        let bad = |msg: String| Error::JsonLine {
            path: self.path.clone(),
            line: self.line,
            msg,
        };
        let missing = |field: &str| Error::MissingField {
            path: self.path.clone(),
            line: self.line,
            field: field.to_owned(),
        };
        let mut de = serde_json::Deserializer::from_str(line);
        let wanted = Wanted {
            id: &fields.id,
            text: &fields.text,
        };
        let (id, text) = serde::de::DeserializeSeed::deserialize(wanted, &mut de)
            .and_then(|found| de.end().map(|()| found))
            .map_err(|err| bad(json_message(&err)))?;
        let id = match id.as_ref() {
            Some(Value::String(id)) => id.clone(),
            Some(Value::Number(id)) => id.to_string(),
            None | Some(Value::Null) => return Err(missing(&fields.id)),
            Some(other) => {
                return Err(bad(format!(
                    "field {:?} is {}, not a string or number",
                    fields.id,
                    json_type(other)
                )))
            }
        };
        match text {
            Some(Value::String(text)) => Ok(Document::new(id, text)),
            None | Some(Value::Null) => Err(missing(&fields.text)),
            Some(other) => Err(bad(format!(
                "field {:?} is {}, not a string",
                fields.text,
                json_type(&other)
            ))),
        }
    }
}

/// The two fields of a JSONL record that make a document; every other field is skipped
/// unparsed, so a record's annotations (often larger than its text) cost no allocation.
struct Wanted<'f> {
    id: &'f str,
    text: &'f str,
}

type WantedFields = (Option<serde_json::Value>, Option<serde_json::Value>);

impl<'de> serde::de::DeserializeSeed<'de> for Wanted<'_> {
    type Value = WantedFields;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        de: D,
    ) -> std::result::Result<WantedFields, D::Error> {
        de.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for Wanted<'_> {
    type Value = WantedFields;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<WantedFields, A::Error> {
        let (mut id, mut text) = (None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.text {
                text = Some(map.next_value()?);
            } else if key == self.id {
                id = Some(map.next_value()?);
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok((id, text))
    }
}

/// serde_json's message with its "line 1" (always 1: it sees one line) left out, and the
/// column kept when it has one (type errors have none: they report column 0).
fn json_message(err: &serde_json::Error) -> String {
    let mut msg = err.to_string();
    if err.line() > 0 {
        if let Some(at) = msg.rfind(" at line ") {
            msg.truncate(at);
        }
        if err.column() > 0 {
            msg = format!("{msg} at column {}", err.column());
        }
    }
    msg
}

fn json_type(value: &serde_json::Value) -> &'static str {
    use serde_json::Value;
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

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
    fn html_is_masked_to_its_visible_text_at_the_same_offsets() {
        let d = Dir::new();
        d.write("page.html", "<p>Hi</p>");
        let got = d.relative(read(&Reader::new(), vec![d.input("page.html")]));
        assert_eq!(got, [r#"page.html = "\n  Hi\n   ""#]);
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
