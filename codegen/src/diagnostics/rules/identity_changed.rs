//! E0045: a published code's name, wire identity or numeric changed.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0045.
pub(crate) const RULE: Rule = Rule {
    summary: "A published code's name, wire identity or numeric changed.",
    explanation: "Name, wire identity and numeric are one mapping that clients store and compare (buf's ENUM_VALUE_SAME_NAME; Google: \"do not change numeric assignments\"). Renumbering shifts every dashboard and SDK table; renaming breaks every `match` and `instanceof`. Keep the published mapping. To move to a new name, add the new code with a new numeric, deprecate the old one with `replaced_by`, and retire it in a later major version.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A published code renumbered: E0045.
const EXAMPLE: &str = r#"#== +lock
#== client.toml
[bad_input]
numeric = 1005
title = "Bad input"
message = "The input is bad."
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old, new) in h.kept() {
        if old.numeric != new.numeric {
            out.push(
                Change::of(
                    DiagCode::IdentityChanged,
                    name,
                    format!("the numeric code of `{name}` changed"),
                )
                .key("numeric")
                .values(show(old.numeric), show(new.numeric))
                .help(format!(
                    "keep `numeric = {}`: published numerics never change",
                    show(old.numeric)
                )),
            );
        }
        if let (Some(before), Some(after)) = (&old.identity, &new.identity)
            && before != after
        {
            out.push(
                Change::of(
                    DiagCode::IdentityChanged,
                    name,
                    format!("the wire identity of `{name}` changed"),
                )
                .values(before, after)
                .help("keep the published `code_case`, or add the old spelling to `aliases` and bump the major version"),
            );
        }
    }
    // A published numeric now under another name: a rename.
    for (name, old) in h.old.live() {
        let Some(numeric) = old.numeric else { continue };
        if h.new.codes.contains_key(name) {
            continue;
        }
        if let Some((new_name, _)) = h.new.live_with_numeric(numeric) {
            out.push(
                Change::of(
                    DiagCode::IdentityChanged,
                    new_name,
                    format!("published code `{name}` was renamed `{new_name}`"),
                )
                .key("numeric")
                .values(name, new_name)
                .help(format!(
                    "keep the name `{name}`; for a new name, add a code with a new numeric and deprecate `{name}` with `replaced_by`"
                )),
            );
        }
    }
}

fn show(numeric: Option<u32>) -> String {
    numeric.map_or_else(|| "none".into(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::IdentityChanged,
            expect_test::expect![[r#"
                error[E0045]: the numeric code of `bad_input` changed
                  --> catalog/client.toml:2:11
                  |
                2 | numeric = 1005
                  |           ^^^^ was `1000`, now `1005`
                  |
                  --> catalog/errcat.lock:5:5
                  |
                5 |     "bad_input": {"lifecycle":"active","identity":"bad_input","type_name":"BadInput","numeric":1000,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","title":"Bad input","message":"The input is bad."},
                  |     ----------- as published (errcat.lock)
                  |
                  = help: keep `numeric = 1000`: published numerics never change

                error: the catalog has 1 error
                For more information about E0045, try `errcat explain E0045`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::IdentityChanged]);
    }

    #[test]
    fn a_rename_keeping_the_numeric_is_reported_once() {
        let renamed = "#== +lock\n#== client.toml\n[wrong_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\n";
        assert_eq!(codes_for(renamed), [DiagCode::IdentityChanged]);
    }

    #[test]
    fn the_same_mapping_is_fine() {
        assert_eq!(codes_for("#== +lock\n"), []);
    }
}
