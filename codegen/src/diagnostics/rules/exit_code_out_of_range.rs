//! E0030: A CLI exit code outside 0-255.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0030.
pub(crate) const RULE: Rule = Rule {
    name: "exit_code_out_of_range",
    summary: "A CLI exit code outside 0-255.",
    explanation: "Processes exit with a status from 0 to 255; a larger exit code would wrap around.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0030.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
exit_code = 256
"#;


/// E0030.
pub(crate) fn exit_code_out_of_range(file: FileId, span: Range<usize>, value: i64) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ExitCodeOutOfRange,
        format!("exit code {value} is outside 0-255"),
    )
    .at(file, span, "processes can only exit with 0-255")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ExitCodeOutOfRange));
    }
}
