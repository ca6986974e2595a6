//! Catalog folders as users have them: CRLF checkouts, byte-order marks,
//! files errcat does not read, and bytes that are not UTF-8.

use std::path::Path;

use errcat_codegen::{DiagCode, Sources, compile, generated_files};

fn minimal() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/minimal/catalog")
}

fn copy_to(dir: &Path, transform: impl Fn(&str) -> String) {
    for entry in std::fs::read_dir(minimal()).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.join(path.file_name().unwrap()), transform(&text)).unwrap();
    }
}

fn outputs(dir: &Path) -> errcat_codegen::FileSet {
    let sources = Sources::read_dir(dir, "catalog").unwrap();
    let compiled = compile(&sources).unwrap_or_else(|r| panic!("{}", r.render()));
    generated_files(&compiled.model, "x")
}

#[test]
fn crlf_and_bom_give_the_same_output_as_lf() {
    let lf = tempfile::tempdir().unwrap();
    let crlf = tempfile::tempdir().unwrap();
    copy_to(lf.path(), str::to_string);
    copy_to(crlf.path(), |t| {
        format!("\u{feff}{}", t.replace('\n', "\r\n"))
    });
    assert_eq!(outputs(lf.path()), outputs(crlf.path()));
}

#[test]
fn everything_not_read_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    copy_to(dir.path(), str::to_string);
    std::fs::write(dir.path().join("upload.TOML"), "[x]\n").unwrap();
    std::fs::write(dir.path().join(".hidden.toml"), "[x]\n").unwrap();
    std::fs::create_dir(dir.path().join("old")).unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("loop.toml", dir.path().join("loop.toml")).unwrap();
        let fifo = dir.path().join("pipe.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    }
    let sources = Sources::read_dir(dir.path(), "catalog").unwrap();
    let compiled = compile(&sources).unwrap_or_else(|r| panic!("{}", r.render()));
    let rendered = compiled.warnings.render();
    let warned: Vec<&str> = compiled
        .warnings
        .diagnostics()
        .iter()
        .filter(|d| d.code == DiagCode::UnreadCatalogEntry)
        .map(|d| d.message.as_str())
        .collect();
    let mut expected = vec![".hidden.toml", "old", "upload.TOML"];
    if cfg!(unix) {
        expected.extend(["loop.toml", "pipe.toml"]);
    }
    for name in expected {
        assert!(
            warned
                .iter()
                .any(|m| m.contains(&format!("catalog/{name}`"))),
            "{name} not reported:\n{rendered}"
        );
    }
    assert!(rendered.contains("lower-case `.toml`"), "{rendered}");
}

#[test]
fn invalid_utf8_is_a_located_error() {
    let dir = tempfile::tempdir().unwrap();
    copy_to(dir.path(), str::to_string);
    let mut bytes = std::fs::read(dir.path().join("limits.toml")).unwrap();
    bytes.splice(3..3, [0xff, 0xfe]);
    std::fs::write(dir.path().join("limits.toml"), bytes).unwrap();
    let sources = Sources::read_dir(dir.path(), "catalog").unwrap();
    let report = compile(&sources).unwrap_err();
    let rendered = report.render();
    assert!(rendered.contains("error[E0001]"), "{rendered}");
    assert!(rendered.contains("catalog/limits.toml:1:4"), "{rendered}");
    assert!(rendered.contains("not valid UTF-8"), "{rendered}");
}

/// A catalog compiled again with the parses of unchanged files reused (the
/// language server's recompile) reports exactly what a fresh compile does,
/// through edits that break, fix, add and remove files.
#[test]
fn a_cached_compile_is_a_fresh_compile() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/basic/catalog");
    let disk = Sources::read_dir(&dir, "catalog").unwrap();
    let card = disk
        .files()
        .iter()
        .find(|f| f.name == "card.toml")
        .unwrap()
        .text
        .clone();
    let steps = [
        disk.clone(),
        disk.with_overlay(
            "card.toml",
            &card.replacen("numeric = 1001", "numeric = 1000", 1),
        ),
        disk.with_overlay("card.toml", &card.replacen("title", "titel", 1)),
        disk.with_overlay("extra.toml", "[x]\ntitle = \"X\"\nmessage = \"X.\"\n"),
        disk.without("processor.toml"),
        disk.clone(),
    ];
    let mut cache = errcat_codegen::load::LoadCache::default();
    let shown = |r: Result<errcat_codegen::Compiled, errcat_codegen::Report>| match r {
        Ok(c) => format!("ok {} codes\n{}", c.model.codes.len(), c.warnings.render()),
        Err(report) => report.render(),
    };
    for sources in steps {
        assert_eq!(
            shown(errcat_codegen::compile_cached(&sources, &mut cache)),
            shown(compile(&sources))
        );
    }
}
