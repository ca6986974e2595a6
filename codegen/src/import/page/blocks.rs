//! A page as blocks: headings, lines of text, tables and code, whatever
//! it was saved as. Markdown is read with pulldown-cmark, HTML with scraper
//! (html5ever); text is split into lines, and its pipe- or tab-separated
//! rows become tables.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Node};

/// One block of a page, with where it starts (`line 12`, `table 2`).
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Heading {
        text: String,
        at: String,
    },
    Line {
        text: String,
        at: String,
    },
    /// Rows of cells, and where each row is.
    Table {
        rows: Vec<Vec<String>>,
        at: String,
        rows_at: Vec<String>,
    },
    Code {
        text: String,
        at: String,
    },
}

impl Block {
    pub fn at(&self) -> &str {
        match self {
            Block::Heading { at, .. }
            | Block::Line { at, .. }
            | Block::Table { at, .. }
            | Block::Code { at, .. } => at,
        }
    }
}

fn clean(text: &str) -> String {
    text.replace('\u{a0}', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The blocks of a Markdown page.
pub fn markdown(text: &str) -> Vec<Block> {
    let line_of = |offset: usize| {
        format!(
            "line {}",
            text[..offset.min(text.len())].matches('\n').count() + 1
        )
    };
    let mut blocks = Vec::new();
    let mut buf = String::new();
    let mut start = 0;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut rows_at: Vec<String> = Vec::new();
    let mut in_table = false;
    let mut in_code = false;
    let mut code = String::new();
    let flush = |buf: &mut String, start: usize, blocks: &mut Vec<Block>| {
        for (i, line) in buf.split('\n').enumerate() {
            let line = clean(line);
            if !line.is_empty() {
                let n = text[..start.min(text.len())].matches('\n').count() + 1 + i;
                blocks.push(Block::Line {
                    text: line,
                    at: format!("line {n}"),
                });
            }
        }
        buf.clear();
    };
    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut buf, start, &mut blocks);
                start = range.start;
            }
            Event::End(TagEnd::Heading(_)) => {
                let t = clean(&buf);
                buf.clear();
                if !t.is_empty() {
                    blocks.push(Block::Heading {
                        text: t,
                        at: line_of(start),
                    });
                }
            }
            Event::Start(Tag::Table(_)) => {
                flush(&mut buf, start, &mut blocks);
                in_table = true;
                rows.clear();
                start = range.start;
            }
            Event::End(TagEnd::Table) => {
                in_table = false;
                blocks.push(Block::Table {
                    rows: std::mem::take(&mut rows),
                    at: line_of(start),
                    rows_at: std::mem::take(&mut rows_at),
                });
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                rows.push(Vec::new());
                rows_at.push(line_of(range.start));
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(row) = rows.last_mut() {
                    row.push(clean(&buf));
                }
                buf.clear();
            }
            Event::Start(Tag::CodeBlock(_)) => {
                flush(&mut buf, start, &mut blocks);
                in_code = true;
                code.clear();
                start = range.start;
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                blocks.push(Block::Code {
                    text: std::mem::take(&mut code),
                    at: line_of(start),
                });
            }
            Event::Start(Tag::Paragraph | Tag::Item) if !in_table => {
                flush(&mut buf, start, &mut blocks);
                start = range.start;
            }
            Event::End(TagEnd::Paragraph | TagEnd::Item) if !in_table => {
                flush(&mut buf, start, &mut blocks);
            }
            Event::Text(t) | Event::Code(t) => {
                if in_code {
                    code.push_str(&t);
                } else {
                    buf.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => buf.push(if in_table { ' ' } else { '\n' }),
            Event::Html(h) | Event::InlineHtml(h) if h.trim_start().starts_with("<br") => {
                buf.push('\n')
            }
            _ => {}
        }
    }
    flush(&mut buf, start, &mut blocks);
    blocks
}

/// Elements whose content is never page text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "svg", "button", "select",
];
/// Elements that start a new block.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
    "tfoot",
    "caption",
];

struct HtmlReader {
    blocks: Vec<Block>,
    line: String,
    tables: usize,
    items: usize,
}

impl HtmlReader {
    fn flush(&mut self) {
        for line in self.line.split('\n') {
            let t = clean(line);
            if !t.is_empty() {
                self.items += 1;
                let at = format!("block {}", self.items);
                self.blocks.push(Block::Line { text: t, at });
            }
        }
        self.line.clear();
    }

    fn walk(&mut self, element: ElementRef<'_>) {
        let name = element.value().name();
        if SKIPPED.contains(&name) {
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let text = clean(&element.text().collect::<String>());
                if !text.is_empty() {
                    self.items += 1;
                    self.blocks.push(Block::Heading {
                        text,
                        at: format!("block {}", self.items),
                    });
                }
                return;
            }
            "table" => {
                self.flush();
                self.tables += 1;
                let rows = table_rows(element);
                let at = format!("table {}", self.tables);
                let rows_at = (1..=rows.len()).map(|r| format!("{at}, row {r}")).collect();
                self.blocks.push(Block::Table { rows, at, rows_at });
                return;
            }
            "dl" => {
                self.flush();
                self.tables += 1;
                let mut rows: Vec<Vec<String>> = Vec::new();
                for child in element.child_elements() {
                    let text = clean(&inline_text(child));
                    match child.value().name() {
                        "dt" => rows.push(vec![text]),
                        "dd" => match rows.last_mut() {
                            Some(row) => row.push(text),
                            None => rows.push(vec![String::new(), text]),
                        },
                        _ => {}
                    }
                }
                let at = format!("definition list {}", self.tables);
                let rows_at = (1..=rows.len())
                    .map(|r| format!("{at}, term {r}"))
                    .collect();
                self.blocks.push(Block::Table { rows, at, rows_at });
                return;
            }
            "pre" => {
                self.flush();
                self.items += 1;
                self.blocks.push(Block::Code {
                    text: element.text().collect(),
                    at: format!("block {}", self.items),
                });
                return;
            }
            "br" => {
                self.line.push('\n');
                return;
            }
            _ => {}
        }
        let block = BLOCKS.contains(&name);
        if block {
            self.flush();
        }
        for child in element.children() {
            match child.value() {
                Node::Text(t) => self.line.push_str(t),
                Node::Element(_) => {
                    if let Some(e) = ElementRef::wrap(child) {
                        self.walk(e);
                    }
                }
                _ => {}
            }
        }
        if block {
            self.flush();
        }
    }
}

/// An element's text, `<br>` as a space.
fn inline_text(element: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in element.descendants() {
        match node.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) if e.name() == "br" => out.push(' '),
            _ => {}
        }
    }
    out
}

fn table_rows(table: ElementRef<'_>) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for row in table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| e.value().name() == "tr")
    {
        // Rows of nested tables belong to those tables.
        let own = row
            .ancestors()
            .filter_map(ElementRef::wrap)
            .find(|e| e.value().name() == "table")
            .is_some_and(|t| t.id() == table.id());
        if !own {
            continue;
        }
        let cells: Vec<String> = row
            .child_elements()
            .filter(|c| matches!(c.value().name(), "td" | "th"))
            .map(|c| clean(&inline_text(c)))
            .collect();
        if !cells.is_empty() {
            rows.push(cells);
        }
    }
    rows
}

/// The blocks of an HTML page, and its `<title>` or first `<h1>`.
pub fn html(text: &str) -> (Vec<Block>, Option<String>) {
    let doc = Html::parse_document(text);
    let mut reader = HtmlReader {
        blocks: Vec::new(),
        line: String::new(),
        tables: 0,
        items: 0,
    };
    let root = doc.root_element();
    let title = root
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "h1")
        .or_else(|| {
            root.descendants()
                .filter_map(ElementRef::wrap)
                .find(|e| e.value().name() == "title")
        })
        .map(|e| clean(&e.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    match root
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|e| e.value().name() == "body")
    {
        Some(body) => reader.walk(body),
        None => reader.walk(root),
    }
    reader.flush();
    (reader.blocks, title)
}

/// The blocks of a plain-text page: pipe tables (`| a | b |`) and rows of
/// tab-separated cells become tables; every other line is a line.
pub fn text(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut table_at: Vec<String> = Vec::new();
    let mut kind = None;
    for (i, raw) in text.lines().enumerate() {
        let at = format!("line {}", i + 1);
        let line = raw.trim();
        let row_kind = if line.starts_with('|') && line[1..].contains('|') {
            Some('|')
        } else if raw.trim_matches('\t').contains('\t') {
            Some('\t')
        } else {
            None
        };
        if row_kind.is_none() || (kind.is_some() && row_kind != kind) {
            if !table.is_empty() {
                let rows_at = std::mem::take(&mut table_at);
                blocks.push(Block::Table {
                    rows: std::mem::take(&mut table),
                    at: rows_at[0].clone(),
                    rows_at,
                });
            }
            kind = None;
        }
        match row_kind {
            Some(sep) => {
                kind = Some(sep);
                let cells: Vec<String> = match sep {
                    '|' => line.trim_matches('|').split('|').map(clean).collect(),
                    _ => raw.split('\t').map(clean).collect(),
                };
                let divider = cells
                    .iter()
                    .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
                if !divider {
                    table.push(cells);
                    table_at.push(at);
                }
            }
            None => {
                let t = clean(line);
                if !t.is_empty() {
                    blocks.push(Block::Line { text: t, at });
                }
            }
        }
    }
    if !table.is_empty() {
        blocks.push(Block::Table {
            rows: table,
            at: table_at[0].clone(),
            rows_at: table_at,
        });
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_headings_and_items_are_blocks() {
        let md = "# Errors\n\nIntro.\n\n| Code | Status |\n| --- | --- |\n| `not_found` | 404 |\n\n- `gone`: It is gone.\n";
        let blocks = markdown(md);
        assert_eq!(
            blocks[0],
            Block::Heading {
                text: "Errors".into(),
                at: "line 1".into()
            }
        );
        assert_eq!(
            blocks[1],
            Block::Line {
                text: "Intro.".into(),
                at: "line 3".into()
            }
        );
        assert_eq!(
            blocks[2],
            Block::Table {
                rows: vec![
                    vec!["Code".into(), "Status".into()],
                    vec!["not_found".into(), "404".into()]
                ],
                at: "line 5".into(),
                rows_at: vec!["line 5".into(), "line 7".into()],
            }
        );
        assert_eq!(
            blocks[3],
            Block::Line {
                text: "gone: It is gone.".into(),
                at: "line 9".into()
            }
        );
    }

    #[test]
    fn html_tables_definition_lists_and_text_are_blocks() {
        let page = "<html><head><title>T</title><script>x</script></head><body><h2>Codes</h2>\
            <table><tr><th>Code</th><th>Meaning</th></tr><tr><td><code>E1</code></td><td>Bad<br>thing</td></tr></table>\
            <dl><dt>E2</dt><dd>Other</dd></dl><p>Text <b>bold</b></p></body></html>";
        let (blocks, title) = html(page);
        assert_eq!(title.as_deref(), Some("T"));
        assert!(matches!(&blocks[0], Block::Heading { text, .. } if text == "Codes"));
        assert!(matches!(&blocks[1], Block::Table { rows, .. } if rows[1] == ["E1", "Bad thing"]));
        assert!(matches!(&blocks[2], Block::Table { rows, .. } if rows[0] == ["E2", "Other"]));
        assert!(matches!(&blocks[3], Block::Line { text, .. } if text == "Text bold"));
    }

    #[test]
    fn text_pipe_and_tab_rows_are_tables() {
        let t = "Intro\n| a | b |\n|---|---|\n| c | d |\nx\ty\nz\tw\nend\n";
        let blocks = text(t);
        assert!(
            matches!(&blocks[1], Block::Table { rows, .. } if rows.len() == 2 && rows[1] == ["c", "d"])
        );
        assert!(
            matches!(&blocks[2], Block::Table { rows, .. } if rows.len() == 2 && rows[0] == ["x", "y"])
        );
    }
}
