//! The rules' examples, built and compiled: above `compile`, so the
//! diagnostics layer never runs the pipeline it is part of. `errcat
//! explain` and `docs/diagnostics.md` print [`explanation`]; rule tests
//! patch [`EXAMPLE_BASE`] with [`example_sources`].

use crate::diagnostics::{DiagCode, EXAMPLE_BASE};
use crate::source::{LOCK_FILE, Sources};

/// The rule's documentation in Markdown, without a heading: name,
/// severity, summary, explanation, and the example with what errcat
/// prints for it. `docs/diagnostics.md` and `errcat explain E0049`
/// print this.
pub fn explanation(code: DiagCode) -> String {
    let rule = code.rule();
    let mut out = format!(
        "`{}` · {} · {}\n\n{}\n",
        code.name(),
        code.severity().as_str(),
        rule.summary,
        rule.explanation
    );
    if let Some(example) = rule.example {
        let rendered = match crate::compile(&example_sources(example)) {
            Ok(compiled) => compiled.warnings.render(),
            Err(report) => report.render(),
        };
        out.push_str(&format!(
            "\nExample:\n\n```toml\n{example}```\n\n```text\n{rendered}```\n"
        ));
    }
    out
}

/// [`EXAMPLE_BASE`] with `patch` applied, as sources: `#== name` replaces
/// or adds a file, `#== >>name` appends to one, `#== -name` removes one. A
/// line `#== +lock` locks the catalog as patched so far (writes its
/// `errcat.lock`), so the sections after it are edits of a published
/// catalog.
pub fn example_sources(patch: &str) -> Sources {
    let (before, after) = match patch.split_once("#== +lock\n") {
        Some((before, after)) => (before, Some(after)),
        None => (patch, None),
    };
    let mut files = patched(Vec::new(), EXAMPLE_BASE);
    files = patched(files, before);
    if let Some(after) = after {
        let old = as_sources(&files);
        let lock = match crate::compile(&old) {
            Ok(compiled) => crate::history::lock::render(&compiled.model, crate::GENERATE_COMMAND),
            Err(report) => panic!(
                "the catalog before `#== +lock` is invalid:\n{}",
                report.render()
            ),
        };
        files = patched(files, &format!("#== {LOCK_FILE}\n{lock}"));
        files = patched(files, after);
    }
    as_sources(&files)
}

type Files = Vec<(String, Option<String>)>;

fn patched(mut files: Files, patch: &str) -> Files {
    for (name, body) in sections(patch) {
        let (name, append) = match name.strip_prefix(">>") {
            Some(name) => (name.to_string(), true),
            None => (name, false),
        };
        match files.iter_mut().find(|(n, _)| *n == name) {
            Some(file) if append => {
                if let (Some(old), Some(more)) = (&mut file.1, body) {
                    old.push_str(&more);
                }
            }
            Some(file) => file.1 = body,
            None => files.push((name, body)),
        }
    }
    files
}

fn as_sources(files: &Files) -> Sources {
    Sources::from_memory(
        "catalog",
        files
            .iter()
            .filter_map(|(n, b)| b.as_ref().map(|b| (n.clone(), b.clone()))),
    )
}

fn sections(text: &str) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("#== ") {
            let name = name.trim();
            match name.strip_prefix('-') {
                Some(removed) => out.push((removed.to_string(), None)),
                None => out.push((name.to_string(), Some(String::new()))),
            }
        } else if let Some((_, Some(body))) = out.last_mut() {
            body.push_str(line);
        }
    }
    out
}

/// Asserts that the example of `code`'s rule reports `code` at its
/// severity and renders as `expected`: each rule file's test shows what
/// errcat prints for it, span and help included
/// (`UPDATE_EXPECT=1 cargo test -p errcat-codegen` re-blesses).
#[cfg(test)]
pub(crate) fn assert_example(code: DiagCode, expected: expect_test::Expect) {
    let example = code.rule().example.expect("a rule with an example");
    let report = match crate::compile(&example_sources(example)) {
        Ok(compiled) => compiled.warnings,
        Err(report) => report,
    };
    let rendered = report.render();
    expected.assert_eq(&rendered);
    assert!(
        report
            .diagnostics()
            .iter()
            .any(|d| d.code == code && d.severity == code.severity()),
        "the example of {code} does not report it:\n{rendered}"
    );
}
