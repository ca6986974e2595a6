//! E0008: A code, category, policy or param name is not snake_case.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0008.
pub(crate) const RULE: Rule = Rule {
    summary: "A code, category, policy or param name is not snake_case.",
    explanation: "Names become identifiers in generated code and anchors in the docs, so code, category, retry policy and param names are lowercase ASCII words joined by single underscores. A code name may also be all digits, for numeric-only codes. When the table key is the code's identity as clients see it (`22P02`, `E0425`, `ERR_TLS_CERT`), keep it: set `identity_pattern` under `[catalog]` and give the code a snake_case `name` (or let errcat derive one).",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0008.
const EXAMPLE: &str = r#"#== client.toml
[BadInput]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[rate__limited]
numeric = 1001
title = "Rate limited"
message = "Too fast."

["404_not_found"]
numeric = 1002
title = "Not found"
message = "Not found."
"#;


/// E0008.
pub(crate) fn not_snake_case(
    file: FileId,
    span: Range<usize>,
    what: &str,
    name: &str,
    fixed: &str,
) -> Diagnostic {
    let d = Diagnostic::new(
        DiagCode::NotSnakeCase,
        format!("{what} `{name}` is not snake_case"),
    )
    .at(
        file,
        span,
        "names are lowercase ASCII words joined by single underscores",
    );
    if fixed.is_empty() || fixed == name {
        d
    } else {
        d.help(format!("rename it to `{fixed}`"))
    }
}


/// E0008 for a code key, which may be an identity rather than a name: the
/// help offers `identity_pattern` before a rename that would lose it.
pub(crate) fn code_key_not_snake_case(file: FileId, span: Range<usize>, key: &str) -> Diagnostic {
    let fixed = crate::ident::to_snake_case(key);
    let token = !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let d = not_snake_case(file, span, "code name", key, "");
    match (token, fixed.is_empty()) {
        (true, false) => d.help(format!(
            "if `{key}` is the code's identity as clients see it, keep it: set `identity_pattern = \"{}\"` under [catalog] (its snake_case name becomes `{fixed}`, or set `name`); otherwise rename it to `{fixed}`",
            pattern_for(key)
        )),
        (true, true) => d.help(format!(
            "if `{key}` is the code's identity as clients see it, set `identity_pattern = \"{}\"` under [catalog]",
            pattern_for(key)
        )),
        (false, false) => d.help(format!("rename it to `{fixed}`")),
        (false, true) => d,
    }
}

/// A pattern that `key` matches: the kinds of characters it uses, and its
/// length (`22P02` → `[0-9A-Z]{5}`).
fn pattern_for(key: &str) -> String {
    let mut class = String::new();
    for (test, range) in [
        (u8::is_ascii_digit as fn(&u8) -> bool, "0-9"),
        (u8::is_ascii_uppercase, "A-Z"),
        (u8::is_ascii_lowercase, "a-z"),
        (|b: &u8| *b == b'_', "_"),
    ] {
        if key.bytes().any(|b| test(&b)) {
            class.push_str(range);
        }
    }
    format!("[{class}]{{{}}}", key.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::NotSnakeCase,
            expect_test::expect![[r#"
                error[E0008]: code name `BadInput` is not snake_case
                  --> catalog/client.toml:1:2
                  |
                1 | [BadInput]
                  |  ^^^^^^^^ names are lowercase ASCII words joined by single underscores
                  |
                  = help: if `BadInput` is the code's identity as clients see it, keep it: set `identity_pattern = "[A-Za-z]{8}"` under [catalog] (its snake_case name becomes `bad_input`, or set `name`); otherwise rename it to `bad_input`

                error[E0008]: code name `rate__limited` is not snake_case
                  --> catalog/client.toml:6:2
                  |
                6 | [rate__limited]
                  |  ^^^^^^^^^^^^^ names are lowercase ASCII words joined by single underscores
                  |
                  = help: if `rate__limited` is the code's identity as clients see it, keep it: set `identity_pattern = "[a-z_]{13}"` under [catalog] (its snake_case name becomes `rate_limited`, or set `name`); otherwise rename it to `rate_limited`

                error[E0008]: code name `404_not_found` is not snake_case
                   --> catalog/client.toml:11:2
                   |
                11 | ["404_not_found"]
                   |  ^^^^^^^^^^^^^^^ names are lowercase ASCII words joined by single underscores
                   |
                   = help: if `404_not_found` is the code's identity as clients see it, keep it: set `identity_pattern = "[0-9a-z_]{13}"` under [catalog] (its snake_case name becomes `code_404_not_found`, or set `name`); otherwise rename it to `code_404_not_found`

                error: the catalog has 3 errors
                For more information about E0008, try `errcat explain E0008`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::NotSnakeCase));
    }

    #[test]
    fn an_identity_like_key_is_offered_identity_pattern() {
        let d = code_key_not_snake_case(FileId(0), 0..5, "22P02");
        let help = d.help.unwrap();
        assert!(help.contains("identity_pattern = \"[0-9A-Z]{5}\""), "{help}");
        assert!(help.contains("code_22_p02"), "{help}");
        let d = code_key_not_snake_case(FileId(0), 0..5, "rate-limited");
        assert_eq!(d.help.as_deref(), Some("rename it to `rate_limited`"));
    }

    #[test]
    fn a_name_without_letters_gets_no_rename() {
        let d = not_snake_case(FileId(0), 0..2, "code name", "-1", &crate::ident::to_snake_case("-1"));
        assert!(d.help.is_none(), "{:?}", d.help);
    }
}
