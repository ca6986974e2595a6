//! The generated code of errcat-codegen's good fixture catalogs, one module
//! each, so that `cargo test` and `cargo clippy` cover what users would get.

/// Most of the catalog format.
pub mod minimal {
    include!(concat!(env!("OUT_DIR"), "/minimal.rs"));
}

/// Names that are Rust keywords.
pub mod keywords {
    include!(concat!(env!("OUT_DIR"), "/keywords.rs"));
}

/// Problem-details envelope, camelCase, no numeric codes.
pub mod problem_camel {
    include!(concat!(env!("OUT_DIR"), "/problem_camel.rs"));
}

/// Catalog text full of quotes, comment ends, pipes, HTML and 10 kB strings.
pub mod hostile {
    include!(concat!(env!("OUT_DIR"), "/hostile.rs"));
}

/// A small service with millisecond retry policies, for runtime tests.
pub mod service {
    include!(concat!(env!("OUT_DIR"), "/service.rs"));
}

/// Google (the catalog's), JSON:API and GraphQL envelopes, with gRPC codes.
pub mod wire_styles {
    include!(concat!(env!("OUT_DIR"), "/wire_styles.rs"));
}
