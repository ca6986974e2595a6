//! What lints read: a catalog as lowered so far, with where each fact was
//! written (`lower::SourceMap`), its lock and the outputs errcat can write.

use std::borrow::Cow;
use std::collections::HashMap;

use errcat_runtime::template::{self, Piece, TemplateError};

use crate::lower::SourceMap;
use crate::model::{Model, Text};
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
    /// Every message template of the source map, parsed once for the
    /// several rules that read templates.
    templates: HashMap<&'a str, Result<Vec<Piece<'a>>, TemplateError>>,
}

impl<'a> Lowered<'a> {
    /// The catalog as lowered, its templates parsed.
    pub fn new(
        sources: &'a Sources,
        model: &'a Model,
        map: &'a SourceMap,
        lock: Option<&'a crate::history::lock::Lock>,
        outputs: &'a [crate::model::OutputSpec],
    ) -> Self {
        let codes = map.templates().map(|t| t.message);
        let translations = map
            .translations
            .iter()
            .filter_map(|t| t.text(Text::Message))
            .map(|m| m.text.as_str());
        let templates = codes
            .chain(translations)
            .map(|text| (text, template::parse(text, crate::ident::is_snake_case)))
            .collect();
        Lowered {
            sources,
            model,
            map,
            lock,
            outputs,
            templates,
        }
    }

    /// The pieces of `text`, a message template (parsed up front when it is
    /// one of the source map's), or why it does not parse.
    pub fn template(&self, text: &'a str) -> Result<Cow<'_, [Piece<'a>]>, TemplateError> {
        match self.templates.get(text) {
            Some(Ok(pieces)) => Ok(Cow::Borrowed(pieces)),
            Some(Err(e)) => Err(e.clone()),
            None => template::parse(text, crate::ident::is_snake_case).map(Cow::Owned),
        }
    }
}
