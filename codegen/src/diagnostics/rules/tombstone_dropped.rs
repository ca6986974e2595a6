//! E0044: a tombstone the lock records is gone from the catalog.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0044.
pub(crate) const RULE: Rule = Rule {
    summary: "A retired code's tombstone was removed from the catalog.",
    explanation: "A `[retired.<code>]` tombstone is what keeps the code's name, numeric and aliases from being reused, as protobuf's `reserved` does (buf's RESERVED_ENUM_NO_DELETE). Old clients still know the retired code, so a new code under its name or number would be misread by them. Tombstones stay forever: put it back.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A tombstone published in the lock, then dropped: E0044.
const EXAMPLE: &str = r#"#== >>catalog.toml

[retired.legacy_input]
numeric = 1001
reason = "Merged into bad_input."
#== +lock
#== catalog.toml
[catalog]
name = "fixture"

[retry.standard]
strategy = "backoff"
initial_ms = 100
max_delay_ms = 1000

[retry.polite]
strategy = "after_header"
max_wait_ms = 1000
initial_ms = 100
max_delay_ms = 1000

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
retry = "standard"
range = [2000, 2999]
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, _) in h.old.retired() {
        if !h.new.codes.contains_key(name) {
            out.push(
                Change::of(
                    DiagCode::TombstoneDropped,
                    name,
                    format!("the tombstone of retired code `{name}` was removed"),
                )
                .help(format!(
                    "put `[retired.{name}]` back in catalog.toml: it keeps the name and numeric from reuse"
                )),
            );
        }
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
            DiagCode::TombstoneDropped,
            expect_test::expect![[r#"
                error[E0044]: the tombstone of retired code `legacy_input` was removed
                  --> catalog/errcat.lock:7:5
                  |
                7 |     "legacy_input": {"lifecycle":"retired","numeric":1001,"reason":"Merged into bad_input."}
                  |     ^^^^^^^^^^^^^^ published here
                  |
                  = help: put `[retired.legacy_input]` back in catalog.toml: it keeps the name and numeric from reuse

                error: the catalog has 1 error
                For more information about E0044, try `errcat explain E0044`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::TombstoneDropped]);
    }

    #[test]
    fn a_kept_tombstone_is_fine() {
        let (old, _) = EXAMPLE.split_once("#== +lock\n").unwrap();
        assert_eq!(codes_for(&format!("{old}#== +lock\n")), []);
    }
}
