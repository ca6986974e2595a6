//! W0025: A 4xx other than 408, 409, 425 or 429 is marked retryable.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// W0025.
pub(crate) const RULE: Rule = Rule {
    summary: "A 4xx other than 408, 409, 425 or 429 is marked retryable.",
    explanation: "A 4xx says the request itself is wrong, so sending it again unchanged fails again. Only 408, 409, 425 and 429 are usually worth retrying. This is a warning: a catalog may know better, and `--deny warnings` makes it an error.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports W0025.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
retry = "standard"
"#;

/// 4xx statuses for which a retry can succeed unchanged.
pub(crate) const RETRYABLE_4XX: &[u16] = &[408, 409, 425, 429];

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // Statuses only mean something in an HTTP catalog.
    if !cx.model.meta.http {
        return;
    }
    for (index, code) in cx.map.codes.iter().enumerate() {
        if let (Some((status, _)), Some((retry, retry_at))) = (&code.status, &code.retry) {
            let policy = &cx.model.retry_policies[*retry];
            if (400..500).contains(status)
                && !RETRYABLE_4XX.contains(status)
                && policy.strategy.is_retryable()
            {
                let span = retry_at.clone().unwrap_or(code.key.clone());
                out.push(retryable_client_error(code.file, span, *status, &policy.name).about(index));
            }
        }
    }
}


/// W0025.
pub(crate) fn retryable_client_error(
    file: FileId,
    span: Range<usize>,
    status: u16,
    policy: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RetryableClientError,
        format!("HTTP {status} is a client error but retry policy `{policy}` retries it"),
    )
    .at(
        file,
        span,
        "retried although the same request will fail again",
    )
    .help("use `retry = \"never\"`; only 408, 409, 425 and 429 are usually worth retrying")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::RetryableClientError,
            expect_test::expect![[r#"
                warning[W0025]: HTTP 400 is a client error but retry policy `standard` retries it
                  --> catalog/client.toml:5:9
                  |
                5 | retry = "standard"
                  |         ^^^^^^^^^^ retried although the same request will fail again
                  |
                  = help: use `retry = "never"`; only 408, 409, 425 and 429 are usually worth retrying

                warning: the catalog has 1 warning
                For more information about W0025, try `errcat explain W0025`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::RetryableClientError));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
status = 409
retry = "standard"
title = "Conflict"
message = "Try again."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::RetryableClientError));
    }
}
