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

    /// The `Content-Type` of a response in this format.
    pub const fn content_type(self) -> &'static str {
        match self.style {
            EnvelopeStyle::Problem => "application/problem+json",
            _ => "application/json",
        }
    }

    fn field(self, snake: &'static str, camel: &'static str) -> &'static str {
        match self.field_case {
            FieldCase::Snake => snake,
            FieldCase::Camel => camel,
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

impl ErrorBody {
    /// The JSON value of this body in `format`. Absent optional fields are
    /// left out rather than sent as `null`.
    pub fn to_json(&self, format: EnvelopeFormat) -> Value {
        let retry_after_ms = self
            .retry_after
            .map(|d| Value::from(u64::try_from(d.as_millis()).unwrap_or(u64::MAX)));
        let mut out = Map::new();
        let mut put = |key: &str, value: Option<Value>| {
            if let Some(v) = value {
                out.insert(key.to_string(), v);
            }
        };
        match format.style {
            EnvelopeStyle::Nested => {
                let outside = format.request_id == RequestIdPlacement::Outside;
                let request_id = self.request_id.clone().map(Value::from);
                put("code", Some(self.code.clone().into()));
                put("message", Some(self.message.clone().into()));
                put("type", self.error_type.clone().map(Value::from));
                put("param", self.param.clone().map(Value::from));
                if !outside {
                    put(format.field("request_id", "requestId"), request_id.clone());
                }
                put(
                    format.field("retry_after_ms", "retryAfterMs"),
                    retry_after_ms,
                );
                put(
                    format.field("docs_url", "docsUrl"),
                    self.docs_url.clone().map(Value::from),
                );
                put(
                    "details",
                    (!self.details.is_empty()).then(|| Value::Object(self.details.clone())),
                );
                let mut envelope = Map::new();
                envelope.insert("error".into(), Value::Object(out));
                if let (true, Some(id)) = (outside, request_id) {
                    envelope.insert(format.field("request_id", "requestId").into(), id);
                }
                Value::Object(envelope)
            }
            EnvelopeStyle::Detail => {
                put("code", Some(self.code.clone().into()));
                put("message", Some(self.message.clone().into()));
                put("field", self.param.clone().map(Value::from));
                put(
                    "details",
                    (!self.details.is_empty()).then(|| Value::Object(self.details.clone())),
                );
                let mut envelope = Map::new();
                envelope.insert("detail".into(), Value::Object(out));
                if let Some(id) = &self.request_id {
                    envelope.insert(
                        format.field("request_id", "requestId").into(),
                        Value::from(id.clone()),
                    );
                }
                Value::Object(envelope)
            }
            _ => {
                put(
                    "type",
                    Some(
                        self.docs_url
                            .clone()
                            .unwrap_or_else(|| "about:blank".into())
                            .into(),
                    ),
                );
                put(
                    "title",
                    Some(
                        self.title
                            .clone()
                            .unwrap_or_else(|| self.code.clone())
                            .into(),
                    ),
                );
                put("status", Some(self.status.into()));
                put("detail", Some(self.message.clone().into()));
                put("instance", self.request_id.clone().map(Value::from));
                put("code", Some(self.code.clone().into()));
                put("param", self.param.clone().map(Value::from));
                put(
                    "params",
                    (!self.details.is_empty()).then(|| Value::Object(self.details.clone())),
                );
                put(
                    format.field("retry_after_ms", "retryAfterMs"),
                    retry_after_ms,
                );
                Value::Object(out)
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
}
