//! Identity patterns (`[catalog] identity_pattern`): whether a string can be
//! one of a catalog's identities, decided alike by the codegen, the generated
//! Rust and the TypeScript and Python clients.
//!
//! An identity is a token of ASCII letters, digits and `_` (at most
//! [`MAX_IDENTITY_LEN`] bytes) that matches the pattern in full. Only such a
//! string has a prefix class: `22P99` is read as class `22`'s generic code,
//! `22P99X` is not a SQLSTATE and resolves to nothing. Patterns are limited to
//! the syntax that regex-lite, JavaScript's `RegExp` and Python's `re` (with
//! `re.ASCII`) read the same way ([`unportable`]).

use std::sync::OnceLock;

/// The longest identity, in bytes.
pub const MAX_IDENTITY_LEN: usize = 64;

/// A catalog's identity pattern, compiled once.
#[derive(Clone, Debug)]
pub struct IdentityPattern {
    pattern: String,
    anchored: regex_lite::Regex,
}

impl IdentityPattern {
    /// Compiles `pattern`, which must parse on its own (`E[0-9]{4})|(.*`
    /// only parses wrapped, where it would mean "E0000, or anything") and be
    /// portable ([`unportable`]).
    pub fn new(pattern: &str) -> Result<Self, String> {
        let not_regex = |e: regex_lite::Error| format!("not a regular expression: {e}");
        regex_lite::Regex::new(pattern).map_err(not_regex)?;
        if let Some(why) = unportable(pattern) {
            return Err(format!(
                "the TypeScript and Python clients would read it differently: {why}"
            ));
        }
        let anchored = regex_lite::Regex::new(&format!("^(?:{pattern})$")).map_err(not_regex)?;
        Ok(Self {
            pattern: pattern.to_string(),
            anchored,
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether `text` can be an identity: a token that matches in full.
    pub fn matches(&self, text: &str) -> bool {
        is_token(text) && self.anchored.is_match(text)
    }
}

/// Whether `text` is a token of ASCII letters, digits and `_`, as every
/// identity is.
pub fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= MAX_IDENTITY_LEN
        && text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Why `pattern` would not match the same strings in regex-lite, JavaScript
/// and Python, or `None` when it would. Allowed: ASCII literals, classes of
/// literals and ranges (`[0-9A-Z]`, `[^_]`), `\d`, `\w`, their negations and
/// escaped punctuation, groups `(…)` and `(?:…)`, `|`, `^`, `$`, and the
/// quantifiers `?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}` (each may be lazy).
pub fn unportable(pattern: &str) -> Option<String> {
    let bytes = pattern.as_bytes();
    let mut in_class = false;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !b.is_ascii() || b.is_ascii_control() {
            return Some("only printable ASCII is portable; identities are ASCII tokens".into());
        }
        match b {
            b'\\' => {
                let Some(&next) = bytes.get(i + 1) else {
                    return Some("it ends in a lone `\\`".into());
                };
                let portable = matches!(next, b'd' | b'D' | b'w' | b'W')
                    || (next.is_ascii_punctuation() && next != b'<' && next != b'>');
                if !portable {
                    return Some(format!(
                        "`\\{}` means different things in JavaScript and Python; write a class such as `[0-9A-Z]`",
                        next as char
                    ));
                }
                i += 2;
                continue;
            }
            b'[' if in_class => {
                return Some(
                    "a class inside a class (`[[:alpha:]]`, `[a-z&&[^x]]`) is not portable; list the ranges".into(),
                );
            }
            b'[' => {
                in_class = true;
                // `[]` and `[^]` are read differently; a leading `]` too.
                let rest = &bytes[i + 1..];
                let rest = rest.strip_prefix(b"^").unwrap_or(rest);
                if rest.first() == Some(&b']') {
                    return Some(
                        "a class that starts with `]` is not portable; escape it as `\\]`".into(),
                    );
                }
            }
            b']' if in_class => in_class = false,
            b'&' | b'-' | b'~' if in_class && bytes.get(i + 1) == Some(&b) => {
                return Some("class set operations (`&&`, `--`, `~~`) are not portable".into());
            }
            b'.' if !in_class => {
                return Some(
                    "`.` matches different characters in JavaScript and Python; write a class such as `[0-9A-Z]`".into(),
                );
            }
            b'(' if !in_class
                && bytes.get(i + 1) == Some(&b'?')
                && bytes.get(i + 2) != Some(&b':') =>
            {
                return Some(
                    "only `(?:…)` groups are portable: no flags, names or look-around".into(),
                );
            }
            b'{' if !in_class => {
                let end = bytes[i..].iter().position(|&c| c == b'}');
                let inner = end.map(|e| &pattern[i + 1..i + e]);
                let counted = inner.is_some_and(|inner| {
                    let mut parts = inner.splitn(2, ',');
                    let low = parts.next().unwrap_or_default();
                    !low.is_empty()
                        && low.bytes().all(|c| c.is_ascii_digit())
                        && parts
                            .next()
                            .is_none_or(|high| high.bytes().all(|c| c.is_ascii_digit()))
                });
                if !counted {
                    return Some("`{` is portable only as a count such as `{5}` or `{1,3}`; escape it as `\\{`".into());
                }
                i += end.unwrap_or(0) + 1;
                continue;
            }
            b'}' if !in_class => {
                return Some("a lone `}` is not portable; escape it as `\\}`".into());
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether `text` can be an identity under `pattern`, compiling it once
/// into `cell`: what generated code calls.
pub fn matches_cached(
    cell: &'static OnceLock<Option<IdentityPattern>>,
    pattern: &'static str,
    text: &str,
) -> bool {
    // The pattern was checked when the code was generated; a pattern that
    // no longer compiles admits nothing rather than everything.
    cell.get_or_init(|| IdentityPattern::new(pattern).ok())
        .as_ref()
        .is_some_and(|p| p.matches(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sqlstate_pattern_admits_tokens_that_match_in_full() {
        let p = IdentityPattern::new("[0-9A-Z]{5}").unwrap();
        assert!(p.matches("22P99"));
        assert!(!p.matches("22P99X"));
        assert!(!p.matches("22p99"));
        assert!(!p.matches("22P9"));
        assert!(!p.matches(""));
        let p = IdentityPattern::new("E[0-9]{4}|W[0-9]{4}").unwrap();
        assert!(p.matches("W0001"), "alternation is anchored as a whole");
        assert!(!p.matches("E0001x"));
    }

    #[test]
    fn a_pattern_must_parse_on_its_own() {
        assert!(IdentityPattern::new("E[0-9]{4})|(.*").is_err());
    }

    #[test]
    fn portable_patterns_are_the_ones_catalogs_use() {
        for pattern in [
            "[0-9A-Z]{5}",
            "E[0-9]{4}",
            r"ERR_[A-Z_]+",
            r"[A-Z]+_\d{1,3}",
            "(?:HV|XX)[0-9A-Z]{3}",
            "[^a-z]{2,}",
            r"\w+?",
        ] {
            assert_eq!(unportable(pattern), None, "{pattern}");
        }
    }

    #[test]
    fn unportable_patterns_say_why() {
        for pattern in [
            "(?i)e[0-9]{4}",
            "(?P<class>[0-9]{2})[0-9]{3}",
            "E.{4}",
            r"\s*E\d+",
            r"\pL+",
            "[[:upper:]]+",
            "[a-z&&[^x]]",
            "E{,4}",
            "E}",
            "[]a]",
            "É[0-9]",
            r"\bE",
        ] {
            assert!(unportable(pattern).is_some(), "{pattern}");
        }
    }
}
