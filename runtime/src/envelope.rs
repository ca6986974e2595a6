//! The wire shapes of error responses: the nested `{"error": {...}}` envelope
//! and RFC 9457 problem details, with snake_case or camelCase field names.

use core::time::Duration;

use serde_json::{Map, Value};

/// Which JSON shape error responses use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum EnvelopeStyle {
    /// `{"error": {"code", "message", "type", "param", "request_id",
    /// "retry_after_ms", "docs_url", "details"}}`.
    Nested,
    /// RFC 9457 `application/problem+json`: `type` (the docs URL), `title`,
    /// `status`, `detail`, `instance` (the request id), plus the extension
    /// members `code`, `params` and `retry_after_ms`.
    Problem,
    /// FastAPI's `{"detail": {"code", "message", "field"}}`, as frameworks
    /// raise it.
    Detail,
}

impl EnvelopeStyle {
    /// Every style, in declaration order.
    pub const ALL: &'static [EnvelopeStyle] = &[
        EnvelopeStyle::Nested,
        EnvelopeStyle::Problem,
        EnvelopeStyle::Detail,
    ];

    /// The name used in catalog files.
    pub const fn as_str(self) -> &'static str {
        match self {
            EnvelopeStyle::Nested => "nested",
            EnvelopeStyle::Problem => "problem",
            EnvelopeStyle::Detail => "detail",
        }
    }
}

/// Where the request id goes in a nested envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RequestIdPlacement {
    /// Inside the `error` object.
    Inside,
    /// Next to the `error` object, at the top level.
    Outside,
}

/// How multi-word field names are spelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum FieldCase {
    /// `request_id`, `retry_after_ms`, `docs_url`.
    Snake,
    /// `requestId`, `retryAfterMs`, `docsUrl`.
    Camel,
}

/// A catalog's choice of envelope.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct EnvelopeFormat {
    /// The shape.
    pub style: EnvelopeStyle,
    /// The field naming.
    pub field_case: FieldCase,
    /// Where a nested envelope puts the request id.
    pub request_id: RequestIdPlacement,
}

impl EnvelopeFormat {
    /// The nested envelope with snake_case fields.
    pub const DEFAULT: EnvelopeFormat = EnvelopeFormat {
        style: EnvelopeStyle::Nested,
        field_case: FieldCase::Snake,
        request_id: RequestIdPlacement::Inside,
    };

    /// This format with another style.
    pub const fn with_style(self, style: EnvelopeStyle) -> EnvelopeFormat {
        EnvelopeFormat { style, ..self }
    }

    /// Whether the request id goes next to the error object rather than in
    /// it: a nested envelope with `request_id = "outside"`, and every
    /// `detail` envelope.
    pub const fn request_id_outside(self) -> bool {
        match self.style {
            EnvelopeStyle::Nested => matches!(self.request_id, RequestIdPlacement::Outside),
            EnvelopeStyle::Detail => true,
            EnvelopeStyle::Problem => false,
        }
    }

    /// The `Content-Type` of a response in this format.
    pub const fn content_type(self) -> &'static str {
        match self.style {
            EnvelopeStyle::Problem => "application/problem+json",
            _ => "application/json",
        }
    }
}

impl Default for EnvelopeFormat {
    fn default() -> Self {
        EnvelopeFormat::DEFAULT
    }
}

/// Everything an error response says, independent of its JSON shape.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ErrorBody {
    /// The code name, e.g. `"rate_limited"`.
    pub code: String,
    /// The rendered, human-readable message.
    pub message: String,
    /// The HTTP status.
    pub status: u16,
    /// The error `type`, e.g. `"rate_limit_error"` (nested envelopes).
    pub error_type: Option<String>,
    /// The code's title (problem details' `title`).
    pub title: Option<String>,
    /// The request parameter at fault, if any.
    pub param: Option<String>,
    /// The request id, for support.
    pub request_id: Option<String>,
    /// How long the client should wait before retrying.
    pub retry_after: Option<Duration>,
    /// Where the code is documented.
    pub docs_url: Option<String>,
    /// The message params, as structured data.
    pub details: Map<String, Value>,
}

/// What a field of an error body carries, whatever it is called.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Member {
    /// The code name.
    Code,
    /// The rendered message.
    Message,
    /// The category's error type.
    ErrorType,
    /// The code's title.
    Title,
    /// The HTTP status.
    Status,
    /// The request parameter at fault.
    Param,
    /// The request id.
    RequestId,
    /// The advised wait, in milliseconds.
    RetryAfterMs,
    /// Where the code is documented.
    DocsUrl,
    /// The message params as structured values.
    Details,
}

/// One field of an envelope style: its names, JSON type and meaning. The
/// tables of [`EnvelopeStyle::fields`] are the one description of the wire
/// format: [`ErrorBody::to_json`] writes them, the lenient parser reads
/// them, and the generated docs print them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WireField {
    /// What it carries.
    pub member: Member,
    /// Its name with snake_case fields.
    pub snake: &'static str,
    /// Its name with camelCase fields.
    pub camel: &'static str,
    /// Its JSON type, as the docs name it.
    pub json_type: &'static str,
    /// What it means, in one sentence of Markdown.
    pub description: &'static str,
}

impl WireField {
    /// Its name in `case`.
    pub const fn name(&self, case: FieldCase) -> &'static str {
        match case {
            FieldCase::Snake => self.snake,
            FieldCase::Camel => self.camel,
        }
    }
}

const fn wire(
    member: Member,
    snake: &'static str,
    camel: &'static str,
    json_type: &'static str,
    description: &'static str,
) -> WireField {
    WireField {
        member,
        snake,
        camel,
        json_type,
        description,
    }
}

/// Fields that read the same in more than one style.
const MESSAGE: WireField = wire(
    Member::Message,
    "message",
    "message",
    "string",
    "Human-readable message, rendered from the code's template.",
);
const PARAM: WireField = wire(
    Member::Param,
    "param",
    "param",
    "string",
    "The request parameter that caused the error, when there is one.",
);
const DETAILS: WireField = wire(
    Member::Details,
    "details",
    "details",
    "object",
    "The message's parameters as structured values.",
);
const CODE: WireField = wire(
    Member::Code,
    "code",
    "code",
    "string",
    "Machine-readable code name. Stable: branch on this.",
);

const NESTED_FIELDS: &[WireField] = &[
    wire(
        Member::Code,
        "code",
        "code",
        "string",
        "Machine-readable code name, such as `rate_limited`. Stable: branch on this.",
    ),
    MESSAGE,
    wire(
        Member::ErrorType,
        "type",
        "type",
        "string",
        "The error category's type, such as `rate_limit_error`.",
    ),
    PARAM,
    wire(
        Member::RequestId,
        "request_id",
        "requestId",
        "string",
        "Identifies the request; quote it to support.",
    ),
    wire(
        Member::RetryAfterMs,
        "retry_after_ms",
        "retryAfterMs",
        "integer",
        "How long to wait before retrying, in milliseconds, when retrying makes sense.",
    ),
    wire(
        Member::DocsUrl,
        "docs_url",
        "docsUrl",
        "string",
        "Where this code is documented.",
    ),
    DETAILS,
];

const PROBLEM_FIELDS: &[WireField] = &[
    wire(
        Member::DocsUrl,
        "type",
        "type",
        "string",
        "The URL of the code's documentation.",
    ),
    wire(
        Member::Title,
        "title",
        "title",
        "string",
        "The code's title.",
    ),
    wire(
        Member::Status,
        "status",
        "status",
        "integer",
        "The HTTP status.",
    ),
    wire(
        Member::Message,
        "detail",
        "detail",
        "string",
        "Human-readable message, rendered from the code's template.",
    ),
    wire(
        Member::RequestId,
        "instance",
        "instance",
        "string",
        "The request id; quote it to support.",
    ),
    CODE,
    PARAM,
    wire(
        Member::Details,
        "params",
        "params",
        "object",
        "The message's parameters as structured values.",
    ),
    wire(
        Member::RetryAfterMs,
        "retry_after_ms",
        "retryAfterMs",
        "integer",
        "How long to wait before retrying, in milliseconds.",
    ),
];

const DETAIL_FIELDS: &[WireField] = &[
    CODE,
    MESSAGE,
    wire(
        Member::Param,
        "field",
        "field",
        "string",
        "The request parameter that caused the error, when there is one.",
    ),
    DETAILS,
];

/// The request id outside the error object, where a nested envelope with
/// `request_id = "outside"` and every `detail` envelope put it.
pub const OUTER_REQUEST_ID: WireField = wire(
    Member::RequestId,
    "request_id",
    "requestId",
    "string",
    "Identifies the request; quote it to support.",
);

impl EnvelopeStyle {
    /// The fields of this style's error object, in the order they are
    /// written: the object under `"error"` (nested), under `"detail"`
    /// (detail), or the whole body (problem).
    pub const fn fields(self) -> &'static [WireField] {
        match self {
            EnvelopeStyle::Nested => NESTED_FIELDS,
            EnvelopeStyle::Problem => PROBLEM_FIELDS,
            EnvelopeStyle::Detail => DETAIL_FIELDS,
        }
    }

    /// The key the error object is wrapped in, if any.
    pub const fn wrapper(self) -> Option<&'static str> {
        match self {
            EnvelopeStyle::Nested => Some("error"),
            EnvelopeStyle::Detail => Some("detail"),
            EnvelopeStyle::Problem => None,
        }
    }
}

/// Every name a member goes by in any style and field case, in the order a
/// lenient reader tries them.
pub fn member_names(member: Member) -> impl Iterator<Item = &'static str> {
    let names = move || {
        EnvelopeStyle::ALL
            .iter()
            .flat_map(|s| s.fields().iter())
            .filter(move |f| f.member == member)
            .flat_map(|f| [f.snake, f.camel])
    };
    // Each name once, where it first appears.
    names()
        .enumerate()
        .filter(move |&(i, name)| !names().take(i).any(|n| n == name))
        .map(|(_, name)| name)
}

impl ErrorBody {
    /// The JSON value of this body in `format`. Absent optional fields are
    /// left out rather than sent as `null`.
    pub fn to_json(&self, format: EnvelopeFormat) -> Value {
        let style = format.style;
        let outer_request_id = format.request_id_outside();
        let mut out = Map::new();
        for field in style.fields() {
            if field.member == Member::RequestId && outer_request_id {
                continue;
            }
            if let Some(value) = self.member(field.member, style) {
                out.insert(field.name(format.field_case).to_string(), value);
            }
        }
        let Some(wrapper) = style.wrapper() else {
            return Value::Object(out);
        };
        let mut envelope = Map::new();
        envelope.insert(wrapper.into(), Value::Object(out));
        if let (true, Some(id)) = (outer_request_id, &self.request_id) {
            envelope.insert(
                OUTER_REQUEST_ID.name(format.field_case).into(),
                Value::from(id.clone()),
            );
        }
        Value::Object(envelope)
    }

    /// The value of one member, `None` to leave the field out. Problem
    /// details always carry `type` and `title` (RFC 9457 section 3.1).
    fn member(&self, member: Member, style: EnvelopeStyle) -> Option<Value> {
        let text = |t: &Option<String>| t.clone().map(Value::from);
        let problem = style == EnvelopeStyle::Problem;
        match member {
            Member::Code => Some(self.code.clone().into()),
            Member::Message => Some(self.message.clone().into()),
            Member::ErrorType => text(&self.error_type),
            Member::Title if problem => Some(
                self.title
                    .clone()
                    .unwrap_or_else(|| self.code.clone())
                    .into(),
            ),
            Member::Title => text(&self.title),
            Member::Status => Some(self.status.into()),
            Member::Param => text(&self.param),
            Member::RequestId => text(&self.request_id),
            Member::RetryAfterMs => self
                .retry_after
                .map(|d| Value::from(u64::try_from(d.as_millis()).unwrap_or(u64::MAX))),
            Member::DocsUrl if problem => Some(
                self.docs_url
                    .clone()
                    .unwrap_or_else(|| "about:blank".into())
                    .into(),
            ),
            Member::DocsUrl => text(&self.docs_url),
            Member::Details => {
                (!self.details.is_empty()).then(|| Value::Object(self.details.clone()))
            }
        }
    }

    /// [`ErrorBody::to_json`] as pretty-printed text.
    pub fn to_json_string_pretty(&self, format: EnvelopeFormat) -> String {
        serde_json::to_string_pretty(&self.to_json(format)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body() -> ErrorBody {
        let mut details = Map::new();
        details.insert("limit".into(), 100.into());
        ErrorBody {
            code: "rate_limited".into(),
            message: "Too many".into(),
            status: 429,
            error_type: Some("rate_limit_error".into()),
            title: Some("Rate limit exceeded".into()),
            request_id: Some("req_1".into()),
            retry_after: Some(Duration::from_secs(30)),
            docs_url: Some("https://x/rate#rate_limited".into()),
            details,
            ..ErrorBody::default()
        }
    }

    #[test]
    fn nested_snake_and_camel() {
        let snake = body().to_json(EnvelopeFormat::DEFAULT);
        assert_eq!(snake["error"]["request_id"], "req_1");
        assert_eq!(snake["error"]["retry_after_ms"], 30000);
        assert!(snake["error"].get("param").is_none());
        let camel = body().to_json(EnvelopeFormat {
            field_case: FieldCase::Camel,
            ..EnvelopeFormat::DEFAULT
        });
        assert_eq!(camel["error"]["requestId"], "req_1");
        assert_eq!(camel["error"]["docsUrl"], "https://x/rate#rate_limited");
    }

    #[test]
    fn problem_details() {
        let p = body().to_json(EnvelopeFormat::DEFAULT.with_style(EnvelopeStyle::Problem));
        assert_eq!(p["type"], "https://x/rate#rate_limited");
        assert_eq!(p["status"], 429);
        assert_eq!(p["instance"], "req_1");
        assert_eq!(p["params"]["limit"], 100);
    }

    #[test]
    fn request_id_outside_and_detail() {
        let outside = EnvelopeFormat {
            request_id: RequestIdPlacement::Outside,
            ..EnvelopeFormat::DEFAULT
        };
        let v = body().to_json(outside);
        assert_eq!(v["request_id"], "req_1");
        assert!(v["error"].get("request_id").is_none());
        let d = body().to_json(EnvelopeFormat::DEFAULT.with_style(EnvelopeStyle::Detail));
        assert_eq!(d["detail"]["code"], "rate_limited");
        assert_eq!(d["detail"]["message"], "Too many");
    }

    #[test]
    fn readers_accept_every_name_a_style_writes() {
        let names = |m| member_names(m).collect::<Vec<_>>();
        assert_eq!(names(Member::Message), ["message", "detail"]);
        assert_eq!(names(Member::Param), ["param", "field"]);
        assert_eq!(
            names(Member::RequestId),
            ["request_id", "requestId", "instance"]
        );
        assert_eq!(
            names(Member::RetryAfterMs),
            ["retry_after_ms", "retryAfterMs"]
        );
        assert_eq!(names(Member::Details), ["details", "params"]);
        assert_eq!(names(Member::DocsUrl), ["docs_url", "docsUrl", "type"]);
    }
}
