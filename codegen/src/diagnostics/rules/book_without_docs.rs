//! E0041: The catalog asks for a book but not for the docs pages (an
//! output without the output it is built from, in general).

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;
use std::ops::Range;

/// E0041.
pub(crate) const RULE: Rule = Rule {
    summary: "The catalog asks for a book but not for the docs pages.",
    explanation: "The `book` output writes `docs/book.toml`, which makes the docs pages an mdBook source: the pages are the book's chapters. With `docs = false` there are no pages, and the book would be empty. Turn the docs back on, or the book off.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0041.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[outputs]
docs = false
book = true

[categories.client]
title = "Client"
fault = "client"
status = 400
#== -server.toml
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let chosen = |name: &str| {
        cx.outputs
            .iter()
            .any(|o| o.name == name && o.chosen_by(cx.model))
    };
    for output in cx.outputs.iter().filter(|o| o.chosen_by(cx.model)) {
        let Some(base) = output.requires.filter(|base| !chosen(base)) else {
            continue;
        };
        let asked = cx.map.outputs.iter().rev().find(|(name, _)| name == output.name);
        if let Some((_, span)) = asked {
            out.push(book_without_docs(cx.map.settings, span.clone(), output.name, base));
        }
    }
}

/// E0041.
pub(crate) fn book_without_docs(
    file: FileId,
    span: Range<usize>,
    output: &str,
    base: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BookWithoutDocs,
        format!("the `{output}` output is built from the `{base}` output, which is turned off"),
    )
    .at(file, span, format!("`{output}` is asked for here"))
    .help(format!(
        "remove `{base} = false` from `[outputs]`, or set `{output} = false`"
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
            DiagCode::BookWithoutDocs,
            expect_test::expect![[r#"
                error[E0041]: the `book` output is built from the `docs` output, which is turned off
                  --> catalog/catalog.toml:6:1
                  |
                6 | book = true
                  | ^^^^ `book` is asked for here
                  |
                  = help: remove `docs = false` from `[outputs]`, or set `book = false`

                error: the catalog has 1 error
                For more information about E0041, try `errcat explain E0041`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::BookWithoutDocs));
    }

    #[test]
    fn a_book_with_docs_does_not() {
        let with_docs = EXAMPLE.replace("docs = false", "docs = true");
        assert!(!codes_for(&with_docs).contains(&DiagCode::BookWithoutDocs));
    }
}
