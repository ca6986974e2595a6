//! UI tests of validation: each `fixtures/bad/<code>_<rule>.toml` is the base
//! catalog (`_base.toml`) with a few files replaced or removed. Its rendered
//! diagnostics must match `<name>.stderr` and include the code it is named
//! after.
//!
//! Re-bless with `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test diagnostics`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use errcat_codegen::{Report, Severity, Sources, compile};
use expect_test::expect_file;

fn bad_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/bad")
}

/// `#== name` starts a file; `#== -name` removes one.
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

fn fixture_sources(path: &Path) -> Sources {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    let base = std::fs::read_to_string(bad_dir().join("_base.toml")).unwrap();
    let fixture = std::fs::read_to_string(path).unwrap();
    for (name, body) in sections(&base).into_iter().chain(sections(&fixture)) {
        match body {
            Some(body) => files.insert(name, body),
            None => files.remove(&name),
        };
    }
    Sources::from_memory("catalog", files)
}

fn report_of(path: &Path) -> Report {
    match compile(&fixture_sources(path)) {
        Ok(compiled) => compiled.warnings,
        Err(report) => report,
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(bad_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml") && !p.ends_with("_base.toml"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn base_catalog_is_valid() {
    let report = report_of(&bad_dir().join("_base.toml"));
    assert!(report.diagnostics().is_empty(), "{}", report.render());
}

#[test]
fn every_rule_has_a_fixture_and_renders_as_expected() {
    let fixtures = fixtures();
    for path in &fixtures {
        let report = report_of(path);
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let rendered = report.render();
        expect_file![path.with_extension("stderr")].assert_eq(&rendered);
        if let Some((code, _)) = stem.split_once('_').filter(|(c, _)| c.len() == 5) {
            let code = code.to_uppercase();
            assert!(
                report.diagnostics().iter().any(|d| d.code.as_str() == code),
                "{stem} does not report {code}:\n{rendered}"
            );
            let expected_severity = if code.starts_with('W') {
                Severity::Warning
            } else {
                Severity::Error
            };
            assert!(
                report
                    .diagnostics()
                    .iter()
                    .any(|d| d.severity == expected_severity)
            );
        }
    }
    // Every code but I/O (not reproducible from text) has a fixture.
    for code in errcat_codegen::DiagCode::ALL {
        if code.as_str() == "E0033" {
            continue;
        }
        let prefix = code.as_str().to_lowercase();
        assert!(
            fixtures.iter().any(|p| p
                .file_name()
                .unwrap()
                .to_str()
                .unwrap()
                .starts_with(&prefix)),
            "no fixture for {}",
            code.as_str()
        );
    }
}

#[test]
fn all_problems_are_reported_in_one_run() {
    let report = report_of(&bad_dir().join("many_problems_at_once.toml"));
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
    let report = report_of(&bad_dir().join("e0015_unknown_retry_policy.toml"));
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
    let report = report_of(&bad_dir().join("e0005_duplicate_name.toml"));
    let d = &report.diagnostics()[0];
    let files: Vec<&str> = d
        .labels
        .iter()
        .map(|l| report.sources().file(l.file).name.as_str())
        .collect();
    assert_eq!(files, ["server.toml", "client.toml"]);
}
