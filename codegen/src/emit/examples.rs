//! The example every output shows for a code: the body errcat's runtime
//! writes for it with every member filled, the request id and `Retry-After`
//! the examples use. The docs, OpenAPI, the conformance cases and `errcat
//! audit` share them.

use errcat_runtime::ErrorBody;
use serde_json::{Map, Value};

use crate::model::{Code, Example, Model, RetryStrategy};

/// The example request id used in docs.
pub const EXAMPLE_REQUEST_ID: &str = "req_8f14e45fceea167a";

/// The example `Retry-After` used in docs, in seconds.
pub const EXAMPLE_RETRY_AFTER_SECS: u64 = 30;

/// The example error body of a code: its message rendered with the example
/// params, the example request id, and a Retry-After where its policy
/// honours one.
pub fn example_body(model: &Model, code: &Code) -> ErrorBody {
    let details: Map<String, Value> = code
        .params
        .iter()
        .map(|p| (p.name.clone(), example_json(&p.example)))
        .collect();
    let retry_after = matches!(
        model.retry_of(code).strategy,
        RetryStrategy::AfterHeader { .. }
    )
    .then(|| std::time::Duration::from_secs(EXAMPLE_RETRY_AFTER_SECS));
    ErrorBody {
        code: code.wire_name.clone(),
        message: model.example_message(code),
        status: code.status,
        error_type: Some(model.category_of(code).error_type.clone()),
        title: Some(code.title.clone()),
        param: None,
        request_id: Some(EXAMPLE_REQUEST_ID.into()),
        retry_after,
        docs_url: Some(code.docs_url.clone()),
        details,
        grpc: Some(code.grpc),
        domain: model.meta.domain.clone(),
        localized: None,
    }
}

/// The example envelope of a code as pretty JSON, in the catalog's format.
pub fn example_envelope(model: &Model, code: &Code) -> String {
    example_body(model, code).to_json_string_pretty(model.envelope.with_style(code.envelope))
}

fn example_json(example: &Example) -> Value {
    match example {
        Example::Text(s) => Value::from(s.clone()),
        Example::Integer(i) => Value::from(*i),
        Example::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Example::Bool(b) => Value::from(*b),
    }
}
