//! Emits the Rust module for a catalog: `Code` and `Category` enums, their
//! accessors, and the lookup tables behind them.
//!
//! Per-code facts live in static arrays of primitives indexed by the
//! discriminant, and all text lives in one string blob, so compile time
//! grows gently with the number of codes; no accessor is an N-arm `match`.
//! Every function is `#[inline]`: the crate that calls it compiles it, and
//! the generated crate itself only type-checks it (see docs/performance.md).

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

/// The generated module with default options.
pub fn emit(model: &Model) -> String {
    emit_with(model, &RustOptions::default())
}

/// The generated module, formatted by prettyplease.
pub fn emit_with(model: &Model, options: &RustOptions) -> String {
    emit_with_sections(model, options, &super::markdown::code_sections(model))
}

/// [`emit_with`] with the docs sections (for `Code::explain`) already
/// computed, as when the docs are generated in the same run.
pub fn emit_with_sections(model: &Model, options: &RustOptions, sections: &[String]) -> String {
    // The typed constructors (the last item) are built and formatted on a
    // second core while this one does everything else. syn trees are not
    // `Send`, so the worker hands back text.
    let (constructors, (tokens, splices)) = std::thread::scope(|scope| {
        let worker = scope.spawn(|| {
            if options.typed_constructors {
                constructors_block(model, options)
            } else {
                String::new()
            }
        });
        let rest = tokens(model, options, sections);
        (crate::par::join(worker), rest)
    });
    let formatted = match syn::parse2::<syn::File>(tokens) {
        Ok(mut file) => {
            let mut docs = DocSplices::default();
            for item in &mut file.items {
                if let syn::Item::Enum(e) = item
                    && e.ident == "Code"
                {
                    e.variants = code_variants(model, &mut docs);
                }
            }
            docs.apply(&prettyplease::unparse(&file))
        }
        // Unreachable for tokens built by quote from a valid model (the
        // golden tests prove every fixture parses); fall back to unformatted
        // tokens so the compiler, not a panic, reports such a bug.
        Err(e) => {
            debug_assert!(false, "generated tokens do not parse: {e}");
            tokens_for_fallback(&e)
        }
    };
    format!(
        "// {}\n\n{}{constructors}",
        super::generated_header(&options.regenerate_command),
        splices.apply(&formatted)
    )
}

/// `impl Error { <one typed constructor per code> }`, formatted.
fn constructors_block(model: &Model, options: &RustOptions) -> String {
    let mut docs = DocSplices::default();
    let mut block: syn::ItemImpl = syn::parse_quote! {
        /// Typed constructors, one per code, rendering its message template.
        #[allow(deprecated)]
        impl Error {}
    };
    let rt = rt_path(options);
    let constructors = Constructors::new();
    block.items = constructors.items(model, &mut docs);
    let mut file: syn::File = syn::parse_quote!();
    file.items.push(syn::Item::Impl(block));
    file.items.push(constructors.helpers(model, &rt));
    docs.apply(&prettyplease::unparse(&file))
}

/// What a parse failure of errcat's own tokens turns into: a compile error
/// that names the bug, rather than a panic in a build script.
fn tokens_for_fallback(error: &syn::Error) -> String {
    let message =
        format!("errcat-codegen produced Rust it cannot parse ({error}); please report this bug");
    format!("compile_error!({});\n", string_literal(&message))
}

/// `#[doc = " line"]` per line, so prettyplease prints `///` comments and
/// no text can end a block comment early.
fn doc_lines(text: &str) -> Vec<String> {
    // rustc rejects bidirectional controls in comments (Trojan Source), so
    // they are shown as escapes instead.
    let is_bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let escaped;
    let text = if text.contains(is_bidi) {
        let mut out = String::with_capacity(text.len() + 16);
        for c in text.chars() {
            if is_bidi(c) {
                out.extend(c.escape_unicode());
            } else {
                out.push(c);
            }
        }
        escaped = out;
        escaped.as_str()
    } else {
        text
    };
    text.trim_end()
        .lines()
        .map(|line| {
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

/// `#[doc = " line"]` per line, so prettyplease prints `///` comments and
/// no text can end a block comment early.
fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#[doc = #lines])*)
}

/// A `#[doc = "..."]` attribute built as syn data, without parsing.
fn doc_attribute(line: &str) -> syn::Attribute {
    let span = proc_macro2::Span::call_site();
    syn::Attribute {
        pound_token: Default::default(),
        style: syn::AttrStyle::Outer,
        bracket_token: Default::default(),
        meta: syn::Meta::NameValue(syn::MetaNameValue {
            path: syn::Path::from(Ident::new("doc", span)),
            eq_token: Default::default(),
            value: syn::Expr::Lit(syn::ExprLit {
                attrs: Vec::new(),
                lit: syn::Lit::Str(syn::LitStr::new(line, span)),
            }),
        }),
    }
}

/// The variants of `enum Code`, built as syn data: with tens of thousands of
/// codes, parsing them from tokens would dominate code generation.
fn code_variants(
    model: &Model,
    docs: &mut DocSplices,
) -> syn::punctuated::Punctuated<syn::Variant, syn::Token![,]> {
    model
        .codes
        .iter()
        .map(|code| {
            let mut attrs = vec![docs.attribute(&variant_doc(model, code))];
            if let Some(note) = &code.deprecated {
                let note = match code.replaced_by {
                    Some(r) => {
                        format!("{} Use `{}` instead.", note.trim_end(), model.codes[r].name)
                    }
                    None => note.clone(),
                };
                attrs.push(syn::parse_quote!(#[deprecated(note = #note)]));
            }
            syn::Variant {
                attrs,
                ident: format_ident!("{}", code.variant),
                fields: syn::Fields::Unit,
                discriminant: None,
            }
        })
        .collect()
}

fn lit_u64(v: u64) -> Literal {
    Literal::u64_unsuffixed(v)
}

fn lits<T: Copy + Into<u64>>(values: impl IntoIterator<Item = T>) -> Vec<Literal> {
    values.into_iter().map(|v| lit_u64(v.into())).collect()
}

/// `NONE` marks a missing numeric code or replacement in `u32` tables.
const NONE_U32: u32 = u32::MAX;

fn tokens(model: &Model, options: &RustOptions, sections: &[String]) -> (TokenStream, Splices) {
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
    // Validation guarantees at least one code (E0027).
    let last_variant = model
        .codes
        .last()
        .map(|c| format_ident!("{}", c.variant))
        .unwrap_or_else(|| format_ident!("Code"));
    let code_repr = if n <= usize::from(u16::MAX) {
        format_ident!("u16")
    } else {
        format_ident!("u32")
    };
    // Lookup key texts first, so that they sit together at the start of the
    // blob: a lookup touches one of them, and they stay in cache.
    for code in &model.codes {
        blob.intern(&code.wire_name);
        blob.intern(&code.name);
        for alias in &code.aliases {
            blob.intern(alias);
        }
    }
    // Per-code facts: one fixed-size little-endian record per code.
    let mut records = Vec::with_capacity(n * layout::RECORD);
    // Params: a flat list of (name, type) records; each code has a window.
    let mut params = Vec::new();
    let mut param_count = 0u64;
    // Lookup keys: every name, then every alias, each (text, code). A code's
    // aliases are contiguous, so they are a window too.
    let mut keys: Vec<&str> = model.codes.iter().map(|c| c.wire_name.as_str()).collect();
    let mut key_codes: Vec<u32> = (0..n as u32).collect();
    for (i, code) in model.codes.iter().enumerate() {
        let explain = &sections[i];
        let texts = [
            blob.intern(&code.wire_name),
            blob.intern(&code.variant),
            blob.intern(&code.title),
            blob.intern(&code.message),
            blob.intern_opt(code.description.as_deref()),
            blob.intern_opt(code.solution.as_deref()),
            blob.intern_opt(code.sdk_exception.as_deref()),
            blob.intern_opt(code.since.as_deref()),
            blob.intern_opt(code.deprecated.as_deref()),
            blob.intern(&code.docs_url),
            blob.intern(explain),
            (param_count << 32) | code.params.len() as u64,
            ((keys.len() as u64 + u64::from(code.wire_name != code.name)) << 32)
                | code.aliases.len() as u64,
        ];
        for t in texts {
            records.extend_from_slice(&t.to_le_bytes());
        }
        records.extend_from_slice(&code.numeric.unwrap_or(NONE_U32).to_le_bytes());
        records.extend_from_slice(
            &code
                .replaced_by
                .map_or(NONE_U32, |r| r as u32)
                .to_le_bytes(),
        );
        records.extend_from_slice(&code.status.to_le_bytes());
        records.extend_from_slice(&(code.category as u16).to_le_bytes());
        records.extend_from_slice(&(code.retry as u16).to_le_bytes());
        records.push(kind_index(code.kind));
        records.push(code.exit_code);
        records.push(fault_index(code.fault));
        records.push(envelope_index(code.envelope));
        records.push(code.server_retries);
        for p in &code.params {
            params.extend_from_slice(&blob.intern(&p.name).to_le_bytes());
            params.push(param_type_index(p.ty));
            param_count += 1;
        }
        // The catalog name parses too when the wire name differs.
        let extra = (code.wire_name != code.name).then_some(code.name.as_str());
        for alias in extra
            .into_iter()
            .chain(code.aliases.iter().map(String::as_str))
        {
            keys.push(alias);
            key_codes.push(i as u32);
        }
    }
    debug_assert_eq!(records.len(), n * layout::RECORD);
    let name_table = phf::build_str(&keys);
    // Each key: its text, its code, and a fingerprint of its hash, so that
    // most misses are rejected without reading any text.
    let mut key_records = Vec::with_capacity(keys.len() * 16);
    for (key, code) in keys.iter().zip(&key_codes) {
        let fingerprint = errcat_runtime::phf::hash_bytes(key.as_bytes(), name_table.seed) as u32;
        key_records.extend_from_slice(&blob.intern(key).to_le_bytes());
        key_records.extend_from_slice(&code.to_le_bytes());
        key_records.extend_from_slice(&fingerprint.to_le_bytes());
    }
    let mut splices = Splices::default();
    let name_index = index_tokens(&rt, &name_table, "NAME", &mut splices);
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
    let numeric_index = index_tokens(&rt, &numeric_table, "NUMERIC", &mut splices);
    let numeric_codes: Vec<u8> = numbered
        .iter()
        .flat_map(|&(_, i)| (i as u32).to_le_bytes())
        .collect();
    let codes_bytes = splices.bytes("CODES", records);
    let params_bytes = splices.bytes("PARAMS", params);
    let keys_bytes = splices.bytes("KEYS", key_records);
    let numeric_codes_bytes = splices.bytes("NUMERIC_CODES", numeric_codes);
    let layout_consts = layout::consts();

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
    let envelope = envelope_tokens(&rt, model);
    let blob_lit = splices.text("TEXT", blob.into_string());

    let tokens = quote! {
        pub use #rt::{
            Backoff, EnvelopeFormat, EnvelopeStyle, ErrorBody, Fault, FieldCase, Jitter, Kind, ParamSpec, ParamType,
            RequestIdPlacement, RetryPolicy,
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
            #[inline]
            pub fn as_str(self) -> &'static str {
                text(CATEGORY_ID[self.index()])
            }

            /// The heading of the category.
            #[inline]
            pub fn title(self) -> &'static str {
                text(CATEGORY_TITLE[self.index()])
            }

            /// What the category covers (Markdown), if the catalog says.
            #[inline]
            pub fn description(self) -> Option<&'static str> {
                opt_text(CATEGORY_DESCRIPTION[self.index()])
            }

            /// The error `type` string used in envelopes, e.g. `"rate_limit_error"`.
            #[inline]
            pub fn error_type(self) -> &'static str {
                text(CATEGORY_TYPE[self.index()])
            }

            /// Who is at fault for codes of this category.
            #[inline]
            pub fn fault(self) -> Fault {
                Fault::ALL[usize::from(CATEGORY_FAULT[self.index()])]
            }

            /// The inclusive range numeric codes of this category fall in.
            #[inline]
            pub fn numeric_range(self) -> Option<(u32, u32)> {
                let packed = CATEGORY_RANGE[self.index()];
                (packed != u64::MAX).then_some(((packed >> 32) as u32, packed as u32))
            }

            /// The codes of this category, in catalog order.
            #[inline]
            pub fn codes(self) -> &'static [Code] {
                let packed = CATEGORY_CODES[self.index()];
                let start = (packed >> 32) as usize;
                &Code::all()[start..start + (packed & 0xffff_ffff) as usize]
            }

            /// The category with this id.
            #[inline]
            pub fn lookup(id: &str) -> Option<Category> {
                Category::ALL.iter().copied().find(|c| c.as_str() == id)
            }
        }

        impl ::core::fmt::Debug for Category {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::fmt::Display for Category {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        #code_doc
        #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        #[repr(#code_repr)]
        pub enum Code {}

        #layout_consts

        /// Per-code records, `RECORD` bytes each, indexed by discriminant.
        static CODES: &[u8] = #codes_bytes;
        /// Param records: name text (`u64`) then type (`u8`).
        static PARAMS: &[u8] = #params_bytes;
        const PARAM_RECORD: usize = 9;

        static RETRY_POLICIES: [RetryPolicy; #policy_count] = [#(#policies),*];
        static RETRY_POLICY_NAME: [u64; #policy_count] = [#(#policy_names),*];

        /// Lookup keys, names then aliases: text (`u64`), code (`u32`) and the
        /// low 32 bits of the key's hash (`u32`).
        static KEYS: &[u8] = #keys_bytes;
        const KEY_RECORD: usize = 16;
        static NAME_INDEX: #rt::__private::Index = #name_index;

        /// The code (`u32`) of each numeric key of `NUMERIC_INDEX`.
        static NUMERIC_CODES: &[u8] = #numeric_codes_bytes;
        static NUMERIC_INDEX: #rt::__private::Index = #numeric_index;

        #[allow(deprecated)]
        impl Code {
            #[inline]
            fn index(self) -> usize {
                self as usize
            }

            #[inline]
            fn field_u64(self, offset: usize) -> u64 {
                #rt::__private::read_u64(CODES, self.index() * RECORD + offset)
            }

            #[inline]
            fn field_u32(self, offset: usize) -> u32 {
                #rt::__private::read_u32(CODES, self.index() * RECORD + offset)
            }

            #[inline]
            fn retry_index(self) -> usize {
                usize::from(#rt::__private::read_u16(CODES, self.index() * RECORD + RETRY))
            }

            /// The code as sent on the wire, e.g. `"rate_limited"`.
            #[inline]
            pub fn as_str(self) -> &'static str {
                text(self.field_u64(NAME))
            }

            /// The numeric code, if the catalog gives one.
            #[inline]
            pub fn numeric(self) -> Option<u32> {
                let n = self.field_u32(NUMERIC);
                (n != u32::MAX).then_some(n)
            }

            /// The HTTP status a response with this code carries.
            #[inline]
            pub fn http_status(self) -> u16 {
                #rt::__private::read_u16(CODES, self.index() * RECORD + STATUS)
            }

            /// Whether this code is an error, a success or a pending status.
            #[inline]
            pub fn kind(self) -> Kind {
                Kind::ALL[usize::from(CODES[self.index() * RECORD + KIND])]
            }

            /// True when [`Code::kind`] is [`Kind::Error`].
            #[inline]
            pub fn is_error(self) -> bool {
                self.kind().is_error()
            }

            /// The category the code belongs to.
            #[inline]
            pub fn category(self) -> Category {
                Category::ALL[usize::from(#rt::__private::read_u16(CODES, self.index() * RECORD + CATEGORY))]
            }

            /// The error `type` string used in envelopes (the category's).
            #[inline]
            pub fn error_type(self) -> &'static str {
                self.category().error_type()
            }

            /// Who is at fault: the code's own, or its category's.
            #[inline]
            pub fn fault(self) -> Fault {
                Fault::ALL[usize::from(CODES[self.index() * RECORD + FAULT])]
            }

            /// How many times the server already retried before answering
            /// with this code (for example, an upstream call).
            #[inline]
            pub fn server_retries(self) -> u8 {
                CODES[self.index() * RECORD + SERVER_RETRIES]
            }

            /// The envelope format this code's responses use.
            #[inline]
            pub fn envelope(self) -> #rt::EnvelopeFormat {
                ENVELOPE.with_style(#rt::EnvelopeStyle::ALL[usize::from(CODES[self.index() * RECORD + ENVELOPE_STYLE])])
            }

            /// How clients should retry a request that failed with this code.
            #[inline]
            pub fn retry(self) -> RetryPolicy {
                RETRY_POLICIES[self.retry_index()]
            }

            /// The catalog name of [`Code::retry`], e.g. `"standard"`.
            #[inline]
            pub fn retry_policy_name(self) -> &'static str {
                text(RETRY_POLICY_NAME[self.retry_index()])
            }

            /// The exit code a command-line tool uses for this code.
            #[inline]
            pub fn exit_code(self) -> u8 {
                CODES[self.index() * RECORD + EXIT_CODE]
            }

            /// Short human-readable title.
            #[inline]
            pub fn title(self) -> &'static str {
                text(self.field_u64(TITLE))
            }

            /// The message template, with `{param}` placeholders.
            #[inline]
            pub fn message_template(self) -> &'static str {
                text(self.field_u64(MESSAGE))
            }

            /// The declared params of the message template, in order.
            #[inline]
            pub fn params(self) -> impl ExactSizeIterator<Item = ParamSpec> + Clone {
                let packed = self.field_u64(PARAMS_WINDOW);
                let start = (packed >> 32) as usize;
                (start..start + (packed & 0xffff_ffff) as usize).map(|p| ParamSpec {
                    name: text(#rt::__private::read_u64(PARAMS, p * PARAM_RECORD)),
                    ty: ParamType::ALL[usize::from(PARAMS[p * PARAM_RECORD + 8])],
                })
            }

            /// The long description (Markdown), if any.
            #[inline]
            pub fn description(self) -> Option<&'static str> {
                opt_text(self.field_u64(DESCRIPTION))
            }

            /// How to fix the problem, if the catalog says.
            #[inline]
            pub fn solution(self) -> Option<&'static str> {
                opt_text(self.field_u64(SOLUTION))
            }

            /// The SDK exception class raised for this code, if any.
            #[inline]
            pub fn sdk_exception(self) -> Option<&'static str> {
                opt_text(self.field_u64(SDK_EXCEPTION))
            }

            /// The catalog version that introduced the code, if recorded.
            #[inline]
            pub fn since(self) -> Option<&'static str> {
                opt_text(self.field_u64(SINCE))
            }

            /// The deprecation note, if the code is deprecated.
            #[inline]
            pub fn deprecated(self) -> Option<&'static str> {
                opt_text(self.field_u64(DEPRECATED))
            }

            /// The code to use instead of this deprecated one.
            #[inline]
            pub fn replaced_by(self) -> Option<Code> {
                let r = self.field_u32(REPLACED_BY);
                (r != u32::MAX).then(|| Code::from_index(r as usize))
            }

            /// Old names that still parse to this code.
            #[inline]
            pub fn aliases(self) -> impl ExactSizeIterator<Item = &'static str> + Clone {
                let packed = self.field_u64(ALIASES_WINDOW);
                let start = (packed >> 32) as usize;
                (start..start + (packed & 0xffff_ffff) as usize).map(|k| text(#rt::__private::read_u64(KEYS, k * KEY_RECORD)))
            }

            /// The URL of this code's section in the docs.
            #[inline]
            pub fn docs_url(self) -> &'static str {
                text(self.field_u64(DOCS_URL))
            }

            /// The code's full documentation as Markdown: the same section
            /// as in the docs pages (links are relative to the docs folder),
            /// in the spirit of `rustc --explain`.
            #[inline]
            pub fn explain(self) -> &'static str {
                text(self.field_u64(EXPLAIN))
            }

            /// The code with this name or alias. Exact and case-sensitive.
            #[inline]
            pub fn lookup(name: &str) -> Option<Code> {
                let hash = #rt::__private::hash_bytes(name.as_bytes(), NAME_INDEX.seed);
                let key = NAME_INDEX.candidate(hash)?;
                // One bounds check for the record; reads within it need none.
                let record = &KEYS[key * KEY_RECORD..][..KEY_RECORD];
                // Fingerprint and length reject almost every miss before
                // any text is read.
                if #rt::__private::read_u32(record, 12) != hash as u32 {
                    return None;
                }
                let packed = #rt::__private::read_u64(record, 0);
                if (packed & 0xffff_ffff) as usize != name.len() {
                    return None;
                }
                let start = (packed >> 32) as usize;
                (TEXT.as_bytes().get(start..start + name.len()) == Some(name.as_bytes()))
                    .then(|| Code::from_index(#rt::__private::read_u32(record, 8) as usize))
            }

            /// The code with this numeric code.
            #[inline]
            pub fn from_numeric(numeric: u32) -> Option<Code> {
                let key = NUMERIC_INDEX.candidate_u64(u64::from(numeric))?;
                let code = Code::from_index(#rt::__private::read_u32(NUMERIC_CODES, key * 4) as usize);
                (code.field_u32(NUMERIC) == numeric).then_some(code)
            }
        }

        impl ::core::fmt::Debug for Code {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(text(self.field_u64(VARIANT)))
            }
        }

        impl ::core::fmt::Display for Code {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::core::str::FromStr for Code {
            type Err = ParseCodeError;

            #[inline]
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
            #[inline]
            pub fn name(&self) -> &str {
                &self.name
            }
        }

        impl ::core::fmt::Display for ParseCodeError {
            #[inline]
            fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                write!(f, "unknown error code `{}` in the `{}` catalog", self.name.escape_debug(), CATALOG_NAME)
            }
        }

        impl ::std::error::Error for ParseCodeError {}

        #rt::__impl_serde_for_code!(Code);

        impl #rt::CatalogCode for Code {
            const ENVELOPE: #rt::EnvelopeFormat = #envelope;

            #[inline]
            fn as_str(self) -> &'static str {
                Code::as_str(self)
            }

            #[inline]
            fn lookup(name: &str) -> Option<Self> {
                Code::lookup(name)
            }

            #[inline]
            fn from_numeric(numeric: u32) -> Option<Self> {
                Code::from_numeric(numeric)
            }

            #[inline]
            fn http_status(self) -> u16 {
                Code::http_status(self)
            }

            #[inline]
            fn kind(self) -> Kind {
                Code::kind(self)
            }

            #[inline]
            fn retry(self) -> RetryPolicy {
                Code::retry(self)
            }

            #[inline]
            fn error_type(self) -> &'static str {
                Code::error_type(self)
            }

            #[inline]
            fn title(self) -> &'static str {
                Code::title(self)
            }

            #[inline]
            fn message_template(self) -> &'static str {
                Code::message_template(self)
            }

            #[inline]
            fn docs_url(self) -> &'static str {
                Code::docs_url(self)
            }

            #[inline]
            fn envelope(self) -> #rt::EnvelopeFormat {
                Code::envelope(self)
            }
        }

        /// The envelope format of this catalog's error responses.
        pub const ENVELOPE: #rt::EnvelopeFormat = #envelope;

        #rt::__impl_code_index!(Code, #code_repr, #last_variant);

        #rt::__define_error!(Code);

    };
    (tokens, splices)
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

fn rt_path(options: &RustOptions) -> syn::Path {
    syn::parse_str(&options.runtime_path).unwrap_or_else(|_| syn::parse_quote!(::errcat_runtime))
}

fn ident_of(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, proc_macro2::Span::call_site()),
        None => format_ident!("{}", name),
    }
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

    fn items(&self, model: &Model, docs: &mut DocSplices) -> Vec<syn::ImplItem> {
        constructor_names(model)
            .iter()
            .zip(&model.codes)
            .enumerate()
            .map(|(index, (name, code))| self.item(index, name, code, docs))
            .collect()
    }

    fn item(
        &self,
        index: usize,
        fn_name: &str,
        code: &Code,
        docs: &mut DocSplices,
    ) -> syn::ImplItem {
        let mut inputs = syn::punctuated::Punctuated::new();
        let mut args = Vec::new();
        for p in &code.params {
            let arg = ident_of(&p.ident);
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
            code.variant,
            code.status,
            md_inline_code(&code.message)
        );
        let mut function = self.template.clone();
        function.attrs.insert(0, docs.attribute(&doc));
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
            /// What the typed constructors call: one function per distinct
            /// list of param types, taking the code's index and its values.
            ///
            /// Constructors call them through `fn` pointer constants: in
            /// release builds rustc's MIR inliner walks the whole call graph
            /// below every direct call in an `#[inline]` function, once per
            /// constructor, but stops at a pointer. LLVM still sees the
            /// constant and makes a direct call.
            mod __ctor {
                use super::{Code, Error};
                #(#helpers)*
            }
        }
    }
}

fn envelope_tokens(rt: &syn::Path, model: &Model) -> TokenStream {
    let style = match model.envelope.style {
        crate::model::EnvelopeStyle::Problem => quote!(#rt::EnvelopeStyle::Problem),
        crate::model::EnvelopeStyle::Detail => quote!(#rt::EnvelopeStyle::Detail),
        _ => quote!(#rt::EnvelopeStyle::Nested),
    };
    let case = match model.envelope.field_case {
        crate::model::FieldCase::Camel => quote!(#rt::FieldCase::Camel),
        _ => quote!(#rt::FieldCase::Snake),
    };
    let request_id = match model.envelope.request_id {
        crate::model::RequestIdPlacement::Outside => quote!(#rt::RequestIdPlacement::Outside),
        _ => quote!(#rt::RequestIdPlacement::Inside),
    };
    quote!(#rt::EnvelopeFormat { style: #style, field_case: #case, request_id: #request_id })
}

fn variant_doc(model: &Model, code: &Code) -> String {
    let category = model.category_of(code);
    let mut doc = format!("{}.\n\n", code.title.trim_end_matches('.'));
    doc.push_str(&format!("{} · ", md_inline_code(&code.wire_name)));
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
    doc
}

fn index_tokens(
    rt: &syn::Path,
    table: &PhfTable,
    name: &str,
    splices: &mut Splices,
) -> TokenStream {
    let seed = lit_u64(table.seed);
    let pilots = splices.bytes(
        &format!("{name}_PILOTS"),
        table.pilots.iter().flat_map(|p| p.to_le_bytes()).collect(),
    );
    let slots = splices.bytes(
        &format!("{name}_SLOTS"),
        table.slots.iter().flat_map(|s| s.to_le_bytes()).collect(),
    );
    quote!(#rt::__private::Index { seed: #seed, pilots: #pilots, slots: #slots })
}

/// Large literals are kept out of the token stream: the tokens hold a
/// placeholder identifier (made by errcat, never from catalog text) that is
/// replaced by the escaped literal after formatting. syn and prettyplease
/// then never see megabytes of data.
#[derive(Default)]
struct Splices {
    literals: Vec<(String, String)>,
}

impl Splices {
    fn placeholder(&mut self, name: &str, literal: String) -> TokenStream {
        let ident = format_ident!("__errcat_splice_{}", name);
        self.literals.push((ident.to_string(), literal));
        quote!(#ident)
    }

    fn bytes(&mut self, name: &str, bytes: Vec<u8>) -> TokenStream {
        self.placeholder(name, byte_string_literal(&bytes))
    }

    fn text(&mut self, name: &str, text: String) -> TokenStream {
        self.placeholder(name, string_literal(&text))
    }

    /// Replaces each placeholder by its literal in one pass.
    fn apply(&self, formatted: &str) -> String {
        const PREFIX: &str = "__errcat_splice_";
        let extra: usize = self.literals.iter().map(|(_, l)| l.len()).sum();
        let mut out = String::with_capacity(formatted.len() + extra);
        let mut rest = formatted;
        while let Some(at) = rest.find(PREFIX) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            match self
                .literals
                .iter()
                .find(|(p, _)| p.as_str() == &tail[..end])
            {
                Some((_, literal)) => out.push_str(literal),
                None => out.push_str(&tail[..end]),
            }
            rest = &tail[end..];
        }
        out.push_str(rest);
        out
    }
}

/// A Rust string literal for `text`. Faster than `Literal::string` on
/// megabytes of text, and checked against syn's parser in tests: quotes,
/// backslashes and control characters are escaped, and so are the
/// bidirectional controls rustc rejects in literals.
pub fn string_literal(text: &str) -> String {
    let needs_escape = |c: char| {
        matches!(c, '"' | '\\')
            || c.is_control()
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    let mut out = String::with_capacity(text.len() + text.len() / 16 + 2);
    out.push('"');
    let mut rest = text;
    while let Some(at) = rest.find(needs_escape) {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or_default();
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
    out.push('"');
    out
}

/// A Rust byte string literal for `bytes`: printable ASCII as itself,
/// everything else as `\xNN`. Checked against syn's parser in tests.
pub fn byte_string_literal(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 3 + 3);
    out.push_str("b\"");
    for &b in bytes {
        match b {
            b'"' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => {
                out.push_str("\\x");
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
    out.push('"');
    out
}

/// Doc comments of the bulk items (variants, constructors), spliced in after
/// formatting: the AST carries one `#[doc = "@errcat-doc:N"]` per item,
/// printed as `///@errcat-doc:N`. Every doc line errcat writes starts with a
/// space, so no catalog text can take that form, and the expansion is one
/// linear pass instead of a syn literal per line.
#[derive(Default)]
struct DocSplices {
    docs: Vec<Vec<String>>,
}

const DOC_MARKER: &str = "///@errcat-doc:";

impl DocSplices {
    fn attribute(&mut self, text: &str) -> syn::Attribute {
        self.docs.push(doc_lines(text));
        doc_attribute(&format!("@errcat-doc:{}", self.docs.len() - 1))
    }

    fn apply(&self, formatted: &str) -> String {
        let mut out = String::with_capacity(
            formatted.len() + self.docs.iter().map(|d| d.len() * 80).sum::<usize>(),
        );
        for line in formatted.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let index = trimmed
                .strip_prefix(DOC_MARKER)
                .and_then(|rest| rest.trim_end().parse::<usize>().ok());
            match index.and_then(|i| self.docs.get(i)) {
                Some(lines) => {
                    let indent = &line[..line.len() - trimmed.len()];
                    for doc in lines {
                        out.push_str(indent);
                        out.push_str("///");
                        out.push_str(doc);
                        out.push('\n');
                    }
                }
                None => out.push_str(line),
            }
        }
        out
    }
}

/// The layout of a per-code record; emitted as constants so generated code
/// names every offset.
mod layout {
    use proc_macro2::{Literal, TokenStream};
    use quote::{format_ident, quote};

    /// (name, size in bytes), in record order.
    pub const FIELDS: &[(&str, usize)] = &[
        ("NAME", 8),
        ("VARIANT", 8),
        ("TITLE", 8),
        ("MESSAGE", 8),
        ("DESCRIPTION", 8),
        ("SOLUTION", 8),
        ("SDK_EXCEPTION", 8),
        ("SINCE", 8),
        ("DEPRECATED", 8),
        ("DOCS_URL", 8),
        ("EXPLAIN", 8),
        ("PARAMS_WINDOW", 8),
        ("ALIASES_WINDOW", 8),
        ("NUMERIC", 4),
        ("REPLACED_BY", 4),
        ("STATUS", 2),
        ("CATEGORY", 2),
        ("RETRY", 2),
        ("KIND", 1),
        ("EXIT_CODE", 1),
        ("FAULT", 1),
        ("ENVELOPE_STYLE", 1),
        ("SERVER_RETRIES", 1),
    ];

    /// Bytes per record.
    pub const RECORD: usize = {
        let mut total = 0;
        let mut i = 0;
        while i < FIELDS.len() {
            total += FIELDS[i].1;
            i += 1;
        }
        total
    };

    /// `const NAME: usize = 0; ...` and `const RECORD: usize = ...;`.
    pub fn consts() -> TokenStream {
        let mut offset = 0;
        let mut items = Vec::new();
        for (name, size) in FIELDS {
            let ident = format_ident!("{}", name);
            let at = Literal::usize_unsuffixed(offset);
            items.push(quote!(const #ident: usize = #at;));
            offset += size;
        }
        let record = Literal::usize_unsuffixed(RECORD);
        quote! {
            /// Bytes per record in `CODES`; the constants below are field offsets.
            const RECORD: usize = #record;
            #(#items)*
        }
    }
}

fn retry_tokens(rt: &syn::Path, strategy: &RetryStrategy) -> TokenStream {
    let backoff = |b: &crate::model::Backoff| {
        let initial = lit_u64(millis(b.initial));
        let max_delay = lit_u64(millis(b.max_delay));
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
        RetryStrategy::AfterHeader { max_wait, fallback } => {
            let max_wait = lit_u64(millis(*max_wait));
            let fallback = backoff(fallback);
            quote!(#rt::RetryPolicy::AfterHeader {
                max_wait: ::core::time::Duration::from_millis(#max_wait),
                fallback: #fallback,
            })
        }
    }
}

fn millis(d: std::time::Duration) -> u64 {
    u64::try_from(d.as_millis()).unwrap_or(u64::MAX)
}

fn kind_index(kind: crate::model::Kind) -> u8 {
    errcat_runtime::Kind::ALL
        .iter()
        .position(|&k| k == kind)
        .unwrap_or(0) as u8
}

fn envelope_index(style: crate::model::EnvelopeStyle) -> u8 {
    errcat_runtime::EnvelopeStyle::ALL
        .iter()
        .position(|&s| s == style)
        .unwrap_or(0) as u8
}

fn fault_index(fault: crate::model::Fault) -> u8 {
    errcat_runtime::Fault::ALL
        .iter()
        .position(|&f| f == fault)
        .unwrap_or(0) as u8
}

fn param_type_index(ty: crate::model::ParamType) -> u8 {
    errcat_runtime::ParamType::ALL
        .iter()
        .position(|&t| t == ty)
        .unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) {
        let literal = string_literal(text);
        let parsed: syn::LitStr =
            syn::parse_str(&literal).unwrap_or_else(|e| panic!("{literal}: {e}"));
        assert_eq!(parsed.value(), text);
    }

    #[test]
    fn string_literals_round_trip_through_syn() {
        for text in [
            "",
            "plain",
            "quote \" back \\ slash",
            "nl\ncr\rtab\t",
            "\0 nul \u{7f} del",
            "\u{202e}rtl\u{2066}",
            "caf\u{e9} \u{1f600}",
            "{{}}",
            "\\u{41}",
        ] {
            round_trip(text);
        }
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        round_trip(&all);
    }

    #[test]
    fn byte_literals_round_trip_through_syn() {
        let all: Vec<u8> = (0..=255u8).chain([b'"', b'\\', 0, 255]).collect();
        let parsed: syn::LitByteStr = syn::parse_str(&byte_string_literal(&all)).unwrap();
        assert_eq!(parsed.value(), all);
    }
}
