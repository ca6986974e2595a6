//! E0004: A value has the wrong type.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0004.
pub(crate) const RULE: Rule = Rule {
    summary: "A value has the wrong type.",
    explanation: "A value of the wrong TOML type (a string where a number belongs, a table where a list belongs) cannot be read. Each bad value is reported on its own; the rest of the entry is still checked.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0004.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = "1000"
title = "Bad input"
message = "The input is bad."
aliases = "BAD"
exit_code = 1.5
"#;


/// E0004.
pub(crate) fn wrong_type(file: FileId, span: Range<usize>, key: &str, message: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::WrongType, format!("wrong type for `{key}`")).at(
        file,
        span,
        message.to_string(),
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
            DiagCode::WrongType,
            expect_test::expect![[r#"
                error[E0004]: wrong type for `numeric`
                  --> catalog/client.toml:2:11
                  |
                2 | numeric = "1000"
                  |           ^^^^^^ invalid type: string "1000", expected an integer

                error[E0004]: wrong type for `aliases`
                  --> catalog/client.toml:5:11
                  |
                5 | aliases = "BAD"
                  |           ^^^^^ invalid type: string "BAD", expected an array

                error[E0004]: wrong type for `exit_code`
                  --> catalog/client.toml:6:13
                  |
                6 | exit_code = 1.5
                  |             ^^^ invalid type: float `1.5`, expected an integer

                error: the catalog has 3 errors
                For more information about E0004, try `errcat explain E0004`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::WrongType));
    }
}
