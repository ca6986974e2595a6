//! E0014: A category file or reference names no declared category.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0014.
pub(crate) const RULE: Rule = Rule {
    summary: "A category file or reference names no declared category.",
    explanation: "Each category file is named after a category declared in catalog.toml. A file whose name matches none would have its codes dropped.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0014.
const EXAMPLE: &str = r#"#== clients.toml
[stray]
title = "Stray"
message = "In a file without a category."
"#;


/// E0014.
pub(crate) fn unknown_category(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownCategory,
        format!("no category `{name}` is declared in catalog.toml"),
    )
    .at(file, span, "unknown category");
    d.suggest(
        name,
        known,
        Some(format!("add `[categories.{name}]` to catalog.toml")),
    )
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::UnknownCategory,
            expect_test::expect![[r#"
                error[E0014]: no category `clients` is declared in catalog.toml
                  --> catalog/clients.toml:1:2
                  |
                1 | [stray]
                  |  ^^^^^ unknown category
                  |
                  = help: did you mean `client`?

                error: the catalog has 1 error
                For more information about E0014, try `errcat explain E0014`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownCategory));
    }
}
