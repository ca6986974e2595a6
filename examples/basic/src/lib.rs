//! An example of a crate with its own error catalog.
//!
//! `build.rs` runs errcat-codegen on `catalog/` and this module includes the
//! result; the crate depends on `errcat-runtime` for the shared types.

/// The `payments` catalog.
pub mod payments {
    include!(concat!(env!("OUT_DIR"), "/payments.rs"));
}

use payments::Code;

/// What a checkout flow would show a customer for a failed charge.
pub fn customer_hint(code: Code) -> &'static str {
    code.solution().unwrap_or_else(|| code.title())
}
