//! E0023: A retry delay, factor or attempt count is not positive.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0023.
pub(crate) const RULE: Rule = Rule {
    summary: "A retry delay, factor or attempt count is not positive.",
    explanation: "Retry delays are positive numbers of milliseconds, the backoff factor is at least 1, and a policy makes between 1 and 65535 attempts; anything else would retry in a tight loop or never.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0023.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[retry.standard]
strategy = "backoff"
initial_ms = 0
factor = 0.5
max_delay_ms = -10
max_attempts = 0

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
range = [2000, 2999]
"#;


/// E0023.
pub(crate) fn bad_retry_value(file: FileId, span: Range<usize>, field: &str, problem: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadRetryDelay,
        format!("invalid retry `{field}`: {problem}"),
    )
    .at(file, span, problem.to_string())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BadRetryDelay,
            expect_test::expect![[r#"
                error[E0023]: invalid retry `initial_ms`: must be a positive number of milliseconds
                  --> catalog/catalog.toml:6:14
                  |
                6 | initial_ms = 0
                  |              ^ must be a positive number of milliseconds

                error[E0023]: invalid retry `factor`: must be a finite number of at least 1
                  --> catalog/catalog.toml:7:10
                  |
                7 | factor = 0.5
                  |          ^^^ must be a finite number of at least 1

                error[E0023]: invalid retry `max_delay_ms`: must be a positive number of milliseconds
                  --> catalog/catalog.toml:8:16
                  |
                8 | max_delay_ms = -10
                  |                ^^^ must be a positive number of milliseconds

                error[E0023]: invalid retry `max_attempts`: must be between 1 and 65535
                  --> catalog/catalog.toml:9:16
                  |
                9 | max_attempts = 0
                  |                ^ must be between 1 and 65535

                error: the catalog has 4 errors
                For more information about E0023, try `errcat explain E0023`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::BadRetryDelay));
    }
}
