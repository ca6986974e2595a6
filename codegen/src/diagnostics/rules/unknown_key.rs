//! E0002: A key that the catalog format does not define.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0002.
pub(crate) const RULE: Rule = Rule {
    summary: "A key that the catalog format does not define.",
    explanation: "Every key of the catalog format is known, so a misspelt key would otherwise be ignored silently and its value lost. The help names the closest key, or lists the keys allowed in that table.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0002.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
titel = "Bad input"
message = "The input is bad."
colour = "red"
"#;


/// E0002.
pub(crate) fn unknown_key(
    file: FileId,
    span: Range<usize>,
    key: &str,
    what: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownKey,
        format!("unknown key `{key}` in {what}"),
    )
    .at(file, span, "not a field of the catalog format");
    d.suggest(
        key,
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
            DiagCode::UnknownKey,
            expect_test::expect![[r#"
                error[E0003]: missing required field `title` in code `bad_input`
                  --> catalog/client.toml:1:2
                  |
                1 | [bad_input]
                  |  ^^^^^^^^^ `title` is required here

                error[E0002]: unknown key `titel` in a code (`bad_input`)
                  --> catalog/client.toml:3:1
                  |
                3 | titel = "Bad input"
                  | ^^^^^ not a field of the catalog format
                  |
                  = help: did you mean `title`?

                error[E0002]: unknown key `colour` in a code (`bad_input`)
                  --> catalog/client.toml:5:1
                  |
                5 | colour = "red"
                  | ^^^^^^ not a field of the catalog format
                  |
                  = help: expected one of: name, shared_name, identifier, numeric, status, kind, title, message, params, example, description, solution, retry, exit_code, deprecated, replaced_by, aliases, fault, envelope, grpc, allow, server_retries, sdk_exception, since

                error: the catalog has 3 errors
                Some problems have detailed explanations: E0002, E0003.
                For more information about one, try `errcat explain E0002`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownKey));
    }
}
