//! E0046: a retired code's name, numeric or alias is used again.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::history::{Change, History, Record};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0046.
pub(crate) const RULE: Rule = Rule {
    summary: "A retired code's name, numeric or alias is used by a live code.",
    explanation: "Old clients, logs and dashboards still know a retired code by its name and number. A new code under either would be read as the old one, silently (protobuf's `reserved`, MySQL's `OBSOLETE_` slots, rustc never reusing an error code). Give the new code a name and numeric of its own; `errcat new` picks the next free numeric, skipping tombstones.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: Some(history),
};

/// A live code takes a tombstone's numeric: E0046.
const EXAMPLE: &str = r#"#== >>catalog.toml

[retired.legacy_input]
numeric = 1001
aliases = ["LEGACY"]
reason = "Merged into bad_input."
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[short_input]
numeric = 1001
title = "Short input"
message = "The input is too short."
"#;

/// What in `record` (retired as `name`) the live code `live` takes.
fn taken(name: &str, record: &Record, live_name: &str, live: &Record) -> Option<String> {
    if live_name == name {
        return Some(format!("the name `{name}`"));
    }
    if let (Some(a), Some(b)) = (record.numeric, live.numeric)
        && a == b
    {
        return Some(format!("the numeric {a}"));
    }
    let live_ids: Vec<&str> = live.identities(live_name).collect();
    record
        .identities(name)
        .find(|id| live_ids.contains(id))
        .map(|id| format!("the name `{id}`"))
}

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    if cx.map.retired.is_empty() {
        return;
    }
    let snapshot = crate::history::Snapshot::of(cx.model);
    for (i, code) in cx.map.codes.iter().enumerate() {
        let Some(live) = code.lowered.and_then(|_| snapshot.codes.get(&code.name)) else {
            continue;
        };
        for (name, span) in &cx.map.retired {
            let Some(retired) = cx.model.retired.iter().find(|r| &r.name == name) else {
                continue;
            };
            if let Some(what) = taken(name, &retired.record, &code.name, live) {
                let at = if what.starts_with("the numeric") {
                    code.numeric_span.clone().unwrap_or(code.key.clone())
                } else {
                    code.key.clone()
                };
                out.push(
                    retired_reused(code.file, at, &code.name, name, &what)
                        .also(cx.map.settings, span.clone(), "retired here")
                        .about(i),
                );
            }
        }
    }
}

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    // Tombstones still in the catalog are the lint's; these were dropped.
    for (name, record) in h.old.retired() {
        if h.new.codes.get(name).is_some_and(|r| !r.is_live()) {
            continue;
        }
        for (live_name, live) in h.new.live() {
            if let Some(what) = taken(name, record, live_name, live) {
                out.push(
                    Change::of(
                        DiagCode::RetiredReused,
                        live_name,
                        format!("`{live_name}` reuses {what} of retired code `{name}`"),
                    )
                    .help("give it a name and numeric of its own, and keep the tombstone"),
                );
            }
        }
    }
}

/// E0046.
pub(crate) fn retired_reused(
    file: FileId,
    span: Range<usize>,
    code: &str,
    retired: &str,
    what: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::RetiredReused,
        format!("`{code}` reuses {what} of retired code `{retired}`"),
    )
    .at(file, span, format!("{what} belongs to `{retired}`"))
    .help("old clients would read it as the retired code: give it a name and numeric of its own")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::RetiredReused,
            expect_test::expect![[r#"
                error[E0046]: `short_input` reuses the numeric 1001 of retired code `legacy_input`
                   --> catalog/client.toml:7:11
                   |
                 7 | numeric = 1001
                   |           ^^^^ the numeric 1001 belongs to `legacy_input`
                   |
                   --> catalog/catalog.toml:28:10
                   |
                28 | [retired.legacy_input]
                   |          ------------ retired here
                   |
                   = help: old clients would read it as the retired code: give it a name and numeric of its own

                error: the catalog has 1 error
                For more information about E0046, try `errcat explain E0046`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::RetiredReused]);
    }

    #[test]
    fn a_retired_alias_is_reserved_too() {
        let reuse = EXAMPLE.replace("numeric = 1001\ntitle", "numeric = 1002\naliases = [\"LEGACY\"]\ntitle");
        assert_eq!(codes_for(&reuse), [DiagCode::RetiredReused]);
        let fresh = EXAMPLE.replace("numeric = 1001\ntitle", "numeric = 1002\ntitle");
        assert_eq!(codes_for(&fresh), []);
    }
}
