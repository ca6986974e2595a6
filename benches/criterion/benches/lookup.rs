//! Name → code (hits and misses), numeric → code, and accessors: errcat's
//! generated tables against `phf::Map`, `quickphf::PhfMap`, a foldhash
//! `HashMap` and a `match`, in one group per operation and size.
use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

macro_rules! bench_size {
    ($c:expr, $n:literal, $m:ident, $matching:expr) => {{
        use errcat_criterion::$m::{errcat::Code, foldhash_map, phf_tables, quickphf_table};
        let matching: Option<fn(&str) -> Option<u32>> = $matching;
        let names: Vec<&'static str> = Code::all().iter().map(|c| c.as_str()).collect();
        // Misses are realistic typos of the names (a transposed, dropped,
        // doubled or changed letter), kept in one buffer as the names are in
        // the generated text blob, so both groups read keys from the same
        // kind of memory.
        let typos: Vec<String> = names
            .iter()
            .enumerate()
            .map(|(i, n)| errcat_bench_gen::typo(n, i, |t| Code::lookup(t).is_some()))
            .collect();
        let miss_text: String = typos.concat();
        let mut misses: Vec<&str> = Vec::with_capacity(names.len());
        let mut at = 0;
        for t in &typos {
            misses.push(&miss_text[at..at + t.len()]);
            at += t.len();
        }
        assert!(
            misses
                .iter()
                .all(|m| Code::lookup(m).is_none() && foldhash_map::lookup(m).is_none())
        );
        let numerics: Vec<u32> = Code::all().iter().filter_map(|c| c.numeric()).collect();
        let n = $n;

        let mut group = $c.benchmark_group("name_hit");
        let mut i = 0usize;
        group.bench_function(BenchmarkId::new("errcat", n), |b| {
            b.iter(|| {
                i = (i + 1) % names.len();
                black_box(Code::lookup(black_box(names[i])))
            })
        });
        group.bench_function(BenchmarkId::new("phf", n), |b| {
            b.iter(|| {
                i = (i + 1) % names.len();
                black_box(phf_tables::BY_NAME.get(black_box(names[i])))
            })
        });
        group.bench_function(BenchmarkId::new("quickphf", n), |b| {
            b.iter(|| {
                i = (i + 1) % names.len();
                black_box(quickphf_table::BY_NAME.get(black_box(names[i])))
            })
        });
        group.bench_function(BenchmarkId::new("foldhash HashMap", n), |b| {
            b.iter(|| {
                i = (i + 1) % names.len();
                black_box(foldhash_map::lookup(black_box(names[i])))
            })
        });
        if let Some(lookup) = matching {
            group.bench_function(BenchmarkId::new("match", n), |b| {
                b.iter(|| {
                    i = (i + 1) % names.len();
                    black_box(lookup(black_box(names[i])))
                })
            });
        }
        group.finish();

        let mut group = $c.benchmark_group("name_miss");
        group.bench_function(BenchmarkId::new("errcat", n), |b| {
            b.iter(|| {
                i = (i + 1) % misses.len();
                black_box(Code::lookup(black_box(misses[i])))
            })
        });
        group.bench_function(BenchmarkId::new("phf", n), |b| {
            b.iter(|| {
                i = (i + 1) % misses.len();
                black_box(phf_tables::BY_NAME.get(black_box(misses[i])))
            })
        });
        group.bench_function(BenchmarkId::new("quickphf", n), |b| {
            b.iter(|| {
                i = (i + 1) % misses.len();
                black_box(quickphf_table::BY_NAME.get(black_box(misses[i])))
            })
        });
        group.bench_function(BenchmarkId::new("foldhash HashMap", n), |b| {
            b.iter(|| {
                i = (i + 1) % misses.len();
                black_box(foldhash_map::lookup(black_box(misses[i])))
            })
        });
        if let Some(lookup) = matching {
            group.bench_function(BenchmarkId::new("match", n), |b| {
                b.iter(|| {
                    i = (i + 1) % misses.len();
                    black_box(lookup(black_box(misses[i])))
                })
            });
        }
        group.finish();

        let mut group = $c.benchmark_group("numeric");
        group.bench_function(BenchmarkId::new("errcat", n), |b| {
            b.iter(|| {
                i = (i + 1) % numerics.len();
                black_box(Code::from_numeric(black_box(numerics[i])))
            })
        });
        group.bench_function(BenchmarkId::new("phf", n), |b| {
            b.iter(|| {
                i = (i + 1) % numerics.len();
                black_box(phf_tables::BY_NUMERIC.get(black_box(&numerics[i])))
            })
        });
        group.finish();

        let codes = Code::all();
        let baseline: Vec<phf_tables::Code> = names
            .iter()
            .map(|n| phf_tables::Code::lookup(n).expect("same catalog"))
            .collect();
        let mut group = $c.benchmark_group("accessors");
        group.bench_function(BenchmarkId::new("errcat", n), |b| {
            b.iter(|| {
                i = (i + 1) % codes.len();
                let c = black_box(codes[i]);
                black_box((c.http_status(), c.title(), c.numeric(), c.exit_code()))
            })
        });
        group.bench_function(BenchmarkId::new("phf", n), |b| {
            b.iter(|| {
                i = (i + 1) % baseline.len();
                let c = black_box(baseline[i]);
                black_box((c.http_status(), c.title(), c.numeric(), c.exit_code()))
            })
        });
        group.finish();
    }};
}

fn lookups(c: &mut Criterion) {
    bench_size!(c, 200, n200, Some(errcat_criterion::n200::matching::lookup));
    bench_size!(
        c,
        2000,
        n2000,
        Some(errcat_criterion::n2000::matching::lookup)
    );
    bench_size!(c, 20000, n20000, None);
}

criterion_group! {
    name = benches;
    config = Criterion::default().warm_up_time(std::time::Duration::from_millis(300)).measurement_time(std::time::Duration::from_secs(1));
    targets = lookups
}
criterion_main!(benches);
