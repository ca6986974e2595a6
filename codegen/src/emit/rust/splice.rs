//! Post-processing of formatted Rust: the one place where generated text is
//! changed after prettyplease.
//!
//! syn and prettyplease are the slow part of emitting tens of thousands of
//! items, so bulky content stays out of the syntax tree. The tree carries
//! placeholders instead, and [`Splices::apply`] replaces them in one linear
//! pass over the formatted text, indenting it as it goes. The contract:
//!
//! - A *literal* placeholder is an identifier `__errcat_splice_<NAME>` in
//!   expression position; it is replaced by the literal's text (a string or
//!   byte string literal built by `literals`), which may span lines and is
//!   never indented.
//! - A *block* placeholder is an item (an enum variant or an impl item)
//!   named `__errcat_block`, whose outer attribute `#[doc =
//!   "@errcat-block:<N>"]` prints as `///@errcat-block:<N>`; that line and
//!   the item's one line after it are replaced by the block's lines at the
//!   same indentation. A block holds many items (the `Code` variants, the
//!   typed constructors), each with its doc comment from `doc_lines`, and
//!   written as prettyplease writes it (`emit::rust::write_block_item`, and the tests
//!   that compare the two) from validated identifiers and literal tokens,
//!   or, where a line would not fit, formatted by prettyplease alone.
//!
//! Placeholders are made here from counters and fixed names, never from
//! catalog text; every doc line errcat writes starts with a space, so no
//! catalog text can take the form of a placeholder.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::literals::{byte_string_literal, doc_attribute, text_literal};

const LITERAL_PREFIX: &str = "__errcat_splice_";
const BLOCK_MARKER: &str = "///@errcat-block:";
/// The name of the one-line item a block placeholder stands on.
pub(super) const BLOCK_ITEM: &str = "__errcat_block";

/// The placeholders of one formatted file and what replaces them.
#[derive(Default)]
pub(super) struct Splices {
    /// Each literal placeholder, and its literal as parts written in order
    /// (a raw string's delimiters around the text, which is not copied).
    literals: Vec<(String, [String; 3])>,
    blocks: Vec<String>,
}

impl Splices {
    /// A placeholder for a byte string literal of `bytes`.
    pub fn bytes(&mut self, name: &str, bytes: Vec<u8>) -> TokenStream {
        self.literal(
            name,
            [byte_string_literal(&bytes), String::new(), String::new()],
        )
    }

    /// A placeholder for a string literal of `text`.
    pub fn text(&mut self, name: &str, text: String) -> TokenStream {
        self.literal(name, text_literal(text))
    }

    fn literal(&mut self, name: &str, parts: [String; 3]) -> TokenStream {
        let ident = format_ident!("{}{}", LITERAL_PREFIX, name);
        self.literals.push((ident.to_string(), parts));
        quote!(#ident)
    }

    /// A placeholder attribute for `lines`, text laid out as prettyplease
    /// lays out items, relative to the placeholder's indentation. Put it on
    /// an item named [`BLOCK_ITEM`] that prettyplease prints on one line.
    pub fn block(&mut self, lines: String) -> syn::Attribute {
        self.blocks.push(lines);
        doc_attribute(&format!("@errcat-block:{}", self.blocks.len() - 1))
    }

    /// Appends `formatted` to `out` with every placeholder replaced and
    /// every line but those inside literals indented by `indent`.
    pub fn apply(&self, formatted: &str, indent: &str, out: &mut String) {
        let extra: usize = self
            .literals
            .iter()
            .flat_map(|(_, parts)| parts.iter().map(String::len))
            .sum::<usize>()
            + self.blocks.iter().map(String::len).sum::<usize>();
        out.reserve(formatted.len() + extra);
        let marker = |trimmed: &str, prefix: &str| {
            trimmed
                .strip_prefix(prefix)
                .and_then(|rest| rest.trim_end().parse::<usize>().ok())
        };
        let mut lines = formatted.split_inclusive('\n');
        while let Some(line) = lines.next() {
            let trimmed = line.trim_start();
            let own_indent = &line[..line.len() - trimmed.len()];
            if let Some(block) = marker(trimmed, BLOCK_MARKER).and_then(|i| self.blocks.get(i)) {
                let item = lines.next().unwrap_or_default();
                debug_assert!(
                    item.contains(BLOCK_ITEM),
                    "a block marker stands on {item:?}"
                );
                for line in block.split_inclusive('\n') {
                    if line != "\n" {
                        out.extend([indent, own_indent]);
                    }
                    out.push_str(line);
                }
            } else {
                if line != "\n" {
                    out.push_str(indent);
                }
                self.replace_literals(line, out);
            }
        }
    }
    fn replace_literals(&self, mut rest: &str, out: &mut String) {
        while let Some(at) = rest.find(LITERAL_PREFIX) {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            let end = tail
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(tail.len());
            match self.literals.iter().find(|(p, _)| *p == tail[..end]) {
                Some((_, parts)) => out.extend(parts.iter().map(String::as_str)),
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
    fn placeholders_are_replaced_and_lines_indented_in_one_pass() {
        let mut splices = Splices::default();
        let text = splices.text("TEXT", "a \"quoted\"\ntext".into());
        let block = splices.block("/// First.\nA,\n\n/// Second.\nB,\n".into());
        let item: syn::File = syn::parse_quote! {
            pub static TEXT: &str = #text;
            pub enum E {
                #block
                __errcat_block,
            }
        };
        let formatted = prettyplease::unparse(&item);
        assert!(
            formatted.contains("    ///@errcat-block:0\n    __errcat_block,\n"),
            "{formatted}"
        );
        let mut out = String::new();
        splices.apply(&formatted, "  ", &mut out);
        assert_eq!(
            out,
            "  pub static TEXT: &str = r#\"a \"quoted\"\ntext\"#;\n  pub enum E {\n      /// First.\n      A,\n\n      /// Second.\n      B,\n  }\n"
        );
    }

    #[test]
    fn unknown_placeholders_and_catalog_text_stay_as_they_are() {
        let splices = Splices::default();
        let text = "/// @errcat-block:0\n///@errcat-block:7\nlet __errcat_splice_NOPE = 1;\n";
        let mut out = String::new();
        splices.apply(text, "", &mut out);
        assert_eq!(out, text);
    }
}
