//! Golden tests: each emitter's output on the good fixture catalogs matches
//! the files under `fixtures/good/<name>/expected/`.
//!
//! After an intended change, re-bless with `UPDATE_EXPECT=1 cargo test -p errcat-codegen --test golden`.

use std::path::{Path, PathBuf};

use errcat_codegen::{Sources, compile, emit, generated_files};
use expect_test::expect_file;

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs
}

fn model_of(fixture: &Path) -> errcat_codegen::Model {
    let sources = Sources::read_dir(&fixture.join("catalog"), "catalog").unwrap();
    match compile(&sources) {
        Ok(c) => {
            // Notes (a renamed constructor in `keywords`) are expected.
            let problems: Vec<_> = c
                .warnings
                .diagnostics()
                .iter()
                .filter(|d| d.severity > errcat_codegen::Severity::Note)
                .collect();
            assert!(
                problems.is_empty(),
                "fixture {} has warnings: {problems:?}",
                fixture.display()
            );
            c.model
        }
        Err(report) => panic!(
            "fixture {} is invalid:\n{}",
            fixture.display(),
            report.render()
        ),
    }
}

fn rust_of(model: &errcat_codegen::Model) -> String {
    let cx = emit::Context::new(model, errcat_codegen::GENERATE_COMMAND);
    emit::rust::emit(&cx, &emit::rust::RustOptions::default())
}

#[test]
fn rust_emitter_matches_goldens() {
    for fixture in fixtures() {
        let rust = rust_of(&model_of(&fixture));
        expect_file![fixture.join("expected/generated.rs")].assert_eq(&rust);
    }
}

#[test]
fn docs_and_json_match_goldens() {
    for fixture in fixtures() {
        let files = generated_files(&model_of(&fixture), errcat_codegen::GENERATE_COMMAND);
        for (path, text) in &files {
            let golden = fixture.join("expected").join(path);
            if std::env::var_os("UPDATE_EXPECT").is_some() {
                std::fs::create_dir_all(golden.parent().unwrap()).unwrap();
            }
            expect_file![golden].assert_eq(text);
        }
        // No stale golden files left behind (the Rust module aside).
        let mut expected_files = Vec::new();
        let mut dirs = vec![PathBuf::new()];
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(fixture.join("expected").join(&dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = dir.join(entry.file_name());
                if entry.file_type().unwrap().is_dir() {
                    dirs.push(path);
                } else if path != std::path::Path::new("generated.rs") {
                    expected_files.push(path);
                }
            }
        }
        for path in expected_files {
            assert!(
                files.contains_key(&path),
                "{} has a golden file for {}, which is no longer generated",
                fixture.display(),
                path.display()
            );
        }
    }
}

#[test]
fn output_is_independent_of_file_order_and_stable_across_runs() {
    for fixture in fixtures() {
        let sources = Sources::read_dir(&fixture.join("catalog"), "catalog").unwrap();
        let mut files: Vec<(String, String)> = sources
            .files()
            .iter()
            .map(|f| (f.name.clone(), f.text.clone()))
            .collect();
        let forward = compile(&Sources::from_memory("catalog", files.clone()))
            .unwrap()
            .model;
        files.reverse();
        let backward = compile(&Sources::from_memory("catalog", files))
            .unwrap()
            .model;
        assert_eq!(forward, backward);
        assert_eq!(rust_of(&forward), rust_of(&backward));
        assert_eq!(
            generated_files(&forward, "x"),
            generated_files(&backward, "x")
        );
    }
}
