//! Post-processing of formatted Rust: the one place where generated text is
//! changed after prettyplease.
//!
//! syn and prettyplease are the slow part of emitting tens of thousands of
//! items, so bulky content stays out of the syntax tree. The tree carries
//! placeholders instead, and [`Splices::apply`] replaces them in one linear
//! pass over the formatted text. The contract:
//!
//! - A *literal* placeholder is an identifier `__errcat_splice_<NAME>` in
//!   expression position; it is replaced by the literal's text (a string or
//!   byte string literal built by `literals`).
//! - A *doc* placeholder is an outer attribute `#[doc = "@errcat-doc:<N>"]`,
//!   which prettyplease prints as the line `///@errcat-doc:<N>`; that line
//!   is replaced by the doc comment's lines at the same indentation.
//!
//! Placeholders are made here from counters and fixed names, never from
//! catalog text; every doc line errcat writes starts with a space, so no
//! catalog text can take the form of a placeholder.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::literals::{byte_string_literal, doc_attribute, doc_lines, string_literal};

const LITERAL_PREFIX: &str = "__errcat_splice_";
const DOC_MARKER: &str = "///@errcat-doc:";

/// The placeholders of one formatted file and what replaces them.
#[derive(Default)]
pub(super) struct Splices {
    literals: Vec<(String, String)>,
    docs: Vec<Vec<String>>,
}

impl Splices {
    /// A placeholder for a byte string literal of `bytes`.
    pub fn bytes(&mut self, name: &str, bytes: Vec<u8>) -> TokenStream {
        self.literal(name, byte_string_literal(&bytes))
    }

    /// A placeholder for a string literal of `text`.
    pub fn text(&mut self, name: &str, text: String) -> TokenStream {
        self.literal(name, string_literal(&text))
    }

    fn literal(&mut self, name: &str, literal: String) -> TokenStream {
        let ident = format_ident!("{}{}", LITERAL_PREFIX, name);
        self.literals.push((ident.to_string(), literal));
        quote!(#ident)
    }

    /// A placeholder attribute for the doc comment `text`.
    pub fn doc(&mut self, text: &str) -> syn::Attribute {
        self.docs.push(doc_lines(text));
        doc_attribute(&format!("@errcat-doc:{}", self.docs.len() - 1))
    }

    /// `formatted` with every placeholder replaced.
    pub fn apply(&self, formatted: &str) -> String {
        let extra: usize = self.literals.iter().map(|(_, l)| l.len()).sum::<usize>()
            + self.docs.iter().map(|d| d.len() * 80).sum::<usize>();
        let mut out = String::with_capacity(formatted.len() + extra);
        for line in formatted.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let doc = trimmed
                .strip_prefix(DOC_MARKER)
                .and_then(|rest| rest.trim_end().parse::<usize>().ok())
                .and_then(|i| self.docs.get(i));
            match doc {
                Some(lines) => {
                    let indent = &line[..line.len() - trimmed.len()];
                    for doc in lines {
                        out.push_str(indent);
                        out.push_str("///");
                        out.push_str(doc);
                        out.push('\n');
                    }
                }
                None => self.replace_literals(line, &mut out),
            }
        }
        out
    }

    fn replace_literals(&self, mut rest: &str, out: &mut String) {
        while let Some(at) = rest.find(LITERAL_PREFIX) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            match self.literals.iter().find(|(p, _)| *p == tail[..end]) {
                Some((_, literal)) => out.push_str(literal),
                None => out.push_str(&tail[..end]),
            }
            rest = &tail[end..];
        }
        out.push_str(rest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_replaced_in_one_pass() {
        let mut splices = Splices::default();
        let text = splices.text("TEXT", "a \"quoted\" text".into());
        let doc = splices.doc("First line.\n\nSecond `code`.");
        let item: syn::File = syn::parse_quote! {
            #doc
            pub static TEXT: &str = #text;
        };
        let formatted = prettyplease::unparse(&item);
        assert!(formatted.contains("///@errcat-doc:0"), "{formatted}");
        assert_eq!(
            splices.apply(&formatted),
            "/// First line.\n///\n/// Second `code`.\npub static TEXT: &str = \"a \\\"quoted\\\" text\";\n"
        );
    }

    #[test]
    fn unknown_placeholders_and_catalog_text_stay_as_they_are() {
        let splices = Splices::default();
        let text = "/// @errcat-doc:0\nlet __errcat_splice_NOPE = 1;\n";
        assert_eq!(splices.apply(text), text);
    }
}
