//! E0048: a code was retired without being deprecated in an earlier version.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History, Lifecycle};

/// E0048.
pub(crate) const RULE: Rule = Rule {
    name: "retired_without_deprecation",
    summary: "A code was retired without being deprecated in an earlier version first.",
    explanation: "Clients need a release in which the code still works and says it is going away (oasdiff's api-removed-without-deprecation). Deprecate it first (`deprecated = \"why\"`, with `replaced_by` when there is a successor), publish that, and retire it in a later version.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A live, undeprecated code retired at once: E0048.
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
#== >>catalog.toml

[retired.too_large]
reason = "Limits are now enforced by the gateway."
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old) in h.old.live() {
        let Some(new) = h.new.codes.get(name).filter(|r| !r.is_live()) else {
            continue;
        };
        let same_version = old.deprecated_in.is_some()
            && old.deprecated_in == new.retired_in.clone().or(h.new.version.clone());
        if old.lifecycle == Lifecycle::Deprecated && !same_version {
            continue;
        }
        let message = if same_version {
            format!("`{name}` is retired in the version that deprecated it")
        } else {
            format!("`{name}` was retired without being deprecated first")
        };
        out.push(
            Change::of(DiagCode::RetiredWithoutDeprecation, name, message).help(format!(
                "restore `{name}` with `deprecated = \"why\"` and publish that; retire it in a later version"
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::RetiredWithoutDeprecation]);
    }

    #[test]
    fn deprecated_then_retired_is_fine() {
        let deprecated_first = EXAMPLE.replacen(
            "message = \"The input is too large.\"\n",
            "message = \"The input is too large.\"\ndeprecated = \"The gateway enforces limits.\"\n",
            1,
        );
        assert_eq!(codes_for(&deprecated_first), []);
    }
}
