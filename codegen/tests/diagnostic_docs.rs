//! docs/diagnostics.md lists every diagnostic code, each once, as the code
//! defines it.

use errcat_codegen::DiagCode;

#[test]
fn every_code_is_documented() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/diagnostics.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let mut expected = String::new();
    for code in DiagCode::ALL {
        expected.push_str(&format!(
            "| {} | {} | {} |\n",
            code.as_str(),
            code.severity().as_str(),
            code.summary()
        ));
    }
    let table_start =
        doc.find("| --- | --- | --- |\n").expect("a table") + "| --- | --- | --- |\n".len();
    let actual = &doc[table_start..];
    if actual != expected {
        if std::env::var_os("CI").is_none() {
            std::fs::write(path, format!("{}{expected}", &doc[..table_start])).unwrap();
        }
        panic!("docs/diagnostics.md was out of date with DiagCode; it has been updated outside CI");
    }
}
