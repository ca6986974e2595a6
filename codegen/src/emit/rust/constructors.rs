//! The typed constructors: one `Error` method per code, each a call to a
//! helper shared by every code with the same param types.

use proc_macro2::{Ident, Literal};
use quote::{format_ident, quote};

use super::splice::Splices;
use super::{RustOptions, ident_of, rt_path};
use crate::emit::escape::md_inline_code;
use crate::model::{Code, Model};
use crate::rust_names::RustNames;

/// `impl Error { <one typed constructor per code> }` and its helpers,
/// formatted, each line indented by `indent`.
pub(super) fn constructors_block(
    model: &Model,
    names: &RustNames,
    options: &RustOptions,
    indent: &str,
) -> String {
    let rt = rt_path(options);
    let constructors = Constructors;
    let mut text = String::new();
    for (i, code) in model.codes.iter().enumerate() {
        constructors.write(i, code, names, &mut text);
    }
    let mut splices = Splices::default();
    let placeholder = splices.block(text);
    let mut block: syn::ItemImpl = syn::parse_quote! {
        /// Typed constructors, one per code, rendering its message template.
        #[allow(deprecated)]
        impl Error {
            #placeholder
            fn __errcat_block() {}
        }
    };
    if model.codes.is_empty() {
        block.items.clear();
    }
    let mut file: syn::File = syn::parse_quote!();
    file.items.push(syn::Item::Impl(block));
    file.items.push(constructors.helpers(model, &rt));
    let mut out = String::new();
    splices.apply(&prettyplease::unparse(&file), indent, &mut out);
    out
}

/// Writes the typed constructors.
///
/// rustc spends a fixed cost on every function, and more on one whose body
/// builds slices or resolves a path through `Error`. So each constructor is
/// `#[inline]` (compiled only where it is called) and its body is one call
/// to a private helper shared by every code with the same param types,
/// passing the code's index and the arguments as they are.
pub(super) struct Constructors;

/// The Rust type of a param, as written: `&str` for strings; every other
/// catalog type name is its Rust primitive.
fn rust_type_name(ty: crate::model::ParamType) -> &'static str {
    match ty {
        crate::model::ParamType::String => "&str",
        other => other.as_str(),
    }
}

/// [`rust_type_name`] as a syn type, for the items prettyplease formats.
fn rust_type(ty: crate::model::ParamType) -> syn::Type {
    syn::parse_str(rust_type_name(ty)).expect("every param type name is a Rust type")
}

/// A helper's name from its param types, e.g. `with_string_f64` or
/// `no_params`.
fn signature_name(params: &[crate::model::Param]) -> String {
    if params.is_empty() {
        return "no_params".into();
    }
    let names: Vec<&str> = params.iter().map(|p| p.ty.as_str()).collect();
    format!("with_{}", names.join("_"))
}

impl Constructors {
    /// Appends code `index`'s constructor as prettyplease lays it out
    /// inside `impl Error`, relative to the impl's items: its doc comment,
    /// then the function, written directly when every line fits the margin
    /// (prettyplease then breaks none), else formatted by prettyplease.
    fn write(&self, index: usize, code: &Code, names: &RustNames, out: &mut String) {
        let direct = self.direct(index, code, names);
        super::write_block_item(out, &self.doc(index, code, names), &direct, || {
            let item = self.item(index, code, names);
            syn::parse_quote!(impl Error { #item })
        });
    }

    fn doc(&self, index: usize, code: &Code, names: &RustNames) -> String {
        format!(
            "A [`Code::{}`] error (HTTP {}): {}",
            names.code_variants[index],
            code.status,
            md_inline_code(&code.message)
        )
    }

    /// The constructor as prettyplease writes it when no line breaks:
    /// identifiers from validated names (`ident_of`), the note as a literal
    /// token, exactly as the syn item below prints them.
    pub(super) fn direct(&self, index: usize, code: &Code, names: &RustNames) -> String {
        let mut out = String::from("#[inline]\n");
        if let Some(note) = &code.deprecated {
            out.extend([
                "#[deprecated(note = ",
                &Literal::string(note).to_string(),
                ")]\n",
            ]);
        }
        let params: Vec<String> = names.params[index]
            .iter()
            .map(|p| ident_of(p).to_string())
            .collect();
        out.extend([
            "pub fn ",
            &ident_of(&names.constructors[index]).to_string(),
            "(",
        ]);
        for (i, (p, name)) in code.params.iter().zip(&params).enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.extend([name.as_str(), ": ", rust_type_name(p.ty)]);
        }
        out.extend([
            ") -> Self {\n    __ctor::",
            &signature_name(&code.params).to_uppercase(),
            "(",
            &index.to_string(),
        ]);
        for name in &params {
            out.extend([", ", name.as_str()]);
        }
        out.push_str(")\n}\n");
        out
    }

    /// The constructor as syn data (without its doc comment), for
    /// prettyplease to lay out when it is too long to write directly.
    pub(super) fn item(&self, index: usize, code: &Code, names: &RustNames) -> syn::ImplItem {
        let name = ident_of(&names.constructors[index]);
        let params: Vec<Ident> = names.params[index].iter().map(|p| ident_of(p)).collect();
        let types = code.params.iter().map(|p| rust_type(p.ty));
        let helper = format_ident!("{}", signature_name(&code.params).to_uppercase());
        let index = Literal::usize_unsuffixed(index);
        let deprecated = code
            .deprecated
            .as_ref()
            .map(|note| quote!(#[deprecated(note = #note)]));
        syn::parse_quote! {
            #[inline]
            #deprecated
            pub fn #name(#(#params: #types),*) -> Self {
                __ctor::#helper(#index #(, #params)*)
            }
        }
    }

    /// `mod __ctor`: one helper per distinct param signature in the catalog.
    fn helpers(&self, model: &Model, rt: &syn::Path) -> syn::Item {
        use crate::model::ParamType as T;
        let mut signatures = std::collections::BTreeMap::new();
        for code in &model.codes {
            signatures
                .entry(signature_name(&code.params))
                .or_insert_with(|| code.params.iter().map(|p| p.ty).collect::<Vec<_>>());
        }
        let helpers = signatures.iter().map(|(name, types)| {
            let name = format_ident!("{}", name);
            let params: Vec<Ident> = (0..types.len()).map(|i| format_ident!("a{}", i)).collect();
            let rust_types: Vec<syn::Type> = types.iter().map(|t| rust_type(*t)).collect();
            let values = types.iter().zip(&params).map(|(ty, arg)| match ty {
                T::String => quote!(#rt::Arg::Str(#arg)),
                T::U64 => quote!(#rt::Arg::U64(#arg)),
                T::U16 | T::U32 => quote!(#rt::Arg::U64(u64::from(#arg))),
                T::I64 => quote!(#rt::Arg::I64(#arg)),
                T::I32 => quote!(#rt::Arg::I64(i64::from(#arg))),
                T::F64 => quote!(#rt::Arg::F64(#arg)),
                _ => quote!(#rt::Arg::Bool(#arg)),
            });
            let pointer = format_ident!("{}", name.to_string().to_uppercase());
            quote! {
                #[inline]
                pub(super) fn #name(index: usize #(, #params: #rust_types)*) -> Error {
                    Error::__from_values(Code::from_index(index), &[#(#values),*])
                }
                pub(super) const #pointer: fn(usize #(, #rust_types)*) -> Error = #name;
            }
        });
        syn::parse_quote! {
            /// What the typed constructors call, through `fn` pointer constants:
            /// one function per distinct list of param types, taking the
            /// code's index and its values. errcat's ARCHITECTURE.md says why.
            mod __ctor {
                use super::{Code, Error};
                #(#helpers)*
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_param_type_is_a_rust_type() {
        for &ty in crate::model::ParamType::ALL {
            let parsed = super::rust_type(ty);
            assert_eq!(prettyplease_type(&parsed), super::rust_type_name(ty));
        }
    }

    fn prettyplease_type(ty: &syn::Type) -> String {
        let item: syn::File = syn::parse_quote!(type T = #ty;);
        let text = prettyplease::unparse(&item);
        text.trim_end()
            .trim_start_matches("type T = ")
            .trim_end_matches(';')
            .to_string()
    }
}
