//! The committed `generated/` folder matches what the catalog produces, in
//! the style of rust-analyzer's `ensure_file_contents`: outside CI a stale
//! folder is rewritten and the test fails, asking you to commit the result.

use std::path::Path;

use errcat_codegen::{
    GENERATE_COMMAND, compile_dir, generated_files, lock_is_stale, lock_path, lock_text, write,
};

#[test]
fn generated_folder_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let compiled =
        compile_dir(&root.join("catalog"), "catalog").unwrap_or_else(|r| panic!("{}", r.render()));
    let files = generated_files(&compiled.model, GENERATE_COMMAND);
    let generated = root.join("generated");
    let stale = write::stale_files(&generated, &files);
    let catalog = root.join("catalog");
    let lock_stale = lock_is_stale(&catalog, &compiled.model);
    if stale.is_empty() && !lock_stale {
        return;
    }
    let mut list: Vec<String> = stale
        .iter()
        .map(|s| format!("  generated/{} ({})", s.path().display(), s.label()))
        .collect();
    if lock_stale {
        list.push("  catalog/errcat.lock".into());
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "generated/ or the lock is stale:\n{}\nRun `{GENERATE_COMMAND}` and commit the result.",
            list.join("\n")
        );
    }
    write::write_all(&generated, &files).unwrap();
    write::write_if_changed(&lock_path(&catalog), &lock_text(&compiled.model)).unwrap();
    panic!(
        "generated/ was stale and has been updated:\n{}\nCommit the changes.",
        list.join("\n")
    );
}
