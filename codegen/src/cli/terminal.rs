//! Markdown for a terminal, as `errcat explain` shows it when stdout is one:
//! headings and emphasis styled, tables aligned, code kept as written.

use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// ANSI styles, or none.
struct Style {
    on: bool,
}

impl Style {
    fn wrap(&self, codes: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{codes}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// `markdown` laid out for a terminal, styled when `color` is true.
pub fn render(markdown: &str, color: bool) -> String {
    let style = Style { on: color };
    let mut out = String::new();
    let mut line = String::new();
    let mut table: Option<Vec<Vec<String>>> = None;
    let mut cell = String::new();
    let mut in_code_block = false;
    let (mut strong, mut emphasis) = (false, false);
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        let target = if table.is_some() {
            &mut cell
        } else {
            &mut line
        };
        match event {
            Event::Start(Tag::Heading { .. }) => {
                line.push_str(if color { "\x1b[1;4m" } else { "" })
            }
            Event::End(TagEnd::Heading(_)) => {
                if color {
                    line.push_str("\x1b[0m");
                }
                flush(&mut out, &mut line);
                out.push('\n');
            }
            Event::Start(Tag::Strong) => strong = true,
            Event::End(TagEnd::Strong) => strong = false,
            Event::Start(Tag::Emphasis) => emphasis = true,
            Event::End(TagEnd::Emphasis) => emphasis = false,
            Event::Start(Tag::CodeBlock(kind)) => {
                in_code_block = true;
                if let CodeBlockKind::Fenced(lang) = kind
                    && !lang.is_empty()
                {
                    out.push_str(&style.wrap("2", &format!("    ({lang})")));
                    out.push('\n');
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code_block = false;
                out.push('\n');
            }
            Event::Start(Tag::BlockQuote(_)) => line.push_str("  │ "),
            Event::Start(Tag::Item) => line.push_str("  - "),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::BlockQuote(_)) => {
                flush(&mut out, &mut line);
                if !matches!(event, Event::End(TagEnd::Item)) {
                    out.push('\n');
                }
            }
            Event::Start(Tag::Table(_)) => table = Some(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                if let Some(rows) = table.as_mut() {
                    rows.push(Vec::new());
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = table.as_mut().and_then(|rows| rows.last_mut()) {
                    row.push(std::mem::take(&mut cell));
                }
            }
            Event::End(TagEnd::Table) => {
                out.push_str(&layout_table(&table.take().unwrap_or_default(), &style));
                out.push('\n');
            }
            Event::Text(text) if in_code_block => {
                for code_line in text.lines() {
                    out.push_str("    ");
                    out.push_str(code_line);
                    out.push('\n');
                }
            }
            Event::Text(text) => {
                let styled = match (strong, emphasis) {
                    (true, _) => style.wrap("1", &text),
                    (_, true) => style.wrap("3", &text),
                    _ => text.to_string(),
                };
                target.push_str(&styled);
            }
            Event::Code(code) => target.push_str(&style.wrap("36", &code)),
            Event::SoftBreak | Event::HardBreak => target.push(' '),
            _ => {}
        }
    }
    flush(&mut out, &mut line);
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn flush(out: &mut String, line: &mut String) {
    if !line.trim().is_empty() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    line.clear();
}

/// Rows padded to their columns' widths; the first row is the header.
fn layout_table(rows: &[Vec<String>], style: &Style) -> String {
    let visible = |s: &str| strip_ansi(s).chars().count();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| visible(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = (0..columns)
            .map(|c| {
                let text = row.get(c).map_or("", String::as_str);
                format!("{text}{}", " ".repeat(widths[c] - visible(text)))
            })
            .collect();
        let line = format!("  {}", cells.join("  "));
        let line = line.trim_end();
        if i == 0 && rows.len() > 1 && !cells.iter().all(|c| c.trim().is_empty()) {
            out.push_str(&style.wrap("1", line));
            out.push('\n');
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            out.push_str(&format!("  {}\n", rule.join("  ")));
        } else if !line.is_empty() {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for c in chars.by_ref() {
                if c == 'm' {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_align_and_markup_goes() {
        let md = "## rate_limited\n\n**Rate limited** · HTTP 429\n\n| | |\n| --- | --- |\n| Retry | `standard`: later |\n| CLI exit code | 4 |\n\n```json\n{\"a\": 1}\n```\n";
        let text = render(md, false);
        assert_eq!(
            text,
            "rate_limited\n\nRate limited · HTTP 429\n\n  Retry          standard: later\n  CLI exit code  4\n\n    (json)\n    {\"a\": 1}\n"
        );
        assert!(render(md, true).contains("\x1b[1mRate limited\x1b[0m"));
    }
}
