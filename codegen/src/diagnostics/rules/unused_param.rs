//! E0020: A declared param is not used by the message.

use std::ops::Range;

use errcat_runtime::template;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::{Lowered, TemplateSource};
use crate::source::FileId;

/// E0020.
pub(crate) const RULE: Rule = Rule {
    summary: "A declared param is not used by the message.",
    explanation: "A declared param that the message never shows would be a constructor argument that does nothing. Use it, or remove it.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0020.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
params = { field = "string" }
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for TemplateSource { code, message, params, .. } in cx.map.templates() {
        // A template that does not parse is reported by E0021.
        let Ok(pieces) = cx.template(message) else {
            continue;
        };
        let uses = template::param_uses(&pieces);
        for (name, span) in params {
            let used = uses.iter().any(|(n, _, _)| n == name);
            if !used {
                out.push(unused_param(code.file, span.clone(), name));
            }
        }
    }
}


/// E0020.
pub(crate) fn unused_param(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::UnusedParam,
        format!("param `{name}` is not used by the message"),
    )
    .at(file, span, "declared here")
    .help(format!(
        "use `{{{name}}}` in the message, or remove the param"
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
            DiagCode::UnusedParam,
            expect_test::expect![[r#"
                error[E0020]: param `field` is not used by the message
                  --> catalog/client.toml:5:12
                  |
                5 | params = { field = "string" }
                  |            ^^^^^ declared here
                  |
                  = help: use `{field}` in the message, or remove the param

                error: the catalog has 1 error
                For more information about E0020, try `errcat explain E0020`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UnusedParam));
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
        assert!(!codes_for(near_miss).contains(&DiagCode::UnusedParam));
    }
}
