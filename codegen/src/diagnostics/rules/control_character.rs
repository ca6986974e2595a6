//! E0038: Text holds a control or bidirectional formatting character.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0038.
pub(crate) const RULE: Rule = Rule {
    summary: "Text holds a control or bidirectional formatting character.",
    explanation: "Catalog text reaches terminals (`errcat explain`), Markdown pages, rustdoc and error responses. Control characters such as NUL or ESC can rewrite a terminal or a log line, and bidirectional overrides (U+202A-U+202E, U+2066-U+2069) make text display in another order than it reads (\"Trojan Source\"). Tabs and line breaks are fine. Remove the character; for right-to-left text, the marks U+200E and U+200F are allowed.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0038.
const EXAMPLE: &str = "#== client.toml
[bad_input]
numeric = 1000
title = \"Bad \\u001b[31minput\"
message = \"The input is \\u202ebad.\"
";

/// E0038. Loading checks every string with `problem::control_character_in`
/// (`raw::values::is_forbidden_char`).
pub(crate) fn control_character(
    file: FileId,
    span: Range<usize>,
    key: &str,
    c: char,
    at: usize,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ControlCharacter,
        format!("`{key}` holds the character U+{:04X}", c as u32),
    )
    .at(
        file,
        span,
        format!("character {} of this text", at + 1),
    )
    .help("remove it: control and bidirectional formatting characters are not allowed in catalog text")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ControlCharacter,
            expect_test::expect![[r#"
                error[E0038]: `title` holds the character U+001B
                  --> catalog/client.toml:3:9
                  |
                3 | title = "Bad \u001b[31minput"
                  |         ^^^^^^^^^^^^^^^^^^^^^ character 5 of this text
                  |
                  = help: remove it: control and bidirectional formatting characters are not allowed in catalog text

                error[E0038]: `message` holds the character U+202E
                  --> catalog/client.toml:4:11
                  |
                4 | message = "The input is \u202ebad."
                  |           ^^^^^^^^^^^^^^^^^^^^^^^^^ character 14 of this text
                  |
                  = help: remove it: control and bidirectional formatting characters are not allowed in catalog text

                error: the catalog has 2 errors
                For more information about E0038, try `errcat explain E0038`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        let codes = codes_for(EXAMPLE);
        assert_eq!(codes.iter().filter(|c| **c == DiagCode::ControlCharacter).count(), 2);
    }

    #[test]
    fn a_near_miss_does_not() {
        assert!(crate::problem::control_character_in(FileId(0), "description", "tab\tand\nlines\r\n, \u{200f}rtl mark", 0..1).is_none());
    }
}
