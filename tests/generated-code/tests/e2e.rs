//! End to end: a real axum server on 127.0.0.1 returns errors built from the
//! `service` catalog; a real reqwest client parses them and retries as the
//! catalog advises, with backon running the loop.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::routing::get;
use errcat_generated_code_tests::service::{Code, Error, RetryPolicy};

#[derive(Clone, Default)]
struct Hits {
    auth: Arc<AtomicUsize>,
    limited: Arc<AtomicUsize>,
    unavailable: Arc<AtomicUsize>,
    mystery: Arc<AtomicUsize>,
}

fn request_id(headers: &HeaderMap) -> String {
    headers
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("req_server")
        .to_string()
}

async fn auth(State(hits): State<Hits>, headers: HeaderMap) -> Result<String, Error> {
    hits.auth.fetch_add(1, Ordering::SeqCst);
    Err(Error::invalid_api_key().with_request_id(request_id(&headers)))
}

/// Rate-limits the first call, with a Retry-After, then succeeds.
async fn limited(State(hits): State<Hits>, headers: HeaderMap) -> Result<String, Error> {
    if hits.limited.fetch_add(1, Ordering::SeqCst) == 0 {
        return Err(Error::rate_limit_exceeded(600, 60)
            .with_request_id(request_id(&headers))
            .with_retry_after(Duration::from_millis(300)));
    }
    Ok("done".into())
}

async fn unavailable(State(hits): State<Hits>, headers: HeaderMap) -> Result<String, Error> {
    let n = hits.unavailable.fetch_add(1, Ordering::SeqCst) + 1;
    Err(Error::unavailable().with_request_id(format!("{}-{n}", request_id(&headers))))
}

/// A code this client's catalog does not have.
async fn mystery(State(hits): State<Hits>) -> Result<String, Error> {
    hits.mystery.fetch_add(1, Ordering::SeqCst);
    Err(Error::unknown(
        "brand_new_conflict",
        409,
        "A newer server's code.",
    ))
}

async fn start() -> (String, Hits) {
    let hits = Hits::default();
    let app = Router::new()
        .route("/auth", get(auth))
        .route("/limited", get(limited))
        .route("/unavailable", get(unavailable))
        .route("/mystery", get(mystery))
        .with_state(hits.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    (format!("http://{addr}"), hits)
}

/// The SDK side: a GET whose non-2xx responses become catalog errors.
async fn get_text(client: &reqwest::Client, url: &str) -> Result<String, Error> {
    let response = client
        .get(url)
        .header("x-request-id", "req_client")
        .send()
        .await
        .expect("server reachable");
    let response = Error::check_reqwest(response).await?;
    Ok(response.text().await.expect("body"))
}

#[tokio::test]
async fn unauthorized_is_parsed_and_not_retried() {
    let (base, hits) = start().await;
    let client = reqwest::Client::new();
    let url = format!("{base}/auth");
    let err = errcat_runtime::retry(|| get_text(&client, &url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), Some(Code::InvalidApiKey));
    assert_eq!(err.status(), 401);
    assert_eq!(
        err.message(),
        "The API key provided is invalid or has been revoked."
    );
    assert_eq!(
        err.request_id(),
        Some("req_client"),
        "the request id reaches the error"
    );
    assert_eq!(err.retry_policy(), RetryPolicy::Never);
    assert_eq!(hits.auth.load(Ordering::SeqCst), 1, "never retried");
}

#[tokio::test]
async fn rate_limited_waits_for_retry_after_then_succeeds() {
    let (base, hits) = start().await;
    let client = reqwest::Client::new();
    let url = format!("{base}/limited");
    let mut waits = Vec::new();
    let started = Instant::now();
    let body = errcat_runtime::retry_notify(
        || get_text(&client, &url),
        |e: &Error, wait| {
            assert_eq!(e.code(), Some(Code::RateLimitExceeded));
            waits.push(wait);
        },
    )
    .await
    .unwrap();
    assert_eq!(body, "done");
    assert_eq!(hits.limited.load(Ordering::SeqCst), 2);
    // Retry-After travels in whole seconds in the header (the body's
    // retryAfterMs says 300 ms; the header wins).
    assert_eq!(waits, [Duration::from_secs(1)]);
    assert!(started.elapsed() >= Duration::from_secs(1));
}

#[tokio::test]
async fn unavailable_backs_off_to_max_attempts_then_fails_with_the_last_error() {
    let (base, hits) = start().await;
    let client = reqwest::Client::new();
    let url = format!("{base}/unavailable");
    let mut waits = Vec::new();
    let err = errcat_runtime::retry_notify(
        || get_text(&client, &url),
        |_: &Error, wait| waits.push(wait),
    )
    .await
    .unwrap_err();
    assert_eq!(
        hits.unavailable.load(Ordering::SeqCst),
        3,
        "max_attempts of the `quick` policy"
    );
    assert_eq!(
        waits,
        [Duration::from_millis(10), Duration::from_millis(20)],
        "no jitter in `quick`"
    );
    assert_eq!(err.code(), Some(Code::Unavailable));
    assert_eq!(
        err.request_id(),
        Some("req_client-3"),
        "the last error is returned"
    );
}

#[tokio::test]
async fn unknown_codes_are_preserved_and_classified_by_status() {
    let (base, hits) = start().await;
    let client = reqwest::Client::new();
    let url = format!("{base}/mystery");
    let err = errcat_runtime::retry(|| get_text(&client, &url))
        .await
        .unwrap_err();
    assert_eq!(err.code(), None);
    assert_eq!(err.code_str(), "brand_new_conflict");
    assert_eq!(err.status(), 409);
    assert_eq!(err.message(), "A newer server's code.");
    assert_eq!(
        err.retry_policy(),
        RetryPolicy::Never,
        "a 4xx other than 429 is not retried"
    );
    assert_eq!(hits.mystery.load(Ordering::SeqCst), 1);
}

#[tokio::test]
async fn responses_carry_status_content_type_and_headers() {
    let (base, _) = start().await;
    let response = reqwest::get(format!("{base}/limited")).await.unwrap();
    assert_eq!(response.status(), 429);
    let headers = response.headers();
    assert_eq!(headers["content-type"], "application/json");
    assert_eq!(headers["retry-after"], "1");
    assert_eq!(headers["x-request-id"], "req_server");
    let body: serde_json::Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
    assert_eq!(body["error"]["code"], "rate_limit_exceeded");
    assert_eq!(body["error"]["retryAfterMs"], 300);
}
