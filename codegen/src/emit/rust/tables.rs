//! The data of the generated module: the text blob, the fixed-size
//! per-code records, the param and key records, the perfect-hash tables and
//! the category arrays. Everything rustc sees as a few big literals.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};

use super::blob::TextBlob;
use super::literals::{lit_u64, lits};
use super::splice::Splices;
use crate::fields::Value as FieldValue;
use crate::model::{Jitter, Model, RetryStrategy};
use crate::phf::{self, PhfTable};
use crate::rust_names::RustNames;

/// `NONE` marks a missing numeric code or replacement in `u32` tables.
const NONE_U32: u32 = u32::MAX;

/// The tables of one model, as tokens (big ones as splice placeholders).
pub(super) struct Tables {
    pub cat_id: Vec<Literal>,
    pub cat_title: Vec<Literal>,
    pub cat_description: Vec<Literal>,
    pub cat_type: Vec<Literal>,
    pub cat_fault: Vec<Literal>,
    pub cat_range: Vec<Literal>,
    pub cat_codes: Vec<Literal>,
    pub cat_prefix: Vec<Literal>,
    pub cat_generic: Vec<Literal>,
    pub codes: TokenStream,
    pub params: TokenStream,
    pub keys: TokenStream,
    pub name_index: TokenStream,
    pub name_slots: TokenStream,
    pub numeric_slots: TokenStream,
    pub numeric_index: TokenStream,
    pub policies: Vec<TokenStream>,
    pub policy_names: Vec<Literal>,
    /// Each locale after the default, each code: title, message and
    /// solution texts (`u64`, 0 when the locale does not translate it);
    /// `None` for a catalog with one locale.
    pub localized: Option<TokenStream>,
    pub text: TokenStream,
}

/// The texts each locale record holds, in order.
pub(super) const LOCALIZED_TEXTS: [crate::model::Text; 3] = crate::model::Text::ALL;

impl Tables {
    /// Builds every table. Text is interned in a fixed order (category
    /// texts, then lookup keys, then per-code texts) so output is stable
    /// and lookup keys sit together at the start of the blob.
    pub fn build(
        model: &Model,
        names: &RustNames,
        sections: &[String],
        rt: &syn::Path,
        splices: &mut Splices,
    ) -> Tables {
        // The docs sections are most of the text; short texts are a few
        // hundred bytes a code at most, and room to spare costs nothing.
        let mut blob = TextBlob::with_capacity(
            sections.iter().map(String::len).sum::<usize>() + 512 * model.codes.len(),
        );
        let n = model.codes.len();
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
        let cat_prefix = lits(
            model
                .categories
                .iter()
                .map(|c| blob.intern_opt(c.prefix.as_deref())),
        );
        // The generic code's index, or `u32::MAX` for none.
        let cat_generic = lits(
            model
                .categories
                .iter()
                .map(|c| c.generic.map_or(u32::MAX, |g| g as u32)),
        );

        // Lookup key texts first, so that they sit together at the start of the
        // blob: a lookup touches one of them, and they stay in cache.
        for code in &model.codes {
            blob.intern(&code.wire_name);
            blob.intern(&code.name);
            if let Some(condition) = &code.condition {
                blob.intern(condition);
            }
            for alias in &code.aliases {
                blob.intern(alias);
            }
        }
        // Per-code facts: one fixed-size little-endian record per code.
        let mut records = Vec::with_capacity(n * layout::record());
        // Params: a flat list of (name, type) records; each code has a window.
        let mut params = Vec::new();
        let mut param_count = 0u64;
        // Lookup keys: every name, then every alias, each (text, code). A code's
        // aliases are contiguous, so they are a window too.
        let mut keys: Vec<&str> = model.codes.iter().map(|c| c.wire_name.as_str()).collect();
        let mut key_codes: Vec<u32> = (0..n as u32).collect();
        for (i, code) in model.codes.iter().enumerate() {
            let explain = &sections[i];
            // The catalog name parses too when the wire name differs, and
            // so does a condition name; then the aliases, as a window.
            let mut extra: Vec<&str> = Vec::new();
            // A shared condition name finds no one code (`Code::named`).
            let condition = code.condition.as_deref().filter(|_| !code.shared_name);
            for name in [Some(code.name.as_str()), condition].into_iter().flatten() {
                if name != code.wire_name && !extra.contains(&name) {
                    extra.push(name);
                }
            }
            let mut texts = vec![
                blob.intern(&code.wire_name),
                blob.intern(&names.code_variants[i]),
                blob.intern(&code.title),
                blob.intern(&code.message),
                blob.intern_opt(code.description.as_deref()),
                blob.intern_opt(code.solution.as_deref()),
            ];
            // Declared text facts, in declaration order (see `layout`).
            for (_, value) in code.facts.iter() {
                if let FieldValue::Text(t) = value {
                    texts.push(blob.intern_opt(t));
                }
            }
            texts.extend([
                blob.intern_opt(code.deprecated.as_deref()),
                blob.intern(&code.docs_url),
                blob.intern(explain),
                (param_count << 32) | code.params.len() as u64,
                ((keys.len() + extra.len()) as u64) << 32 | code.aliases.len() as u64,
            ]);
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
            records.push(code.grpc as u8);
            // Declared counts, last (see `layout`).
            for (_, value) in code.facts.iter() {
                if let FieldValue::Count(n) = value {
                    records.push(n);
                }
            }
            for p in &code.params {
                params.extend_from_slice(&blob.intern(&p.name).to_le_bytes());
                params.push(param_type_index(p.ty));
                param_count += 1;
            }
            for alias in extra
                .into_iter()
                .chain(code.aliases.iter().map(String::as_str))
            {
                keys.push(alias);
                key_codes.push(i as u32);
            }
        }
        debug_assert_eq!(records.len(), n * layout::record());
        let name_table = phf::build_str(&keys);
        let key_text: Vec<u64> = keys.iter().map(|key| blob.intern(key)).collect();
        // Each slot holds its key's record, so a probe reads it at once:
        // length and a fingerprint of the hash (most misses are rejected
        // there, without reading any text), the text, and the code.
        let mut name_slots = Vec::with_capacity(name_table.slots.len() * 16);
        for &key in &name_table.slots {
            let key = key as usize;
            let fingerprint =
                errcat_runtime::phf::hash_bytes(keys[key].as_bytes(), name_table.seed) as u32;
            name_slots.extend_from_slice(&(keys[key].len() as u32).to_le_bytes());
            name_slots.extend_from_slice(&fingerprint.to_le_bytes());
            name_slots.extend_from_slice(&((key_text[key] >> 32) as u32).to_le_bytes());
            name_slots.extend_from_slice(&key_codes[key].to_le_bytes());
        }
        let name_index = index_tokens(rt, &name_table, "NAME", splices);
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
        let numeric_index = index_tokens(rt, &numeric_table, "NUMERIC", splices);
        // Each slot holds its code's index.
        let numeric_slots: Vec<u8> = numeric_table
            .slots
            .iter()
            .flat_map(|&key| (numbered[key as usize].1 as u32).to_le_bytes())
            .collect();
        let codes_bytes = splices.bytes("CODES", records);
        let params_bytes = splices.bytes("PARAMS", params);
        let keys_bytes = splices.bytes(
            "KEYS",
            key_text.iter().flat_map(|t| t.to_le_bytes()).collect(),
        );
        let name_slots_bytes = splices.bytes("NAME_SLOTS", name_slots);
        let numeric_slots_bytes = splices.bytes("NUMERIC_SLOTS", numeric_slots);

        let policies: Vec<TokenStream> = model
            .retry_policies
            .iter()
            .map(|p| retry_tokens(rt, &p.strategy))
            .collect();
        let policy_names = lits(model.retry_policies.iter().map(|p| blob.intern(&p.name)));
        let localized = (model.locales.len() > 1).then(|| {
            let mut records = Vec::with_capacity((model.locales.len() - 1) * n * 24);
            for locale in &model.locales[1..] {
                for translation in &locale.texts {
                    for text in LOCALIZED_TEXTS {
                        records.extend_from_slice(
                            &blob.intern_opt(translation.get(text)).to_le_bytes(),
                        );
                    }
                }
            }
            splices.bytes("LOCALIZED", records)
        });
        let text = splices.text("TEXT", blob.into_string());
        Tables {
            cat_id,
            cat_title,
            cat_description,
            cat_type,
            cat_fault,
            cat_range,
            cat_codes,
            cat_prefix,
            cat_generic,
            codes: codes_bytes,
            params: params_bytes,
            keys: keys_bytes,
            name_index,
            name_slots: name_slots_bytes,
            numeric_slots: numeric_slots_bytes,
            numeric_index,
            policies,
            policy_names,
            localized,
            text,
        }
    }
}

fn index_tokens(
    rt: &syn::Path,
    table: &PhfTable,
    name: &str,
    splices: &mut Splices,
) -> TokenStream {
    let seed = lit_u64(table.seed);
    let pilots = splices.bytes(&format!("{name}_PILOTS"), table.pilot_bytes());
    let slots = table.slots.len();
    quote!(#rt::__private::Index { seed: #seed, pilots: #pilots, slots: #slots })
}

pub(super) fn envelope_tokens(rt: &syn::Path, model: &Model) -> TokenStream {
    let style = format_ident!("{}", format!("{:?}", model.envelope.style));
    let style = quote!(#rt::EnvelopeStyle::#style);
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

/// The layout of a per-code record; emitted as constants so generated code
/// names every offset.
pub(super) mod layout {
    use proc_macro2::{Literal, TokenStream};
    use quote::{format_ident, quote};

    use crate::fields::{FIELDS, FieldType};

    /// (name, size in bytes), in record order: 8-byte fields, then 4, 2
    /// and 1. Declared text facts follow `SOLUTION` and declared counts
    /// come last, each in declaration order.
    pub fn fields() -> Vec<(String, usize)> {
        let fixed = |names: &[&str], size: usize| -> Vec<(String, usize)> {
            names.iter().map(|n| (n.to_string(), size)).collect()
        };
        let declared = |text: bool| -> Vec<(String, usize)> {
            FIELDS
                .iter()
                .filter(|f| (f.ty != FieldType::Count) == text)
                .map(|f| (f.key.to_uppercase(), if text { 8 } else { 1 }))
                .collect()
        };
        let mut out = fixed(
            &[
                "NAME",
                "VARIANT",
                "TITLE",
                "MESSAGE",
                "DESCRIPTION",
                "SOLUTION",
            ],
            8,
        );
        out.extend(declared(true));
        out.extend(fixed(
            &[
                "DEPRECATED",
                "DOCS_URL",
                "EXPLAIN",
                "PARAMS_WINDOW",
                "ALIASES_WINDOW",
            ],
            8,
        ));
        out.extend(fixed(&["NUMERIC", "REPLACED_BY"], 4));
        out.extend(fixed(&["STATUS", "CATEGORY", "RETRY"], 2));
        out.extend(fixed(
            &["KIND", "EXIT_CODE", "FAULT", "ENVELOPE_STYLE", "GRPC"],
            1,
        ));
        out.extend(declared(false));
        out
    }

    /// Bytes per record.
    pub fn record() -> usize {
        fields().iter().map(|(_, size)| size).sum()
    }

    /// `const NAME: usize = 0; ...` and `const RECORD: usize = ...;`.
    pub fn consts() -> TokenStream {
        let mut offset = 0;
        let mut items = Vec::new();
        for (name, size) in fields() {
            let ident = format_ident!("{}", name);
            let at = Literal::usize_unsuffixed(offset);
            items.push(quote!(const #ident: usize = #at;));
            offset += size;
        }
        let record = Literal::usize_unsuffixed(offset);
        quote! {
            /// Bytes per record in `CODES`; the constants below are field offsets.
            const RECORD: usize = #record;
            #(#items)*
        }
    }
}

fn retry_tokens(rt: &syn::Path, strategy: &RetryStrategy) -> TokenStream {
    let backoff = |b: &crate::model::Backoff| {
        let initial = lit_u64(crate::emit::millis(b.initial));
        let max_delay = lit_u64(crate::emit::millis(b.max_delay));
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
            let max_wait = lit_u64(crate::emit::millis(*max_wait));
            let fallback = backoff(fallback);
            quote!(#rt::RetryPolicy::AfterHeader {
                max_wait: ::core::time::Duration::from_millis(#max_wait),
                fallback: #fallback,
            })
        }
        RetryStrategy::Operation(Some(b)) => {
            let b = backoff(b);
            quote!(#rt::RetryPolicy::Operation(Some(#b)))
        }
        RetryStrategy::Operation(None) => quote!(#rt::RetryPolicy::Operation(None)),
    }
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
