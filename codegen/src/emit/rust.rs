//! Emits the Rust module for a catalog: `Code` and `Category` enums, their
//! accessors, and the lookup tables behind them.
//!
//! Per-code facts live in static arrays of primitives indexed by the
//! discriminant, and all text lives in one string blob, so compile time
//! grows gently with the number of codes; no accessor is an N-arm `match`.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::text::{TextBlob, md_inline_code, rustdoc_markdown};
use crate::model::{Code, Jitter, Model, RetryStrategy};
use crate::phf::{self, PhfTable};

/// Options for [`emit_with`].
#[derive(Clone, Debug)]
pub struct RustOptions {
    /// The command named in the `@generated` header.
    pub regenerate_command: String,
    /// The path of the runtime crate, e.g. `::errcat_runtime`.
    pub runtime_path: String,
}

impl Default for RustOptions {
    fn default() -> Self {
        RustOptions {
            regenerate_command: "cargo build".into(),
            runtime_path: "::errcat_runtime".into(),
        }
    }
}

/// The generated module with default options.
pub fn emit(model: &Model) -> String {
    emit_with(model, &RustOptions::default())
}

/// The generated module, formatted by prettyplease.
pub fn emit_with(model: &Model, options: &RustOptions) -> String {
    let tokens = tokens(model, options);
    let formatted = match syn::parse2::<syn::File>(tokens.clone()) {
        Ok(file) => prettyplease::unparse(&file),
        // Unreachable for tokens built by quote from a valid model (the
        // golden tests prove every fixture parses); fall back to unformatted
        // tokens so the compiler, not a panic, reports such a bug.
        Err(e) => {
            debug_assert!(false, "generated tokens do not parse: {e}");
            tokens.to_string()
        }
    };
    format!(
        "// {}\n\n{formatted}",
        super::generated_header(&options.regenerate_command)
    )
}

/// `#[doc = " line"]` per line, so prettyplease prints `///` comments and
/// no text can end a block comment early.
fn doc_attrs(text: &str) -> TokenStream {
    // rustc rejects bidirectional controls in comments (Trojan Source), so
    // they are shown as escapes instead.
    let text: String = text
        .chars()
        .map(|c| match c {
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => c.escape_unicode().to_string(),
            c => c.to_string(),
        })
        .collect();
    let lines = text.trim_end().lines().map(|line| {
        if line.is_empty() {
            String::new()
        } else {
            format!(" {line}")
        }
    });
    quote!(#(#[doc = #lines])*)
}

fn lit_u64(v: u64) -> Literal {
    Literal::u64_unsuffixed(v)
}

fn lits<T: Copy + Into<u64>>(values: impl IntoIterator<Item = T>) -> Vec<Literal> {
    values.into_iter().map(|v| lit_u64(v.into())).collect()
}

/// `NONE` marks a missing numeric code or replacement in `u32` tables.
const NONE_U32: u32 = u32::MAX;

fn tokens(model: &Model, options: &RustOptions) -> TokenStream {
    let rt: syn::Path = syn::parse_str(&options.runtime_path)
        .unwrap_or_else(|_| syn::parse_quote!(::errcat_runtime));
    let mut blob = TextBlob::default();
    let n = model.codes.len();
    let catalog = &model.meta.name;

    // -- Category -------------------------------------------------------------
    let category_variants: Vec<Ident> = model
        .categories
        .iter()
        .map(|c| format_ident!("{}", c.variant))
        .collect();
    let category_docs: Vec<TokenStream> = model
        .categories
        .iter()
        .map(|c| {
            let mut doc = format!(
                "{}.\n\nCategory {}",
                c.title.trim_end_matches('.'),
                md_inline_code(&c.id)
            );
            if let Some((a, b)) = c.range {
                doc.push_str(&format!(", numeric codes {a}–{b}"));
            }
            doc.push_str(&format!(
                ", fault `{}`, type {}.",
                c.fault,
                md_inline_code(&c.error_type)
            ));
            if let Some(d) = &c.description {
                doc.push_str("\n\n");
                doc.push_str(&rustdoc_markdown(d));
            }
            doc_attrs(&doc)
        })
        .collect();
    let cat_id = lits(model.categories.iter().map(|c| blob.intern(&c.id)));
    let cat_title = lits(model.categories.iter().map(|c| blob.intern(&c.title)));
    let cat_description = lits(
        model
            .categories
            .iter()
            .map(|c| blob.intern_opt(c.description.as_deref())),
    );
    let cat_type = lits(model.categories.iter().map(|c| blob.intern(&c.error_type)));
    let cat_fault = lits(model.categories.iter().map(|c| fault_index(c.fault)));
    let cat_range = lits(model.categories.iter().map(|c| {
        c.range
            .map_or(u64::MAX, |(a, b)| (u64::from(a) << 32) | u64::from(b))
    }));
    let cat_codes = lits(model.categories.iter().map(|c| {
        let start = c.codes.first().copied().unwrap_or(0) as u64;
        (start << 32) | c.codes.len() as u64
    }));
    let cat_count = Literal::usize_unsuffixed(model.categories.len());

    // -- Code -----------------------------------------------------------------
    let variants: Vec<Ident> = model
        .codes
        .iter()
        .map(|c| format_ident!("{}", c.variant))
        .collect();
    let variant_attrs: Vec<TokenStream> = model
        .codes
        .iter()
        .map(|c| variant_attrs(model, c))
        .collect();
    let name = lits(model.codes.iter().map(|c| blob.intern(&c.name)));
    let variant_name = lits(model.codes.iter().map(|c| blob.intern(&c.variant)));
    let numeric = lits(model.codes.iter().map(|c| c.numeric.unwrap_or(NONE_U32)));
    let status = lits(model.codes.iter().map(|c| c.status));
    let kind = lits(model.codes.iter().map(|c| kind_index(c.kind)));
    let category = lits(model.codes.iter().map(|c| c.category as u64));
    let retry = lits(model.codes.iter().map(|c| c.retry as u64));
    let exit_code = lits(model.codes.iter().map(|c| c.exit_code));
    let title = lits(model.codes.iter().map(|c| blob.intern(&c.title)));
    let message = lits(model.codes.iter().map(|c| blob.intern(&c.message)));
    let description = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern_opt(c.description.as_deref())),
    );
    let solution = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern_opt(c.solution.as_deref())),
    );
    let sdk_exception = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern_opt(c.sdk_exception.as_deref())),
    );
    let since = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern_opt(c.since.as_deref())),
    );
    let deprecated = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern_opt(c.deprecated.as_deref())),
    );
    let docs_url = lits(model.codes.iter().map(|c| blob.intern(&c.docs_url)));
    let explain = lits(
        model
            .codes
            .iter()
            .map(|c| blob.intern(&super::markdown::code_section(model, c))),
    );
    let replaced_by = lits(
        model
            .codes
            .iter()
            .map(|c| c.replaced_by.map_or(NONE_U32, |r| r as u32)),
    );

    // Params: one flat table, each code a (start, len) window into it.
    let mut param_specs = Vec::new();
    let mut code_params = Vec::new();
    for code in &model.codes {
        code_params.push(((param_specs.len() as u64) << 32) | code.params.len() as u64);
        for p in &code.params {
            let ty = format_ident!("{}", param_type_variant(p.ty));
            let pname = &p.name;
            param_specs.push(quote!(#rt::ParamSpec { name: #pname, ty: #rt::ParamType::#ty }));
        }
    }
    let code_params = lits(code_params);
    let param_count = Literal::usize_unsuffixed(param_specs.len());

    // Lookup keys: every name, then every alias; aliases of a code are
    // contiguous, so a code's aliases are a (start, len) window.
    let mut keys: Vec<&str> = model.codes.iter().map(|c| c.name.as_str()).collect();
    let mut key_code: Vec<u32> = (0..n as u32).collect();
    let mut code_aliases = Vec::new();
    for (i, code) in model.codes.iter().enumerate() {
        code_aliases.push(((keys.len() as u64) << 32) | code.aliases.len() as u64);
        for alias in &code.aliases {
            keys.push(alias);
            key_code.push(i as u32);
        }
    }
    let name_table = phf::build_str(&keys);
    let key_text = lits(keys.iter().map(|k| blob.intern(k)));
    let key_count = Literal::usize_unsuffixed(keys.len());
    let key_code = lits(key_code);
    let code_aliases = lits(code_aliases);
    let name_index = index_tokens(&rt, &name_table);

    let numbered: Vec<(u32, usize)> = model
        .codes
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.numeric.map(|n| (n, i)))
        .collect();
    let numeric_table = phf::build_u64(
        &numbered
            .iter()
            .map(|&(n, _)| u64::from(n))
            .collect::<Vec<_>>(),
    );
    let numeric_index = index_tokens(&rt, &numeric_table);
    let numeric_key_code = lits(numbered.iter().map(|&(_, i)| i as u64));
    let numeric_key_count = Literal::usize_unsuffixed(numbered.len());

    let policies: Vec<TokenStream> = model
        .retry_policies
        .iter()
        .map(|p| retry_tokens(&rt, &p.strategy))
        .collect();
    let policy_names = lits(model.retry_policies.iter().map(|p| blob.intern(&p.name)));
    let policy_count = Literal::usize_unsuffixed(policies.len());

    let code_doc = format!(
        "Every code of the `{catalog}` error catalog ({n} codes).\n\n\
         Per-code facts come from the catalog files and are read from static tables; \
         [`Code::lookup`] and [`Code::from_numeric`] use perfect hashes, so every \
         accessor and lookup takes constant time."
    );
    let code_doc = doc_attrs(&code_doc);
    let category_doc = doc_attrs(&format!("The categories of the `{catalog}` error catalog."));
    let version = model.meta.version.clone().unwrap_or_default();
    let parse_error_doc = doc_attrs(&format!(
        "The error of parsing a name that is not a code or alias of the `{catalog}` catalog."
    ));
    let n = Literal::usize_unsuffixed(n);
    let constructors: Vec<TokenStream> = constructor_names(model)
        .iter()
        .zip(&model.codes)
        .zip(&variants)
        .map(|((fn_name, code), variant)| constructor(&rt, fn_name, code, variant))
        .collect();
    let envelope = envelope_tokens(&rt, model);
    let blob_text = blob.into_string();
    let blob_lit = Literal::string(&blob_text);

    quote! {
        pub use #rt::{
            Backoff, EnvelopeFormat, EnvelopeStyle, ErrorBody, Fault, FieldCase, Jitter, Kind, ParamSpec, ParamType,
            RetryPolicy,
        };

        /// The name of the catalog this module was generated from.
        pub const CATALOG_NAME: &str = #catalog;

        /// The version of the catalog this module was generated from (empty if unversioned).
        pub const CATALOG_VERSION: &str = #version;

        /// All catalog text, referred to by `offset << 32 | len`.
        static TEXT: &str = #blob_lit;

        #[inline]
        fn text(packed: u64) -> &'static str {
            #rt::__private::text(TEXT, packed)
        }

        #[inline]
        fn opt_text(packed: u64) -> Option<&'static str> {
            #rt::__private::opt_text(TEXT, packed)
        }

        #category_doc
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Category {
            #( #category_docs #category_variants, )*
        }

        static CATEGORY_ID: [u64; #cat_count] = [#(#cat_id),*];
        static CATEGORY_TITLE: [u64; #cat_count] = [#(#cat_title),*];
        static CATEGORY_DESCRIPTION: [u64; #cat_count] = [#(#cat_description),*];
        static CATEGORY_TYPE: [u64; #cat_count] = [#(#cat_type),*];
        static CATEGORY_FAULT: [u8; #cat_count] = [#(#cat_fault),*];
        /// `first << 32 | last`, or `u64::MAX` without a range.
        static CATEGORY_RANGE: [u64; #cat_count] = [#(#cat_range),*];
        /// `first code << 32 | count`: a category's codes are contiguous.
        static CATEGORY_CODES: [u64; #cat_count] = [#(#cat_codes),*];

        impl Category {
            /// Every category, in catalog order.
            pub const ALL: &'static [Category] = &[#(Category::#category_variants),*];

            #[inline]
            fn index(self) -> usize {
                self as usize
            }

            /// The category id, e.g. `"rate_limit"`; also its docs page name.
            pub fn as_str(self) -> &'static str {
                text(CATEGORY_ID[self.index()])
            }

            /// The heading of the category.
            pub fn title(self) -> &'static str {
                text(CATEGORY_TITLE[self.index()])
            }

            /// What the category covers (Markdown), if the catalog says.
            pub fn description(self) -> Option<&'static str> {
                opt_text(CATEGORY_DESCRIPTION[self.index()])
            }

            /// The error `type` string used in envelopes, e.g. `"rate_limit_error"`.
            pub fn error_type(self) -> &'static str {
                text(CATEGORY_TYPE[self.index()])
            }

            /// Who is at fault for codes of this category.
            pub fn fault(self) -> Fault {
                Fault::ALL[usize::from(CATEGORY_FAULT[self.index()])]
            }

            /// The inclusive range numeric codes of this category fall in.
            pub fn numeric_range(self) -> Option<(u32, u32)> {
                let packed = CATEGORY_RANGE[self.index()];
                (packed != u64::MAX).then_some(((packed >> 32) as u32, packed as u32))
            }

            /// The codes of this category, in catalog order.
            pub fn codes(self) -> &'static [Code] {
                let packed = CATEGORY_CODES[self.index()];
                let start = (packed >> 32) as usize;
                &Code::ALL[start..start + (packed & 0xffff_ffff) as usize]
            }

            /// The category with this id.
            pub fn lookup(id: &str) -> Option<Category> {
                Category::ALL.iter().copied().find(|c| c.as_str() == id)
            }
        }

        impl ::core::fmt::Debug for Category {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::fmt::Display for Category {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #code_doc
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            #( #variant_attrs #variants, )*
        }

        static CODE_NAME: [u64; #n] = [#(#name),*];
        static CODE_VARIANT: [u64; #n] = [#(#variant_name),*];
        /// `u32::MAX` for codes without a numeric code.
        static CODE_NUMERIC: [u32; #n] = [#(#numeric),*];
        static CODE_STATUS: [u16; #n] = [#(#status),*];
        static CODE_KIND: [u8; #n] = [#(#kind),*];
        static CODE_CATEGORY: [u16; #n] = [#(#category),*];
        static CODE_RETRY: [u16; #n] = [#(#retry),*];
        static CODE_EXIT: [u8; #n] = [#(#exit_code),*];
        static CODE_TITLE: [u64; #n] = [#(#title),*];
        static CODE_MESSAGE: [u64; #n] = [#(#message),*];
        static CODE_DESCRIPTION: [u64; #n] = [#(#description),*];
        static CODE_SOLUTION: [u64; #n] = [#(#solution),*];
        static CODE_SDK_EXCEPTION: [u64; #n] = [#(#sdk_exception),*];
        static CODE_SINCE: [u64; #n] = [#(#since),*];
        static CODE_DEPRECATED: [u64; #n] = [#(#deprecated),*];
        static CODE_DOCS_URL: [u64; #n] = [#(#docs_url),*];
        /// The docs section of each code, as Markdown.
        static CODE_EXPLAIN: [u64; #n] = [#(#explain),*];
        /// `u32::MAX` for codes that are not replaced.
        static CODE_REPLACED_BY: [u32; #n] = [#(#replaced_by),*];
        /// `first << 32 | count` into `PARAMS`.
        static CODE_PARAMS: [u64; #n] = [#(#code_params),*];
        /// `first << 32 | count` into the alias keys of `KEY_TEXT`.
        static CODE_ALIASES: [u64; #n] = [#(#code_aliases),*];

        static PARAMS: [ParamSpec; #param_count] = [#(#param_specs),*];

        static RETRY_POLICIES: [RetryPolicy; #policy_count] = [#(#policies),*];
        static RETRY_POLICY_NAME: [u64; #policy_count] = [#(#policy_names),*];

        /// Names then aliases, as probed by `NAME_INDEX`.
        static KEY_TEXT: [u64; #key_count] = [#(#key_text),*];
        static KEY_CODE: [u32; #key_count] = [#(#key_code),*];
        static NAME_INDEX: #rt::__private::Index = #name_index;

        static NUMERIC_KEY_CODE: [u32; #numeric_key_count] = [#(#numeric_key_code),*];
        static NUMERIC_INDEX: #rt::__private::Index = #numeric_index;

        #[allow(deprecated)]
        impl Code {
            /// Every code, in catalog order.
            pub const ALL: &'static [Code] = &[#(Code::#variants),*];

            #[inline]
            fn index(self) -> usize {
                self as usize
            }

            /// The code's name, e.g. `"rate_limited"`, as sent on the wire.
            pub fn as_str(self) -> &'static str {
                text(CODE_NAME[self.index()])
            }

            /// The numeric code, if the catalog gives one.
            pub fn numeric(self) -> Option<u32> {
                let n = CODE_NUMERIC[self.index()];
                (n != u32::MAX).then_some(n)
            }

            /// The HTTP status a response with this code carries.
            pub fn http_status(self) -> u16 {
                CODE_STATUS[self.index()]
            }

            /// Whether this code is an error, a success or a pending status.
            pub fn kind(self) -> Kind {
                Kind::ALL[usize::from(CODE_KIND[self.index()])]
            }

            /// True when [`Code::kind`] is [`Kind::Error`].
            pub fn is_error(self) -> bool {
                self.kind().is_error()
            }

            /// The category the code belongs to.
            pub fn category(self) -> Category {
                Category::ALL[usize::from(CODE_CATEGORY[self.index()])]
            }

            /// The error `type` string used in envelopes (the category's).
            pub fn error_type(self) -> &'static str {
                self.category().error_type()
            }

            /// Who is at fault (the category's).
            pub fn fault(self) -> Fault {
                self.category().fault()
            }

            /// How clients should retry a request that failed with this code.
            pub fn retry(self) -> RetryPolicy {
                RETRY_POLICIES[usize::from(CODE_RETRY[self.index()])]
            }

            /// The catalog name of [`Code::retry`], e.g. `"standard"`.
            pub fn retry_policy_name(self) -> &'static str {
                text(RETRY_POLICY_NAME[usize::from(CODE_RETRY[self.index()])])
            }

            /// The exit code a command-line tool uses for this code.
            pub fn exit_code(self) -> u8 {
                CODE_EXIT[self.index()]
            }

            /// Short human-readable title.
            pub fn title(self) -> &'static str {
                text(CODE_TITLE[self.index()])
            }

            /// The message template, with `{param}` placeholders.
            pub fn message_template(self) -> &'static str {
                text(CODE_MESSAGE[self.index()])
            }

            /// The declared params of the message template, in order.
            pub fn params(self) -> &'static [ParamSpec] {
                let packed = CODE_PARAMS[self.index()];
                let start = (packed >> 32) as usize;
                &PARAMS[start..start + (packed & 0xffff_ffff) as usize]
            }

            /// The long description (Markdown), if any.
            pub fn description(self) -> Option<&'static str> {
                opt_text(CODE_DESCRIPTION[self.index()])
            }

            /// How to fix the problem, if the catalog says.
            pub fn solution(self) -> Option<&'static str> {
                opt_text(CODE_SOLUTION[self.index()])
            }

            /// The SDK exception class raised for this code, if any.
            pub fn sdk_exception(self) -> Option<&'static str> {
                opt_text(CODE_SDK_EXCEPTION[self.index()])
            }

            /// The catalog version that introduced the code, if recorded.
            pub fn since(self) -> Option<&'static str> {
                opt_text(CODE_SINCE[self.index()])
            }

            /// The deprecation note, if the code is deprecated.
            pub fn deprecated(self) -> Option<&'static str> {
                opt_text(CODE_DEPRECATED[self.index()])
            }

            /// The code to use instead of this deprecated one.
            pub fn replaced_by(self) -> Option<Code> {
                let r = CODE_REPLACED_BY[self.index()];
                (r != u32::MAX).then(|| Code::ALL[r as usize])
            }

            /// Old names that still parse to this code.
            pub fn aliases(self) -> impl ExactSizeIterator<Item = &'static str> {
                let packed = CODE_ALIASES[self.index()];
                let start = (packed >> 32) as usize;
                KEY_TEXT[start..start + (packed & 0xffff_ffff) as usize].iter().map(|&k| text(k))
            }

            /// The URL of this code's section in the docs.
            pub fn docs_url(self) -> &'static str {
                text(CODE_DOCS_URL[self.index()])
            }

            /// The code's full documentation as Markdown: the same section
            /// as in the docs pages (links are relative to the docs folder),
            /// in the spirit of `rustc --explain`.
            pub fn explain(self) -> &'static str {
                text(CODE_EXPLAIN[self.index()])
            }

            /// The code with this name or alias. Exact and case-sensitive.
            #[inline]
            pub fn lookup(name: &str) -> Option<Code> {
                let key = NAME_INDEX.candidate_str(name)?;
                (text(KEY_TEXT[key]) == name).then(|| Code::ALL[KEY_CODE[key] as usize])
            }

            /// The code with this numeric code.
            #[inline]
            pub fn from_numeric(numeric: u32) -> Option<Code> {
                let key = NUMERIC_INDEX.candidate_u64(u64::from(numeric))?;
                let code = Code::ALL[NUMERIC_KEY_CODE[key] as usize];
                (CODE_NUMERIC[code.index()] == numeric).then_some(code)
            }
        }

        impl ::core::fmt::Debug for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(text(CODE_VARIANT[self.index()]))
            }
        }

        impl ::core::fmt::Display for Code {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for Code {
            type Err = ParseCodeError;

            fn from_str(name: &str) -> ::core::result::Result<Self, Self::Err> {
                Code::lookup(name).ok_or_else(|| ParseCodeError { name: name.into() })
            }
        }

        #parse_error_doc
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct ParseCodeError {
            name: ::std::string::String,
        }

        impl ParseCodeError {
            /// The text that was not recognised.
            pub fn name(&self) -> &str {
                &self.name
            }
        }

        impl ::core::fmt::Display for ParseCodeError {
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, "unknown error code `{}` in the `{}` catalog", self.name.escape_debug(), CATALOG_NAME)
            }
        }

        impl ::std::error::Error for ParseCodeError {}

        #rt::__impl_serde_for_code!(Code);

        impl #rt::CatalogCode for Code {
            const ENVELOPE: #rt::EnvelopeFormat = #envelope;

            fn as_str(self) -> &'static str {
                Code::as_str(self)
            }

            fn lookup(name: &str) -> Option<Self> {
                Code::lookup(name)
            }

            fn from_numeric(numeric: u32) -> Option<Self> {
                Code::from_numeric(numeric)
            }

            fn http_status(self) -> u16 {
                Code::http_status(self)
            }

            fn kind(self) -> Kind {
                Code::kind(self)
            }

            fn retry(self) -> RetryPolicy {
                Code::retry(self)
            }

            fn error_type(self) -> &'static str {
                Code::error_type(self)
            }

            fn title(self) -> &'static str {
                Code::title(self)
            }

            fn message_template(self) -> &'static str {
                Code::message_template(self)
            }

            fn docs_url(self) -> &'static str {
                Code::docs_url(self)
            }
        }

        /// The envelope format of this catalog's error responses.
        pub const ENVELOPE: #rt::EnvelopeFormat = #envelope;

        #rt::__define_error!(Code);

        /// Typed constructors, one per code, rendering its message template.
        #[allow(deprecated)]
        impl Error {
            #(#constructors)*
        }
    }
}

/// The constructor name of each code: its function name, or `<name>_error`
/// where that would clash with a method of `Error` (or another name).
pub fn constructor_names(model: &Model) -> Vec<String> {
    let mut taken: std::collections::HashSet<String> = errcat_runtime::__private::ERROR_METHODS
        .iter()
        .map(|m| m.to_string())
        .collect();
    let plain: Vec<&str> = model
        .codes
        .iter()
        .map(|c| c.fn_ident.trim_start_matches("r#"))
        .collect();
    taken.extend(
        plain
            .iter()
            .filter(|p| !errcat_runtime::__private::ERROR_METHODS.contains(p))
            .map(|p| p.to_string()),
    );
    model
        .codes
        .iter()
        .zip(plain)
        .map(|(code, name)| {
            if !errcat_runtime::__private::ERROR_METHODS.contains(&name) {
                return code.fn_ident.clone();
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

fn constructor(rt: &syn::Path, fn_name: &str, code: &Code, variant: &Ident) -> TokenStream {
    let name = match fn_name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", fn_name),
    };
    let args: Vec<TokenStream> = code
        .params
        .iter()
        .map(|p| {
            let arg = match p.ident.strip_prefix("r#") {
                Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
                None => format_ident!("{}", p.ident),
            };
            let ty = match p.ty {
                crate::model::ParamType::String => {
                    quote!(impl ::core::convert::Into<::std::string::String>)
                }
                crate::model::ParamType::U16 => quote!(u16),
                crate::model::ParamType::U32 => quote!(u32),
                crate::model::ParamType::U64 => quote!(u64),
                crate::model::ParamType::I32 => quote!(i32),
                crate::model::ParamType::I64 => quote!(i64),
                crate::model::ParamType::F64 => quote!(f64),
                _ => quote!(bool),
            };
            quote!(#arg: #ty)
        })
        .collect();
    let values: Vec<TokenStream> = code
        .params
        .iter()
        .map(|p| {
            let arg = match p.ident.strip_prefix("r#") {
                Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
                None => format_ident!("{}", p.ident),
            };
            let key = &p.name;
            match p.ty {
                crate::model::ParamType::String => {
                    quote!((#key, #rt::__private::Value::String(::core::convert::Into::into(#arg))))
                }
                _ => quote!((#key, #rt::__private::Value::from(#arg))),
            }
        })
        .collect();
    let doc = doc_attrs(&format!(
        "A [`Code::{variant}`] error (HTTP {}): {}",
        code.status,
        md_inline_code(&code.message)
    ));
    let deprecated = code
        .deprecated
        .as_ref()
        .map(|note| quote!(#[deprecated(note = #note)]));
    quote! {
        #doc
        #deprecated
        pub fn #name(#(#args),*) -> Self {
            Error::from_params(Code::#variant, &[#(#values),*])
        }
    }
}

fn envelope_tokens(rt: &syn::Path, model: &Model) -> TokenStream {
    let style = match model.envelope.style {
        crate::model::EnvelopeStyle::Problem => quote!(#rt::EnvelopeStyle::Problem),
        _ => quote!(#rt::EnvelopeStyle::Nested),
    };
    let case = match model.envelope.field_case {
        crate::model::FieldCase::Camel => quote!(#rt::FieldCase::Camel),
        _ => quote!(#rt::FieldCase::Snake),
    };
    quote!(#rt::EnvelopeFormat { style: #style, field_case: #case })
}

fn variant_attrs(model: &Model, code: &Code) -> TokenStream {
    let category = model.category_of(code);
    let mut doc = format!("{}.\n\n", code.title.trim_end_matches('.'));
    doc.push_str(&format!("{} · ", md_inline_code(&code.name)));
    if let Some(n) = code.numeric {
        doc.push_str(&format!("numeric {n} · "));
    }
    doc.push_str(&format!(
        "HTTP {} · category {}",
        code.status,
        md_inline_code(&category.id)
    ));
    if !code.kind.is_error() {
        doc.push_str(&format!(" · kind `{}`", code.kind));
    }
    doc.push_str(&format!("\n\nMessage: {}", md_inline_code(&code.message)));
    if let Some(d) = &code.description {
        doc.push_str("\n\n");
        doc.push_str(&rustdoc_markdown(d));
    }
    if let Some(s) = &code.solution {
        doc.push_str("\n\n**Solution:** ");
        doc.push_str(&rustdoc_markdown(s));
    }
    let deprecated = code.deprecated.as_ref().map(|note| {
        let note = match code.replaced_by {
            Some(r) => format!("{} Use `{}` instead.", note.trim_end(), model.codes[r].name),
            None => note.clone(),
        };
        quote!(#[deprecated(note = #note)])
    });
    let doc = doc_attrs(&doc);
    quote!(#doc #deprecated)
}

fn index_tokens(rt: &syn::Path, table: &PhfTable) -> TokenStream {
    let seed = lit_u64(table.seed);
    let pilots = lits(table.pilots.iter().copied());
    let slots = lits(table.slots.iter().copied());
    quote!(#rt::__private::Index { seed: #seed, pilots: &[#(#pilots),*], slots: &[#(#slots),*] })
}

fn retry_tokens(rt: &syn::Path, strategy: &RetryStrategy) -> TokenStream {
    let backoff = |b: &crate::model::Backoff| {
        let initial = lit_u64(b.initial_ms);
        let max_delay = lit_u64(b.max_delay_ms);
        let factor = Literal::f64_unsuffixed(b.factor);
        let attempts = lit_u64(u64::from(b.max_attempts));
        let jitter = format_ident!(
            "{}",
            match b.jitter {
                Jitter::None => "None",
                Jitter::Equal => "Equal",
                _ => "Full",
            }
        );
        quote!(#rt::Backoff {
            initial: ::core::time::Duration::from_millis(#initial),
            factor: #factor,
            max_delay: ::core::time::Duration::from_millis(#max_delay),
            jitter: #rt::Jitter::#jitter,
            max_attempts: #attempts,
        })
    };
    match strategy {
        RetryStrategy::Never => quote!(#rt::RetryPolicy::Never),
        RetryStrategy::Backoff(b) => {
            let b = backoff(b);
            quote!(#rt::RetryPolicy::Backoff(#b))
        }
        RetryStrategy::AfterHeader {
            max_wait_ms,
            fallback,
        } => {
            let max_wait = lit_u64(*max_wait_ms);
            let fallback = backoff(fallback);
            quote!(#rt::RetryPolicy::AfterHeader {
                max_wait: ::core::time::Duration::from_millis(#max_wait),
                fallback: #fallback,
            })
        }
    }
}

fn kind_index(kind: crate::model::Kind) -> u8 {
    errcat_runtime::Kind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0) as u8
}

fn fault_index(fault: crate::model::Fault) -> u8 {
    errcat_runtime::Fault::ALL
        .iter()
        .position(|&f| f == fault)
        .unwrap_or(0) as u8
}

fn param_type_variant(ty: crate::model::ParamType) -> &'static str {
    use crate::model::ParamType as T;
    match ty {
        T::String => "String",
        T::U16 => "U16",
        T::U32 => "U32",
        T::U64 => "U64",
        T::I32 => "I32",
        T::I64 => "I64",
        T::F64 => "F64",
        _ => "Bool",
    }
}
