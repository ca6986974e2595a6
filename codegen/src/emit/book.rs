//! Makes the docs pages a complete mdBook source: `docs/book.toml`, whose
//! `src` is the docs folder itself. The same Markdown then reads on a code
//! host (GitHub renders `.md` and follows `.md` links) and builds into a
//! site (mdBook rewrites `.md` links to `.html`), which is where
//! `Code::docs_url()` points with the default `docs_anchor`.

use std::path::PathBuf;

use crate::write::FileSet;

/// The book's configuration, in the docs folder.
pub const BOOK_TOML: &str = "docs/book.toml";

/// Pages mdBook writes into every site besides the chapters. A category
/// page (`<id>.html` on the site) must not take one of these names (E0036).
pub const SITE_PAGES: &[&str] = &["index.html", "print.html", "toc.html", "404.html"];

/// `docs/book.toml`. Needs the `docs` output, whose pages are its chapters.
pub const OUTPUT: super::Output = super::Output {
    spec: crate::model::OutputSpec {
        name: "book",
        default: false,
        needs_http: false,
        requires: Some("docs"),
        reserved_pages: SITE_PAGES,
    },
    emit,
};

fn emit(cx: &super::Context<'_>) -> FileSet {
    let mut files = FileSet::new();
    files.insert(PathBuf::from(BOOK_TOML), book_toml(cx));
    files
}

fn book_toml(cx: &super::Context<'_>) -> String {
    let meta = &cx.model.meta;
    let mut book = toml::Table::new();
    book.insert(
        "title".into(),
        format!("{} error reference", meta.name).into(),
    );
    if let Some(description) = meta.description.as_deref().and_then(first_paragraph) {
        book.insert("description".into(), description.into());
    }
    book.insert("language".into(), "en".into());
    // The chapters are the docs pages beside this file.
    book.insert("src".into(), ".".into());

    let mut build = toml::Table::new();
    build.insert("create-missing".into(), false.into());
    // README.md stays README.html, so that the pages' own links to it work
    // on the site as on a code host; mdBook still writes index.html as a
    // copy of the first chapter. `links` is the one default kept.
    build.insert("use-default-preprocessors".into(), false.into());

    let mut html = toml::Table::new();
    if let Some(path) = site_path(&meta.docs_base_url) {
        html.insert("site-url".into(), path.into());
    }
    let mut search = toml::Table::new();
    search.insert("enable".into(), true.into());
    html.insert("search".into(), search.into());
    let mut output = toml::Table::new();
    output.insert("html".into(), html.into());

    let mut preprocessor = toml::Table::new();
    preprocessor.insert("links".into(), toml::Table::new().into());

    let mut root = toml::Table::new();
    root.insert("book".into(), book.into());
    root.insert("build".into(), build.into());
    root.insert("preprocessor".into(), preprocessor.into());
    root.insert("output".into(), output.into());
    let header = super::generated_header(cx.command);
    format!(
        "# {header}\n# Build the site with `errcat book`, or `mdbook build` in this folder.\n\n{}",
        toml::to_string(&root).unwrap_or_default()
    )
}

/// The first paragraph of a Markdown description, on one line: mdBook puts
/// it in the pages' `<meta name="description">`.
fn first_paragraph(markdown: &str) -> Option<String> {
    let paragraph = markdown.trim().split("\n\n").next()?;
    let line = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
    (!line.is_empty()).then_some(line)
}

/// The path of the published site, from `docs_base_url`: mdBook needs it
/// for links on its 404 page. `https://example.com/errors` → `/errors/`.
fn site_path(base_url: &str) -> Option<String> {
    let after_scheme = base_url.split_once("://")?.1;
    let path = after_scheme.find('/').map_or("", |at| &after_scheme[at..]);
    let path = path
        .split(['#', '?'])
        .next()
        .unwrap_or("")
        .trim_end_matches('/');
    Some(format!("{path}/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_path_comes_from_the_base_url() {
        assert_eq!(
            site_path("https://errcat.dev/errors").as_deref(),
            Some("/errors/")
        );
        assert_eq!(
            site_path("https://errcat.dev/errors/").as_deref(),
            Some("/errors/")
        );
        assert_eq!(site_path("https://errcat.dev").as_deref(), Some("/"));
        assert_eq!(site_path(""), None);
    }

    #[test]
    fn book_toml_is_valid_toml_with_hostile_text_escaped() {
        let settings = "[catalog]\nname = \"a \\\"quoted\\\" ] name\"\ndescription = \"\"\"\nFirst\nparagraph.\n\nSecond.\"\"\"\n\
                        [outputs]\nbook = true\n[categories.input]\ntitle = \"Input\"\nfault = \"client\"\nstatus = 400\n";
        let codes = "[bad]\ntitle = \"Bad\"\nmessage = \"Bad.\"\n";
        let sources =
            crate::Sources::from_memory("c", [("catalog.toml", settings), ("input.toml", codes)]);
        let model = crate::compile(&sources).unwrap().model;
        let cx = crate::emit::Context::new(&model, "x");
        let text = book_toml(&cx);
        let parsed: toml::Table = text.parse().expect("valid TOML");
        assert_eq!(
            parsed["book"]["title"].as_str(),
            Some("a \"quoted\" ] name error reference")
        );
        assert_eq!(
            parsed["book"]["description"].as_str(),
            Some("First paragraph.")
        );
        assert_eq!(parsed["book"]["src"].as_str(), Some("."));
        assert!(text.starts_with("# @generated by errcat-codegen"));
    }
}
