// Runs a catalog's conformance cases (generated/conformance/cases.json) with
// the runner its generated package ships (src/conformance.ts), as the Rust
// runtime does in tests/support/conformance.rs, and checks that the package
// ships those same cases.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** What the runner of a generated package offers. */
interface Runner {
  runConformance(cases: readonly unknown[], templates: readonly unknown[], localization: unknown): number;
}

/**
 * Runs every case of `generated/conformance/cases.json` under `root`,
 * with the package at `${module}/conformance.js` (a path from this file).
 */
export async function runCases(module: string, root: string): Promise<number> {
  const runner = (await import(`${module}/conformance.js`)) as Runner;
  type Document = {
    cases: unknown[];
    templates: unknown[];
    plurals?: unknown[];
    localized?: unknown[];
    negotiation?: unknown[];
  };
  const catalog = JSON.parse(readFileSync(join(root, "conformance/cases.json"), "utf8")) as Document;
  const shipped = JSON.parse(readFileSync(join(root, "typescript/conformance.json"), "utf8")) as Document;
  assert.deepEqual(shipped.cases, catalog.cases, `${root}: the package ships the catalog's cases`);
  assert.deepEqual(shipped.templates, catalog.templates, `${root}: the package ships the catalog's template cases`);
  assert.deepEqual(shipped.localized, catalog.localized, `${root}: the package ships the catalog's localized cases`);
  assert.ok(catalog.templates.length > 0, `${root}: template cases`);
  assert.ok((catalog.plurals ?? []).length > 0, `${root}: plural cases`);
  return runner.runConformance(catalog.cases as never[], catalog.templates as never[], catalog as never);
}
