//! Helpers behind the optional features; generated code reaches them through
//! `__private`.

#[cfg(any(feature = "http", feature = "tonic"))]
use crate::{CatalogCode, Error};

/// An `http::StatusCode`, or 500 for a number outside 100–999.
#[cfg(feature = "http")]
pub fn status_code(status: u16) -> http::StatusCode {
    http::StatusCode::from_u16(status).unwrap_or(http::StatusCode::INTERNAL_SERVER_ERROR)
}

/// The `http::Response` of an error: its status, the envelope's content
/// type, `Retry-After` (whole seconds, rounded up) and the request id
/// header (`X-Request-Id` unless the catalog names another, or none).
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
    let name = http::HeaderName::from_bytes(C::REQUEST_ID_HEADER.as_bytes()).ok();
    if let (Some(name), Some(id)) = (
        name,
        error
            .request_id()
            .and_then(|id| http::HeaderValue::from_str(id).ok()),
    ) {
        headers.insert(name, id);
    }
    // A catalog with locales may answer another request in another one:
    // say which this is, and that caches must key on the request's choice.
    if C::LOCALES.tags.len() > 1 {
        if let Ok(locale) = http::HeaderValue::from_str(error.locale()) {
            headers.insert(http::header::CONTENT_LANGUAGE, locale);
        }
        headers.insert(
            http::header::VARY,
            http::HeaderValue::from_static("accept-language"),
        );
    }
    response
}

/// The axum response of an error; see [`http_response`]. A catalog with
/// locales leaves a way to say it again in the response's extensions, for
/// [`crate::axum::negotiate_locale`].
#[cfg(feature = "axum")]
pub fn into_axum_response<C: CatalogCode + Send + Sync>(
    error: &Error<C>,
) -> ::axum::response::Response {
    let mut response = http_response(error).map(::axum::body::Body::from);
    if C::LOCALES.tags.len() > 1 && error.localized_message().is_none() {
        let error = error.clone();
        let again = move |accept_language: &str| {
            let localized = error.clone().negotiated(accept_language);
            http_response(&localized).map(::axum::body::Body::from)
        };
        response
            .extensions_mut()
            .insert(crate::axum::SayAgain(std::sync::Arc::new(again)));
    }
    response
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

/// The gRPC status of an error: the code's gRPC code, the message, and
/// AIP-193's details in `grpc-status-details-bin`: ErrorInfo (the code as
/// reason, the catalog's domain, the params as metadata), BadRequest for
/// the param, RetryInfo, RequestInfo and Help, as the Google body carries
/// them.
#[cfg(feature = "tonic")]
pub fn to_grpc_status<C: CatalogCode>(error: &Error<C>) -> tonic::Status {
    use tonic_types::{ErrorDetails, StatusExt};
    let body = error.body();
    let mut details = ErrorDetails::new();
    let metadata: std::collections::HashMap<String, String> = body
        .details
        .iter()
        .map(|(k, v)| (k.clone(), crate::envelope::metadata_text(v)))
        .collect();
    details.set_error_info(
        &body.code,
        body.domain.as_deref().unwrap_or_default(),
        metadata,
    );
    if let Some(param) = &body.param {
        details.add_bad_request_violation(param, &body.message);
    }
    if let Some(wait) = body.retry_after {
        details.set_retry_info(Some(wait));
    }
    if let Some(id) = &body.request_id {
        details.set_request_info(id, "");
    }
    if let Some(url) = &body.docs_url {
        details.add_help_link(body.title.as_deref().unwrap_or(&body.code), url);
    }
    if let Some(localized) = &body.localized {
        details.set_localized_message(&localized.locale, &localized.message);
    }
    let code = tonic::Code::from_i32(error.grpc_code().number());
    tonic::Status::with_error_details(code, &body.message, details)
}

/// Reads a gRPC status from any server: ErrorInfo's reason names the code
/// (else the status code's name, as Google bodies are read), its metadata
/// are the params (typed by the code's params), and BadRequest, RetryInfo
/// and RequestInfo give the param, the wait and the request id. The HTTP
/// status is the code's, else the gRPC code's (`GrpcCode::http_status`).
/// Never panics: undecodable details are ignored.
#[cfg(feature = "tonic")]
pub fn from_grpc_status<C: CatalogCode>(status: &tonic::Status) -> Error<C> {
    use tonic_types::StatusExt;
    let details = status.check_error_details().unwrap_or_default();
    let grpc =
        crate::GrpcCode::from_number(status.code() as i32).unwrap_or(crate::GrpcCode::Unknown);
    let clip = |s: &str| {
        s.chars()
            .take(crate::MAX_RAW_MESSAGE_CHARS)
            .collect::<String>()
    };
    let mut parsed = crate::error::Parsed {
        message: status
            .message()
            .chars()
            .take(crate::MAX_MESSAGE_CHARS)
            .collect(),
        ..Default::default()
    };
    match details.error_info().filter(|i| !i.reason.is_empty()) {
        Some(info) => {
            parsed.wire_code = Some(clip(&info.reason));
            parsed.fallback_code = Some(grpc.as_str().to_string());
            parsed.details = info
                .metadata
                .iter()
                .map(|(k, v)| (k.clone(), serde_json::Value::from(v.clone())))
                .collect();
            parsed.details_as_text = true;
        }
        None => parsed.wire_code = Some(grpc.as_str().to_string()),
    }
    parsed.param = details
        .bad_request()
        .and_then(|b| b.field_violations.first())
        .map(|v| v.field.clone())
        .filter(|f| !f.is_empty());
    parsed.retry_after = details
        .retry_info()
        .and_then(|r| r.retry_delay)
        .map(crate::error::retry_hint);
    parsed.request_id = details
        .request_info()
        .and_then(|r| crate::error::clean_request_id(&r.request_id));
    parsed.localized = details
        .localized_message()
        .filter(|l| !l.locale.is_empty() && !l.message.is_empty())
        .map(|l| {
            (
                l.locale.chars().take(crate::MAX_LOCALE_CHARS).collect(),
                l.message.chars().take(crate::MAX_MESSAGE_CHARS).collect(),
            )
        });
    let error = Error::<C>::resolve(grpc.http_status(), parsed);
    match error.code() {
        Some(code) => error.with_status(code.http_status()),
        None => error,
    }
}

/// axum: error responses in the locale each request asks for.
#[cfg(feature = "axum")]
pub mod axum {
    use std::sync::Arc;

    use ::axum::extract::Request;
    use ::axum::middleware::Next;
    use ::axum::response::Response;

    /// How to write an error response again in another locale; the
    /// runtime's `IntoResponse` leaves it in the response's extensions.
    #[derive(Clone)]
    pub(crate) struct SayAgain(pub(crate) Arc<dyn Fn(&str) -> Response + Send + Sync>);

    /// Middleware (`axum::middleware::from_fn(negotiate_locale)`) that says
    /// every catalog error a handler returns in the locale the request's
    /// `Accept-Language` asks for (RFC 4647 lookup along each tag, the
    /// catalog's default when it asks for none it has), with
    /// `Content-Language` and `Vary: Accept-Language`. Handlers keep
    /// returning plain errors; other responses pass through untouched.
    pub async fn negotiate_locale(request: Request, next: Next) -> Response {
        let accept_language = request
            .headers()
            .get(http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_string();
        let response = next.run(request).await;
        match response.extensions().get::<SayAgain>() {
            Some(SayAgain(again)) if !accept_language.is_empty() => again(&accept_language),
            _ => response,
        }
    }
}
