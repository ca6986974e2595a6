//! What every emitter needs, computed once per run and shared.

use std::sync::OnceLock;

use super::docs;
use crate::model::Model;

/// The input of every emitter: the model, the command that regenerates the
/// output, and what more than one emitter derives from the model.
pub struct Context<'m> {
    /// The catalog.
    pub model: &'m Model,
    /// The command named in `@generated` headers.
    pub command: &'m str,
    sections: OnceLock<Vec<String>>,
}

impl<'m> Context<'m> {
    /// A context for `model`, whose outputs name `command` as the way to
    /// regenerate them.
    pub fn new(model: &'m Model, command: &'m str) -> Self {
        Context {
            model,
            command,
            sections: OnceLock::new(),
        }
    }

    /// Every code's docs section, in catalog order: the docs pages show
    /// them and the Rust module embeds them as `Code::explain()`. Computed
    /// once, on all cores, by whichever emitter asks first.
    pub fn sections(&self) -> &[String] {
        self.sections
            .get_or_init(|| docs::code_sections(self.model))
    }
}
