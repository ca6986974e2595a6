//! E0010: A numeric code lies outside its category's range.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0010.
pub(crate) const RULE: Rule = Rule {
    summary: "A numeric code lies outside its category's range.",
    explanation: "A category may reserve a numeric range, as many APIs group codes by their first digits. A code outside its category's range breaks that promise to readers and to tools that classify by range.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0010.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 2500
title = "Bad input"
message = "The input is bad."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for code in &cx.map.codes {
        let category = &cx.model.categories[code.category];
        if let (Some((value, span)), Some(range)) = (&code.numeric, category.range)
            && !(range.0..=range.1).contains(value)
        {
            out.push(numeric_out_of_range(code.file, span.clone(), *value, &category.id, range));
        }
    }
}


/// E0010.
pub(crate) fn numeric_out_of_range(
    file: FileId,
    span: Range<usize>,
    numeric: u32,
    category: &str,
    range: (u32, u32),
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::NumericOutOfRange,
        format!("numeric code {numeric} is outside the range of category `{category}`"),
    )
    .at(file, span, format!("expected {}..={}", range.0, range.1))
    .help("pick a number in the category's range, or widen the range in catalog.toml")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::NumericOutOfRange,
            expect_test::expect![[r#"
                error[E0010]: numeric code 2500 is outside the range of category `client`
                  --> catalog/client.toml:2:11
                  |
                2 | numeric = 2500
                  |           ^^^^ expected 1000..=1999
                  |
                  = help: pick a number in the category's range, or widen the range in catalog.toml

                error: the catalog has 1 error
                For more information about E0010, try `errcat explain E0010`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::NumericOutOfRange));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1999
title = "Bad input"
message = "The input is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::NumericOutOfRange));
    }
}
