//! Emits the Markdown docs pages of a catalog.

use std::path::PathBuf;

use crate::model::Model;
use crate::write::FileSet;

/// Every docs page, keyed by path relative to the docs folder.
pub fn emit(model: &Model, command: &str) -> FileSet {
    let mut files = FileSet::new();
    let mut index = format!(
        "<!-- {} -->\n\n# {} error codes\n\n",
        super::generated_header(command),
        model.meta.name
    );
    for c in &model.categories {
        index.push_str(&format!("- {} ({} codes)\n", c.title, c.codes.len()));
    }
    files.insert(PathBuf::from("README.md"), index);
    files
}
