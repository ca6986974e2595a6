//! E0018: A code is replaced by itself.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0018.
pub(crate) const RULE: Rule = Rule {
    summary: "A code is replaced by itself.",
    explanation: "A code cannot replace itself; name the code that supersedes it.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0018.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Old."
replaced_by = "bad_input"
"#;


/// E0018.
pub(crate) fn replaced_by_self(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacedBySelf,
        format!("`{name}` is replaced by itself"),
    )
    .at(file, span, "names the code it belongs to")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ReplacedBySelf,
            expect_test::expect![[r#"
                error[E0018]: `bad_input` is replaced by itself
                  --> catalog/client.toml:6:15
                  |
                6 | replaced_by = "bad_input"
                  |               ^^^^^^^^^^^ names the code it belongs to

                error: the catalog has 1 error
                For more information about E0018, try `errcat explain E0018`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ReplacedBySelf));
    }
}
