//! Emitters: pure functions from a [`Model`](crate::model::Model) to text.
//! None of them does I/O.
//!
//! An output under `generated/` is one module with an [`Output`] and one
//! line in [`OUTPUTS`]; each gets the shared [`Context`]. The Rust module is
//! the exception: build scripts write it to `OUT_DIR` with [`rust::emit`].

pub mod book;
mod client_data;
pub mod conformance;
mod context;
pub mod docs;
pub mod escape;
pub mod examples;
pub mod go;
pub mod json;
pub mod json_schema;
pub mod openapi;
pub mod python;
pub mod rust;
pub mod typescript;
pub mod words;

pub use context::Context;
pub use escape::{md_cell_code, md_inline_code, md_table_cell};

use crate::write::FileSet;

/// One kind of file set errcat writes under `generated/`: what it is (the
/// facts validation reads too) and how it is written.
#[derive(Clone, Copy, Debug)]
pub struct Output {
    /// Its name, default and needs, as `[outputs]` validation reads them.
    pub spec: crate::model::OutputSpec,
    /// Its files, keyed by path relative to `generated/`.
    pub emit: fn(&Context<'_>) -> FileSet,
}

impl Output {
    /// Whether `model` writes this output: as its `[outputs]` says, else by
    /// default.
    pub fn chosen_by(&self, model: &crate::model::Model) -> bool {
        self.spec.chosen_by(model)
    }
}

/// What validation knows of every output: handed down to lowering by
/// `compile`, so the rules never import the emitters.
pub fn specs() -> Vec<crate::model::OutputSpec> {
    OUTPUTS.iter().map(|o| o.spec).collect()
}

/// Every output under `generated/`, in the order they are written.
pub const OUTPUTS: &[Output] = &[
    docs::OUTPUT,
    book::OUTPUT,
    json::OUTPUT,
    json_schema::OUTPUT,
    openapi::OUTPUT,
    conformance::OUTPUT,
    typescript::OUTPUT,
    python::OUTPUT,
    go::OUTPUT,
    rust::OUTPUT,
];

/// Every file of every output the catalog chose (`[outputs]`).
pub fn generate(cx: &Context<'_>) -> FileSet {
    let mut files = FileSet::new();
    for output in OUTPUTS {
        if output.chosen_by(cx.model) {
            files.extend((output.emit)(cx));
        }
    }
    files
}

/// The class names an SDK exception text offers, in order: the text itself,
/// or its alternatives (`"ValueError / RoboflowError"`) and the last part of
/// a dotted path (`requests.exceptions.ConnectionError`). A client module
/// uses the first one that is a free identifier in its language.
pub(crate) fn sdk_class_candidates(text: &str) -> Vec<&str> {
    text.split(['/', ','])
        .flat_map(|part| part.split(" or "))
        .map(|part| part.trim())
        .map(|part| part.rsplit('.').next().unwrap_or(part))
        .filter(|part| !part.is_empty())
        .collect()
}

/// A duration in whole milliseconds, as the catalog states delays.
pub(crate) fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

pub use crate::write::generated_header;
