//! E0049: a published code's params changed.

use crate::diagnostics::{DiagCode, Rule};
use crate::history::{Change, History};

/// E0049.
pub(crate) const RULE: Rule = Rule {
    summary: "A param of a published code was added, removed, renamed, retyped or moved.",
    explanation: "Params are the signature of the code's typed constructors in every language, and the keys clients read from `details` (MySQL never changes a message's `%` signature; AIP-193 metadata keys are stable). Any change breaks callers or readers. Keep the published params; put new information in a new code, or in the message text of an existing param.",
    example: Some(EXAMPLE),
    lint: None,
    history: Some(history),
};

/// A published param retyped: E0049.
const EXAMPLE: &str = r#"#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field} is bad."
params = { field = "string" }
#== +lock
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "Field {field} is bad."
params = { field = "u32" }
"#;

fn history(h: &History<'_>, out: &mut Vec<Change>) {
    for (name, old, new) in h.kept() {
        if old.params != new.params {
            out.push(
                Change::of(
                    DiagCode::ParamsChanged,
                    name,
                    format!("the params of `{name}` changed"),
                )
                .key("params")
                .values(signature(&old.params), signature(&new.params))
                .help(format!(
                    "keep `{}`: constructors and clients depend on it",
                    signature(&old.params)
                )),
            );
        }
    }
}

fn signature(params: &[String]) -> String {
    format!("({})", params.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::ParamsChanged,
            expect_test::expect![[r#"
                error[E0049]: the params of `bad_input` changed
                  --> catalog/client.toml:5:10
                  |
                5 | params = { field = "u32" }
                  |          ^^^^^^^^^^^^^^^^^ was `(field: string)`, now `(field: u32)`
                  |
                  --> catalog/errcat.lock:5:5
                  |
                5 |     "bad_input": {"lifecycle":"active","identity":"bad_input","type_name":"BadInput","numeric":1000,"kind":"error","category":"client","fault":"client","status":400,"retry":"never","params":["field: string"],"title":"Bad input","message":"Field {field} is bad."},
                  |     ----------- as published (errcat.lock)
                  |
                  = help: keep `(field: string)`: constructors and clients depend on it

                error: the catalog has 1 error
                For more information about E0049, try `errcat explain E0049`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert_eq!(codes_for(EXAMPLE), [DiagCode::ParamsChanged]);
    }

    #[test]
    fn a_renamed_param_is_reported_and_new_wording_is_not() {
        let (old, _) = EXAMPLE.split_once("#== +lock\n").unwrap();
        let edit = |message: &str, params: &str| {
            format!("{old}#== +lock\n#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"Bad input\"\nmessage = \"{message}\"\nparams = {{ {params} }}\n")
        };
        let renamed = edit("Field {name} is bad.", "name = \"string\"");
        assert_eq!(codes_for(&renamed), [DiagCode::ParamsChanged]);
        let reworded = edit("The field {field} is bad.", "field = \"string\"");
        assert_eq!(codes_for(&reworded), []);
    }
}
