//! A real `cargo build` of a throwaway crate made from exactly the lines of
//! the README's "Your own catalog" recipe: a good catalog builds; a bad one
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
    Command::new(env!("CARGO"))
        .args(["build", "--verbose", "--offline"])
        .current_dir(krate)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .output()
        .unwrap()
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
    let fixtures = ws.join("codegen/tests/fixtures/good/minimal/catalog");
    for entry in std::fs::read_dir(&fixtures).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, krate.join("catalog").join(path.file_name().unwrap())).unwrap();
    }
    // A target dir of its own, kept between runs so dependencies build once.
    let target = nested_target();

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
    let limits = krate.join("catalog/limits.toml");
    let file = std::fs::File::options().append(true).open(&limits).unwrap();
    file.set_modified(std::time::SystemTime::now()).unwrap();
    drop(file);
    let out = cargo_build(&krate, &target);
    assert_eq!(runs(&out), 1, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(runs(&cargo_build(&krate, &target)), 0);

    let text = std::fs::read_to_string(&limits).unwrap();
    std::fs::write(&limits, text.replace("numeric = 101", "numeric = 100")).unwrap();
    let out = cargo_build(&krate, &target);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[E0006]: numeric code 100 is used twice"),
        "{stderr}"
    );
    assert!(stderr.contains("--> catalog/limits.toml:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&generated).unwrap(),
        before,
        "OUT_DIR changed on a failed build"
    );
}
