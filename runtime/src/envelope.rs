//! The wire shapes of error responses: the nested `{"error": {...}}` envelope,
//! RFC 9457 problem details, FastAPI's `detail`, Google's AIP-193 status,
//! JSON:API and GraphQL `errors` lists, with snake_case or camelCase field
//! names where the shape leaves them open.

use core::time::Duration;

use serde_json::{Map, Value};

use crate::GrpcCode;

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
    /// Google's AIP-193 `{"error": {"code": <HTTP status>, "message",
    /// "status": <gRPC code name>, "details": [...]}}`, with `ErrorInfo`
    /// (the code as `reason`, the catalog's `domain`, the params as
    /// `metadata`), `BadRequest`, `RetryInfo`, `RequestInfo` and `Help`.
    /// Its member names are proto3 JSON's, whatever the field case.
    Google,
    /// JSON:API's `{"errors": [{"status", "code", "title", "detail",
    /// "source", "links", "meta"}]}`.
    JsonApi,
    /// A GraphQL response's `{"errors": [{"message", "extensions": {"code",
    /// ...}}]}`, as Apollo and most servers send it.
    GraphQl,
}

impl EnvelopeStyle {
    /// Every style, in declaration order.
    pub const ALL: &'static [EnvelopeStyle] = &[
        EnvelopeStyle::Nested,
        EnvelopeStyle::Problem,
        EnvelopeStyle::Detail,
        EnvelopeStyle::Google,
        EnvelopeStyle::JsonApi,
        EnvelopeStyle::GraphQl,
    ];

    /// The name used in catalog files.
    pub const fn as_str(self) -> &'static str {
        match self {
            EnvelopeStyle::Nested => "nested",
            EnvelopeStyle::Problem => "problem",
            EnvelopeStyle::Detail => "detail",
            EnvelopeStyle::Google => "google",
            EnvelopeStyle::JsonApi => "jsonapi",
            EnvelopeStyle::GraphQl => "graphql",
        }
    }

    /// The style of a name used in catalog files.
    pub fn from_name(name: &str) -> Option<EnvelopeStyle> {
        EnvelopeStyle::ALL
            .iter()
            .copied()
            .find(|s| s.as_str() == name)
    }

    /// Whether the error object is the first of a list under the wrapper
    /// (JSON:API and GraphQL `errors`).
    pub const fn is_list(self) -> bool {
        matches!(self, EnvelopeStyle::JsonApi | EnvelopeStyle::GraphQl)
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
            _ => false,
        }
    }

    /// The `Content-Type` of a response in this format.
    pub const fn content_type(self) -> &'static str {
        match self.style {
            EnvelopeStyle::Problem => "application/problem+json",
            EnvelopeStyle::JsonApi => "application/vnd.api+json",
            EnvelopeStyle::GraphQl => "application/graphql-response+json",
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
    /// The gRPC canonical code (Google bodies' `status`); `None` derives it
    /// from the HTTP status.
    pub grpc: Option<GrpcCode>,
    /// The service the code belongs to (Google bodies' `ErrorInfo.domain`).
    pub domain: Option<String>,
    /// The human text in a locale other than the catalog's default, when
    /// the error was localized. Where the envelope has one message, it is
    /// the message (and the title); Google's keeps the default-locale
    /// `message` for developers and adds a `LocalizedMessage` (AIP-193).
    pub localized: Option<LocalizedText>,
}

/// An error's text in one locale.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LocalizedText {
    /// Its BCP 47 tag, also the response's `Content-Language`.
    pub locale: String,
    /// The message.
    pub message: String,
    /// The title, when the locale has one.
    pub title: Option<String>,
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
    /// The gRPC canonical code name.
    GrpcStatus,
    /// The service the code belongs to.
    Domain,
}

/// Where in the error object a field sits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Within {
    /// In the error object itself.
    Object,
    /// In a sub-object of the error object, such as JSON:API's `meta` or
    /// GraphQL's `extensions`.
    Member(&'static str),
    /// In the entry of an AIP-193 `details` list of this `google.rpc` type.
    Detail(&'static str),
}

/// The `@type` prefix of AIP-193 details.
pub const GOOGLE_TYPE_PREFIX: &str = "type.googleapis.com/google.rpc.";

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
    /// Where it sits.
    pub within: Within,
    /// What it holds when the error has no value for it; without one the
    /// field is left out.
    pub fallback: Option<Fallback>,
}

/// What a field holds when the error has no value for its member: problem
/// details' `title` is the code, and its `type` is `about:blank` (RFC 9457).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fallback {
    /// Another member's value.
    Member(Member),
    /// This text.
    Text(&'static str),
}

impl WireField {
    /// Its name in `case`.
    pub const fn name(&self, case: FieldCase) -> &'static str {
        match case {
            FieldCase::Snake => self.snake,
            FieldCase::Camel => self.camel,
        }
    }

    /// Its path from the error object in `case`, as the docs show it:
    /// `meta.request_id`, `details[ErrorInfo].reason`.
    pub fn path(&self, case: FieldCase) -> String {
        match self.within {
            Within::Object => self.name(case).to_string(),
            Within::Member(parent) => format!("{parent}.{}", self.name(case)),
            Within::Detail(ty) => format!("details[{ty}].{}", self.name(case)),
        }
    }

    const fn within(self, within: Within) -> WireField {
        WireField { within, ..self }
    }

    const fn or(self, fallback: Fallback) -> WireField {
        WireField {
            fallback: Some(fallback),
            ..self
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
        within: Within::Object,
        fallback: None,
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
    )
    .or(Fallback::Text("about:blank")),
    wire(
        Member::Title,
        "title",
        "title",
        "string",
        "The code's title.",
    )
    .or(Fallback::Member(Member::Code)),
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

const GOOGLE_FIELDS: &[WireField] = &[
    wire(
        Member::Status,
        "code",
        "code",
        "integer",
        "The HTTP status.",
    ),
    MESSAGE,
    wire(
        Member::GrpcStatus,
        "status",
        "status",
        "string",
        "The gRPC canonical code, such as `UNAVAILABLE`.",
    ),
    wire(
        Member::Code,
        "reason",
        "reason",
        "string",
        "Machine-readable code name. Stable: branch on this.",
    )
    .within(Within::Detail("ErrorInfo")),
    wire(
        Member::Domain,
        "domain",
        "domain",
        "string",
        "The service the code belongs to.",
    )
    .within(Within::Detail("ErrorInfo")),
    wire(
        Member::Details,
        "metadata",
        "metadata",
        "object",
        "The message's parameters, each as a string.",
    )
    .within(Within::Detail("ErrorInfo")),
    wire(
        Member::Param,
        "fieldViolations",
        "fieldViolations",
        "array",
        "`[{\"field\", \"description\"}]`: the request parameter that caused the error, when there is one, and the message.",
    )
    .within(Within::Detail("BadRequest")),
    wire(
        Member::RetryAfterMs,
        "retryDelay",
        "retryDelay",
        "string",
        "How long to wait before retrying, as a duration such as `\"1.5s\"`, when retrying makes sense.",
    )
    .within(Within::Detail("RetryInfo")),
    wire(
        Member::RequestId,
        "requestId",
        "requestId",
        "string",
        "Identifies the request; quote it to support.",
    )
    .within(Within::Detail("RequestInfo")),
    wire(
        Member::DocsUrl,
        "links",
        "links",
        "array",
        "`[{\"description\", \"url\"}]`: the code's title and where it is documented.",
    )
    .within(Within::Detail("Help")),
];

const JSONAPI_FIELDS: &[WireField] = &[
    wire(
        Member::Status,
        "status",
        "status",
        "string",
        "The HTTP status, as a string.",
    ),
    CODE,
    wire(
        Member::Title,
        "title",
        "title",
        "string",
        "The code's title.",
    ),
    wire(
        Member::Message,
        "detail",
        "detail",
        "string",
        "Human-readable message, rendered from the code's template.",
    ),
    wire(
        Member::Param,
        "parameter",
        "parameter",
        "string",
        "The query parameter that caused the error, when there is one (`source.pointer` instead when it is a JSON Pointer into the request document).",
    )
    .within(Within::Member("source")),
    wire(
        Member::DocsUrl,
        "about",
        "about",
        "string",
        "Where this code is documented.",
    )
    .within(Within::Member("links")),
    wire(
        Member::ErrorType,
        "type",
        "type",
        "string",
        "The error category's type.",
    )
    .within(Within::Member("meta")),
    wire(
        Member::RequestId,
        "request_id",
        "requestId",
        "string",
        "Identifies the request; quote it to support.",
    )
    .within(Within::Member("meta")),
    wire(
        Member::RetryAfterMs,
        "retry_after_ms",
        "retryAfterMs",
        "integer",
        "How long to wait before retrying, in milliseconds, when retrying makes sense.",
    )
    .within(Within::Member("meta")),
    wire(
        Member::Details,
        "params",
        "params",
        "object",
        "The message's parameters as structured values.",
    )
    .within(Within::Member("meta")),
];

const GRAPHQL_FIELDS: &[WireField] = &[
    MESSAGE,
    CODE.within(Within::Member("extensions")),
    wire(
        Member::ErrorType,
        "type",
        "type",
        "string",
        "The error category's type.",
    )
    .within(Within::Member("extensions")),
    wire(
        Member::Status,
        "status",
        "status",
        "integer",
        "The HTTP status the code stands for.",
    )
    .within(Within::Member("extensions")),
    PARAM.within(Within::Member("extensions")),
    wire(
        Member::RequestId,
        "request_id",
        "requestId",
        "string",
        "Identifies the request; quote it to support.",
    )
    .within(Within::Member("extensions")),
    wire(
        Member::RetryAfterMs,
        "retry_after_ms",
        "retryAfterMs",
        "integer",
        "How long to wait before retrying, in milliseconds, when retrying makes sense.",
    )
    .within(Within::Member("extensions")),
    wire(
        Member::DocsUrl,
        "docs_url",
        "docsUrl",
        "string",
        "Where this code is documented.",
    )
    .within(Within::Member("extensions")),
    DETAILS.within(Within::Member("extensions")),
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
    /// written: the object under `"error"` (nested, google), under
    /// `"detail"` (detail), first under `"errors"` (jsonapi, graphql), or
    /// the whole body (problem).
    pub const fn fields(self) -> &'static [WireField] {
        match self {
            EnvelopeStyle::Nested => NESTED_FIELDS,
            EnvelopeStyle::Problem => PROBLEM_FIELDS,
            EnvelopeStyle::Detail => DETAIL_FIELDS,
            EnvelopeStyle::Google => GOOGLE_FIELDS,
            EnvelopeStyle::JsonApi => JSONAPI_FIELDS,
            EnvelopeStyle::GraphQl => GRAPHQL_FIELDS,
        }
    }

    /// The key the error object (or the list of them) is wrapped in, if any.
    pub const fn wrapper(self) -> Option<&'static str> {
        match self {
            EnvelopeStyle::Nested | EnvelopeStyle::Google => Some("error"),
            EnvelopeStyle::Detail => Some("detail"),
            EnvelopeStyle::JsonApi | EnvelopeStyle::GraphQl => Some("errors"),
            EnvelopeStyle::Problem => None,
        }
    }
}

/// Every name a member goes by in any style and field case, in the order a
/// lenient reader tries them, in an error object whose sub-objects (`meta`,
/// `extensions`, `source`) are read as part of it. AIP-193 details are read
/// by their own types, so their names are not among these.
pub fn member_names(member: Member) -> impl Iterator<Item = &'static str> {
    let names = move || {
        EnvelopeStyle::ALL
            .iter()
            .flat_map(|s| s.fields().iter())
            .filter(move |f| f.member == member && !matches!(f.within, Within::Detail(_)))
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
        if style == EnvelopeStyle::Google {
            return self.to_google_json();
        }
        let outer_request_id = format.request_id_outside();
        let mut out = Map::new();
        for field in style.fields() {
            if field.member == Member::RequestId && outer_request_id {
                continue;
            }
            let Some(value) = self.field(field) else {
                continue;
            };
            let mut name = field.name(format.field_case);
            // JSON:API says where in the request document with a pointer.
            if style == EnvelopeStyle::JsonApi
                && field.member == Member::Param
                && value.as_str().is_some_and(|p| p.starts_with('/'))
            {
                name = "pointer";
            }
            let into = match field.within {
                Within::Member(parent) => match out
                    .entry(parent)
                    .or_insert_with(|| Value::Object(Map::new()))
                {
                    Value::Object(sub) => sub,
                    _ => continue,
                },
                _ => &mut out,
            };
            into.insert(name.to_string(), value);
        }
        let Some(wrapper) = style.wrapper() else {
            return Value::Object(out);
        };
        let inner = if style.is_list() {
            Value::Array(vec![Value::Object(out)])
        } else {
            Value::Object(out)
        };
        let mut envelope = Map::new();
        envelope.insert(wrapper.into(), inner);
        if let (true, Some(id)) = (outer_request_id, &self.request_id) {
            envelope.insert(
                OUTER_REQUEST_ID.name(format.field_case).into(),
                Value::from(id.clone()),
            );
        }
        Value::Object(envelope)
    }

    /// The message people read: the localized one when there is one.
    pub fn human_message(&self) -> &str {
        self.localized
            .as_ref()
            .map_or(self.message.as_str(), |l| l.message.as_str())
    }

    /// The gRPC canonical code: the body's, else the HTTP status's.
    pub fn grpc_code(&self) -> GrpcCode {
        self.grpc
            .unwrap_or_else(|| GrpcCode::from_http_status(self.status))
    }

    /// An AIP-193 body: the rich details in the order of [`GOOGLE_FIELDS`],
    /// each present only when it has something to say.
    fn to_google_json(&self) -> Value {
        let detail = |ty: &str, members: Value| {
            let mut entry = Map::new();
            entry.insert("@type".into(), format!("{GOOGLE_TYPE_PREFIX}{ty}").into());
            if let Value::Object(members) = members {
                entry.extend(members);
            }
            Value::Object(entry)
        };
        let mut details = Vec::new();
        let mut info = serde_json::json!({ "reason": self.code });
        if let Some(domain) = self.domain.as_deref().filter(|d| !d.is_empty()) {
            info["domain"] = domain.into();
        }
        if !self.details.is_empty() {
            info["metadata"] = self
                .details
                .iter()
                .map(|(k, v)| (k.clone(), Value::from(metadata_text(v))))
                .collect::<Map<_, _>>()
                .into();
        }
        details.push(detail("ErrorInfo", info));
        if let Some(param) = &self.param {
            details.push(detail(
                "BadRequest",
                serde_json::json!({ "fieldViolations": [{ "field": param, "description": self.message }] }),
            ));
        }
        if let Some(wait) = self.retry_after {
            details.push(detail(
                "RetryInfo",
                serde_json::json!({ "retryDelay": proto_duration(wait) }),
            ));
        }
        if let Some(id) = &self.request_id {
            details.push(detail(
                "RequestInfo",
                serde_json::json!({ "requestId": id }),
            ));
        }
        if let Some(url) = &self.docs_url {
            let description = self.title.clone().unwrap_or_else(|| self.code.clone());
            details.push(detail(
                "Help",
                serde_json::json!({ "links": [{ "description": description, "url": url }] }),
            ));
        }
        if let Some(localized) = &self.localized {
            details.push(detail(
                "LocalizedMessage",
                serde_json::json!({ "locale": localized.locale, "message": localized.message }),
            ));
        }
        serde_json::json!({
            "error": {
                "code": self.status,
                "message": self.message,
                "status": self.grpc_code().as_str(),
                "details": details,
            }
        })
    }

    /// The value of one member, `None` to leave the field out. Problem
    /// details always carry `type` and `title` (RFC 9457 section 3.1);
    /// JSON:API sends the status as a string.
    /// What `field` writes: its member's value, else its fallback.
    fn field(&self, field: &WireField) -> Option<Value> {
        self.member(field.member, field.json_type)
            .or_else(|| match field.fallback {
                Some(Fallback::Member(member)) => self.member(member, field.json_type),
                Some(Fallback::Text(text)) => Some(text.into()),
                None => None,
            })
    }

    /// A member's value as a field of `json_type` writes it (JSON:API sends
    /// the status as a string); `None` when the error has none.
    fn member(&self, member: Member, json_type: &str) -> Option<Value> {
        let text = |t: &Option<String>| t.clone().map(Value::from);
        match member {
            Member::Code => Some(self.code.clone().into()),
            Member::Message => Some(self.human_message().into()),
            Member::ErrorType => text(&self.error_type),
            Member::Title => text(
                &self
                    .localized
                    .as_ref()
                    .and_then(|l| l.title.clone())
                    .or_else(|| self.title.clone()),
            ),
            Member::Status if json_type == "string" => Some(self.status.to_string().into()),
            Member::Status => Some(self.status.into()),
            Member::Param => text(&self.param),
            Member::RequestId => text(&self.request_id),
            Member::RetryAfterMs => self.retry_after.map(|d| Value::from(whole_millis(d))),
            Member::DocsUrl => text(&self.docs_url),
            Member::Details => {
                (!self.details.is_empty()).then(|| Value::Object(self.details.clone()))
            }
            Member::GrpcStatus => Some(self.grpc_code().as_str().into()),
            Member::Domain => text(&self.domain),
        }
    }

    /// [`ErrorBody::to_json`] as pretty-printed text.
    pub fn to_json_string_pretty(&self, format: EnvelopeFormat) -> String {
        serde_json::to_string_pretty(&self.to_json(format)).unwrap_or_default()
    }
}

/// A wait in whole milliseconds, as every style but Google's sends it.
fn whole_millis(wait: Duration) -> u64 {
    u64::try_from(wait.as_millis()).unwrap_or(u64::MAX)
}

/// A wait as protobuf's JSON `Duration`: whole seconds and up to three
/// decimals, such as `"30s"` or `"1.5s"`.
pub fn proto_duration(wait: Duration) -> String {
    let ms = whole_millis(wait);
    let (secs, frac) = (ms / 1000, ms % 1000);
    if frac == 0 {
        format!("{secs}s")
    } else {
        let frac = format!("{frac:03}");
        format!("{secs}.{}s", frac.trim_end_matches('0'))
    }
}

/// A protobuf JSON `Duration` (`"30s"`, `"1.5s"`, `"0.000001s"`) as a
/// wait, `None` when it is not one.
pub fn parse_proto_duration(text: &str) -> Option<Duration> {
    let number = text.strip_suffix('s')?;
    let (whole, frac) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 9
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (number.contains('.') && frac.is_empty())
    {
        return None;
    }
    let secs: u64 = whole.parse().ok()?;
    let nanos: u32 = format!("{frac:0<9}").parse().ok()?;
    Some(Duration::new(secs, 0).saturating_add(Duration::from_nanos(u64::from(nanos))))
}

/// A param as AIP-193 metadata, which holds strings: text as it is, every
/// other value as its JSON.
pub(crate) fn metadata_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn localized_bodies_say_it_where_each_envelope_says_it() {
        let mut localized = body();
        localized.localized = Some(LocalizedText {
            locale: "fr".into(),
            message: "Trop de requêtes".into(),
            title: Some("Limite de débit dépassée".into()),
        });
        let json = |style| {
            localized.to_json(EnvelopeFormat {
                style,
                ..EnvelopeFormat::DEFAULT
            })
        };
        assert_eq!(
            json(EnvelopeStyle::Nested)["error"]["message"],
            "Trop de requêtes"
        );
        let problem = json(EnvelopeStyle::Problem);
        assert_eq!(problem["detail"], "Trop de requêtes");
        assert_eq!(problem["title"], "Limite de débit dépassée");
        assert_eq!(
            json(EnvelopeStyle::JsonApi)["errors"][0]["detail"],
            "Trop de requêtes"
        );
        assert_eq!(
            json(EnvelopeStyle::GraphQl)["errors"][0]["message"],
            "Trop de requêtes"
        );
        // AIP-193: the developer message stays; the user's is a detail.
        let google = json(EnvelopeStyle::Google);
        assert_eq!(google["error"]["message"], "Too many");
        let details = google["error"]["details"].as_array().unwrap();
        assert_eq!(
            details.last().unwrap(),
            &serde_json::json!({
                "@type": "type.googleapis.com/google.rpc.LocalizedMessage",
                "locale": "fr",
                "message": "Trop de requêtes",
            })
        );
    }

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
    fn google_bodies_carry_the_rich_details() {
        let mut b = body();
        b.param = Some("limit".into());
        b.domain = Some("api.example.com".into());
        b.retry_after = Some(Duration::from_millis(1500));
        let g = b.to_json(EnvelopeFormat::DEFAULT.with_style(EnvelopeStyle::Google));
        assert_eq!(
            g,
            serde_json::json!({"error": {
                "code": 429,
                "message": "Too many",
                "status": "RESOURCE_EXHAUSTED",
                "details": [
                    {"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "rate_limited",
                     "domain": "api.example.com", "metadata": {"limit": "100"}},
                    {"@type": "type.googleapis.com/google.rpc.BadRequest",
                     "fieldViolations": [{"field": "limit", "description": "Too many"}]},
                    {"@type": "type.googleapis.com/google.rpc.RetryInfo", "retryDelay": "1.5s"},
                    {"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "req_1"},
                    {"@type": "type.googleapis.com/google.rpc.Help",
                     "links": [{"description": "Rate limit exceeded", "url": "https://x/rate#rate_limited"}]},
                ],
            }})
        );
        b.grpc = Some(GrpcCode::Unavailable);
        let g = b.to_json(EnvelopeFormat::DEFAULT.with_style(EnvelopeStyle::Google));
        assert_eq!(g["error"]["status"], "UNAVAILABLE");
    }

    #[test]
    fn jsonapi_and_graphql_lists() {
        let mut b = body();
        b.param = Some("/data/attributes/limit".into());
        let j = b.to_json(EnvelopeFormat::DEFAULT.with_style(EnvelopeStyle::JsonApi));
        assert_eq!(
            j,
            serde_json::json!({"errors": [{
                "status": "429",
                "code": "rate_limited",
                "title": "Rate limit exceeded",
                "detail": "Too many",
                "source": {"pointer": "/data/attributes/limit"},
                "links": {"about": "https://x/rate#rate_limited"},
                "meta": {"type": "rate_limit_error", "request_id": "req_1", "retry_after_ms": 30000,
                         "params": {"limit": 100}},
            }]})
        );
        let camel = EnvelopeFormat {
            style: EnvelopeStyle::GraphQl,
            field_case: FieldCase::Camel,
            ..EnvelopeFormat::DEFAULT
        };
        let q = body().to_json(camel);
        assert_eq!(
            q,
            serde_json::json!({"errors": [{
                "message": "Too many",
                "extensions": {"code": "rate_limited", "type": "rate_limit_error", "status": 429,
                               "requestId": "req_1", "retryAfterMs": 30000,
                               "docsUrl": "https://x/rate#rate_limited", "details": {"limit": 100}},
            }]})
        );
    }

    #[test]
    fn metadata_text_reads_back_by_type_alone() {
        use crate::ParamType;
        assert_eq!(ParamType::F64.value_from_text("1.5"), Some(1.5.into()));
        assert_eq!(ParamType::F64.value_from_text(" 7"), None);
        assert_eq!(ParamType::U16.value_from_text("70000"), None);
        assert_eq!(ParamType::I32.value_from_text("-0"), Some(0.into()));
        assert_eq!(ParamType::Bool.value_from_text("True"), None);
    }

    #[test]
    fn proto_durations() {
        for (ms, text) in [
            (0, "0s"),
            (30_000, "30s"),
            (1500, "1.5s"),
            (1, "0.001s"),
            (1010, "1.01s"),
        ] {
            assert_eq!(proto_duration(Duration::from_millis(ms)), text);
            assert_eq!(parse_proto_duration(text), Some(Duration::from_millis(ms)));
        }
        assert_eq!(
            parse_proto_duration("0.000000001s"),
            Some(Duration::from_nanos(1))
        );
        for bad in [
            "",
            "s",
            "1",
            "-1s",
            "1.s",
            ".5s",
            "1.0000000001s",
            "1e3s",
            "30 s",
        ] {
            assert_eq!(parse_proto_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn readers_accept_every_name_a_style_writes() {
        let names = |m| member_names(m).collect::<Vec<_>>();
        assert_eq!(names(Member::Message), ["message", "detail"]);
        assert_eq!(names(Member::Param), ["param", "field", "parameter"]);
        assert_eq!(
            names(Member::RequestId),
            ["request_id", "requestId", "instance"]
        );
        assert_eq!(
            names(Member::RetryAfterMs),
            ["retry_after_ms", "retryAfterMs"]
        );
        assert_eq!(names(Member::Details), ["details", "params"]);
        assert_eq!(
            names(Member::DocsUrl),
            ["docs_url", "docsUrl", "type", "about"]
        );
        assert_eq!(names(Member::Code), ["code"]);
    }
}
