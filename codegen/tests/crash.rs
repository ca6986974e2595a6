//! `kill -9` during `errcat generate`: the generated folder is always the
//! complete old set or the complete new set, and the next run leaves no
//! staging folder or temp file behind.
//!
//! CI runs a few kills on a small catalog; the full run is
//! `ERRCAT_CRASH_CODES=20000 ERRCAT_CRASH_KILLS=50 cargo test --release -p errcat-codegen --test crash`
//! (docs/reliability.md has its result).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn errcat(args: &[&str]) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

fn run(args: &[&str]) {
    let status = errcat(args).wait().unwrap();
    assert!(status.success(), "errcat {args:?} failed");
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// Every file under `root` with its bytes.
fn snapshot(root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let rel = path.strip_prefix(root).unwrap().to_path_buf();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("errcat-"))
        .collect()
}

/// Two synthetic catalogs of `codes` codes in `a/` and `b/` that differ in
/// every docs URL, so every generated file differs; and their generated
/// sets, each made in `out/` (the headers name the folder), which is then
/// removed.
fn two_catalogs(tmp: &Path, codes: &str) -> [BTreeMap<PathBuf, Vec<u8>>; 2] {
    let path = |p: &str| tmp.join(p).display().to_string();
    run(&["synth", "--codes", codes, "--out", &path("a")]);
    std::fs::create_dir(tmp.join("b")).unwrap();
    for entry in std::fs::read_dir(tmp.join("a")).unwrap().flatten() {
        let text = std::fs::read_to_string(entry.path()).unwrap();
        let text = text.replace("https://example.com/errors", "https://example.org/errors");
        std::fs::write(tmp.join("b").join(entry.file_name()), text).unwrap();
    }
    let mut sets = [BTreeMap::new(), BTreeMap::new()];
    for (set, catalog) in sets.iter_mut().zip(["a", "b"]) {
        run(&[
            "generate",
            "--catalog",
            &path(catalog),
            "--generated",
            &path("out"),
        ]);
        *set = snapshot(&tmp.join("out"));
        std::fs::remove_dir_all(tmp.join("out")).unwrap();
    }
    assert_ne!(sets[0], sets[1]);
    sets
}

#[test]
fn a_killed_generate_leaves_the_old_or_the_new_set() {
    let codes = env_or("ERRCAT_CRASH_CODES", 2000).to_string();
    let kills = env_or("ERRCAT_CRASH_KILLS", 6);
    let tmp = tempfile::tempdir().unwrap();
    let path = |p: &str| tmp.path().join(p).display().to_string();
    let sets = two_catalogs(tmp.path(), &codes);
    let started = Instant::now();
    run(&[
        "generate",
        "--catalog",
        &path("a"),
        "--generated",
        &path("timing"),
    ]);
    let full_run = started.elapsed();
    let out = tmp.path().join("out");
    run(&[
        "generate",
        "--catalog",
        &path("a"),
        "--generated",
        &path("out"),
    ]);
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    for kill in 0..kills {
        let (from, to) = if kill % 2 == 0 { ("a", 1) } else { ("b", 0) };
        let catalog = if from == "a" { path("b") } else { path("a") };
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let wait = full_run.mul_f64((seed % 1000) as f64 / 1000.0);
        let mut child = errcat(&[
            "generate",
            "--catalog",
            &catalog,
            "--generated",
            &path("out"),
        ]);
        std::thread::sleep(wait);
        let _ = child.kill();
        let _ = child.wait();
        let seen = snapshot(&out);
        assert!(
            seen == sets[0] || seen == sets[1],
            "kill {kill} after {wait:?}: a mix of old and new files"
        );
        run(&[
            "generate",
            "--catalog",
            &catalog,
            "--generated",
            &path("out"),
        ]);
        assert!(
            snapshot(&out) == sets[to],
            "kill {kill}: the next run is not complete"
        );
        assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "kill {kill}");
    }
}

#[test]
fn concurrent_generates_all_succeed_and_leave_one_whole_set() {
    let tmp = tempfile::tempdir().unwrap();
    let path = |p: &str| tmp.path().join(p).display().to_string();
    let sets = two_catalogs(tmp.path(), "300");
    for round in 0..5 {
        let children: Vec<_> = (0..4)
            .map(|i| {
                let catalog = if i % 2 == 0 { path("a") } else { path("b") };
                errcat(&[
                    "generate",
                    "--catalog",
                    &catalog,
                    "--generated",
                    &path("out"),
                ])
            })
            .collect();
        for mut child in children {
            assert!(
                child.wait().unwrap().success(),
                "round {round}: a run failed"
            );
        }
        let seen = snapshot(&tmp.path().join("out"));
        assert!(seen == sets[0] || seen == sets[1], "round {round}: a mix");
        assert_eq!(leftovers(tmp.path()), Vec::<String>::new(), "round {round}");
    }
}
