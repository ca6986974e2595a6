//! The docs of a catalog's locales: a page per locale after the default
//! (`locales/<tag>.md`) with its coverage and every code's title, message
//! and solution in it, and the coverage table the index shows. `errcat
//! explain --locale` prints a code's block from here.

use std::fmt::Write as _;

use super::common::{category_page_name, header};
use crate::emit::escape::{md_cell_code, md_table_cell};
use crate::model::{Model, Text};

/// The folder of the locale pages, under `docs/`.
pub const LOCALES_DIR: &str = "locales";

/// The page of the locale at `locale` (not the default), from `docs/`.
pub fn locale_page_name(model: &Model, locale: usize) -> String {
    format!("{LOCALES_DIR}/{}.md", model.locales[locale].tag)
}

/// How many codes the locale at `locale` gives each text itself.
fn coverage(model: &Model, locale: usize) -> [usize; 3] {
    let texts = &model.locales[locale].texts;
    Text::ALL.map(|text| {
        texts
            .iter()
            .zip(&model.codes)
            .filter(|(t, c)| {
                t.get(text).is_some() && (text != Text::Solution || c.solution.is_some())
            })
            .count()
    })
}

/// The index's table of locales: each with how many codes it translates,
/// and where its page is. Empty for a catalog with one locale.
pub(crate) fn coverage_table(model: &Model) -> String {
    if model.locales.len() < 2 {
        return String::new();
    }
    let n = model.codes.len();
    let solutions = model.codes.iter().filter(|c| c.solution.is_some()).count();
    let mut out = format!(
        "## Locales\n\nThe catalog is written in `{}`. Errors are also said in the locales below; \
         a text a locale lacks comes from its parent, else from `{}`.\n\n\
         | Locale | Titles | Messages | Solutions |\n| --- | --- | --- | --- |\n",
        model.locales[0].tag, model.locales[0].tag
    );
    for locale in 1..model.locales.len() {
        let [titles, messages, solved] = coverage(model, locale);
        let _ = writeln!(
            out,
            "| [`{}`]({}) | {} | {} | {} |",
            model.locales[locale].tag,
            locale_page_name(model, locale),
            share(titles, n),
            share(messages, n),
            share(solved, solutions)
        );
    }
    out.push('\n');
    out
}

fn share(part: usize, whole: usize) -> String {
    if whole == 0 {
        return "—".into();
    }
    format!("{part} of {whole} ({}%)", part * 100 / whole)
}

/// The page of one locale: coverage, then a table per category of each
/// code's title, message and solution there (`—` where it falls back).
pub(crate) fn locale_page(model: &Model, locale: usize, command: &str) -> String {
    let tag = &model.locales[locale].tag;
    let mut out = header(command);
    let _ = writeln!(out, "# Locale `{tag}`\n");
    let [titles, messages, solved] = coverage(model, locale);
    let n = model.codes.len();
    let parent = model.locales[model.locales[locale].parent].tag.as_str();
    let _ = writeln!(
        out,
        "The `{}` error reference in `{tag}`: {} titles, {} messages and {} solutions are translated; \
         the rest come from `{parent}`. Plural forms follow CLDR's `{tag}` rules (categories: {}). \
         Back to the [index](../README.md).\n",
        model.meta.name,
        share(titles, n),
        share(messages, n),
        share(
            solved,
            model.codes.iter().filter(|c| c.solution.is_some()).count()
        ),
        model.locales[locale]
            .categories
            .iter()
            .map(|c| format!("`{c}`"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for category in &model.categories {
        if category.codes.is_empty() {
            continue;
        }
        if model.meta.categorized {
            let _ = writeln!(out, "## {}\n", md_table_cell(&category.title));
        }
        let _ = writeln!(
            out,
            "| Code | Title | Message | Solution |\n| --- | --- | --- | --- |"
        );
        for &index in &category.codes {
            let code = &model.codes[index];
            let own = |text| model.text_in(index, locale, text);
            let _ = writeln!(
                out,
                "| [`{}`](../{}#{}) | {} | {} | {} |",
                code.wire_name,
                category_page_name(category),
                code.anchor(),
                own(Text::Title).map_or("—".into(), md_table_cell),
                own(Text::Message).map_or("—".into(), md_cell_code),
                own(Text::Solution).map_or("—".into(), md_table_cell),
            );
        }
        out.push('\n');
    }
    out
}

/// A code's texts in the locale at `locale`, as `errcat explain --locale`
/// prints them before the code's section: title, message template, the
/// example message in that locale, and the solution, each from the first
/// locale along the chain that has it.
pub fn localized_block(model: &Model, index: usize, locale: usize) -> String {
    let code = &model.codes[index];
    let tag = &model.locales[locale].tag;
    let said = |text| model.localized(index, locale, text);
    let from = |at: usize| {
        if at == locale {
            String::new()
        } else {
            format!(" (from `{}`)", model.locales[at].tag)
        }
    };
    let mut lines = Vec::new();
    if let Some((at, title)) = said(Text::Title) {
        lines.push(format!(
            "> **{}**{} · in `{tag}`",
            md_table_cell(title),
            from(at)
        ));
    }
    if let Some((at, template)) = said(Text::Message) {
        let example = model.render_example(code, template, at);
        lines.push(format!("> Message{}: {}", from(at), md_cell_code(template)));
        lines.push(format!("> Example: {}", md_table_cell(&example)));
    }
    if let Some((at, solution)) = said(Text::Solution) {
        lines.push(format!(
            "> Solution{}: {}",
            from(at),
            md_table_cell(solution)
        ));
    }
    format!("{}\n\n", lines.join("\n>\n"))
}
