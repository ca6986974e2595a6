//! UI tests of validation: each rule's example (the base catalog with a few
//! files replaced or removed) renders exactly as `fixtures/bad/<code>_<rule>.stderr`
//! and reports the rule's code.
//!
//! Re-bless with `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test diagnostics`.

use std::path::{Path, PathBuf};

use errcat_codegen::rule_examples::example_sources;
use errcat_codegen::{DiagCode, Report, Sources, compile};
use expect_test::expect_file;

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

fn report_of_sources(sources: &Sources) -> Report {
    match compile(sources) {
        Ok(compiled) => compiled.warnings,
        Err(report) => report,
    }
}

fn report_of(code: DiagCode) -> Report {
    let example = code.rule().example.expect("an example");
    report_of_sources(&example_sources(example))
}

/// `<code>_<rule name>.stderr`, e.g. `e0013_status_fault_mismatch.stderr`.
fn golden(code: DiagCode) -> PathBuf {
    bad_dir().join(format!(
        "{}_{}.stderr",
        code.as_str().to_lowercase(),
        code.rule().name
    ))
}

#[test]
fn every_rule_example_renders_as_expected() {
    for &code in DiagCode::ALL {
        if code.rule().example.is_none() {
            continue;
        }
        let report = report_of(code);
        let rendered = report.render();
        expect_file![golden(code)].assert_eq(&rendered);
        assert!(
            report.diagnostics().iter().any(|d| d.code == code),
            "the example of {code} does not report it:\n{rendered}"
        );
        assert!(
            report
                .diagnostics()
                .iter()
                .any(|d| d.severity == code.severity())
        );
    }
    // No golden is left without its rule.
    for entry in std::fs::read_dir(bad_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let known = name.starts_with("many_problems_at_once")
            || DiagCode::ALL.iter().any(|&c| golden(c).ends_with(&name));
        assert!(known, "{name} belongs to no rule");
    }
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let patch = std::fs::read_to_string(bad_dir().join("many_problems_at_once.toml")).unwrap();
    let report = report_of_sources(&example_sources(&patch));
    expect_file![bad_dir().join("many_problems_at_once.stderr")].assert_eq(&report.render());
    let codes: Vec<&str> = report
        .diagnostics()
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    for expected in [
        "E0032", "E0019", "E0020", "E0030", "E0008", "E0010", "E0013", "E0006", "E0007",
    ] {
        assert!(
            codes.contains(&expected),
            "{expected} missing from {codes:?}"
        );
    }
}

#[test]
fn json_diagnostics_carry_file_line_and_column() {
    let report = report_of(DiagCode::UnknownRetryPolicy);
    let json = report.to_json();
    assert_eq!(json.len(), 1);
    assert_eq!(json[0]["code"], "E0015");
    assert_eq!(json[0]["severity"], "error");
    assert_eq!(json[0]["file"], "catalog/server.toml");
    assert_eq!(json[0]["line"], 5);
    assert_eq!(json[0]["column"], 9);
    assert_eq!(json[0]["help"], "did you mean `standard`?");
}

#[test]
fn duplicates_point_at_both_files() {
    let report = report_of(DiagCode::DuplicateName);
    let d = &report.diagnostics()[0];
    let files: Vec<&str> = d
        .labels
        .iter()
        .map(|l| report.sources().file(l.file).name.as_str())
        .collect();
    assert_eq!(files, ["server.toml", "client.toml"]);
}

/// A problem on a huge line shows a window of it, not the whole line.
#[test]
fn long_lines_are_clipped_around_the_span() {
    let long = "x".repeat(200_000);
    let patch = format!(
        "#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"{long}\"\nmessage = \"Bad.\"\nstatus = \"four hundred\" # {long}\n"
    );
    let rendered = report_of_sources(&example_sources(&patch)).render();
    assert!(rendered.len() < 2_000, "{} bytes", rendered.len());
    assert!(rendered.contains("error[E0004]"), "{rendered}");
    assert!(rendered.contains("only part of it is shown"), "{rendered}");
    assert!(rendered.contains("status = \"four hundred\""), "{rendered}");
}

/// Source snippets never carry terminal control or bidi characters.
#[test]
fn snippets_are_safe_for_terminals() {
    let patch = "#== client.toml\n[bad_input]\nnumeric = 1000\ntitle = \"a\\u001b[2J\u{202e}b\"\nmessage = \"Bad.\"\n";
    let rendered = report_of_sources(&example_sources(patch)).render();
    assert!(rendered.contains("E0038"), "{rendered}");
    assert!(
        !rendered.contains('\u{1b}') && !rendered.contains('\u{202e}'),
        "{rendered}"
    );
}
