//! E0035: A code uses an exit code that `[exit_codes]` does not declare.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0035.
pub(crate) const RULE: Rule = Rule {
    summary: "A code uses an exit code that `[exit_codes]` does not declare.",
    explanation: "When a catalog documents its CLI exit codes in `[exit_codes]`, every code must use one of them, so scripts can rely on the table.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0035.
const EXAMPLE: &str = r#"#== catalog.toml
[catalog]
name = "fixture"

[exit_codes]
0 = "Success"
1 = "Failure"
300 = "Out of range"

[categories.client]
title = "Client"
fault = "client"
status = 400
range = [1000, 1999]

[categories.server]
title = "Server"
fault = "server"
status = 500
range = [2000, 2999]
#== client.toml
[bad_input]
numeric = 1000
title = "Bad input"
message = "The input is bad."
exit_code = 4
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    if cx.model.exit_codes.is_empty() {
        return;
    }
    let declared: Vec<u8> = cx.model.exit_codes.iter().map(|(c, _)| *c).collect();
    for source in &cx.map.codes {
        let Some(i) = source.lowered else {
            continue;
        };
        let code = &cx.model.codes[i];
        if !declared.contains(&code.exit_code) {
            let span = source
                .exit_code
                .as_ref()
                .and_then(|(_, at)| at.clone())
                .unwrap_or(source.key.clone());
            out.push(undeclared_exit_code(source.file, span, code.exit_code, &code.name, &declared));
        }
    }
}


/// E0035.
pub(crate) fn undeclared_exit_code(
    file: FileId,
    span: Range<usize>,
    exit: u8,
    name: &str,
    declared: &[u8],
) -> Diagnostic {
    let declared: Vec<String> = declared.iter().map(u8::to_string).collect();
    Diagnostic::new(
        DiagCode::UndeclaredExitCode,
        format!("`{name}` uses exit code {exit}, which `[exit_codes]` does not declare"),
    )
    .at(file, span, format!("declared: {}", declared.join(", ")))
    .help(format!(
        "declare it in catalog.toml, e.g. `{exit} = \"what it means\"`, or use a declared one"
    ))
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::UndeclaredExitCode,
            expect_test::expect![[r#"
                error[E0030]: exit code 300 is outside 0-255
                  --> catalog/catalog.toml:7:1
                  |
                7 | 300 = "Out of range"
                  | ^^^ processes can only exit with 0-255

                error[E0035]: `bad_input` uses exit code 4, which `[exit_codes]` does not declare
                  --> catalog/client.toml:5:13
                  |
                5 | exit_code = 4
                  |             ^ declared: 0, 1
                  |
                  = help: declare it in catalog.toml, e.g. `4 = "what it means"`, or use a declared one

                error: the catalog has 2 errors
                Some problems have detailed explanations: E0030, E0035.
                For more information about one, try `errcat explain E0030`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UndeclaredExitCode));
    }
}
