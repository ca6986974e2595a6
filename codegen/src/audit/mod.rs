//! `errcat audit`: recorded traffic held to the catalog. Each response is
//! read as errcat's clients read it (`errcat_runtime::read_response`), then
//! compared with what the catalog promises for its code: the status, the
//! envelope the runtime writes, the message template, `Retry-After` and the
//! request id. Findings are data, each with a stable [`Kind`].

pub mod har;

use std::collections::BTreeSet;

use errcat_runtime::template::{self, Piece};
use serde_json::{Map, Value};

use crate::model::{Code, Model, RetryStrategy};
pub use har::{Entry, HarError, for_each_entry};

macro_rules! kinds {
    ($($variant:ident = $name:literal: $summary:literal,)*) => {
        /// What is wrong with a response, as a stable name.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Kind {
            $(#[doc = $summary] $variant,)*
        }

        impl Kind {
            /// Every kind, in the order reports list them.
            pub const ALL: &[Kind] = &[$(Kind::$variant),*];

            /// Its stable name, as `--json` writes it.
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

/// One problem with one response.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// The 0-based index of the HAR entry.
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

/// The findings an audit keeps in full; past them it counts, so a HAR
/// with a finding in each of millions of entries needs no more memory.
pub const MAX_KEPT_FINDINGS: usize = 10_000;

/// An audit in progress: feed it responses, then read its findings and
/// coverage.
pub struct Audit<'m> {
    model: &'m Model,
    /// The identity pattern, compiled once.
    pattern: Option<errcat_runtime::identity::IdentityPattern>,
    /// Findings, in entry order: the first [`MAX_KEPT_FINDINGS`].
    pub findings: Vec<Finding>,
    /// Every finding's count by kind, kept or not.
    pub counts: std::collections::BTreeMap<Kind, usize>,
    /// Indexes of the codes the traffic exercised.
    pub exercised: BTreeSet<usize>,
    /// Responses audited.
    pub responses: usize,
}

impl<'m> Audit<'m> {
    /// An audit against `model`.
    pub fn new(model: &'m Model) -> Self {
        let pattern = model
            .meta
            .identity_pattern
            .as_deref()
            .and_then(|p| errcat_runtime::identity::IdentityPattern::new(p).ok());
        Self {
            model,
            pattern,
            findings: Vec::new(),
            counts: Default::default(),
            exercised: BTreeSet::new(),
            responses: 0,
        }
    }

    /// The codes the traffic never exercised, in catalog order.
    pub fn never_exercised(&self) -> Vec<&'m Code> {
        let model = self.model;
        (0..model.codes.len())
            .filter(|i| !self.exercised.contains(i))
            .map(|i| &model.codes[i])
            .collect()
    }

    /// Checks one response.
    pub fn check(&mut self, entry: &Entry) {
        if entry.status == 0 {
            // No response was recorded: nothing to hold to the catalog.
            return;
        }
        self.responses += 1;
        let mut found = Vec::new();
        check_entry(
            self.model,
            self.pattern.as_ref(),
            entry,
            &mut found,
            &mut self.exercised,
        );
        for (kind, code, detail) in found {
            *self.counts.entry(kind).or_default() += 1;
            if self.findings.len() < MAX_KEPT_FINDINGS {
                self.findings.push(Finding {
                    entry: entry.index,
                    method: entry.method.clone(),
                    url: entry.url.clone(),
                    code,
                    kind,
                    detail,
                });
            }
        }
    }

    /// How many findings there were, kept or not.
    pub fn total(&self) -> usize {
        self.counts.values().sum()
    }
}

type Found = Vec<(Kind, Option<String>, String)>;

fn header<'e>(entry: &'e Entry, name: &str) -> Option<&'e str> {
    entry
        .headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn check_entry(
    model: &Model,
    pattern: Option<&errcat_runtime::identity::IdentityPattern>,
    entry: &Entry,
    out: &mut Found,
    exercised: &mut BTreeSet<usize>,
) {
    let status = entry.status;
    if model.meta.http
        && let Some(promised) = &model.meta.request_id_header
        && header(entry, promised).is_none()
    {
        out.push((
            Kind::MissingRequestId,
            None,
            format!("no `{promised}` header: the docs promise one on every response"),
        ));
    }
    let headers: Vec<(&str, &str)> = entry
        .headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let header_name = model.meta.request_id_header.as_deref().unwrap_or_default();
    let read = errcat_runtime::read_response(status, &headers, &entry.body, header_name);
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
    let by_numeric = read
        .numeric
        .and_then(|n| u32::try_from(n).ok())
        .and_then(|n| model.codes.iter().position(|c| c.numeric == Some(n)));
    let by_name = |name: &str| {
        let code = model.resolve_with(name, pattern)?;
        model.codes.iter().position(|c| std::ptr::eq(c, code))
    };
    let mut index = by_numeric
        .or_else(|| by_name(&wire))
        .or_else(|| read.fallback_code.as_deref().and_then(by_name));
    if index.is_none() {
        // In another case: name the code it is, and go on with it.
        index = model
            .codes
            .iter()
            .position(|c| c.wire_name.eq_ignore_ascii_case(&wire));
        if let Some(i) = index {
            out.push((
                Kind::CodeCase,
                Some(wire.clone()),
                format!(
                    "sent as `{wire}`; the catalog's code is `{}`",
                    model.codes[i].wire_name
                ),
            ));
        }
    }
    let Some(index) = index else {
        let retired = model
            .retired
            .iter()
            .find(|r| r.record.identities(&r.name).any(|id| id == wire));
        match retired {
            Some(r) => out.push((
                Kind::RetiredCode,
                Some(wire.clone()),
                format!(
                    "`{}` was retired: {}",
                    r.name,
                    r.record.reason.as_deref().unwrap_or("no reason given")
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
    exercised.insert(index);
    let code = &model.codes[index];
    let named = Some(wire.clone());
    if let Some(note) = &code.deprecated {
        out.push((
            Kind::DeprecatedCode,
            named.clone(),
            format!("`{}` is deprecated: {note}", code.wire_name),
        ));
    }
    if model.meta.http {
        if status < 400 && code.kind.is_error() {
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
    if let Ok(Value::Object(body)) = serde_json::from_slice::<Value>(&entry.body) {
        check_envelope(model, code, &read, &body, &wire, out);
    }
    check_message(code, &read, &named, out);
    if code.kind.is_error()
        && matches!(
            model.retry_of(code).strategy,
            RetryStrategy::AfterHeader { .. }
        )
    {
        match header(entry, "retry-after") {
            None => out.push((
                Kind::MissingRetryAfter,
                named.clone(),
                format!(
                    "`{}` is retried after `Retry-After`, and the response has none",
                    code.wire_name
                ),
            )),
            Some(value)
                if errcat_runtime::parse_retry_after(value, std::time::SystemTime::now())
                    .is_none() =>
            {
                out.push((
                    Kind::BadRetryAfter,
                    named.clone(),
                    format!("`Retry-After: {value}` is neither seconds nor an HTTP date"),
                ));
            }
            Some(_) => {}
        }
    }
}

/// The body against the envelope errcat's runtime writes for `code`: the
/// style's wrapper, then every member it always writes, in its field case.
fn check_envelope(
    model: &Model,
    code: &Code,
    read: &errcat_runtime::ReadResponse,
    body: &Map<String, Value>,
    wire: &str,
    out: &mut Found,
) {
    let format = model.envelope.with_style(code.envelope);
    let named = Some(wire.to_string());
    let full = crate::emit::markdown::example_body(model, code);
    let mut every = BTreeSet::new();
    leaf_paths(&full.to_json(format), "", &mut every);
    let mut expected = full;
    // Members that depend on the response, not the code, are not required.
    expected.message = read.message.clone();
    expected.request_id = None;
    expected.retry_after = None;
    expected.param = None;
    expected.docs_url = None;
    expected.details = Map::new();
    let Value::Object(expected) = expected.to_json(format) else {
        return;
    };
    let style = format.style;
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
                named,
                format!(
                    "`{}` bodies hold the error in `{wrapper}`, {wanted}",
                    style.as_str()
                ),
            ));
            return;
        }
    }
    let mut want = BTreeSet::new();
    leaf_paths(&Value::Object(expected.clone()), "", &mut want);
    let mut have = BTreeSet::new();
    leaf_paths(&Value::Object(body.clone()), "", &mut have);
    let folded = |p: &str| p.replace('_', "").to_ascii_lowercase();
    for path in want.difference(&have) {
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
    for path in have.difference(&every) {
        let catalog_path = every
            .iter()
            .find(|p| folded(p) == folded(path) && !have.contains(*p));
        if let Some(catalog_path) = catalog_path
            && !want.contains(catalog_path)
        {
            out.push((
                Kind::FieldCase,
                named.clone(),
                format!("`{path}` is `{catalog_path}` in this catalog"),
            ));
        }
    }
    // The code itself, where the envelope puts it.
    if let Some(path) = path_of(&Value::Object(expected), &code.wire_name, "")
        && let Some(Value::String(sent)) = value_at(body, &path)
        && sent != &code.wire_name
        && sent.eq_ignore_ascii_case(&code.wire_name)
        && !out.iter().any(|(k, _, _)| *k == Kind::CodeCase)
    {
        out.push((
            Kind::CodeCase,
            named,
            format!(
                "`{path}` is `{sent}`; the catalog's code is `{}`",
                code.wire_name
            ),
        ));
    }
}

/// The message against the code's template: exactly, when the body gives
/// every param; else its fixed text, in order.
fn check_message(
    code: &Code,
    read: &errcat_runtime::ReadResponse,
    named: &Option<String>,
    out: &mut Found,
) {
    let Ok(pieces) = template::parse(&code.message, |_| true) else {
        return;
    };
    let message = read.message.as_str();
    let all_known = pieces.iter().all(|p| match p {
        Piece::Placeholder { name, .. } => read.details.contains_key(*name),
        Piece::Text(_) => true,
    });
    let fits = if all_known {
        let params: Vec<(&str, Value)> = read
            .details
            .iter()
            .map(|(k, v)| (k.as_str(), v.clone()))
            .collect();
        errcat_runtime::render_template(&code.message, &params) == message
    } else {
        follows(&pieces, message)
    };
    if !fits {
        out.push((
            Kind::MessageMismatch,
            named.clone(),
            format!(
                "\"{}\" does not follow \"{}\"",
                clip(message),
                clip(&code.message)
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
            Piece::Placeholder { .. } => anything_before = true,
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
                if key == "@type" {
                    continue;
                }
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                leaf_paths(v, &path, out);
            }
        }
        Value::Array(items) if items.iter().any(Value::is_object) => {
            for item in items.iter().filter(|i| i.is_object()) {
                let label = item
                    .get("@type")
                    .and_then(Value::as_str)
                    .map(|t| t.rsplit('.').next().unwrap_or(t).to_string())
                    .unwrap_or_default();
                leaf_paths(item, &format!("{prefix}[{label}]"), out);
            }
        }
        _ => {
            out.insert(prefix.to_string());
        }
    }
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
