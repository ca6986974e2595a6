//! E0016: `replaced_by` names no code.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0016.
pub(crate) const RULE: Rule = Rule {
    summary: "`replaced_by` names no code.",
    explanation: "`replaced_by` points a deprecated code at its successor, which must exist so that docs can link to it and clients can migrate.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0016.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Use something else."
replaced_by = "bad_inptu"
"#;


/// E0016.
pub(crate) fn unknown_replacement(
    file: FileId,
    span: Range<usize>,
    name: &str,
    known: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::UnknownReplacement,
        format!("`replaced_by` names no code `{name}`"),
    )
    .at(file, span, "unknown code");
    d.suggest(name, known, None)
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::UnknownReplacement,
            expect_test::expect![[r#"
                error[E0016]: `replaced_by` names no code `bad_inptu`
                  --> catalog/client.toml:6:15
                  |
                6 | replaced_by = "bad_inptu"
                  |               ^^^^^^^^^^^ unknown code
                  |
                  = help: did you mean `bad_input`?

                error: the catalog has 1 error
                For more information about E0016, try `errcat explain E0016`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownReplacement));
    }
}
