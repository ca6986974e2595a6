//! E0051: a published code's SDK exception or generated type name changed.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0051.
pub(crate) const RULE: Rule = Rule {
    summary: "A published code's SDK exception or generated type name changed.",
    explanation: "Users catch exceptions and match types by name: a renamed `RateLimitError`, or a code generator's case change that turns `IsInvalidParameter` into `IsInvalidparameter`, breaks every `except` and `instanceof` in their code (aws-sdk-js-v3#4023). The generated type name follows from the code's name; the SDK exception is `sdk_exception`. Keep both.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A published SDK exception renamed: E0051.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
sdk_exception = "BadInputError"
#== +lock
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
sdk_exception = "InvalidInputError"
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old, new) in h.kept() {
        for (key, what, before, after) in [
            (
                "sdk_exception",
                "SDK exception",
                &old.fact_text("sdk_exception"),
                &new.fact_text("sdk_exception"),
            ),
            ("name", "generated type name", &old.type_name, &new.type_name),
        ] {
            if let Some(before) = before
                && Some(before) != after.as_ref()
            {
                let after = after.as_deref().unwrap_or("none");
                // A type name follows the code's identifier, which the code
                // can pin to what it was published with.
                let help = match key {
                    "name" => format!(
                        "keep `{before}`: users catch and match it by name (set `identifier = \"{}\"` on the code to keep it with a new `name`)",
                        crate::ident::to_snake_case(before)
                    ),
                    _ => format!("keep `{before}`: users catch and match it by name"),
                };
                out.push(
                    Change::of(
                        DiagCode::TypeNameChanged,
                        name,
                        format!("the {what} of `{name}` changed"),
                    )
                    .key(key)
                    .values(before, after)
                    .help(help),
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
            DiagCode::TypeNameChanged,
            expect_test::expect![[r#"
                error[E0051]: the SDK exception of `bad_input` changed
                  --> catalog/client.toml:5:17
                  |
                5 | sdk_exception = "InvalidInputError"
                  |                 ^^^^^^^^^^^^^^^^^^^ was `BadInputError`, now `InvalidInputError`
                  |
                  --> catalog/errcat.lock:5:5
                  |
                5 |     "bad_input": {"lifecycle":"active","identity":"bad_input","type_name":"BadInput","numeric":1000,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","sdk_exception":"BadInputError","title":"Bad input","message":"The input is bad."},
                  |     ----------- as published (errcat.lock)
                  |
                  = help: keep `BadInputError`: users catch and match it by name

                error: the catalog has 1 error
                For more information about E0051, try `errcat explain E0051`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::TypeNameChanged]);
    }

    #[test]
    fn adding_an_sdk_exception_is_fine() {
        let (old, new) = EXAMPLE.split_once("#== +lock\n").unwrap();
        let old = old.replace("sdk_exception = \"BadInputError\"\n", "");
        assert_eq!(codes_for(&format!("{old}#== +lock\n{new}")), []);
    }
}
