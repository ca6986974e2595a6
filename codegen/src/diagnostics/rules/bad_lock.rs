//! E0054: the lock file cannot be read.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0054.
pub(crate) const RULE: Rule = Rule {
    name: "bad_lock",
    summary: "The lock file `errcat.lock` cannot be read.",
    explanation: "`errcat.lock` records every code the catalog has published; `errcat generate` writes it and nothing else should. A lock that does not read (a merge conflict, a hand edit) cannot protect anything. Resolve it from version control: take either side of a conflict and run `errcat generate`, which rewrites it from the catalog.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// A lock with a merge conflict left in: E0054.
const EXAMPLE: &str = r#"#== errcat.lock
[catalog]
name = "fixture"

[codes.bad_input]
numeric = "one thousand"
"#;

/// E0054.
pub(crate) fn bad_lock(file: FileId, span: Range<usize>, problem: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::BadLock, "the lock file cannot be read")
        .at(file, span, problem.trim().to_string())
        .help("restore it from version control, then run `errcat generate` to rewrite it from the catalog")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::BadLock]);
    }
}
