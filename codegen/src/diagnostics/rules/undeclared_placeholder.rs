//! E0019: A message placeholder has no declared param.

use std::ops::Range;

use errcat_runtime::template;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::{Lowered, TemplateSource};
use crate::source::FileId;

/// E0019.
pub(crate) const RULE: Rule = Rule {
    summary: "A message placeholder has no declared param.",
    explanation: "Every `{placeholder}` in a message is filled from a declared param, which gives the typed constructor its arguments. A placeholder without a param could never be filled.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0019.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field} is bad: {reason}."
params = { field = "string" }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for TemplateSource { code, message, span, params } in cx.map.templates() {
        // A template that does not parse is reported by E0021.
        let Ok(pieces) = cx.template(message) else {
            continue;
        };
        for (name, offset, _) in template::param_uses(&pieces) {
            if !params.iter().any(|(p, _)| p == name) {
                let at = cx.sources.inner_span(code.file, span.clone(), message, offset);
                out.push(undeclared_placeholder(code.file, at, name));
            }
        }
    }
}


/// E0019.
pub(crate) fn undeclared_placeholder(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UndeclaredPlaceholder,
        format!("placeholder `{{{name}}}` has no declared param"),
    )
    .at(file, span, "used in this message")
    .help(format!(
        "declare it, e.g. `params = {{ {name} = \"string\" }}`"
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
            DiagCode::UndeclaredPlaceholder,
            expect_test::expect![[r#"
                error[E0019]: placeholder `{reason}` has no declared param
                  --> catalog/client.toml:4:34
                  |
                4 | message = "Field {field} is bad: {reason}."
                  |                                  ^^^^^^^^ used in this message
                  |
                  = help: declare it, e.g. `params = { reason = "string" }`

                error: the catalog has 1 error
                For more information about E0019, try `errcat explain E0019`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UndeclaredPlaceholder));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field} is bad."
params = { field = "string" }
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::UndeclaredPlaceholder));
    }
}
