//! The docs output: Markdown pages of a catalog. An index with the envelope,
//! status, retry, exit-code and cross-tool tables (`index`); one page per
//! category with a section per code (`category`, `code`); a numeric index, an
//! mdBook `SUMMARY.md` and the changelog (`changelog`); a page per locale
//! after the default (`locales`).
//!
//! Catalog text is escaped wherever it lands in a table cell, heading or
//! inline code (`emit::escape`). `description` and `solution` are Markdown
//! and passed through. Facts other outputs share (example bodies, status
//! and duration words) live in `emit::examples` and `emit::words`.

mod category;
pub mod changelog;
mod code;
mod common;
mod index;
pub mod locales;
mod pages;

use std::path::PathBuf;

use crate::model::Model;
use crate::write::FileSet;

use category::category_page;
pub use changelog::CHANGELOG_PAGE;
use changelog::changelog_page;
pub use code::code_section;
pub use common::{NUMERIC_PAGE, category_page_name, code_link, heading_slug};
use common::{has_numerics, header};
use index::index_page;
use pages::{numeric_page, summary_page};

/// Every page besides the category pages; no category may take these names
/// (E0036), in any letter case.
pub const PAGES: &[&str] = &["README.md", "SUMMARY.md", NUMERIC_PAGE, CHANGELOG_PAGE];

/// The docs pages, under `docs/`.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "docs",
        default: true,
        needs_http: false,
        requires: None,
        reserved_pages: PAGES,
    },
    emit,
};

/// Every code's section ([`code_section`]), in catalog order. Computed on
/// all cores for large catalogs.
pub fn code_sections(model: &Model) -> Vec<String> {
    crate::par::par_map(&model.codes, 1000, |c| code_section(model, c))
}

/// Every docs page, keyed by path relative to `generated/`.
pub(crate) fn emit(cx: &super::Context<'_>) -> FileSet {
    let (model, command) = (cx.model, cx.command);
    let docs = PathBuf::from("docs");
    let mut files = FileSet::new();
    files.insert(docs.join(PAGES[0]), index_page(model, command));
    for category in &model.categories {
        files.insert(
            docs.join(category_page_name(category)),
            category_page(model, category, command, cx.sections()),
        );
    }
    if has_numerics(model) {
        files.insert(docs.join(NUMERIC_PAGE), numeric_page(model, command));
    }
    if let Some(page) = changelog_page(model, &header(command)) {
        files.insert(docs.join(CHANGELOG_PAGE), page);
    }
    for locale in 1..model.locales.len() {
        files.insert(
            docs.join(locales::locale_page_name(model, locale)),
            locales::locale_page(model, locale, command),
        );
    }
    files.insert(docs.join(PAGES[1]), summary_page(model, command));
    files
}

#[cfg(test)]
mod tests {
    /// Without HTTP, a catalog need not say who is at fault, and then its
    /// docs say nothing of faults; an `operation` policy still shows, and
    /// needs no delays (PostgreSQL gives none for a serialization failure).
    #[test]
    fn a_catalog_without_http_or_faults_says_neither() {
        let settings = "[catalog]\nname = \"db\"\nhttp = false\n\
            [retry.transaction]\nstrategy = \"operation\"\n\
            [categories.conflicts]\ntitle = \"Conflicts\"\nretry = \"transaction\"\n";
        let codes = "[serialization_failure]\ntitle = \"Serialization failure\"\nmessage = \"Could not serialize.\"\n";
        let sources = crate::Sources::from_memory(
            "c",
            [("catalog.toml", settings), ("conflicts.toml", codes)],
        );
        let model = crate::compile(&sources)
            .unwrap_or_else(|r| panic!("{}", r.render()))
            .model;
        assert!(!model.meta.faults);
        let files = crate::generated_files(&model, "x");
        let index = &files[std::path::Path::new("docs/README.md")];
        let page = &files[std::path::Path::new("docs/conflicts.md")];
        for text in [index, page] {
            assert!(
                !text.contains("Fault") && !text.contains("fault:"),
                "{text}"
            );
        }
        assert!(
            page.contains("retry the whole operation it belongs to (a transaction, a read-modify-write) from its start."),
            "{page}"
        );
        assert_eq!(
            model.retry_policies[1]
                .strategy
                .to_runtime()
                .operation_backoff(),
            None
        );
        assert!(
            crate::emit::client_data::data(&model)["policies"]["transaction"]
                .get("initialMs")
                .is_none()
        );
    }
}
