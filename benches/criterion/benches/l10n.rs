//! Localized rendering against the default message's, on errcat's own
//! catalog (English, French, Polish): the template alone (a plain message,
//! and one whose Polish text has two plural choices where the English has
//! none, and the same English with choices), and what a server pays to
//! say an error in a locale. `render/…` renders as `Error` does (a catalog
//! template, its arms not taken skipped); `checked/…` as
//! `render_template` does for any text (every arm checked).
use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use errcat::{Code, Error, LOCALES};
use errcat_runtime::render_template;
use serde_json::{Value, json};

/// What `Error` renders a catalog template with: the arms a choice does
/// not take are skipped. Params are written as `render_template` writes
/// strings and integers.
fn render_catalog(template: &str, plurals: &str, params: &[(&str, Value)]) -> String {
    errcat_runtime::template::render_parsed(template, plurals, |name, out| {
        match params.iter().find(|(k, _)| *k == name) {
            Some((_, Value::String(s))) => out.push_str(s),
            Some((_, value)) => {
                let _ = write!(out, "{value}");
            }
            None => return false,
        }
        true
    })
}

fn render(c: &mut Criterion) {
    for (group, render) in [
        (
            "render",
            render_catalog as fn(&str, &str, &[(&str, Value)]) -> String,
        ),
        ("checked", render_template),
    ] {
        render_group(c, group, render);
    }
    errors(c);
}

fn render_group(
    c: &mut Criterion,
    group: &str,
    render_template: fn(&str, &str, &[(&str, Value)]) -> String,
) {
    let mut group = c.benchmark_group(group);
    let field = [("field", json!("project_id"))];
    let limits = [("limit", json!(25)), ("window", json!(60))];
    for (name, code, params, tag) in [
        ("plain", Code::MissingField, &field[..], "fr"),
        ("plural", Code::RateLimited, &limits[..], "pl"),
    ] {
        let locale = LOCALES.find(tag).expect("a locale of the catalog");
        group.bench_function(format!("{name}/default"), |b| {
            b.iter(|| {
                render_template(
                    black_box(code).message_template(),
                    LOCALES.plurals[0],
                    black_box(params),
                )
            })
        });
        group.bench_function(format!("{name}/{tag}"), |b| {
            b.iter(|| {
                let template = black_box(code).message_template_in(black_box(tag));
                render_template(template, LOCALES.plurals[locale], black_box(params))
            })
        });
    }
    // The same message with plural choices in English too: what the
    // locale itself costs, with the choices on both sides.
    let english = "Rate limit exceeded: {limit, plural, one {# call} other {# calls}} per {window, plural, one {second} other {# seconds}}.";
    group.bench_function("plural/default with choices", |b| {
        b.iter(|| {
            render_template(
                black_box(english),
                LOCALES.plurals[0],
                black_box(&limits[..]),
            )
        })
    });
    group.finish();
}

fn errors(c: &mut Criterion) {
    let mut group = c.benchmark_group("error");
    group.bench_function("default", |b| {
        b.iter(|| Error::rate_limited(black_box(25), black_box(60)))
    });
    group.bench_function("negotiated pl", |b| {
        b.iter(|| {
            Error::rate_limited(black_box(25), black_box(60))
                .negotiated(black_box("pl-PL, en;q=0.5"))
        })
    });
    group.finish();
}

criterion_group!(benches, render);
criterion_main!(benches);
