//! E0037: A text field is empty or only white space.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0037.
pub(crate) const RULE: Rule = Rule {
    summary: "A text field is empty or only white space.",
    explanation: "Names, aliases, titles, messages and notes are shown to people and matched by programs. A blank alias would make `Code::lookup(\"\")` and a body with `\"code\": \" \"` resolve to a real code, and a blank title or message leaves the docs and error responses with nothing to say. Write the text, or leave the key out.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0037.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "  "
aliases = [""]
"#;

/// Checks one string value of `key` (an element, for arrays).
/// E0037. Loading checks every string with `problem::blank_text_in`
/// (`raw::values::TEXT_KEYS`).
pub(crate) fn blank_text(file: FileId, span: Range<usize>, key: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::BlankText, format!("`{key}` is blank"))
        .at(file, span, "nothing but white space")
        .help(match key {
            "aliases" => "remove the empty alias".to_string(),
            // Keys every entry must have: removing them is another error.
            "title" | "message" | "reason" => format!("write the {key}: it is required"),
            _ => format!("write the {key}, or remove the key"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BlankText,
            expect_test::expect![[r#"
                error[E0037]: `message` is blank
                  --> catalog/client.toml:4:11
                  |
                4 | message = "  "
                  |           ^^^^ nothing but white space
                  |
                  = help: write the message: it is required

                error[E0037]: `aliases` is blank
                  --> catalog/client.toml:5:12
                  |
                5 | aliases = [""]
                  |            ^^ nothing but white space
                  |
                  = help: remove the empty alias

                error: the catalog has 2 errors
                For more information about E0037, try `errcat explain E0037`.
            "#]],
        );
    }

    #[test]
    fn a_required_key_is_not_told_to_go() {
        let d = blank_text(FileId(0), 0..1, "message");
        assert_eq!(d.help.as_deref(), Some("write the message: it is required"));
        let d = blank_text(FileId(0), 0..1, "solution");
        assert_eq!(d.help.as_deref(), Some("write the solution, or remove the key"));
    }

    #[test]
    fn the_example_reports_it() {
        let codes = codes_for(EXAMPLE);
        assert_eq!(codes.iter().filter(|c| **c == DiagCode::BlankText).count(), 2);
    }

    #[test]
    fn a_near_miss_does_not() {
        assert!(crate::problem::blank_text_in(FileId(0), "message", " x ", 0..3).is_none());
        assert!(crate::problem::blank_text_in(FileId(0), "docs_base_url", "", 0..2).is_none());
    }
}
