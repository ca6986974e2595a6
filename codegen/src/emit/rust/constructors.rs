//! The typed constructors: one `Error` method per code, each a call to a
//! helper shared by every code with the same param types.

use proc_macro2::Ident;
use quote::{format_ident, quote};

use super::names::RustNames;
use super::splice::Splices;
use super::{RustOptions, ident_of, rt_path};
use crate::emit::text::md_inline_code;
use crate::model::{Code, Model};

/// `impl Error { <one typed constructor per code> }`, formatted.
pub(super) fn constructors_block(
    model: &Model,
    names: &RustNames,
    options: &RustOptions,
) -> String {
    let mut docs = Splices::default();
    let mut block: syn::ItemImpl = syn::parse_quote! {
        /// Typed constructors, one per code, rendering its message template.
        #[allow(deprecated)]
        impl Error {}
    };
    let rt = rt_path(options);
    let constructors = Constructors::new();
    block.items = constructors.items(model, names, &mut docs);
    let mut file: syn::File = syn::parse_quote!();
    file.items.push(syn::Item::Impl(block));
    file.items.push(constructors.helpers(model, &rt));
    docs.apply(&prettyplease::unparse(&file))
}

/// Builds the typed constructors as syn data.
///
/// rustc spends a fixed cost on every function, and more on one whose body
/// builds slices or resolves a path through `Error`. So each constructor is
/// `#[inline]` (compiled only where it is called) and its body is one call
/// to a private helper shared by every code with the same param types,
/// passing the code's index and the arguments as they are.
struct Constructors {
    template: syn::ImplItemFn,
    helper_path: syn::ExprPath,
    str_type: syn::Type,
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
    fn new() -> Self {
        Constructors {
            template: syn::parse_quote!(
                #[inline]
                pub fn template() -> Self {}
            ),
            helper_path: syn::parse_quote!(__ctor::HELPER),
            str_type: syn::parse_quote!(&str),
        }
    }

    /// The Rust type of a param: `&str` for strings; every other catalog
    /// type name is its Rust primitive.
    fn rust_type(&self, ty: crate::model::ParamType) -> syn::Type {
        match ty {
            crate::model::ParamType::String => self.str_type.clone(),
            _ => syn::Type::Path(syn::TypePath {
                attrs: Vec::new(),
                qself: None,
                path: syn::Path::from(format_ident!("{}", ty.as_str())),
            }),
        }
    }

    fn items(&self, model: &Model, names: &RustNames, docs: &mut Splices) -> Vec<syn::ImplItem> {
        (0..model.codes.len())
            .map(|i| self.item(i, &model.codes[i], names, docs))
            .collect()
    }

    fn item(
        &self,
        index: usize,
        code: &Code,
        names: &RustNames,
        docs: &mut Splices,
    ) -> syn::ImplItem {
        let fn_name = &names.constructors[index];
        let mut inputs = syn::punctuated::Punctuated::new();
        let mut args = Vec::new();
        for (p, param_ident) in code.params.iter().zip(&names.params[index]) {
            let arg = ident_of(param_ident);
            inputs.push(syn::FnArg::Typed(syn::PatType {
                attrs: Vec::new(),
                pat: Box::new(syn::Pat::Ident(syn::PatIdent {
                    attrs: Vec::new(),
                    by_ref: None,
                    mutability: None,
                    ident: arg.clone(),
                    subpat: None,
                })),
                colon_token: Default::default(),
                ty: Box::new(self.rust_type(p.ty)),
            }));
            args.push(arg);
        }
        // `__ctor::HELPER(index, args...)`, built as syn data: parsing it
        // from tokens for every code took a third of this emitter's time.
        let mut func = self.helper_path.clone();
        func.path.segments[1].ident =
            format_ident!("{}", signature_name(&code.params).to_uppercase());
        let mut call_args = syn::punctuated::Punctuated::new();
        call_args.push(syn::Expr::Lit(syn::ExprLit {
            attrs: Vec::new(),
            lit: syn::Lit::Int(syn::LitInt::new(
                &index.to_string(),
                proc_macro2::Span::call_site(),
            )),
        }));
        for arg in args {
            call_args.push(syn::Expr::Path(syn::ExprPath {
                attrs: Vec::new(),
                qself: None,
                path: syn::Path::from(arg),
            }));
        }
        let body = syn::Expr::Call(syn::ExprCall {
            attrs: Vec::new(),
            func: Box::new(syn::Expr::Path(func)),
            paren_token: Default::default(),
            args: call_args,
        });
        let doc = format!(
            "A [`Code::{}`] error (HTTP {}): {}",
            names.code_variants[index],
            code.status,
            md_inline_code(&code.message)
        );
        let mut function = self.template.clone();
        function.attrs.insert(0, docs.doc(&doc));
        if let Some(note) = &code.deprecated {
            function
                .attrs
                .push(syn::parse_quote!(#[deprecated(note = #note)]));
        }
        function.sig.ident = ident_of(fn_name);
        function.sig.inputs = inputs;
        function.block.stmts = vec![syn::Stmt::Expr(body, None)];
        syn::ImplItem::Fn(function)
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
            let rust_types: Vec<syn::Type> = types.iter().map(|t| self.rust_type(*t)).collect();
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
