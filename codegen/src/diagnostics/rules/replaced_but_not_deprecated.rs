//! E0034: `replaced_by` is set on a code that is not deprecated.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0034.
pub(crate) const RULE: Rule = Rule {
    summary: "`replaced_by` is set on a code that is not deprecated.",
    explanation: "`replaced_by` tells clients what to migrate to, which only makes sense for a code that is going away: add a `deprecated` note that says why.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0034.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
replaced_by = "worse_input"

[worse_input]
numeric = 1001
title = "Worse input"
message = "The input is worse."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for code in &cx.map.codes {
        if let (Some((_, span)), false) = (&code.replaced_by, code.deprecated) {
            out.push(replaced_but_not_deprecated(code.file, span.clone(), &code.name));
        }
    }
}


/// E0034.
pub(crate) fn replaced_but_not_deprecated(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacedButNotDeprecated,
        format!("`{name}` has `replaced_by` but is not deprecated"),
    )
    .at(
        file,
        span,
        "a replacement only makes sense for a deprecated code",
    )
    .help("add `deprecated = \"why it is going away\"`")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ReplacedButNotDeprecated,
            expect_test::expect![[r#"
                error[E0034]: `bad_input` has `replaced_by` but is not deprecated
                  --> catalog/client.toml:5:15
                  |
                5 | replaced_by = "worse_input"
                  |               ^^^^^^^^^^^^^ a replacement only makes sense for a deprecated code
                  |
                  = help: add `deprecated = "why it is going away"`

                error: the catalog has 1 error
                For more information about E0034, try `errcat explain E0034`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ReplacedButNotDeprecated));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Use bad_body."
replaced_by = "bad_body"

[bad_body]
numeric = 1001
title = "Bad body"
message = "The body is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::ReplacedButNotDeprecated));
    }
}
