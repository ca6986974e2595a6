//! E0017: `replaced_by` links form a cycle.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0017.
pub(crate) const RULE: Rule = Rule {
    summary: "`replaced_by` links form a cycle.",
    explanation: "Following `replaced_by` from a deprecated code must end at a code that is still in use; a cycle would send readers in circles.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0017.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Old."
replaced_by = "worse_input"

[worse_input]
numeric = 1001
title = "Worse input"
message = "The input is worse."
deprecated = "Also old."
replaced_by = "bad_input"
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let codes = &cx.model.codes;
    let mut source_of = vec![None; codes.len()];
    for code in &cx.map.codes {
        if let Some(i) = code.lowered {
            source_of[i] = Some(code);
        }
    }
    // Report each cycle once, at its smallest member.
    let mut reported = vec![false; codes.len()];
    for start in 0..codes.len() {
        let mut path = vec![start];
        let mut at = start;
        while let Some(next) = codes[at].replaced_by {
            if let Some(pos) = path.iter().position(|&p| p == next) {
                let cycle = &path[pos..];
                let smallest = *cycle.iter().min().unwrap_or(&next);
                if !reported[smallest] {
                    cycle.iter().for_each(|&c| reported[c] = true);
                    let rot = cycle.iter().position(|&c| c == smallest).unwrap_or(0);
                    let mut chain: Vec<&str> = cycle[rot..]
                        .iter()
                        .chain(&cycle[..rot])
                        .map(|&c| codes[c].name.as_str())
                        .collect();
                    chain.push(&codes[smallest].name);
                    let last = cycle[(rot + cycle.len() - 1) % cycle.len()];
                    if let Some(source) = source_of[last] {
                        let span = source.replaced_by.as_ref().map(|(_, s)| s.clone()).unwrap_or_default();
                        out.push(replacement_cycle(source.file, span, &chain));
                    }
                }
                break;
            }
            path.push(next);
            at = next;
        }
    }
}


/// E0017.
pub(crate) fn replacement_cycle(file: FileId, span: Range<usize>, chain: &[&str]) -> Diagnostic {
    Diagnostic::new(
        DiagCode::ReplacementCycle,
        format!("`replaced_by` forms a cycle: {}", chain.join(" -> ")),
    )
    .at(file, span, "this link closes the cycle")
    .help("a replacement chain must end at a code that is not deprecated")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ReplacementCycle,
            expect_test::expect![[r#"
                error[E0017]: `replaced_by` forms a cycle: bad_input -> worse_input -> bad_input
                   --> catalog/client.toml:13:15
                   |
                13 | replaced_by = "bad_input"
                   |               ^^^^^^^^^^^ this link closes the cycle
                   |
                   = help: a replacement chain must end at a code that is not deprecated

                error: the catalog has 1 error
                For more information about E0017, try `errcat explain E0017`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::ReplacementCycle));
    }

    #[test]
    fn a_near_miss_does_not() {
        let near_miss = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
deprecated = "Use bad_body."
replaced_by = "bad_body"

[bad_body]
numeric = 1001
title = "Bad body"
message = "The body is bad."
"#;
        assert!(!codes_for(near_miss).contains(&DiagCode::ReplacementCycle));
    }
}
