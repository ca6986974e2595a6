//! The five seed error references, each modelled as an errcat catalog and
//! generated from `build.rs`. See `README.md` for how each compares with its
//! document.

/// Roboflow: CLI exit codes, SDK exceptions, REST statuses (seed 000).
pub mod roboflow {
    include!(concat!(env!("OUT_DIR"), "/roboflow.rs"));
}

/// A vision API with two body shapes and upper-case codes (seed 001).
pub mod vision_api {
    include!(concat!(env!("OUT_DIR"), "/vision-api.rs"));
}

/// Rotavision: one envelope with `type` and `param` (seed 002).
pub mod rotavision {
    include!(concat!(env!("OUT_DIR"), "/rotavision.rs"));
}

/// Clarifai: 134 numeric status codes in ranges (seed 003).
pub mod clarifai {
    include!(concat!(env!("OUT_DIR"), "/clarifai.rs"));
}

/// PromptFloe: codes with status and type, retry guidance (seed 004).
pub mod promptfloe {
    include!(concat!(env!("OUT_DIR"), "/promptfloe.rs"));
}
