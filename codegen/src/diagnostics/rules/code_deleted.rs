//! E0043: a published code left the catalog without a tombstone.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0043.
pub(crate) const RULE: Rule = Rule {
    summary: "A published code left the catalog without a tombstone.",
    explanation: "Clients branch on a code, SDKs raise a class for it and dashboards count it, so a code the lock records may not simply disappear (buf's ENUM_VALUE_NO_DELETE, cargo-semver-checks' enum_variant_missing). Retire it instead: `errcat retire <code> --reason \"...\"` removes it and keeps a `[retired.<code>]` tombstone, so its name, numeric and aliases are never given to another code. A code that was never published (added since the last release) can leave by deleting its entry from `errcat.lock` too.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A code published in the lock, then deleted: E0043.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[too_large]
numeric = 1001
title = "Too large"
message = "The input is too large."
#== +lock
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old) in h.old.live() {
        if h.new.codes.contains_key(name) {
            continue;
        }
        // Its numeric under another name is a rename (E0045).
        if old.numeric.is_some_and(|n| h.new.live_with_numeric(n).is_some()) {
            continue;
        }
        out.push(
            Change::of(
                DiagCode::CodeDeleted,
                name,
                format!("published code `{name}` was deleted"),
            )
            .help(format!(
                "restore it, or retire it: `errcat retire {name} --reason \"...\"` keeps a tombstone so its name and numeric are never reused"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::CodeDeleted,
            expect_test::expect![[r#"
                error[E0043]: published code `too_large` was deleted
                  --> catalog/errcat.lock:7:5
                  |
                7 |     "too_large": {"lifecycle":"active","identity":"too_large","type_name":"TooLarge","numeric":1001,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","title":"Too large","message":"The input is too large."}
                  |     ^^^^^^^^^^^ published here
                  |
                  = help: restore it, or retire it: `errcat retire too_large --reason "..."` keeps a tombstone so its name and numeric are never reused

                error: the catalog has 1 error
                For more information about E0043, try `errcat explain E0043`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::CodeDeleted]);
    }

    #[test]
    fn a_code_deleted_before_the_lock_is_not_reported() {
        let unlocked = EXAMPLE.replace("#== +lock\n", "");
        assert_eq!(codes_for(&unlocked), []);
    }
}
