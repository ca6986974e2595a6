//! E0021: A message template has unbalanced or malformed braces.

use std::ops::Range;


use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::{Lowered, TemplateSource};
use crate::source::FileId;

/// E0021.
pub(crate) const RULE: Rule = Rule {
    summary: "A message template has unbalanced or malformed braces.",
    explanation: "Placeholders are written `{name}`, and literal braces `{{` and `}}`. Plural and select choices follow ICU MessageFormat: `{count, plural, =0 {no files} one {# file} other {# files}}` (arms by CLDR plural category or `=N`, `#` the number, `##` a literal `#`) and `{role, select, admin {…} other {…}}`, each with an `other` arm; inside an arm, `}` always ends the arm. An unclosed or stray brace is almost always a typo that would show up in every message sent. Translated messages are held to the same syntax.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0021.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field is bad."
params = { field = "string" }

[worse_input]
numeric = 1001
title = "Worse input"
message = "Stray } brace."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for TemplateSource { code, message, span, .. } in cx.map.templates() {
        if let Err(e) = cx.template(message) {
            let at = cx.sources.inner_span(code.file, span.clone(), message, e.offset);
            out.push(bad_template(code.file, at, &e.problem.to_string()));
        }
    }
    // Translated messages are templates too.
    for translation in &cx.map.translations {
        let Some(message) = translation.text(crate::model::Text::Message) else {
            continue;
        };
        if let Err(e) = cx.template(&message.text) {
            let at = cx.sources.inner_span(
                translation.file,
                message.span.clone(),
                &message.text,
                e.offset,
            );
            out.push(bad_template(translation.file, at, &e.problem.to_string()));
        }
    }
}


/// E0021.
pub(crate) fn bad_template(file: FileId, span: Range<usize>, problem: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadTemplate,
        format!("malformed message template: {problem}"),
    )
    .at(file, span, "in this message")
    .help("placeholders look like `{name}`, choices like `{n, plural, one {# file} other {# files}}`; write `{{` and `}}` for literal braces")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BadTemplate,
            expect_test::expect![[r#"
                error[E0021]: malformed message template: `{` is never closed
                  --> catalog/client.toml:4:18
                  |
                4 | message = "Field {field is bad."
                  |                  ^ in this message
                  |
                  = help: placeholders look like `{name}`, choices like `{n, plural, one {# file} other {# files}}`; write `{{` and `}}` for literal braces

                error[E0021]: malformed message template: unmatched `}`
                   --> catalog/client.toml:10:18
                   |
                10 | message = "Stray } brace."
                   |                  ^ in this message
                   |
                   = help: placeholders look like `{name}`, choices like `{n, plural, one {# file} other {# files}}`; write `{{` and `}}` for literal braces

                error: the catalog has 2 errors
                For more information about E0021, try `errcat explain E0021`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::BadTemplate));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Use {{braces}} like this."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::BadTemplate));
    }
}
