//! Names: the snake_case rule for catalog names and their Rust identifiers.

/// True for lowercase ASCII words joined by single underscores, starting with
/// a letter: `rate_limited`, `http_413`.
pub fn is_snake_case(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes[0].is_ascii_lowercase()
        && !name.ends_with('_')
        && !name.contains("__")
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A best-effort snake_case spelling of `name`, for `help:` lines; empty if
/// nothing usable is left.
pub fn to_snake_case(name: &str) -> String {
    let mut out = String::new();
    let mut prev_lower = false;
    for ch in name.chars() {
        if ch.is_ascii_uppercase() && prev_lower {
            out.push('_');
        }
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
            prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
        } else {
            out.push('_');
            prev_lower = false;
        }
    }
    let words: Vec<&str> = out.split('_').filter(|w| !w.is_empty()).collect();
    let joined = words.join("_");
    // Without a letter there is no name to suggest: `-1` is not `1`.
    if !joined.bytes().any(|b| b.is_ascii_lowercase()) {
        return String::new();
    }
    let first_letter = joined
        .find(|c: char| c.is_ascii_lowercase())
        .unwrap_or(joined.len());
    if first_letter > 0 && first_letter < joined.len() {
        // Leading digits: move them behind a word so the name stays readable.
        format!("code_{joined}")
    } else {
        joined
    }
}

/// Any text folded to lower-case ASCII letters, digits and `_` (every other
/// character becomes `_`): `Vision API` → `vision_api`. A base for names of
/// folders and packages.
pub fn fold_to_snake(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// `rate_limited` → `RateLimited`; `http_413` → `Http413`: the PascalCase
/// of a snake_case name, for any language. Each language's emitter adds its
/// own rules for the names it cannot take.
pub fn pascal_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for word in name.split('_').filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
    }
    out
}

/// A Rust type or variant name: [`pascal_case`], and `Self_` for `Self`,
/// which cannot be a variant.
pub fn upper_camel(name: &str) -> String {
    let mut out = pascal_case(name);
    if out == "Self" {
        out.push('_');
    }
    out
}

/// A code's PascalCase name where the output is not Rust (OpenAPI schema
/// names): `RateLimited`, or `Code21200` for a numeric-only code.
pub fn code_pascal(name: &str) -> String {
    if is_numeric_name(name) {
        format!("Code{name}")
    } else {
        pascal_case(name)
    }
}

/// The Rust identifier for a snake_case name used as a function or argument:
/// itself, `r#name` for keywords, or `name_` for the keywords that cannot be
/// raw identifiers.
pub fn snake_ident(name: &str) -> String {
    if matches!(name, "self" | "super" | "crate" | "extern" | "_") {
        format!("{name}_")
    } else if is_keyword(name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

/// Rust's strict and reserved keywords, across editions.
pub fn is_keyword(name: &str) -> bool {
    matches!(
        name,
        "as" | "break"
            | "const"
            | "continue"
            | "crate"
            | "else"
            | "enum"
            | "extern"
            | "false"
            | "fn"
            | "for"
            | "if"
            | "impl"
            | "in"
            | "let"
            | "loop"
            | "match"
            | "mod"
            | "move"
            | "mut"
            | "pub"
            | "ref"
            | "return"
            | "self"
            | "static"
            | "struct"
            | "super"
            | "trait"
            | "true"
            | "type"
            | "unsafe"
            | "use"
            | "where"
            | "while"
            | "async"
            | "await"
            | "dyn"
            | "abstract"
            | "become"
            | "box"
            | "do"
            | "final"
            | "macro"
            | "override"
            | "priv"
            | "typeof"
            | "unsized"
            | "virtual"
            | "yield"
            | "try"
            | "gen"
    )
}

/// Digits only: a numeric-only code such as Clarifai's `21200`.
pub fn is_numeric_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_digit())
}

/// A code's Rust variant: `RateLimited`, or `Code21200` for a numeric-only
/// code.
pub fn code_variant(name: &str) -> String {
    if is_numeric_name(name) {
        format!("Code{name}")
    } else {
        upper_camel(name)
    }
}

/// A code's Rust function name: `rate_limited`, or `code_21200` for a
/// numeric-only code.
pub fn code_fn_ident(name: &str) -> String {
    if is_numeric_name(name) {
        format!("code_{name}")
    } else {
        snake_ident(name)
    }
}

/// A Go package's name for a catalog: its name in lower-case letters and
/// digits, then `errors` (`Payments API` → `paymentsapierrors`), as Go
/// names packages.
pub fn go_package(catalog: &str) -> String {
    let mut name: String = fold_to_snake(catalog).replace('_', "");
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert_str(0, "catalog");
    }
    name.push_str("errors");
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_rust_renames_self() {
        assert_eq!(pascal_case("self"), "Self");
        assert_eq!(upper_camel("self"), "Self_");
        assert_eq!(code_pascal("self"), "Self");
        assert_eq!(code_pascal("21200"), "Code21200");
        assert_eq!(pascal_case("http_413"), "Http413");
    }

    #[test]
    fn snake_case_rule() {
        for ok in ["a", "rate_limited", "http_413", "v2_api"] {
            assert!(is_snake_case(ok), "{ok}");
        }
        for bad in [
            "",
            "Rate",
            "rate__limited",
            "_x",
            "x_",
            "1abc",
            "a-b",
            "RATE_LIMIT",
            "caf\u{e9}",
        ] {
            assert!(!is_snake_case(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions_are_snake_case() {
        assert_eq!(to_snake_case("RATE_LIMIT_ERROR"), "rate_limit_error");
        assert_eq!(to_snake_case("rateLimited"), "rate_limited");
        assert_eq!(to_snake_case("rate__limited"), "rate_limited");
        assert_eq!(to_snake_case("404-not-found"), "code_404_not_found");
        assert_eq!(to_snake_case("!!!"), "");
        assert_eq!(to_snake_case("-1"), "");
    }

    #[test]
    fn identifiers() {
        assert_eq!(upper_camel("rate_limited"), "RateLimited");
        assert_eq!(upper_camel("http_413"), "Http413");
        assert_eq!(upper_camel("self"), "Self_");
        assert_eq!(upper_camel("type"), "Type");
        assert_eq!(snake_ident("type"), "r#type");
        assert_eq!(snake_ident("self"), "self_");
        assert_eq!(snake_ident("limit"), "limit");
    }
}
