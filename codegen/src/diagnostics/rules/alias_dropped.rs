//! E0047: a published alias no longer resolves.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0047.
pub(crate) const RULE: Rule = Rule {
    name: "alias_dropped",
    summary: "An alias of a published code was removed.",
    explanation: "An alias is an old or foreign name that clients still send and parse (AIP-180: a published name keeps working). Removing it turns those responses into unknown codes. Keep it in `aliases`.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// An alias published in the lock, then removed: E0047.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
aliases = ["INVALID_INPUT"]
#== +lock
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old, new) in h.kept() {
        for alias in &old.aliases {
            if !new.identities(name).any(|id| id == alias) {
                out.push(
                    Change::of(
                        DiagCode::AliasDropped,
                        name,
                        format!("alias `{alias}` of `{name}` no longer resolves"),
                    )
                    .key("aliases")
                    .help(format!("keep `\"{alias}\"` in the aliases of `{name}`")),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::AliasDropped]);
    }

    #[test]
    fn adding_an_alias_is_fine() {
        let added = "#== +lock\n#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\naliases = [\"BAD\"]\n";
        assert_eq!(codes_for(added), []);
    }
}
