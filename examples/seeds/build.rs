//! One module per seed system, from its own catalog.
fn main() -> Result<(), errcat_codegen::Error> {
    for system in [
        "roboflow",
        "vision-api",
        "rotavision",
        "clarifai",
        "promptfloe",
    ] {
        errcat_codegen::Config::new()
            .catalog_dir(format!("{system}/catalog"))
            .check_generated(format!("{system}/generated"))
            .out_file(format!("{system}.rs"))
            .compile()?;
    }
    Ok(())
}
