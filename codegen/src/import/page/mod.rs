//! `errcat import page FILE`: a hand-written reference page, saved as
//! Markdown, HTML or text. `blocks` turns any of them into headings,
//! lines, tables and code; `runs` finds the tables a text rendering
//! flattened into lines; `records` reads codes, statuses, messages,
//! solutions, retry advice, exit codes and example bodies from them.

mod blocks;
mod records;
mod runs;

use std::path::Path;

use super::{Draft, Fact};

/// What a page was saved as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Markdown (`.md`).
    Markdown,
    /// HTML (`.html`, or text that starts with a tag).
    Html,
    /// Plain text, as a browser's "save as text" gives.
    Text,
}

impl Format {
    /// The format of `path`, by its extension, else by its first character.
    pub fn of(path: &Path, text: &str) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdx" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            _ if text.trim_start().starts_with('<') => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The draft of every code the page describes.
pub fn read(text: &str, source: &str, format: Format) -> Draft {
    let (blocks, title) = match format {
        Format::Markdown => {
            let blocks = blocks::markdown(text);
            let title = blocks.iter().find_map(|b| match b {
                blocks::Block::Heading { text, .. } => Some(text.clone()),
                _ => None,
            });
            (blocks, title)
        }
        Format::Html => blocks::html(text),
        Format::Text => (blocks::text(text), None),
    };
    let mut draft = Draft {
        reader: "page",
        source: source.to_string(),
        ..Draft::default()
    };
    if let Some(title) = title {
        draft.name = Some(Fact::read(title, "the page's title"));
    }
    records::read(&blocks, &mut draft);
    draft
}
