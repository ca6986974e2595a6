//! E0048: a code was retired without being deprecated in an earlier version.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::version::{Bump, Version};
use crate::history::{Change, History, Lifecycle};

/// E0048.
pub(crate) const RULE: Rule = Rule {
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
        // Unknown until the next release, which is after the one that deprecated it.
        let retired_in = new.retired_in.clone();
        let same_version = old.deprecated_in.is_some() && old.deprecated_in == retired_in;
        if old.lifecycle == Lifecycle::Deprecated && !same_version {
            continue;
        }
        let change = if same_version {
            let deprecated = old.deprecated_in.clone().unwrap_or_default();
            let later = Version::parse(&deprecated)
                .map(|v| v.next(Bump::Minor).to_string())
                .unwrap_or_else(|| "a later version".into());
            Change::of(
                DiagCode::RetiredWithoutDeprecation,
                name,
                format!("`{name}` is retired in {deprecated}, the version that deprecated it"),
            )
            .help(format!(
                "clients need one release in which `{name}` is deprecated: retire it in a later version, e.g. `version = \"{later}\"` under [catalog] (or `errcat retire {name} --version {later}`)"
            ))
        } else {
            Change::of(
                DiagCode::RetiredWithoutDeprecation,
                name,
                format!("`{name}` was retired without being deprecated first"),
            )
            .help(format!(
                "restore `{name}` with `deprecated = \"why\"` and release that (`errcat release`); retire it in a later version"
            ))
        };
        out.push(change);
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
            DiagCode::RetiredWithoutDeprecation,
            expect_test::expect![[r#"
                error[E0048]: `too_large` was retired without being deprecated first
                   --> catalog/catalog.toml:28:10
                   |
                28 | [retired.too_large]
                   |          ^^^^^^^^^ here
                   |
                   --> catalog/errcat.lock:7:5
                   |
                 7 |     "too_large": {"lifecycle":"active","identity":"too_large","type_name":"TooLarge","numeric":1001,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","title":"Too large","message":"The input is too large."}
                   |     ----------- as published (errcat.lock)
                   |
                   = help: restore `too_large` with `deprecated = "why"` and release that (`errcat release`); retire it in a later version

                error: the catalog has 1 error
                For more information about E0048, try `errcat explain E0048`.
            "#]],
        );
    }

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
