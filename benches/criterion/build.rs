//! Generates, for each benchmark size, errcat's module and the baselines.
use std::path::Path;

fn main() {
    let out = std::env::var("OUT_DIR").expect("OUT_DIR");
    for n in [200usize, 2000, 20000] {
        let model = errcat_bench_gen::synthetic_model(n);
        let write = |name: &str, text: String| {
            std::fs::write(Path::new(&out).join(format!("{name}_{n}.rs")), text).expect("write")
        };
        write("errcat", errcat_bench_gen::errcat(&model));
        write("phf", errcat_bench_gen::table_phf(&model));
        write("quickphf", errcat_bench_gen::quickphf_map(&model));
        // A 20,000-arm `match` takes minutes to compile and is linear per
        // lookup; it is measured at the smaller sizes only.
        let matching = if n <= 2000 {
            errcat_bench_gen::match_lookup(&model)
        } else {
            String::new()
        };
        write("match", matching);
    }
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../gen/src/lib.rs");
    println!("cargo:rerun-if-changed=../../codegen/src");
}
