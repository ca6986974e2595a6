//! E0015: A retry policy name that is not declared.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0015.
pub(crate) const RULE: Rule = Rule {
    summary: "A retry policy name that is not declared.",
    explanation: "Codes and categories name their retry policy; the name must be one of the `[retry.*]` tables (or `never`, which always exists).",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0015.
const EXAMPLE: &str = r#"#== server.toml
[crashed]
numeric = 2000
title = "Crashed"
message = "The server crashed."
retry = "standrd"
"#;


/// E0015.
pub(crate) fn unknown_retry_policy(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownRetryPolicy,
        format!("no retry policy `{name}` is declared"),
    )
    .at(file, span, "unknown retry policy");
    d.suggest(
        name,
        known,
        Some(format!("declared policies: {}", known.join(", "))),
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
            DiagCode::UnknownRetryPolicy,
            expect_test::expect![[r#"
                error[E0015]: no retry policy `standrd` is declared
                  --> catalog/server.toml:5:9
                  |
                5 | retry = "standrd"
                  |         ^^^^^^^^^ unknown retry policy
                  |
                  = help: did you mean `standard`?

                error: the catalog has 1 error
                For more information about E0015, try `errcat explain E0015`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownRetryPolicy));
    }
}
