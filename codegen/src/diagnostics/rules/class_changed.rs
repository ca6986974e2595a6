//! E0050: a published code's kind, fault, status class or retry class changed.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0050.
pub(crate) const RULE: Rule = Rule {
    summary: "A published code's kind, fault, status class (4xx/5xx) or retry class changed.",
    explanation: "Clients decide what to do from these: whether to show the error to the user or page someone (fault, 4xx versus 5xx, as Smithy's error trait and oasdiff's status checks model), and whether to retry at all (`never` versus a retrying policy). A change silently flips that decision in every deployed client. Keep them; if the behaviour really changed, it is a new code.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A retried server error that no longer is: E0050.
const EXAMPLE: &str = r#"#== +lock
#== server.toml
[crashed]
numeric = 2000
title = "Crashed"
message = "The server crashed."
retry = "never"
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old, new) in h.kept() {
        let class = |s: Option<u16>| s.map(|s| format!("{}xx", s / 100));
        for (key, what, before, after) in [
            ("kind", "kind", old.kind.clone(), new.kind.clone()),
            ("fault", "fault", old.fault.clone(), new.fault.clone()),
            ("status", "status class", class(old.status), class(new.status)),
            ("retry", "retry class", old.retry.clone(), new.retry.clone()),
        ] {
            if let (Some(before), Some(after)) = (before, after)
                && before != after
            {
                out.push(
                    Change::of(
                        DiagCode::ClassChanged,
                        name,
                        format!("the {what} of `{name}` changed"),
                    )
                    .key(key)
                    .values(&before, &after)
                    .help(format!(
                        "keep it {before}: clients decide what to do from it; a new behaviour is a new code"
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ClassChanged,
            expect_test::expect![[r#"
                error[E0050]: the retry class of `crashed` changed
                  --> catalog/server.toml:5:9
                  |
                5 | retry = "never"
                  |         ^^^^^^^ was `retryable`, now `never`
                  |
                  --> catalog/errcat.lock:6:5
                  |
                6 |     "crashed": {"lifecycle":"active","identity":"crashed","type_name":"Crashed","numeric":2000,"kind":"error","category":"server","fault":"server","status":500,"retry":"retryable","title":"Crashed","message":"The server crashed."}
                  |     --------- as published (errcat.lock)
                  |
                  = help: keep it retryable: clients decide what to do from it; a new behaviour is a new code

                error: the catalog has 1 error
                For more information about E0050, try `errcat explain E0050`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::ClassChanged]);
    }

    #[test]
    fn a_fault_flip_is_reported() {
        let moved = "#== +lock\n#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\nstatus = 500\nfault = \"server\"\n";
        let codes = codes_for(moved);
        assert_eq!(codes, [DiagCode::ClassChanged, DiagCode::ClassChanged], "{codes:?}");
    }
}
