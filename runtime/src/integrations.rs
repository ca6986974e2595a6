//! Helpers behind the optional features; generated code reaches them through
//! `__private`.

#[cfg(feature = "http")]
use crate::{CatalogCode, Error};

/// An `http::StatusCode`, or 500 for a number outside 100–999.
#[cfg(feature = "http")]
pub fn status_code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The `http::Response` of an error: its status, the envelope's content
/// type, `Retry-After` (whole seconds, rounded up) and `X-Request-Id`.
#[cfg(feature = "http")]
pub fn http_response<C: CatalogCode>(error: &Error<C>) -> http::Response<Vec<u8>> {
    let mut response = http::Response::new(error.to_json().to_string().into_bytes());
    *response.status_mut() = status_code(error.status());
    let headers = response.headers_mut();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static(error.envelope().content_type()),
    );
    if let Some(wait) = error.retry_after() {
        let secs = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        headers.insert(http::header::RETRY_AFTER, http::HeaderValue::from(secs));
    }
    if let Some(id) = error
        .request_id()
        .and_then(|id| http::HeaderValue::from_str(id).ok())
    {
        headers.insert("x-request-id", id);
    }
    response
}

/// The axum response of an error; see [`http_response`].
#[cfg(feature = "axum")]
pub fn into_axum_response<C: CatalogCode>(error: &Error<C>) -> axum::response::Response {
    http_response(error).map(axum::body::Body::from)
}

/// Reads a reqwest response into an error, reading at most
/// [`crate::MAX_BODY_BYTES`] + 1 bytes of its body.
#[cfg(feature = "reqwest")]
pub async fn from_reqwest<C: CatalogCode>(mut response: reqwest::Response) -> Error<C> {
    let status = response.status().as_u16();
    let headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter_map(|(k, v)| Some((k.as_str().to_string(), v.to_str().ok()?.to_string())))
        .collect();
    let mut body = Vec::new();
    while let Ok(Some(chunk)) = response.chunk().await {
        body.extend_from_slice(&chunk);
        if body.len() > crate::MAX_BODY_BYTES {
            break;
        }
    }
    Error::from_response(
        status,
        headers.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        &body,
    )
}
