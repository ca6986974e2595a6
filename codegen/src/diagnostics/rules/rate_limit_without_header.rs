//! W0026: A 429 code does not honour Retry-After.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::model::RetryStrategy;
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// W0026.
pub(crate) const RULE: Rule = Rule {
    summary: "A 429 code does not honour Retry-After.",
    explanation: "A 429 response says when to come back in `Retry-After`; a policy that ignores it retries too early and is throttled again. Use a policy with `strategy = \"after_header\"`.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports W0026.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[too_fast]
numeric = 1001
status = 429
title = "Too fast"
message = "Slow down."
retry = "standard"
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for (index, code) in cx.map.codes.iter().enumerate() {
        if let (Some((429, _)), Some((retry, retry_at))) = (&code.status, &code.retry) {
            let policy = &cx.model.retry_policies[*retry];
            if !matches!(policy.strategy, RetryStrategy::AfterHeader { .. }) {
                let span = retry_at.clone().unwrap_or(code.key.clone());
                out.push(rate_limit_without_header(code.file, span, &policy.name).about(index));
            }
        }
    }
}


/// W0026.
pub(crate) fn rate_limit_without_header(file: FileId, span: Range<usize>, policy: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RateLimitWithoutHeader,
        format!("HTTP 429 with retry policy `{policy}`, which ignores Retry-After"),
    )
    .at(file, span, "rate-limited responses say when to come back")
    .help("use a policy with `strategy = \"after_header\"`, or, if something else sends `Retry-After` (a gateway), say so on the code: `allow = { W0026 = \"why\" }`")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::RateLimitWithoutHeader,
            expect_test::expect![[r#"
                warning[W0026]: HTTP 429 with retry policy `standard`, which ignores Retry-After
                   --> catalog/client.toml:11:9
                   |
                11 | retry = "standard"
                   |         ^^^^^^^^^^ rate-limited responses say when to come back
                   |
                   = help: use a policy with `strategy = "after_header"`, or, if something else sends `Retry-After` (a gateway), say so on the code: `allow = { W0026 = "why" }`

                warning: the catalog has 1 warning
                For more information about W0026, try `errcat explain W0026`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::RateLimitWithoutHeader));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
status = 429
retry = "polite"
title = "Slow down"
message = "Too many requests."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::RateLimitWithoutHeader));
    }
}
