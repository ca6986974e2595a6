//! Serde mirror of the catalog file format, with a span on every value.
//!
//! Every field is optional here, even required ones: the validator reports a
//! missing field with its place instead of serde stopping at the first one.
//! Numbers are read as `i64` so out-of-range values get errcat's own
//! diagnostics rather than a bare type error.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::fields::RawFacts;

/// A spanned string.
pub type Str = Spanned<String>;
/// A spanned integer, as TOML stores it.
pub type Int = Spanned<i64>;

/// `[catalog]` in catalog.toml.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RawMeta {
    /// Catalog name, e.g. `"acme"`.
    #[schemars(with = "Option<String>")]
    pub name: Option<Str>,
    /// Catalog version, e.g. `"1.4.0"`.
    #[schemars(with = "Option<String>")]
    pub version: Option<Str>,
    /// What the catalog covers (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Option<Str>,
    /// Where the generated docs are published.
    #[schemars(with = "Option<String>")]
    pub docs_base_url: Option<Str>,
    /// Per-code anchor under the base URL, with `{category}` and `{code}`.
    #[schemars(with = "Option<String>")]
    pub docs_anchor: Option<Str>,
}

/// `[envelope]` in catalog.toml.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RawEnvelope {
    /// `"nested"` or `"problem"`.
    #[schemars(with = "Option<String>")]
    pub style: Option<Str>,
    /// `"snake"` or `"camel"`.
    #[schemars(with = "Option<String>")]
    pub field_case: Option<Str>,
    /// `"snake"` (codes sent as named) or `"upper"` (`RATE_LIMITED`).
    #[schemars(with = "Option<String>")]
    pub code_case: Option<Str>,
    /// `"inside"` or `"outside"` the `error` object.
    #[schemars(with = "Option<String>")]
    pub request_id: Option<Str>,
}

/// `[retry.<name>]` in catalog.toml.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RawRetryPolicy {
    /// `"never"`, `"backoff"` or `"after_header"`.
    #[schemars(with = "Option<String>")]
    pub strategy: Option<Str>,
    /// What the policy is for.
    #[schemars(with = "Option<String>")]
    pub description: Option<Str>,
    /// First delay.
    #[schemars(with = "Option<i64>")]
    pub initial_ms: Option<Int>,
    /// Growth per retry.
    #[schemars(with = "Option<f64>")]
    pub factor: Option<Spanned<f64>>,
    /// Cap on a single delay.
    #[schemars(with = "Option<i64>")]
    pub max_delay_ms: Option<Int>,
    /// `"none"`, `"full"` or `"equal"`.
    #[schemars(with = "Option<String>")]
    pub jitter: Option<Str>,
    /// Attempts in all, counting the first.
    #[schemars(with = "Option<i64>")]
    pub max_attempts: Option<Int>,
    /// Longest Retry-After honoured (`after_header` only).
    #[schemars(with = "Option<i64>")]
    pub max_wait_ms: Option<Int>,
}

/// `[categories.<id>]` in catalog.toml.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RawCategory {
    /// Heading in the docs.
    #[schemars(with = "Option<String>")]
    pub title: Option<Str>,
    /// What the category covers (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Option<Str>,
    /// `[first, last]` numeric codes, inclusive.
    #[schemars(with = "Option<[i64; 2]>")]
    pub range: Option<Spanned<Vec<Int>>>,
    /// `"client"`, `"server"` or `"none"`.
    #[schemars(with = "Option<String>")]
    pub fault: Option<Str>,
    /// The error `type` string used in envelopes.
    #[serde(rename = "type")]
    #[schemars(with = "Option<String>")]
    pub error_type: Option<Str>,
    /// Default kind of its codes.
    #[schemars(with = "Option<String>")]
    pub kind: Option<Str>,
    /// Default HTTP status of its codes.
    #[schemars(with = "Option<i64>")]
    pub status: Option<Int>,
    /// Default retry policy of its codes.
    #[schemars(with = "Option<String>")]
    pub retry: Option<Str>,
    /// Default CLI exit code of its codes.
    #[schemars(with = "Option<i64>")]
    pub exit_code: Option<Int>,
    /// Envelope style of its codes, overriding the catalog's.
    #[schemars(with = "Option<String>")]
    pub envelope: Option<Str>,
    /// Defaults of the declared facts (`fields.rs`) its codes inherit; read
    /// by the loader from the same table.
    #[serde(skip)]
    pub facts: RawFacts,
}

/// One `[<code>]` table in a category file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(default)]
pub struct RawCode {
    /// Numeric code, unique.
    #[schemars(with = "Option<i64>")]
    pub numeric: Option<Int>,
    /// HTTP status.
    #[schemars(with = "Option<i64>")]
    pub status: Option<Int>,
    /// `"error"`, `"success"` or `"pending"`.
    #[schemars(with = "Option<String>")]
    pub kind: Option<Str>,
    /// Short title.
    #[schemars(with = "Option<String>")]
    pub title: Option<Str>,
    /// Message template with `{param}` placeholders.
    #[schemars(with = "Option<String>")]
    pub message: Option<Str>,
    /// Declared params: name to type.
    #[schemars(with = "Option<std::collections::BTreeMap<String, String>>")]
    pub params: Option<Spanned<IndexMap<Str, Str>>>,
    /// Example values of the params, for the docs.
    #[schemars(with = "Option<std::collections::BTreeMap<String, serde_json::Value>>")]
    pub example: Option<Spanned<IndexMap<Str, Spanned<toml::Value>>>>,
    /// Long description (Markdown).
    #[schemars(with = "Option<String>")]
    pub description: Option<Str>,
    /// How to fix it.
    #[schemars(with = "Option<String>")]
    pub solution: Option<Str>,
    /// Retry policy name.
    #[schemars(with = "Option<String>")]
    pub retry: Option<Str>,
    /// CLI exit code.
    #[schemars(with = "Option<i64>")]
    pub exit_code: Option<Int>,
    /// Deprecation note.
    #[schemars(with = "Option<String>")]
    pub deprecated: Option<Str>,
    /// The code to use instead.
    #[schemars(with = "Option<String>")]
    pub replaced_by: Option<Str>,
    /// Old names that still parse.
    #[schemars(with = "Option<Vec<String>>")]
    pub aliases: Option<Vec<Str>>,
    /// Who is at fault, overriding the category's.
    #[schemars(with = "Option<String>")]
    pub fault: Option<Str>,
    /// Envelope style, overriding the category's and the catalog's.
    #[schemars(with = "Option<String>")]
    pub envelope: Option<Str>,
    /// The declared facts (`fields.rs`); read by the loader from the same
    /// table.
    #[serde(skip)]
    pub facts: RawFacts,
}

/// A table entry read from a file: its key, where it is, its fields, and the
/// keys whose values were unusable (already reported).
#[derive(Debug)]
pub struct Entry<T> {
    /// The table key, e.g. the code name.
    pub key: Str,
    /// Span of the whole table value.
    pub span: std::ops::Range<usize>,
    /// The fields that could be read.
    pub body: T,
    /// Keys that were present but had unusable values.
    pub broken: Vec<String>,
}

impl<T> Entry<T> {
    /// True if `field` was present but reported as unusable, so a "missing"
    /// diagnostic for it would be noise.
    pub fn is_broken(&self, field: &str) -> bool {
        self.broken.iter().any(|b| b == field)
    }
}

/// Everything read from catalog.toml.
#[derive(Debug, Default)]
pub struct RawSettings {
    /// `[catalog]`.
    pub meta: Option<Entry<RawMeta>>,
    /// `[envelope]`.
    pub envelope: Option<Entry<RawEnvelope>>,
    /// `[retry.*]`, in file order.
    pub retry: Vec<Entry<RawRetryPolicy>>,
    /// `[categories.*]`, in file order.
    pub categories: Vec<Entry<RawCategory>>,
    /// `[exit_codes]`: exit code (as written) to meaning, in file order.
    pub exit_codes: Vec<(Str, Str)>,
    /// `[outputs]`: output name to on or off, in file order.
    pub outputs: Vec<(Str, Spanned<bool>)>,
}

/// Everything read from one category file.
#[derive(Debug)]
pub struct RawCategoryFile {
    /// The file.
    pub file: crate::source::FileId,
    /// Its codes, in file order.
    pub codes: Vec<Entry<RawCode>>,
}
