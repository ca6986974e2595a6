//! The errcat error catalog, generated from `catalog/*.toml` at build time.
//!
//! Every code has one name, numeric code, HTTP status, CLI exit code, SDK
//! exception and retry policy; see [`Code`]. The docs pages under
//! `generated/docs/` come from the same catalog.
//!
//! ```
//! use errcat::{Code, Kind};
//!
//! let code: Code = "rate_limited".parse().unwrap();
//! assert_eq!(code.http_status(), 429);
//! assert_eq!(code.numeric(), Some(17000));
//! assert_eq!(code.kind(), Kind::Error);
//! assert_eq!(Code::from_numeric(17000), Some(code));
//! assert_eq!(Code::lookup("RATE_LIMIT_ERROR"), Some(code)); // an alias
//! ```

//!
//! Services build errors with typed constructors and send them; clients
//! parse them and retry as the catalog advises:
//!
//! ```
//! use errcat::{Code, Error};
//!
//! let error = Error::rate_limited(100, 60).with_request_id("req_123");
//! assert_eq!(error.message(), "Rate limit exceeded: 100 calls per 60 seconds.");
//! let body = error.to_json_string();
//!
//! let parsed = Error::from_response(429, [("Retry-After", "30")], body.as_bytes());
//! assert_eq!(parsed.code(), Some(Code::RateLimited));
//! assert_eq!(parsed.request_id(), Some("req_123"));
//! assert_eq!(parsed.retry_delay(1), Some(std::time::Duration::from_secs(30)));
//! ```
//!
//! Features: `serde`, `http`, `axum` (`IntoResponse for Error`), `reqwest`
//! (`Error::check_reqwest`), `backon` (`retry`: a retry loop that follows
//! each error's policy).

#![forbid(unsafe_code)]
#![warn(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));

#[cfg(feature = "backon")]
pub use errcat_runtime::{retry, retry_notify};

/// Every code block of README.md, compiled (and run, unless marked
/// `no_run`) as a doctest; the client example needs these features.
#[cfg(all(doctest, feature = "axum", feature = "reqwest", feature = "backon"))]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;
