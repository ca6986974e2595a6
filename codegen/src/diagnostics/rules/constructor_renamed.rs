//! N0040: A code's typed constructor gets another name than the code.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::rust_names::renamed_constructors;
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// N0040.
pub(crate) const RULE: Rule = Rule {
    summary: "A code's typed constructor gets another name than the code.",
    explanation: "Each code gets a typed constructor on the generated `Error` named after it, such as `Error::rate_limited(..)`. `Error` already has methods of its own (`new`, `code`, `message`, `status`, `with_param`, ...; docs/catalog-format.md lists them all), so a code with one of those names gets `<name>_error` instead, e.g. `Error::new_error()`. This note says so, since the name is not the one you would guess. Nothing is wrong; rename the code to silence it.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports N0040.
const EXAMPLE: &str = r#"#== client.toml
[message]
numeric = 1000
title = "Bad message"
message = "The message is bad."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    for (index, plain, name) in renamed_constructors(cx.model) {
        if let Some(source) = cx.map.codes.iter().find(|c| c.lowered == Some(index)) {
            out.push(constructor_renamed(source.file, source.key.clone(), &plain, &name));
        }
    }
}

/// N0040.
pub(crate) fn constructor_renamed(
    file: FileId,
    span: Range<usize>,
    plain: &str,
    name: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ConstructorRenamed,
        format!("the constructor of `{plain}` is `Error::{name}`"),
    )
    .at(file, span, format!("`Error::{plain}` is a method of every generated `Error`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ConstructorRenamed,
            expect_test::expect![[r#"
                note[N0040]: the constructor of `message` is `Error::message_error`
                  --> catalog/client.toml:1:2
                  |
                1 | [message]
                  |  ^^^^^^^ `Error::message` is a method of every generated `Error`

                the catalog is valid (1 note)
                For more information about N0040, try `errcat explain N0040`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ConstructorRenamed));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = EXAMPLE.replace("[message]", "[bad_message]");
        assert!(!codes_for(&near_miss).contains(&DiagCode::ConstructorRenamed));
    }
}
