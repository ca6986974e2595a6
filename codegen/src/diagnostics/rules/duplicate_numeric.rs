//! E0006: Two codes share a numeric code.

use foldhash::HashMap;
use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0006.
pub(crate) const RULE: Rule = Rule {
    summary: "Two codes share a numeric code.",
    explanation: "A numeric code identifies a code as surely as its name does: clients that receive `{\"code\": 17000}` look it up. Two codes cannot share one.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0006.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[worse_input]
numeric = 1000
title = "Worse input"
message = "The input is worse."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<u32, usize> = HashMap::default();
    for (i, code) in cx.map.codes_in_file_order() {
        let Some(n) = code.identity_numeric else {
            continue;
        };
        match first.get(&n) {
            Some(&f) => {
                let f = &cx.map.codes[f];
                let first_span = f.numeric_span.clone().unwrap_or(f.key.clone());
                let span = code.numeric_span.clone().unwrap_or(code.key.clone());
                out.push(duplicate_numeric(code.file, span, (f.file, first_span), n, &f.name));
            }
            None => {
                first.insert(n, i);
            }
        }
    }
}


/// E0006.
pub(crate) fn duplicate_numeric(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    numeric: u32,
    other: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateNumeric,
        format!("numeric code {numeric} is used twice"),
    )
    .at(file, span, "used again here")
    .also(first.0, first.1, format!("already used by `{other}`"))
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::DuplicateNumeric,
            expect_test::expect![[r#"
                error[E0006]: numeric code 1000 is used twice
                  --> catalog/client.toml:7:11
                  |
                2 | numeric = 1000
                  |           ---- already used by `bad_input`
                  .
                7 | numeric = 1000
                  |           ^^^^ used again here

                error: the catalog has 1 error
                For more information about E0006, try `errcat explain E0006`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::DuplicateNumeric));
    }
}
