//! The committed `generated/` folder matches what the catalog produces
//! (`errcat_codegen::ensure_fresh`, rust-analyzer's `ensure_file_contents`
//! style): outside CI a stale folder is rewritten and the test fails,
//! asking you to commit the result. The lock is not checked here: it is the
//! last release, written only by `errcat release`.

use std::path::Path;

#[test]
fn generated_folder_is_fresh() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    errcat_codegen::ensure_fresh(&root.join("catalog"), &root.join("generated"));
}
