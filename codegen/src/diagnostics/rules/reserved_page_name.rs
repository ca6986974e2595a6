//! E0036: A category id names a page the docs already have.

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;
use std::ops::Range;

/// E0036.
pub(crate) const RULE: Rule = Rule {
    summary: "A category id names a page the docs already have.",
    explanation: "Each category gets its own docs page, `<id>.md`, beside the pages errcat writes (`README.md`, `SUMMARY.md`, `numeric.md`, `changelog.md`), and, on a site built from them, `<id>.html` beside the pages mdBook writes (`index.html`, `print.html`, `toc.html`, `404.html`). A category with one of those names would overwrite that page, and on case-insensitive file systems (macOS, Windows) `readme` and `summary` collide with `README.md` and `SUMMARY.md` too. Rename the category.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0036.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[categories.client]
title = "Client"
fault = "client"
status = 400

[categories.numeric]
title = "Numbers"
fault = "server"
status = 500
#== -server.toml
#== numeric.toml
[crashed]
title = "Crashed"
message = "The server crashed."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let pages: Vec<&str> = cx
        .outputs
        .iter()
        .flat_map(|o| o.reserved_pages.iter().copied())
        .collect();
    for source in &cx.map.categories {
        let page = pages.iter().find(|page| {
            let stem = page.rsplit_once('.').map_or(**page, |(stem, _)| stem);
            stem.eq_ignore_ascii_case(&source.id)
        });
        if let Some(page) = page {
            out.push(reserved_page_name(
                cx.map.settings,
                source.key.clone(),
                &source.id,
                page,
                &pages,
            ));
        }
    }
}

/// E0036.
pub(crate) fn reserved_page_name(
    file: FileId,
    span: Range<usize>,
    id: &str,
    page: &str,
    taken: &[&str],
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReservedPageName,
        format!("category `{id}` would overwrite the docs page `{page}`"),
    )
    .at(file, span, "this category's page is `<id>.md`")
    .help(format!(
        "rename the category; these page names are taken (in any letter case): {}",
        taken.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ReservedPageName,
            expect_test::expect![[r#"
                error[E0036]: category `numeric` would overwrite the docs page `numeric.md`
                  --> catalog/catalog.toml:9:13
                  |
                9 | [categories.numeric]
                  |             ^^^^^^^ this category's page is `<id>.md`
                  |
                  = help: rename the category; these page names are taken (in any letter case): README.md, SUMMARY.md, numeric.md, changelog.md, index.html, print.html, toc.html, 404.html

                error: the catalog has 1 error
                For more information about E0036, try `errcat explain E0036`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ReservedPageName));
    }

    #[test]
    fn the_sites_own_pages_are_taken_too() {
        let print = EXAMPLE.replace("numeric", "print");
        assert!(codes_for(&print).contains(&DiagCode::ReservedPageName));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = EXAMPLE.replace("numeric", "numbers");
        assert!(!codes_for(&near_miss).contains(&DiagCode::ReservedPageName));
    }
}
