//! E0056: a prefix class is inconsistent: a code outside its category's
//! prefix, two categories with one prefix, or a `generic` that is not a
//! code of the class.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0056.
pub(crate) const RULE: Rule = Rule {
    summary: "A code is outside its category's `prefix`, a prefix is declared twice, or `generic` is not a code of the class.",
    explanation: "Systems such as SQLSTATE group codes into classes by the start of the identity (`22` for data exceptions) and tell clients to treat a code they do not know as its class. errcat does the same: an unknown identity resolves to the `generic` code of the category with the longest matching `prefix`. That only works if every code of a category starts with its prefix, no two categories claim the same prefix, and the generic code is one of the category's own codes.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// A data-exception class with a code from another class: E0056.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"
identity_pattern = "[0-9A-Z]{5}"

[categories.client]
title = "Data exception"
fault = "client"
status = 400
prefix = "22"
generic = "22000"

[categories.server]
title = "Internal error"
fault = "server"
status = 500
prefix = "XX"
generic = "XX000"
#== client.toml
[22000]
name = "data_exception"
title = "Data exception"
message = "The data is not valid."

[23505]
name = "unique_violation"
title = "Unique violation"
message = "The value is already taken."
#== server.toml
[XX000]
name = "internal_error"
title = "Internal error"
message = "The server failed."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for (i, category) in cx.map.categories.iter().enumerate() {
        let Some((prefix, span)) = &category.prefix else {
            continue;
        };
        if prefix.is_empty() {
            out.push(
                Diagnostic::new(
                    DiagCode::ClassPrefix,
                    format!("category `{}` has an empty prefix", category.id),
                )
                .at(cx.map.settings, span.clone(), "every identity starts with this")
                .help("every unknown string would resolve to this class's generic code: give the class's real prefix, or remove `prefix`"),
            );
            continue;
        }
        if let Some(first) = cx.map.categories[..i]
            .iter()
            .find(|c| c.prefix.as_ref().is_some_and(|(p, _)| p == prefix))
        {
            out.push(
                Diagnostic::new(
                    DiagCode::ClassPrefix,
                    format!("prefix `{prefix}` is declared by two categories"),
                )
                .at(cx.map.settings, span.clone(), format!("also the prefix of `{}`", first.id))
                .also(cx.map.settings, first.prefix.as_ref().map_or(first.key.clone(), |(_, s)| s.clone()), "first declared here")
                .help("an unknown identity could not know its class: give each category its own prefix"),
            );
        }
        let Some(index) = category.lowered else { continue };
        for (j, code) in cx.map.codes.iter().enumerate() {
            if code.category == index && !code.wire_name.starts_with(prefix.as_str()) {
                out.push(
                    Diagnostic::new(
                        DiagCode::ClassPrefix,
                        format!("`{}` does not start with `{prefix}`, the prefix of category `{}`", code.wire_name, category.id),
                    )
                    .at(code.file, code.key.clone(), format!("not in class `{prefix}`"))
                    .also(cx.map.settings, span.clone(), "the category's prefix")
                    .help("move the code to the category of its class, or fix its identity")
                    .about(j),
                );
            }
        }
    }
}

/// E0056 for a `generic` that names no code of a prefix class.
pub(crate) fn bad_generic(
    file: FileId,
    span: Range<usize>,
    generic: &str,
    category: &str,
    has_prefix: bool,
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::ClassPrefix,
        format!("`generic = \"{generic}\"` of category `{category}` is not usable"),
    );
    if has_prefix {
        d.at(file, span, format!("no code `{generic}` in category `{category}`"))
            .help("name one of the category's codes, usually the class's own (`22000` for class `22`)")
    } else {
        d.at(file, span, "`generic` needs the category's `prefix`")
            .help("add `prefix = \"...\"`: the start its codes' identities share")
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
            DiagCode::ClassPrefix,
            expect_test::expect![[r#"
                error[E0056]: `23505` does not start with `22`, the prefix of category `client`
                  --> catalog/client.toml:6:2
                  |
                6 | [23505]
                  |  ^^^^^ not in class `22`
                  |
                  --> catalog/catalog.toml:9:10
                  |
                9 | prefix = "22"
                  |          ---- the category's prefix
                  |
                  = help: move the code to the category of its class, or fix its identity

                error: the catalog has 1 error
                For more information about E0056, try `errcat explain E0056`.
            "#]],
        );
    }

    #[test]
    fn case_insensitive_classes_take_lower_case_unknown_codes() {
        let valid = EXAMPLE
            .replace("[23505]\nname = \"unique_violation\"", "[22P02]\nname = \"invalid_text\"")
            .replace("name = \"fixture\"\n", "name = \"fixture\"\ncase_insensitive = true\n")
            .replace("[0-9A-Z]{5}", "[0-9A-Za-z]{5}");
        let compiled = crate::compile(&crate::rule_examples::example_sources(&valid))
            .unwrap_or_else(|r| panic!("{}", r.render()));
        let resolved = |id: &str| compiled.model.resolve(id).map(|c| c.wire_name.as_str());
        assert_eq!(resolved("xx999"), Some("XX000"));
        assert_eq!(resolved("XX999"), Some("XX000"));
        let rust = crate::emit::rust::emit(
            &crate::emit::Context::new(&compiled.model, crate::GENERATE_COMMAND),
            &Default::default(),
        );
        assert!(rust.contains("eq_ignore_ascii_case(prefix)"), "{rust}");
    }

    #[test]
    fn a_generic_that_failed_another_check_is_not_called_missing() {
        // `22000` exists but its message is blank (E0037): only that.
        let broken = EXAMPLE
            .replace("[23505]\nname = \"unique_violation\"", "[22P02]\nname = \"invalid_text\"")
            .replace("message = \"The data is not valid.\"", "message = \"  \"");
        assert_eq!(codes_for(&broken), [DiagCode::BlankText]);
    }

    #[test]
    fn an_empty_prefix_is_reported() {
        let fixed = EXAMPLE.replace("prefix = \"XX\"", "prefix = \"\"");
        assert!(codes_for(&fixed).contains(&DiagCode::ClassPrefix));
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::ClassPrefix]);
    }

    #[test]
    fn members_a_known_generic_and_distinct_prefixes_are_fine() {
        assert_eq!(codes_for(&EXAMPLE.replace("[23505]", "[22023]")), []);
        let unknown = EXAMPLE.replace("[23505]", "[22023]").replace("generic = \"22000\"", "generic = \"22999\"");
        assert_eq!(codes_for(&unknown), [DiagCode::ClassPrefix]);
        let twice = EXAMPLE.replace("[23505]", "[22023]").replace("prefix = \"XX\"", "prefix = \"22\"");
        assert!(codes_for(&twice).contains(&DiagCode::ClassPrefix));
    }
}
