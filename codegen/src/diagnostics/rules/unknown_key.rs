//! E0002: A key that the catalog format does not define.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0002.
pub(crate) const RULE: Rule = Rule {
    name: "unknown_key",
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

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnknownKey));
    }
}
