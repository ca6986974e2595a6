//! E0011: Two categories' numeric ranges overlap.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0011.
pub(crate) const RULE: Rule = Rule {
    summary: "Two categories' numeric ranges overlap.",
    explanation: "Ranges tell which category a number belongs to, so two categories cannot claim the same number.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0011.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
range = [1900, 2999]
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let sources: Vec<_> = cx.map.categories.iter().filter(|c| c.lowered.is_some()).collect();
    let mut ranged: Vec<(u32, u32, usize)> = cx
        .model
        .categories
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.range.map(|(a, b)| (a, b, i)))
        .collect();
    ranged.sort();
    let span_of = |i: usize| sources[i].range.clone().unwrap_or(sources[i].key.clone());
    for pair in ranged.windows(2) {
        let ((_, a_end, a), (b_start, _, b)) = (pair[0], pair[1]);
        if b_start <= a_end {
            out.push(range_overlap(
                cx.map.settings,
                span_of(b),
                span_of(a),
                &cx.model.categories[b].id,
                &cx.model.categories[a].id,
            ));
        }
    }
}


/// E0011.
pub(crate) fn range_overlap(
    file: FileId,
    span: Range<usize>,
    other_span: Range<usize>,
    a: &str,
    b: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RangeOverlap,
        format!("the numeric ranges of `{a}` and `{b}` overlap"),
    )
    .at(file, span, "this range")
    .also(file, other_span, "overlaps this one")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::RangeOverlap,
            expect_test::expect![[r#"
                error[E0011]: the numeric ranges of `server` and `client` overlap
                   --> catalog/catalog.toml:14:9
                   |
                 8 | range = [1000, 1999]
                   |         ------------ overlaps this one
                   .
                14 | range = [1900, 2999]
                   |         ^^^^^^^^^^^^ this range

                error: the catalog has 1 error
                For more information about E0011, try `errcat explain E0011`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::RangeOverlap));
    }
}
