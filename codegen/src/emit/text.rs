//! Text helpers shared by emitters: escaping for Markdown and rustdoc, and the
//! interned string blob of generated Rust.

use std::collections::HashMap;

/// All strings of a generated crate in one blob, deduplicated. Each string is
/// referred to as `offset << 32 | len`; `0` stands for "none".
#[derive(Default)]
pub struct TextBlob {
    blob: String,
    seen: HashMap<String, u64>,
}

impl TextBlob {
    /// The packed reference to `s`; the empty string packs to `0`.
    pub fn intern(&mut self, s: &str) -> u64 {
        if s.is_empty() {
            return 0;
        }
        if let Some(&packed) = self.seen.get(s) {
            return packed;
        }
        let packed = ((self.blob.len() as u64) << 32) | s.len() as u64;
        self.blob.push_str(s);
        self.seen.insert(s.to_string(), packed);
        packed
    }

    /// `intern` for optional text.
    pub fn intern_opt(&mut self, s: Option<&str>) -> u64 {
        s.map_or(0, |s| self.intern(s))
    }

    /// The blob.
    pub fn into_string(self) -> String {
        self.blob
    }
}

/// Inline code that survives any backticks inside `s`.
pub fn md_inline_code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let s = s.replace(['\n', '\r'], " ");
    if longest > 0 || s.starts_with(' ') || s.ends_with(' ') {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// Inline code inside a table cell: a code span takes no backslash escapes,
/// except GFM's `\|`, so only pipes are escaped.
pub fn md_cell_code(s: &str) -> String {
    md_inline_code(s).replace('|', "\\|")
}

/// Text safe inside one Markdown table cell: no pipes, newlines or raw HTML
/// can break the row, and emphasis characters stay literal.
pub fn md_table_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Markdown prose for rustdoc: fenced blocks with no language (or a Rust one)
/// become `text`, so catalog text can never become a doctest.
pub fn rustdoc_markdown(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut open_fence: Option<String> = None;
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let fence: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let is_fence = indent <= 3
            && fence.len() >= 3
            && fence
                .chars()
                .all(|c| c == fence.chars().next().unwrap_or('`'));
        match &open_fence {
            None if is_fence => {
                let info = trimmed[fence.len()..].trim();
                let lang = info.split([',', ' ']).next().unwrap_or("");
                if info.is_empty() || lang == "rust" || lang.starts_with("edition") {
                    out.push_str(&line[..indent]);
                    out.push_str(&fence);
                    out.push_str("text\n");
                } else {
                    out.push_str(line);
                }
                open_fence = Some(fence);
            }
            Some(open)
                if is_fence
                    && fence.starts_with(open.as_str())
                    && trimmed[fence.len()..].trim().is_empty() =>
            {
                out.push_str(line);
                open_fence = None;
            }
            _ => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blob_dedups_and_reserves_zero() {
        let mut b = TextBlob::default();
        let a = b.intern("abc");
        assert_ne!(a, 0);
        assert_eq!(b.intern("abc"), a);
        assert_eq!(b.intern(""), 0);
        let c = b.intern("de");
        assert_eq!(c, (3 << 32) | 2);
    }

    #[test]
    fn inline_code_handles_backticks() {
        assert_eq!(md_inline_code("a"), "`a`");
        assert_eq!(md_inline_code("a`b"), "`` a`b ``");
    }

    #[test]
    fn code_in_cells_only_escapes_pipes() {
        assert_eq!(md_cell_code("a_b|c"), "`a_b\\|c`");
    }

    #[test]
    fn cells_escape() {
        assert_eq!(md_table_cell("a|b\nc <x>"), "a\\|b c &lt;x&gt;");
    }

    #[test]
    fn fences_become_text() {
        let md = "x\n```\nfn main() {}\n```\n```json\n{}\n```\n";
        assert_eq!(
            rustdoc_markdown(md),
            "x\n```text\nfn main() {}\n```\n```json\n{}\n```\n"
        );
    }
}
