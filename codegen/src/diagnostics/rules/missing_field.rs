//! E0003: A required field is missing.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0003.
pub(crate) const RULE: Rule = Rule {
    name: "missing_field",
    summary: "A required field is missing.",
    explanation: "Some facts have no sensible default: a catalog's `name`, a category's `title` and `fault`, a code's `title`, `message` and `status` (which a category may default). A missing one is reported at the entry that needs it.",
    example: Some(EXAMPLE),
    lint: None,
};

/// The base catalog with this change: it reports E0003.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
"#;


/// E0003.
pub(crate) fn missing_field(file: FileId, span: Range<usize>, field: &str, what: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::MissingField,
        format!("missing required field `{field}` in {what}"),
    )
    .at(file, span, format!("`{field}` is required here"))
}

/// E0003 for `status`, which a category can default.
pub(crate) fn missing_status(file: FileId, span: Range<usize>, what: &str, category: &str) -> Diagnostic {
    missing_field(file, span, "status", what).help(format!(
        "set `status` here, or a default `status` in `[categories.{category}]`"
    ))
}


/// E0003 for a catalog.toml that declares no category at all.
pub(crate) fn missing_categories(file: FileId) -> Diagnostic {
    missing_field(file, 0..0, "[categories]", "catalog.toml").help(
        "declare one `[categories.<id>]` table per category file, e.g. `[categories.auth]` for auth.toml",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::MissingField));
    }

    #[test]
    fn an_empty_catalog_toml_is_reported_once_not_per_file() {
        let codes = codes_for("#== catalog.toml\n");
        assert_eq!(codes.iter().filter(|c| **c == DiagCode::MissingField).count(), 2);
        assert!(!codes.contains(&DiagCode::UnknownCategory), "{codes:?}");
    }
}
