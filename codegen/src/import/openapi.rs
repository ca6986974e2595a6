//! `errcat import openapi SPEC`: the error responses of an OpenAPI 3.0 or
//! 3.1 document (JSON or YAML). Codes come from the `code` enums and
//! consts of error schemas (through `$ref`, `allOf`, `oneOf`, `anyOf` and
//! discriminator mappings), from `x-errors` lists, and from examples; each
//! is read with the status of the response it is under, and every fact
//! with the JSON pointer it was read at.

use std::collections::HashSet;

use serde_json::Value;

use super::{Draft, Envelope, Fact, Param, RetryClass};

/// Member names that carry a code in an error object.
const CODE_MEMBERS: &[&str] = &["code", "error_code", "errorCode", "reason"];
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Parses a spec as JSON or YAML into the draft of its error codes.
pub fn read(text: &str, source: &str) -> Result<Draft, String> {
    let doc: Value = if text.trim_start().starts_with('{') {
        serde_json::from_str(text).map_err(|e| format!("invalid JSON: {e}"))?
    } else {
        serde_norway::from_str(text).map_err(|e| format!("invalid YAML: {e}"))?
    };
    let version = doc.get("openapi").and_then(Value::as_str).unwrap_or("");
    if !version.starts_with("3.") {
        return Err(match doc.get("swagger") {
            Some(_) => "Swagger 2.0 is not read; convert it to OpenAPI 3 first (for example with swagger2openapi)".into(),
            None => "it has no `openapi: 3.x` member".into(),
        });
    }
    let mut reader = Reader {
        doc: &doc,
        draft: Draft {
            reader: "openapi",
            source: source.to_string(),
            http: true,
            ..Draft::default()
        },
        seen_bodies: HashSet::new(),
    };
    if let Some(title) = doc.pointer("/info/title").and_then(Value::as_str) {
        let name = title
            .trim_end_matches(" errors")
            .trim_end_matches(" API")
            .to_string();
        reader.draft.name = Some(Fact::read(name, "/info/title"));
    }
    if let Some(d) = doc.pointer("/info/description").and_then(Value::as_str) {
        reader.draft.description = Some(Fact::read(d.to_string(), "/info/description"));
    }
    reader.x_errors(&doc, "");
    // Operations first: they give each response its status, which a
    // reusable response's name may not.
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(*method) else {
                    continue;
                };
                let at = format!("/paths/{}/{method}", escape(path));
                reader.x_errors(op, &at);
                let Some(responses) = op.get("responses").and_then(Value::as_object) else {
                    continue;
                };
                for (status, response) in responses {
                    reader.response(
                        response,
                        parse_status(status),
                        &format!("{at}/responses/{}", escape(status)),
                    );
                }
            }
        }
    }
    if let Some(responses) = doc
        .pointer("/components/responses")
        .and_then(Value::as_object)
    {
        for (name, response) in responses {
            let status = status_in_name(name);
            reader.response(
                response,
                status,
                &format!("/components/responses/{}", escape(name)),
            );
        }
    }
    Ok(reader.draft)
}

/// `~` and `/` escaped for a JSON pointer.
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// The status of a response key: `404`, or `None` for `default` and
/// `4XX`-style ranges.
fn parse_status(key: &str) -> StatusKey {
    match key.parse::<u16>() {
        Ok(s) if (100..=599).contains(&s) => StatusKey::Exact(s),
        _ if key.len() == 3 && key.ends_with("XX") || key.ends_with("xx") => {
            StatusKey::Class(key.as_bytes()[0])
        }
        _ => StatusKey::Default,
    }
}

/// A status in a reusable response's name, such as `Error429` or
/// `NotFound404`.
fn status_in_name(name: &str) -> StatusKey {
    let digits: String = name.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u16>() {
        Ok(s) if digits.len() == 3 && (400..=599).contains(&s) => StatusKey::Exact(s),
        _ => StatusKey::Default,
    }
}

#[derive(Clone, Copy)]
enum StatusKey {
    Exact(u16),
    /// `4XX`: the first digit.
    Class(u8),
    Default,
}

impl StatusKey {
    fn is_error(self) -> bool {
        match self {
            StatusKey::Exact(s) => s >= 400,
            StatusKey::Class(d) => d == b'4' || d == b'5',
            StatusKey::Default => true,
        }
    }
}

struct Reader<'a> {
    doc: &'a Value,
    draft: Draft,
    /// Response bodies already read, by pointer, so a `$ref`'d response
    /// used by many operations is read once.
    seen_bodies: HashSet<String>,
}

impl<'a> Reader<'a> {
    /// Follows `$ref`s (local ones) to the value and its pointer.
    fn resolve(&self, value: &'a Value, at: &str) -> (&'a Value, String) {
        let mut value = value;
        let mut at = at.to_string();
        for _ in 0..32 {
            let Some(target) = value.get("$ref").and_then(Value::as_str) else {
                break;
            };
            let Some(pointer) = target.strip_prefix('#') else {
                break;
            };
            let Some(next) = self.doc.pointer(pointer) else {
                break;
            };
            value = next;
            at = pointer.to_string();
        }
        (value, at)
    }

    /// One response: its codes, their status, its headers and examples.
    fn response(&mut self, response: &'a Value, status: StatusKey, at: &str) {
        if !status.is_error() {
            return;
        }
        let (response, at) = self.resolve(response, at);
        if !self.seen_bodies.insert(at.clone()) {
            // Already read; a second status for the same codes adds nothing.
            return;
        }
        let retry_after = response
            .get("headers")
            .and_then(Value::as_object)
            .and_then(|h| {
                h.keys()
                    .find(|k| k.eq_ignore_ascii_case("retry-after"))
                    .cloned()
            });
        if let Some(h) = &retry_after {
            self.draft.retry_after_header =
                Some(Fact::read(true, format!("{at}/headers/{}", escape(h))));
        }
        if self.draft.request_id_header.is_none()
            && let Some(h) = response
                .get("headers")
                .and_then(Value::as_object)
                .and_then(|h| {
                    h.keys()
                        .find(|k| k.to_ascii_lowercase().contains("request-id"))
                })
        {
            self.draft.request_id_header =
                Some(Fact::read(h.clone(), format!("{at}/headers/{}", escape(h))));
        }
        let Some(content) = response.get("content").and_then(Value::as_object) else {
            return;
        };
        let first_new = self.draft.codes.len();
        let mut found = Vec::new();
        for (media, body) in content {
            if !media.contains("json") {
                continue;
            }
            let body_at = format!("{at}/content/{}", escape(media));
            if let Some(schema) = body.get("schema") {
                let mut codes = Vec::new();
                self.envelope(schema, media, &format!("{body_at}/schema"));
                self.schema_codes(schema, &format!("{body_at}/schema"), &mut codes, 0);
                found.extend(codes);
            }
            for (example, example_at) in examples(body, &body_at) {
                self.example(example, &example_at, &mut found);
            }
        }
        let reason = response
            .get("description")
            .and_then(Value::as_str)
            .unwrap_or("");
        for (i, code_at) in found {
            let code = &mut self.draft.codes[i];
            if code.status.is_none() {
                code.status = match status {
                    StatusKey::Exact(s) => Some(Fact::read(s, code_at.clone())),
                    StatusKey::Class(d) => Some(Fact::guessed(
                        u16::from(d - b'0') * 100,
                        format!("the spec gives the class {}XX only", d as char),
                    )),
                    StatusKey::Default => None,
                };
            }
            if code.retry.is_none()
                && let Some(h) = &retry_after
            {
                code.retry = Some(Fact::read(
                    RetryClass::AfterHeader,
                    format!("{at}/headers/{}", escape(h)),
                ));
            }
        }
        // A response of one code and no schema title: its description is
        // the code's description.
        if self.draft.codes.len() == first_new + 1 && !reason.is_empty() {
            let code = &mut self.draft.codes[first_new];
            if code.description.is_none() {
                code.description =
                    Some(Fact::read(reason.to_string(), format!("{at}/description")));
            }
        }
    }

    /// The envelope style a body schema shows, the first time one is seen.
    fn envelope(&mut self, schema: &'a Value, media: &str, at: &str) {
        if self.draft.envelope.is_some() {
            return;
        }
        let (schema, at) = self.resolve(schema, at);
        let props = properties(self, schema);
        let has = |k: &str| props.iter().any(|p| p == k);
        let style = if media.contains("problem") || (has("type") && has("title") && has("status")) {
            "problem"
        } else if has("error") {
            "nested"
        } else if has("detail") {
            "detail"
        } else {
            return;
        };
        let camel = props.iter().any(|p| p == "requestId");
        let inner = if style == "nested" {
            schema
                .pointer("/properties/error")
                .map(|e| properties(self, self.resolve(e, "").0))
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        let camel = camel
            || inner
                .iter()
                .any(|p| p == "requestId" || p == "retryAfterMs" || p == "docsUrl");
        let request_id_outside = style == "nested" && (has("request_id") || has("requestId"));
        self.draft.envelope = Some(Fact::read(
            Envelope {
                style: style.into(),
                camel,
                request_id_outside,
            },
            at,
        ));
    }

    /// The codes a schema names, each with its own schema's facts.
    fn schema_codes(
        &mut self,
        schema: &'a Value,
        at: &str,
        out: &mut Vec<(usize, String)>,
        depth: usize,
    ) {
        if depth > 12 {
            return;
        }
        let (schema, at) = self.resolve(schema, at);
        // A discriminator maps each code to its schema.
        if let Some(mapping) = schema
            .pointer("/discriminator/mapping")
            .and_then(Value::as_object)
            && CODE_MEMBERS.contains(
                &schema
                    .pointer("/discriminator/propertyName")
                    .and_then(Value::as_str)
                    .unwrap_or(""),
            )
        {
            for (code, target) in mapping {
                let Some(pointer) = target.as_str().and_then(|t| t.strip_prefix('#')) else {
                    continue;
                };
                let map_at = format!("{at}/discriminator/mapping/{}", escape(code));
                let i = self.draft.code_index(code, &map_at);
                if let Some(target) = self.doc.pointer(pointer) {
                    self.code_facts(i, target, pointer);
                }
                out.push((i, map_at));
            }
        }
        // The schema's own code constant or enum.
        for (written, code_at) in self.own_codes(schema, &at) {
            let i = self.draft.code_index(&written, &code_at);
            self.code_facts(i, schema, &at);
            if !out.iter().any(|(j, _)| *j == i) {
                out.push((i, code_at));
            }
        }
        for key in ["oneOf", "anyOf", "allOf"] {
            if let Some(list) = schema.get(key).and_then(Value::as_array) {
                let before = out.len();
                for (n, branch) in list.iter().enumerate() {
                    self.schema_codes(branch, &format!("{at}/{key}/{n}"), out, depth + 1);
                }
                // An allOf part that names the code: the whole schema
                // describes it.
                if key == "allOf" {
                    for i in out[before..].iter().map(|(i, _)| *i).collect::<Vec<_>>() {
                        self.code_facts(i, schema, &at);
                    }
                }
            }
        }
        if let Some(props) = schema.get("properties").and_then(Value::as_object) {
            for (name, prop) in props {
                if CODE_MEMBERS.contains(&name.as_str()) {
                    continue;
                }
                let nested = [
                    "error",
                    "errors",
                    "detail",
                    "details",
                    "extensions",
                    "items",
                ]
                .contains(&name.as_str());
                if nested {
                    self.schema_codes(
                        prop,
                        &format!("{at}/properties/{}", escape(name)),
                        out,
                        depth + 1,
                    );
                }
            }
        }
        for key in ["items", "contains"] {
            if let Some(items) = schema.get(key) {
                self.schema_codes(items, &format!("{at}/{key}"), out, depth + 1);
            }
        }
    }

    /// String constants and enums of a schema's code member.
    fn own_codes(&self, schema: &Value, at: &str) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Some(props) = schema.get("properties").and_then(Value::as_object) else {
            return out;
        };
        for member in CODE_MEMBERS {
            let Some(prop) = props.get(*member) else {
                continue;
            };
            let prop_at = format!("{at}/properties/{member}");
            let (prop, prop_at) = self.resolve(prop, &prop_at);
            if let Some(c) = prop.get("const").and_then(Value::as_str) {
                out.push((c.to_string(), format!("{prop_at}/const")));
            }
            if let Some(values) = prop.get("enum").and_then(Value::as_array) {
                for (n, v) in values.iter().enumerate() {
                    if let Some(c) = v.as_str() {
                        out.push((c.to_string(), format!("{prop_at}/enum/{n}")));
                    }
                }
            }
        }
        out
    }

    /// Title, message, params and retry of code `i` from its schema.
    fn code_facts(&mut self, i: usize, schema: &'a Value, at: &str) {
        let (schema, at) = self.resolve(schema, at);
        let written = self.draft.codes[i].written.clone();
        let enum_of_many = self.own_codes(schema, &at).len() > 1;
        let code = &mut self.draft.codes[i];
        if !enum_of_many {
            if code.title.is_none()
                && let Some(t) = schema.get("title").and_then(Value::as_str)
            {
                code.title = Some(Fact::read(t.to_string(), format!("{at}/title")));
            }
            if let Some(d) = schema.get("description").and_then(Value::as_str) {
                // errcat's own specs write "`code`: template".
                let own = format!("`{written}`: ");
                match d.strip_prefix(&own) {
                    Some(template)
                        if code.message.is_none()
                            || code.message.as_ref().is_some_and(Fact::is_guess) =>
                    {
                        code.message = Some(Fact::read(
                            template.to_string(),
                            format!("{at}/description"),
                        ));
                    }
                    Some(_) => {}
                    None if code.description.is_none() => {
                        code.description =
                            Some(Fact::read(d.to_string(), format!("{at}/description")));
                    }
                    None => {}
                }
            }
        }
        if code.retry.is_none() {
            let class = match schema.get("x-errcat-retry").and_then(Value::as_str) {
                Some("backoff") => Some(RetryClass::Backoff),
                Some("after_header") => Some(RetryClass::AfterHeader),
                Some("operation") => Some(RetryClass::Operation),
                Some("never") => Some(RetryClass::Never),
                _ => None,
            };
            if let Some(class) = class {
                code.retry = Some(Fact::read(class, format!("{at}/x-errcat-retry")));
            }
        }
        // Every declared fact errcat's own OpenAPI writes as `x-errcat-<key>`.
        for field in crate::fields::FIELDS {
            let extension = field.extension();
            if let Some(found) = schema.get(&extension).filter(|v| field.accepts(v))
                && code.declared(field.key).is_none()
            {
                let fact = Fact::read(found.clone(), format!("{at}/{extension}"));
                code.declared.push((field.key, fact));
            }
        }
        if code.params.is_empty() {
            let mut params = Vec::new();
            collect_params(schema, &at, &mut params, 0);
            code.params = params;
        }
    }

    /// `x-errors`: a list of `{code, status, message, description}`.
    fn x_errors(&mut self, node: &'a Value, at: &str) {
        let Some(list) = node.get("x-errors").and_then(Value::as_array) else {
            return;
        };
        for (n, entry) in list.iter().enumerate() {
            let item_at = format!("{at}/x-errors/{n}");
            let Some(written) = CODE_MEMBERS
                .iter()
                .find_map(|m| entry.get(*m).and_then(Value::as_str))
            else {
                continue;
            };
            let i = self.draft.code_index(written, &item_at);
            let code = &mut self.draft.codes[i];
            let text = |k: &str| {
                entry
                    .get(k)
                    .and_then(Value::as_str)
                    .map(|t| Fact::read(t.to_string(), format!("{item_at}/{k}")))
            };
            if code.status.is_none() {
                code.status = ["status", "httpStatus", "http_status"]
                    .iter()
                    .find_map(|k| {
                        let v = entry.get(*k)?;
                        let s = v.as_u64().or_else(|| v.as_str()?.parse().ok())?;
                        u16::try_from(s)
                            .ok()
                            .filter(|s| (100..=599).contains(s))
                            .map(|s| Fact::read(s, format!("{item_at}/{k}")))
                    });
            }
            code.message = code.message.take().or_else(|| {
                text("message").map(|f| Fact {
                    value: super::literal_template(&f.value),
                    how: f.how,
                })
            });
            code.description = code.description.take().or_else(|| text("description"));
            code.title = code.title.take().or_else(|| text("title"));
        }
    }

    /// An example body: its code and message.
    fn example(&mut self, example: &'a Value, at: &str, found: &mut Vec<(usize, String)>) {
        let (object, object_at) = match example.get("error") {
            Some(e) if e.is_object() => (e, format!("{at}/error")),
            _ => match example.get("detail") {
                Some(d) if d.is_object() => (d, format!("{at}/detail")),
                _ => (example, at.to_string()),
            },
        };
        let Some((member, written)) = CODE_MEMBERS
            .iter()
            .find_map(|m| object.get(*m).and_then(Value::as_str).map(|c| (*m, c)))
        else {
            return;
        };
        let i = self
            .draft
            .code_index(written, &format!("{object_at}/{member}"));
        let code = &mut self.draft.codes[i];
        // A problem's `detail` is its message; other bodies say `message`.
        let key = if object.get("title").is_some() && object.get("message").is_none() {
            "detail"
        } else {
            "message"
        };
        if code.message.is_none()
            && let Some(m) = object.get(key).and_then(Value::as_str)
        {
            code.message = Some(Fact::read(
                super::literal_template(m),
                format!("{object_at}/{key}"),
            ));
        }
        if code.error_type.is_none()
            && let Some(t) = object.get("type").and_then(Value::as_str)
            && !t.contains('/')
            && t != "about:blank"
        {
            code.error_type = Some(Fact::read(t.to_string(), format!("{object_at}/type")));
        }
        if !found.iter().any(|(j, _)| *j == i) {
            found.push((i, format!("{object_at}/{member}")));
        }
    }
}

/// A media type's examples: `example`, and each of `examples`' values.
fn examples<'a>(body: &'a Value, at: &str) -> Vec<(&'a Value, String)> {
    let mut out = Vec::new();
    if let Some(e) = body.get("example") {
        out.push((e, format!("{at}/example")));
    }
    if let Some(map) = body.get("examples").and_then(Value::as_object) {
        for (name, e) in map {
            if let Some(v) = e.get("value") {
                out.push((v, format!("{at}/examples/{}/value", escape(name))));
            }
        }
    }
    out
}

/// The property names of a schema, through `allOf`.
fn properties(reader: &Reader<'_>, schema: &Value) -> Vec<String> {
    let mut out: Vec<String> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default();
    if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
        for part in parts {
            out.extend(properties(reader, reader.resolve(part, "").0));
        }
    }
    out
}

/// The params of a code's schema: the properties of its `details`,
/// `params`, `metadata` or `meta.params` object.
fn collect_params(schema: &Value, at: &str, out: &mut Vec<Param>, depth: usize) {
    if depth > 6 {
        return;
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        for holder in ["details", "params", "metadata"] {
            if let Some(obj) = props
                .get(holder)
                .and_then(|h| h.get("properties"))
                .and_then(Value::as_object)
            {
                for (name, p) in obj {
                    if out.iter().any(|x| x.name == *name) {
                        continue;
                    }
                    out.push(Param {
                        name: name.clone(),
                        ty: param_type(p),
                        how: super::How::Read(format!(
                            "{at}/properties/{holder}/properties/{}",
                            escape(name)
                        )),
                    });
                }
            }
        }
        for (name, p) in props {
            if ["meta", "extensions", "details"].contains(&name.as_str()) {
                collect_params(
                    p,
                    &format!("{at}/properties/{}", escape(name)),
                    out,
                    depth + 1,
                );
            }
        }
    }
    for key in ["allOf", "contains"] {
        match schema.get(key) {
            Some(Value::Array(parts)) => {
                for (n, part) in parts.iter().enumerate() {
                    collect_params(part, &format!("{at}/{key}/{n}"), out, depth + 1);
                }
            }
            Some(part @ Value::Object(_)) => {
                collect_params(part, &format!("{at}/{key}"), out, depth + 1)
            }
            _ => {}
        }
    }
}

/// errcat's type for a JSON Schema: integers by their bounds.
fn param_type(schema: &Value) -> String {
    if let Some(own) = schema.get("x-errcat-type").and_then(Value::as_str) {
        return own.to_string();
    }
    json_schema_type(schema).to_string()
}

fn json_schema_type(schema: &Value) -> &'static str {
    let ty = match schema.get("type") {
        Some(Value::Array(types)) => types.iter().find_map(Value::as_str).unwrap_or("string"),
        Some(Value::String(t)) => t.as_str(),
        _ => "string",
    };
    match ty {
        "number" => "f64",
        "boolean" => "bool",
        "integer" => {
            let min = schema.get("minimum").and_then(Value::as_i64);
            let max = schema.get("maximum").and_then(Value::as_u64);
            match (min, max) {
                (Some(0), Some(m)) if m <= u64::from(u16::MAX) => "u16",
                (Some(0), Some(m)) if m <= u64::from(u32::MAX) => "u32",
                (Some(0..), _) => "u64",
                (Some(lo), Some(hi)) if lo >= i64::from(i32::MIN) && hi <= i32::MAX as u64 => "i32",
                (None, None) if schema.get("format").and_then(Value::as_str) == Some("int32") => {
                    "i32"
                }
                _ => "i64",
            }
        }
        _ => "string",
    }
}
