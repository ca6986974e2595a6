fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .check_generated("generated")
        .compile()
}
