//! The runtime of a generated crate: typed constructors, envelopes, lenient
//! parsing of every body shape the seeds show, and retry advice.

use std::time::Duration;

use errcat_generated_code_tests::{minimal, problem_camel, service};
use rand::SeedableRng;
use serde_json::json;
use service::{Code, Error, RetryPolicy};

#[test]
fn typed_constructors_render_messages_and_details() {
    let e = Error::rate_limit_exceeded(100, 60);
    assert_eq!(e.code(), Some(Code::RateLimitExceeded));
    assert_eq!(e.status(), 429);
    assert_eq!(
        e.message(),
        "Rate limit exceeded: 100 calls per 60 seconds."
    );
    assert_eq!(e.details()["limit"], 100);
    assert_eq!(e.details()["window"], 60);
    assert_eq!(
        e.to_string(),
        "rate_limit_exceeded: Rate limit exceeded: 100 calls per 60 seconds."
    );

    let e = Error::invalid_request("model_id")
        .with_param("model_id")
        .with_request_id("req_abc123xyz");
    assert_eq!(e.message(), "The 'model_id' field is required.");
    assert_eq!(e.param(), Some("model_id"));
    assert_eq!(
        e.to_string(),
        "invalid_request: The 'model_id' field is required. (request id req_abc123xyz)"
    );

    let e = minimal::Error::too_many_requests(10, 60, 2.5);
    assert_eq!(e.message(), "At most 10 requests per 60 s; retry in 2.5 s.");
    assert_eq!(
        minimal::Error::crashed().message(),
        "The server crashed; {not a param}."
    );
    #[allow(deprecated)]
    let old = minimal::Error::old_limit("daily", true);
    assert_eq!(old.message(), "Over the daily limit (strict = true).");
    assert_eq!(
        Error::new(Code::InvalidRequest).message(),
        "Invalid request",
        "title when params are missing"
    );
    assert_eq!(
        Error::from(Code::Unavailable).message(),
        "Service temporarily unavailable."
    );
    let e: Box<dyn std::error::Error> = Box::new(Error::internal_error());
    assert!(e.to_string().starts_with("internal_error:"));
}

#[test]
fn envelopes_follow_the_catalog() {
    let e = Error::rate_limit_exceeded(600, 60)
        .with_request_id("req_1")
        .with_param("model_id")
        .with_retry_after(Duration::from_secs(30));
    assert_eq!(
        e.to_json(),
        json!({"error": {
            "code": "rate_limit_exceeded",
            "message": "Rate limit exceeded: 600 calls per 60 seconds.",
            "type": "invalid_request_error",
            "param": "model_id",
            "requestId": "req_1",
            "retryAfterMs": 30000,
            "docsUrl": "https://service.example.com/errors/request.html#rate_limit_exceeded",
            "details": {"limit": 600, "window": 60}
        }})
    );
    let p = problem_camel::Error::invalid_request("limit").with_request_id("req_2");
    assert_eq!(
        p.to_json(),
        json!({
            "type": "https://api.example.com/docs/errors#invalid_request",
            "title": "Invalid request",
            "status": 400,
            "detail": "Request body fails validation: limit.",
            "instance": "req_2",
            "code": "invalid_request",
            "params": {"field": "limit"}
        })
    );
    assert_eq!(service::ENVELOPE.content_type(), "application/json");
    assert_eq!(
        problem_camel::ENVELOPE.content_type(),
        "application/problem+json"
    );
}

#[test]
fn round_trips_through_every_shape() {
    let original = Error::rate_limit_exceeded(5, 1)
        .with_request_id("req_9")
        .with_param("x")
        .with_retry_after(Duration::from_millis(1500));
    for format in [
        service::ENVELOPE,
        service::EnvelopeFormat {
            field_case: service::FieldCase::Snake,
            ..service::ENVELOPE
        },
        service::ENVELOPE.with_style(service::EnvelopeStyle::Problem),
    ] {
        let body = original.to_json_in(format).to_string();
        let parsed = Error::from_response(429, [], body.as_bytes());
        assert_eq!(parsed.code(), Some(Code::RateLimitExceeded), "{body}");
        assert_eq!(parsed.message(), original.message());
        assert_eq!(parsed.request_id(), Some("req_9"));
        assert_eq!(parsed.param(), Some("x"));
        assert_eq!(parsed.retry_after(), Some(Duration::from_millis(1500)));
        assert_eq!(parsed.details(), original.details());
    }
}

#[test]
fn parses_the_seed_shapes() {
    // vision-api middleware envelope with a top-level request_id and an alias.
    let body = br#"{"error": {"code": "INVALID_API_KEY", "message": "bad key", "details": {}}, "request_id": "550e8400"}"#;
    let e = Error::from_response(401, [], body);
    assert_eq!(e.code(), Some(Code::InvalidApiKey));
    assert_eq!(e.code_str(), "INVALID_API_KEY", "the wire code is kept");
    assert_eq!(e.request_id(), Some("550e8400"));
    // FastAPI {"detail": "..."} and {"detail": {...}}.
    let e = Error::from_response(404, [], br#"{"detail": "Rule not found"}"#);
    assert_eq!(
        (e.code(), e.message(), e.status()),
        (None, "Rule not found", 404)
    );
    let e = Error::from_response(400, [], br#"{"detail": {"code": "invalid_request", "message": "Invalid request parameters", "field": "limit"}}"#);
    assert_eq!(e.code(), Some(Code::InvalidRequest));
    assert_eq!(e.param(), Some("limit"));
    // Roboflow CLI {"error": {"message", "hint"}} and {"error": "text"}.
    let e = Error::from_response(
        404,
        [],
        br#"{"error": {"message": "Project 'x' not found", "hint": "list them"}}"#,
    );
    assert_eq!(e.message(), "Project 'x' not found");
    assert_eq!(
        Error::from_response(500, [], br#"{"error": "boom"}"#).message(),
        "boom"
    );
    // PromptFloe camelCase with retryAfterMs.
    let e = Error::from_response(429, [], br#"{"error": {"code": "quota_exceeded", "message": "m", "type": "tier_limit", "requestId": "req_x", "retryAfterMs": 3600000}}"#);
    assert_eq!(e.code(), None);
    assert_eq!(e.code_str(), "quota_exceeded");
    assert_eq!(e.retry_after(), Some(Duration::from_secs(3600)));
    // Clarifai numeric status.
    let e = Error::from_response(
        200,
        [],
        br#"{"status": {"code": 503, "description": "Service temporarily unavailable."}}"#,
    );
    assert_eq!(e.code(), Some(Code::Unavailable));
}

#[test]
fn google_api_errors_are_named_by_reason_or_status_not_by_http_code() {
    // AIP-193: `code` is the HTTP status. Read as a numeric code it named no
    // code, and the status fallback made a never-retry error retryable.
    let body = br#"{"error": {"code": 429, "message": "Key revoked.", "status": "RESOURCE_EXHAUSTED",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "INVALID_API_KEY",
                     "domain": "example.com", "metadata": {"service": "vision"}}]}}"#;
    let e = Error::from_response(429, [], body);
    assert_eq!(e.code(), Some(Code::InvalidApiKey));
    assert_eq!(e.message(), "Key revoked.");
    assert!(
        !e.is_retryable(),
        "the catalog says never, whatever the status"
    );
    assert_eq!(e.details().get("service"), Some(&json!("vision")));
    // An unknown reason falls back to `status`.
    let body = br#"{"error": {"code": 503, "message": "m", "status": "unavailable",
        "details": [{"@type": "type.googleapis.com/google.rpc.ErrorInfo", "reason": "NOT_OURS"}]}}"#;
    let e = Error::from_response(503, [], body);
    assert_eq!(e.code(), Some(Code::Unavailable));
    assert_eq!(e.code_str(), "unavailable");
    // Without ErrorInfo, `status` names it; unknown, the wire name is kept.
    let body = br#"{"error": {"code": 400, "message": "m", "status": "INVALID_ARGUMENT"}}"#;
    let e = Error::from_response(400, [], body);
    assert_eq!((e.code(), e.code_str()), (None, "INVALID_ARGUMENT"));
    // A numeric `code` with no `status` is still a numeric code.
    let e = Error::from_response(500, [], br#"{"error": {"code": 503, "message": "m"}}"#);
    assert_eq!(e.code(), Some(Code::Unavailable), "numeric 503");
}

#[test]
fn headers_win_and_both_retry_after_forms_parse() {
    let body = br#"{"error": {"code": "rate_limit_exceeded", "message": "m", "requestId": "body", "retryAfterMs": 1000}}"#;
    let e = Error::from_response(
        429,
        [("Retry-After", "30"), ("X-Request-Id", "req_header")],
        body,
    );
    assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
    assert_eq!(e.request_id(), Some("req_header"));
    let later = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(120));
    let e = Error::from_response(503, [("retry-after", later.as_str())], b"");
    let wait = e.retry_after().unwrap();
    assert!(
        wait > Duration::from_secs(115) && wait <= Duration::from_secs(120),
        "{wait:?}"
    );
    let past = "Wed, 21 Oct 2015 07:28:00 GMT";
    assert_eq!(
        Error::from_response(503, [("Retry-After", past)], b"").retry_after(),
        Some(Duration::ZERO)
    );
    assert_eq!(
        Error::from_response(503, [("Retry-After", "soon")], b"").retry_after(),
        None
    );
}

#[test]
fn hostile_bodies_are_bounded_and_classified_by_status() {
    let huge = vec![b'a'; errcat_runtime::MAX_BODY_BYTES + 1];
    let e = Error::from_response(503, [], &huge);
    assert_eq!((e.code(), e.status()), (None, 503));
    assert!(e.message().contains("not parsed"));
    assert!(e.is_retryable(), "an unknown 503 backs off");
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(Error::from_response(500, [], deep.as_bytes()).status(), 500);
    let wrong = br#"{"error": {"code": 7, "message": ["x"], "requestId": {}, "retryAfterMs": "soon", "details": 3}}"#;
    let e = Error::from_response(400, [], wrong);
    assert_eq!((e.request_id(), e.retry_after()), (None, None));
    assert_eq!(
        Error::from_response(502, [], b"\xff\xfe<html>bad gateway</html>").message(),
        "\u{fffd}\u{fffd}<html>bad gateway</html>"
    );
    assert_eq!(Error::from_response(502, [], b"").message(), "HTTP 502");
    assert_eq!(
        Error::from_response(400, [], br#"{"error": {"retryAfterMs": -5}}"#).retry_after(),
        None
    );
    assert_eq!(
        Error::from_response(400, [], br#"{"error": {"retryAfterMs": 1e308}}"#)
            .retry_after()
            .map(|d| d.as_secs()),
        Some(u64::from(u32::MAX))
    );
}

#[test]
fn retry_advice_per_code_and_for_unknown_codes() {
    let mut rng = rand::rngs::StdRng::seed_from_u64(1);
    assert_eq!(
        Error::invalid_api_key().retry_delay_with(1, &mut rng),
        None,
        "401 never retries"
    );
    let e = Error::unavailable();
    let delays: Vec<_> = (1..4).map(|a| e.retry_delay_with(a, &mut rng)).collect();
    assert_eq!(
        delays,
        [
            Some(Duration::from_millis(10)),
            Some(Duration::from_millis(20)),
            None
        ]
    );
    let limited = Error::rate_limit_exceeded(1, 1).with_retry_after(Duration::from_millis(300));
    assert_eq!(
        limited.retry_delay_with(1, &mut rng),
        Some(Duration::from_millis(300))
    );
    let too_long = Error::rate_limit_exceeded(1, 1).with_retry_after(Duration::from_secs(3600));
    assert_eq!(
        too_long.retry_delay_with(1, &mut rng),
        None,
        "more than max_wait: give up"
    );
    assert!(matches!(
        Code::RateLimitExceeded.retry(),
        RetryPolicy::AfterHeader { .. }
    ));

    for (status, retryable) in [
        (429, true),
        (503, true),
        (500, true),
        (502, true),
        (400, false),
        (404, false),
        (409, false),
    ] {
        let e = Error::unknown("mystery", status, "?");
        assert_eq!(e.code(), None);
        assert_eq!(e.is_retryable(), retryable, "{status}");
    }
    let e = Error::unknown("mystery", 429, "?").with_retry_after(Duration::from_secs(2));
    assert_eq!(
        e.retry_delay_with(1, &mut rng),
        Some(Duration::from_secs(2))
    );
}

#[test]
fn http_integration() {
    assert_eq!(
        Code::Unavailable.status_code(),
        http::StatusCode::SERVICE_UNAVAILABLE
    );
    let mut headers = http::HeaderMap::new();
    headers.insert("x-request-id", "req_7".parse().unwrap());
    let e = Error::from_http_response(
        http::StatusCode::UNAUTHORIZED,
        &headers,
        br#"{"error":{"code":"invalid_api_key"}}"#,
    );
    assert_eq!(
        (e.code(), e.request_id(), e.status_code()),
        (
            Some(Code::InvalidApiKey),
            Some("req_7"),
            http::StatusCode::UNAUTHORIZED
        )
    );
    assert_eq!(
        e.message(),
        "Invalid API key",
        "missing message falls back to the title"
    );
    let response = Error::rate_limit_exceeded(1, 1)
        .with_retry_after(Duration::from_millis(1500))
        .with_request_id("r")
        .to_http_response();
    assert_eq!(response.status(), http::StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        response.headers()["retry-after"],
        "2",
        "rounded up to whole seconds"
    );
    assert_eq!(response.headers()["x-request-id"], "r");
    assert_eq!(response.headers()["content-type"], "application/json");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 1024, failure_persistence: None, ..Default::default() })]

    #[test]
    fn parsing_never_panics(status in 0u16..1000, body in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300), retry_after in ".{0,30}") {
        let e = Error::from_response(status, [("Retry-After", retry_after.as_str()), ("X-Request-Id", "r")], &body);
        proptest::prop_assert_eq!(e.status(), status);
        let _ = e.to_json();
        let _ = e.retry_delay(1);
    }

    #[test]
    fn parsing_json_shaped_bodies_never_panics(code in ".{0,10}", message in ".{0,20}", n in proptest::prelude::any::<i64>(), f in proptest::prelude::any::<f64>()) {
        for body in [
            json!({"error": {"code": code, "message": message, "retryAfterMs": f, "details": {"n": n}}}),
            json!({"type": message, "title": code, "status": n, "detail": f, "instance": n}),
            json!({"status": {"code": n, "description": message}}),
            json!({"detail": [code, message]}),
        ] {
            let e = Error::from_response(500, [], body.to_string().as_bytes());
            let _ = e.to_json();
        }
    }
}
