//! E0032: A value is not one of those allowed.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0032.
pub(crate) const RULE: Rule = Rule {
    summary: "A value is not one of those allowed.",
    explanation: "Fields with a closed set of values (`fault`, `kind`, `strategy`, `jitter`, envelope settings, ...) accept only those values; the help suggests the closest one. Shape rules (two numbers in a `range`, a numeric-only name) are reported under this code too.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0032.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
kind = "eror"
"#;

/// The one closed set that lowering does not check: the names of
/// `[outputs]`, which are the emitters' (`emit::OUTPUTS`, handed down).
fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let names: Vec<&str> = cx.outputs.iter().map(|o| o.name).collect();
    for (name, span) in &cx.map.outputs {
        if !names.contains(&name.as_str()) {
            out.push(invalid_value(cx.map.settings, span.clone(), "outputs", name, &names));
        }
    }
}

/// E0032.
pub(crate) fn invalid_value(
    file: FileId,
    span: Range<usize>,
    field: &str,
    value: &str,
    allowed: &[&str],
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::InvalidValue,
        format!("invalid value `{value}` for `{field}`"),
    )
    .at(
        file,
        span,
        format!("expected one of: {}", allowed.join(", ")),
    );
    d.suggest(value, allowed, None)
}

/// E0032, for values checked by shape rather than by a list.
pub(crate) fn invalid_value_because(
    file: FileId,
    span: Range<usize>,
    field: &str,
    problem: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::InvalidValue,
        format!("invalid value for `{field}`"),
    )
    .at(file, span, problem.to_string())
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn a_catalog_table_in_a_file_of_codes_is_one_problem_there() {
        let codes = codes_for("#== >>client.toml\n\n[retired.old_code]\nreason = \"Gone.\"\n");
        assert_eq!(codes, [DiagCode::InvalidValue], "{codes:?}");
        // A code that happens to be named like a table is still a code.
        let codes = codes_for("#== >>client.toml\n\n[retry]\nnumeric = 1001\ntitle = \"Retry\"\nmessage = \"Retry.\"\n");
        assert!(!codes.contains(&DiagCode::InvalidValue), "{codes:?}");
    }

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::InvalidValue,
            expect_test::expect![[r#"
                error[E0032]: invalid value `eror` for `kind`
                  --> catalog/client.toml:5:8
                  |
                5 | kind = "eror"
                  |        ^^^^^^ expected one of: error, success, pending, warning
                  |
                  = help: did you mean `error`?

                error: the catalog has 1 error
                For more information about E0032, try `errcat explain E0032`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::InvalidValue));
    }

    #[test]
    fn a_catalog_without_exit_codes_rejects_one_and_documents_none() {
        let base = crate::diagnostics::EXAMPLE_BASE
            .split("#== client.toml")
            .next()
            .unwrap()
            .replace("#== catalog.toml\n[catalog]\nname = \"fixture\"\n", "#== catalog.toml\n[catalog]\nname = \"fixture\"\ncli = false\n");
        assert_eq!(codes_for(&base), []);
        let with_exit = format!("{base}#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\nexit_code = 2\n");
        assert_eq!(codes_for(&with_exit), [DiagCode::InvalidValue]);
        let sources = crate::rule_examples::example_sources(&base);
        let compiled = crate::compile(&sources).unwrap();
        assert!(!compiled.model.meta.cli);
        let files = crate::generated_files(&compiled.model, "x");
        for (path, text) in &files {
            if path.starts_with("docs") {
                assert!(!text.contains("exit code"), "{}", path.display());
            }
        }
        let rust = crate::emit::rust::emit(&crate::emit::Context::new(&compiled.model, "x"), &Default::default());
        assert!(!rust.contains("fn exit_code"));
    }

    #[test]
    fn an_identity_pattern_the_clients_would_read_differently_is_refused() {
        let with = |pattern: &str| {
            crate::diagnostics::EXAMPLE_BASE.replace(
                "#== catalog.toml\n[catalog]\nname = \"fixture\"\n",
                &format!("#== catalog.toml\n[catalog]\nname = \"fixture\"\nidentity_pattern = '{pattern}'\n"),
            )
        };
        for pattern in ["(?i)[a-z_]+", "[a-z.]+|.+"] {
            let Err(report) = crate::compile(&crate::rule_examples::example_sources(&with(pattern))) else {
                panic!("{pattern} was accepted");
            };
            let found = report.diagnostics().iter().find(|d| d.code == DiagCode::InvalidValue);
            let why = found.map(|d| d.labels[0].message.as_str()).unwrap_or_default();
            assert!(why.contains("TypeScript and Python"), "{pattern}: {why}");
        }
    }
}
