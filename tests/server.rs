//! The example server, held to the catalog by its own tests: every route is
//! driven through `AuditLayer`, which finds no drift; a handler that builds
//! its error by hand is found.

use axum::body::Body;
use errcat_runtime::audit::layer::audit_layer;
use tower::ServiceExt;

#[allow(dead_code)]
#[path = "../examples/server.rs"]
mod server;

async fn get(app: &axum::Router, uri: &str, auth: bool) -> u16 {
    get_in(app, uri, auth, None).await.0
}

/// The status, headers and body of a GET, in `locale` when given.
async fn get_in(
    app: &axum::Router,
    uri: &str,
    auth: bool,
    locale: Option<&str>,
) -> (u16, http::HeaderMap, serde_json::Value) {
    let mut request = http::Request::get(uri);
    if let Some(locale) = locale {
        request = request.header("accept-language", locale);
    }
    if auth {
        request = request.header("authorization", "Bearer wrong");
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    let json = serde_json::from_slice(&body).unwrap_or(serde_json::Value::Null);
    (status, headers, json)
}

#[tokio::test]
async fn errors_answer_in_the_locale_the_request_asks_for() {
    let audit = audit_layer::<errcat::Code>();
    let app = server::app().layer(audit.clone());
    let (status, headers, body) = get_in(
        &app,
        "/projects/nonexistent",
        false,
        Some("pl-PL, en;q=0.5"),
    )
    .await;
    assert_eq!(status, 404);
    assert_eq!(headers["content-language"], "pl");
    assert_eq!(headers["vary"], "accept-language");
    assert_eq!(
        body["error"]["message"],
        "Nie znaleziono projektu „nonexistent”."
    );
    assert!(headers.contains_key("x-request-id"));
    let (_, headers, body) = get_in(&app, "/busy", false, Some("fr-CH")).await;
    assert_eq!(headers["content-language"], "fr");
    assert_eq!(
        body["error"]["message"],
        "Limite de débit dépassée : 100 appels par tranche de 60 secondes."
    );
    assert!(headers.contains_key("retry-after"));
    // No locale the catalog has: the default, said so.
    let (_, headers, body) = get_in(&app, "/secret", false, Some("de, ja;q=0.5")).await;
    assert_eq!(headers["content-language"], "en");
    assert_eq!(
        body["error"]["message"],
        "No API key was sent with the request."
    );
    // The audit reads the localized messages as the catalog's own.
    audit.assert_clean();
}

#[tokio::test]
async fn every_response_of_the_example_server_follows_the_catalog() {
    let audit = audit_layer::<errcat::Code>();
    let app = server::app().layer(audit.clone());
    assert_eq!(get(&app, "/projects/demo", false).await, 200);
    assert_eq!(get(&app, "/projects/nonexistent", false).await, 404);
    for _ in 0..3 {
        get(&app, "/busy", false).await;
    }
    assert_eq!(get(&app, "/secret", false).await, 401);
    assert_eq!(get(&app, "/secret", true).await, 401);
    audit.assert_clean();
    let exercised: Vec<String> = errcat::Code::all()
        .iter()
        .map(|c| c.as_str().to_string())
        .filter(|c| !audit.never_exercised().contains(c))
        .collect();
    assert_eq!(
        exercised,
        [
            "missing_api_key",
            "invalid_api_key",
            "project_not_found",
            "rate_limited"
        ],
        "{}",
        audit.report()
    );
}

#[tokio::test]
async fn a_hand_built_error_is_drift() {
    async fn hand_built() -> (http::StatusCode, &'static str) {
        (
            http::StatusCode::NOT_FOUND,
            r#"{"error":{"code":"project_not_found","message":"No such project."}}"#,
        )
    }
    let audit = audit_layer::<errcat::Code>();
    let app = server::app()
        .route("/hand-built", axum::routing::get(hand_built))
        .layer(audit.clone());
    get(&app, "/hand-built", false).await;
    let kinds: Vec<&str> = audit.findings().iter().map(|f| f.kind.as_str()).collect();
    assert!(kinds.contains(&"missing_member"), "{}", audit.report());
    assert!(kinds.contains(&"message_mismatch"), "{}", audit.report());
}
