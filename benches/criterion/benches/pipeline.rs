//! The codegen pipeline end to end: load and validate the catalog, then emit
//! Rust, Markdown and JSON, from in-memory sources; and what comparing the
//! catalog with its lock (`errcat.lock`) adds to load and validate.
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use errcat_codegen::emit::{self, Context};
use errcat_codegen::{Sources, compile};

fn pipeline(c: &mut Criterion) {
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    for n in [200usize, 2000, 20000] {
        let files = errcat_codegen::synth::catalog(n);
        let sources = Sources::from_memory(
            "catalog",
            files
                .iter()
                .map(|(k, v)| (k.display().to_string(), v.clone())),
        );
        group.throughput(criterion::Throughput::Elements(n as u64));
        group.bench_with_input(
            BenchmarkId::new("load+validate+emit", n),
            &sources,
            |b, sources| {
                b.iter(|| {
                    let compiled = compile(sources).expect("valid");
                    // As `Config::compile` with `check_generated`: one context,
                    // the Rust module and the generated/ files on two cores.
                    let cx = Context::new(&compiled.model, "x");
                    std::thread::scope(|scope| {
                        let files = scope.spawn(|| emit::generate(&cx));
                        (
                            emit::rust::emit(&cx, &Default::default()),
                            files.join().expect("no panic"),
                        )
                    })
                })
            },
        );
        group.bench_with_input(
            BenchmarkId::new("load+validate", n),
            &sources,
            |b, sources| b.iter(|| compile(sources).expect("valid")),
        );
        // The same catalog with the lock `generate` writes for it: every
        // build then also reads the lock and runs the history rules.
        let lock = errcat_codegen::lock_text(&compile(&sources).expect("valid").model);
        let locked = Sources::from_memory(
            "catalog",
            files
                .iter()
                .map(|(k, v)| (k.display().to_string(), v.clone()))
                .chain([("errcat.lock".to_string(), lock)]),
        );
        let lock_text = locked
            .files()
            .iter()
            .find(|f| f.name == "errcat.lock")
            .expect("the lock")
            .text
            .clone();
        group.bench_with_input(BenchmarkId::new("lock-parse", n), &lock_text, |b, text| {
            b.iter(|| {
                errcat_codegen::history::lock::Lock::parse(errcat_codegen::source::FileId(0), text)
                    .expect("a lock")
            })
        });
        let model = compile(&sources).expect("valid").model;
        group.bench_with_input(BenchmarkId::new("snapshot", n), &model, |b, model| {
            b.iter(|| errcat_codegen::history::Snapshot::of(model))
        });
        let snapshot = errcat_codegen::history::Snapshot::of(&model);
        group.bench_with_input(BenchmarkId::new("compare", n), &snapshot, |b, snapshot| {
            b.iter(|| errcat_codegen::diagnostics::compare(snapshot, snapshot))
        });
        group.bench_with_input(
            BenchmarkId::new("load+validate+lock", n),
            &locked,
            |b, sources| b.iter(|| compile(sources).expect("valid")),
        );
    }
    group.finish();
}

criterion_group!(benches, pipeline);
criterion_main!(benches);
