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
    let mut request = http::Request::get(uri);
    if auth {
        request = request.header("authorization", "Bearer wrong");
    }
    let response = app
        .clone()
        .oneshot(request.body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = response.status().as_u16();
    axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .unwrap();
    status
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
