//! E0007: An alias is used twice, or equals a code name.

use foldhash::HashMap;
use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0007.
pub(crate) const RULE: Rule = Rule {
    summary: "An alias is used twice, or equals a code name.",
    explanation: "An alias is an old name that still parses to its code. It must differ from every code name (on the wire or as written) and from every other alias, or a lookup would be ambiguous.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0007.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
aliases = ["BAD", "crashed"]

[worse_input]
numeric = 1001
title = "Worse input"
message = "The input is worse."
aliases = ["BAD"]
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    // Names first (as written, then on the wire), then aliases in order.
    let mut names: HashMap<&str, usize> = HashMap::default();
    for (i, code) in cx.map.codes_in_file_order() {
        names.entry(&code.name).or_insert(i);
    }
    for (i, code) in cx.map.codes_in_file_order() {
        if code.wire_name != code.name {
            names.entry(&code.wire_name).or_insert(i);
        }
    }
    let mut aliases: HashMap<&str, (FileId, Range<usize>)> = HashMap::default();
    for (_, code) in cx.map.codes_in_file_order() {
        for (alias, span) in &code.aliases {
            if let Some(&owner) = names.get(alias.as_str()) {
                let o = &cx.map.codes[owner];
                let clash = format!("the name of code `{}`", o.name);
                out.push(duplicate_alias(code.file, span.clone(), (o.file, o.key.clone()), alias, &clash));
            } else if let Some(first) = aliases.get(alias.as_str()) {
                out.push(duplicate_alias(code.file, span.clone(), first.clone(), alias, "also an alias here"));
            } else {
                aliases.insert(alias, (code.file, span.clone()));
            }
        }
    }
}


/// E0007.
pub(crate) fn duplicate_alias(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    alias: &str,
    clash: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateAlias,
        format!("the alias `{alias}` is ambiguous"),
    )
    .at(file, span, "this alias")
    .also(first.0, first.1, clash.to_string())
    .help("an alias must differ from every code name and every other alias")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::DuplicateAlias,
            expect_test::expect![[r#"
                error[E0007]: the alias `crashed` is ambiguous
                  --> catalog/client.toml:5:19
                  |
                5 | aliases = ["BAD", "crashed"]
                  |                   ^^^^^^^^^ this alias
                  |
                  --> catalog/server.toml:1:2
                  |
                1 | [crashed]
                  |  ------- the name of code `crashed`
                  |
                  = help: an alias must differ from every code name and every other alias

                error[E0007]: the alias `BAD` is ambiguous
                   --> catalog/client.toml:11:12
                   |
                 5 | aliases = ["BAD", "crashed"]
                   |            ----- also an alias here
                   .
                11 | aliases = ["BAD"]
                   |            ^^^^^ this alias
                   |
                   = help: an alias must differ from every code name and every other alias

                error: the catalog has 2 errors
                For more information about E0007, try `errcat explain E0007`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::DuplicateAlias));
    }
}
