//! E0057: an HTTP setting in a catalog that says it has no HTTP.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::source::FileId;

/// E0057.
pub(crate) const RULE: Rule = Rule {
    summary: "A catalog with `http = false` sets an HTTP status, an envelope or an HTTP output.",
    explanation: "`http = false` under `[catalog]` says the catalog is not an HTTP API: a compiler's codes, a database's states, a CLI's errors. Its codes have no status, its errors no response envelope, and the outputs that describe HTTP responses (`openapi`, `conformance`, `typescript`, `python`) have nothing to describe. A status or an envelope there would be documented nowhere and used by nothing, so errcat says so instead of ignoring it. Remove the setting, or drop `http = false` if the catalog does describe an HTTP API.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// A compiler-style catalog with a stray status: E0057.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"
http = false

[categories.client]
title = "Client"
fault = "client"

[categories.server]
title = "Server"
fault = "server"
#== client.toml
[bad_input]
title = "Bad input"
message = "The input is bad."
status = 400
#== server.toml
[crashed]
title = "Crashed"
message = "The server crashed."
"#;

/// E0057.
pub(crate) fn http_in_non_http_catalog(file: FileId, span: Range<usize>, what: &str) -> Diagnostic {
    Diagnostic::new(
        DiagCode::HttpInNonHttpCatalog,
        format!("{what} in a catalog with `http = false`"),
    )
    .at(file, span, "the catalog has no HTTP")
    .help(format!("remove {what}, or drop `http = false` under [catalog]"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::HttpInNonHttpCatalog,
            expect_test::expect![[r#"
                error[E0057]: `status` in a catalog with `http = false`
                  --> catalog/client.toml:4:10
                  |
                4 | status = 400
                  |          ^^^ the catalog has no HTTP
                  |
                  = help: remove `status`, or drop `http = false` under [catalog]

                error: the catalog has 1 error
                For more information about E0057, try `errcat explain E0057`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::HttpInNonHttpCatalog]);
    }

    #[test]
    fn without_statuses_it_is_valid_and_outputs_are_checked() {
        assert_eq!(codes_for(&EXAMPLE.replace("status = 400\n", "")), []);
        let openapi = EXAMPLE
            .replace("status = 400\n", "")
            .replace("http = false\n", "http = false\n\n[outputs]\nopenapi = true\n");
        assert_eq!(codes_for(&openapi), [DiagCode::HttpInNonHttpCatalog]);
        let envelope = EXAMPLE
            .replace("status = 400\n", "")
            .replace("http = false\n", "http = false\n\n[envelope]\nstyle = \"problem\"\n");
        assert_eq!(codes_for(&envelope), [DiagCode::HttpInNonHttpCatalog]);
    }
}
