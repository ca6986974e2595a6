//! A real `cargo build` of a throwaway crate in a temp folder, made from
//! exactly the lines of the README's "Your own catalog" recipe and the
//! catalog `cargo errcat init` writes: it builds, its axum handler answers
//! with the catalog's error, `cargo errcat check` passes; a bad catalog
//! fails the build with the rendered diagnostics and leaves the generated
//! file in OUT_DIR untouched; a no-op rebuild does not re-run the build
//! script.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn cargo_build(krate: &Path, target: &Path) -> Output {
    cargo(krate, target, "build")
}

fn cargo(krate: &Path, target: &Path, command: &str) -> Output {
    Command::new(env!("CARGO"))
        .args([command, "--verbose", "--offline"])
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
}

/// Whether cargo or rustc printed a warning (a `--verbose` command line may
/// contain the word, as libc's `cfg(libc_deny_warnings)` does).
fn has_warning(stderr: &str) -> bool {
    stderr
        .lines()
        .any(|l| l.trim_start().starts_with("warning"))
}

fn out_file(target: &Path) -> PathBuf {
    let build = target.join("debug/build");
    std::fs::read_dir(&build)
        .unwrap()
        .map(|e| e.unwrap().path().join("out/errcat.rs"))
        .find(|p| p.exists())
        .expect("the build script wrote errcat.rs")
}

/// The code blocks of the README's "Your own catalog" section, in order.
fn recipe_blocks() -> Vec<String> {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let start = readme
        .find("## Your own catalog")
        .expect("the recipe section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in section.lines() {
        let line = line.trim_start();
        if line.starts_with("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some(String::new()),
            }
        } else if let Some(block) = current.as_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    blocks
}

/// Where the nested builds keep their target folder: under the target
/// folder this test runs from, so a clean or `CARGO_TARGET_DIR` applies.
fn nested_target() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace().join("target"));
    workspace().join(target).join("build-script-test")
}

#[test]
fn build_script_fails_cleanly_and_keeps_out_dir() {
    let ws = workspace();
    let tmp = tempfile::tempdir().unwrap();
    // The README's crate sits beside its `errcat/` clone.
    std::os::unix::fs::symlink(&ws, tmp.path().join("errcat")).unwrap();
    let krate = tmp.path().join("user");
    std::fs::create_dir_all(krate.join("src")).unwrap();
    std::fs::create_dir_all(krate.join("catalog")).unwrap();
    let blocks = recipe_blocks();
    let [dependencies, build_rs, lib_rs] = &blocks[..] else {
        panic!("the recipe has three blocks: {blocks:?}");
    };
    // The CLI as `cargo errcat` runs it: the installed cargo-errcat binary,
    // with cargo's own argument first.
    let cargo_errcat = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_cargo-errcat"))
            .arg("errcat")
            .args(args)
            .current_dir(&krate)
            .env_remove("CI")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "cargo errcat {args:?}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    std::fs::write(
        krate.join("Cargo.toml"),
        format!(
            "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2024\"\n[workspace]\n\n{dependencies}"
        ),
    )
    .unwrap();
    std::fs::copy(ws.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    std::fs::write(krate.join("build.rs"), build_rs).unwrap();
    std::fs::write(krate.join("src/lib.rs"), lib_rs).unwrap();
    std::fs::remove_dir(krate.join("catalog")).unwrap();
    let init = cargo_errcat(&["init"]);
    assert!(init.contains("cargo errcat generate"), "{init}");
    assert!(init.contains("features = [\"axum\"]"), "{init}");
    // A target dir of its own, kept between runs so dependencies build once.
    let target = nested_target();

    // Before `generate`, the build script warns with the command to run.
    let out = cargo_build(&krate, &target);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("run `cargo errcat generate` in this crate's folder"),
        "{stderr}"
    );
    cargo_errcat(&["generate"]);
    let checked = cargo_errcat(&["check"]);
    assert!(checked.starts_with("ok: 1 code,"), "{checked}");
    assert!(!krate.join("catalog/errcat.lock").exists());

    // The handler answers with the catalog's error.
    std::fs::create_dir_all(krate.join("tests")).unwrap();
    std::fs::write(
        krate.join("tests/handler.rs"),
        r#"use axum::response::IntoResponse;

#[tokio::test]
async fn a_bad_id_is_the_catalogs_error() {
    let error = user::get_order(axum::extract::Path("x1".into())).await.unwrap_err();
    assert_eq!(error.code(), Some(user::errors::Code::InvalidField));
    let response = error.into_response();
    assert_eq!(response.status(), 400);
    let _ = user::router();
}
"#,
    )
    .unwrap();
    let out = cargo(&krate, &target, "test");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "{stderr}{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(!has_warning(&stderr), "{stderr}");
    std::fs::remove_dir_all(krate.join("tests")).unwrap();

    let out = cargo_build(&krate, &target);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = out_file(&target);

    // A binary that includes the module privately and uses none of it gets
    // no warnings about what it does not use.
    std::fs::write(
        krate.join("src/main.rs"),
        "mod errors {\n    include!(concat!(env!(\"OUT_DIR\"), \"/errcat.rs\"));\n}\n\nfn main() {}\n",
    )
    .unwrap();
    let out = cargo_build(&krate, &target);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    for unwanted in ["never used", "never constructed", "unused", "never read"] {
        assert!(!stderr.contains(unwanted), "{unwanted}: {stderr}");
    }
    std::fs::remove_file(krate.join("src/main.rs")).unwrap();
    let before = std::fs::read(&generated).unwrap();
    let mtime = std::fs::metadata(&generated).unwrap().modified().unwrap();

    // A no-op rebuild does not run the build script at all.
    let runs = |out: &Output| {
        String::from_utf8_lossy(&out.stderr)
            .matches("/build-script-build`")
            .count()
    };
    let out = cargo_build(&krate, &target);
    assert!(out.status.success());
    assert_eq!(runs(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::metadata(&generated).unwrap().modified().unwrap(),
        mtime
    );

    // Touching a catalog file runs it once, and then it is fresh again.
    let limits = krate.join("catalog/request.toml");
    let file = std::fs::File::options().append(true).open(&limits).unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
    drop(file);
    let out = cargo_build(&krate, &target);
    assert_eq!(runs(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(runs(&cargo_build(&krate, &target)), 0);

    let text = std::fs::read_to_string(&limits).unwrap();
    std::fs::write(
        &limits,
        format!(
            "{text}\n[missing_field]\nnumeric = 1000\ntitle = \"Missing\"\nmessage = \"Missing.\"\n"
        ),
    )
    .unwrap();
    let out = cargo_build(&krate, &target);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[E0006]: numeric code 1000 is used twice"),
        "{stderr}"
    );
    assert!(stderr.contains("--> catalog/request.toml:"), "{stderr}");
    // Rust's `Error: ` prefix is followed by a sentence, not a blank line.
    assert!(
        stderr.contains("Error: errcat found problems in the catalog:"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&generated).unwrap(),
        before,
        "OUT_DIR changed on a failed build"
    );
}

/// A crate that commits the generated Rust (`[outputs] rust = true`) has no
/// build script and no errcat-codegen to compile: it includes the module
/// from `generated/`, and `cargo errcat check` keeps that fresh.
#[test]
fn a_crate_without_a_build_script_includes_the_committed_module() {
    let ws = workspace();
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(&ws, tmp.path().join("errcat")).unwrap();
    let krate = tmp.path().join("user");
    std::fs::create_dir_all(krate.join("src")).unwrap();
    let errcat = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
            .args(args)
            .current_dir(&krate)
            .env_remove("CI")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "errcat {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    errcat(&["init"]);
    let settings = krate.join("catalog/catalog.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        text.replace("[outputs]\n", "[outputs]\nrust = true\n"),
    )
    .unwrap();
    errcat(&["generate"]);
    assert!(krate.join("generated/rust/errcat.rs").exists());
    std::fs::write(
        krate.join("Cargo.toml"),
        "[package]\nname = \"user\"\nversion = \"0.0.0\"\nedition = \"2024\"\n[workspace]\n\n[dependencies]\nerrcat-runtime = { path = \"../errcat/runtime\" }\n",
    )
    .unwrap();
    std::fs::copy(ws.join("Cargo.lock"), krate.join("Cargo.lock")).unwrap();
    std::fs::write(
        krate.join("src/lib.rs"),
        "pub mod errors {\n    include!(\"../generated/rust/errcat.rs\");\n}\n\npub fn field_error() -> errors::Error {\n    errors::Error::invalid_field(\"id\", \"must be digits\")\n}\n",
    )
    .unwrap();
    let out = cargo_build(&krate, &nested_target());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        !stderr.contains("errcat-codegen"),
        "codegen was compiled: {stderr}"
    );
    assert!(!has_warning(&stderr), "{stderr}");
    // A catalog edit makes the committed module stale until generate.
    let codes = krate.join("catalog/request.toml");
    let text = std::fs::read_to_string(&codes).unwrap();
    std::fs::write(&codes, text.replace("Invalid field", "Bad field")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .arg("check")
        .current_dir(&krate)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("generated/rust/errcat.rs"));
}
