// Opens the mdBook site of the main catalog in a real browser (Debian's
// chromium, driven by playwright-core) over loopback, as a reader would:
// a category page, a code's anchor (its docs_url), the highlighted example
// body, and the search box. Saves a screenshot for CI's artifacts.
//
// Env: BOOK_DIR (the built site), CATALOG_JSON (generated/catalog.json),
// SCREENSHOT (where to save it), CHROMIUM (default /usr/bin/chromium).

import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium } from "playwright-core";

const site = process.env.BOOK_DIR;
const catalog = JSON.parse(await readFile(process.env.CATALOG_JSON, "utf8"));
const base = catalog.catalog.docs_base_url.replace(/\/$/, "");
const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png", ".woff2": "font/woff2", ".json": "application/json" };

let server, browser, origin;

before(async () => {
  server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(site, path.endsWith("/") ? path + "index.html" : path));
      res.writeHead(200, { "content-type": types[extname(path)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** The code a reader follows from an error body: the last one of the
 * largest category, so that its section is far down its page and only the
 * anchor brings it into view. */
const byCategory = new Map();
for (const c of catalog.codes) byCategory.set(c.category, [...(byCategory.get(c.category) ?? []), c]);
const largest = [...byCategory.values()].reduce((a, b) => (b.length > a.length ? b : a));
const code = largest[largest.length - 1];

test("a code's docs_url opens its section, in view, with a highlighted example", async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const relative = code.docs_url.slice(base.length).replace(/^\//, "");
  await page.goto(`${origin}/${relative}`);
  const heading = page.locator(`#${code.name}`);
  assert.ok(await heading.isVisible(), "the code's heading is visible");
  const box = await heading.boundingBox();
  assert.ok(box && box.y >= 0 && box.y < 900, `the heading is scrolled into view (y = ${box?.y})`);
  assert.match(await heading.textContent(), new RegExp(code.wire_name));
  // The first JSON block after the heading: the code's example body.
  const example = page.locator(`h2#${code.name} ~ pre code.language-json`).first();
  await example.waitFor();
  assert.match(await example.getAttribute("class"), /\bhljs\b/, "highlight.js ran on it");
  assert.ok((await example.locator("span[class^=hljs-]").count()) > 0, "its tokens are coloured");
  assert.match(await example.textContent(), new RegExp(`"${code.wire_name}"`));
  await page.screenshot({ path: process.env.SCREENSHOT ?? "book.png" });
  await page.close();
});

test("the category page lists its codes and links each to its section", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/${code.category}.html`);
  const link = page.locator(`table a[href="#${code.name}"]`);
  assert.equal(await link.count(), 1);
  await link.click();
  await page.waitForURL(new RegExp(`#${code.name}$`));
  await page.locator(`#${code.name}`).waitFor({ state: "visible" });
  await page.close();
});

test("searching for a code finds its section", async () => {
  const page = await browser.newPage();
  await page.goto(`${origin}/index.html`);
  await page.keyboard.press("s");
  const search = page.locator("#mdbook-searchbar");
  await search.waitFor();
  // The search runs on key presses, as a person types.
  await search.pressSequentially(code.wire_name);
  const hit = page.locator(`#mdbook-searchresults a[href$="#${code.name}"]`).first();
  await hit.waitFor({ timeout: 10_000 });
  await hit.click();
  // The hit navigates to the section; wait for it rather than race it.
  await page.locator(`#${code.name}`).waitFor({ state: "visible", timeout: 10_000 });
  assert.match(page.url(), new RegExp(`#${code.name}$`));
  await page.close();
});
