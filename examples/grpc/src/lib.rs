//! The inventory service's errors, generated from `catalog/` by `build.rs`:
//! the same catalog answers HTTP callers with Google (AIP-193) bodies and
//! gRPC callers with `tonic::Status` values carrying the same details.

include!(concat!(env!("OUT_DIR"), "/errcat.rs"));
