//! The example crate's own catalog works like errcat's.

use errcat_example_basic::errors::{Category, Code, RetryPolicy};

#[test]
fn generated_from_its_own_catalog() {
    assert_eq!(errcat_example_basic::errors::CATALOG_NAME, "payments");
    assert_eq!(Code::all().len(), 3);
    assert_eq!(Code::from_numeric(1000), Some(Code::CardDeclined));
    assert_eq!(
        "insufficient_funds".parse::<Code>(),
        Ok(Code::InsufficientFunds)
    );
    assert_eq!(Code::CardDeclined.http_status(), 402);
    assert_eq!(Code::CardDeclined.category(), Category::Card);
    assert_eq!(Code::ProcessorUnavailable.http_status(), 503);
    assert!(
        matches!(Code::ProcessorUnavailable.retry(), RetryPolicy::Backoff(b) if b.max_attempts == 4)
    );
    assert_eq!(
        Code::CardDeclined.docs_url(),
        "https://payments.example.com/docs/errors/card.html#card_declined"
    );
    assert_eq!(
        errcat_example_basic::customer_hint(Code::CardDeclined),
        "Ask the customer for another payment method."
    );
    assert_eq!(
        errcat_example_basic::customer_hint(Code::InsufficientFunds),
        "Insufficient funds"
    );
}

#[tokio::test]
async fn the_handler_answers_with_the_catalogs_error() {
    use axum::response::IntoResponse;
    let error = errcat_example_basic::charge(axum::extract::Path("4000000000000002".into()))
        .await
        .unwrap_err();
    assert_eq!(error.code(), Some(Code::CardDeclined));
    assert_eq!(error.into_response().status(), 402);
    let _ = errcat_example_basic::router();
}
