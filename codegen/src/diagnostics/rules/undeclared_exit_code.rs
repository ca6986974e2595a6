//! E0035: A code uses an exit code that `[exit_codes]` does not declare.

use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0035.
pub(crate) const RULE: Rule = Rule {
    name: "undeclared_exit_code",
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

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::UndeclaredExitCode));
    }
}
