//! E0022: A param type that errcat does not know.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0022.
pub(crate) const RULE: Rule = Rule {
    summary: "A param type that errcat does not know.",
    explanation: "Params are typed so that constructors take the right arguments: `string`, `u16`, `u32`, `u64`, `i32`, `i64`, `f64` or `bool`.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0022.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Limit {limit}."
params = { limit = "u23" }
"#;


/// E0022.
pub(crate) fn unknown_param_type(
    file: FileId,
    span: Range<usize>,
    ty: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownParamType,
        format!("unknown param type `{ty}`"),
    )
    .at(file, span, "not a param type");
    d.suggest(
        ty,
        known,
        Some(format!("expected one of: {}", known.join(", "))),
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
            DiagCode::UnknownParamType,
            expect_test::expect![[r#"
                error[E0022]: unknown param type `u23`
                  --> catalog/client.toml:5:20
                  |
                5 | params = { limit = "u23" }
                  |                    ^^^^^ not a param type
                  |
                  = help: did you mean `u32`?

                error: the catalog has 1 error
                For more information about E0022, try `errcat explain E0022`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownParamType));
    }

    #[test]
    fn an_example_for_that_param_is_not_reported_again() {
        let patch = "#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad\"\nmessage = \"Bad {n}.\"\nparams = { n = \"u128\" }\nexample = { n = 5 }\n";
        let codes = codes_for(patch);
        assert_eq!(codes, [DiagCode::UnknownParamType]);
    }
}
