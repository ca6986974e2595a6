//! E0013: An HTTP status class disagrees with the category's fault.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::model::{Fault, Kind};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0013.
pub(crate) const RULE: Rule = Rule {
    summary: "An HTTP status class disagrees with the category's fault.",
    explanation: "A client fault is answered with a 4xx status and a server fault with a 5xx, so that HTTP clients, proxies and retry logic that only see the status still do the right thing. Codes that are not errors (`kind = \"success\"` or `\"pending\"`) use 1xx-3xx.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0013.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
status = 503
title = "Bad input"
message = "The input is bad."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // Statuses only mean something in an HTTP catalog.
    if !cx.model.meta.http {
        return;
    }
    for category in &cx.map.categories {
        if let (Some(fault), Some((status, span))) = (category.fault, &category.status) {
            check(out, cx.map.settings, span.clone(), *status, fault, category.kind, &category.id);
        }
    }
    // A category checked its own defaults; check again only what a code
    // changes.
    for code in &cx.map.codes {
        if let (Some((status, status_at)), Some((fault, fault_at)), Some((kind, kind_at))) =
            (&code.status, &code.fault, &code.kind)
            && (status_at.is_some() || fault_at.is_some() || kind_at.is_some())
        {
            let span = status_at.clone().unwrap_or(code.key.clone());
            let category = &cx.model.categories[code.category].id;
            check(out, code.file, span, *status, *fault, *kind, category);
        }
    }
}

fn check(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    span: Range<usize>,
    status: u16,
    fault: Fault,
    kind: Kind,
    category: &str,
) {
    // Successes, pending states and warnings are never 4xx/5xx, whatever
    // the fault.
    let fault = if kind.is_error() { fault } else { Fault::None };
    let (fits, expected) = match fault {
        Fault::Client => ((400..500).contains(&status), "a 4xx status"),
        Fault::Server => ((500..600).contains(&status), "a 5xx status"),
        _ => (status < 400, "a 1xx, 2xx or 3xx status"),
    };
    if !fits {
        out.push(status_fault_mismatch(file, span, status, fault.as_str(), expected, category));
    }
}


/// E0013.
pub(crate) fn status_fault_mismatch(
    file: FileId,
    span: Range<usize>,
    status: u16,
    fault: &str,
    expected: &str,
    category: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::StatusFaultMismatch,
        format!("HTTP status {status} does not fit a {fault}-fault category"),
    )
    .at(
        file,
        span,
        format!("category `{category}` has fault `{fault}`, which expects {expected}"),
    )
    .help("change the status, or move the code to a category with the matching fault")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::StatusFaultMismatch,
            expect_test::expect![[r#"
                error[E0013]: HTTP status 503 does not fit a client-fault category
                  --> catalog/client.toml:3:10
                  |
                3 | status = 503
                  |          ^^^ category `client` has fault `client`, which expects a 4xx status
                  |
                  = help: change the status, or move the code to a category with the matching fault

                error: the catalog has 1 error
                For more information about E0013, try `errcat explain E0013`.
            "#]],
        );
    }

    #[test]
    fn a_warning_is_never_4xx_or_5xx() {
        let warning = |status: u16| {
            format!(
                "#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"The input is bad.\"\n\
                 [truncated]\nnumeric = 1001\nkind = \"warning\"\nstatus = {status}\ntitle = \"Truncated\"\nmessage = \"Data was truncated.\"\n"
            )
        };
        assert!(!codes_for(&warning(200)).contains(&DiagCode::StatusFaultMismatch));
        assert!(codes_for(&warning(400)).contains(&DiagCode::StatusFaultMismatch));
        let sources = crate::rule_examples::example_sources(&warning(200));
        let model = crate::compile(&sources).expect("valid").model;
        let code = model.codes.iter().find(|c| c.name == "truncated").expect("lowered");
        assert_eq!((code.kind, code.exit_code), (Kind::Warning, 0), "a warning exits 0");
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::StatusFaultMismatch));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
status = 422
title = "Bad input"
message = "The input is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::StatusFaultMismatch));
    }
}
