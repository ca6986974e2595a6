//! E0055: a code's identity does not match the catalog's `identity_pattern`,
//! or its `name` is taken by another code.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::model::Lowered;
use crate::source::FileId;

/// E0055.
pub(crate) const RULE: Rule = Rule {
    name: "bad_identity",
    summary: "A code's identity does not match the catalog's `identity_pattern`, or its `name` is taken.",
    explanation: "With `identity_pattern` set, every code's table key is its identity on the wire, a token of ASCII letters, digits and `_` that matches the pattern in full (for SQLSTATE-like codes, `[0-9A-Z]{5}`): a typo such as `22P2` or `22p02` is caught where it is written. A code's `name` (its snake_case name) is also a lookup key, so it may not be another code's identity, alias or name.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// SQLSTATE-like identities, one of them mistyped: E0055.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"
identity_pattern = "[0-9A-Z]{5}"

[categories.client]
title = "Client"
fault = "client"
status = 400

[categories.server]
title = "Server"
fault = "server"
status = 500
#== client.toml
[22P02]
name = "invalid_text_representation"
title = "Invalid text representation"
message = "The text is not a valid value of its type."

[22p03]
title = "Invalid binary representation"
message = "The bytes are not a valid value of their type."
#== server.toml
[XX000]
name = "internal_error"
title = "Internal error"
message = "The server failed."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for (i, code) in cx.map.codes.iter().enumerate() {
        let Some(name) = &code.condition else { continue };
        let taken = cx.map.codes.iter().enumerate().find(|(j, other)| {
            *j != i
                && (other.name == *name
                    || other.wire_name == *name
                    || other.condition.as_deref() == Some(name.as_str())
                    || other.aliases.iter().any(|(a, _)| a == name))
        });
        if let Some((_, other)) = taken {
            let span = code.key_span(cx.sources, "name");
            out.push(name_taken(code.file, span, name, &other.name).about(i));
        }
    }
}

/// E0055 for an identity that is not a token, or does not match.
pub(crate) fn identity_mismatch(
    file: FileId,
    span: Range<usize>,
    identity: &str,
    pattern: &str,
    token: bool,
) -> Diagnostic {
    let why = if token {
        format!("identities match `{pattern}`")
    } else {
        "identities are ASCII letters, digits and `_`, at most 64".to_string()
    };
    Diagnostic::new(
        DiagCode::BadIdentity,
        format!("`{identity}` is not an identity of this catalog"),
    )
    .at(file, span, why)
    .help("fix the identity, or widen `identity_pattern` under [catalog] if the catalog really has such codes")
}

/// E0055 for a `name` that another code already answers to.
pub(crate) fn name_taken(file: FileId, span: Range<usize>, name: &str, other: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadIdentity,
        format!("the name `{name}` is taken by code `{other}`"),
    )
    .at(file, span, "lookups would not know which code is meant")
    .help("give the code a name of its own")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::BadIdentity]);
    }

    #[test]
    fn matching_identities_and_distinct_names_are_fine() {
        assert_eq!(codes_for(&EXAMPLE.replace("[22p03]", "[22P03]")), []);
        let clash = EXAMPLE
            .replace("[22p03]", "[22P03]\nname = \"internal_error\"");
        assert!(codes_for(&clash).contains(&DiagCode::BadIdentity));
    }
}
