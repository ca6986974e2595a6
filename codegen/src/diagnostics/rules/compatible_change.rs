//! W0052: a compatible change to a published code worth a look.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// W0052.
pub(crate) const RULE: Rule = Rule {
    summary: "A published code's HTTP status (within its class), category or exit code changed.",
    explanation: "These changes keep clients working: a 400 that becomes a 422 is still a client error, and a category move keeps the code's identity. But scripts that compare exact statuses or exit codes, and dashboards grouped by category, will notice. Mention it in the release notes; `allow = { W0052 = \"why\" }` on the code silences it.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A status moved within 4xx: W0052.
const EXAMPLE: &str = r#"#== +lock
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
status = 422
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    // A catalog that stops documenting exit codes changes every code's at
    // once: one warning where the catalog says so, not one per code.
    let dropped: Vec<&String> = h
        .kept()
        .filter(|(_, old, new)| old.exit_code.is_some() && new.exit_code.is_none())
        .map(|(name, _, _)| name)
        .collect();
    let all_dropped = dropped.len() > 1 && h.new.live().all(|(_, r)| r.exit_code.is_none());
    if all_dropped {
        out.push(
            Change::of(
                DiagCode::CompatibleChange,
                "",
                format!(
                    "the catalog no longer documents exit codes ({} released codes had one)",
                    dropped.len()
                ),
            )
            .key("cli")
            .help("scripts that branch on exit codes will notice: say so in the release notes, or keep them with `cli = true` under [catalog]"),
        );
    }
    for (name, old, new) in h.kept() {
        let same_class = old.status.zip(new.status).is_some_and(|(a, b)| a / 100 == b / 100);
        if old.status != new.status && same_class {
            out.push(change(name, "status", "HTTP status", old.status, new.status));
        }
        if old.category != new.category {
            out.push(change(name, "category", "category", old.category.clone(), new.category.clone()));
        }
        if old.exit_code != new.exit_code && !(all_dropped && new.exit_code.is_none()) {
            out.push(change(name, "exit_code", "exit code", old.exit_code, new.exit_code));
        }
    }
}

fn change<T: std::fmt::Display>(
    name: &str,
    key: &'static str,
    what: &str,
    old: Option<T>,
    new: Option<T>,
) -> Change {
    let show = |v: Option<T>| v.map_or_else(|| "none".to_string(), |v| v.to_string());
    Change::of(
        DiagCode::CompatibleChange,
        name,
        format!("the {what} of `{name}` changed"),
    )
    .key(key)
    .values(show(old), show(new))
    .help("clients keep working; say so in the release notes")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::CompatibleChange,
            expect_test::expect![[r#"
                warning[W0052]: the HTTP status of `bad_input` changed
                  --> catalog/client.toml:5:10
                  |
                5 | status = 422
                  |          ^^^ was `400`, now `422`
                  |
                  --> catalog/errcat.lock:5:5
                  |
                5 |     "bad_input": {"lifecycle":"active","identity":"bad_input","type_name":"BadInput","numeric":1000,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","title":"Bad input","message":"The input is bad."},
                  |     ----------- as published (errcat.lock)
                  |
                  = help: clients keep working; say so in the release notes

                warning: the catalog has 1 warning
                For more information about W0052, try `errcat explain W0052`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::CompatibleChange]);
    }

    #[test]
    fn a_catalog_that_stops_documenting_exit_codes_is_one_warning() {
        let base = crate::diagnostics::EXAMPLE_BASE;
        let with_cli = base.replace("name = \"fixture\"\n", "name = \"fixture\"\ncli = true\n");
        let catalog = with_cli.split("#== catalog.toml\n").nth(1).unwrap().split("#== ").next().unwrap();
        let patch = format!("#== catalog.toml\n{catalog}#== +lock\n#== catalog.toml\n{}", catalog.replace("cli = true\n", ""));
        let report = match crate::compile(&crate::rule_examples::example_sources(&patch)) {
            Ok(c) => c.warnings,
            Err(r) => r,
        };
        let found: Vec<_> = report.diagnostics().iter().map(|d| (d.code, d.message.clone())).collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].1.contains("no longer documents exit codes (2 released codes"), "{found:?}");
        assert!(report.render().contains("catalog/catalog.toml"), "{}", report.render());
    }

    #[test]
    fn allow_silences_it() {
        let allowed = EXAMPLE.replace("status = 422\n", "status = 422\nallow = { W0052 = \"422 is what the validator returns\" }\n");
        assert_eq!(codes_for(&allowed), []);
    }
}
