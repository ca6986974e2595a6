//! What lints read: a catalog as lowered so far, with where each fact was
//! written (`lower::SourceMap`), its lock and the outputs errcat can write.

use crate::lower::SourceMap;
use crate::model::Model;
use crate::source::Sources;

/// A catalog as lowered so far, with its source map: what lints check.
pub struct Lowered<'a> {
    /// The sources the spans point into.
    pub sources: &'a Sources,
    /// The model; it holds only the categories and codes that lowered.
    pub model: &'a Model,
    /// Where everything was written.
    pub map: &'a SourceMap,
    /// The catalog's lock file, when it has one.
    pub lock: Option<&'a crate::history::lock::Lock>,
    /// Every output errcat can write (`emit::OUTPUTS`, handed down).
    pub outputs: &'a [crate::model::OutputSpec],
}
