//! ARCHITECTURE.md stays true: every file under `codegen/src` has a row in
//! the codemap (by its path, a `{a,b}` group, a folder row or a `<rule>`
//! pattern), and the counts it gives of rules and lints are the registry's.

use std::path::{Path, PathBuf};

use errcat_codegen::DiagCode;

fn architecture() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ARCHITECTURE.md");
    std::fs::read_to_string(path).unwrap()
}

/// The `codegen/` section of the codemap.
fn codegen_section(text: &str) -> &str {
    let start = text
        .find("### `codegen/`")
        .expect("a codegen/ codemap section");
    let rest = &text[start + 3..];
    &text[start..start + 3 + rest.find("\n### ").unwrap_or(rest.len())]
}

/// Every `src/...` path named in backticks, with `{a,b}` groups expanded.
fn named_paths(section: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, span) in section.split('`').enumerate() {
        if i % 2 == 0 || !span.starts_with("src/") {
            continue;
        }
        match (span.find('{'), span.find('}')) {
            (Some(open), Some(close)) if open < close => {
                for part in span[open + 1..close].split(',') {
                    out.push(format!(
                        "{}{}{}",
                        &span[..open],
                        part.trim(),
                        &span[close + 1..]
                    ));
                }
            }
            _ => out.push(span.to_string()),
        }
    }
    out
}

/// Whether `file` (relative to codegen/) is covered by `pattern`: the same
/// path, a folder row (`src/emit/typescript/`), or a `<name>` segment.
fn covers(pattern: &str, file: &str) -> bool {
    if let Some(folder) = pattern.strip_suffix('/') {
        return file.starts_with(&format!("{folder}/"));
    }
    match (pattern.find('<'), pattern.find('>')) {
        (Some(open), Some(close)) => {
            let (before, after) = (&pattern[..open], &pattern[close + 1..]);
            file.starts_with(before)
                && file.ends_with(after)
                && !file[before.len()..file.len() - after.len()].contains('/')
        }
        _ => pattern == file,
    }
}

fn files_under(dir: &Path, base: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending: Vec<PathBuf> = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_codegen_file_has_a_codemap_row() {
    let text = architecture();
    let patterns = named_paths(codegen_section(&text));
    let base = Path::new(env!("CARGO_MANIFEST_DIR"));
    let missing: Vec<String> = files_under(&base.join("src"), base)
        .into_iter()
        .filter(|file| !patterns.iter().any(|p| covers(p, file)))
        .collect();
    assert!(
        missing.is_empty(),
        "files with no row in ARCHITECTURE.md's codemap: {missing:#?}"
    );
}

#[test]
fn the_codemap_counts_rules_and_lints_right() {
    let text = architecture();
    let rules = DiagCode::ALL.len();
    let lints = DiagCode::ALL
        .iter()
        .filter(|c| c.rule().lint.is_some())
        .count();
    let histories = DiagCode::ALL
        .iter()
        .filter(|c| c.rule().history.is_some())
        .count();
    let expected = format!(
        "One per code ({rules}): summary, explanation, example, constructors, lint ({lints} rules have one, {histories} a history check)"
    );
    assert!(
        text.contains(&expected),
        "ARCHITECTURE.md should say: {expected}"
    );
}
