//! E0047: a published alias no longer resolves.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0047.
pub(crate) const RULE: Rule = Rule {
    summary: "An alias or condition name of a published code was removed.",
    explanation: "An alias is an old or foreign name that clients still send and parse (AIP-180: a published name keeps working). Removing it turns those responses into unknown codes. Keep it in `aliases`. A code's condition name (`name`, in a catalog with identities) is a lookup key too: a new name keeps the old one working as an alias.",
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
        // A condition name is a lookup key too; one now shared with other
        // codes still finds this code (`Code::named`).
        if let Some(condition) = &old.name
            && new.name.as_ref() != Some(condition)
            && !new.identities(name).any(|id| id == condition)
        {
            out.push(
                Change::of(
                    DiagCode::AliasDropped,
                    name,
                    format!("the name `{condition}` of `{name}` no longer resolves"),
                )
                .key("name")
                .help(format!(
                    "keep `name = \"{condition}\"`, or add `\"{condition}\"` to the aliases of `{name}`"
                )),
            );
        }
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

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::AliasDropped,
            expect_test::expect![[r#"
                error[E0047]: alias `INVALID_INPUT` of `bad_input` no longer resolves
                  --> catalog/client.toml:1:2
                  |
                1 | [bad_input]
                  |  ^^^^^^^^^ here
                  |
                  --> catalog/errcat.lock:5:5
                  |
                5 |     "bad_input": {"lifecycle":"active","identity":"bad_input","type_name":"BadInput","numeric":1000,"aliases":["INVALID_INPUT"],"kind":"error","category":"client","fault":"client","status":400,"retry":"never","title":"Bad input","message":"The input is bad."},
                  |     ----------- as published (errcat.lock)
                  |
                  = help: keep `"INVALID_INPUT"` in the aliases of `bad_input`

                error: the catalog has 1 error
                For more information about E0047, try `errcat explain E0047`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::AliasDropped]);
    }

    #[test]
    fn adding_an_alias_is_fine() {
        let added = "#== +lock\n#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\naliases = [\"BAD\"]\n";
        assert_eq!(codes_for(added), []);
    }

    #[test]
    fn a_condition_name_is_kept_or_becomes_an_alias() {
        let base = "#== catalog.toml\n[catalog]\nname = \"fixture\"\nidentity_pattern = \"[0-9A-Z]{5}\"\n\n[categories.client]\ntitle = \"Client\"\nfault = \"client\"\nstatus = 400\n\n[categories.server]\ntitle = \"Server\"\nfault = \"server\"\nstatus = 500\n#== client.toml\n[22P02]\nname = \"invalid_text\"\nidentifier = \"invalid_text\"\ntitle = \"Invalid text\"\nmessage = \"The text is not valid.\"\n#== server.toml\n[XX000]\ntitle = \"Internal error\"\nmessage = \"The server failed.\"\n";
        let renamed = base.replace("name = \"invalid_text\"\n", "name = \"invalid_text_representation\"\n");
        assert_eq!(codes_for(&format!("{base}#== +lock\n{renamed}")), [DiagCode::AliasDropped]);
        let aliased = renamed.replace("title = \"Invalid text\"", "aliases = [\"invalid_text\"]\ntitle = \"Invalid text\"");
        assert_eq!(codes_for(&format!("{base}#== +lock\n{aliased}")), []);
    }
}
