//! E0030: A CLI exit code outside 0-255.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0030.
pub(crate) const RULE: Rule = Rule {
    summary: "A CLI exit code outside 0-255.",
    explanation: "Processes exit with a status from 0 to 255; a larger exit code would wrap around.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0030.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
exit_code = 256
"#;


/// E0030.
pub(crate) fn exit_code_out_of_range(file: FileId, span: Range<usize>, value: i64) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ExitCodeOutOfRange,
        format!("exit code {value} is outside 0-255"),
    )
    .at(file, span, "processes can only exit with 0-255")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ExitCodeOutOfRange,
            expect_test::expect![[r#"
                error[E0030]: exit code 256 is outside 0-255
                  --> catalog/client.toml:5:13
                  |
                5 | exit_code = 256
                  |             ^^^ processes can only exit with 0-255

                error: the catalog has 1 error
                For more information about E0030, try `errcat explain E0030`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ExitCodeOutOfRange));
    }
}
