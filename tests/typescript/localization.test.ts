// Localized messages in the generated TypeScript package: errcat's plural
// evaluator against Node's own Intl.PluralRules (ICU, the same CLDR) for
// every locale both know, messages in a locale, and negotiation.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import * as errors from "../../generated/typescript/src/errors.js";

const root = resolve(process.env["ERRCAT_ROOT"] ?? "../..");
type Cldr = { cldr: string; locales: Record<string, Record<string, string>> };
const cldr = JSON.parse(readFileSync(join(root, "codegen/src/l10n/cldr_plurals.json"), "utf8")) as Cldr;

/** A locale's rules as errcat ships them: samples dropped, `other` implied. */
function rulesText(rules: Record<string, string>): string {
  const order = ["zero", "one", "two", "few", "many"];
  return Object.entries(rules)
    .filter(([category]) => category !== "other")
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([category, rule]) => `${category}: ${rule.split("@")[0]!.trim()}`)
    .join("; ");
}

test("the plural evaluator decides as Node's Intl.PluralRules", () => {
  let checked = 0;
  const numbers: string[] = [];
  for (let n = 0; n <= 220; n++) numbers.push(String(n));
  numbers.push("1000", "1000000", "2000000", "0.0", "0.5", "1.0", "1.5", "2.25", "10.10", "101.0", "1.000");
  for (const [tag, rules] of Object.entries(cldr.locales)) {
    if (tag === "root" || Intl.PluralRules.supportedLocalesOf([tag]).length === 0) continue;
    const text = rulesText(rules);
    for (const number of numbers) {
      const digits = number.includes(".") ? number.split(".")[1]!.length : 0;
      const intl = new Intl.PluralRules(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
      assert.equal(errors.pluralCategory(text, number), intl.select(Number(number)), `${tag} ${number}: ${text}`);
      checked++;
    }
  }
  assert.ok(checked > 20_000, `${checked}`);
});

test("messages in a locale follow its plural forms and fallbacks", () => {
  const error = errors.create("rate_limited", { limit: 25, window: 60 });
  assert.equal(error.messageIn("pl-PL"), "Przekroczono limit żądań: 25 wywołań na 60 sekund.");
  assert.equal(error.messageIn("fr-CH"), "Limite de débit dépassée : 25 appels par tranche de 60 secondes.");
  assert.equal(error.messageIn("de"), error.message);
  assert.equal(error.titleIn("pl"), "Przekroczono limit żądań");
  const given = errors.create("rate_limited", { limit: 1, window: 1 }, { message: "slow down" });
  assert.equal(given.messageIn("fr"), "slow down");
  assert.equal(errors.negotiateLocale("de-DE, pl;q=0.8, fr;q=0.9"), "fr");
  assert.equal(errors.negotiateLocale(""), "en");
  assert.equal(errors.findLocale("FR_ch"), 1);
});
