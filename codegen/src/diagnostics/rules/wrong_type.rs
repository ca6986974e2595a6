//! E0004: A value has the wrong type.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0004.
pub(crate) const RULE: Rule = Rule {
    name: "wrong_type",
    summary: "A value has the wrong type.",
    explanation: "A value of the wrong TOML type (a string where a number belongs, a table where a list belongs) cannot be read. Each bad value is reported on its own; the rest of the entry is still checked.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0004.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = "1000"
title = "Bad input"
message = "The input is bad."
aliases = "BAD"
exit_code = 1.5
"#;


/// E0004.
pub(crate) fn wrong_type(file: FileId, span: Range<usize>, key: &str, message: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::WrongType, format!("wrong type for `{key}`")).at(
        file,
        span,
        message.to_string(),
    )
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::WrongType));
    }
}
