//! E0001: The file is not valid TOML.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0001.
pub(crate) const RULE: Rule = Rule {
    summary: "The file is not valid TOML.",
    explanation: "A catalog file must parse as TOML before anything else can be checked. The error points at the first character TOML could not read; other files are still checked, and follow-on checks that would be noise (such as an empty category whose file did not parse) are skipped.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0001.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input
message = "The input is bad."
"#;


/// E0001.
pub(crate) fn toml_syntax(file: FileId, span: Range<usize>, message: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::TomlSyntax, "invalid TOML").at(file, span, message.trim().to_string())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::TomlSyntax,
            expect_test::expect![[r#"
                error[E0001]: invalid TOML
                  --> catalog/client.toml:3:19
                  |
                3 | title = "Bad input
                  |                   ^ invalid basic string, expected `"`

                error: the catalog has 1 error
                For more information about E0001, try `errcat explain E0001`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::TomlSyntax));
    }
}
