//! Rust names for the catalog's codes, categories and params, which the
//! Rust emitter writes and the N0040 note reports. Naming belongs to the
//! target language, so the model carries none of it.

use crate::ident;
use crate::model::Model;

/// Every Rust identifier the generated module uses for catalog items.
pub struct RustNames {
    /// `Code` variants, e.g. `RateLimited`, in catalog order.
    pub code_variants: Vec<String>,
    /// `Category` variants, in catalog order.
    pub category_variants: Vec<String>,
    /// Typed constructor names, e.g. `rate_limited` or `r#type`.
    pub constructors: Vec<String>,
    /// Each code's param identifiers, in declaration order.
    pub params: Vec<Vec<String>>,
}

impl RustNames {
    /// The names of `model`'s items.
    pub fn new(model: &Model) -> Self {
        RustNames {
            code_variants: model
                .codes
                .iter()
                .map(|c| ident::code_variant(&c.symbol()))
                .collect(),
            category_variants: model
                .categories
                .iter()
                .map(|c| ident::upper_camel(&c.id))
                .collect(),
            constructors: constructor_names(model),
            params: model
                .codes
                .iter()
                .map(|c| {
                    c.params
                        .iter()
                        .map(|p| ident::snake_ident(&p.name))
                        .collect()
                })
                .collect(),
        }
    }
}

/// The codes whose typed constructor cannot take the code's name because
/// `Error` already has a method of that name: (code index, the name it
/// would have had, the name it gets).
pub fn renamed_constructors(model: &Model) -> Vec<(usize, String, String)> {
    constructor_names(model)
        .into_iter()
        .zip(&model.codes)
        .enumerate()
        .filter_map(|(i, (name, code))| {
            let plain = ident::code_fn_ident(&code.symbol());
            (name != plain).then(|| (i, plain.trim_start_matches("r#").to_string(), name))
        })
        .collect()
}

/// The constructor name of each code: its function name, or `<name>_error`
/// where that would clash with a method of `Error` (or another name).
fn constructor_names(model: &Model) -> Vec<String> {
    let methods = errcat_runtime::__private::ERROR_METHODS;
    let fns: Vec<String> = model
        .codes
        .iter()
        .map(|c| ident::code_fn_ident(&c.symbol()))
        .collect();
    let plain: Vec<&str> = fns.iter().map(|f| f.trim_start_matches("r#")).collect();
    let mut taken: foldhash::HashSet<String> = methods.iter().map(|m| m.to_string()).collect();
    taken.extend(
        plain
            .iter()
            .filter(|p| !methods.contains(p))
            .map(|p| p.to_string()),
    );
    fns.iter()
        .zip(plain)
        .map(|(function, name)| {
            if !methods.contains(&name) {
                return function.clone();
            }
            let mut candidate = format!("{name}_error");
            while taken.contains(&candidate) {
                candidate.push('_');
            }
            taken.insert(candidate.clone());
            candidate
        })
        .collect()
}
