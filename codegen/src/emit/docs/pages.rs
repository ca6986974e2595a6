//! The docs pages besides the index and the category pages: the numeric
//! index and mdBook's `SUMMARY.md`.

use std::fmt::Write as _;

use super::changelog::CHANGELOG_PAGE;
use super::common::{
    NUMERIC_PAGE, category_page_name, code_link, has_changelog, has_numerics, header,
};
use crate::emit::escape::md_table_cell;
use crate::model::Model;

pub(crate) fn numeric_page(model: &Model, command: &str) -> String {
    let mut out = header(command);
    let _ = writeln!(out, "# Numeric status codes\n");
    let _ = writeln!(
        out,
        "Every code with a numeric code, in numeric order. Back to the [index](README.md).\n"
    );
    let _ = writeln!(
        out,
        "| Code | Description | Name |{} Kind |\n| --- | --- | --- |{} --- |",
        if model.meta.http { " HTTP |" } else { "" },
        if model.meta.http { " --- |" } else { "" },
    );
    for c in model.codes_by_numeric() {
        let http = if model.meta.http {
            format!(" {} |", c.status)
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |{http} {} |",
            c.numeric.unwrap_or_default(),
            md_table_cell(&c.title),
            code_link(model, c),
            c.kind
        );
    }
    let unnumbered: Vec<String> = model
        .codes
        .iter()
        .filter(|c| c.numeric.is_none())
        .map(|c| code_link(model, c))
        .collect();
    if !unnumbered.is_empty() {
        let _ = writeln!(
            out,
            "\nCodes without a numeric code: {}.",
            unnumbered.join(", ")
        );
    }
    out
}

pub(crate) fn summary_page(model: &Model, command: &str) -> String {
    let mut out = header(command);
    let _ = writeln!(
        out,
        "# Summary\n\n[{} error reference](README.md)\n",
        md_table_cell(&model.meta.name)
    );
    for c in &model.categories {
        let _ = writeln!(
            out,
            "- [{}]({})",
            md_table_cell(&c.title),
            category_page_name(c)
        );
    }
    if has_numerics(model) {
        let _ = writeln!(out, "- [Numeric index]({NUMERIC_PAGE})");
    }
    if has_changelog(model) {
        let _ = writeln!(out, "- [Changelog]({CHANGELOG_PAGE})");
    }
    // mdBook's chapters are files, not anchors: one per locale.
    for locale in 1..model.locales.len() {
        let _ = writeln!(
            out,
            "- [Locale `{}`]({})",
            model.locales[locale].tag,
            super::locales::locale_page_name(model, locale)
        );
    }
    out
}

// -- examples and words --------------------------------------------------------------
