//! E0023: A retry delay, factor or attempt count is not positive.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0023.
pub(crate) const RULE: Rule = Rule {
    name: "bad_retry_value",
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

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::BadRetryDelay));
    }
}
