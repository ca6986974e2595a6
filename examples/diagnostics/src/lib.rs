//! errcat's own diagnostics as an errcat catalog: a catalog with no HTTP
//! (`http = false`), whose identities are compiler-style codes in prefix
//! classes by severity. Its catalog files are written from errcat's rule
//! registry by `codegen/tests/diagnostic_docs.rs`.
//!
//! Without HTTP the generated module has `Code` and its facts, and no
//! `http_status`, envelope or `Error` type to misuse:
//!
//! ```
//! use errcat_example_diagnostics::{Category, Code, Kind};
//!
//! let code = Code::lookup("E0043").unwrap();
//! assert_eq!(code, Code::CodeDeleted);
//! assert_eq!(Code::lookup("code_deleted"), Some(code));
//! assert_eq!(code.category(), Category::Errors);
//! assert_eq!(Code::RateLimitWithoutHeader.kind(), Kind::Warning);
//! assert!(code.explain().starts_with("## E0043"));
//! ```

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
