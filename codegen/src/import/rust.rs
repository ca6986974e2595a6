//! `errcat import rust FILE`: the `thiserror` enums of a Rust file, read
//! with syn. Each variant with `#[error("...")]` becomes a code: its
//! message template from the format string, its params from the fields it
//! names (typed from their Rust types), its description from its doc
//! comment. Each enum becomes a category.

use syn::spanned::Spanned;
use syn::{Attribute, Expr, Fields, Lit, Meta, Type};

use super::{Draft, DraftCode, Fact, How, Param};
use crate::ident::to_snake_case;

/// Why a Rust file could not be read.
#[derive(Debug)]
pub struct ParseError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// syn's message.
    pub message: String,
}

/// The draft of every `thiserror` enum in `text`.
pub fn read(text: &str, source: &str) -> Result<Draft, ParseError> {
    let file = syn::parse_file(text).map_err(|e| {
        let start = e.span().start();
        ParseError {
            line: start.line,
            column: start.column + 1,
            message: e.to_string(),
        }
    })?;
    let mut draft = Draft {
        reader: "rust",
        source: source.to_string(),
        http: false,
        ..Draft::default()
    };
    let mut enums = Vec::new();
    collect_enums(&file.items, &mut enums);
    let error_enums: Vec<&syn::ItemEnum> = enums
        .into_iter()
        .filter(|e| e.variants.iter().any(|v| error_attr(&v.attrs).is_some()))
        .collect();
    if let [only] = error_enums.as_slice() {
        draft.name = Some(Fact::read(only.ident.to_string(), at(only.ident.span())));
        if let Some(doc) = doc(&only.attrs) {
            draft.description = Some(Fact::read(doc, at(only.span())));
        }
    }
    for item in error_enums {
        let group = Fact::read(item.ident.to_string(), at(item.ident.span()));
        for variant in &item.variants {
            let Some(attr) = error_attr(&variant.attrs) else {
                draft.skipped.push(Fact::read(
                    format!(
                        "variant `{}::{}` has no #[error(...)]",
                        item.ident, variant.ident
                    ),
                    at(variant.ident.span()),
                ));
                continue;
            };
            let mut code = DraftCode::new(variant.ident.to_string(), at(variant.ident.span()));
            code.group = Some(group.clone());
            if let Some(doc) = doc(&variant.attrs) {
                code.description = Some(Fact::read(doc, at(variant.span())));
            }
            let fields = field_names(&variant.fields);
            match attr {
                ErrorAttr::Transparent => draft.skipped.push(Fact::read(
                    format!(
                        "the message of `{}::{}`: #[error(transparent)] shows its source's",
                        item.ident, variant.ident
                    ),
                    at(variant.ident.span()),
                )),
                ErrorAttr::Format { text, args, span } => {
                    let (template, params) = template(&text, &args, &fields);
                    code.message = Some(Fact::read(template, at(span)));
                    code.params = params
                        .into_iter()
                        .map(|(name, field)| {
                            let (ty, how) = param_type(&fields, &field, at(span));
                            Param { name, ty, how }
                        })
                        .collect();
                }
            }
            draft.codes.push(code);
        }
    }
    Ok(draft)
}

/// `name`'s snake_case spelling, or `name` itself when it has none.
fn snake_or_self(name: &str) -> String {
    match to_snake_case(name) {
        snake if snake.is_empty() => name.to_string(),
        snake => snake,
    }
}

fn collect_enums<'a>(items: &'a [syn::Item], out: &mut Vec<&'a syn::ItemEnum>) {
    for item in items {
        match item {
            syn::Item::Enum(e) => out.push(e),
            syn::Item::Mod(m) => {
                if let Some((_, items)) = &m.content {
                    collect_enums(items, out);
                }
            }
            _ => {}
        }
    }
}

fn at(span: proc_macro2::Span) -> String {
    format!("line {}", span.start().line)
}

enum ErrorAttr {
    Transparent,
    Format {
        text: String,
        /// Extra format arguments: `name = .field` or `.field`.
        args: Vec<(Option<String>, String)>,
        span: proc_macro2::Span,
    },
}

fn error_attr(attrs: &[Attribute]) -> Option<ErrorAttr> {
    let attr = attrs.iter().find(|a| a.path().is_ident("error"))?;
    let Meta::List(list) = &attr.meta else {
        return None;
    };
    // thiserror's arguments are not all Rust expressions (`.field`), so
    // they are split on top-level commas as tokens.
    let mut parts: Vec<Vec<proc_macro2::TokenTree>> = vec![Vec::new()];
    for tt in list.tokens.clone() {
        match &tt {
            proc_macro2::TokenTree::Punct(p) if p.as_char() == ',' => parts.push(Vec::new()),
            _ => parts.last_mut().expect("one part").push(tt),
        }
    }
    let mut parts = parts.into_iter().filter(|p| !p.is_empty());
    let first = parts.next()?;
    match first.as_slice() {
        [proc_macro2::TokenTree::Ident(id)] if id == "transparent" => Some(ErrorAttr::Transparent),
        [proc_macro2::TokenTree::Literal(lit)] => {
            let Lit::Str(s) = Lit::new(lit.clone()) else {
                return None;
            };
            let args = parts
                .map(|part| {
                    let named = match part.as_slice() {
                        [
                            proc_macro2::TokenTree::Ident(name),
                            proc_macro2::TokenTree::Punct(eq),
                            ..,
                        ] if eq.as_char() == '=' => Some(name.to_string()),
                        _ => None,
                    };
                    let value: proc_macro2::TokenStream = part
                        .into_iter()
                        .skip(if named.is_some() { 2 } else { 0 })
                        .collect();
                    (named, field_of(&value.to_string()))
                })
                .collect();
            Some(ErrorAttr::Format {
                text: s.value(),
                args,
                span: s.span(),
            })
        }
        _ => None,
    }
}

/// The field an extra format argument shows: `.field` or `.0` (the first
/// name in any expression over it).
fn field_of(text: &str) -> String {
    let text = text.trim().trim_start_matches('.').trim();
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .find(|w| !w.is_empty())
        .unwrap_or("value")
        .to_string()
}

/// The fields of a variant, by name (`0`, `1` for tuple fields), with
/// their types.
fn field_names(fields: &Fields) -> Vec<(String, Type)> {
    let named = |f: &syn::Field, i: usize| {
        f.ident.as_ref().map_or_else(
            || i.to_string(),
            |id| id.to_string().trim_start_matches("r#").to_string(),
        )
    };
    fields
        .iter()
        .enumerate()
        .map(|(i, f)| (named(f, i), f.ty.clone()))
        .collect()
}

/// A thiserror format string as an errcat template, and its params as
/// `(param name, field)` in order of first use. `{0}` of a tuple variant
/// becomes `{value}` for a lone field, else `{field_0}`; format specs
/// (`:?`) are dropped.
fn template(
    text: &str,
    args: &[(Option<String>, String)],
    fields: &[(String, Type)],
) -> (String, Vec<(String, String)>) {
    let tuple_fields = fields.iter().filter(|(n, _)| is_index(n)).count();
    let param_name = |field: &str| match (is_index(field), tuple_fields) {
        (true, 1) => "value".to_string(),
        (true, _) => format!("field_{field}"),
        (false, _) => snake_or_self(field),
    };
    let mut out = String::new();
    let mut params: Vec<(String, String)> = Vec::new();
    let mut positional = 0;
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..2]);
            rest = &tail[2..];
            continue;
        }
        let end = match tail.find('}') {
            Some(end) if tail.starts_with('{') => end,
            // A lone brace is literal text in the template.
            _ => {
                out.push_str(if tail.starts_with('{') { "{{" } else { "}}" });
                rest = &tail[1..];
                continue;
            }
        };
        let key = tail[1..end].split(':').next().unwrap_or("").trim();
        let field = if key.is_empty() {
            let f = args
                .get(positional)
                .map(|(_, f)| f.clone())
                .unwrap_or_else(|| positional.to_string());
            positional += 1;
            f
        } else if let Some((_, f)) = args.iter().find(|(name, _)| name.as_deref() == Some(key)) {
            f.clone()
        } else {
            key.to_string()
        };
        let name = param_name(&field);
        out.push('{');
        out.push_str(&name);
        out.push('}');
        if !params.iter().any(|(n, _)| *n == name) {
            params.push((name, field));
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    (out, params)
}

fn is_index(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// The errcat type of a field, and how it was decided.
fn param_type(fields: &[(String, Type)], name: &str, at: String) -> (String, How) {
    let Some((_, ty)) = fields.iter().find(|(n, _)| n == name) else {
        return (
            "string".into(),
            How::Guessed(format!(
                "`{name}` is not a field of the variant; shown as text"
            )),
        );
    };
    let rust = quote::ToTokens::to_token_stream(ty)
        .to_string()
        .replace(' ', "");
    let base = rust
        .trim_start_matches('&')
        .trim_start_matches("'static")
        .trim_start_matches("std::")
        .trim_start_matches("string::");
    let exact = match base {
        "String" | "str" | "Box<str>" | "Cow<'static,str>" | "Arc<str>" => Some("string"),
        "u16" | "u32" | "u64" | "i32" | "i64" | "f64" | "bool" => Some(base),
        _ => None,
    };
    if let Some(t) = exact {
        return (t.to_string(), How::Read(at));
    }
    let widened = match base {
        "u8" => Some("u16"),
        "i8" | "i16" => Some("i32"),
        "usize" => Some("u64"),
        "isize" => Some("i64"),
        "f32" => Some("f64"),
        _ => None,
    };
    match widened {
        Some(t) => (
            t.to_string(),
            How::Guessed(format!("`{rust}` widened to errcat's `{t}`")),
        ),
        None => (
            "string".into(),
            How::Guessed(format!(
                "`{rust}` is rendered with Display, so it is sent as text"
            )),
        ),
    }
}

/// A doc comment's text, lines joined.
fn doc(attrs: &[Attribute]) -> Option<String> {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            Meta::NameValue(nv) => match &nv.value {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Str(s), ..
                }) => Some(s.value().trim().to_string()),
                _ => None,
            },
            _ => None,
        })
        .collect();
    let text = lines.join("\n").trim().to_string();
    (!text.is_empty()).then_some(text)
}
