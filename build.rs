//! Generates the `errcat` crate's code from `catalog/` into `OUT_DIR`, and
//! warns (without writing) when the committed `generated/` docs are stale.
fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .check_generated("generated")
        .compile()
}
