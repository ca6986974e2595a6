//! E0031: An error-kind code has CLI exit code 0.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::model::Kind;
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0031.
pub(crate) const RULE: Rule = Rule {
    summary: "An error-kind code has CLI exit code 0.",
    explanation: "Shells and CI treat exit code 0 as success, so a failing command must not exit with it.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0031.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
exit_code = 0
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for code in &cx.map.codes {
        if let (Some((0, at)), Some((Kind::Error, _))) = (&code.exit_code, &code.kind) {
            let span = at.clone().unwrap_or(code.key.clone());
            out.push(error_exits_zero(code.file, span, &code.name));
        }
    }
}


/// E0031.
pub(crate) fn error_exits_zero(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ErrorExitsZero,
        format!("error code `{name}` has CLI exit code 0"),
    )
    .at(file, span, "0 means success to every shell")
    .help("use a non-zero exit code, or set `kind = \"success\"`")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ErrorExitsZero,
            expect_test::expect![[r#"
                error[E0031]: error code `bad_input` has CLI exit code 0
                  --> catalog/client.toml:5:13
                  |
                5 | exit_code = 0
                  |             ^ 0 means success to every shell
                  |
                  = help: use a non-zero exit code, or set `kind = "success"`

                error: the catalog has 1 error
                For more information about E0031, try `errcat explain E0031`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ErrorExitsZero));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
kind = "success"
status = 200
exit_code = 0
title = "Fine"
message = "All good."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::ErrorExitsZero));
    }
}
