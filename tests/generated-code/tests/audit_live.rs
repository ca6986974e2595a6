//! `errcat audit` against a real server: an axum app answers with every
//! code of the `service` catalog, a real client records the traffic as a
//! HAR, and the audit finds nothing in it. Then each kind of drift a proxy
//! or a hand-built handler could cause is injected into a recorded response,
//! and the audit finds it, as its kind, at its entry.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::routing::get;
use errcat_codegen::audit::for_each_entry;
use errcat_codegen::model::{Model, RetryStrategy};
use errcat_generated_code_tests::service::{Code, Error};
use serde_json::{Value, json};

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
    if matches!(
        code.retry(),
        errcat_generated_code_tests::service::RetryPolicy::AfterHeader { .. }
    ) {
        error = error.with_retry_after(Duration::from_secs(30));
    }
    Err(error)
}

/// Records one exchange as a HAR entry.
async fn record(client: &reqwest::Client, url: String) -> Value {
    let response = client.get(&url).send().await.expect("server reachable");
    let status = response.status().as_u16();
    let headers: Vec<Value> = response
        .headers()
        .iter()
        .map(|(k, v)| json!({"name": k.as_str(), "value": v.to_str().unwrap_or_default()}))
        .collect();
    let text = response.text().await.expect("a body");
    json!({
        "request": {"method": "GET", "url": url},
        "response": {"status": status, "headers": headers, "content": {"mimeType": "application/json", "text": text}},
    })
}

fn audit(model: &Model, entries: &[Value]) -> Vec<(usize, String)> {
    let har = json!({"log": {"version": "1.2", "entries": entries}}).to_string();
    let mut audit = errcat_codegen::audit::audit(model);
    for_each_entry(har.as_bytes(), |entry| {
        errcat_codegen::audit::check(&mut audit, &entry)
    })
    .unwrap();
    audit
        .findings()
        .iter()
        .map(|f| (f.entry, f.kind.as_str().to_string()))
        .collect()
}

fn body(entry: &Value) -> Value {
    serde_json::from_str(entry["response"]["content"]["text"].as_str().unwrap()).unwrap()
}

fn set_body(entry: &mut Value, body: &Value) {
    entry["response"]["content"]["text"] = json!(body.to_string());
}

fn drop_header(entry: &mut Value, name: &str) {
    let headers = entry["response"]["headers"].as_array_mut().unwrap();
    headers.retain(|h| !h["name"].as_str().unwrap().eq_ignore_ascii_case(name));
}

#[tokio::test]
async fn recorded_traffic_is_clean_and_every_injected_drift_is_found() {
    let model = model();
    let params: HashMap<String, Vec<(String, Value)>> = model
        .codes
        .iter()
        .map(|c| {
            let details = errcat_codegen::emit::examples::example_body(&model, c).details;
            (c.wire_name.clone(), details.into_iter().collect())
        })
        .collect();
    let app = Router::new()
        .route("/codes/{code}", get(code))
        .with_state(Arc::new(params));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    let client = reqwest::Client::new();

    // Every error code the server knows, recorded: nothing to find.
    let mut clean = Vec::new();
    for c in model
        .codes
        .iter()
        .filter(|c| c.kind.is_error() && c.deprecated.is_none())
    {
        clean.push(record(&client, format!("http://{addr}/codes/{}", c.wire_name)).await);
    }
    assert_eq!(audit(&model, &clean), [], "the server's own responses");

    let url_of = |wire: &str| format!("http://{addr}/codes/{wire}");
    let find = |pred: &dyn Fn(&errcat_codegen::model::Code) -> bool| {
        model
            .codes
            .iter()
            .find(|c| c.deprecated.is_none() && pred(c))
            .unwrap()
            .wire_name
            .clone()
    };
    let plain = find(&|c| c.kind.is_error() && c.status == 400);
    let waits = find(&|c| {
        matches!(
            model.retry_of(c).strategy,
            RetryStrategy::AfterHeader { .. }
        )
    });
    let plain_wire = plain.clone();
    type Inject = Box<dyn Fn(&mut Value)>;
    let faults: Vec<(&str, &str, Inject)> = vec![
        (
            "unknown_code",
            &plain,
            Box::new(|e| {
                let mut b = body(e);
                b["error"]["code"] = json!("brand_new_code");
                set_body(e, &b);
            }),
        ),
        (
            "code_case",
            &plain,
            Box::new(move |e| {
                let mut b = body(e);
                b["error"]["code"] = json!(plain_wire.to_uppercase());
                set_body(e, &b);
            }),
        ),
        (
            "wrong_status",
            &plain,
            Box::new(|e| e["response"]["status"] = json!(422)),
        ),
        (
            "error_body_on_success",
            &plain,
            Box::new(|e| e["response"]["status"] = json!(200)),
        ),
        (
            "error_without_body",
            &plain,
            Box::new(|e| {
                e["response"]["content"]["text"] = json!("<html>502 Bad Gateway</html>");
            }),
        ),
        (
            "wrong_envelope",
            &plain,
            Box::new(|e| {
                let b = body(e);
                set_body(e, &b["error"]);
            }),
        ),
        (
            "field_case",
            &waits,
            Box::new(|e| {
                let mut b = body(e);
                let error = b["error"].as_object_mut().unwrap();
                let wait = error.remove("retryAfterMs").expect("a hint in the body");
                error.insert("retry_after_ms".into(), wait);
                set_body(e, &b);
            }),
        ),
        (
            "missing_member",
            &plain,
            Box::new(|e| {
                let mut b = body(e);
                b["error"].as_object_mut().unwrap().remove("type");
                set_body(e, &b);
            }),
        ),
        (
            "message_mismatch",
            &waits,
            Box::new(|e| {
                let mut b = body(e);
                b["error"]["message"] = json!("Slow down.");
                set_body(e, &b);
            }),
        ),
        (
            "missing_retry_after",
            &waits,
            Box::new(|e| drop_header(e, "retry-after")),
        ),
        (
            "bad_retry_after",
            &waits,
            Box::new(|e| {
                drop_header(e, "retry-after");
                e["response"]["headers"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"name": "Retry-After", "value": "later"}));
            }),
        ),
        (
            "missing_request_id",
            &plain,
            Box::new(|e| drop_header(e, "x-request-id")),
        ),
    ];
    let mut entries = Vec::new();
    for (_, wire, inject) in &faults {
        let mut entry = record(&client, url_of(wire)).await;
        inject(&mut entry);
        entries.push(entry);
    }
    let found = audit(&model, &entries);
    let expected: Vec<(usize, String)> = faults
        .iter()
        .enumerate()
        .map(|(i, (kind, _, _))| (i, kind.to_string()))
        .collect();
    assert_eq!(found, expected);
}
