//! Generates, for each benchmark size, errcat's module and the baselines.
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    for n in [200usize, 2000, 20000] {
        let model = errcat_bench_gen::synthetic_model(n);
        let write = |name: &str, text: String| std::fs::write(Path::new(&out).join(format!("{name}_{n}.rs")), text).expect("write");
        write("errcat", errcat_bench_gen::errcat(&model));
        write("phf", errcat_bench_gen::table_phf(&model));
        write("match", errcat_bench_gen::match_lookup(&model));
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../gen/src/lib.rs");
    println!("cargo:rerun-if-changed=../../codegen/src");
}
