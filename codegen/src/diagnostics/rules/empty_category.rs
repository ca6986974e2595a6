//! E0028: A category has no codes.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0028.
pub(crate) const RULE: Rule = Rule {
    summary: "A category has no codes.",
    explanation: "A declared category without codes would be an empty docs page; add its file and codes, or remove the category.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0028.
const EXAMPLE: &str = r#"#== -server.toml
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.codes.is_empty() {
        return;
    }
    for source in &cx.map.categories {
        let Some(i) = source.lowered else {
            continue;
        };
        let category = &cx.model.categories[i];
        let stem = category.id.as_str();
        // A file whose codes all failed validation was already reported,
        // and a file that did not parse may hold its codes.
        if category.codes.is_empty()
            && !cx.map.category_files.iter().any(|f| f == stem)
            && !cx.map.unparsed_stems.iter().any(|f| f == stem)
        {
            out.push(empty_category(cx.map.settings, source.key.clone(), stem));
        }
    }
}


/// E0028.
pub(crate) fn empty_category(file: FileId, span: Range<usize>, category: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::EmptyCategory,
        format!("category `{category}` has no codes"),
    )
    .at(file, span, "declared here")
    .help(format!(
        "add codes to `{category}.toml`, or remove the category"
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
            DiagCode::EmptyCategory,
            expect_test::expect![[r#"
                error[E0028]: category `server` has no codes
                   --> catalog/catalog.toml:21:13
                   |
                21 | [categories.server]
                   |             ^^^^^^ declared here
                   |
                   = help: add codes to `server.toml`, or remove the category

                error: the catalog has 1 error
                For more information about E0028, try `errcat explain E0028`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::EmptyCategory));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::EmptyCategory));
    }
}
