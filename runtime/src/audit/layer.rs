//! [`AuditLayer`]: a tower layer that holds every response of the service
//! it wraps to the catalog, as `errcat audit` holds recorded traffic, so a
//! service's own test suite fails on drift.
//!
//! ```ignore
//! let audit = audit_layer::<Code>();
//! let app = app().layer(audit.clone());
//! // … drive `app` through the test's requests …
//! audit.assert_clean();
//! ```

use std::convert::Infallible;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::task::{Context, Poll};

use bytes::Bytes;
use http::{Request, Response};
use http_body::{Body, Frame, SizeHint};
use http_body_util::{BodyExt, Full};

use super::{Auditor, Catalog, Exchange, Finding, Generated};
use crate::CatalogCode;

/// The error type of an [`AuditedBody`]: the wrapped body's, boxed.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A tower layer that audits every response of the service it wraps
/// against a catalog. Clones share one audit: keep one to read it.
pub struct AuditLayer<K> {
    auditor: Arc<Mutex<(Auditor<K>, usize)>>,
}

impl<K> Clone for AuditLayer<K> {
    fn clone(&self) -> Self {
        Self {
            auditor: Arc::clone(&self.auditor),
        }
    }
}

/// An [`AuditLayer`] against the catalog of a generated `Code` enum:
/// `audit_layer::<Code>()`.
pub fn audit_layer<C: CatalogCode>() -> AuditLayer<Generated<C>> {
    AuditLayer::new(Generated::new())
}

impl<K: Catalog> AuditLayer<K> {
    /// An audit against `catalog`.
    pub fn new(catalog: K) -> Self {
        Self {
            auditor: Arc::new(Mutex::new((Auditor::new(catalog), 0))),
        }
    }

    fn lock(&self) -> MutexGuard<'_, (Auditor<K>, usize)> {
        // A panic elsewhere while the audit was held leaves it whole.
        self.auditor.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Reads the audit so far.
    pub fn with<R>(&self, read: impl FnOnce(&Auditor<K>) -> R) -> R {
        read(&self.lock().0)
    }

    /// The findings so far.
    pub fn findings(&self) -> Vec<Finding> {
        self.with(|a| a.findings().to_vec())
    }

    /// The wire names of the codes no response has carried yet.
    pub fn never_exercised(&self) -> Vec<String> {
        self.with(|a| {
            a.never_exercised()
                .map(|i| a.catalog().facts(i).wire_name.to_string())
                .collect()
        })
    }

    /// The audit as text for people: findings, counts by kind, coverage.
    pub fn report(&self) -> String {
        self.with(Auditor::report)
    }

    /// Panics with the report when any response drifted from the catalog.
    #[track_caller]
    pub fn assert_clean(&self) {
        let (total, report) = self.with(|a| (a.total(), a.report()));
        assert!(
            total == 0,
            "responses drifted from the catalog:\n\n{report}"
        );
    }

    fn check(&self, method: &str, url: &str, parts: &http::response::Parts, body: &[u8]) {
        let headers: Vec<(&str, &str)> = parts
            .headers
            .iter()
            .filter_map(|(n, v)| Some((n.as_str(), v.to_str().ok()?)))
            .collect();
        let exchange = Exchange {
            method,
            url,
            status: parts.status.as_u16(),
            headers: &headers,
            body,
        };
        let mut state = self.lock();
        let entry = state.1;
        state.1 += 1;
        state.0.check(entry, &exchange);
    }
}

impl<S, K> tower_layer::Layer<S> for AuditLayer<K> {
    type Service = AuditService<S, K>;

    fn layer(&self, inner: S) -> Self::Service {
        AuditService {
            inner,
            layer: self.clone(),
        }
    }
}

/// The service an [`AuditLayer`] wraps around another.
pub struct AuditService<S, K> {
    inner: S,
    layer: AuditLayer<K>,
}

impl<S: Clone, K> Clone for AuditService<S, K> {
    fn clone(&self) -> Self {
        Self {
            inner: self.inner.clone(),
            layer: self.layer.clone(),
        }
    }
}

/// Whether a response's body is read whole to be audited: every error's,
/// and any JSON. Other success bodies (pages, files, event streams, which
/// may never end) pass through as they are, and only their headers are
/// audited.
fn is_read_whole(parts: &http::response::Parts) -> bool {
    if parts.status.as_u16() >= 400 {
        return true;
    }
    parts
        .headers
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|t| t.split(';').next().unwrap_or_default().trim())
        .is_some_and(|t| t.eq_ignore_ascii_case("application/json") || t.ends_with("+json"))
}

impl<S, K, ReqBody, ResBody> tower_service::Service<Request<ReqBody>> for AuditService<S, K>
where
    S: tower_service::Service<Request<ReqBody>, Response = Response<ResBody>>,
    S::Future: Send + 'static,
    ResBody: Body<Data = Bytes> + Send + 'static,
    ResBody::Error: Into<BoxError>,
    K: Catalog + Send + 'static,
{
    type Response = Response<AuditedBody<ResBody>>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: Request<ReqBody>) -> Self::Future {
        let method = request.method().to_string();
        let url = request.uri().to_string();
        let response = self.inner.call(request);
        let layer = self.layer.clone();
        Box::pin(async move {
            let (parts, body) = response.await?.into_parts();
            if !is_read_whole(&parts) {
                layer.check(&method, &url, &parts, b"");
                let body = AuditedBody(Inner::Passed(Box::pin(body)));
                return Ok(Response::from_parts(parts, body));
            }
            let body = match body.collect().await {
                Ok(collected) => {
                    let bytes = collected.to_bytes();
                    layer.check(&method, &url, &parts, &bytes);
                    Inner::Read(Full::new(bytes))
                }
                // The client sees the failure; there is no body to audit.
                Err(e) => Inner::Failed(Some(e.into())),
            };
            Ok(Response::from_parts(parts, AuditedBody(body)))
        })
    }
}

/// A response body after an [`AuditLayer`]: read whole and audited, or
/// passed through.
pub struct AuditedBody<B>(Inner<B>);

enum Inner<B> {
    Read(Full<Bytes>),
    Passed(Pin<Box<B>>),
    Failed(Option<BoxError>),
}

impl<B> Body for AuditedBody<B>
where
    B: Body<Data = Bytes>,
    B::Error: Into<BoxError>,
{
    type Data = Bytes;
    type Error = BoxError;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, BoxError>>> {
        // Every variant is `Unpin`: the passed body is boxed.
        match &mut self.get_mut().0 {
            Inner::Read(full) => Pin::new(full)
                .poll_frame(cx)
                .map_err(|e: Infallible| match e {}),
            Inner::Passed(body) => body.as_mut().poll_frame(cx).map_err(Into::into),
            Inner::Failed(error) => Poll::Ready(error.take().map(Err)),
        }
    }

    fn is_end_stream(&self) -> bool {
        match &self.0 {
            Inner::Read(full) => full.is_end_stream(),
            Inner::Passed(body) => body.is_end_stream(),
            Inner::Failed(error) => error.is_none(),
        }
    }

    fn size_hint(&self) -> SizeHint {
        match &self.0 {
            Inner::Read(full) => full.size_hint(),
            Inner::Passed(body) => body.size_hint(),
            Inner::Failed(_) => SizeHint::default(),
        }
    }
}
