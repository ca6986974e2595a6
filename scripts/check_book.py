"""Checks a site built by mdBook from a catalog's docs pages.

Usage: check_book.py <site dir> <catalog.json>

- every code's `docs_url` resolves to an existing page and anchor of the
  site (the part after the catalog's `docs_base_url`);
- every internal link of every page resolves (file, and anchor if any);
- the search index lists every code's section and contains every code's
  wire name.

Prints one line per problem and a summary; exits 1 on any problem.
"""

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit


class Page(HTMLParser):
    """The ids and the links of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids = set()
        self.links = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag in ("link", "script", "img") and (attrs.get("href") or attrs.get("src")):
            self.links.append(attrs.get("href") or attrs.get("src"))


def parse_site(site):
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = page
    return pages


def resolve(site, pages, from_page, href):
    """None if `href` (a link on `from_page`) resolves, else why not."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None  # external
    path, fragment = urldefrag(href)
    path = unquote(path)
    if path.startswith("/"):
        return None  # site-absolute (404 page, with site-url); checked by the browser test
    target = (Path(from_page).parent / path).as_posix() if path else from_page
    target = Path(target)
    # Normalise ../ without touching the file system.
    normalised = []
    for part in target.parts:
        if part == "..":
            if normalised:
                normalised.pop()
        elif part != ".":
            normalised.append(part)
    target = "/".join(normalised)
    if not (site / target).exists():
        return f"no file {target}"
    if fragment and target.endswith(".html"):
        if fragment not in pages[target].ids:
            return f"no anchor #{fragment} in {target}"
    return None


def search_index(site):
    """The search index mdBook wrote (searchindex.json, or the .js that
    wraps it, named with a hash in mdBook 0.5)."""
    for path in sorted(site.glob("searchindex*.json")):
        return json.loads(path.read_text(encoding="utf-8"))
    for path in sorted(site.glob("searchindex*.js")):
        text = path.read_text(encoding="utf-8")
        match = re.search(r"JSON\.parse\('(.*)'\)\s*\)?;?\s*$", text, re.S)
        if match:
            literal = match.group(1).replace("\\\\", "\x00").replace("\\'", "'")
            return json.loads(literal.replace("\x00", "\\"))
    return None


def main():
    site, catalog_path = Path(sys.argv[1]), Path(sys.argv[2])
    catalog = json.loads(catalog_path.read_text(encoding="utf-8"))
    base = catalog["catalog"].get("docs_base_url", "").rstrip("/")
    pages = parse_site(site)
    problems = []

    for code in catalog["codes"]:
        url = code["docs_url"]
        if base and url.startswith(base):
            relative = url[len(base) :].lstrip("/")
        else:
            relative = url
        why = resolve(site, pages, "index.html", relative)
        if why:
            problems.append(f"docs_url of {code['wire_name']}: {url}: {why}")

    links = 0
    for name, page in pages.items():
        for href in page.links:
            links += 1
            why = resolve(site, pages, name, href)
            if why:
                problems.append(f"{name}: link {href}: {why}")

    index = search_index(site)
    if index is None:
        problems.append("no search index")
    else:
        urls = set(index.get("doc_urls", []))
        text = json.dumps(index).lower()
        for code in catalog["codes"]:
            relative = code["docs_url"][len(base) :].lstrip("/") if base else code["docs_url"]
            if relative.endswith(".html") or "#" in relative:
                if relative not in urls:
                    problems.append(f"search index has no entry {relative}")
            token = code["wire_name"].lower()
            if token not in text:
                problems.append(f"search index does not contain {code['wire_name']}")

    for p in problems:
        print(p)
    codes = len(catalog["codes"])
    print(
        f"book {site}: {len(pages)} pages, {codes} codes' docs_url, {links} links, "
        f"search index: {len(problems)} problem(s)"
    )
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
