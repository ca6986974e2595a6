//! E0029: The catalog folder has no catalog.toml.

use crate::diagnostics::{DiagCode, Diagnostic, Rule};

/// E0029.
pub(crate) const RULE: Rule = Rule {
    summary: "The catalog folder has no catalog.toml.",
    explanation: "catalog.toml holds the catalog's name, retry policies and categories; without it nothing else can be read.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0029.
const EXAMPLE: &str = r#"#== -catalog.toml
"#;


/// E0029.
pub(crate) fn missing_catalog_toml(dir: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingCatalogToml,
        format!("`{dir}` has no catalog.toml"),
    )
    .help("create catalog.toml with [catalog], [retry.*] and [categories.*] tables")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::MissingCatalogToml,
            expect_test::expect![[r#"
                error[E0029]: `catalog` has no catalog.toml
                 = help: create catalog.toml with [catalog], [retry.*] and [categories.*] tables

                error: the catalog has 1 error
                For more information about E0029, try `errcat explain E0029`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::MissingCatalogToml));
    }
}
