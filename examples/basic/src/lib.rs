//! An example of a crate with its own error catalog, set up as the README's
//! "Your own catalog" recipe says.
//!
//! `build.rs` runs errcat-codegen on `catalog/` and [`errors`] includes the
//! result; `generated/` holds the committed docs (`cargo errcat check
//! --catalog examples/basic/catalog` in CI). The crate depends on
//! `errcat-runtime` with the features its handler and client use.

/// The `payments` catalog.
pub mod errors {
    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
}

use axum::extract::Path;
use errors::{Code, Error};

/// What a checkout flow would show a customer for a failed charge.
pub fn customer_hint(code: Code) -> &'static str {
    code.solution().unwrap_or_else(|| code.title())
}

/// The service: `POST /charges/{card}`.
pub fn router() -> axum::Router {
    axum::Router::new().route("/charges/{card}", axum::routing::post(charge))
}

/// A handler: `Error` is an axum response with the code's status, headers
/// and the catalog's JSON body.
pub async fn charge(Path(card): Path<String>) -> Result<String, Error> {
    match card.as_str() {
        "4000000000000002" => Err(Error::card_declined("0002")),
        "4000000000009995" => Err(Error::insufficient_funds(1999)),
        _ => Ok(format!("charged card ending in {}", last4(&card))),
    }
}

fn last4(card: &str) -> &str {
    &card[card.len().saturating_sub(4)..]
}

/// A client call: an error response becomes the catalog's `Error`, and
/// `retry` tries again only when and as its code's policy says (a declined
/// card never, an unavailable processor with backoff).
pub async fn charge_remote(client: &reqwest::Client, url: &str) -> Result<String, Error> {
    errcat_runtime::retry(|| async {
        let response = client
            .post(url)
            .send()
            .await
            .map_err(|e| Error::unknown("connection_failed", 503, e.to_string()))?;
        let response = Error::check_reqwest(response).await?;
        response
            .text()
            .await
            .map_err(|e| Error::unknown("read_failed", 502, e.to_string()))
    })
    .await
}
