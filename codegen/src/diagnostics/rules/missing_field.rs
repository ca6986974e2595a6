//! E0003: A required field is missing.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0003.
pub(crate) const RULE: Rule = Rule {
    summary: "A required field is missing.",
    explanation: "Some facts have no sensible default: a catalog's `name`, a category's `title` and `fault`, a code's `title`, `message` and `status` (which a category may default). A missing one is reported at the entry that needs it.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0003.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
"#;


/// E0003.
pub(crate) fn missing_field(file: FileId, span: Range<usize>, field: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingField,
        format!("missing required field `{field}` in {what}"),
    )
    .at(file, span, format!("`{field}` is required here"))
}

/// E0003 for `status`, which a category can default.
pub(crate) fn missing_status(
    file: FileId,
    span: Range<usize>,
    what: &str,
    category: Option<&str>,
) -> Diagnostic {
    let help = match category {
        Some(category) => {
            format!("set `status` here, or a default `status` in `[categories.{category}]`")
        }
        // A catalog without categories has nowhere to default it.
        None => "set `status` here".to_string(),
    };
    missing_field(file, span, "status", what).help(help)
}


/// E0003 once for a category none of whose codes has a `status`, and
/// which gives no default.
pub(crate) fn missing_status_everywhere(
    settings: FileId,
    category_key: Range<usize>,
    first_code: (FileId, Range<usize>),
    category: &str,
    codes: usize,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingField,
        format!("none of the {codes} codes of category `{category}` has a `status`"),
    )
    .at(settings, category_key, "no default `status` here")
    .also(first_code.0, first_code.1, "the first of them")
    .help(format!(
        "set a default `status` in `[categories.{category}]`; a code can still set its own"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::MissingField,
            expect_test::expect![[r#"
                error[E0003]: missing required field `message` in code `bad_input`
                  --> catalog/client.toml:1:2
                  |
                1 | [bad_input]
                  |  ^^^^^^^^^ `message` is required here

                error: the catalog has 1 error
                For more information about E0003, try `errcat explain E0003`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::MissingField));
    }

    #[test]
    fn a_status_missing_from_every_code_is_one_problem_at_the_category() {
        let catalog = "#== catalog.toml\n[catalog]\nname = \"f\"\n\
                       [categories.client]\ntitle = \"Client\"\nfault = \"client\"\n\
                       #== -server.toml\n#== client.toml\n";
        let all = format!("{catalog}[a]\ntitle = \"A\"\nmessage = \"A.\"\n[b]\ntitle = \"B\"\nmessage = \"B.\"\n[c]\ntitle = \"C\"\nmessage = \"C.\"\n");
        let report = crate::compile(&crate::rule_examples::example_sources(&all)).unwrap_err();
        let missing: Vec<_> = report.diagnostics().iter().filter(|d| d.code == DiagCode::MissingField).collect();
        assert_eq!(missing.len(), 1, "{}", report.render());
        assert!(missing[0].message.contains("none of the 3 codes"), "{}", missing[0].message);
        // One code has a status: the other two are reported one by one.
        let some = all.replacen("[a]\n", "[a]\nstatus = 400\n", 1);
        let codes = codes_for(&some);
        assert_eq!(codes.iter().filter(|c| **c == DiagCode::MissingField).count(), 2);
    }

    #[test]
    fn an_empty_catalog_toml_is_reported_once_not_per_file() {
        // Without categories, the files are files of codes: only `[catalog]`
        // is missing, and the codes' statuses, which no category defaults.
        let sources = crate::rule_examples::example_sources("#== catalog.toml\n");
        let report = crate::compile(&sources).unwrap_err();
        let missing: Vec<&str> = report
            .diagnostics()
            .iter()
            .filter(|d| d.code == DiagCode::MissingField)
            .map(|d| d.message.as_str())
            .collect();
        assert!(missing.iter().any(|m| m.contains("`[catalog]`")), "{missing:?}");
        assert!(missing.iter().all(|m| m.contains("`[catalog]`") || m.contains("`status`")), "{missing:?}");
        let codes = codes_for("#== catalog.toml\n");
        assert!(!codes.contains(&DiagCode::UnknownCategory), "{codes:?}");
    }
}
