//! E0008: A code, category, policy or param name is not snake_case.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0008.
pub(crate) const RULE: Rule = Rule {
    name: "not_snake_case",
    summary: "A code, category, policy or param name is not snake_case.",
    explanation: "Names become identifiers in generated code and anchors in the docs, so code, category, retry policy and param names are lowercase ASCII words joined by single underscores. A code name may also be all digits, for numeric-only codes.",
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


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::NotSnakeCase));
    }

    #[test]
    fn a_name_without_letters_gets_no_rename() {
        let d = not_snake_case(FileId(0), 0..2, "code name", "-1", &crate::ident::to_snake_case("-1"));
        assert!(d.help.is_none(), "{:?}", d.help);
    }
}
