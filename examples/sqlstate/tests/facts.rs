//! The SQLSTATE catalog: identities, names, classes, kinds and statuses as
//! the PostgreSQL appendix and PostgREST's status table give them, and the
//! committed outputs kept fresh.

use errcat_example_sqlstate::{Category, Code, Error, Kind};

#[test]
fn identities_are_sqlstates_and_names_are_condition_names() {
    assert_eq!(Code::InvalidTextRepresentation.as_str(), "22P02");
    for (identity, name, code) in [
        (
            "22P02",
            "invalid_text_representation",
            Code::InvalidTextRepresentation,
        ),
        ("23505", "unique_violation", Code::UniqueViolation),
        ("40001", "serialization_failure", Code::SerializationFailure),
        ("42P01", "undefined_table", Code::UndefinedTable),
        ("XX000", "internal_error", Code::InternalError),
    ] {
        assert_eq!(Code::lookup(identity), Some(code), "{identity}");
        assert_eq!(Code::lookup(name), Some(code), "{name}");
        assert_eq!(identity.parse::<Code>(), Ok(code));
        assert_eq!(code.as_str(), identity);
        assert_eq!(code.name(), name);
    }
    // Identities are exact: SQLSTATEs are upper case.
    assert_eq!(Code::lookup("22p02"), None);
    // Both are `string_data_right_truncation` in PostgreSQL, and PL/pgSQL's
    // handler by that name catches both: the name finds both, never one.
    assert_eq!(Code::lookup("string_data_right_truncation"), None);
    assert_eq!(
        Code::named("string_data_right_truncation"),
        [
            Code::WarningStringDataRightTruncation,
            Code::StringDataRightTruncation
        ]
    );
    assert_eq!(Code::named("unique_violation"), [Code::UniqueViolation]);
    assert_eq!(Code::named("no_such_condition"), []);
    // Each keeps the identifiers it was published with.
    assert_eq!(Code::StringDataRightTruncation.as_str(), "22001");
    assert_eq!(Code::WarningStringDataRightTruncation.as_str(), "01004");
    assert_eq!(
        Code::WarningStringDataRightTruncation.name(),
        "string_data_right_truncation"
    );
}

#[test]
fn unknown_identities_resolve_to_their_class() {
    for (identity, class) in [
        ("22P99", Code::DataException),
        ("23P01", Code::IntegrityConstraintViolation),
        ("08P01", Code::ConnectionException),
        ("40P99", Code::TransactionRollback),
        ("01P99", Code::Warning),
        ("XX999", Code::InternalError),
    ] {
        assert_eq!(Code::lookup(identity), None, "{identity} is not listed");
        assert_eq!(Code::resolve(identity), Some(class), "{identity}");
    }
    // No class: nothing to fall back to.
    assert_eq!(Code::resolve("99999"), None);
    assert_eq!(Code::resolve(""), None);
    // Only a SQLSTATE has a class: too long, too short, not a token.
    for not_identity in ["22P99X", "22P9", "22-99", "22P9\n", "22p99"] {
        assert_eq!(Code::resolve(not_identity), None, "{not_identity:?}");
    }

    // Parsing uses the class's facts, not the HTTP status: an unknown
    // class-40 code at HTTP 500 is not retried as a call (a plain 500
    // would be), but as the whole transaction.
    let body = br#"{"error": {"code": "40P99", "message": "could not serialize"}}"#;
    let err = Error::from_response(500, [], body);
    assert_eq!(err.code(), Some(Code::TransactionRollback));
    assert_eq!(err.code_str(), "40P99");
    assert!(!err.is_retryable());
    assert_eq!(err.retry_delay(1), None);
    let backoff = err.operation_backoff().expect("retry the transaction");
    assert_eq!(backoff.max_attempts, 4);
    // An unknown data exception at HTTP 503 is still a client's fault and
    // never retried, whatever the status says.
    let body = br#"{"error": {"code": "22P99", "message": "bad value"}}"#;
    let err = Error::from_response(503, [], body);
    assert_eq!(err.code(), Some(Code::DataException));
    assert!(!err.is_retryable());
}

#[test]
fn postgrest_bodies_parse() {
    // PostgREST's own shape: code, message, details and hint at the top.
    let body = br#"{"code": "23505", "details": "Key (email)=(a@b.com) already exists.", "hint": null, "message": "duplicate key value violates unique constraint \"users_email_key\""}"#;
    let err = Error::from_response(409, [], body);
    assert_eq!(err.code(), Some(Code::UniqueViolation));
    assert!(err.message().starts_with("duplicate key value"));
    assert!(!err.is_retryable());
}

#[test]
fn classes_kinds_and_statuses_follow_postgrest() {
    assert_eq!(Code::SuccessfulCompletion.kind(), Kind::Success);
    assert_eq!(Code::DeprecatedFeature.kind(), Kind::Warning);
    assert_eq!(Code::NoData.kind(), Kind::Warning);
    assert_eq!(Code::NoData.http_status(), 200);
    for (code, status) in [
        (Code::ConnectionFailure, 503),
        (Code::InvalidTextRepresentation, 400),
        (Code::NotNullViolation, 400),
        (Code::ForeignKeyViolation, 409),
        (Code::UniqueViolation, 409),
        (Code::ReadOnlySqlTransaction, 405),
        (Code::InvalidPassword, 403),
        (Code::InsufficientPrivilege, 403),
        (Code::UndefinedFunction, 404),
        (Code::UndefinedTable, 404),
        (Code::ConfigurationLimitExceeded, 500),
        (Code::TooManyConnections, 503),
        (Code::RaiseException, 400),
        (Code::InternalError, 500),
    ] {
        assert_eq!(code.http_status(), status, "{code}");
    }
    assert!(
        Code::SerializationFailure
            .retry()
            .operation_backoff()
            .is_some()
    );
    assert!(Code::DeadlockDetected.retry().operation_backoff().is_some());
    // A lost connection may have committed: only a request that is safe to
    // repeat is sent again. One that never reached the database always is.
    let lost = Error::connection_failure();
    assert!(lost.is_retryable() && lost.requires_idempotent());
    assert_eq!(lost.retry_delay(1), None);
    assert!(lost.retry_delay_for(1, true).is_some());
    let refused = Error::too_many_connections();
    assert!(!refused.requires_idempotent());
    assert!(refused.retry_delay(1).is_some());
    assert!(
        !Code::DiskFull.retry().is_retryable(),
        "retrying does not free disk"
    );
    assert_eq!(
        Code::UniqueViolation.category(),
        Category::IntegrityConstraintViolation
    );
    assert_eq!(
        Code::UniqueViolation.sdk_exception(),
        Some("IntegrityError")
    );
    let err = Error::invalid_text_representation("uuid", "42");
    assert_eq!(err.message(), "Invalid input syntax for type uuid: \"42\".");
}

#[test]
fn generated_outputs_are_fresh() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    errcat_codegen::ensure_fresh(&root.join("catalog"), &root.join("generated"));
}

#[test]
fn prefix_classes_are_readable_from_categories() {
    let data = Category::lookup("22").expect("a class is found by its prefix");
    assert_eq!(data.prefix(), Some("22"));
    assert_eq!(data.generic(), Code::lookup("22000"));
    assert_eq!(Category::lookup(data.as_str()), Some(data));
}
