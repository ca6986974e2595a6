//! Serde mirror of the catalog file format, with a span on every value.
//!
//! Every field is optional here, even required ones: the validator reports a
//! missing field with its place instead of serde stopping at the first one.
//! Numbers are read as `i64` so out-of-range values get errcat's own
//! diagnostics rather than a bare type error.

use indexmap::IndexMap;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::Deserialize;
use toml::Spanned;

use crate::fields::RawFacts;

/// The values of each key with a closed set of values. Lowering checks
/// them and the JSON Schema lists them, from here.
pub mod values {
    /// `fault`.
    pub const FAULTS: &[&str] = &["client", "server", "none"];
    /// `kind`.
    pub const KINDS: &[&str] = &["error", "success", "pending", "warning"];
    /// `style`, and `envelope` of categories and codes.
    pub const STYLES: &[&str] = &[
        "nested", "problem", "detail", "google", "jsonapi", "graphql",
    ];
    /// `grpc`: gRPC's canonical codes, by number.
    pub const GRPC_CODES: &[&str] = &errcat_runtime::GrpcCode::NAMES;
    /// `strategy`.
    pub const STRATEGIES: &[&str] = &["never", "backoff", "after_header", "operation"];
    /// `jitter`.
    pub const JITTERS: &[&str] = &["none", "full", "equal"];
    /// `code_case`.
    pub const CODE_CASES: &[&str] = &["snake", "upper"];
    /// `request_id`.
    pub const PLACEMENTS: &[&str] = &["inside", "outside"];
    /// `field_case`.
    pub const CASES: &[&str] = &["snake", "camel"];

    #[test]
    fn closed_sets_follow_the_runtime() {
        let styles: Vec<&str> = errcat_runtime::EnvelopeStyle::ALL
            .iter()
            .map(|s| s.as_str())
            .collect();
        assert_eq!(STYLES, styles);
        let codes: Vec<&str> = errcat_runtime::GrpcCode::ALL
            .iter()
            .map(|c| c.as_str())
            .collect();
        assert_eq!(GRPC_CODES, codes);
    }

    /// The values `key` accepts, if it has a closed set.
    pub fn of(key: &str) -> Option<&'static [&'static str]> {
        Some(match key {
            "fault" => FAULTS,
            "kind" => KINDS,
            "style" | "envelope" => STYLES,
            "grpc" => GRPC_CODES,
            "strategy" => STRATEGIES,
            "jitter" => JITTERS,
            "code_case" => CODE_CASES,
            "request_id" => PLACEMENTS,
            "field_case" => CASES,
            _ => return None,
        })
    }

    /// True for a character no catalog text may hold (E0038): controls
    /// other than tab and line ends, and bidirectional overrides, which can
    /// make text read differently from what it is.
    pub fn is_forbidden_char(c: char) -> bool {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    }

    /// Keys whose text must say something (E0037 rejects blank text).
    pub const TEXT_KEYS: &[&str] = &[
        "name",
        "title",
        "message",
        "description",
        "solution",
        "sdk_exception",
        "since",
        "deprecated",
        "type",
        "replaced_by",
        "aliases",
        "version",
        "docs_anchor",
        "reason",
    ];
}

/// A spanned string.
pub type Str = Spanned<String>;
/// A spanned integer, as TOML stores it.
pub type Int = Spanned<i64>;

/// `[catalog]` in catalog.toml.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawMeta {
    /// Catalog name, shown in docs and error messages.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "required")))]
    pub name: Option<Str>,
    /// Catalog version; exported as `CATALOG_VERSION`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "none")))]
    pub version: Option<Str>,
    /// Introduction on the docs index.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "Markdown", "x-default" = "none")))]
    pub description: Option<Str>,
    /// Where the docs are published. A trailing `/` is ignored.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "`\"\"` (relative links)", "default" = "")))]
    pub docs_base_url: Option<Str>,
    /// Per-code path under the base URL. Only `{category}` and `{code}` may
    /// appear. `Code::docs_url()` is `docs_base_url + "/" + docs_anchor`. The
    /// default points into the site mdBook builds from the docs pages; a
    /// catalog that publishes the Markdown itself uses
    /// `"{category}.md#{code}"`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "`\"{category}.html#{code}\"`", "default" = "{category}.html#{code}")))]
    pub docs_anchor: Option<Str>,
    /// A regular expression every code's identity (its table key) must match
    /// in full, e.g. `[0-9A-Z]{5}` for SQLSTATE-like codes or `E[0-9]{4}`.
    /// With it, identities are any tokens of ASCII letters, digits and `_`
    /// rather than snake_case names; a code's `name` gives its snake_case
    /// name, else one is derived (`22P02` → `code_22_p02`). Only syntax
    /// that Rust, JavaScript and Python read alike: literals, classes of
    /// ranges, `\d`, `\w`, groups, `|` and counts (no `.`, flags or `\s`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "regular expression", "x-default" = "none: identities are snake_case names")))]
    pub identity_pattern: Option<Str>,
    /// `false` for a catalog that is not an HTTP API (a compiler, a
    /// database, a CLI): no statuses, no response envelope, no HTTP outputs,
    /// and docs without them. The generated Rust then has no `http_status`
    /// and no `Error` type.
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "boolean", "x-default" = "`true`", "default" = true)))]
    pub http: Option<Spanned<bool>>,
    /// Lookups ignore ASCII case (`Code::lookup`, parsing, the client
    /// modules): `e0043` finds `E0043`. Names, identities and aliases must
    /// then differ in more than case (E0055).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "boolean", "x-default" = "`false`", "default" = false)))]
    pub case_insensitive: Option<Spanned<bool>>,
    /// Whether the catalog's codes are also CLI exit codes. `false` leaves
    /// exit codes out of the docs and the generated Rust, and makes any
    /// `exit_code` or `[exit_codes]` an error. By default, a catalog
    /// documents them when it says anything about them: it declares
    /// `[exit_codes]`, or a category or code sets `exit_code`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "boolean", "x-default" = "whether `[exit_codes]` or any `exit_code` is written")))]
    pub cli: Option<Spanned<bool>>,
    /// The service the codes belong to, such as `"pay.example.com"`: the
    /// `domain` of Google bodies' and gRPC statuses' ErrorInfo.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "none")))]
    pub domain: Option<Str>,
    /// The locale the catalog's own titles, messages and solutions are
    /// written in, as a BCP 47 tag such as `"en"` or `"de-AT"`: the default
    /// locale, which every translation (`locales/<tag>.toml`) falls back to.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "BCP 47 tag", "x-default" = "`\"en\"`", "default" = "en")))]
    pub locale: Option<Str>,
}

/// `[envelope]` in catalog.toml.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawEnvelope {
    /// `nested`: `{"error": {"code", "message", "type", "param", "request_id",
    /// "retry_after_ms", "docs_url", "details"}}`. `problem`: RFC 9457 problem
    /// details (`type` = docs URL, `title`, `status`, `detail`, `instance` =
    /// request id, plus `code`, `params`, `retry_after_ms`). `detail`:
    /// FastAPI's `{"detail": {...}}`. `google`: AIP-193 (`code` = HTTP
    /// status, `status` = gRPC code, `details` with ErrorInfo, RetryInfo,
    /// RequestInfo, Help). `jsonapi`: JSON:API `{"errors": [...]}`.
    /// `graphql`: GraphQL `{"errors": [{"message", "extensions"}]}`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"nested\"` | `\"problem\"` | `\"detail\"` | `\"google\"` | `\"jsonapi\"` | `\"graphql\"`", "x-default" = "`\"nested\"`", "default" = "nested")))]
    pub style: Option<Str>,
    /// `request_id` or `requestId`, `retry_after_ms` or `retryAfterMs`,
    /// `docs_url` or `docsUrl`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"snake\"` | `\"camel\"`", "x-default" = "`\"snake\"`", "default" = "snake")))]
    pub field_case: Option<Str>,
    /// How codes go on the wire: `rate_limited` or `RATE_LIMITED`. The catalog
    /// name parses either way.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"snake\"` | `\"upper\"`", "x-default" = "`\"snake\"`", "default" = "snake")))]
    pub code_case: Option<Str>,
    /// Whether a nested envelope puts the request id inside `error` or next to
    /// it.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"inside\"` | `\"outside\"`", "x-default" = "`\"inside\"`", "default" = "inside")))]
    pub request_id: Option<Str>,
    /// The response header that carries the request id; `""` when responses
    /// carry none (the docs then promise only what the bodies say).
    /// Clients read it, and `X-Request-Id` too.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "header name, or `\"\"`", "x-default" = "`\"X-Request-Id\"`", "default" = "X-Request-Id")))]
    pub request_id_header: Option<Str>,
}

/// `[retry.<name>]` in catalog.toml.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawRetryPolicy {
    /// `backoff`: exponential backoff. `after_header`: wait as long as
    /// `Retry-After` says, else back off. `operation`: not this call; the
    /// caller retries the whole operation (a transaction, a read-modify-write)
    /// with this backoff.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"never\"` | `\"backoff\"` | `\"after_header\"` | `\"operation\"`", "x-default" = "required")))]
    pub strategy: Option<Str>,
    /// Shown in the docs and JSON export.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "none")))]
    pub description: Option<Str>,
    /// Delay before the first retry.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer > 0", "x-default" = "required for backoff/after_header")))]
    pub initial_ms: Option<Int>,
    /// Growth per retry.
    #[cfg_attr(feature = "schema", schemars(with = "Option<f64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "float ≥ 1", "x-default" = "`2.0`", "default" = 2.0)))]
    pub factor: Option<Spanned<f64>>,
    /// Cap on one delay.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer ≥ `initial_ms`", "x-default" = "required for backoff/after_header")))]
    pub max_delay_ms: Option<Int>,
    /// Full: uniform in `[0, d]`. Equal: `d/2` plus uniform in `[0, d/2]`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"none\"` | `\"full\"` | `\"equal\"`", "x-default" = "`\"full\"`", "default" = "full")))]
    pub jitter: Option<Str>,
    /// Attempts in all, counting the first.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 1–65535", "x-default" = "`3`", "default" = 3)))]
    pub max_attempts: Option<Int>,
    /// The longest `Retry-After` that is honoured.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer > 0", "x-default" = "required for after_header")))]
    pub max_wait_ms: Option<Int>,
    /// Retry only requests that are safe to repeat (a GET, a PUT, a POST
    /// with an idempotency key): clients give up otherwise, unless told the
    /// request is idempotent. For `backoff` and `after_header`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "boolean", "x-default" = "`false`", "default" = false)))]
    pub idempotent_only: Option<Spanned<bool>>,
}

/// `[categories.<id>]` in catalog.toml.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawCategory {
    /// Heading in the docs.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "required")))]
    pub title: Option<Str>,
    /// Shown on the category page.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "Markdown", "x-default" = "none")))]
    pub description: Option<Str>,
    /// Inclusive range every numeric code of the category must fall in. Ranges
    /// must not overlap.
    #[cfg_attr(feature = "schema", schemars(with = "Option<[i64; 2]>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`[first, last]`", "x-default" = "none")))]
    pub range: Option<Spanned<Vec<Int>>>,
    /// The start every identity of the category shares, for catalogs whose
    /// classes are prefixes (SQLSTATE's `22` for data exceptions). An
    /// identity the catalog does not list resolves to the category's
    /// `generic` code by its longest matching prefix.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "none")))]
    pub prefix: Option<Str>,
    /// The code that stands for the whole class (`22000`): what an unknown
    /// identity with the category's `prefix` is read as. Needs `prefix`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "code identity", "x-default" = "none")))]
    pub generic: Option<Str>,
    /// For error codes: client ⇒ 4xx, server ⇒ 5xx, none ⇒ below 400. Success and
    /// pending codes are always below 400. A catalog without HTTP may leave
    /// it out; its docs then say nothing of faults.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"client\"` | `\"server\"` | `\"none\"`", "x-default" = "required with HTTP; `\"none\"` without")))]
    pub fault: Option<Str>,
    /// The error `type` used in envelopes, e.g. `authentication_error`.
    #[serde(rename = "type")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "`\"<id>_error\"`")))]
    pub error_type: Option<Str>,
    /// Default kind of its codes.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"error\"` | `\"success\"` | `\"pending\"` | `\"warning\"`", "x-default" = "`\"error\"`", "default" = "error")))]
    pub kind: Option<Str>,
    /// Default HTTP status.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 100–599", "x-default" = "none")))]
    pub status: Option<Int>,
    /// Default retry policy.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "policy name", "x-default" = "`\"never\"`", "default" = "never")))]
    pub retry: Option<Str>,
    /// Default CLI exit code.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 0–255", "x-default" = "1 for errors, 0 otherwise")))]
    pub exit_code: Option<Int>,
    /// Envelope style of its codes, overriding the catalog's.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub envelope: Option<Str>,
    /// The gRPC canonical code of its codes, such as `"UNAVAILABLE"`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "gRPC code name", "x-default" = "from each code's HTTP status")))]
    pub grpc: Option<Str>,
    /// Warnings every code of the category is right to trigger, each with
    /// the reason, e.g. `{ W0026 = "the gateway sets Retry-After" }`. The
    /// reason is required and never shown in the docs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, String>>")
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "table of warning → reason", "x-default" = "none")))]
    pub allow: Option<Spanned<IndexMap<Str, Str>>>,
    /// Defaults of the declared facts (`fields.rs`) its codes inherit; read
    /// by the loader from the same table.
    #[serde(skip)]
    pub facts: RawFacts,
}

/// One `[<code>]` table in a category file.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawCode {
    /// The code's snake_case name when its identity is not one (a catalog
    /// with `identity_pattern`): `invalid_text_representation` for `22P02`.
    /// It names the Rust variant, constructor and client classes, the docs
    /// show it, and lookups accept it.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "snake_case name", "x-default" = "derived from the identity")))]
    pub name: Option<Str>,
    /// `true` when this code's `name` also names other codes, each of which
    /// says so too, as PL/pgSQL's `string_data_right_truncation` names both
    /// 01004 and 22001: a lookup by the name finds none of them alone
    /// (`Code::named` gives them all), and their identifiers add the
    /// identity (`StringDataRightTruncation01004`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<bool>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "boolean", "x-default" = "`false`")))]
    pub shared_name: Option<Spanned<bool>>,
    /// The snake_case name the code's identifiers derive from (its Rust
    /// variant and constructor, its TypeScript and Python constructors), when
    /// not its `name`: a code whose name is shared can keep the identifiers
    /// it was published with (`warning_string_data_right_truncation`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "snake_case name", "x-default" = "its name (with the identity, when shared)")))]
    pub identifier: Option<Str>,
    /// Numeric code, unique across the catalog, inside the category's `range`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 0–4294967294", "x-default" = "none")))]
    pub numeric: Option<Int>,
    /// HTTP status; must fit the category's fault. Required if the category has
    /// none.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 100–599", "x-default" = "the category's")))]
    pub status: Option<Int>,
    /// Non-error kinds describe outcomes such as "model trained", "in
    /// progress" or a warning; they are never 4xx or 5xx and exit 0.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"error\"` | `\"success\"` | `\"pending\"` | `\"warning\"`", "x-default" = "the category's")))]
    pub kind: Option<Str>,
    /// Short title.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "required")))]
    pub title: Option<Str>,
    /// Message template. `{name}` is a placeholder for param `name`; `{{` and
    /// `}}` are literal braces.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "required")))]
    pub message: Option<Str>,
    /// Declared params, in constructor order. Types: `string`, `u16`, `u32`,
    /// `u64`, `i32`, `i64`, `f64`, `bool`. Every placeholder must be declared and
    /// every param used.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, String>>")
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "table of name → type", "x-default" = "none")))]
    pub params: Option<Spanned<IndexMap<Str, Str>>>,
    /// Example param values for the docs; each must fit its param's type.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, serde_json::Value>>")
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "table of name → value", "x-default" = "`example-<name>`, `42`, `1.5`, `true`")))]
    pub example: Option<Spanned<IndexMap<Str, Spanned<toml::Value>>>>,
    /// Long description, passed through to docs and rustdoc (untagged code fences
    /// become `text` in rustdoc so they never run as doctests).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "Markdown", "x-default" = "none")))]
    pub description: Option<Str>,
    /// How to fix it.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "Markdown", "x-default" = "none")))]
    pub solution: Option<Str>,
    /// Retry policy. A 4xx other than 408/409/425/429 marked retryable, and a 429
    /// that ignores `Retry-After`, get warnings.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "policy name", "x-default" = "the category's")))]
    pub retry: Option<Str>,
    /// CLI exit code; an error may not use 0.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer 0–255", "x-default" = "the category's")))]
    pub exit_code: Option<Int>,
    /// Deprecation note; the Rust variant gets `#[deprecated(note = ...)]`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "none")))]
    pub deprecated: Option<Str>,
    /// The code to use instead; only on deprecated codes, no cycles.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "code name", "x-default" = "none")))]
    pub replaced_by: Option<Str>,
    /// Old or foreign names that still parse (`Code::lookup`, `FromStr`), e.g.
    /// `"RATE_LIMIT_ERROR"`. Unique across names and aliases.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "array of strings", "x-default" = "`[]`", "default" = [])))]
    pub aliases: Option<Vec<Str>>,
    /// Who is at fault for this code, when it differs from its category.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"client\"` | `\"server\"` | `\"none\"`", "x-default" = "the category's")))]
    pub fault: Option<Str>,
    /// Envelope style of this code's responses.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "`\"nested\"` | `\"problem\"` | `\"detail\"` | `\"google\"` | `\"jsonapi\"` | `\"graphql\"`", "x-default" = "the category's")))]
    pub envelope: Option<Str>,
    /// The gRPC canonical code (`google.rpc.Code`) this code is sent with,
    /// such as `"UNAVAILABLE"`: Google bodies' `status`, and a
    /// `tonic::Status`'s code.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "gRPC code name", "x-default" = "the category's, else the HTTP status's (`OK` for successes and `UNKNOWN` without HTTP)")))]
    pub grpc: Option<Str>,
    /// Warnings this code is right to trigger, each with the reason, e.g.
    /// `{ W0026 = "the gateway sets Retry-After" }`; added to the category's.
    /// The reason is required and never shown in the docs.
    #[cfg_attr(
        feature = "schema",
        schemars(with = "Option<std::collections::BTreeMap<String, String>>")
    )]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "table of warning → reason", "x-default" = "the category's")))]
    pub allow: Option<Spanned<IndexMap<Str, Str>>>,
    /// The declared facts (`fields.rs`); read by the loader from the same
    /// table.
    #[serde(skip)]
    pub facts: RawFacts,
}

/// `[retired.<name>]` in catalog.toml: a tombstone. The code left the
/// catalog, and its name, numeric and aliases are never used again.
/// `errcat retire` writes it from the code it removes.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawRetired {
    /// Why it was retired, shown in the docs and by `errcat explain`.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "required")))]
    pub reason: Option<Str>,
    /// The catalog version that retired it.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "version", "x-default" = "none")))]
    pub version: Option<Str>,
    /// Its numeric code, which no code may take again.
    #[cfg_attr(feature = "schema", schemars(with = "Option<i64>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "integer", "x-default" = "the lock's")))]
    pub numeric: Option<Int>,
    /// Its aliases, which no code may take again.
    #[cfg_attr(feature = "schema", schemars(with = "Option<Vec<String>>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "array of strings", "x-default" = "the lock's")))]
    pub aliases: Option<Vec<Str>>,
    /// The category it was in.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "category id", "x-default" = "the lock's")))]
    pub category: Option<Str>,
    /// Its title, for the docs' list of retired codes.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    #[cfg_attr(feature = "schema", schemars(extend("x-type" = "string", "x-default" = "the lock's")))]
    pub title: Option<Str>,
}

/// A table entry read from a file: its key, where it is, its fields, and the
/// keys whose values were unusable (already reported).
#[derive(Clone, Debug)]
pub struct Entry<T> {
    /// The table key, e.g. the code name.
    pub key: Str,
    /// Span of the whole table value.
    pub span: std::ops::Range<usize>,
    /// From its first key to its last value (a `[header]` table's value
    /// span is its header alone).
    pub extent: std::ops::Range<usize>,
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
#[derive(Clone, Debug, Default)]
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
    /// `[outputs]`'s package names (`npm_package`, `python_package`,
    /// `go_module`):
    /// key to name, in file order.
    pub package_names: Vec<(Str, Str)>,
    /// `[retired.*]`, in file order.
    pub retired: Vec<Entry<RawRetired>>,
    /// `[lints]`: rule name, code or group to level, in file order.
    pub lints: Vec<(Str, Str)>,
}

/// Everything read from one category file.
#[derive(Clone, Debug)]
pub struct RawCategoryFile {
    /// The file.
    pub file: crate::source::FileId,
    /// Its codes, in file order.
    pub codes: Vec<Entry<RawCode>>,
}

/// One code's texts in a locale: a `[<code>]` table of
/// `locales/<tag>.toml` (or of any file in `locales/<tag>/`).
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default)]
pub struct RawTranslation {
    /// The title in this locale.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub title: Option<Str>,
    /// The message template in this locale: the code's params, in
    /// `{param}` placeholders and plural or select choices, and no others.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub message: Option<Str>,
    /// How to fix it, in this locale (Markdown).
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub solution: Option<Str>,
    /// The default-locale texts this translation was made from, as
    /// `errcat locale stamp` records them: a translation whose source
    /// text has changed since is stale (gettext's previous `msgid`).
    #[cfg_attr(feature = "schema", schemars(with = "Option<RawTranslationSource>"))]
    pub source: Option<Spanned<RawTranslationSource>>,
}

/// The `source` of a translation: the default-locale texts it translates.
#[derive(Clone, Debug, Default, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(default, deny_unknown_fields)]
pub struct RawTranslationSource {
    /// The default title the translation's title was made from.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub title: Option<Str>,
    /// The default message it was made from.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub message: Option<Str>,
    /// The default solution it was made from.
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>"))]
    pub solution: Option<Str>,
}

/// Everything read from one file of a locale's translations.
#[derive(Clone, Debug)]
pub struct RawLocaleFile {
    /// The file.
    pub file: crate::source::FileId,
    /// The locale's tag, as its path writes it.
    pub tag: String,
    /// Its translations, by code name, in file order.
    pub codes: Vec<Entry<RawTranslation>>,
}

/// The keys of `[outputs]` that name a package rather than switch an
/// output, with what each names.
pub const PACKAGE_KEYS: &[(&str, &str)] = &[
    (
        "npm_package",
        "The npm package name of the `typescript` output (default: `<catalog>-errors`).",
    ),
    (
        "python_package",
        "The Python distribution name of the `python` output (default: `<catalog>-errors`).",
    ),
    (
        "go_module",
        "The Go module path of the `go` output (default: `<catalog>errors`, the package's name).",
    ),
];
