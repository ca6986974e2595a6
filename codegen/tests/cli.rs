//! The `errcat` binary end to end: freshness checking, regeneration, explain,
//! exit codes and the `--json` error contract.

use std::path::Path;
use std::process::{Command, Output};

fn errcat(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn copy_catalog(to: &Path) {
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("../catalog");
    copy_dir(&from, &to.join("catalog"));
}

/// `from` into `to`, subfolders (the catalog's `locales/`) included.
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, target).unwrap();
        }
    }
}

#[test]
fn editing_a_message_makes_check_fail_until_generate() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());

    let out = errcat(&["check"], tmp.path());
    assert_eq!(out.status.code(), Some(1), "nothing generated yet");
    let out = errcat(&["generate"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = errcat(&["check"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let path = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replace("Rate limit exceeded: {limit}", "Slow down: {limit}"),
    )
    .unwrap();

    let out = errcat(&["check"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("generated/docs/rate_limit.md (out of date)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("generated/catalog.json (out of date)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("auth.md"),
        "only stale files are named: {stderr}"
    );
    assert!(stderr.contains("cargo errcat generate"), "{stderr}");

    let out = errcat(&["generate"], tmp.path());
    assert!(out.status.success());
    let docs = std::fs::read_to_string(tmp.path().join("generated/docs/rate_limit.md")).unwrap();
    assert!(docs.contains("Slow down: {limit}"));
    assert!(errcat(&["check"], tmp.path()).status.success());
}

#[test]
fn explain_prints_a_section_or_exits_3_with_a_suggestion() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for query in ["rate_limited", "RATE_LIMIT_ERROR", "17000"] {
        let out = errcat(&["explain", query], &root);
        assert!(out.status.success(), "{query}");
        assert!(
            String::from_utf8_lossy(&out.stdout).starts_with("## rate_limited\n"),
            "{query}"
        );
    }
    let out = errcat(&["explain", "rate_limted"], &root);
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean `rate_limited`?"));

    let out = errcat(&["--json", "explain", "nope_nope"], &root);
    assert_eq!(out.status.code(), Some(3));
    assert!(
        out.stdout.is_empty(),
        "stdout stays empty on failure in --json mode"
    );
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "unknown_code");
}

#[test]
fn missing_catalog_is_not_found_and_usage_errors_are_2() {
    let tmp = tempfile::tempdir().unwrap();
    let out = errcat(&["check", "--catalog", "nowhere"], tmp.path());
    assert_eq!(out.status.code(), Some(3));
    let out = errcat(&["frobnicate"], tmp.path());
    assert_eq!(out.status.code(), Some(2));
    // --json is global: accepted after the subcommand too.
    let out = errcat(&["check", "--json", "--catalog", "nowhere"], tmp.path());
    assert_eq!(out.status.code(), Some(3));
    assert!(out.stdout.is_empty());
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "catalog_not_found");
    assert!(err["error"]["hint"].is_string());
    // Usage errors keep the --json contract too.
    for args in [
        &["frobnicate", "--json"][..],
        &["check", "--json", "--colour"],
    ] {
        let out = errcat(args, tmp.path());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err: serde_json::Value = serde_json::from_slice(&out.stderr)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", String::from_utf8_lossy(&out.stderr)));
        assert_eq!(err["error"]["code"], "usage_error");
        assert!(
            err["error"]["message"]
                .as_str()
                .unwrap()
                .contains("unexpected")
                || err["error"]["message"]
                    .as_str()
                    .unwrap()
                    .contains("unrecognized"),
            "{err}"
        );
    }
}

/// Every file under `dir` with its contents, for before/after comparisons.
fn snapshot(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.insert(
                    path.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&path).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn a_failing_generate_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    assert!(errcat(&["generate"], tmp.path()).status.success());
    let before = snapshot(&tmp.path().join("generated"));

    // A message edit (which would change the docs) plus an error elsewhere.
    let rate = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&rate).unwrap();
    std::fs::write(
        &rate,
        text.replace("Rate limit exceeded: {limit}", "Changed: {limit}"),
    )
    .unwrap();
    let server = tmp.path().join("catalog/server.toml");
    let text = std::fs::read_to_string(&server).unwrap();
    std::fs::write(
        &server,
        text.replacen("retry = \"rate_limited\"", "retry = \"rate_limted\"", 1),
    )
    .unwrap();

    let out = errcat(&["generate"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[E0015]") && stderr.contains("catalog/server.toml"),
        "{stderr}"
    );
    assert_eq!(
        snapshot(&tmp.path().join("generated")),
        before,
        "generated/ changed on a failed run"
    );

    let out = errcat(&["--json", "generate"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["error"]["code"], "invalid_catalog");
    // The edited message also makes the translations of it stale (W0064).
    let d = err["error"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "E0015")
        .unwrap();
    assert_eq!(d["file"], "catalog/server.toml");
    assert!(d["line"].as_u64().unwrap() > 0 && d["column"].as_u64().unwrap() > 0);
    assert_eq!(d["help"], "did you mean `rate_limited`?");
    assert_eq!(snapshot(&tmp.path().join("generated")), before);
}

#[test]
fn warnings_pass_unless_denied() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    // Unpublished: making a never-retried code retryable is otherwise E0050.
    std::fs::remove_file(tmp.path().join("catalog/errcat.lock")).unwrap();
    let path = tmp.path().join("catalog/validation.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "[missing_field]\n",
            "[missing_field]\nretry = \"standard\"\n",
            1,
        ),
    )
    .unwrap();
    let out = errcat(&["generate"], tmp.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("warning[W0025]"));
    let out = errcat(&["check", "--deny", "warnings"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    // With --json, a check that passes still lists its warnings.
    let out = errcat(&["check", "--json"], tmp.path());
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["diagnostics"][0]["code"], "W0025", "{json}");

    // The code allows it, with a reason: no warning, and --deny passes.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        text.replacen(
            "[missing_field]\nretry = \"standard\"\n",
            "[missing_field]\nretry = \"standard\"\nallow = { W0025 = \"a proxy strips the field; a retry usually passes\" }\n",
            1,
        ),
    )
    .unwrap();
    let out = errcat(&["generate", "--deny", "warnings"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("W0025"), "{stderr}");
    // The reason is for reviewers, never for the docs.
    let docs = std::fs::read_to_string(tmp.path().join("generated/docs/validation.md")).unwrap();
    assert!(!docs.contains("a proxy strips"));
}

/// On a `code_case = "upper"` catalog, `explain` takes the code as it is
/// sent on the wire, as `Code::lookup` does.
#[test]
fn explain_accepts_upper_case_wire_names() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/seeds/vision-api");
    let out = errcat(&["explain", "INVALID_API_KEY"], &seeds);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("## INVALID_API_KEY"));
    let out = errcat(&["explain", "INVALID_API_KY"], &seeds);
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("did you mean `INVALID_API_KEY`?"),
        "{stderr}"
    );
}

/// One file that cannot be written fails the whole run: the error names
/// it (in `--json` too), and every old file is left as it was.
#[test]
fn generate_is_all_or_nothing_and_names_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    assert!(errcat(&["generate"], tmp.path()).status.success());
    let before = std::fs::read_to_string(tmp.path().join("generated/catalog.json")).unwrap();
    let path = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Rate limit exceeded", "Slow down")).unwrap();
    // A folder where a page must go: that one write fails, even as root.
    let page = tmp.path().join("generated/docs/rate_limit.md");
    std::fs::remove_file(&page).unwrap();
    std::fs::create_dir_all(page.join("blocked")).unwrap();

    let out = errcat(&["generate", "--json"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let error: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let file = error["error"]["file"].as_str().unwrap();
    assert!(file.ends_with("generated/docs/rate_limit.md"), "{error}");
    let after = std::fs::read_to_string(tmp.path().join("generated/catalog.json")).unwrap();
    assert_eq!(before, after, "nothing was rewritten");
    let beside: Vec<_> = std::fs::read_dir(tmp.path()).unwrap().flatten().collect();
    assert_eq!(beside.len(), 2, "only catalog/ and generated/");
}

/// A catalog path that is a file is named as such, not as missing.
#[test]
fn a_catalog_path_that_is_a_file_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(tmp.path().join("catalog.toml"), "[catalog]\n").unwrap();
    let out = errcat(&["check", "--catalog", "catalog.toml"], tmp.path());
    assert_eq!(out.status.code(), Some(3));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("`catalog.toml` is a file, not a catalog folder"),
        "{stderr}"
    );
}

/// `errcat` finds its project from any folder below it, as cargo does;
/// `errcat.toml` can name other folders; flags still win.
#[test]
fn commands_work_from_any_folder_of_the_project() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    let deep = tmp.path().join("src/nested");
    std::fs::create_dir_all(&deep).unwrap();
    let out = errcat(&["generate"], &deep);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(tmp.path().join("generated/catalog.json").exists());
    assert!(!deep.join("generated").exists());
    assert!(
        errcat(&["check"], &tmp.path().join("catalog"))
            .status
            .success()
    );

    // errcat.toml moves both folders.
    std::fs::rename(tmp.path().join("catalog"), tmp.path().join("errors")).unwrap();
    std::fs::write(
        tmp.path().join("errcat.toml"),
        "catalog = \"errors\"\ngenerated = \"site\"\n",
    )
    .unwrap();
    assert!(errcat(&["generate"], &deep).status.success());
    assert!(tmp.path().join("site/docs/README.md").exists());

    // A stale hint repeats the flags that were used.
    let out = errcat(
        &["check", "--catalog", "errors", "--generated", "other"],
        tmp.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("run `cargo errcat generate --catalog errors --generated other`"),
        "{stderr}"
    );
}

/// `init` writes a catalog that validates and generates, and never
/// overwrites one.
#[test]
fn init_starts_a_project() {
    let tmp = tempfile::tempdir().unwrap();
    let out = errcat(&["init", "my-service"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("errcat-codegen = { path"), "{stdout}");
    let project = tmp.path().join("my-service");
    let out = errcat(&["generate", "--deny", "warnings"], &project);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json = std::fs::read_to_string(project.join("generated/catalog.json")).unwrap();
    assert!(json.contains("\"name\": \"my_service\""), "{json}");
    let out = errcat(&["init", "my-service"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn completions_and_colour() {
    let tmp = tempfile::tempdir().unwrap();
    let out = errcat(&["completions", "bash"], tmp.path());
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("errcat"));

    copy_catalog(tmp.path());
    let path = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, format!("{text}\n[broken]\ntitle = 1\n")).unwrap();
    let coloured = errcat(&["check", "--color", "always"], tmp.path());
    assert!(String::from_utf8_lossy(&coloured.stderr).contains("\u{1b}["));
    let plain = errcat(&["check"], tmp.path());
    assert!(
        !String::from_utf8_lossy(&plain.stderr).contains('\u{1b}'),
        "piped: plain"
    );
}

/// `--generated docs` works, and says where the pages went.
#[test]
fn a_generated_folder_named_docs_is_explained() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    let out = errcat(&["generate", "--generated", "docs"], tmp.path());
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("the pages are in `docs/docs`"), "{stdout}");
    assert!(tmp.path().join("docs/docs/README.md").exists());
}

/// `generate --watch` regenerates on save, reports each run, and outlives
/// a bad edit.
#[test]
fn watch_regenerates_on_save_and_survives_a_bad_edit() {
    use std::io::BufRead;
    use std::sync::mpsc;
    use std::time::Duration;

    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    let mut child = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["generate", "--watch"])
        .current_dir(tmp.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, received) = mpsc::channel::<String>();
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn std::io::Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let lines = lines.clone();
        std::thread::spawn(move || {
            for line in std::io::BufReader::new(stream)
                .lines()
                .map_while(Result::ok)
            {
                let _ = lines.send(line);
            }
        });
    }
    let wait_for = |needle: &str| {
        let deadline = std::time::Instant::now() + Duration::from_secs(30);
        let mut seen = Vec::new();
        while std::time::Instant::now() < deadline {
            if let Ok(line) = received.recv_timeout(Duration::from_millis(200)) {
                if line.contains(needle) {
                    return;
                }
                seen.push(line);
            }
        }
        panic!("no line with {needle:?} in {seen:#?}");
    };
    wait_for("generated files changed");
    let path = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Rate limit exceeded", "Slow down")).unwrap();
    wait_for("updated generated/docs/rate_limit.md");
    std::fs::write(&path, "[broken\n").unwrap();
    wait_for("error[E0001]");
    std::fs::write(&path, &text).unwrap();
    wait_for("updated generated/docs/rate_limit.md");
    // An editor or `git checkout` that swaps the whole folder: still seen.
    let catalog = tmp.path().join("catalog");
    let fresh = tmp.path().join("catalog.new");
    copy_dir(&catalog, &fresh);
    std::fs::write(
        fresh.join("rate_limit.toml"),
        text.replace("Rate limit exceeded", "Too fast"),
    )
    .unwrap();
    std::fs::rename(&catalog, tmp.path().join("catalog.old")).unwrap();
    std::fs::rename(&fresh, &catalog).unwrap();
    wait_for("updated generated/docs/rate_limit.md");
    std::fs::write(&path, &text).unwrap();
    wait_for("updated generated/docs/rate_limit.md");
    assert!(child.try_wait().unwrap().is_none(), "still watching");
    let _ = child.kill();
    let _ = child.wait();
}

#[cfg(unix)]
#[test]
fn book_builds_the_current_pages_with_mdbook_and_says_what_is_missing() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    // A stand-in for mdBook that records how it was called.
    let fake = tmp.path().join("fake-mdbook");
    std::fs::write(
        &fake,
        "#!/bin/sh\necho \"$@\" > \"$(dirname \"$0\")/mdbook-args\"\nls \"$2\" > \"$(dirname \"$0\")/mdbook-src\"\n",
    )
    .unwrap();
    std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    let book = |env: &[(&str, &Path)]| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_errcat"));
        command.arg("book").current_dir(tmp.path());
        for (k, v) in env {
            command.env(k, v);
        }
        command.output().unwrap()
    };

    let out = book(&[("MDBOOK", &fake)]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let args = std::fs::read_to_string(tmp.path().join("mdbook-args")).unwrap();
    assert!(args.starts_with("build "), "{args}");
    assert!(args.contains("target/errcat-book/errcat"), "{args}");
    // The staged source is the docs pages with their book.toml, made now:
    // generated/ was never written.
    let src = std::fs::read_to_string(tmp.path().join("mdbook-src")).unwrap();
    for page in ["book.toml", "SUMMARY.md", "README.md", "rate_limit.md"] {
        assert!(src.lines().any(|l| l == page), "{page} in {src}");
    }
    assert!(!tmp.path().join("generated").exists());

    // --open with no browser to open says so, rather than nothing: a PATH
    // with the tools the stand-in needs and no opener, and a BROWSER that fails.
    let bin = tmp.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    for tool in ["dirname", "ls", "false", "sh"] {
        let found = ["/usr/bin", "/bin"]
            .iter()
            .map(|d| Path::new(d).join(tool))
            .find(|p| p.exists());
        std::os::unix::fs::symlink(found.unwrap(), bin.join(tool)).unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["book", "--open"])
        .current_dir(tmp.path())
        .env("MDBOOK", &fake)
        .env("BROWSER", "false")
        .env("PATH", &bin)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("warning: could not open a browser"),
        "{stdout}"
    );
    assert!(stdout.contains("index.html yourself"), "{stdout}");

    let missing = tmp.path().join("no-such-mdbook");
    let out = book(&[("MDBOOK", &missing)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("cargo install --locked mdbook"), "{stderr}");

    let catalog = tmp.path().join("catalog/catalog.toml");
    let text = std::fs::read_to_string(&catalog).unwrap();
    std::fs::write(&catalog, text.replace("book = true", "book = false")).unwrap();
    let out = book(&[("MDBOOK", &fake)]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("book = true"), "{stderr}");
}

#[test]
fn explain_explains_errcats_own_diagnostics_anywhere() {
    // Outside any project: the diagnostic's explanation, with its example.
    let tmp = tempfile::tempdir().unwrap();
    let out = errcat(&["explain", "--markdown", "e0049"], tmp.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.starts_with("# E0049\n\n`params_changed` · error"),
        "{text}"
    );
    assert!(text.contains("Example:"), "{text}");
    let out = errcat(&["explain", "--diagnostic", "E9999"], tmp.path());
    assert_eq!(out.status.code(), Some(3));

    // A catalog whose codes look like diagnostics keeps its own, and says
    // how to reach errcat's.
    let diagnostics = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/diagnostics");
    let args = ["explain", "--markdown", "--catalog", "catalog", "E0043"];
    let out = errcat(&args, &diagnostics);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("`errcat explain --diagnostic E0043`"),
        "{text}"
    );
    let out = errcat(
        &["explain", "--markdown", "--diagnostic", "E0043"],
        &diagnostics,
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# E0043\n\n`code_deleted`"));
}

#[test]
fn cargo_errcat_is_the_same_cli_and_init_lists_only_its_own_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_cargo-errcat"))
        .args(["errcat", "--help"])
        .current_dir(tmp.path())
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{help}");
    assert!(help.contains("Usage: cargo errcat"), "{help}");
    assert!(help.contains("release"), "{help}");

    let out = errcat(&["init", "--help"], tmp.path());
    let help = String::from_utf8_lossy(&out.stdout);
    for flag in ["--catalog", "--generated", "--deny"] {
        assert!(!help.contains(flag), "init --help lists {flag}:\n{help}");
    }
    let out = errcat(&["check", "--help"], tmp.path());
    assert!(String::from_utf8_lossy(&out.stdout).contains("--catalog"));

    // The counts read as English.
    copy_catalog(tmp.path());
    let minimal = "[catalog]\nname = \"one\"\n\n[categories.only]\ntitle = \"Only\"\nfault = \"client\"\nstatus = 400\n";
    std::fs::write(tmp.path().join("catalog/catalog.toml"), minimal).unwrap();
    for entry in std::fs::read_dir(tmp.path().join("catalog")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else if path.file_name().unwrap() != "catalog.toml" {
            std::fs::remove_file(path).unwrap();
        }
    }
    std::fs::write(
        tmp.path().join("catalog/only.toml"),
        "[x]\ntitle = \"X\"\nmessage = \"X.\"\n",
    )
    .unwrap();
    let out = errcat(&["generate"], tmp.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 code in 1 category;"), "{text}");
}

#[test]
fn explain_tab_completes_the_catalogs_codes() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    let out = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["--", "errcat", "explain", "rate_l"])
        .current_dir(tmp.path())
        .env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", "2")
        .env("_CLAP_COMPLETE_COMP_TYPE", "9")
        .env("_CLAP_COMPLETE_SPACE", "true")
        .output()
        .unwrap();
    let offered = String::from_utf8_lossy(&out.stdout);
    assert!(offered.contains("rate_limited"), "{offered}");
    assert!(!offered.contains("invalid_api_key"), "{offered}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_file_no_one_may_delete_does_not_fail_later_runs() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    assert!(errcat(&["generate"], tmp.path()).status.success());
    let stuck = tmp.path().join("generated/docs/README.md");
    // `chattr +i`: not even root may delete it (skip where unsupported).
    let immutable = |on: bool, path: &Path| {
        Command::new("chattr")
            .arg(if on { "+i" } else { "-i" })
            .arg(path)
            .status()
            .is_ok_and(|s| s.success())
    };
    if !immutable(true, &stuck) {
        eprintln!("chattr +i is not supported here; skipped");
        return;
    }
    let path = tmp.path().join("catalog/rate_limit.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("Rate limit exceeded", "Slow down")).unwrap();
    let out = errcat(&["generate"], tmp.path());
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".generated.errcat-")
        })
        .collect();
    for leftover in &leftovers {
        immutable(false, &leftover.join("docs/README.md"));
    }
    immutable(false, &stuck);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("updated generated/docs/rate_limit.md"),
        "{stdout}"
    );
    assert!(
        stdout.contains("could not be removed; remove it by hand"),
        "{stdout}"
    );
    assert_eq!(leftovers.len(), 1, "{leftovers:?}");
    // The next run is not stopped by the leftover, and clears it.
    let out = errcat(&["generate"], tmp.path());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!leftovers[0].exists());
}

#[test]
fn explain_finds_what_lookups_find() {
    let sqlstate = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/sqlstate");
    let explain = |code: &str| {
        errcat(
            &["explain", "--markdown", "--catalog", "catalog", code],
            &sqlstate,
        )
    };
    // A code's own snake_case name.
    let out = explain("invalid_text_representation");
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("## 22P02"));
    // An unknown identity reads as its class.
    let out = explain("22P99");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("as a code of its class it reads as `22000`"),
        "{text}"
    );
    // A string that cannot be an identity has no class.
    assert_eq!(explain("22P99X").status.code(), Some(3));
    // The diagnostics catalog ignores case: `e0043` is `E0043`.
    let diagnostics = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/diagnostics");
    let out = errcat(
        &["explain", "--markdown", "--catalog", "catalog", "e0043"],
        &diagnostics,
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn check_fix_repairs_misspelt_names_and_keeps_each_file_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    assert!(errcat(&["generate"], tmp.path()).status.success());
    let settings = tmp.path().join("catalog/catalog.toml");
    let codes = tmp.path().join("catalog/billing.toml");
    // One file with Windows line ends and a byte-order mark: fixed in place,
    // it keeps both.
    let original_codes = std::fs::read_to_string(&codes).unwrap();
    let windows = format!("\u{feff}{}", original_codes.replace('\n', "\r\n"));
    std::fs::write(&codes, &windows).unwrap();
    let original_settings = std::fs::read_to_string(&settings).unwrap();
    std::fs::write(
        &settings,
        original_settings.replacen("style = \"nested\"", "style = \"nestd\"", 1),
    )
    .unwrap();
    std::fs::write(&codes, windows.replacen("title =", "titel =", 1)).unwrap();

    let out = errcat(&["--json", "check"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    let fixes: Vec<&serde_json::Value> = report["error"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.get("fix").filter(|f| !f.is_null()))
        .collect();
    assert_eq!(fixes.len(), 2, "{report:#}");
    assert!(
        fixes
            .iter()
            .any(|f| f["replacement"] == "\"nested\"" && f["file"] == "catalog/catalog.toml"),
        "{report:#}"
    );
    let out = errcat(&["check"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("cargo errcat check --fix` fixes 2 of them"),
        "{stderr}"
    );

    let out = errcat(&["check", "--fix"], tmp.path());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("fixed 2 problems in catalog/catalog.toml, catalog/billing.toml"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(&settings).unwrap(),
        original_settings
    );
    assert_eq!(std::fs::read_to_string(&codes).unwrap(), windows);
}

#[test]
fn check_fix_leaves_a_fix_that_would_repeat_a_key() {
    let tmp = tempfile::tempdir().unwrap();
    copy_catalog(tmp.path());
    let codes = tmp.path().join("catalog/billing.toml");
    let text = std::fs::read_to_string(&codes).unwrap();
    // `titel` beside a `title`: renaming it would repeat the key.
    let broken = text.replacen("title =", "titel = \"Twice\"\ntitle =", 1);
    std::fs::write(&codes, &broken).unwrap();
    let out = errcat(&["check", "--fix"], tmp.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&codes).unwrap(), broken);
}
