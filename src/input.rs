//! Readers: files, folders, JSONL, gzip and zstd, and standard input, as one stream of
//! documents in input order.
//!
//! Every input document becomes exactly one [`Item`]: a [`Document`] to analyse or a
//! [`Item::Failed`] naming the file, line or document and the cause. A broken line, a file
//! that cannot be read or a stream that breaks off never stops the other documents. Blank
//! lines in JSONL are not documents and are skipped.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::model::{DateValue, DocError, ErrorCode};

/// A document to analyse.
#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    /// Document id.
    pub id: String,
    /// Text.
    pub text: String,
    /// Article date from the input (JSONL `date`).
    pub date: Option<DateValue>,
    /// Other JSONL fields.
    pub meta: Option<Map<String, Value>>,
    /// Non-fatal problems found while reading.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with only an id and a text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            date: None,
            meta: None,
            warnings: Vec::new(),
        }
    }
}

/// One input unit: a document, or the error that stands for it.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A document to analyse.
    Doc(Document),
    /// A document that could not be read.
    Failed {
        /// The id it would have had (`path:line` when unknown).
        doc_id: String,
        /// Why.
        error: DocError,
    },
}

impl Item {
    /// Bytes of text this item carries (0 for failures).
    pub fn text_len(&self) -> usize {
        match self {
            Item::Doc(d) => d.text.len(),
            Item::Failed { .. } => 0,
        }
    }
}

/// Limits for reading.
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions {
    /// Texts longer than this many bytes are cut (at a line break or space) with a warning.
    pub max_doc_bytes: usize,
    /// JSONL lines longer than this many bytes are reported as `too_long` and skipped.
    pub max_line_bytes: usize,
    /// Read standard input as one plain-text article (id `stdin`) instead of JSONL.
    pub stdin_text: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_doc_bytes: 8 << 20,
            max_line_bytes: 64 << 20,
            stdin_text: false,
        }
    }
}

/// What one source is.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    /// One article per file; `id` is the document id.
    Text { path: PathBuf, id: String },
    /// One JSON object per line.
    Jsonl { path: PathBuf },
    /// JSONL on standard input.
    Stdin,
    /// A path that could not be listed or does not exist.
    Missing { path: PathBuf, message: String },
}

/// The file name without a `.gz`/`.zst` suffix, lower-cased, so that `A.JSONL.GZ` and
/// `a.ndjson` are recognised the same way as `a.jsonl`.
fn base_ext(name: &str) -> String {
    let lower = name.to_lowercase();
    let stripped = lower
        .strip_suffix(".gz")
        .or_else(|| lower.strip_suffix(".zst"))
        .unwrap_or(&lower);
    stripped.to_string()
}

fn is_text(name: &str) -> bool {
    base_ext(name).ends_with(".txt")
}

fn is_jsonl(name: &str) -> bool {
    let b = base_ext(name);
    b.ends_with(".jsonl") || b.ends_with(".ndjson")
}

/// Expands command-line inputs into sources: folders are walked recursively in sorted order.
fn sources(inputs: &[PathBuf]) -> VecDeque<Source> {
    let mut out = VecDeque::new();
    if inputs.is_empty() {
        out.push_back(Source::Stdin);
    }
    for input in inputs {
        if input.as_os_str() == "-" {
            out.push_back(Source::Stdin);
        } else if input.is_dir() {
            let mut files = Vec::new();
            walk(input, &mut files, &mut out);
            files.sort();
            for f in files {
                let name = f.to_string_lossy().to_string();
                if is_jsonl(&name) {
                    out.push_back(Source::Jsonl { path: f });
                } else {
                    let id = f
                        .strip_prefix(input)
                        .unwrap_or(&f)
                        .to_string_lossy()
                        .to_string();
                    out.push_back(Source::Text { path: f, id });
                }
            }
        } else if !input.exists() {
            out.push_back(Source::Missing {
                path: input.clone(),
                message: "no such file or directory".into(),
            });
        } else {
            let name = input.to_string_lossy().to_string();
            if is_jsonl(&name) {
                out.push_back(Source::Jsonl {
                    path: input.clone(),
                });
            } else {
                // Any other file is one article, whatever its extension.
                out.push_back(Source::Text {
                    path: input.clone(),
                    id: name,
                });
            }
        }
    }
    out
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, out: &mut VecDeque<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push_back(Source::Missing {
                path: dir.to_path_buf(),
                message: format!("cannot list folder: {e}"),
            });
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, files, out);
        } else {
            let name = p.to_string_lossy();
            if is_text(&name) || is_jsonl(&name) {
                files.push(p);
            }
        }
    }
}

/// Opens a file, decompressing `.gz` and `.zst`.
fn open(path: &Path) -> io::Result<Box<dyn BufRead + Send>> {
    let file = File::open(path)?;
    let name = path.to_string_lossy().to_lowercase();
    Ok(if name.ends_with(".gz") {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::read::MultiGzDecoder::new(BufReader::new(file)),
        ))
    } else if name.ends_with(".zst") {
        Box::new(BufReader::with_capacity(1 << 16, zstd::Decoder::new(file)?))
    } else {
        Box::new(BufReader::with_capacity(1 << 16, file))
    })
}

/// The stream of items from all inputs, in order.
pub struct Inputs {
    sources: VecDeque<Source>,
    lines: Option<JsonlLines>,
    options: ReadOptions,
}

impl Inputs {
    /// Inputs from command-line paths (`-` or none: JSONL on standard input).
    pub fn new(paths: &[PathBuf], options: ReadOptions) -> Inputs {
        Inputs {
            sources: sources(paths),
            lines: None,
            options,
        }
    }

    /// Total size in bytes of the input files (compressed as stored), when all inputs are
    /// files; `None` for standard input. Used for the progress bar.
    pub fn total_bytes(&self) -> Option<u64> {
        let mut total = 0;
        for s in &self.sources {
            match s {
                Source::Text { path, .. } | Source::Jsonl { path } => {
                    total += std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
                }
                Source::Stdin => return None,
                Source::Missing { .. } => {}
            }
        }
        Some(total)
    }
}

impl Iterator for Inputs {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        loop {
            if let Some(lines) = &mut self.lines {
                match lines.next_item(&self.options) {
                    Some(item) => return Some(item),
                    None => self.lines = None,
                }
            }
            match self.sources.pop_front()? {
                Source::Missing { path, message } => {
                    return Some(Item::Failed {
                        doc_id: path.to_string_lossy().to_string(),
                        error: DocError {
                            code: ErrorCode::ReadFailed,
                            message: format!("{}: {message}", path.display()),
                        },
                    });
                }
                Source::Text { path, id } => {
                    let label = path.display().to_string();
                    return Some(read_text(open(&path), &label, id, &self.options));
                }
                Source::Jsonl { path } => match open(&path) {
                    Ok(reader) => {
                        self.lines =
                            Some(JsonlLines::new(reader, path.to_string_lossy().to_string()))
                    }
                    Err(e) => {
                        return Some(Item::Failed {
                            doc_id: path.to_string_lossy().to_string(),
                            error: DocError {
                                code: ErrorCode::ReadFailed,
                                message: format!("{}: cannot open: {e}", path.display()),
                            },
                        });
                    }
                },
                Source::Stdin if self.options.stdin_text => {
                    let reader: Box<dyn BufRead + Send> =
                        Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                    return Some(read_text(
                        Ok(reader),
                        "stdin",
                        "stdin".to_string(),
                        &self.options,
                    ));
                }
                Source::Stdin => {
                    let reader: Box<dyn BufRead + Send> =
                        Box::new(BufReader::with_capacity(1 << 16, io::stdin()));
                    self.lines = Some(JsonlLines::new(reader, "stdin".to_string()));
                }
            }
        }
    }
}

/// Reads one plain-text article; `label` names the source in messages.
fn read_text(
    source: io::Result<Box<dyn BufRead + Send>>,
    label: &str,
    id: String,
    options: &ReadOptions,
) -> Item {
    let failed = |code, message: String| Item::Failed {
        doc_id: id.clone(),
        error: DocError { code, message },
    };
    let mut bytes = Vec::new();
    let limit = options.max_doc_bytes as u64 + 4;
    let read = source.and_then(|r| r.take(limit).read_to_end(&mut bytes));
    if let Err(e) = read {
        return failed(
            ErrorCode::ReadFailed,
            format!("{}: cannot read: {e}", label),
        );
    }
    let truncated = bytes.len() as u64 >= limit;
    if truncated {
        bytes.truncate(options.max_doc_bytes);
        // Cut at a char boundary: drop a partial UTF-8 sequence at the end.
        while !bytes.is_empty()
            && std::str::from_utf8(&bytes).is_err_and(|e| e.error_len().is_none())
        {
            bytes.pop();
        }
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return failed(
                ErrorCode::InvalidUtf8,
                format!(
                    "{}: not UTF-8 at byte {}",
                    label,
                    e.utf8_error().valid_up_to()
                ),
            );
        }
    };
    let text = text
        .strip_prefix('\u{FEFF}')
        .map(str::to_string)
        .unwrap_or(text);
    if text.trim().is_empty() {
        return failed(ErrorCode::EmptyText, format!("{}: empty text", label));
    }
    let mut doc = Document::new(id, text);
    if truncated {
        cut(&mut doc, options.max_doc_bytes);
        doc.warnings.push(format!(
            "{}: text longer than {} bytes; analysed the first {} bytes",
            label,
            options.max_doc_bytes,
            doc.text.len()
        ));
    }
    Item::Doc(doc)
}

/// Cuts a text to at most `max` bytes, at the last line break or space when there is one in
/// the last quarter.
fn cut(doc: &mut Document, max: usize) {
    if doc.text.len() <= max {
        return;
    }
    let mut end = max;
    while !doc.text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &doc.text[..end];
    if let Some(p) = head.rfind(['\n', ' '])
        && p >= max / 4 * 3
    {
        end = p;
    }
    doc.text.truncate(end);
}

/// The items of one JSONL stream, named `name` in messages (`Inputs` does this for files and
/// standard input; this is for embedding and fuzzing).
pub fn jsonl_items(
    reader: Box<dyn BufRead + Send>,
    name: &str,
    options: ReadOptions,
) -> impl Iterator<Item = Item> {
    let mut lines = JsonlLines::new(reader, name.to_string());
    std::iter::from_fn(move || lines.next_item(&options))
}

/// Lines of one JSONL stream.
struct JsonlLines {
    reader: Box<dyn BufRead + Send>,
    name: String,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlLines {
    fn new(reader: Box<dyn BufRead + Send>, name: String) -> JsonlLines {
        JsonlLines {
            reader,
            name,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn next_item(&mut self, options: &ReadOptions) -> Option<Item> {
        loop {
            if self.done {
                return None;
            }
            self.buf.clear();
            self.line += 1;
            let here = format!("{}:{}", self.name, self.line);
            match read_line(&mut self.reader, &mut self.buf, options.max_line_bytes) {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::TooLong(n)) => {
                    return Some(Item::Failed {
                        doc_id: here.clone(),
                        error: DocError {
                            code: ErrorCode::TooLong,
                            message: format!(
                                "{here}: line of {n} bytes exceeds the limit of {} bytes",
                                options.max_line_bytes
                            ),
                        },
                    });
                }
                Ok(LineRead::Line) => {}
                Err(e) => {
                    self.done = true;
                    return Some(Item::Failed {
                        doc_id: here.clone(),
                        error: DocError {
                            code: ErrorCode::ReadFailed,
                            message: format!("{here}: read error, rest of the stream skipped: {e}"),
                        },
                    });
                }
            }
            let mut bytes: &[u8] = &self.buf;
            if self.line == 1 {
                bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            }
            while let [rest @ .., b'\n' | b'\r'] = bytes {
                bytes = rest;
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(parse_line(bytes, &here, options));
        }
    }
}

enum LineRead {
    Eof,
    Line,
    TooLong(u64),
}

/// Reads one line into `buf`; a line longer than `max` is consumed without being kept.
fn read_line(r: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> io::Result<LineRead> {
    let mut total: u64 = 0;
    let mut over = false;
    loop {
        let (done, used) = {
            let available = match r.fill_buf() {
                Ok(a) => a,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if available.is_empty() {
                return Ok(if total == 0 {
                    LineRead::Eof
                } else if over {
                    LineRead::TooLong(total)
                } else {
                    LineRead::Line
                });
            }
            match memchr_newline(available) {
                Some(i) => {
                    if !over && buf.len() + i < max {
                        buf.extend_from_slice(&available[..=i]);
                    } else {
                        over = true;
                    }
                    (true, i + 1)
                }
                None => {
                    if !over && buf.len() + available.len() <= max {
                        buf.extend_from_slice(available);
                    } else {
                        over = true;
                        buf.clear();
                    }
                    (false, available.len())
                }
            }
        };
        r.consume(used);
        total += used as u64;
        if done {
            return Ok(if over {
                LineRead::TooLong(total)
            } else {
                LineRead::Line
            });
        }
    }
}

/// The first line break: memchr compares a vector of bytes at a time (a byte loop was a tenth
/// of the reader thread's time), and the crate is already built for serde_json and csv.
fn memchr_newline(b: &[u8]) -> Option<usize> {
    memchr::memchr(b'\n', b)
}

fn parse_line(bytes: &[u8], here: &str, options: &ReadOptions) -> Item {
    let failed = |doc_id: String, code, message: String| Item::Failed {
        doc_id,
        error: DocError { code, message },
    };
    // simdutf8 checks many bytes at a time (the standard check took a tenth of the reader's
    // time on Russian text); its `compat` error says where the bad byte is, as std's does.
    let text = match simdutf8::compat::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return failed(
                here.to_string(),
                ErrorCode::InvalidUtf8,
                format!("{here}: not UTF-8 at byte {}", e.valid_up_to()),
            );
        }
    };
    let mut object: Map<String, Value> = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(o)) => o,
        Ok(_) => {
            return failed(
                here.to_string(),
                ErrorCode::InvalidJson,
                format!("{here}: not a JSON object"),
            );
        }
        Err(e) => {
            return failed(
                here.to_string(),
                ErrorCode::InvalidJson,
                format!("{here}: invalid JSON: {e}"),
            );
        }
    };
    let mut warnings = Vec::new();
    let id = match object.remove("id") {
        Some(Value::String(s)) if !s.is_empty() => s,
        Some(Value::Number(n)) => n.to_string(),
        other => {
            warnings.push(format!(
                "{here}: {}; the document id is {here}",
                if other.is_none() {
                    "no id field"
                } else {
                    "id is not a non-empty string or number"
                }
            ));
            here.to_string()
        }
    };
    let text = match object.remove("text") {
        Some(Value::String(s)) => s,
        _ => {
            return failed(
                id.clone(),
                ErrorCode::MissingText,
                format!("{here}: document {id:?} has no string field \"text\""),
            );
        }
    };
    if text.trim().is_empty() {
        return failed(
            id.clone(),
            ErrorCode::EmptyText,
            format!("{here}: document {id:?} has an empty text"),
        );
    }
    let date = match object.remove("date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => {
            let day = s.get(..10).unwrap_or(&s);
            let parsed = DateValue::parse(day).or_else(|| DateValue::parse(&s));
            if parsed.is_none() {
                warnings.push(format!("{here}: date {s:?} is not YYYY-MM-DD; ignored"));
            }
            parsed
        }
        Some(other) => {
            warnings.push(format!("{here}: date {other} is not a string; ignored"));
            None
        }
    };
    let mut doc = Document {
        id,
        text,
        date,
        meta: (!object.is_empty()).then_some(object),
        warnings,
    };
    if doc.text.len() > options.max_doc_bytes {
        let before = doc.text.len();
        cut(&mut doc, options.max_doc_bytes);
        let kept = doc.text.len();
        doc.warnings.push(format!(
            "{here}: text of {before} bytes is longer than {} bytes; analysed the first {kept} bytes",
            options.max_doc_bytes
        ));
    }
    Item::Doc(doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &str, options: ReadOptions) -> Vec<Item> {
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(input.as_bytes().to_vec()));
        let mut l = JsonlLines::new(reader, "in.jsonl".into());
        std::iter::from_fn(|| l.next_item(&options)).collect()
    }

    #[test]
    fn extensions_are_case_insensitive_and_ndjson_is_jsonl() {
        for name in [
            "a.jsonl",
            "A.JSONL",
            "b.ndjson",
            "c.NDJSON.GZ",
            "d.jsonl.zst",
        ] {
            assert!(is_jsonl(name), "{name}");
        }
        for name in ["a.txt", "B.TXT.gz", "c.txt.zst"] {
            assert!(is_text(name) && !is_jsonl(name), "{name}");
        }
        assert!(!is_text("notes.md") && !is_jsonl("x.json"));
    }

    #[test]
    fn every_line_is_one_item_or_skipped_when_blank() {
        let items = lines(
            "\u{FEFF}{\"id\":\"a\",\"text\":\"Путин\",\"date\":\"2024-02-22\",\"src\":\"x\"}\r\n\n{broken\n{\"text\":\"без id\"}\n{\"id\":7,\"text\":\"  \"}\n{\"id\":\"b\"}\n[1]\n",
            ReadOptions::default(),
        );
        assert_eq!(items.len(), 6);
        let Item::Doc(a) = &items[0] else { panic!() };
        assert_eq!(a.id, "a");
        assert_eq!(a.date, DateValue::parse("2024-02-22"));
        assert_eq!(a.meta.as_ref().unwrap()["src"], "x");
        let code = |i: usize| match &items[i] {
            Item::Failed { error, .. } => Some(error.code),
            _ => None,
        };
        assert_eq!(code(1), Some(ErrorCode::InvalidJson));
        let Item::Doc(c) = &items[2] else { panic!() };
        assert_eq!(c.id, "in.jsonl:4");
        assert!(c.warnings[0].contains("no id field"));
        assert_eq!(code(3), Some(ErrorCode::EmptyText));
        assert_eq!(code(4), Some(ErrorCode::MissingText));
        assert_eq!(code(5), Some(ErrorCode::InvalidJson));
    }

    #[test]
    fn invalid_utf8_and_long_lines_are_reported() {
        let mut bytes = b"{\"id\":\"a\",\"text\":\"\xff\"}\n".to_vec();
        bytes.extend_from_slice(
            format!("{{\"id\":\"b\",\"text\":\"{}\"}}\n", "x".repeat(100)).as_bytes(),
        );
        bytes.extend_from_slice(b"{\"id\":\"c\",\"text\":\"ok\"}\n");
        let reader: Box<dyn BufRead + Send> = Box::new(io::Cursor::new(bytes));
        let options = ReadOptions {
            max_doc_bytes: 1000,
            max_line_bytes: 50,
            ..ReadOptions::default()
        };
        let mut l = JsonlLines::new(reader, "in".into());
        let items: Vec<Item> = std::iter::from_fn(|| l.next_item(&options)).collect();
        assert_eq!(items.len(), 3);
        // The message names the line and the first bad byte (the 0xFF after `"text":"`).
        assert!(
            matches!(&items[0], Item::Failed { error, .. } if error.code == ErrorCode::InvalidUtf8
                && error.message == "in:1: not UTF-8 at byte 18")
        );
        assert!(
            matches!(&items[1], Item::Failed { error, doc_id } if error.code == ErrorCode::TooLong && doc_id == "in:2")
        );
        assert!(matches!(&items[2], Item::Doc(d) if d.id == "c"));
    }

    #[test]
    fn long_texts_are_cut_with_a_warning() {
        let text = "слово ".repeat(100);
        let line = format!("{{\"id\":\"a\",\"text\":\"{text}\"}}\n");
        let items = lines(
            &line,
            ReadOptions {
                max_doc_bytes: 100,
                max_line_bytes: 10_000,
                ..ReadOptions::default()
            },
        );
        let Item::Doc(d) = &items[0] else { panic!() };
        assert!(d.text.len() <= 100);
        assert!(d.warnings[0].contains("analysed the first"));
    }
}
