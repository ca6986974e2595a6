//! Generates one module per good fixture catalog of errcat-codegen.
fn main() -> Result<(), errcat_codegen::Error> {
    for fixture in [
        "minimal",
        "keywords",
        "problem_camel",
        "hostile",
        "service",
        "wire_styles",
    ] {
        errcat_codegen::Config::new()
            .catalog_dir(format!(
                "../../codegen/tests/fixtures/good/{fixture}/catalog"
            ))
            .out_file(format!("{fixture}.rs"))
            .compile()?;
    }
    Ok(())
}
