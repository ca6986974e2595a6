//! E0012: An HTTP status outside 100-599.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0012.
pub(crate) const RULE: Rule = Rule {
    summary: "An HTTP status outside 100-599.",
    explanation: "An HTTP status is a number from 100 to 599; anything else cannot be sent.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0012.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
status = 4000
title = "Bad input"
message = "The input is bad."
"#;


/// E0012.
pub(crate) fn status_out_of_range(file: FileId, span: Range<usize>, status: i64) -> Diagnostic {
    Diagnostic::new(
        DiagCode::StatusOutOfRange,
        format!("HTTP status {status} is not between 100 and 599"),
    )
    .at(file, span, "not an HTTP status")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::StatusOutOfRange,
            expect_test::expect![[r#"
                error[E0012]: HTTP status 4000 is not between 100 and 599
                  --> catalog/client.toml:3:10
                  |
                3 | status = 4000
                  |          ^^^^ not an HTTP status

                error: the catalog has 1 error
                For more information about E0012, try `errcat explain E0012`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::StatusOutOfRange));
    }
}
