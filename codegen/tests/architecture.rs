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

/// The top-level module (or `lib` for the crate root) a `crate::` path
/// names, if it names one of `modules`.
fn module_of(path_head: &str, modules: &[String]) -> String {
    if modules.iter().any(|m| m == path_head) {
        path_head.to_string()
    } else {
        "lib".to_string()
    }
}

/// Each top-level module of codegen/src and the modules its non-test code
/// names through `crate::` paths (`use` lines and inline paths alike).
fn module_imports() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = files_under(&src, &src);
    let mut modules: Vec<String> = files
        .iter()
        .map(|f| {
            f.trim_start_matches("src/")
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|m| m != "lib" && m != "bin")
        .collect();
    modules.sort();
    modules.dedup();
    let mut graph = std::collections::BTreeMap::<String, std::collections::BTreeSet<String>>::new();
    for file in files.iter().filter(|f| f.ends_with(".rs")) {
        let relative = file.trim_start_matches("src/");
        let module = relative
            .split('/')
            .next()
            .unwrap()
            .trim_end_matches(".rs")
            .to_string();
        if module == "bin" {
            continue;
        }
        let text = std::fs::read_to_string(src.join(relative)).unwrap();
        // Tests may use anything; the layers are about what ships.
        let text = text.split("#[cfg(test)]").next().unwrap();
        let mut rest = text;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            let head: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            let braced = rest.starts_with('{');
            let targets: Vec<String> = if braced {
                let group = &rest[1..rest.find('}').unwrap_or(rest.len())];
                group
                    .split(',')
                    .map(|p| p.trim().split("::").next().unwrap_or_default().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            } else {
                vec![head]
            };
            for target in targets {
                let target = module_of(&target, &modules);
                if target != module {
                    graph.entry(module.clone()).or_default().insert(target);
                }
            }
        }
        graph.entry(module).or_default();
    }
    graph
}

/// A cycle through `from`, if there is one: the path back to it.
fn cycle_through(
    graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
    from: &str,
) -> Option<Vec<String>> {
    let mut stack = vec![(from.to_string(), vec![from.to_string()])];
    let mut seen = std::collections::BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in graph.get(&node).into_iter().flatten() {
            if next == from {
                let mut cycle = path.clone();
                cycle.push(from.to_string());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn the_modules_import_each_other_without_a_circle() {
    let graph = module_imports();
    assert!(graph.len() > 10, "the scan found the modules: {graph:?}");
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|m| cycle_through(&graph, m))
        .map(|c| c.join(" → "))
        .collect();
    assert!(
        cycles.is_empty(),
        "the layers import each other in a circle:\n{}",
        cycles.join("\n")
    );
    // The leaves stay leaves.
    for leaf in ["diag_code", "write", "source"] {
        let imports = &graph[leaf];
        assert!(
            imports.iter().all(|m| m == "source" || m == "diag_code"),
            "`{leaf}` imports {imports:?}"
        );
    }
}

#[test]
fn a_circle_is_found() {
    let graph: std::collections::BTreeMap<String, std::collections::BTreeSet<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.into_iter().map(String::from).collect()))
    .collect();
    assert_eq!(cycle_through(&graph, "a").unwrap(), ["a", "b", "c", "a"]);
    assert_eq!(cycle_through(&graph, "d"), None);
}
