//! The items of the generated module, as tokens: the prelude, `Category`,
//! `Code` and its tables, accessors, lookups and trait impls. Each function
//! returns one group of items, in the order they appear in the file.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};

use super::literals::doc_attrs;
use super::splice::Splices;
use super::tables::{Tables, envelope_tokens, layout};
use crate::emit::escape::{md_inline_code, rustdoc_markdown};
use crate::fields::{Field, FieldType, Group};
use crate::model::{Code, Model};
use crate::rust_names::RustNames;

/// What every item group needs.
pub(super) struct Items<'a> {
    pub model: &'a Model,
    pub names: &'a RustNames,
    pub tables: &'a Tables,
    pub rt: &'a syn::Path,
}

impl Items<'_> {
    /// Re-exports of the runtime's vocabulary, catalog constants and the
    /// text blob.
    pub fn prelude(&self) -> TokenStream {
        let rt = self.rt;
        let catalog = &self.model.meta.name;
        let version = self.model.meta.version.clone().unwrap_or_default();
        let blob_lit = &self.tables.text;
        let locales = &self.model.locales;
        let tags = locales.iter().map(|l| l.tag.as_str());
        let parents = locales.iter().map(|l| l.parent as u16);
        let plurals = locales.iter().map(|l| l.plurals.as_str());
        let default_tag = &locales[0].tag;
        let locales_doc = doc_attrs(&format!(
            "The catalog's locales: BCP 47 tags, the default (`{default_tag}`) first, each with the locale its missing texts come from and its CLDR plural rules."
        ));
        quote! {
            pub use #rt::{
                Backoff, EnvelopeFormat, EnvelopeStyle, ErrorBody, Fault, FieldCase, Jitter, Kind, ParamSpec, ParamType,
                RequestIdPlacement, RetryPolicy,
            };

            /// The name of the catalog this module was generated from.
            pub const CATALOG_NAME: &str = #catalog;

            /// The version of the catalog this module was generated from (empty if unversioned).
            pub const CATALOG_VERSION: &str = #version;

            #locales_doc
            pub const LOCALES: #rt::Locales = #rt::Locales {
                tags: &[#(#tags),*],
                parents: &[#(#parents),*],
                plurals: &[#(#plurals),*],
            };

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
        }
    }

    /// The texts of each code in the catalog's other locales: the table and
    /// `title_in`, `message_template_in`, `solution_in`; nothing for a
    /// catalog with one locale.
    fn localized_accessors(&self) -> TokenStream {
        let (Some(table), rt) = (&self.tables.localized, self.rt) else {
            return TokenStream::new();
        };
        let count = Literal::usize_unsuffixed(self.model.codes.len());
        quote! {
            /// The text `at` (0 title, 1 message, 2 solution) of this code
            /// as locale `locale` (an index into [`LOCALES`], not 0) writes it.
            #[inline]
            fn translated(self, locale: usize, at: usize) -> Option<&'static str> {
                /// Per locale after the default, per code: its title,
                /// message and solution texts (`u64`, 0 for none).
                static LOCALIZED: &[u8] = #table;
                let record = (locale - 1) * #count + self.index();
                opt_text(#rt::__private::read_u64(LOCALIZED, record * 24 + at * 8))
            }

            /// The text `at` in the locale `tag` names, along its chain of
            /// fallbacks short of the default.
            #[inline]
            fn in_locale(self, tag: &str, at: usize) -> Option<&'static str> {
                let locale = LOCALES.find(tag)?;
                LOCALES
                    .chain(locale)
                    .take_while(|&l| l != 0)
                    .find_map(|l| self.translated(l, at))
            }

            /// The title in the locale `tag` names (`fr-CH` falls back to
            /// `fr`, then to the default).
            #[inline]
            pub fn title_in(self, tag: &str) -> &'static str {
                self.in_locale(tag, 0).unwrap_or_else(|| self.title())
            }

            /// The message template in the locale `tag` names.
            #[inline]
            pub fn message_template_in(self, tag: &str) -> &'static str {
                self.in_locale(tag, 1).unwrap_or_else(|| self.message_template())
            }

            /// How to fix the problem, in the locale `tag` names.
            #[inline]
            pub fn solution_in(self, tag: &str) -> Option<&'static str> {
                self.in_locale(tag, 2).or_else(|| self.solution())
            }
        }
    }

    /// `enum Category`, its tables and impls.
    pub fn category(&self) -> TokenStream {
        let model = self.model;
        // A catalog without categories has no `Category` type at all.
        if !model.meta.categorized {
            return quote! {};
        }
        let t = self.tables;
        let catalog = &model.meta.name;
        let category_doc = doc_attrs(&format!("The categories of the `{catalog}` error catalog."));
        let category_docs: Vec<TokenStream> =
            model.categories.iter().map(category_doc_attrs).collect();
        let category_variants: Vec<Ident> = self
            .names
            .category_variants
            .iter()
            .map(|v| format_ident!("{}", v))
            .collect();
        let cat_count = Literal::usize_unsuffixed(model.categories.len());
        let (cat_id, cat_title, cat_description, cat_type) =
            (&t.cat_id, &t.cat_title, &t.cat_description, &t.cat_type);
        let (cat_fault, cat_range, cat_codes) = (&t.cat_fault, &t.cat_range, &t.cat_codes);
        let (cat_prefix, cat_generic) = (&t.cat_prefix, &t.cat_generic);
        quote! {
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
            static CATEGORY_PREFIX: [u64; #cat_count] = [#(#cat_prefix),*];
            /// The generic code's index, or `u32::MAX` for none.
            static CATEGORY_GENERIC: [u32; #cat_count] = [#(#cat_generic),*];

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

                /// The prefix every identity of this class starts with, when
                /// the category is a prefix class (`"22"`).
                #[inline]
                pub fn prefix(self) -> Option<&'static str> {
                    opt_text(CATEGORY_PREFIX[self.index()])
                }

                /// The code an unknown identity of this class reads as.
                #[inline]
                pub fn generic(self) -> Option<Code> {
                    let index = CATEGORY_GENERIC[self.index()];
                    (index != u32::MAX).then(|| Code::all()[index as usize])
                }

                /// The category with this id, or this class prefix (`"22"`).
                #[inline]
                pub fn lookup(id: &str) -> Option<Category> {
                    let all = Category::ALL.iter().copied();
                    all.clone()
                        .find(|c| c.as_str() == id)
                        .or_else(|| all.clone().find(|c| c.prefix() == Some(id)))
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
        }
    }

    /// `enum Code`, built as syn data: with tens of thousands of codes,
    /// parsing its variants from tokens would dominate code generation.
    /// The variants are `variants`, written by [`variants_block`].
    pub fn code_enum(&self, splices: &mut Splices, variants: String) -> syn::Item {
        let model = self.model;
        let n = model.codes.len();
        let catalog = &model.meta.name;
        let code_doc = doc_attrs(&format!(
            "Every code of the `{catalog}` error catalog ({n} codes).\n\n\
             Per-code facts come from the catalog files and are read from static tables; \
             [`Code::lookup`] and [`Code::from_numeric`] use perfect hashes, so every \
             accessor and lookup takes constant time."
        ));
        let code_repr = self.code_repr();
        let mut item: syn::ItemEnum = syn::parse_quote! {
            #code_doc
            #[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            #[repr(#code_repr)]
            pub enum Code {}
        };
        if !model.codes.is_empty() {
            let placeholder = splices.block(variants);
            item.variants
                .push(syn::parse_quote!(#placeholder __errcat_block));
        }
        syn::Item::Enum(item)
    }

    /// The record layout constants and the tables `Code` reads.
    pub fn code_tables(&self) -> TokenStream {
        let rt = self.rt;
        let t = self.tables;
        let layout_consts = layout::consts();
        let (codes_bytes, params_bytes, keys_bytes) = (&t.codes, &t.params, &t.keys);
        let (name_index, name_slots, numeric_index, numeric_slots) = (
            &t.name_index,
            &t.name_slots,
            &t.numeric_index,
            &t.numeric_slots,
        );
        let (policies, policy_names) = (&t.policies, &t.policy_names);
        let policy_count = Literal::usize_unsuffixed(policies.len());
        let idempotent_only = self.model.retry_policies.iter().map(|p| p.idempotent_only);
        quote! {
            #layout_consts

            /// Per-code records, `RECORD` bytes each, indexed by discriminant.
            static CODES: &[u8] = #codes_bytes;
            /// Param records: name text (`u64`) then type (`u8`).
            static PARAMS: &[u8] = #params_bytes;
            const PARAM_RECORD: usize = 9;

            static RETRY_POLICIES: [RetryPolicy; #policy_count] = [#(#policies),*];
            static RETRY_POLICY_NAME: [u64; #policy_count] = [#(#policy_names),*];
            /// Per policy, whether it retries only idempotent requests.
            static RETRY_IDEMPOTENT_ONLY: [bool; #policy_count] = [#(#idempotent_only),*];

            /// The text (`u64`) of each lookup key, in code order: a code's
            /// name, then its aliases.
            static KEYS: &[u8] = #keys_bytes;
            static NAME_INDEX: #rt::__private::Index = #name_index;
            /// Per slot of `NAME_INDEX`, its key's record: length (`u32`),
            /// the low 32 bits of its hash (`u32`), text offset (`u32`) and
            /// code (`u32`).
            static NAME_SLOTS: &[u8] = #name_slots;
            const NAME_RECORD: usize = 16;

            static NUMERIC_INDEX: #rt::__private::Index = #numeric_index;
            /// Per slot of `NUMERIC_INDEX`, its code (`u32`).
            static NUMERIC_SLOTS: &[u8] = #numeric_slots;
        }
    }

    /// `impl Code`: accessors and lookups.
    pub fn code_impl(&self) -> TokenStream {
        let accessors = self.code_accessors();
        let lookups = self.code_lookups();
        quote! {
            #[allow(deprecated)]
            impl Code {
                #accessors
                #lookups
            }
        }
    }

    fn code_accessors(&self) -> TokenStream {
        let rt = self.rt;
        let category_accessors = if self.model.meta.categorized {
            quote! {
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
            }
        } else {
            let error_type = &self
                .model
                .categories
                .first()
                .map_or("error", |c| c.error_type.as_str());
            quote! {
                /// The error `type` string used in envelopes: one for every
                /// code, since the catalog has no categories.
                #[inline]
                pub fn error_type(self) -> &'static str {
                    #error_type
                }
            }
        };
        let delivery = fact_accessors(&[Group::Delivery]);
        let client_and_history = fact_accessors(&[Group::Client, Group::History]);
        let localized = self.localized_accessors();
        let exit_code = if self.model.meta.cli {
            quote! {
                /// The exit code a command-line tool uses for this code.
                #[inline]
                pub fn exit_code(self) -> u8 {
                    CODES[self.index() * RECORD + EXIT_CODE]
                }
            }
        } else {
            TokenStream::new()
        };
        let grpc_accessor = if self.model.meta.http || self.model.meta.grpc {
            quote! {
                /// The gRPC canonical code this code is sent with: Google
                /// bodies' `status`, and a gRPC status's code.
                #[inline]
                pub fn grpc_code(self) -> #rt::GrpcCode {
                    #rt::GrpcCode::ALL[usize::from(CODES[self.index() * RECORD + GRPC])]
                }
            }
        } else {
            TokenStream::new()
        };
        // A catalog without HTTP has no status or envelope to misuse.
        let (http_status, envelope_accessor) = if self.model.meta.http {
            (
                quote! {
                    /// The HTTP status a response with this code carries.
                    #[inline]
                    pub fn http_status(self) -> u16 {
                        #rt::__private::read_u16(CODES, self.index() * RECORD + STATUS)
                    }
                },
                quote! {
                    /// The envelope format this code's responses use.
                    #[inline]
                    pub fn envelope(self) -> #rt::EnvelopeFormat {
                        ENVELOPE.with_style(#rt::EnvelopeStyle::ALL[usize::from(CODES[self.index() * RECORD + ENVELOPE_STYLE])])
                    }
                },
            )
        } else {
            (TokenStream::new(), TokenStream::new())
        };
        let name_accessor = {
            // Only codes whose snake_case name is not their identity
            // (`unique_violation` for `23505`) need an arm.
            let (variants, names): (Vec<_>, Vec<_>) = self
                .model
                .codes
                .iter()
                .enumerate()
                .filter_map(|(i, c)| {
                    let name = c.condition.as_deref()?;
                    Some((format_ident!("{}", self.names.code_variants[i]), name))
                })
                .unzip();
            let rest =
                (variants.len() < self.model.codes.len()).then(|| quote!(_ => self.as_str(),));
            let body = if variants.is_empty() {
                quote!(self.as_str())
            } else {
                quote! {
                    match self {
                        #(Code::#variants => #names,)*
                        #rest
                    }
                }
            };
            quote! {
                /// Its snake_case name: the condition name a catalog of
                /// identities gives it (`"unique_violation"` for `23505`),
                /// else the wire name. Lookups accept it.
                pub fn name(self) -> &'static str {
                    #body
                }
            }
        };
        quote! {
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

            #name_accessor

            /// The numeric code, if the catalog gives one.
            #[inline]
            pub fn numeric(self) -> Option<u32> {
                let n = self.field_u32(NUMERIC);
                (n != u32::MAX).then_some(n)
            }

            #http_status

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

            #category_accessors

            /// Who is at fault: the code's own, or its category's.
            #[inline]
            pub fn fault(self) -> Fault {
                Fault::ALL[usize::from(CODES[self.index() * RECORD + FAULT])]
            }

            #delivery

            #envelope_accessor
            #grpc_accessor

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

            /// Whether its retry policy retries only idempotent requests.
            #[inline]
            pub fn retry_requires_idempotent(self) -> bool {
                RETRY_IDEMPOTENT_ONLY[self.retry_index()]
            }

            #exit_code

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

            #client_and_history

            #localized

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
                (start..start + (packed & 0xffff_ffff) as usize).map(|k| text(#rt::__private::read_u64(KEYS, k * 8)))
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
        }
    }

    fn code_lookups(&self) -> TokenStream {
        let rt = self.rt;
        let classes = self.model.classes();
        let resolve = if classes.is_empty() {
            quote! {
                /// The code a client reading `identity` means: here, exactly
                /// [`Code::lookup`], since the catalog has no prefix classes.
                #[inline]
                pub fn resolve(identity: &str) -> Option<Code> {
                    Code::lookup(identity)
                }
            }
        } else {
            let prefixes = classes.iter().map(|(p, _)| p.to_string());
            let generics = classes
                .iter()
                .map(|(_, i)| format_ident!("{}", self.names.code_variants[*i]));
            let n = classes.len();
            // With `case_insensitive`, `hv999` is in class `HV` as `hv000`
            // is the code `HV000`.
            let starts = if self.model.meta.case_insensitive {
                quote! { identity.get(..prefix.len()).is_some_and(|head| head.eq_ignore_ascii_case(prefix)) }
            } else {
                quote! { identity.starts_with(prefix) }
            };
            // Only a string that can be an identity has a class: `22P99X`
            // is no SQLSTATE.
            let (guard_doc, guard) = match &self.model.meta.identity_pattern {
                Some(pattern) => {
                    let doc = format!(
                        " A string that is not an identity (a token of ASCII letters, digits and `_` matching `` {pattern} `` in full) has no class."
                    );
                    (
                        quote! { #[doc = ""] #[doc = #doc] },
                        quote! {
                            static PATTERN: #rt::__private::OnceLock<Option<#rt::__private::IdentityPattern>> =
                                #rt::__private::OnceLock::new();
                            if !#rt::__private::is_identity(&PATTERN, #pattern, identity) {
                                return None;
                            }
                        },
                    )
                }
                None => (quote! {}, quote! {}),
            };
            quote! {
                /// The code a client reading `identity` means: the code with
                /// that name or alias, else the generic code of its class,
                /// by the longest prefix it starts with (an unknown `22P99`
                /// is read as class `22`'s generic code).
                #guard_doc
                pub fn resolve(identity: &str) -> Option<Code> {
                    /// Prefix classes, longest prefix first.
                    const CLASSES: [(&str, Code); #n] = [#((#prefixes, Code::#generics)),*];
                    Code::lookup(identity).or_else(|| {
                        #guard
                        CLASSES
                            .iter()
                            .find(|(prefix, _)| #starts)
                            .map(|&(_, code)| code)
                    })
                }
            }
        };
        let lookup = if self.model.meta.case_insensitive {
            // Exact first (the common case, one probe), then the input in
            // upper and in lower case, then the few keys of mixed case.
            let mut mixed: Vec<(String, usize)> = Vec::new();
            for (i, code) in self.model.codes.iter().enumerate() {
                for key in [
                    Some(&code.wire_name),
                    Some(&code.name),
                    code.condition.as_ref().filter(|_| !code.shared_name),
                ]
                .into_iter()
                .flatten()
                .chain(&code.aliases)
                {
                    let has = |f: fn(&u8) -> bool| key.bytes().any(|b| f(&b));
                    if has(u8::is_ascii_uppercase) && has(u8::is_ascii_lowercase) {
                        mixed.push((key.clone(), i));
                    }
                }
            }
            mixed.sort();
            mixed.dedup();
            let mixed_keys = mixed.iter().map(|(k, _)| k.as_str());
            let mixed_codes = mixed
                .iter()
                .map(|(_, i)| format_ident!("{}", self.names.code_variants[*i]));
            let n = mixed.len();
            quote! {
                /// The code with this name or alias, ignoring ASCII case
                /// (the catalog sets `case_insensitive`).
                pub fn lookup(name: &str) -> Option<Code> {
                    /// Keys that are neither all upper nor all lower case.
                    const MIXED: [(&str, Code); #n] = [#((#mixed_keys, Code::#mixed_codes)),*];
                    if let Some(code) = Code::lookup_exact(name) {
                        return Some(code);
                    }
                    if !name.bytes().any(|b| b.is_ascii_alphabetic()) {
                        return None;
                    }
                    Code::lookup_exact(&name.to_ascii_uppercase())
                        .or_else(|| Code::lookup_exact(&name.to_ascii_lowercase()))
                        .or_else(|| {
                            MIXED
                                .iter()
                                .find(|(key, _)| key.eq_ignore_ascii_case(name))
                                .map(|&(_, code)| code)
                        })
                }
            }
        } else {
            quote! {
                /// The code with this name or alias. Exact and case-sensitive.
                #[inline]
                pub fn lookup(name: &str) -> Option<Code> {
                    Code::lookup_exact(name)
                }
            }
        };
        let named = self.code_named();
        quote! {
            #lookup

            #named

            /// The code with exactly this name or alias.
            #[inline]
            fn lookup_exact(name: &str) -> Option<Code> {
                let hash = #rt::__private::hash_bytes(name.as_bytes(), NAME_INDEX.seed);
                let slot = NAME_INDEX.slot(hash)?;
                // One bounds check for the record; reads within it need none.
                let record = &NAME_SLOTS[slot * NAME_RECORD..][..NAME_RECORD];
                // Length and fingerprint, in one comparison, reject almost
                // every miss before any text is read.
                if #rt::__private::read_u64(record, 0) != (name.len() as u64 & 0xffff_ffff) | hash << 32 {
                    return None;
                }
                let start = #rt::__private::read_u32(record, 8) as usize;
                let stored = TEXT.as_bytes().get(start..start + name.len())?;
                #rt::__private::same_bytes(stored, name.as_bytes())
                    .then(|| Code::from_index(#rt::__private::read_u32(record, 12) as usize))
            }

            #resolve

            /// The code with this numeric code.
            #[inline]
            pub fn from_numeric(numeric: u32) -> Option<Code> {
                let slot = NUMERIC_INDEX.slot_u64(u64::from(numeric))?;
                let code = Code::from_index(#rt::__private::read_u32(NUMERIC_SLOTS, slot * 4) as usize);
                (code.field_u32(NUMERIC) == numeric).then_some(code)
            }
        }
    }

    /// `Code::named`: every code that answers to a name, for names that
    /// several codes share (`shared_name`) as PL/pgSQL's conditions can.
    fn code_named(&self) -> TokenStream {
        let mut shared: Vec<(&str, Vec<usize>)> = Vec::new();
        for (i, code) in self.model.codes.iter().enumerate() {
            let Some(name) = code.condition.as_deref().filter(|_| code.shared_name) else {
                continue;
            };
            match shared.iter_mut().find(|(n, _)| *n == name) {
                Some((_, codes)) => codes.push(i),
                None => shared.push((name, vec![i])),
            }
        }
        let single = quote! {
            match Code::lookup(name) {
                Some(code) => core::slice::from_ref(&Code::all()[code.index()]),
                None => &[],
            }
        };
        if shared.is_empty() {
            return quote! {
                /// Every code that answers to `name`: here the one
                /// [`Code::lookup`] finds, since no codes share a name.
                #[inline]
                pub fn named(name: &str) -> &'static [Code] {
                    #single
                }
            };
        }
        let n = shared.len();
        let keys = shared.iter().map(|(name, _)| *name);
        let lists = shared.iter().map(|(_, codes)| {
            let variants = codes
                .iter()
                .map(|i| format_ident!("{}", self.names.code_variants[*i]));
            quote!(&[#(Code::#variants),*])
        });
        let same = if self.model.meta.case_insensitive {
            quote!(key.eq_ignore_ascii_case(name))
        } else {
            quote!(*key == name)
        };
        quote! {
            /// Every code that answers to `name`: all the codes that share
            /// it as their condition name, in catalog order (as PL/pgSQL
            /// catches both `01004` and `22001` by
            /// `string_data_right_truncation`), else the one
            /// [`Code::lookup`] finds. [`Code::lookup`] finds no shared name.
            pub fn named(name: &str) -> &'static [Code] {
                /// Names several codes share, with their codes.
                const SHARED: [(&str, &[Code]); #n] = [#((#keys, #lists)),*];
                match SHARED.iter().find(|(key, _)| #same) {
                    Some(&(_, codes)) => codes,
                    None => #single,
                }
            }
        }
    }

    /// Formatting, parsing, serde, the runtime traits, `Code::all()` and the
    /// catalog's `Error` type.
    pub fn code_traits(&self) -> TokenStream {
        let rt = self.rt;
        let model = self.model;
        let catalog = &model.meta.name;
        let parse_error_doc = doc_attrs(&format!(
            "The error of parsing a name that is not a code or alias of the `{catalog}` catalog."
        ));
        let envelope = envelope_tokens(rt, model);
        let request_id_header = match model.meta.request_id_header.as_deref() {
            Some(crate::model::DEFAULT_REQUEST_ID_HEADER) => None,
            header => {
                let header = header.unwrap_or_default();
                Some(quote!(const REQUEST_ID_HEADER: &'static str = #header;))
            }
        };
        let category_id = model.meta.categorized.then(|| {
            quote! {
                #[inline]
                fn category_id(self) -> Option<&'static str> {
                    Some(Code::category(self).as_str())
                }
            }
        });
        let domain = model.meta.domain.as_deref().map(|d| {
            quote! {
                #[inline]
                fn domain() -> &'static str {
                    #d
                }
            }
        });
        // What an audit tells a response that sends a retired code.
        let retired = (!model.retired.is_empty()).then(|| {
            // An identity in two tombstones would be an unreachable arm.
            let mut seen = std::collections::BTreeSet::new();
            let arms = model.retired.iter().filter_map(|r| {
                let identities: Vec<&str> = r
                    .record
                    .identities(&r.name)
                    .filter(|id| seen.insert(*id))
                    .collect();
                if identities.is_empty() {
                    return None;
                }
                let name = &r.name;
                let reason = match &r.record.reason {
                    Some(reason) => quote!(Some(#reason)),
                    None => quote!(None),
                };
                Some(quote!(#(#identities)|* => Some((#name, #reason)),))
            });
            quote! {
                fn retired(identity: &str) -> Option<(&'static str, Option<&'static str>)> {
                    match identity {
                        #(#arms)*
                        _ => None,
                    }
                }
            }
        });
        let code_repr = self.code_repr();
        let text_in = (model.locales.len() > 1).then(|| {
            let rt = self.rt;
            quote! {
                #[inline]
                fn text_in(self, locale: usize, text: #rt::Text) -> Option<&'static str> {
                    let at = match text {
                        #rt::Text::Title => 0,
                        #rt::Text::Message => 1,
                    };
                    match locale {
                        0 => Some(if at == 0 { Code::title(self) } else { Code::message_template(self) }),
                        _ => self.translated(locale, at),
                    }
                }
            }
        });
        // What the runtime's `Error` needs: an HTTP catalog's only.
        let (http_items, define_error) = if model.meta.http {
            (
                quote! {
                impl #rt::CatalogCode for Code {
                    const ENVELOPE: #rt::EnvelopeFormat = #envelope;
                    #request_id_header

                    #[inline]
                    fn as_str(self) -> &'static str {
                        Code::as_str(self)
                    }

                    #[inline]
                    fn lookup(name: &str) -> Option<Self> {
                        Code::lookup(name)
                    }

                    #[inline]
                    fn resolve(name: &str) -> Option<Self> {
                        Code::resolve(name)
                    }

                    #[inline]
                    fn retry_requires_idempotent(self) -> bool {
                        Code::retry_requires_idempotent(self)
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

                    #[inline]
                    fn grpc_code(self) -> #rt::GrpcCode {
                        Code::grpc_code(self)
                    }

                    #[inline]
                    fn params(self) -> impl Iterator<Item = ParamSpec> {
                        Code::params(self)
                    }

                    #[inline]
                    fn all() -> &'static [Self] {
                        Code::all()
                    }

                    #[inline]
                    fn deprecated(self) -> Option<&'static str> {
                        Code::deprecated(self)
                    }

                    #retired

                    #[inline]
                    fn fault(self) -> Fault {
                        Code::fault(self)
                    }

                    #category_id

                    #domain

                    const LOCALES: &'static #rt::Locales = &LOCALES;

                    #text_in
                }

                /// The envelope format of this catalog's error responses.
                pub const ENVELOPE: #rt::EnvelopeFormat = #envelope;
                    },
                quote! { #rt::__define_error!(Code); },
            )
        } else {
            (TokenStream::new(), TokenStream::new())
        };
        // Validation guarantees at least one code (E0027).
        let last_variant = format_ident!(
            "{}",
            self.names
                .code_variants
                .last()
                .map_or("Code", String::as_str)
        );
        quote! {
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

            #http_items

            #rt::__impl_code_index!(Code, #code_repr, #last_variant);

            #define_error
        }
    }

    /// `u16`, or `u32` past 65,535 codes.
    fn code_repr(&self) -> Ident {
        if self.model.codes.len() <= usize::from(u16::MAX) {
            format_ident!("u16")
        } else {
            format_ident!("u32")
        }
    }
}

/// The accessors of the declared facts of `groups`, reading the record
/// slots `layout` gives them.
fn fact_accessors(groups: &[Group]) -> TokenStream {
    let mut out = TokenStream::new();
    for group in groups {
        for (_, field) in Field::in_group(*group) {
            let name = format_ident!("{}", field.key);
            let slot = format_ident!("{}", field.key.to_uppercase());
            let doc: String = field
                .doc
                .lines()
                .map(|l| l.strip_prefix(' ').unwrap_or(l))
                .collect::<Vec<_>>()
                .join("\n");
            let doc = doc_attrs(&doc);
            out.extend(match field.ty {
                FieldType::Count => quote! {
                    #doc
                    #[inline]
                    pub fn #name(self) -> u8 {
                        CODES[self.index() * RECORD + #slot]
                    }
                },
                FieldType::Code | FieldType::Text => quote! {
                    #doc
                    #[inline]
                    pub fn #name(self) -> Option<&'static str> {
                        opt_text(self.field_u64(#slot))
                    }
                },
            });
        }
    }
    out
}

/// The rustdoc of a `Category` variant.
fn category_doc_attrs(c: &crate::model::Category) -> TokenStream {
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
}

/// The `Code` variants with their docs, thousands of them, as one block of
/// text rather than as syn data for prettyplease (see `splice`). Built on
/// a thread of its own while the tables are.
pub(super) fn variants_block(model: &Model, names: &RustNames) -> String {
    let mut variants = String::new();
    for (code, variant) in model.codes.iter().zip(&names.code_variants) {
        let direct = variant_direct(model, code, variant);
        super::write_block_item(&mut variants, &variant_doc(model, code), &direct, || {
            let variant = variant_tokens(model, code, variant);
            syn::parse_quote!(enum E { #variant })
        });
    }
    variants
}

/// A deprecated variant's note: the catalog's, and what replaces it.
fn deprecation_note(model: &Model, code: &Code) -> Option<String> {
    code.deprecated
        .as_ref()
        .map(|note| match model.replacement_to_mention(code) {
            Some(r) => format!("{} Use `{}` instead.", note.trim_end(), r.name),
            None => note.clone(),
        })
}

/// A `Code` variant without its doc comment, as prettyplease writes it when
/// no line breaks: the note as a literal token, the validated identifier.
pub(super) fn variant_direct(model: &Model, code: &Code, variant: &str) -> String {
    let ident = super::ident_of(variant);
    match deprecation_note(model, code) {
        Some(note) => format!(
            "#[deprecated(note = {})]\n{ident},\n",
            Literal::string(&note)
        ),
        None => format!("{ident},\n"),
    }
}

/// The same variant as tokens, for prettyplease.
pub(super) fn variant_tokens(model: &Model, code: &Code, variant: &str) -> TokenStream {
    let ident = super::ident_of(variant);
    let attr = deprecation_note(model, code).map(|note| quote!(#[deprecated(note = #note)]));
    quote!(#attr #ident)
}

fn variant_doc(model: &Model, code: &Code) -> String {
    let category = model.category_of(code);
    let mut doc = format!("{}.\n\n", code.title.trim_end_matches('.'));
    doc.push_str(&format!("{} · ", md_inline_code(&code.wire_name)));
    if let Some(n) = code.numeric {
        doc.push_str(&format!("numeric {n} · "));
    }
    if model.meta.http {
        doc.push_str(&format!("HTTP {} · ", code.status));
    }
    doc.push_str(&format!("category {}", md_inline_code(&category.id)));
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
