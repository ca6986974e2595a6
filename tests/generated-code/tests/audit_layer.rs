//! `AuditLayer` in a service's own tests: an axum app answers with every
//! code of the `service` catalog, and the layer finds nothing; a middleware
//! inside it injects each kind of drift into the app's responses, and the
//! layer finds each, as its kind, with the same findings `errcat audit`
//! gives for the same exchanges. Streams it does not read pass through.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::middleware::{Next, from_fn};
use axum::response::Response;
use axum::routing::get;
use errcat_codegen::model::Model;
use errcat_generated_code_tests::service::{Code, Error, RetryPolicy};
use errcat_runtime::audit::layer::audit_layer;
use errcat_runtime::audit::{Exchange, Finding};
use serde_json::{Value, json};
use tower::ServiceExt;

type Params = Arc<HashMap<String, Vec<(String, Value)>>>;

fn model() -> Model {
    let dir = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../codegen/tests/fixtures/good/service/catalog"
    );
    errcat_codegen::compile_dir(std::path::Path::new(dir), "service")
        .unwrap()
        .model
}

/// Answers `/codes/{code}` with that code's error, as the catalog says.
async fn code(State(params): State<Params>, Path(name): Path<String>) -> Result<String, Error> {
    let code = Code::lookup(&name).expect("a code of the catalog");
    let values: Vec<(&str, Value)> = params[&name]
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let mut error = Error::from_params(code, &values).with_request_id("req_1");
    if matches!(code.retry(), RetryPolicy::AfterHeader { .. }) {
        error = error.with_retry_after(Duration::from_secs(30));
    }
    Err(error)
}

/// Drift, as a hand-built handler or a proxy would cause it: the kind named
/// by the `inject` query, applied to the app's own response.
async fn inject(request: Request, next: Next) -> Response {
    let kind = request
        .uri()
        .query()
        .and_then(|q| q.strip_prefix("inject="))
        .map(str::to_string);
    let response = next.run(request).await;
    let Some(kind) = kind else { return response };
    let (mut parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    let mut body: Value = serde_json::from_slice(&bytes).unwrap();
    let error = body["error"].as_object_mut().unwrap();
    let mut text = None;
    match kind.as_str() {
        "unknown_code" => {
            error.insert("code".into(), json!("brand_new_code"));
        }
        "retired_code" => {
            error.insert("code".into(), json!("over_quota"));
        }
        "code_case" => {
            let upper = error["code"].as_str().unwrap().to_uppercase();
            error.insert("code".into(), json!(upper));
        }
        "wrong_status" => parts.status = http::StatusCode::UNPROCESSABLE_ENTITY,
        "error_body_on_success" => parts.status = http::StatusCode::OK,
        "error_without_body" => text = Some("<html>502 Bad Gateway</html>".to_string()),
        "wrong_envelope" => body = body["error"].take(),
        "field_case" => {
            let wait = error.remove("retryAfterMs").expect("a hint in the body");
            error.insert("retry_after_ms".into(), wait);
        }
        "missing_member" => {
            error.remove("type");
        }
        "message_mismatch" => {
            error.insert("message".into(), json!("Slow down."));
        }
        "missing_retry_after" => {
            parts.headers.remove("retry-after");
        }
        "bad_retry_after" => {
            parts
                .headers
                .insert("retry-after", http::HeaderValue::from_static("later"));
        }
        "missing_request_id" => {
            parts.headers.remove("x-request-id");
        }
        other => panic!("no injection for {other}"),
    }
    let text = text.unwrap_or_else(|| body.to_string());
    parts.headers.remove(http::header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(text))
}

fn app(model: &Model) -> Router {
    let params: HashMap<String, Vec<(String, Value)>> = model
        .codes
        .iter()
        .map(|c| {
            let details = errcat_codegen::emit::examples::example_body(model, c).details;
            (c.wire_name.clone(), details.into_iter().collect())
        })
        .collect();
    Router::new()
        .route("/codes/{code}", get(code))
        .route(
            "/ok",
            get(|| async {
                let headers = [
                    ("content-type", "application/json"),
                    ("x-request-id", "req_1"),
                ];
                (headers, r#"{"id":1}"#)
            }),
        )
        .route(
            "/page",
            get(|| async { ([("x-request-id", "req_1")], "<html>hello</html>") }),
        )
        .layer(from_fn(inject))
        .with_state(Arc::new(params))
}

/// A response as a test sees it: status, headers, body.
type Seen = (u16, Vec<(String, String)>, Vec<u8>);

/// One request through the audited app; the response as an exchange.
async fn send(app: &Router, uri: &str) -> Seen {
    let request = http::Request::get(uri)
        .header("x-request-id", "req_1")
        .body(Body::empty())
        .unwrap();
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status().as_u16();
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, headers, body.to_vec())
}

/// What `errcat audit` finds in the same exchanges.
fn cli_findings(model: &Model, exchanges: &[(String, Seen)]) -> Vec<Finding> {
    let mut audit = errcat_codegen::audit::audit(model);
    for (i, (uri, (status, headers, body))) in exchanges.iter().enumerate() {
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        audit.check(
            i,
            &Exchange {
                method: "GET",
                url: uri,
                status: *status,
                headers: &headers,
                body,
            },
        );
    }
    audit.findings().to_vec()
}

#[tokio::test]
async fn the_layer_finds_what_the_cli_finds_and_nothing_in_clean_responses() {
    let model = model();
    let layer = audit_layer::<Code>();
    let app = app(&model).layer(layer.clone());

    let mut exchanges = Vec::new();
    for c in model.codes.iter().filter(|c| c.kind.is_error()) {
        let uri = format!("/codes/{}", c.wire_name);
        exchanges.push((uri.clone(), send(&app, &uri).await));
    }
    for uri in ["/ok", "/page"] {
        exchanges.push((uri.to_string(), send(&app, uri).await));
    }
    layer.assert_clean();
    assert_eq!(layer.never_exercised(), Vec::<String>::new());
    assert!(layer.report().contains("coverage: 5 of 5 codes exercised"));

    let plain = "invalid_request";
    let waits = "rate_limit_exceeded";
    let faults = [
        ("unknown_code", plain),
        ("retired_code", plain),
        ("code_case", plain),
        ("wrong_status", plain),
        ("error_body_on_success", plain),
        ("error_without_body", plain),
        ("wrong_envelope", plain),
        ("field_case", waits),
        ("missing_member", plain),
        ("message_mismatch", waits),
        ("missing_retry_after", waits),
        ("bad_retry_after", waits),
        ("missing_request_id", plain),
    ];
    let clean = exchanges.len();
    for (kind, wire) in faults {
        let uri = format!("/codes/{wire}?inject={kind}");
        exchanges.push((uri.clone(), send(&app, &uri).await));
    }
    let found = layer.findings();
    let kinds: Vec<(usize, &str)> = found.iter().map(|f| (f.entry, f.kind.as_str())).collect();
    let expected: Vec<(usize, &str)> = faults
        .iter()
        .enumerate()
        .map(|(i, (kind, _))| (clean + i, *kind))
        .collect();
    assert_eq!(kinds, expected, "{}", layer.report());
    let retired = &found[1];
    assert_eq!(retired.code.as_deref(), Some("over_quota"));
    assert!(
        retired.detail.contains("quota_exceeded") && retired.detail.contains("Merged into"),
        "{}",
        retired.detail
    );
    assert_eq!(
        found,
        cli_findings(&model, &exchanges),
        "the layer and the CLI agree"
    );

    let panic = std::panic::catch_unwind(|| layer.assert_clean()).unwrap_err();
    let message = panic.downcast_ref::<String>().unwrap();
    assert!(
        message.contains("responses drifted from the catalog"),
        "{message}"
    );
    assert!(message.contains("missing_request_id"), "{message}");
}

#[tokio::test]
async fn bodies_it_does_not_read_pass_through_whole() {
    let layer = audit_layer::<Code>();
    let chunks = || Body::from_stream(stream_of(vec![Ok("data: 1\n\n"), Ok("data: 2\n\n")]));
    let app = Router::new()
        .route(
            "/events",
            get(move || async move {
                Response::builder()
                    .header("content-type", "text/event-stream")
                    .header("x-request-id", "req_1")
                    .body(chunks())
                    .unwrap()
            }),
        )
        .layer(layer.clone());
    let (status, _, body) = send(&app, "/events").await;
    assert_eq!(status, 200);
    assert_eq!(body, b"data: 1\n\ndata: 2\n\n");
    layer.assert_clean();
    assert!(layer.report().contains("0 of 5 codes exercised"));
}

/// A stream of ready items, without a stream crate.
fn stream_of(
    items: Vec<Result<&'static str, std::io::Error>>,
) -> impl futures_core::Stream<Item = Result<&'static str, std::io::Error>> + Send {
    struct Iter(std::vec::IntoIter<Result<&'static str, std::io::Error>>);
    impl futures_core::Stream for Iter {
        type Item = Result<&'static str, std::io::Error>;
        fn poll_next(
            mut self: std::pin::Pin<&mut Self>,
            _: &mut std::task::Context<'_>,
        ) -> std::task::Poll<Option<Self::Item>> {
            std::task::Poll::Ready(self.0.next())
        }
    }
    Iter(items.into_iter())
}
