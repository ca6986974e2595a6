//! `errcat import`: a draft catalog from what a team already has (an
//! OpenAPI spec, a hand-written reference page, a `thiserror` enum).
//!
//! Each reader turns its source into a [`Draft`]: the codes it found, each
//! fact with where it was read ([`How::Read`]) or why it was guessed
//! ([`How::Guessed`]). [`catalog::files`] lowers a draft into catalog files,
//! marking every guess in a TOML comment; [`report`] lists what was read,
//! guessed and not found. The readers never write files; the CLI checks the
//! draft with [`crate::compile`] before writing it all at once.

pub mod catalog;
pub mod openapi;
pub mod page;
pub mod report;
pub mod rust;
mod status;

use serde::Serialize;

/// Where a fact came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "how", content = "at", rename_all = "snake_case")]
pub enum How {
    /// Read from the source, at a line (`line 12`) or a JSON pointer.
    Read(String),
    /// Not stated by the source: inferred, and why.
    Guessed(String),
}

/// A value and where it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Fact<T> {
    /// The value.
    pub value: T,
    /// Where it came from.
    #[serde(flatten)]
    pub how: How,
}

impl<T> Fact<T> {
    /// A value read from the source at `at`.
    pub fn read(value: T, at: impl Into<String>) -> Self {
        Fact {
            value,
            how: How::Read(at.into()),
        }
    }

    /// A value the source does not state, and why it was chosen.
    pub fn guessed(value: T, why: impl Into<String>) -> Self {
        Fact {
            value,
            how: How::Guessed(why.into()),
        }
    }

    /// Whether it was guessed.
    pub fn is_guess(&self) -> bool {
        matches!(self.how, How::Guessed(_))
    }
}

/// How a client should treat a failure, as far as a source says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RetryClass {
    /// Not retried.
    Never,
    /// Retried with exponential backoff.
    Backoff,
    /// Retried after the wait `Retry-After` gives.
    AfterHeader,
    /// Retry the whole operation, not the call.
    Operation,
}

impl RetryClass {
    /// The catalog's policy name for the class (`never` is built in).
    pub fn policy(self) -> &'static str {
        match self {
            RetryClass::Never => "never",
            RetryClass::Backoff => "backoff",
            RetryClass::AfterHeader => "after_header",
            RetryClass::Operation => "operation",
        }
    }
}

/// Outcome kinds besides errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A failure.
    Error,
    /// A successful outcome.
    Success,
    /// An outcome not reached yet (queued, in progress).
    Pending,
}

/// The response envelope a source shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Envelope {
    /// `nested`, `problem` or `detail`.
    pub style: String,
    /// `requestId` rather than `request_id`.
    pub camel: bool,
    /// Whether a nested body puts `request_id` beside `error`.
    pub request_id_outside: bool,
}

/// A declared param of a code's message.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    /// The placeholder's name.
    pub name: String,
    /// errcat's type name: `string`, `u32`, `i64`, `f64`, `bool`, ...
    pub ty: String,
    /// Where its type came from.
    pub how: How,
}

/// One code as a source describes it.
#[derive(Clone, Debug, Default, Serialize)]
pub struct DraftCode {
    /// The code as the source writes it: `INVALID_API_KEY`, `404`, `10010`.
    pub written: String,
    /// Where the code itself was read.
    pub at: String,
    /// The group the source puts it in (a heading, an error type).
    pub group: Option<Fact<String>>,
    /// Its numeric code.
    pub numeric: Option<Fact<u64>>,
    /// Its HTTP status.
    pub status: Option<Fact<u16>>,
    /// An outcome rather than an error.
    pub kind: Option<Fact<Kind>>,
    /// A short title.
    pub title: Option<Fact<String>>,
    /// A message template: literal braces already doubled, `{param}` for
    /// each param.
    pub message: Option<Fact<String>>,
    /// The message's params.
    pub params: Vec<Param>,
    /// A longer description.
    pub description: Option<Fact<String>>,
    /// How to fix it.
    pub solution: Option<Fact<String>>,
    /// Whether and how to retry.
    pub retry: Option<Fact<RetryClass>>,
    /// Its CLI exit code.
    pub exit_code: Option<Fact<u8>>,
    /// The per-code facts the catalog declares (`crate::fields`), by key,
    /// as a source states them: `sdk_exception`, `server_retries`, ...
    pub declared: Vec<(&'static str, Fact<serde_json::Value>)>,
    /// The code is an HTTP status (`404` in a page's status table), so its
    /// name comes from its reason rather than keeping `404` as an identity.
    pub is_status: bool,
    /// The envelope's `type` member for it (`validation_error`).
    pub error_type: Option<Fact<String>>,
}

impl DraftCode {
    /// The declared fact `key`, if the source states it.
    pub fn declared(&self, key: &str) -> Option<&Fact<serde_json::Value>> {
        self.declared
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f)
    }

    /// A code with no facts yet, read at `at`.
    pub fn new(written: impl Into<String>, at: impl Into<String>) -> Self {
        DraftCode {
            written: written.into(),
            at: at.into(),
            ..DraftCode::default()
        }
    }
}

/// Everything a reader found in one source.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Draft {
    /// What was imported: `openapi`, `page` or `rust`.
    pub reader: &'static str,
    /// The source file, as the user named it.
    pub source: String,
    /// The catalog name: the source's title, else the file's stem.
    pub name: Option<Fact<String>>,
    /// An introduction to the codes.
    pub description: Option<Fact<String>>,
    /// Whether the codes are HTTP responses.
    pub http: bool,
    /// The error body's shape.
    pub envelope: Option<Fact<Envelope>>,
    /// `Retry-After` is sent with throttling responses.
    pub retry_after_header: Option<Fact<bool>>,
    /// The header that carries request ids, when the source names one.
    pub request_id_header: Option<Fact<String>>,
    /// Documented CLI exit codes and their meanings.
    pub exit_codes: Vec<(u8, Fact<String>)>,
    /// The codes, in the source's order.
    pub codes: Vec<DraftCode>,
    /// Things the reader saw but could not use, for the report.
    pub skipped: Vec<Fact<String>>,
    /// Each code's index in `codes`, by how it is written.
    #[serde(skip)]
    by_written: std::collections::HashMap<String, usize>,
}

impl Draft {
    /// The index of the code written `written`, added (read at `at`) the
    /// first time a source names it.
    pub fn code_index(&mut self, written: &str, at: &str) -> usize {
        if let Some(&i) = self.by_written.get(written) {
            return i;
        }
        self.codes.push(DraftCode::new(written, at));
        self.by_written
            .insert(written.to_string(), self.codes.len() - 1);
        self.codes.len() - 1
    }
}

/// Text with its braces doubled, so it reads as a template without params.
pub fn literal_template(text: &str) -> String {
    text.replace('{', "{{").replace('}', "}}")
}

/// Text squeezed to single spaces, trimmed.
pub fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
