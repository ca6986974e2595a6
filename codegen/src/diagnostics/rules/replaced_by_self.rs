//! E0018: A code is replaced by itself.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0018.
pub(crate) const RULE: Rule = Rule {
    name: "replaced_by_self",
    summary: "A code is replaced by itself.",
    explanation: "A code cannot replace itself; name the code that supersedes it.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0018.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Old."
replaced_by = "bad_input"
"#;


/// E0018.
pub(crate) fn replaced_by_self(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacedBySelf,
        format!("`{name}` is replaced by itself"),
    )
    .at(file, span, "names the code it belongs to")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ReplacedBySelf));
    }
}
