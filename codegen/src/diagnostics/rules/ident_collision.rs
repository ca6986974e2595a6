//! E0009: Two names map to the same Rust identifier.

use foldhash::HashMap;
use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::ident;
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0009.
pub(crate) const RULE: Rule = Rule {
    summary: "Two names map to the same Rust identifier.",
    explanation: "Distinct names can still map to one Rust identifier (`a_1` and `a1` both become `A1`). The generated enum could not hold both, so one must be renamed.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0009.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[http2]
numeric = 1001
title = "HTTP/2"
message = "HTTP/2 only."

[http_2]
numeric = 1002
title = "HTTP 2"
message = "HTTP 2 only."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let file = cx.map.settings;
    let categories = cx.map.categories.iter().filter(|c| c.lowered.is_some());
    check(out, categories.map(|c| (ident::upper_camel(&c.id), file, c.key.clone(), c.id.clone())));
    let codes = cx.map.codes.iter();
    check(out, codes.map(|c| {
        let symbol = crate::model::symbol_of(
            &c.name,
            c.condition.as_deref(),
            c.shared_name,
            c.identifier.as_deref(),
        );
        // What makes two entries "the same name": the identity, or one
        // `name` written on both (E0055 reports that).
        let same = c.condition.clone().map_or_else(|| c.name.clone(), |n| format!("name = {n}"));
        (ident::code_variant(&symbol), c.file, c.key.clone(), same)
    }));
}

/// Reports every name whose identifier an earlier, different name took.
fn check(
    out: &mut Vec<Diagnostic>,
    items: impl Iterator<Item = (String, FileId, Range<usize>, String)>,
) {
    let mut seen: HashMap<String, (FileId, Range<usize>, String)> = HashMap::default();
    for (ident, file, span, name) in items {
        match seen.get(&ident) {
            // The same name twice is a duplicate (E0005), or one `name` on
            // two identities (E0055), each reported by its own rule.
            Some((_, _, first_name)) if *first_name == name => {}
            Some((first_file, first_span, _)) => {
                out.push(ident_collision(file, span, (*first_file, first_span.clone()), &ident));
            }
            None => {
                seen.insert(ident, (file, span, name));
            }
        }
    }
}


/// E0009.
pub(crate) fn ident_collision(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    ident: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::IdentCollision,
        format!("two names become the Rust identifier `{ident}`"),
    )
    .at(file, span, "this name")
    .also(first.0, first.1, "collides with this one")
    .help("rename one of them")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::IdentCollision,
            expect_test::expect![[r#"
                error[E0009]: two names become the Rust identifier `Http2`
                   --> catalog/client.toml:11:2
                   |
                 6 | [http2]
                   |  ----- collides with this one
                   .
                11 | [http_2]
                   |  ^^^^^^ this name
                   |
                   = help: rename one of them

                error: the catalog has 1 error
                For more information about E0009, try `errcat explain E0009`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::IdentCollision));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."

[bad_input_2]
numeric = 1001
title = "Bad input 2"
message = "The input is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::IdentCollision));
    }
}
