fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .out_file("payments.rs")
        .compile()
}
