//! Emits the Rust module for a catalog: `Code` and `Category` enums, their
//! accessors, and the lookup tables behind them.
//!
//! Per-code facts live in byte tables indexed by the discriminant, and all
//! text lives in one string blob, so compile time grows gently with the
//! number of codes; no accessor is an N-arm `match`. Every function is
//! `#[inline]`: the crate that calls it compiles it, and the generated crate
//! itself only type-checks it.
//!
//! - `crate::rust_names`: Rust identifiers for codes, categories and
//!   params (shared with the N0040 note);
//! - `tables`: the data (record layout, text blob, perfect hashes);
//! - `items`: the items, as tokens;
//! - `constructors`: the typed constructors;
//! - `splice`: the one post-formatting step (placeholders to text);
//! - `literals`: escaping catalog text into literals and doc comments.

mod blob;
mod constructors;
mod items;
mod literals;
mod splice;
mod tables;

use proc_macro2::Ident;
use quote::format_ident;

pub use literals::{byte_string_literal, string_literal};

use super::Context;
use crate::rust_names::RustNames;
use splice::Splices;

/// Options of the Rust module.
#[derive(Clone, Debug)]
pub struct RustOptions {
    /// The command named in the `@generated` header.
    pub regenerate_command: String,
    /// The path of the runtime crate, e.g. `::errcat_runtime`.
    pub runtime_path: String,
    /// Whether to emit one typed constructor per code on `Error`.
    pub typed_constructors: bool,
}

impl Default for RustOptions {
    fn default() -> Self {
        RustOptions {
            regenerate_command: "cargo build".into(),
            runtime_path: "::errcat_runtime".into(),
            typed_constructors: true,
        }
    }
}

/// `rust/errcat.rs`: the same module committed beside the other outputs,
/// for crates that prefer no build script (as many prost and tonic users
/// do): `include!` it from `src`, and `errcat check` keeps it fresh.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "rust",
        default: false,
        needs_http: false,
        requires: None,
        reserved_pages: &[],
    },
    emit: |cx| {
        let options = RustOptions {
            regenerate_command: cx.command.to_string(),
            ..RustOptions::default()
        };
        let mut files = crate::write::FileSet::new();
        files.insert(std::path::PathBuf::from(FILE), emit(cx, &options));
        files
    },
};

/// The committed module's path under `generated/`.
pub const FILE: &str = "rust/errcat.rs";

/// The generated module, formatted by prettyplease.
pub fn emit(cx: &Context<'_>, options: &RustOptions) -> String {
    // The indentation of everything inside `mod __errcat`.
    const INDENT: &str = "    ";
    let model = cx.model;
    let names = RustNames::new(model);
    // The typed constructors (the last item) and the `Code` variants' text
    // are written on other threads while this one builds the tables and
    // formats the rest. syn trees are not `Send`, so workers hand back text:
    // the constructors indented for the module.
    let (constructors, mut out) = std::thread::scope(|scope| {
        let constructors = scope.spawn(|| {
            // Typed constructors build an `Error`, which only an HTTP
            // catalog has.
            if options.typed_constructors && model.meta.http {
                constructors::constructors_block(model, &names, options, INDENT)
            } else {
                String::new()
            }
        });
        let variants = scope.spawn(|| items::variants_block(model, &names));
        // Everything sits in one module whose lints allow what a crate does
        // not use, and is re-exported from there: a crate that includes this
        // file privately (a binary, a private `mod errors`) gets no dead-code
        // warnings, and rustc builds none for thousands of unused items.
        let mut out = format!(
            "// {}\n\n#[allow(dead_code, unused_imports)]\nmod __errcat {{\n",
            super::generated_header(&options.regenerate_command)
        );
        module_body(cx, &names, options, INDENT, &mut out, || {
            crate::par::join(variants)
        });
        (crate::par::join(constructors), out)
    });
    out.push_str(&constructors);
    out.push_str("}\n\n#[allow(unused_imports)]\npub use __errcat::*;\n");
    out
}

/// Appends everything but the constructors to `out`, formatted, placeholders
/// filled in, every line indented by `indent`. `variants` gives the `Code`
/// variants' text ([`items::variants_block`]) once the tables are built.
fn module_body(
    cx: &Context<'_>,
    names: &RustNames,
    options: &RustOptions,
    indent: &str,
    out: &mut String,
    variants: impl FnOnce() -> String,
) {
    let rt = rt_path(options);
    let mut splices = Splices::default();
    let tables = tables::Tables::build(cx.model, names, cx.sections(), &rt, &mut splices);
    let items = items::Items {
        model: cx.model,
        names,
        tables: &tables,
        rt: &rt,
    };
    let before = [items.prelude(), items.category()];
    let after = [items.code_tables(), items.code_impl(), items.code_traits()];
    let mut file: syn::File = syn::parse_quote!();
    for group in before {
        match syn::parse2::<syn::File>(group) {
            Ok(parsed) => file.items.extend(parsed.items),
            Err(e) => return tokens_for_fallback(&e, indent, out),
        }
    }
    file.items.push(items.code_enum(&mut splices, variants()));
    for group in after {
        match syn::parse2::<syn::File>(group) {
            Ok(parsed) => file.items.extend(parsed.items),
            Err(e) => return tokens_for_fallback(&e, indent, out),
        }
    }
    splices.apply(&prettyplease::unparse(&file), indent, out);
}

/// What a parse failure of errcat's own tokens turns into: a compile error
/// that names the bug, rather than a panic in a build script. Unreachable
/// for tokens built by quote from a valid model (the golden tests prove
/// every fixture parses).
fn tokens_for_fallback(error: &syn::Error, indent: &str, out: &mut String) {
    debug_assert!(false, "generated tokens do not parse: {error}");
    let message =
        format!("errcat-codegen produced Rust it cannot parse ({error}); please report this bug");
    out.extend([indent, "compile_error!(", &string_literal(&message), ");\n"]);
}

/// The lines prettyplease prints for the one item inside `outer` (an `impl`
/// or an `enum` without attributes), without `outer`'s first and last lines
/// and with the item's indentation removed: what a block placeholder
/// (`splice`) holds where an item is too long to write directly.
fn format_inner(outer: syn::Item) -> String {
    let mut file: syn::File = syn::parse_quote!();
    file.items.push(outer);
    let formatted = prettyplease::unparse(&file);
    let mut lines: Vec<&str> = formatted.lines().collect();
    // The block's own first and last lines.
    lines.pop();
    let mut out = String::with_capacity(formatted.len());
    for line in lines.into_iter().skip(1) {
        out.push_str(line.strip_prefix("    ").unwrap_or(line));
        out.push('\n');
    }
    out
}

/// Appends one item of a block placeholder: its doc comment, then `direct`
/// (the item as prettyplease writes it when nothing wraps) if it fits, else
/// what prettyplease makes of the item inside `outer()`.
fn write_block_item(out: &mut String, doc: &str, direct: &str, outer: impl FnOnce() -> syn::Item) {
    for line in literals::doc_lines(doc) {
        out.extend(["///", &line, "\n"]);
    }
    if fits(direct, 4) {
        out.push_str(direct);
    } else {
        out.push_str(&format_inner(outer()));
    }
}

/// Whether every line of `text`, at `indent` columns, fits within
/// prettyplease's margin with room to spare, so that prettyplease would
/// write it as it stands: it breaks only lines that do not fit. Widths are
/// in bytes, as prettyplease measures them.
fn fits(text: &str, indent: usize) -> bool {
    text.lines().all(|line| indent + line.len() <= FITS)
}

/// The widest line the fast paths write as they are; prettyplease's margin
/// is 89 columns. The tests compare both ways at every width up to it.
const FITS: usize = 80;

fn rt_path(options: &RustOptions) -> syn::Path {
    syn::parse_str(&options.runtime_path).unwrap_or_else(|_| syn::parse_quote!(::errcat_runtime))
}

fn ident_of(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A catalog whose constructor signatures and deprecation notes take
    /// every width from a few columns to past prettyplease's margin.
    fn wide_catalog() -> crate::Model {
        let types = ["string", "u32", "u64", "f64", "bool", "i64", "u16", "i32"];
        let mut codes = String::new();
        for width in 1..=72 {
            let name = format!("c{}", "x".repeat(width));
            let count = width % 6;
            let params: Vec<String> = (0..count)
                .map(|p| {
                    format!(
                        "p{p}{} = \"{}\"",
                        "y".repeat(width % 7),
                        types[(width + p) % 8]
                    )
                })
                .collect();
            let placeholders: String = (0..count)
                .map(|p| format!(" {{p{p}{}}}", "y".repeat(width % 7)))
                .collect();
            codes.push_str(&format!(
                "[{name}]\ntitle = \"T\"\nmessage = \"M{placeholders}.\"\nparams = {{ {} }}\n",
                params.join(", ")
            ));
            if width % 2 == 0 {
                codes.push_str(&format!(
                    "deprecated = \"{}\"\n",
                    "n \\\"q\\\" ".repeat(width / 4 + 1)
                ));
            } else if width % 4 == 1 {
                // Wider in bytes than in characters: prettyplease counts bytes.
                codes.push_str(&format!("deprecated = \"{}\"\n", "\u{fc}".repeat(width)));
            }
            codes.push('\n');
        }
        let sources = crate::Sources::from_memory(
            "catalog",
            [
                (
                    "catalog.toml".to_string(),
                    "[catalog]\nname = \"wide\"\n\n[categories.c]\ntitle = \"C\"\nfault = \"client\"\nstatus = 400\n"
                        .to_string(),
                ),
                ("c.toml".to_string(), codes),
            ],
        );
        match crate::compile(&sources) {
            Ok(compiled) => compiled.model,
            Err(report) => panic!("{}", report.render()),
        }
    }

    #[test]
    fn items_written_directly_are_what_prettyplease_writes() {
        let model = wide_catalog();
        let names = RustNames::new(&model);
        let constructors = constructors::Constructors;
        let (mut direct_count, mut wrapped_count) = (0, 0);
        for (i, code) in model.codes.iter().enumerate() {
            let direct = constructors.direct(i, code, &names);
            let item = constructors.item(i, code, &names);
            let formatted = format_inner(syn::parse_quote!(impl Error { #item }));
            let variant = &names.code_variants[i];
            let direct_variant = items::variant_direct(&model, code, variant);
            let tokens = items::variant_tokens(&model, code, variant);
            let formatted_variant = format_inner(syn::parse_quote!(enum E { #tokens }));
            for (direct, formatted) in [(direct, formatted), (direct_variant, formatted_variant)] {
                if fits(&direct, 4) {
                    assert_eq!(direct, formatted);
                    direct_count += 1;
                } else if direct != formatted {
                    // prettyplease broke a line: only long ones are.
                    assert!(direct.lines().any(|l| l.len() + 4 > 89), "{direct}");
                    wrapped_count += 1;
                }
            }
        }
        assert!(
            direct_count > 40 && wrapped_count > 20,
            "{direct_count} {wrapped_count}"
        );
    }

    #[test]
    fn the_module_splices_both_ways_of_writing_items() {
        let model = wide_catalog();
        let rust = emit(&Context::new(&model, "x"), &RustOptions::default());
        assert!(!rust.contains(splice::BLOCK_ITEM) && !rust.contains("@errcat-"));
        // A long note is broken by prettyplease; a short one is written directly.
        assert!(
            rust.contains("        #[deprecated(\n            note = "),
            "{rust}"
        );
        assert!(rust.contains("        #[deprecated(note = \"n \\\"q\\\" \")]\n        Cxx,\n"));
        let file: syn::File = syn::parse_str(&rust).expect("the module parses");
        assert_eq!(file.items.len(), 2);
    }
}
