//! A small HTTP service whose errors come from the catalog.
//!
//! Run it with `cargo run --example server --features axum`, then try
//! `curl -i localhost:3000/projects/nonexistent` (add `-H 'Accept-Language:
//! pl'` for Polish) or run the client example.
//! `PORT` chooses another port (`0`: any free one); the first line printed
//! says where it listens. Its tests (`tests/server.rs`) hold every response
//! to the catalog with `errcat_runtime::audit::layer::AuditLayer`.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::{Extension, Path, Request, State};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::get;
use errcat::Error;

/// The request id of the request being served.
#[derive(Clone)]
struct RequestId(String);

#[derive(Clone, Default)]
struct App {
    requests: Arc<AtomicU32>,
    quota_calls: Arc<AtomicU32>,
}

/// Every request gets an id, the caller's `X-Request-Id` or a new one, and
/// every response carries it, as the catalog's docs promise.
async fn request_id(State(app): State<App>, mut request: Request, next: Next) -> Response {
    let id = match request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
    {
        Some(id) => id.to_string(),
        None => format!("req_{:08x}", app.requests.fetch_add(1, Ordering::Relaxed)),
    };
    request.extensions_mut().insert(RequestId(id.clone()));
    let mut response = next.run(request).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response
            .headers_mut()
            .entry("x-request-id")
            .or_insert(value);
    }
    response
}

async fn project(
    Extension(RequestId(id)): Extension<RequestId>,
    Path(name): Path<String>,
) -> Result<String, Error> {
    if name == "demo" {
        return Ok(format!("project demo ({id})\n"));
    }
    // A typed constructor renders the catalog's message template.
    Err(Error::project_not_found(&name)
        .with_param("project")
        .with_request_id(id))
}

/// Every third call succeeds; the others are rate limited for a second.
async fn busy(
    State(app): State<App>,
    Extension(RequestId(id)): Extension<RequestId>,
) -> Result<String, Error> {
    if app.quota_calls.fetch_add(1, Ordering::Relaxed) % 3 == 2 {
        return Ok(format!("finally ({id})\n"));
    }
    Err(Error::rate_limited(100, 60)
        .with_retry_after(Duration::from_secs(1))
        .with_request_id(id))
}

async fn secret(
    Extension(RequestId(id)): Extension<RequestId>,
    headers: HeaderMap,
) -> Result<String, Error> {
    match headers.get("authorization") {
        Some(_) => Err(Error::invalid_api_key().with_request_id(id)),
        None => Err(Error::missing_api_key().with_request_id(id)),
    }
}

/// The service's routes.
pub fn app() -> Router {
    let app = App::default();
    Router::new()
        .route("/projects/{name}", get(project))
        .route("/busy", get(busy))
        .route("/secret", get(secret))
        // Every error answers in the locale the request asks for
        // (`Accept-Language`), from the catalog's translations.
        .layer(middleware::from_fn(errcat_runtime::axum::negotiate_locale))
        .layer(middleware::from_fn_with_state(app.clone(), request_id))
        .with_state(app)
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app())
        .with_graceful_shutdown(async {
            tokio::signal::ctrl_c().await.ok();
        })
        .await
}
