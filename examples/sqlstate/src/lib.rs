//! SQLSTATE codes of a PostgreSQL-backed data API as an errcat catalog:
//! five-character identities (`22P02`), classes by prefix (`22`), warnings
//! and successes beside errors. An identity the catalog does not list
//! resolves to its class's generic code.
//!
//! ```
//! use errcat_example_sqlstate::{Code, Error};
//!
//! assert_eq!(Code::lookup("23505"), Some(Code::UniqueViolation));
//! assert_eq!(Code::lookup("unique_violation"), Some(Code::UniqueViolation));
//! // Not listed, but in class 22: a data exception.
//! assert_eq!(Code::resolve("22P99"), Some(Code::DataException));
//! let err = Error::unique_violation("users_email_key");
//! assert_eq!(err.status(), 409);
//! ```

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
