//! A small HTTP service whose errors come from the catalog.
//!
//! Run it with `cargo run --example server --features axum`, then try
//! `curl -i localhost:3000/projects/nonexistent` or run the client example.
//! `PORT` chooses another port (`0`: any free one); the first line printed
//! says where it listens.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use axum::Router;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::routing::get;
use errcat::Error;

/// Every request gets an id: the caller's `X-Request-Id`, or a new one.
fn request_id(headers: &HeaderMap, counter: &AtomicU32) -> String {
    match headers.get("x-request-id").and_then(|v| v.to_str().ok()) {
        Some(id) => id.to_string(),
        None => format!("req_{:08x}", counter.fetch_add(1, Ordering::Relaxed)),
    }
}

#[derive(Clone, Default)]
struct App {
    requests: Arc<AtomicU32>,
    quota_calls: Arc<AtomicU32>,
}

async fn project(
    State(app): State<App>,
    headers: HeaderMap,
    Path(name): Path<String>,
) -> Result<String, Error> {
    let id = request_id(&headers, &app.requests);
    if name == "demo" {
        return Ok(format!("project demo ({id})\n"));
    }
    // A typed constructor renders the catalog's message template.
    Err(Error::project_not_found(&name)
        .with_param("project")
        .with_request_id(id))
}

/// Every third call succeeds; the others are rate limited for a second.
async fn busy(State(app): State<App>, headers: HeaderMap) -> Result<String, Error> {
    let id = request_id(&headers, &app.requests);
    if app.quota_calls.fetch_add(1, Ordering::Relaxed) % 3 == 2 {
        return Ok(format!("finally ({id})\n"));
    }
    Err(Error::rate_limited(100, 60)
        .with_retry_after(Duration::from_secs(1))
        .with_request_id(id))
}

async fn secret(State(app): State<App>, headers: HeaderMap) -> Result<String, Error> {
    let id = request_id(&headers, &app.requests);
    match headers.get("authorization") {
        Some(_) => Err(Error::invalid_api_key().with_request_id(id)),
        None => Err(Error::missing_api_key().with_request_id(id)),
    }
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let app = Router::new()
        .route("/projects/{name}", get(project))
        .route("/busy", get(busy))
        .route("/secret", get(secret))
        .with_state(App::default());
    let port = std::env::var("PORT")
        .ok()
        .and_then(|p| p.parse::<u16>().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            tokio::signal::ctrl_c().await.ok();
        })
        .await
}
