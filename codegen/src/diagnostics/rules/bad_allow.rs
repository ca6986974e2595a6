//! E0042: An `allow` entry or a `[lints]` level names no warning, or an
//! `allow` gives no reason.

use crate::diagnostics::{DiagCode, Diagnostic, Rule, Severity};
use crate::source::FileId;
use std::ops::Range;

/// E0042.
pub(crate) const RULE: Rule = Rule {
    summary: "An `allow` entry or a `[lints]` level names no warning, or an `allow` gives no reason.",
    explanation: "`allow = { W0026 = \"why\" }` on a code or category silences a warning the catalog triggers on purpose, for those codes only. Each key must be a warning (or note) code, since errors cannot be allowed; each value is the reason, which reviewers read and the docs never show, so it must say something. `[lints]` in catalog.toml sets a level for the whole catalog (`compatible_change = \"deny\"`, `warnings = \"allow\"`): its keys are the rule names or codes of warnings and notes, or `warnings` for all of them; errors have no level.",
    example: Some(EXAMPLE),
    lint: None,
    history: None,
};

/// The base catalog with this change: it reports E0042.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
allow = { E0013 = "we know", W0026 = " " }
"#;

/// E0042: the key is not a diagnostic code at all.
pub(crate) fn allow_unknown(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    let warnings: Vec<&str> = DiagCode::ALL
        .iter()
        .filter(|c| c.severity() != Severity::Error)
        .map(|c| c.as_str())
        .collect();
    Diagnostic::new(DiagCode::BadAllow, format!("`{name}` is not a diagnostic code"))
        .at(file, span, "expected a warning code such as `W0026`")
        .suggest(name, &warnings, Some(format!("warnings: {}", warnings.join(", "))))
}

/// E0042: the key is an error, which cannot be allowed.
pub(crate) fn allow_error(file: FileId, span: Range<usize>, code: DiagCode) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadAllow,
        format!("`{}` is an error and cannot be allowed", code.as_str()),
    )
    .at(file, span, code.summary())
    .help("fix what it reports; only warnings and notes can be allowed")
}

/// E0042: a `[lints]` key names no rule or group.
pub(crate) fn lint_unknown(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    let names = crate::diag_code::Target::names();
    Diagnostic::new(
        DiagCode::BadAllow,
        format!("`{name}` is not a rule or group with a level"),
    )
    .at(file, span, "expected a warning's name, such as `compatible_change`, or `warnings`")
    .suggest(name, &names, Some(format!("levels can be set for: {}", names.join(", "))))
}

/// E0042: a `[lints]` key names an error, which has no level.
pub(crate) fn lint_error(file: FileId, span: Range<usize>, code: DiagCode) -> Diagnostic {
    Diagnostic::new(
        DiagCode::BadAllow,
        format!(
            "`{}` ({}) is an error and has no level",
            code.name(),
            code.as_str()
        ),
    )
    .at(file, span, code.summary())
    .help("fix what it reports; only warnings and notes can be allowed, warned or denied")
}

/// E0042: the reason is blank.
pub(crate) fn allow_without_reason(file: FileId, span: Range<usize>, name: &str) -> Diagnostic {
    Diagnostic::new(DiagCode::BadAllow, format!("allowing `{name}` needs a reason"))
        .at(file, span, "say why the catalog is right here")
        .help(format!("`{name} = \"the gateway sets Retry-After for these\"`"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::BadAllow,
            expect_test::expect![[r#"
                error[E0042]: `E0013` is an error and cannot be allowed
                  --> catalog/client.toml:5:11
                  |
                5 | allow = { E0013 = "we know", W0026 = " " }
                  |           ^^^^^ An HTTP status class disagrees with the category's fault.
                  |
                  = help: fix what it reports; only warnings and notes can be allowed

                error[E0042]: allowing `W0026` needs a reason
                  --> catalog/client.toml:5:38
                  |
                5 | allow = { E0013 = "we know", W0026 = " " }
                  |                                      ^^^ say why the catalog is right here
                  |
                  = help: `W0026 = "the gateway sets Retry-After for these"`

                error: the catalog has 2 errors
                For more information about E0042, try `errcat explain E0042`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::BadAllow));
    }

    #[test]
    fn a_category_allow_silences_its_codes_and_no_other() {
        let patch = |allow_in: &str| {
            format!(
                "#== catalog.toml\n[catalog]\nname = \"f\"\n[retry.standard]\nstrategy = \"backoff\"\ninitial_ms = 100\nmax_delay_ms = 1000\n\
                 [categories.client]\ntitle = \"Client\"\nfault = \"client\"\nstatus = 429\nretry = \"standard\"\n{allow_in}\
                 [categories.other]\ntitle = \"Other\"\nfault = \"client\"\nstatus = 429\nretry = \"standard\"\n\
                 #== -server.toml\n#== client.toml\n[a]\ntitle = \"A\"\nmessage = \"A.\"\n#== other.toml\n[b]\ntitle = \"B\"\nmessage = \"B.\"\n"
            )
        };
        let count = |text: &str| codes_for(text).iter().filter(|c| **c == DiagCode::RateLimitWithoutHeader).count();
        assert_eq!(count(&patch("")), 2);
        assert_eq!(count(&patch("allow = { W0026 = \"our gateway sets it\" }\n")), 1);
    }

    #[test]
    fn a_warning_with_a_reason_is_fine() {
        let fine = EXAMPLE.replace(r#"{ E0013 = "we know", W0026 = " " }"#, r#"{ W0026 = "on purpose" }"#);
        assert!(!codes_for(&fine).contains(&DiagCode::BadAllow));
    }
}
