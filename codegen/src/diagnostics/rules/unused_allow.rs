//! W0058: an `allow` silences nothing: the warning it names never fires
//! for that code (or for any code of that category).

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// W0058.
pub(crate) const RULE: Rule = Rule {
    summary: "An `allow` names a warning that the code (or every code of the category) does not trigger.",
    explanation: "`allow = { W0026 = \"why\" }` records a decision: this code triggers that warning on purpose. When the code no longer does (its policy changed, the status moved), the entry is a stale claim, and it would silence the warning if it ever came back for another reason. Like rustc's `unfulfilled_lint_expectations`, errcat reports it: remove the entry. It is checked only when the catalog has no errors, since the other rules have all run then.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// An `allow` for a warning the code cannot trigger: W0058.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
allow = { W0026 = "the gateway sends Retry-After" }
"#;

/// W0058 at the `allow` entry that silenced nothing.
pub(crate) fn unused_allow(file: FileId, span: Range<usize>, code: DiagCode, whose: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::UnusedAllow, format!("`allow` of {code} silences nothing"))
        .at(file, span, format!("{whose} does not trigger {code}"))
        .help("remove the entry: if the warning comes back, it should be seen")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::UnusedAllow,
            expect_test::expect![[r#"
                warning[W0058]: `allow` of W0026 silences nothing
                  --> catalog/client.toml:5:11
                  |
                5 | allow = { W0026 = "the gateway sends Retry-After" }
                  |           ^^^^^ `bad_input` does not trigger W0026
                  |
                  = help: remove the entry: if the warning comes back, it should be seen

                warning: the catalog has 1 warning
                For more information about W0058, try `errcat explain W0058`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::UnusedAllow]);
    }

    #[test]
    fn an_allow_that_silences_a_warning_is_fine() {
        let used = EXAMPLE.replace(
            "allow = { W0026",
            "status = 429\nretry = \"standard\"\nallow = { W0026",
        );
        assert_eq!(codes_for(&used), []);
    }

    #[test]
    fn a_category_allow_is_used_when_any_of_its_codes_needs_it() {
        let category = crate::diagnostics::EXAMPLE_BASE
            .split("#== catalog.toml\n")
            .nth(1)
            .unwrap()
            .split("#== ")
            .next()
            .unwrap()
            .replace("range = [1000, 1999]\n", "range = [1000, 1999]\nallow = { W0026 = \"a gateway\" }\n");
        let unused = format!("#== catalog.toml\n{category}");
        assert_eq!(codes_for(&unused), [DiagCode::UnusedAllow]);
        let used = format!("{unused}#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"B\"\nmessage = \"B.\"\nstatus = 429\nretry = \"standard\"\n");
        assert_eq!(codes_for(&used), []);
    }
}
