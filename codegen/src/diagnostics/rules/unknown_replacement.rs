//! E0016: `replaced_by` names no code.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0016.
pub(crate) const RULE: Rule = Rule {
    name: "unknown_replacement",
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

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownReplacement));
    }
}
