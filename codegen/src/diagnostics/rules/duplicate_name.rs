//! E0005: Two codes share a name.

use foldhash::HashMap;
use std::ops::Range;

use crate::diagnostics::{DiagCode, Diagnostic, Rule};
use crate::diagnostics::Lowered;
use crate::source::FileId;

/// E0005.
pub(crate) const RULE: Rule = Rule {
    summary: "Two codes share a name.",
    explanation: "Clients branch on the code name, so it must identify one code across every catalog file. The diagnostic points at both definitions; the one in the later file (in catalog order: catalog.toml first, then by file name) is the duplicate.",
    example: Some(EXAMPLE),
    lint: Some(lint),
    history: None,
};

/// The base catalog with this change: it reports E0005.
const EXAMPLE: &str = r#"#== server.toml
[crashed]
numeric = 2000
title = "Crashed"
message = "The server crashed."

[bad_input]
numeric = 2001
title = "Bad input again"
message = "Defined in two files."
"#;

fn lint(cx: &Lowered<'_>, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, usize> = HashMap::default();
    for (i, code) in cx.map.codes_in_file_order() {
        match first.get(code.name.as_str()) {
            Some(&f) => {
                let f = &cx.map.codes[f];
                out.push(duplicate_name(
                    code.file,
                    code.key.clone(),
                    (f.file, f.key.clone()),
                    &code.name,
                ));
            }
            None => {
                first.insert(&code.name, i);
            }
        }
    }
}


/// E0005.
pub(crate) fn duplicate_name(
    file: FileId,
    span: Range<usize>,
    first: (FileId, Range<usize>),
    name: &str,
) -> Diagnostic {
    Diagnostic::new(
        DiagCode::DuplicateName,
        format!("the code name `{name}` is defined twice"),
    )
    .at(file, span, "defined again here")
    .also(first.0, first.1, "first defined here")
    .help("code names are unique across all catalog files; rename one of them")
}


#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::rules::testing::codes_for;

    /// What errcat prints for the rule's example: its span, message and help.
    #[test]
    fn its_example_renders_so() {
        crate::rule_examples::assert_example(
            DiagCode::DuplicateName,
            expect_test::expect![[r#"
                error[E0005]: the code name `bad_input` is defined twice
                  --> catalog/server.toml:6:2
                  |
                6 | [bad_input]
                  |  ^^^^^^^^^ defined again here
                  |
                  --> catalog/client.toml:1:2
                  |
                1 | [bad_input]
                  |  --------- first defined here
                  |
                  = help: code names are unique across all catalog files; rename one of them

                error: the catalog has 1 error
                For more information about E0005, try `errcat explain E0005`.
            "#]],
        );
    }

    #[test]
    fn the_example_reports_it() {
        assert!(codes_for(EXAMPLE).contains(&DiagCode::DuplicateName));
    }

    #[test]
    fn the_first_definition_is_first_in_file_order() {
        // Categories declared server first; files still read client first.
        let patch = "#== catalog.toml\n[catalog]\nname = \"f\"\n[categories.server]\ntitle = \"S\"\nfault = \"server\"\nstatus = 500\n[categories.client]\ntitle = \"C\"\nfault = \"client\"\nstatus = 400\n#== server.toml\n[same]\ntitle = \"S\"\nmessage = \"S.\"\n#== client.toml\n[same]\ntitle = \"C\"\nmessage = \"C.\"\n";
        let sources = crate::rule_examples::example_sources(patch);
        let report = crate::compile(&sources).unwrap_err();
        let d = report.diagnostics().iter().find(|d| d.code == DiagCode::DuplicateName).unwrap();
        let file = |primary: bool| {
            let label = d.labels.iter().find(|l| l.primary == primary).unwrap();
            sources.file(label.file).name.clone()
        };
        assert_eq!((file(false), file(true)), ("client.toml".into(), "server.toml".into()));
    }
}
