//! Writes the crates of one synthetic catalog size for `benches/compile.sh`:
//! `errcat/`, `errcat-lean/`, `strum/`, `phf/`, `phf-ctors/` and `empty/` (the
//! floor: no code, errcat's dependency), each a library whose
//! `src/lib.rs` is the generated source (and `src/stub.rs` an empty one used
//! to pre-build dependencies).
//!
//! Usage: bench-crates <codes> <out-dir> <path-to-errcat-runtime>

use std::path::Path;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("create folder");
    std::fs::write(path, text).expect("write file");
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, codes, out, runtime] = &args[..] else {
        eprintln!("usage: bench-crates <codes> <out-dir> <path-to-errcat-runtime>");
        std::process::exit(2);
    };
    let codes: usize = codes.parse().expect("a number of codes");
    let model = errcat_bench_gen::synthetic_model(codes);
    let out = Path::new(out);
    let cases = [
        (
            "errcat",
            format!("errcat-runtime = {{ path = {runtime:?} }}\n"),
            errcat_bench_gen::errcat(&model),
        ),
        (
            "errcat-lean",
            format!("errcat-runtime = {{ path = {runtime:?} }}\n"),
            errcat_bench_gen::errcat_lean(&model),
        ),
        (
            "strum",
            "strum = { version = \"0.28\", features = [\"derive\"] }\n".to_string(),
            errcat_bench_gen::strum_match(&model),
        ),
        (
            "phf",
            "phf = \"0.14\"\n".to_string(),
            errcat_bench_gen::table_phf(&model),
        ),
        (
            // rustc's floor: an empty library with errcat's dependency.
            "empty",
            format!("errcat-runtime = {{ path = {runtime:?} }}\n"),
            String::new(),
        ),
        (
            "phf-ctors",
            "phf = \"0.14\"\n".to_string(),
            errcat_bench_gen::table_phf_constructors(&model),
        ),
    ];
    for (name, deps, source) in cases {
        let dir = out.join(name);
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"bench-{name}\"\nversion = \"0.0.0\"\nedition = \"2024\"\n\n[workspace]\n\n[dependencies]\n{deps}"
            ),
        );
        write(&dir.join("src/generated.rs"), &source);
        write(&dir.join("src/stub.rs"), "");
        write(&dir.join("src/lib.rs"), "include!(\"stub.rs\");\n");
        println!("{}: {} KB of source", dir.display(), source.len() / 1024);
    }
}
