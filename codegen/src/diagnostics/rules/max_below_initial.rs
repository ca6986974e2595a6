//! E0024: A backoff's max delay is below its initial delay.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0024.
pub(crate) const RULE: Rule = Rule {
    summary: "A backoff's max delay is below its initial delay.",
    explanation: "`max_delay_ms` caps each delay; a cap below the first delay would make `initial_ms` meaningless.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0024.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[retry.standard]
strategy = "backoff"
initial_ms = 5000
max_delay_ms = 1000

[categories.client]
title = "Client"
fault = "client"
status = 400

[categories.server]
title = "Server"
fault = "server"
status = 500
retry = "standard"
"#;


/// E0024.
pub(crate) fn max_below_initial(
    file: FileId,
    span: Range<usize>,
    initial_span: Range<usize>,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MaxBelowInitial,
        "`max_delay_ms` is below `initial_ms`",
    )
    .at(file, span, "the cap")
    .also(file, initial_span, "the first delay is already longer")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::MaxBelowInitial,
            expect_test::expect![[r#"
                error[E0024]: `max_delay_ms` is below `initial_ms`
                  --> catalog/catalog.toml:7:16
                  |
                6 | initial_ms = 5000
                  |              ---- the first delay is already longer
                7 | max_delay_ms = 1000
                  |                ^^^^ the cap

                error: the catalog has 1 error
                For more information about E0024, try `errcat explain E0024`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::MaxBelowInitial));
    }
}
