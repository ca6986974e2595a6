//! One catalog as the editor sees it: the files on disk with the editor's
//! unsaved copies over them, compiled as `errcat check` compiles them
//! (history against the lock included), with each file's index.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::diagnostics::{Diagnostic, Report};
use crate::load::LoadCache;
use crate::{Compiled, Model, Sources, compile_cached};

use super::index::{FileIndex, Occurrence, Symbol};

/// Text edits per file: `(span, new text)`.
pub type Edits = HashMap<String, Vec<(std::ops::Range<usize>, String)>>;

/// The latest analysis of one catalog folder.
pub struct Analysis {
    pub dir: PathBuf,
    pub sources: Sources,
    /// The model of the last version that compiled: this one's, or while
    /// an edit is half done, an earlier one's (for hover, completion and
    /// actions, which need names and numerics rather than this very text).
    pub model: Option<Model>,
    /// Every diagnostic, as `errcat check` reports them.
    pub diagnostics: Vec<Diagnostic>,
    /// Each file's index, by file name.
    pub index: HashMap<String, Arc<FileIndex>>,
}

impl Analysis {
    /// Compiles `disk` with `open` (file name → the editor's text) over it;
    /// `previous` lends the indexes, and `cache` the parses, of files whose
    /// text did not change.
    pub fn new(
        dir: &Path,
        disk: &Sources,
        open: &HashMap<String, String>,
        previous: Option<&Analysis>,
        cache: &mut LoadCache,
    ) -> Analysis {
        let mut sources = disk.clone();
        for (name, text) in open {
            let same = sources
                .files()
                .iter()
                .any(|f| f.name == *name && f.text == *text);
            if !same {
                sources = sources.with_overlay(name, text);
            }
        }
        let (model, report): (Option<Model>, Report) = match compile_cached(&sources, cache) {
            Ok(Compiled { model, warnings }) => (Some(model), warnings),
            Err(report) => (previous.and_then(|p| p.model.clone()), report),
        };
        let diagnostics = report.diagnostics().to_vec();
        let index = sources
            .files()
            .iter()
            .map(|f| {
                let reused = previous
                    .and_then(|p| {
                        Some((
                            p.sources.files().iter().find(|o| o.name == f.name)?,
                            p.index.get(&f.name)?,
                        ))
                    })
                    .filter(|(old, _)| old.text == f.text)
                    .map(|(_, index)| index.clone());
                (
                    f.name.clone(),
                    reused.unwrap_or_else(|| Arc::new(FileIndex::of(&f.name, &f.text))),
                )
            })
            .collect();
        Analysis {
            dir: dir.to_path_buf(),
            sources,
            model,
            diagnostics,
            index,
        }
    }

    /// The text of file `name`, as analysed.
    pub fn text(&self, name: &str) -> Option<&str> {
        self.sources
            .files()
            .iter()
            .find(|f| f.name == name)
            .map(|f| f.text.as_str())
    }

    /// Every occurrence of `symbol`, with its file.
    pub fn occurrences<'a>(
        &'a self,
        symbol: &'a Symbol,
    ) -> impl Iterator<Item = (&'a str, &'a Occurrence)> + 'a {
        let mut files: Vec<&String> = self.index.keys().collect();
        files.sort();
        files.into_iter().flat_map(move |name| {
            self.index[name]
                .occurrences
                .iter()
                .filter(move |o| o.symbol == *symbol)
                .map(move |o| (name.as_str(), o))
        })
    }

    /// The definition of `symbol`: a code's table (a live one before a
    /// tombstone), a policy's or a category's.
    pub fn definition<'a>(&'a self, symbol: &'a Symbol) -> Option<(&'a str, &'a Occurrence)> {
        let mut defs: Vec<(&str, &Occurrence)> = self
            .occurrences(symbol)
            .filter(|(_, o)| o.definition)
            .collect();
        defs.sort_by_key(|(file, _)| *file == crate::source::CATALOG_TOML);
        defs.into_iter().next()
    }
}
