fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new().compile()
}
