//! E0055: a code's identity does not match the catalog's `identity_pattern`,
//! or its `name` is taken by another code.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0055.
pub(crate) const RULE: Rule = Rule {
    summary: "A code's identity does not match the catalog's `identity_pattern`, or its `name` is taken (ignoring case, when lookups do).",
    explanation: "With `identity_pattern` set, every code's table key is its identity on the wire, a token of ASCII letters, digits and `_` that matches the pattern in full (for SQLSTATE-like codes, `[0-9A-Z]{5}`): a typo such as `22P2` or `22p02` is caught where it is written. A code's `name` (its snake_case name) is also a lookup key, so it may not be another code's identity, alias or name; with `case_insensitive`, no two codes' keys may differ only in case either.",
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
    if cx.model.meta.case_insensitive {
        case_collisions(cx, out);
    }
    for (i, code) in cx.map.codes.iter().enumerate() {
        let Some(name) = &code.condition else { continue };
        // Two codes with one `name` are one problem, at the second, with
        // the first beside it; a name that is another code's identity or
        // alias is reported where the name is written.
        // Codes that each say `shared_name` share their name by intent.
        let taken = cx.map.codes.iter().enumerate().find(|(j, other)| {
            let same_condition = other.condition.as_deref() == Some(name.as_str());
            *j != i
                && (other.name == *name
                    || other.wire_name == *name
                    || (*j < i && same_condition && !(code.shared_name && other.shared_name))
                    || other.aliases.iter().any(|(a, _)| a == name))
        });
        if let Some((_, other)) = taken {
            let span = code.key_span(cx.sources, "name");
            let shared = other.condition.as_deref() == Some(name.as_str());
            let other_span = match shared {
                true => other.key_span(cx.sources, "name"),
                false => other.key.clone(),
            };
            let mut problem = name_taken(code.file, span, name, &other.name)
                .also(other.file, other_span, format!("`{}` answers to it", other.name))
                .about(i);
            if shared {
                problem = problem.help(format!(
                    "give the code a name of its own, or, if both codes really answer to `{name}` (as PL/pgSQL's conditions can), set `shared_name = true` on each"
                ));
            }
            out.push(problem);
        }
    }
}

/// Keys of two codes that only differ in ASCII case: a case-insensitive
/// lookup could not tell them apart. (Exact duplicates are E0005/E0007.)
fn case_collisions(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<(String, &str, usize)> = Vec::new();
    for (i, code) in cx.map.codes.iter().enumerate() {
        let keys = [Some(code.wire_name.as_str()), Some(code.name.as_str()), code.condition.as_deref()]
            .into_iter()
            .flatten()
            .chain(code.aliases.iter().map(|(a, _)| a.as_str()));
        for key in keys {
            let folded = key.to_ascii_lowercase();
            match seen.iter().find(|(f, k, j)| *f == folded && *j != i && *k != key) {
                Some((_, other, j)) => out.push(
                    Diagnostic::new(
                        DiagCode::BadIdentity,
                        format!("`{key}` and `{other}` differ only in case"),
                    )
                    .at(code.file, code.key.clone(), format!("`{key}` is a key of this code"))
                    .also(cx.map.codes[*j].file, cx.map.codes[*j].key.clone(), format!("`{other}` is a key of this one"))
                    .help("the catalog sets `case_insensitive`, so lookups could not tell them apart: rename one")
                    .about(i),
                ),
                None => seen.push((folded, key, i)),
            }
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

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BadIdentity,
            expect_test::expect![[r#"
                error[E0055]: `22p03` is not an identity of this catalog
                  --> catalog/client.toml:6:2
                  |
                6 | [22p03]
                  |  ^^^^^ identities match `[0-9A-Z]{5}`
                  |
                  = help: fix the identity, or widen `identity_pattern` under [catalog] if the catalog really has such codes

                error: the catalog has 1 error
                For more information about E0055, try `errcat explain E0055`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::BadIdentity]);
    }

    #[test]
    fn case_insensitive_catalogs_reject_keys_that_differ_only_in_case() {
        let fixed = EXAMPLE.replace("[22p03]", "[22P03]");
        let insensitive = fixed.replace("name = \"fixture\"\n", "name = \"fixture\"\ncase_insensitive = true\n");
        assert_eq!(codes_for(&insensitive), []);
        let clash = insensitive.replace("[XX000]\nname = \"internal_error\"", "[XX000]\nname = \"internal_error\"\naliases = [\"22p02\"]");
        assert_eq!(codes_for(&clash), [DiagCode::BadIdentity]);
        // Case-sensitive catalogs may have both.
        let sensitive = fixed.replace("[XX000]\nname = \"internal_error\"", "[XX000]\nname = \"internal_error\"\naliases = [\"22p02\"]");
        assert_eq!(codes_for(&sensitive), []);
    }

    #[test]
    fn identities_without_a_letter_get_names_and_never_panic() {
        // `_`, `_1` and `1_` have no letter to derive a name from: they are
        // `code`, `code_1` and `code_1`, so the last two are one collision,
        // reported where written, and the Rust module is still emitted.
        let base = EXAMPLE
            .replace("[0-9A-Z]{5}", "[A-Za-z0-9_]+")
            .replace("[22p03]", "[22P03]");
        let digits = base.replace("[XX000]\nname = \"internal_error\"", "[_]\ntitle = \"U\"\nmessage = \"U.\"\n\n[_1]");
        // `code` is a method of `Error`, so its constructor is `code_error`.
        assert_eq!(codes_for(&digits), [DiagCode::ConstructorRenamed]);
        let rust = crate::rust_from_files(
            crate::rule_examples::example_sources(&digits)
                .files()
                .iter()
                .map(|f| (f.name.clone(), f.text.clone())),
        )
        .unwrap_or_else(|r| panic!("{}", r.render()));
        assert!(rust.contains("Code1"), "{rust}");
        let clash = digits.replace("[_]", "[1_]");
        assert!(codes_for(&clash).contains(&DiagCode::IdentCollision));
    }

    #[test]
    fn one_name_on_two_identities_is_one_error_at_the_second() {
        let clash = EXAMPLE
            .replace("[22p03]", "[22P03]\nname = \"invalid_text_representation\"");
        let report = match crate::compile(&crate::rule_examples::example_sources(&clash)) {
            Ok(c) => c.warnings,
            Err(r) => r,
        };
        let codes: Vec<_> = report.diagnostics().iter().map(|d| d.code).collect();
        assert_eq!(codes, [DiagCode::BadIdentity], "{}", report.render());
        assert!(report.render().contains("client.toml:7:8"), "{}", report.render());
    }

    #[test]
    fn a_pattern_that_only_parses_wrapped_is_refused() {
        // Wrapped as `^(?:E[0-9]{4})|(.*)$` it would match anything.
        let loose = EXAMPLE.replace("[0-9A-Z]{5}", "E[0-9]{4})|(.*");
        assert!(codes_for(&loose).contains(&DiagCode::InvalidValue));
    }

    #[test]
    fn matching_identities_and_distinct_names_are_fine() {
        assert_eq!(codes_for(&EXAMPLE.replace("[22p03]", "[22P03]")), []);
        let clash = EXAMPLE
            .replace("[22p03]", "[22P03]\nname = \"internal_error\"");
        assert!(codes_for(&clash).contains(&DiagCode::BadIdentity));
    }

    #[test]
    fn a_name_both_codes_say_they_share_is_theirs() {
        let fixed = EXAMPLE.replace("[22p03]", "[22P03]");
        let twice = fixed.replace(
            "title = \"Invalid binary representation\"",
            "name = \"invalid_text_representation\"\ntitle = \"Invalid binary representation\"",
        );
        assert_eq!(codes_for(&twice), [DiagCode::BadIdentity]);
        let one_says = twice.replacen(
            "name = \"invalid_text_representation\"\n",
            "name = \"invalid_text_representation\"\nshared_name = true\n",
            1,
        );
        assert_eq!(codes_for(&one_says), [DiagCode::BadIdentity]);
        let both_say = twice.replace(
            "name = \"invalid_text_representation\"\n",
            "name = \"invalid_text_representation\"\nshared_name = true\n",
        );
        assert_eq!(codes_for(&both_say), []);
        let compiled = crate::compile(&crate::rule_examples::example_sources(&both_say)).unwrap();
        let model = &compiled.model;
        let named: Vec<&str> = model.named("invalid_text_representation").iter().map(|c| c.wire_name.as_str()).collect();
        assert_eq!(named, ["22P02", "22P03"]);
        assert!(model.lookup("invalid_text_representation").is_none(), "no one code alone");
        let symbols: Vec<String> = model.codes.iter().map(|c| c.symbol()).collect();
        assert!(symbols.contains(&"invalid_text_representation_22p02".to_string()), "{symbols:?}");
    }

    #[test]
    fn shared_name_without_a_name_is_refused() {
        let fixed = EXAMPLE.replace("[22p03]", "[22P03]\nshared_name = true");
        assert_eq!(codes_for(&fixed), [DiagCode::InvalidValue]);
    }
}
