//! Catalog text escaped for Markdown: inline code, table cells and blocks
//! on the docs pages, and rustdoc comments in the generated Rust.

/// Inline code that survives any backticks inside `s`.
pub fn md_inline_code(s: &str) -> String {
    // Most code spans hold no backtick or line break: one allocation.
    if !s.bytes().any(|b| matches!(b, b'`' | b'\n' | b'\r')) {
        return if s.starts_with(' ') || s.ends_with(' ') {
            format!("` {s} `")
        } else {
            format!("`{s}`")
        };
    }
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
/// can break the row, and emphasis, strikethrough and math (`$…$`, which
/// GitHub renders) characters stay literal.
pub fn md_table_cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '$' | '~' => {
                out.push('\\');
                out.push(ch);
            }
            _ => out.push(ch),
        }
    }
    out
}

/// Catalog Markdown made safe to embed in a generated page: text and
/// emphasis, lists, links and code pass through, but nothing can break out of
/// the section it is placed in. Outside code, raw HTML tags are escaped, and
/// ATX or setext headings and thematic breaks become literal text (a heading
/// would take a code's anchor); an unclosed code fence is closed.
pub fn md_block(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 16);
    let mut fence: Option<String> = None;
    for line in markdown.trim_end().lines() {
        let line = line.trim_end_matches('\r');
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker: String = trimmed
            .chars()
            .take_while(|&c| c == '`' || c == '~')
            .collect();
        let is_fence = indent <= 3
            && marker.len() >= 3
            && marker.chars().all(|c| c == marker.as_bytes()[0] as char);
        match &fence {
            Some(open) => {
                if is_fence
                    && marker.starts_with(open.as_str())
                    && trimmed[marker.len()..].trim().is_empty()
                {
                    fence = None;
                }
                out.push_str(line);
            }
            None if is_fence
                && !(marker.starts_with('`') && trimmed[marker.len()..].contains('`')) =>
            {
                fence = Some(marker);
                out.push_str(line);
            }
            None => {
                let starts_block = indent <= 3
                    && (trimmed.starts_with('#')
                        || (!trimmed.is_empty()
                            && trimmed
                                .chars()
                                .all(|c| matches!(c, '-' | '=' | '*' | '_' | ' '))));
                out.push_str(&line[..indent]);
                if starts_block {
                    out.push('\\');
                }
                out.push_str(&escape_html_outside_code_spans(trimmed));
            }
        }
        out.push('\n');
    }
    if let Some(open) = fence {
        out.push_str(&open);
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out
}

/// Escapes `<` where it would open an HTML tag, comment or autolink, except
/// inside backtick code spans.
fn escape_html_outside_code_spans(line: &str) -> String {
    if !line.bytes().any(|b| b == b'<') {
        return line.to_string();
    }
    escape_each_lt(line)
}

/// [`escape_html_outside_code_spans`] for a line that has a `<`.
fn escape_each_lt(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut chars = line.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        if ch == '`' {
            let run = line[i..].chars().take_while(|&c| c == '`').count();
            let ticks = &line[i..i + run];
            if let Some(end) = line[i + run..].find(ticks) {
                let close = i + run + end + run;
                out.push_str(&line[i..close]);
                while chars.peek().is_some_and(|&(j, _)| j < close) {
                    chars.next();
                }
                continue;
            }
            out.push_str(ticks);
            for _ in 1..run {
                chars.next();
            }
            continue;
        }
        if ch == '<' {
            out.push_str("&lt;");
        } else {
            out.push(ch);
        }
    }
    out
}

/// Markdown prose for rustdoc, under the same policy as the docs pages
/// ([`md_block`]: no raw HTML, no headings); fenced blocks with no language
/// (or a Rust one)
/// become `text`, so catalog text can never become a doctest.
pub fn rustdoc_markdown(markdown: &str) -> String {
    // The same policy as the docs pages: raw HTML is escaped, headings and
    // breaks are text, fences are closed; then code fences become `text`.
    let markdown = md_block(markdown);
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
    if let Some(open) = open_fence {
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(&open);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_code_handles_backticks() {
        assert_eq!(md_inline_code("a"), "`a`");
        assert_eq!(md_inline_code("a`b"), "`` a`b ``");
        assert_eq!(md_inline_code(" a"), "`  a `");
        assert_eq!(md_inline_code("a\nb"), "`a b`");
        assert_eq!(md_inline_code(""), "``");
    }

    proptest::proptest! {
        /// The plain-text shortcuts give what the general paths give.
        #[test]
        fn shortcuts_agree_with_the_general_paths(s in "[ a-z<`\n]{0,12}") {
            let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
            let fence = "`".repeat(longest + 1);
            let flat = s.replace(['\n', '\r'], " ");
            let general = if longest > 0 || flat.starts_with(' ') || flat.ends_with(' ') {
                format!("{fence} {flat} {fence}")
            } else {
                format!("{fence}{flat}{fence}")
            };
            proptest::prop_assert_eq!(md_inline_code(&s), general);
            let line = s.replace(['\n', '<'], "");
            proptest::prop_assert_eq!(escape_each_lt(&line), line);
        }
    }

    #[test]
    fn code_in_cells_only_escapes_pipes() {
        assert_eq!(md_cell_code("a_b|c"), "`a_b\\|c`");
    }

    #[test]
    fn cells_escape() {
        assert_eq!(md_table_cell("a|b\nc <x>"), "a\\|b c &lt;x&gt;");
        // GitHub reads `${}$` as math and `~~x~~` as strikethrough.
        assert_eq!(md_table_cell("x${}${ ~~y~~"), "x\\${}\\${ \\~\\~y\\~\\~");
    }

    #[test]
    fn blocks_cannot_break_out() {
        assert_eq!(md_block("a <b>x</b> `<c>`"), "a &lt;b>x&lt;/b> `<c>`");
        assert_eq!(md_block("## title\ntext\n---"), "\\## title\ntext\n\\---");
        assert_eq!(md_block("```\nopen <b>"), "```\nopen <b>\n```");
        assert_eq!(md_block("ok `a` and ``b`c``"), "ok `a` and ``b`c``");
        assert_eq!(md_block("- item\n* item"), "- item\n* item");
    }

    #[test]
    fn fences_become_text() {
        let md = "x\n```\nfn main() {}\n```\n```json\n{}\n```\n";
        assert_eq!(
            rustdoc_markdown(md),
            "x\n```text\nfn main() {}\n```\n```json\n{}\n```"
        );
    }

    #[test]
    fn rustdoc_gets_the_same_html_policy_as_the_pages() {
        let doc = rustdoc_markdown("<details>x</details> <img src=x onerror=alert(1)> `<b>`\n## h");
        assert!(
            !doc.contains("<details>") && !doc.contains("</details>"),
            "{doc}"
        );
        assert!(!doc.contains("<img"), "{doc}");
        assert!(doc.contains("`<b>`"), "code spans stay as written: {doc}");
        assert!(doc.contains("\\## h"), "{doc}");
    }
}
