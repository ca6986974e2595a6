//! Rust literals and doc attributes for catalog text: escaped so that no
//! text can inject code, end a comment or trip rustc's checks.

use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

/// `#[doc = " line"]` per line, so prettyplease prints `///` comments and
/// no text can end a block comment early.
pub(super) fn doc_lines(text: &str) -> Vec<String> {
    // rustc rejects bidirectional controls in comments (Trojan Source), so
    // they are shown as escapes instead.
    let is_bidi = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}');
    let escaped;
    let text = if !text.is_ascii() && text.contains(is_bidi) {
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
    let mut fenced = false;
    text.trim_end()
        .lines()
        .map(|line| {
            let line = line.trim_end_matches('\r');
            let fence =
                line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
            let line = if fenced || fence {
                std::borrow::Cow::Borrowed(line)
            } else {
                escape_html_outside_code(line)
            };
            if fence {
                fenced = !fenced;
            }
            if line.is_empty() {
                String::new()
            } else {
                format!(" {line}")
            }
        })
        .collect()
}

/// `<` as `&lt;` outside inline code: catalog text is not HTML, and rustdoc
/// would otherwise warn about (or render) tags such as `<script>`.
fn escape_html_outside_code(line: &str) -> std::borrow::Cow<'_, str> {
    if !line.contains('<') {
        return std::borrow::Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 8);
    let mut in_code = false;
    for c in line.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            _ => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// `#[doc = " line"]` per line, so prettyplease prints `///` comments and
/// no text can end a block comment early.
pub(super) fn doc_attrs(text: &str) -> TokenStream {
    let lines = doc_lines(text);
    quote!(#(#[doc = #lines])*)
}

/// A `#[doc = "..."]` attribute built as syn data, without parsing.
pub(super) fn doc_attribute(line: &str) -> syn::Attribute {
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

/// An unsuffixed integer literal.
pub(super) fn lit_u64(v: u64) -> Literal {
    Literal::u64_unsuffixed(v)
}

/// Unsuffixed integer literals.
pub(super) fn lits<T: Copy + Into<u64>>(values: impl IntoIterator<Item = T>) -> Vec<Literal> {
    values.into_iter().map(|v| lit_u64(v.into())).collect()
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

/// A Rust string literal for `text`, as three parts written in order: raw
/// (`r#"`, the text, `"#`: no escaping at all, and the text is not copied)
/// when the text has quotes or backslashes that would otherwise need it,
/// else [`string_literal`] and two empty parts. Raw strings are what
/// megabytes of docs text want: no escaping pass for codegen and none for
/// rustc's lexer to undo. They cannot hold a carriage return or the
/// bidirectional controls rustc rejects in literals; such text is escaped.
pub fn text_literal(text: String) -> [String; 3] {
    let bytes = text.as_bytes();
    let worth_it = memchr::memchr2(b'"', b'\\', bytes).is_some();
    match raw_hashes(bytes) {
        Some(hashes) if worth_it && raw_can_hold(bytes) => {
            let hashes = "#".repeat(hashes);
            [format!("r{hashes}\""), text, format!("\"{hashes}")]
        }
        _ => [string_literal(&text), String::new(), String::new()],
    }
}

/// Whether a raw string can hold `bytes`: no carriage return, and none of
/// the bidirectional controls U+202A–U+202E and U+2066–U+2069 (UTF-8
/// `E2 80 AA`–`E2 80 AE`, `E2 81 A6`–`E2 81 A9`).
fn raw_can_hold(bytes: &[u8]) -> bool {
    memchr::memchr(b'\r', bytes).is_none()
        && !memchr::memchr_iter(0xe2, bytes).any(|at| {
            matches!(
                bytes.get(at + 1..at + 3),
                Some([0x80, 0xaa..=0xae] | [0x81, 0xa6..=0xa9])
            )
        })
}

/// The fewest `#` a raw string of `bytes` needs: one more than the longest
/// run of `#` after a quote in it (none without quotes). `None` past the
/// 255 rustc allows.
fn raw_hashes(bytes: &[u8]) -> Option<usize> {
    let needed = memchr::memchr_iter(b'"', bytes)
        .map(|quote| {
            bytes[quote + 1..]
                .iter()
                .take_while(|&&b| b == b'#')
                .count()
                + 1
        })
        .max()
        .unwrap_or(0);
    (needed <= 255).then_some(needed)
}

/// A Rust byte string literal for `bytes`: printable ASCII as itself,
/// everything else as `\xNN`. Checked against syn's parser in tests.
pub fn byte_string_literal(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let plain = |b: &u8| matches!(b, 0x20..=0x7e) && !matches!(b, b'"' | b'\\');
    let mut out = Vec::with_capacity(bytes.len() * 3 + 3);
    out.extend_from_slice(b"b\"");
    let mut rest = bytes;
    // Runs of plain bytes are copied whole: build scripts run this
    // unoptimized over megabytes of text.
    while !rest.is_empty() {
        let run = rest.iter().position(|b| !plain(b)).unwrap_or(rest.len());
        out.extend_from_slice(&rest[..run]);
        let Some(&b) = rest.get(run) else { break };
        match b {
            b'"' | b'\\' => out.extend_from_slice(&[b'\\', b]),
            _ => out.extend_from_slice(&[
                b'\\',
                b'x',
                HEX[usize::from(b >> 4)],
                HEX[usize::from(b & 15)],
            ]),
        }
        rest = &rest[run + 1..];
    }
    out.push(b'"');
    String::from_utf8(out).expect("only ASCII is written")
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
    fn html_in_docs_is_text_except_in_code() {
        let lines = doc_lines("a <script> and `<b>`\n```html\n<b>kept</b>\n```\nx < y");
        assert_eq!(
            lines,
            [
                " a &lt;script> and `<b>`",
                " ```html",
                " <b>kept</b>",
                " ```",
                " x &lt; y"
            ]
        );
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
    fn text_literals_round_trip_through_syn() {
        for text in [
            "",
            "plain, no quotes",
            "a \"quoted\" text",
            "ends with a quote\"",
            "\"# and \"## inside",
            "back \\ slash\nand\nlines\twith tabs",
            "\"#####",
            "cr \r and a \"quote\"",
            "rtl \u{202e} \"x\"",
            "nul \0 esc \u{1b} \"q\"",
        ] {
            let literal = text_literal(text.to_string()).concat();
            let parsed: syn::LitStr =
                syn::parse_str(&literal).unwrap_or_else(|e| panic!("{literal}: {e}"));
            assert_eq!(parsed.value(), text, "{literal}");
        }
        let literal = |text: &str| text_literal(text.to_string()).concat();
        assert_eq!(literal("a \"b\""), "r#\"a \"b\"\"#");
        assert_eq!(literal("\"# x"), "r##\"\"# x\"##");
        assert_eq!(literal("no quote"), "\"no quote\"");
        assert!(literal("\"\r").starts_with('"'));
        let too_many = format!("\"{}", "#".repeat(255));
        assert!(literal(&too_many).starts_with('"'));
    }

    #[test]
    fn byte_literals_round_trip_through_syn() {
        let all: Vec<u8> = (0..=255u8).chain([b'"', b'\\', 0, 255]).collect();
        let parsed: syn::LitByteStr = syn::parse_str(&byte_string_literal(&all)).unwrap();
        assert_eq!(parsed.value(), all);
    }
}
