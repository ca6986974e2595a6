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

#![forbid(unsafe_code)]
#![warn(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
