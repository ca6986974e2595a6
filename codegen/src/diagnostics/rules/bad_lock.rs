//! E0054: the lock file cannot be read.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0054.
pub(crate) const RULE: Rule = Rule {
    summary: "The lock file `errcat.lock` cannot be read.",
    explanation: "`errcat.lock` records every code the catalog has published; `errcat generate` writes it and nothing else should. A lock that does not read (a merge conflict, a hand edit) cannot protect anything, so nothing is generated until it reads. For a merge conflict, take either side: `errcat generate` then rewrites it from the catalog and checks the other side's changes against it. Deleting it starts the record afresh from the catalog as it is, and gives up the protection for codes it no longer lists.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// A lock with a merge conflict left in: E0054.
const EXAMPLE: &str = r#"#== errcat.lock
{
  "catalog": {"name": "fixture"},
  "codes": {
<<<<<<< HEAD
    "bad_input": {"lifecycle": "active", "numeric": 1000}
=======
    "bad_input": {"lifecycle": "active", "numeric": 1001}
>>>>>>> feature
  }
}
"#;

/// E0054.
pub(crate) fn bad_lock(file: FileId, span: Range<usize>, problem: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::BadLock, "the lock file cannot be read")
        .at(file, span, problem.trim().to_string())
        .help("restore it from version control (for a merge conflict, take either side), then run `errcat generate`")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BadLock,
            expect_test::expect![[r#"
                error[E0054]: the lock file cannot be read
                  --> catalog/errcat.lock:4:1
                  |
                4 | <<<<<<< HEAD
                  | ^ key must be a string
                  |
                  = help: restore it from version control (for a merge conflict, take either side), then run `errcat generate`

                error: the catalog has 1 error
                For more information about E0054, try `errcat explain E0054`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::BadLock]);
    }
}
