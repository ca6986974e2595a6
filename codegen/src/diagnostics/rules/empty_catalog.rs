//! E0027: The catalog defines no codes.

use crate::diagnostics::Severity;
use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0027.
pub(crate) const RULE: Rule = Rule {
    summary: "The catalog defines no codes.",
    explanation: "A catalog with no codes generates nothing useful; this usually means the category files are missing or misnamed.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0027.
const EXAMPLE: &str = r#"#== -client.toml
#== -server.toml
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // Only when nothing else explains it: no other error, no unparsed file.
    if cx.model.codes.is_empty()
        && cx.map.unparsed_stems.is_empty()
        && !out.iter().any(|d| d.severity == Severity::Error)
    {
        out.push(empty_catalog(cx.map.settings));
    }
}


/// E0027.
pub(crate) fn empty_catalog(file: FileId) -> Diagnostic {
    Diagnostic::new(DiagCode::EmptyCatalog, "the catalog defines no codes")
        .at(file, 0..0, "no codes in any category file")
        .help("add a file `<category>.toml` with one table per code")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::EmptyCatalog,
            expect_test::expect![[r#"
                error[E0027]: the catalog defines no codes
                  --> catalog/catalog.toml:1:1
                  |
                1 | [catalog]
                  | ^ no codes in any category file
                  |
                  = help: add a file `<category>.toml` with one table per code

                error: the catalog has 1 error
                For more information about E0027, try `errcat explain E0027`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::EmptyCatalog));
    }
}
