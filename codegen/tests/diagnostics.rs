//! UI tests of validation across rules: every problem of a catalog reported
//! in one run (`fixtures/bad/many_problems_at_once.stderr`), hostile text in
//! diagnostics, JSON output. Each rule's own example renders beside the rule,
//! in its file's `its_example_renders_so` test.
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

#[test]
fn every_rule_but_io_has_an_example() {
    for &code in DiagCode::ALL {
        assert!(
            code.rule().example.is_some() || matches!(code.name(), "io" | "unread_catalog_entry"),
            "{code} has no example"
        );
    }
    // The only golden files left are the many-problems run's.
    for entry in std::fs::read_dir(bad_dir()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        assert!(
            name.starts_with("many_problems_at_once"),
            "{name} belongs to no test"
        );
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
