//! What every docs page shares: page names, links to a code's section,
//! heading slugs, the header, and what the catalog has to show (numerics,
//! retry, a changelog, a `type` member).

use crate::model::{Category, Code, Model, RetryStrategy};

/// The page that lists every code by numeric code.
pub const NUMERIC_PAGE: &str = "numeric.md";

/// The page of a category, e.g. `rate_limit.md`.
pub fn category_page_name(category: &Category) -> String {
    format!("{}.md", category.id)
}

/// A link to a code's section from any docs page.
pub fn code_link(model: &Model, code: &Code) -> String {
    format!(
        "[`{}`]({}#{})",
        code.wire_name,
        category_page_name(model.category_of(code)),
        code.anchor()
    )
}

pub(crate) fn header(command: &str) -> String {
    format!("<!-- {} -->\n\n", crate::write::generated_header(command))
}

// -- index ----------------------------------------------------------------------

/// Whether any code has a numeric code (else the numeric index and the
/// numeric columns are left out).
pub(crate) fn has_numerics(model: &Model) -> bool {
    model.codes.iter().any(|c| c.numeric.is_some())
}

/// Whether the docs speak of retrying: always for HTTP catalogs, else only
/// when some code may be retried (a compiler's codes never are).
pub(crate) fn shows_retry(model: &Model) -> bool {
    // Retrying the whole operation is advice too, in any catalog.
    model.meta.http
        || model
            .codes
            .iter()
            .any(|c| !matches!(model.retry_of(c).strategy, RetryStrategy::Never))
}

pub(crate) fn has_changelog(model: &Model) -> bool {
    !model.retired.is_empty() || model.codes.iter().any(|c| c.history.since.is_some())
}

/// Whether some code's envelope style carries the `type` member.
pub(crate) fn writes_type(model: &Model) -> bool {
    model.codes.iter().any(|c| {
        c.envelope
            .fields()
            .iter()
            .any(|f| f.member == errcat_runtime::Member::ErrorType)
    })
}

/// The anchor GitHub and mdBook derive from a heading.
pub fn heading_slug(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}
