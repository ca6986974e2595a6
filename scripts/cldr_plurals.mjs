// Writes codegen/src/l10n/cldr_plurals.json, errcat's copy of CLDR's cardinal
// plural rules (samples included: the runtimes' tests evaluate every one),
// from the cldr-core package pinned in tests/typescript/package-lock.json.
// `--check` fails when the committed copy differs (CI).
//
//   node scripts/cldr_plurals.mjs [--check]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const source = join(root, "tests/typescript/node_modules/cldr-core/supplemental/plurals.json");
const target = join(root, "codegen/src/l10n/cldr_plurals.json");

const { supplemental } = JSON.parse(readFileSync(source, "utf8"));
const locales = {};
for (const [tag, rules] of Object.entries(supplemental["plurals-type-cardinal"])) {
  locales[tag] = {};
  for (const [key, rule] of Object.entries(rules)) {
    locales[tag][key.replace("pluralRule-count-", "")] = rule.trim();
  }
}
const data = {
  "@generated": "by node scripts/cldr_plurals.mjs from cldr-core (Unicode CLDR, Unicode License v3)",
  cldr: supplemental.version._cldrVersion,
  locales,
};
const text = `${JSON.stringify(data, null, 1)}\n`;
if (process.argv.includes("--check")) {
  if (readFileSync(target, "utf8") !== text) {
    console.error(`${target} is stale: run node scripts/cldr_plurals.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
}
