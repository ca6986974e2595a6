//! Emits the Rust module for a catalog: `Code` and `Category` enums, their
//! accessors, and the lookup tables behind them.
//!
//! Per-code facts live in byte tables indexed by the discriminant, and all
//! text lives in one string blob, so compile time grows gently with the
//! number of codes; no accessor is an N-arm `match`. Every function is
//! `#[inline]`: the crate that calls it compiles it, and the generated crate
//! itself only type-checks it.
//!
//! - `names`: Rust identifiers for codes, categories and params;
//! - `tables`: the data (record layout, text blob, perfect hashes);
//! - `items`: the items, as tokens;
//! - `constructors`: the typed constructors;
//! - `splice`: the one post-formatting step (placeholders to text);
//! - `literals`: escaping catalog text into literals and doc comments.

mod constructors;
mod items;
mod literals;
mod names;
mod splice;
mod tables;

use proc_macro2::Ident;
use quote::format_ident;

pub use literals::{byte_string_literal, string_literal};
pub use names::renamed_constructors;

use super::Context;
use names::RustNames;
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

/// The generated module, formatted by prettyplease.
pub fn emit(cx: &Context<'_>, options: &RustOptions) -> String {
    let model = cx.model;
    let names = RustNames::new(model);
    // The typed constructors (the last item) are built and formatted on a
    // second core while this one does everything else. syn trees are not
    // `Send`, so the worker hands back text.
    let (constructors, body) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            // Typed constructors build an `Error`, which only an HTTP
            // catalog has.
            if options.typed_constructors && model.meta.http {
                constructors::constructors_block(model, &names, options)
            } else {
                String::new()
            }
        });
        let body = module_body(cx, &names, options);
        (crate::par::join(worker), body)
    });
    let mut out = format!(
        "// {}\n\n",
        super::generated_header(&options.regenerate_command)
    );
    // Everything sits in one module whose lints allow what a crate does not
    // use, and is re-exported from there: a crate that includes this file
    // privately (a binary, a private `mod errors`) gets no dead-code
    // warnings, and rustc builds none for thousands of unused items.
    out.push_str("#[allow(dead_code, unused_imports)]\nmod __errcat {\n");
    for line in body.lines().chain(constructors.lines()) {
        if !line.is_empty() {
            out.push_str("    ");
            out.push_str(line);
        }
        out.push('\n');
    }
    out.push_str("}\n\n#[allow(unused_imports)]\npub use __errcat::*;\n");
    out
}

/// Everything but the constructors, formatted, placeholders filled in.
fn module_body(cx: &Context<'_>, names: &RustNames, options: &RustOptions) -> String {
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
            Err(e) => return tokens_for_fallback(&e),
        }
    }
    file.items.push(items.code_enum(&mut splices));
    for group in after {
        match syn::parse2::<syn::File>(group) {
            Ok(parsed) => file.items.extend(parsed.items),
            Err(e) => return tokens_for_fallback(&e),
        }
    }
    splices.apply(&prettyplease::unparse(&file))
}

/// What a parse failure of errcat's own tokens turns into: a compile error
/// that names the bug, rather than a panic in a build script. Unreachable
/// for tokens built by quote from a valid model (the golden tests prove
/// every fixture parses).
fn tokens_for_fallback(error: &syn::Error) -> String {
    debug_assert!(false, "generated tokens do not parse: {error}");
    let message =
        format!("errcat-codegen produced Rust it cannot parse ({error}); please report this bug");
    format!("compile_error!({});\n", string_literal(&message))
}

fn rt_path(options: &RustOptions) -> syn::Path {
    syn::parse_str(&options.runtime_path).unwrap_or_else(|_| syn::parse_quote!(::errcat_runtime))
}

fn ident_of(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
}
