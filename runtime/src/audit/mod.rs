//! Responses held to the catalog: what `errcat audit` checks in recorded
//! traffic and `layer::AuditLayer` (feature `tower`) checks in a running
//! service, in one place. Each response is read as errcat's clients read it
//! ([`read_response`](crate::read_response)), then compared with what the
//! catalog promises for its code: the status, the envelope the runtime
//! writes, the message template, `Retry-After` and the request id. Findings
//! are data, each with a stable [`Kind`]; coverage says which codes the
//! traffic exercised.

#[cfg(feature = "tower")]
pub mod layer;
mod report;

use std::collections::{BTreeMap, BTreeSet};
use std::marker::PhantomData;
use std::time::Duration;

use serde_json::{Map, Value};

use crate::template::{self, Piece};
use crate::{CatalogCode, EnvelopeFormat, ErrorBody, ParamType, RetryPolicy};

macro_rules! kinds {
    ($($variant:ident = $name:literal: $summary:literal,)*) => {
        /// What is wrong with a response, as a stable name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Kind {
            $(#[doc = $summary] $variant,)*
        }

        impl Kind {
            /// Every kind, in the order reports list them.
            pub const ALL: &[Kind] = &[$(Kind::$variant),*];

            /// Its stable name, as `errcat audit --json` writes it.
            pub fn as_str(self) -> &'static str {
                match self { $(Kind::$variant => $name,)* }
            }

            /// What it means, in one sentence.
            pub fn summary(self) -> &'static str {
                match self { $(Kind::$variant => $summary,)* }
            }
        }
    };
}

kinds! {
    UnknownCode = "unknown_code": "The body names a code the catalog does not have.",
    RetiredCode = "retired_code": "The body names a code the catalog has retired.",
    DeprecatedCode = "deprecated_code": "The body names a deprecated code.",
    CodeCase = "code_case": "The code is sent in another letter case than the catalog's.",
    WrongStatus = "wrong_status": "The HTTP status is not the code's.",
    ErrorBodyOnSuccess = "error_body_on_success": "A success status carries an error code.",
    ErrorWithoutBody = "error_without_body": "An error status carries no error code in its body.",
    WrongEnvelope = "wrong_envelope": "The body is not in the envelope style the catalog gives the code.",
    FieldCase = "field_case": "A member is named in another field case than the catalog's.",
    MissingMember = "missing_member": "A member the catalog's envelope always carries is missing.",
    MessageMismatch = "message_mismatch": "The message does not follow the code's template.",
    MissingRetryAfter = "missing_retry_after": "The code's retry policy waits for `Retry-After`, and the response has none.",
    BadRetryAfter = "bad_retry_after": "`Retry-After` is neither seconds nor an HTTP date.",
    MissingRequestId = "missing_request_id": "The request id header the catalog promises is missing.",
}

/// What an audit needs to know about a catalog. [`Generated`] gives it for
/// a generated `Code` enum; errcat's CLI gives it for a catalog it loaded.
pub trait Catalog {
    /// Whether the catalog is an HTTP API: when not, statuses and headers
    /// mean nothing and are not checked.
    fn http(&self) -> bool;
    /// The response header the catalog promises on every response, if any.
    fn request_id_header(&self) -> Option<&str>;
    /// How many codes the catalog has.
    fn code_count(&self) -> usize;
    /// The index of the code an identity names, as clients resolve it.
    fn resolve(&self, identity: &str) -> Option<usize>;
    /// The index of the code with this numeric code.
    fn by_numeric(&self, numeric: u32) -> Option<usize>;
    /// The facts of the code at `index`.
    fn facts(&self, index: usize) -> CodeFacts<'_>;
    /// The message template of the code at `index` in every locale that
    /// has one, with that locale's plural rules, the default first: a
    /// localized response follows one of them.
    fn templates(&self, index: usize) -> Vec<(&str, &str)>;
    /// The body the runtime writes for the code at `index` with every
    /// member it can carry: each param, a request id and, when its policy
    /// waits for one, a retry hint. Member names are what matters, not
    /// values.
    fn full_body(&self, index: usize) -> ErrorBody;
    /// What the catalog says of an identity it retired.
    fn retired(&self, identity: &str) -> Option<Retired<'_>>;
}

/// A code's facts, as an audit holds responses to them.
#[derive(Clone, Copy, Debug)]
pub struct CodeFacts<'a> {
    /// The wire name.
    pub wire_name: &'a str,
    /// The HTTP status.
    pub status: u16,
    /// Whether it is an error (not a success, warning or pending code).
    pub is_error: bool,
    /// The deprecation note, when deprecated.
    pub deprecated: Option<&'a str>,
    /// The message template.
    pub template: &'a str,
    /// Whether its retry policy waits for `Retry-After`.
    pub waits_for_retry_after: bool,
    /// The envelope its responses use.
    pub format: EnvelopeFormat,
}

/// A retired code, as the catalog's lock remembers it.
#[derive(Clone, Copy, Debug)]
pub struct Retired<'a> {
    /// Its name.
    pub name: &'a str,
    /// Why it was retired.
    pub reason: Option<&'a str>,
}

/// One exchange to audit.
#[derive(Clone, Copy, Debug)]
pub struct Exchange<'a> {
    /// The request method.
    pub method: &'a str,
    /// The request URL (or path).
    pub url: &'a str,
    /// The response status; 0 when no response was recorded.
    pub status: u16,
    /// The response headers.
    pub headers: &'a [(&'a str, &'a str)],
    /// The response body.
    pub body: &'a [u8],
}

/// One problem with one response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Which exchange: a HAR entry's 0-based index, or the order a
    /// `layer::AuditLayer` saw it in.
    pub entry: usize,
    /// The request method.
    pub method: String,
    /// The request URL.
    pub url: String,
    /// The code as sent, when the body names one.
    pub code: Option<String>,
    /// What is wrong.
    pub kind: Kind,
    /// What exactly, for people.
    pub detail: String,
}

/// The findings an audit keeps in full; past them it counts, so traffic
/// with a finding in each of millions of responses needs no more memory.
pub const MAX_KEPT_FINDINGS: usize = 10_000;

/// The member paths of a code's envelope, worked out once per code.
struct Shape {
    /// Every member the envelope always carries.
    always: BTreeSet<String>,
    /// Every member it can carry.
    every: BTreeSet<String>,
    /// Where the code itself goes.
    code_path: Option<String>,
}

/// An audit in progress: feed it exchanges, then read its findings and
/// coverage.
pub struct Auditor<K> {
    catalog: K,
    findings: Vec<Finding>,
    counts: BTreeMap<Kind, usize>,
    exercised: Vec<bool>,
    shapes: Vec<Option<Shape>>,
    responses: usize,
}

type Found = Vec<(Kind, Option<String>, String)>;

impl<K: Catalog> Auditor<K> {
    /// An audit against `catalog`.
    pub fn new(catalog: K) -> Self {
        let n = catalog.code_count();
        Self {
            catalog,
            findings: Vec::new(),
            counts: BTreeMap::new(),
            exercised: vec![false; n],
            shapes: (0..n).map(|_| None).collect(),
            responses: 0,
        }
    }

    /// The catalog audited against.
    pub fn catalog(&self) -> &K {
        &self.catalog
    }

    /// Checks one exchange; `entry` is how findings name it.
    pub fn check(&mut self, entry: usize, exchange: &Exchange<'_>) {
        if exchange.status == 0 {
            // No response was recorded: nothing to hold to the catalog.
            return;
        }
        self.responses += 1;
        let mut found = Found::new();
        self.check_exchange(exchange, &mut found);
        for (kind, code, detail) in found {
            *self.counts.entry(kind).or_default() += 1;
            if self.findings.len() < MAX_KEPT_FINDINGS {
                self.findings.push(Finding {
                    entry,
                    method: exchange.method.to_string(),
                    url: exchange.url.to_string(),
                    code,
                    kind,
                    detail,
                });
            }
        }
    }

    /// The findings, in the order they were found: the first
    /// [`MAX_KEPT_FINDINGS`].
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Every finding's count by kind, kept or not.
    pub fn counts(&self) -> &BTreeMap<Kind, usize> {
        &self.counts
    }

    /// How many findings there were, kept or not.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }

    /// How many responses were audited.
    pub fn responses(&self) -> usize {
        self.responses
    }

    /// The indexes of the codes the traffic exercised, in catalog order.
    pub fn exercised(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.exercised.len()).filter(|&i| self.exercised[i])
    }

    /// The indexes of the codes the traffic never exercised, in catalog
    /// order.
    pub fn never_exercised(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.exercised.len()).filter(|&i| !self.exercised[i])
    }

    fn check_exchange(&mut self, exchange: &Exchange<'_>, out: &mut Found) {
        let catalog = &self.catalog;
        let status = exchange.status;
        let header = |name: &str| {
            exchange
                .headers
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(name))
                .map(|(_, v)| *v)
        };
        if catalog.http()
            && let Some(promised) = catalog.request_id_header()
            && header(promised).is_none()
        {
            out.push((
                Kind::MissingRequestId,
                None,
                format!(
                    "no `{promised}` header: the docs promise one on every response \
                     (send it, or set `request_id_header = \"\"` under `[envelope]` if the API has none)"
                ),
            ));
        }
        let read = crate::read_response(
            status,
            exchange.headers,
            exchange.body,
            catalog.request_id_header().unwrap_or_default(),
        );
        let wire = read
            .wire_code
            .clone()
            .or_else(|| read.numeric.map(|n| n.to_string()));
        let Some(wire) = wire else {
            if status >= 400 {
                out.push((
                    Kind::ErrorWithoutBody,
                    None,
                    format!("HTTP {status} with no error code in its body"),
                ));
            }
            return;
        };
        let mut index = read
            .numeric
            .and_then(|n| u32::try_from(n).ok())
            .and_then(|n| catalog.by_numeric(n))
            .or_else(|| catalog.resolve(&wire))
            .or_else(|| {
                read.fallback_code
                    .as_deref()
                    .and_then(|f| catalog.resolve(f))
            });
        if index.is_none() {
            // In another case: name the code it is, and go on with it.
            index = (0..catalog.code_count())
                .find(|&i| catalog.facts(i).wire_name.eq_ignore_ascii_case(&wire));
            if let Some(i) = index {
                out.push((
                    Kind::CodeCase,
                    Some(wire.clone()),
                    format!(
                        "sent as `{wire}`; the catalog's code is `{}`",
                        catalog.facts(i).wire_name
                    ),
                ));
            }
        }
        let Some(index) = index else {
            match catalog.retired(&wire) {
                Some(r) => out.push((
                    Kind::RetiredCode,
                    Some(wire.clone()),
                    format!(
                        "`{}` was retired: {}",
                        r.name,
                        r.reason.unwrap_or("no reason given")
                    ),
                )),
                None => out.push((
                    Kind::UnknownCode,
                    Some(wire.clone()),
                    format!("`{wire}` is not a code of the catalog"),
                )),
            }
            return;
        };
        self.exercised[index] = true;
        let code = catalog.facts(index);
        let named = Some(wire.clone());
        if let Some(note) = code.deprecated {
            out.push((
                Kind::DeprecatedCode,
                named.clone(),
                format!("`{}` is deprecated: {note}", code.wire_name),
            ));
        }
        if catalog.http() {
            if status < 400 && code.is_error {
                out.push((
                    Kind::ErrorBodyOnSuccess,
                    named.clone(),
                    format!(
                        "HTTP {status} carries the error `{}` (HTTP {})",
                        code.wire_name, code.status
                    ),
                ));
            } else if status != code.status {
                out.push((
                    Kind::WrongStatus,
                    named.clone(),
                    format!(
                        "HTTP {status}; `{}` is HTTP {}",
                        code.wire_name, code.status
                    ),
                ));
            }
        }
        if let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(exchange.body) {
            let shape = self.shapes[index].get_or_insert_with(|| shape_of(catalog, index));
            check_envelope(&code, shape, &body, &named, out);
        }
        check_message(&code, &catalog.templates(index), &read, &named, out);
        if code.is_error && code.waits_for_retry_after {
            match header("retry-after") {
                None => out.push((
                    Kind::MissingRetryAfter,
                    named.clone(),
                    format!(
                        "`{}` is retried after `Retry-After`, and the response has none",
                        code.wire_name
                    ),
                )),
                Some(value)
                    if crate::parse_retry_after(value, std::time::SystemTime::now()).is_none() =>
                {
                    out.push((
                        Kind::BadRetryAfter,
                        named,
                        format!("`Retry-After: {value}` is neither seconds nor an HTTP date"),
                    ));
                }
                Some(_) => {}
            }
        }
    }
}

/// The member paths of the code's envelope. Members that depend on the
/// response rather than the code (request id, retry hint, param, docs
/// link, details) may be missing; the rest are always written.
fn shape_of(catalog: &impl Catalog, index: usize) -> Shape {
    let format = catalog.facts(index).format;
    let full = catalog.full_body(index);
    let mut every = BTreeSet::new();
    leaf_paths(&full.to_json(format), "", &mut every);
    let wire_name = full.code.clone();
    let always_body = ErrorBody {
        request_id: None,
        retry_after: None,
        param: None,
        docs_url: None,
        details: Map::new(),
        ..full
    };
    let always_json = always_body.to_json(format);
    let mut always = BTreeSet::new();
    leaf_paths(&always_json, "", &mut always);
    Shape {
        always,
        every,
        code_path: path_of(&always_json, &wire_name, ""),
    }
}

/// The body against the envelope errcat's runtime writes for the code: the
/// style's wrapper, then every member it always writes, in its field case.
fn check_envelope(
    code: &CodeFacts<'_>,
    shape: &Shape,
    body: &Map<String, Value>,
    named: &Option<String>,
    out: &mut Found,
) {
    let style = code.format.style;
    if let Some(wrapper) = style.wrapper() {
        let shape_fits = match (body.get(wrapper), style.is_list()) {
            (Some(Value::Array(list)), true) => list.first().is_some_and(Value::is_object),
            (Some(Value::Object(_)), false) => true,
            _ => false,
        };
        if !shape_fits {
            let wanted = if style.is_list() {
                "a list"
            } else {
                "an object"
            };
            out.push((
                Kind::WrongEnvelope,
                named.clone(),
                format!(
                    "`{}` bodies hold the error in `{wrapper}`, {wanted}",
                    style.as_str()
                ),
            ));
            return;
        }
    }
    let mut have = BTreeSet::new();
    for (key, value) in body {
        leaf_paths_under(key, value, "", &mut have);
    }
    let folded = |p: &str| p.replace('_', "").to_ascii_lowercase();
    for path in shape.always.difference(&have) {
        match have.iter().find(|h| folded(h) == folded(path)) {
            Some(other) => out.push((
                Kind::FieldCase,
                named.clone(),
                format!("`{other}` is `{path}` in this catalog"),
            )),
            None => out.push((
                Kind::MissingMember,
                named.clone(),
                format!(
                    "no `{path}`, which the `{}` envelope always carries",
                    style.as_str()
                ),
            )),
        }
    }
    // Optional members too, when present in the other case.
    for path in have.difference(&shape.every) {
        let catalog_path = shape
            .every
            .iter()
            .find(|p| folded(p) == folded(path) && !have.contains(*p));
        if let Some(catalog_path) = catalog_path
            && !shape.always.contains(catalog_path)
        {
            out.push((
                Kind::FieldCase,
                named.clone(),
                format!("`{path}` is `{catalog_path}` in this catalog"),
            ));
        }
    }
    // The code itself, where the envelope puts it.
    if let Some(path) = &shape.code_path
        && let Some(Value::String(sent)) = value_at(body, path)
        && sent != code.wire_name
        && sent.eq_ignore_ascii_case(code.wire_name)
        && !out.iter().any(|(k, _, _)| *k == Kind::CodeCase)
    {
        out.push((
            Kind::CodeCase,
            named.clone(),
            format!(
                "`{path}` is `{sent}`; the catalog's code is `{}`",
                code.wire_name
            ),
        ));
    }
}

/// The message against the code's template in any of its locales: exactly,
/// when the body gives every param; else its fixed text, in order.
fn check_message(
    code: &CodeFacts<'_>,
    templates: &[(&str, &str)],
    read: &crate::ReadResponse,
    named: &Option<String>,
    out: &mut Found,
) {
    let message = read.message.as_str();
    let fits_one = |&(template, plurals): &(&str, &str)| {
        let Ok(pieces) = template::parse(template, |_| true) else {
            return true;
        };
        let all_known = template::param_uses(&pieces)
            .iter()
            .all(|(name, _, _)| read.details.contains_key(*name));
        if all_known {
            let params: Vec<(&str, Value)> = read
                .details
                .iter()
                .map(|(k, v)| (k.as_str(), v.clone()))
                .collect();
            crate::error::render_catalog_template(template, plurals, &params) == message
        } else {
            follows(&pieces, message)
        }
    };
    if !templates.iter().any(fits_one) {
        out.push((
            Kind::MessageMismatch,
            named.clone(),
            format!(
                "\"{}\" does not follow \"{}\"",
                clip(message),
                clip(code.template)
            ),
        ));
    }
}

/// Whether `message` has the template's text pieces in order, the first at
/// its start and the last at its end, with anything for each placeholder.
fn follows(pieces: &[Piece<'_>], message: &str) -> bool {
    let mut rest = message;
    let mut anything_before = false;
    for (i, piece) in pieces.iter().enumerate() {
        match piece {
            // A choice's arms differ: anything may stand for it.
            Piece::Placeholder { .. } | Piece::Choice(_) | Piece::Number { .. } => {
                anything_before = true
            }
            Piece::Text(text) => {
                let last = i + 1 == pieces.len();
                let at = if last {
                    rest.len()
                        .checked_sub(text.len())
                        .filter(|&at| rest.is_char_boundary(at) && &rest[at..] == *text)
                } else if anything_before {
                    rest.find(text)
                } else {
                    rest.starts_with(text).then_some(0)
                };
                let Some(at) = at else { return false };
                if at > 0 && !anything_before {
                    return false;
                }
                rest = &rest[at + text.len()..];
                anything_before = false;
            }
        }
    }
    anything_before || rest.is_empty()
}

fn clip(text: &str) -> String {
    const MAX: usize = 80;
    match text.char_indices().nth(MAX) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_string(),
    }
}

/// The paths of a JSON value's leaves: `error.code`, list items as `[]`,
/// AIP-193 details by their type (`error.details[ErrorInfo].reason`).
fn leaf_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) if !map.is_empty() => {
            for (key, v) in map {
                leaf_paths_under(key, v, prefix, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for item in items.iter().filter(|i| i.is_object()) {
                let label = item
                    .get("@type")
                    .and_then(Value::as_str)
                    .map(|t| t.rsplit('.').next().unwrap_or(t))
                    .unwrap_or_default();
                leaf_paths(item, &format!("{prefix}[{label}]"), out);
            }
        }
        _ => {
            out.insert(prefix.to_string());
        }
    }
}

fn leaf_paths_under(key: &str, value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    if key == "@type" {
        return;
    }
    let path = if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    };
    leaf_paths(value, &path, out);
}

/// The path of the first leaf whose value is the string `wanted`.
fn path_of(value: &Value, wanted: &str, prefix: &str) -> Option<String> {
    match value {
        Value::String(s) if s == wanted => Some(prefix.to_string()),
        Value::Object(map) => map.iter().find_map(|(k, v)| {
            let path = if prefix.is_empty() {
                k.clone()
            } else {
                format!("{prefix}.{k}")
            };
            path_of(v, wanted, &path)
        }),
        Value::Array(items) => items
            .first()
            .and_then(|v| path_of(v, wanted, &format!("{prefix}[0]"))),
        _ => None,
    }
}

/// The value at a path [`path_of`] gave.
fn value_at<'v>(body: &'v Map<String, Value>, path: &str) -> Option<&'v Value> {
    let mut parts = path.split('.');
    let mut value = step(body, parts.next()?)?;
    for part in parts {
        value = step(value.as_object()?, part)?;
    }
    Some(value)
}

fn step<'v>(object: &'v Map<String, Value>, part: &str) -> Option<&'v Value> {
    match part.strip_suffix("[0]") {
        Some(key) => object.get(key)?.as_array()?.first(),
        None => object.get(part),
    }
}

/// A generated `Code` enum as an audit's [`Catalog`]: what the generated
/// crate knows, which is what the CLI knows, retired codes included.
pub struct Generated<C>(PhantomData<fn() -> C>);

impl<C> Generated<C> {
    /// The catalog of `C`.
    pub const fn new() -> Self {
        Self(PhantomData)
    }
}

impl<C> Default for Generated<C> {
    fn default() -> Self {
        Self::new()
    }
}

impl<C> Clone for Generated<C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C> Copy for Generated<C> {}

impl<C: CatalogCode> Generated<C> {
    /// The code at `index`, in catalog order.
    pub fn code(&self, index: usize) -> C {
        C::all()[index]
    }

    fn index_of(code: C) -> Option<usize> {
        C::all().iter().position(|&c| c == code)
    }
}

/// A value of a param's type, for the member names it gives the envelope.
fn example_of(ty: ParamType) -> Value {
    match ty {
        ParamType::String => Value::from("x"),
        ParamType::Bool => Value::from(true),
        ParamType::F64 => Value::from(1.5),
        ParamType::U16 | ParamType::U32 | ParamType::U64 | ParamType::I32 | ParamType::I64 => {
            Value::from(1)
        }
    }
}

impl<C: CatalogCode> Catalog for Generated<C> {
    fn http(&self) -> bool {
        // Only an HTTP catalog's `Code` implements `CatalogCode`.
        true
    }

    fn request_id_header(&self) -> Option<&str> {
        Some(C::REQUEST_ID_HEADER).filter(|h| !h.is_empty())
    }

    fn code_count(&self) -> usize {
        C::all().len()
    }

    fn resolve(&self, identity: &str) -> Option<usize> {
        C::resolve(identity).and_then(Self::index_of)
    }

    fn by_numeric(&self, numeric: u32) -> Option<usize> {
        C::from_numeric(numeric).and_then(Self::index_of)
    }

    fn facts(&self, index: usize) -> CodeFacts<'_> {
        let code = self.code(index);
        CodeFacts {
            wire_name: code.as_str(),
            status: code.http_status(),
            is_error: code.kind().is_error(),
            deprecated: code.deprecated(),
            template: code.message_template(),
            waits_for_retry_after: matches!(code.retry(), RetryPolicy::AfterHeader { .. }),
            format: code.envelope(),
        }
    }

    fn templates(&self, index: usize) -> Vec<(&str, &str)> {
        let code = self.code(index);
        (0..C::LOCALES.tags.len())
            .filter_map(|at| {
                let template = code.text_in(at, crate::Text::Message)?;
                Some((
                    template,
                    C::LOCALES.plurals.get(at).copied().unwrap_or_default(),
                ))
            })
            .collect()
    }

    fn full_body(&self, index: usize) -> ErrorBody {
        let code = self.code(index);
        let mut body = crate::Error::new(code).body();
        body.request_id = Some("req".into());
        body.param = Some("param".into());
        if matches!(code.retry(), RetryPolicy::AfterHeader { .. }) {
            body.retry_after = Some(Duration::from_secs(1));
        }
        body.details = code
            .params()
            .map(|p| (p.name.to_string(), example_of(p.ty)))
            .collect();
        body
    }

    fn retired(&self, identity: &str) -> Option<Retired<'_>> {
        C::retired(identity).map(|(name, reason)| Retired { name, reason })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(t: &str) -> Vec<Piece<'_>> {
        template::parse(t, |_| true).unwrap()
    }

    #[test]
    fn a_message_follows_its_template_with_anything_for_params() {
        let t = "Only {available} of {requested} units are in stock.";
        assert!(follows(&pieces(t), "Only 2 of 5 units are in stock."));
        assert!(!follows(&pieces(t), "Only 2 of 5 units left."));
        assert!(!follows(
            &pieces(t),
            "Sorry: only 2 of 5 units are in stock."
        ));
        assert!(follows(&pieces("{reason}"), "anything at all"));
        assert!(follows(&pieces("Fixed text."), "Fixed text."));
        assert!(!follows(&pieces("Fixed text."), "Fixed text. And more"));
        assert!(follows(&pieces("{a}: {b}"), "x: y: z"));
    }
}
