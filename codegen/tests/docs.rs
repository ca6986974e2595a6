//! The generated docs are well-formed: every link and anchor resolves, every
//! table keeps its shape, every example envelope parses back to its code, and
//! every code's `docs_url` points at its section.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use errcat_codegen::{GENERATE_COMMAND, Model, Sources, compile, emit};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

fn catalogs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("../catalog"),
        root.join("../examples/basic/catalog"),
        root.join("../examples/sqlstate/catalog"),
    ];
    for seed in [
        "roboflow",
        "vision-api",
        "rotavision",
        "clarifai",
        "promptfloe",
    ] {
        dirs.push(root.join("../examples/seeds").join(seed).join("catalog"));
    }
    for entry in std::fs::read_dir(root.join("tests/fixtures/good")).unwrap() {
        dirs.push(entry.unwrap().path().join("catalog"));
    }
    dirs
}

/// The docs pages, keyed by path relative to the docs folder.
fn docs_of(model: &Model) -> BTreeMap<PathBuf, String> {
    errcat_codegen::generated_files(model, GENERATE_COMMAND)
        .into_iter()
        .filter_map(|(path, text)| Some((path.strip_prefix("docs").ok()?.to_path_buf(), text)))
        .collect()
}

fn model(dir: &Path) -> Model {
    let sources = Sources::read_dir(dir, "catalog").unwrap();
    compile(&sources)
        .unwrap_or_else(|r| panic!("{}", r.render()))
        .model
}

/// GitHub's heading slug, written here independently of the emitter's:
/// lowercase, keep alphanumerics, `-` and `_`, spaces become `-`.
fn slug(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let kept = lower
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'));
    kept.map(|c| if c == ' ' { '-' } else { c }).collect()
}

struct Page {
    anchors: BTreeSet<String>,
    links: Vec<String>,
    /// Cells per row, per table.
    tables: Vec<Vec<usize>>,
    json_blocks: Vec<String>,
    /// Raw HTML that reached the page.
    html: Vec<String>,
    /// `## name` headings with the JSON blocks under them.
    sections: BTreeMap<String, Vec<String>>,
}

fn parse(text: &str) -> Page {
    let mut page = Page {
        anchors: BTreeSet::new(),
        links: Vec::new(),
        tables: Vec::new(),
        json_blocks: Vec::new(),
        html: Vec::new(),
        sections: BTreeMap::new(),
    };
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut current_section: Option<String> = None;
    let mut code_block: Option<String> = None;
    let mut row_cells = 0;
    for event in Parser::new_ext(text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                let (level, text) = heading.take().unwrap();
                let anchor = slug(&text);
                assert!(
                    page.anchors.insert(anchor.clone()),
                    "duplicate anchor #{anchor}"
                );
                if level == HeadingLevel::H2 {
                    current_section = Some(text.clone());
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, h)) = heading.as_mut() {
                    h.push_str(&t);
                }
                if let Some(block) = code_block.as_mut() {
                    block.push_str(&t);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => page.links.push(dest_url.to_string()),
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(lang)))
                if &*lang == "json" =>
            {
                code_block = Some(String::new())
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(block) = code_block.take() {
                    if let Some(s) = &current_section {
                        page.sections
                            .entry(s.clone())
                            .or_default()
                            .push(block.clone());
                    }
                    page.json_blocks.push(block);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => page.html.push(h.to_string()),
            Event::Start(Tag::Table(_)) => page.tables.push(Vec::new()),
            Event::Start(Tag::TableHead | Tag::TableRow) => row_cells = 0,
            Event::Start(Tag::TableCell) => row_cells += 1,
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                page.tables.last_mut().unwrap().push(row_cells)
            }
            _ => {}
        }
    }
    page
}

#[test]
fn links_anchors_tables_and_examples() {
    for dir in catalogs() {
        let model = model(&dir);
        let files = docs_of(&model);
        let pages: BTreeMap<String, Page> = files
            .iter()
            .map(|(path, text)| (path.display().to_string(), parse(text)))
            .collect();
        assert!(pages.contains_key("README.md") && pages.contains_key("SUMMARY.md"));
        // The numeric index exactly when some code has a numeric code.
        assert_eq!(
            pages.contains_key("numeric.md"),
            model.codes.iter().any(|c| c.numeric.is_some()),
            "{}",
            dir.display()
        );

        for (name, page) in &pages {
            for link in &page.links {
                if link.starts_with("http://")
                    || link.starts_with("https://")
                    || link.starts_with("mailto:")
                {
                    continue;
                }
                let (path, fragment) = link.split_once('#').unwrap_or((link, ""));
                // Relative to the page's folder (the locale pages sit in one).
                let resolved = match (name.rsplit_once('/'), path.strip_prefix("../")) {
                    (Some(_), Some(up)) => up.to_string(),
                    (Some((folder, _)), None) if !path.is_empty() && !path.contains('/') => {
                        format!("{folder}/{path}")
                    }
                    _ => path.to_string(),
                };
                let target = if path.is_empty() {
                    name.as_str()
                } else {
                    resolved.as_str()
                };
                let target_page = pages.get(target).unwrap_or_else(|| {
                    panic!("{}: {name} links to missing page {link}", dir.display())
                });
                assert!(
                    fragment.is_empty() || target_page.anchors.contains(fragment),
                    "{}: {name} links to missing anchor {link}",
                    dir.display()
                );
            }
            for table in &page.tables {
                assert!(
                    table.iter().all(|&cells| cells == table[0]),
                    "{}: {name} has a broken table: {table:?}",
                    dir.display()
                );
            }
            let html: Vec<&String> = page
                .html
                .iter()
                .filter(|h| !h.starts_with("<!-- @generated by errcat-codegen."))
                .collect();
            assert!(
                html.is_empty(),
                "{}: {name} lets catalog HTML through: {html:?}",
                dir.display()
            );
            for block in &page.json_blocks {
                serde_json::from_str::<serde_json::Value>(block)
                    .unwrap_or_else(|e| panic!("{name}: bad JSON example: {e}\n{block}"));
            }
        }

        for code in &model.codes {
            let page_name = emit::docs::category_page_name(model.category_of(code));
            let page = &pages[&page_name];
            assert!(
                page.anchors.contains(&code.anchor()),
                "no anchor for {}",
                code.name
            );
            // docs_url = base + "/" + "<page>#<code>" must land on that anchor.
            let fragment = code
                .docs_url
                .rsplit_once('#')
                .map(|(_, f)| f)
                .unwrap_or_default();
            assert_eq!(
                fragment,
                code.anchor(),
                "docs_url fragment of {}",
                code.name
            );
            // The section's example is this code's envelope, with its status;
            // a success or a pending state has none.
            let examples = page
                .sections
                .get(&code.wire_name)
                .map_or(&[][..], Vec::as_slice);
            if !code.kind.is_error() || !model.meta.http {
                assert!(examples.is_empty(), "{} has no example", code.name);
                continue;
            }
            assert_eq!(examples.len(), 1, "{} has one example", code.name);
            let value: serde_json::Value = serde_json::from_str(&examples[0]).unwrap();
            let text = |v: &serde_json::Value| v.as_str().unwrap().to_string();
            let (name, status) = match (value.get("error"), value.get("detail")) {
                // AIP-193: the code is ErrorInfo's reason, `code` the status.
                (Some(error), _) if error["code"].is_u64() => {
                    let info = error["details"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .find(|d| d["@type"].as_str().unwrap().ends_with(".ErrorInfo"))
                        .unwrap();
                    (text(&info["reason"]), error["code"].as_u64())
                }
                (Some(error), _) => (text(&error["code"]), None),
                _ if value.get("errors").is_some() => {
                    let first = &value["errors"][0];
                    let code = first.get("code").unwrap_or(&first["extensions"]["code"]);
                    (text(code), None)
                }
                (None, Some(detail)) if detail.is_object() => {
                    (detail["code"].as_str().unwrap().to_string(), None)
                }
                _ => (
                    value["code"].as_str().unwrap().to_string(),
                    value["status"].as_u64(),
                ),
            };
            assert_eq!(name, code.wire_name);
            if let Some(status) = status {
                assert_eq!(status, u64::from(code.status));
            }
        }
    }
}

#[test]
fn numeric_index_is_sorted_and_complete() {
    for dir in catalogs() {
        let model = model(&dir);
        let files = docs_of(&model);
        let Some(page) = files.get(Path::new("numeric.md")) else {
            assert!(model.codes.iter().all(|c| c.numeric.is_none()));
            continue;
        };
        let numbers: Vec<u32> = page
            .lines()
            .filter_map(|l| l.strip_prefix("| ")?.split(" |").next()?.parse().ok())
            .collect();
        let mut sorted = numbers.clone();
        sorted.sort_unstable();
        assert_eq!(numbers, sorted);
        assert_eq!(
            numbers.len(),
            model.codes.iter().filter(|c| c.numeric.is_some()).count()
        );
    }
}

/// A catalog-wide `detail` envelope is described as what it is, with the
/// fields it really has, not as RFC 9457 problem details.
#[test]
fn detail_envelope_is_described_as_itself() {
    let settings = "[catalog]\nname = \"d\"\n[envelope]\nstyle = \"detail\"\n\
                    [categories.input]\ntitle = \"Input\"\nfault = \"client\"\nstatus = 422\n";
    let codes = "[bad_field]\ntitle = \"Bad field\"\nmessage = \"Field {name} is invalid\"\n\
                 params = { name = \"string\" }\n";
    let files =
        errcat_codegen::docs_from_files([("catalog.toml", settings), ("input.toml", codes)])
            .unwrap_or_else(|r| panic!("{}", r.render()));
    let index = &files[Path::new("docs/README.md")];
    assert!(!index.contains("RFC 9457"), "{index}");
    assert!(index.contains("one top-level `detail` object"), "{index}");
    assert!(index.contains("| `field` | string |"), "{index}");
    assert!(!index.contains("| `instance` |"), "{index}");
}
