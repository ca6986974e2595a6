// The catalog's conformance cases, run against this package: what an SDK's
// own test suite calls to prove it reads every error response as errcat's
// Rust runtime does.
//
//   import { runConformance } from "payments-errors/conformance";
//   test("conformance", () => { runConformance(); });
//
// Each case is an HTTP error response and what a client must make of it:
// the code, SDK class, fault, retryability, message, request id,
// `Retry-After`, the delay bounds of each retry, and the body written back.
// Node.js only (it reads conformance.json from beside this file).

import { readFileSync } from "node:fs";
import type { Code } from "./data.js";
import { CatalogError, create, fromResponse, negotiateLocale, pluralCategory, renderTemplate } from "./runtime.js";

/** One step of a case's retry schedule. */
export interface ConformanceStep {
  readonly attempt: number;
  readonly stop?: boolean;
  readonly min_ms?: number;
  readonly max_ms?: number;
}

/** One case: a response, and what the client must make of it. */
export interface ConformanceCase {
  readonly name: string;
  readonly response: {
    readonly status: number;
    readonly headers: readonly (readonly [string, string])[];
    readonly body: string;
  };
  readonly expect: {
    readonly code: string | null;
    readonly wire_code?: string;
    readonly class?: string | null;
    readonly fault?: string;
    readonly telemetry?: Readonly<Record<string, string | boolean>>;
    readonly status: number;
    readonly retryable: boolean;
    readonly message: string;
    readonly request_id: string | null;
    readonly retry_after_ms: number | null;
    readonly retry: readonly ConformanceStep[];
    readonly body?: unknown;
    readonly operation?: boolean;
    readonly idempotent_only?: boolean;
    readonly localized?: { readonly locale: string; readonly message: string };
  };
}

/** One template case: a template, its params, its locale's plural rules, and the message errcat's Rust runtime renders. */
export interface TemplateCase {
  readonly template: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly plurals?: string;
  readonly expect: string;
}

/** One plural case: a locale's CLDR rules, a number as shown, and its category. */
export interface PluralCase {
  readonly locale: string;
  readonly rules: string;
  readonly number: string;
  readonly expect: string;
}

/** One localized case: a code's error from its params, and what it says in the locale `request` names. */
export interface LocalizedCase {
  readonly code: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly request: string;
  readonly expect: { readonly locale: string; readonly title: string; readonly message: string };
}

/** One negotiation case: an `Accept-Language` header and the locale it is answered in. */
export interface NegotiationCase {
  readonly accept_language: string;
  readonly expect: string;
}

/** The plural, localized and negotiation cases. */
export interface LocalizationCases {
  readonly plurals?: readonly PluralCase[];
  readonly localized?: readonly LocalizedCase[];
  readonly negotiation?: readonly NegotiationCase[];
}

interface Shipped extends LocalizationCases {
  cases: ConformanceCase[];
  templates?: TemplateCase[];
}

function shipped(): Shipped {
  const text = readFileSync(new URL("./conformance.json", import.meta.url), "utf8");
  return JSON.parse(text) as Shipped;
}

/** The cases shipped with this package (`conformance.json`). */
export function conformanceCases(): ConformanceCase[] {
  return shipped().cases;
}

/** The template cases shipped with this package. */
export function templateCases(): TemplateCase[] {
  return shipped().templates ?? [];
}

/** What this package renders differently for one template case. */
export function checkTemplate(testCase: TemplateCase): string[] {
  const found = renderTemplate(testCase.template, testCase.params, testCase.plurals);
  if (found === testCase.expect) return [];
  return [
    `template ${JSON.stringify(testCase.template)}: rendered ${JSON.stringify(found)}, expected ${JSON.stringify(testCase.expect)}`,
  ];
}

/** The plural, localized and negotiation cases shipped with this package. */
export function localizationCases(): LocalizationCases {
  return shipped();
}

/** What this package decides differently for the plural, localized and negotiation cases. */
export function checkLocalization(shippedCases: LocalizationCases = localizationCases()): string[] {
  const problems: string[] = [];
  for (const c of shippedCases.plurals ?? []) {
    const found = pluralCategory(c.rules, c.number);
    if (found !== c.expect)
      problems.push(`plural ${c.locale} ${JSON.stringify(c.number)}: ${found}, expected ${c.expect}`);
  }
  for (const c of shippedCases.localized ?? []) {
    const error = create(c.code as Code, c.params);
    const found = { title: error.titleIn(c.request), message: error.messageIn(c.request) };
    const message = found.message;
    if (found.title !== c.expect.title)
      problems.push(
        `${c.code} in ${c.request}: title ${JSON.stringify(found.title)}, expected ${JSON.stringify(c.expect.title)}`,
      );
    if (message !== c.expect.message)
      problems.push(
        `${c.code} in ${c.request}: message ${JSON.stringify(message)}, expected ${JSON.stringify(c.expect.message)}`,
      );
  }
  for (const c of shippedCases.negotiation ?? []) {
    const found = negotiateLocale(c.accept_language);
    if (found !== c.expect)
      problems.push(`Accept-Language ${JSON.stringify(c.accept_language)}: ${found}, expected ${c.expect}`);
  }
  return problems;
}

/** What this package gets wrong about one case; empty when nothing. */
export function checkCase(testCase: ConformanceCase): string[] {
  const { name, response, expect } = testCase;
  const problems: string[] = [];
  const same = (what: string, found: unknown, expected: unknown): void => {
    if (!deepEqual(found, expected)) {
      problems.push(`${name}: ${what} is ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
    }
  };
  const error = fromResponse(response.status, response.headers, response.body);
  if (!(error instanceof CatalogError) || !(error instanceof Error))
    return [`${name}: fromResponse did not give a CatalogError`];
  same("code", error.code, expect.code);
  if (expect.wire_code !== undefined) same("wire code", error.wireCode, expect.wire_code);
  if (expect.code !== null) {
    same("class", error.className, expect.class ?? null);
    same("fault", error.fault, expect.fault);
    same("name", error.name, expect.class ?? "CatalogError");
  }
  same("status", error.status, expect.status);
  same("retryable", error.retryable, expect.retryable);
  same("operation", error.retryPolicy.strategy === "operation", expect.operation ?? false);
  same("idempotent only", error.requiresIdempotent, expect.idempotent_only ?? false);
  if (expect.idempotent_only === true && error.retryDelay(1) !== null) {
    problems.push(`${name}: retried a request not known to be idempotent`);
  }
  if (expect.telemetry !== undefined) same("telemetry labels", error.telemetryLabels(), expect.telemetry);
  same("message", error.message, expect.message);
  same("request id", error.requestId, expect.request_id);
  same("Retry-After", error.retryAfterMs, expect.retry_after_ms);
  for (const step of expect.retry) {
    const bounds = error.delayBounds(step.attempt);
    if (step.stop === true) {
      if (bounds !== null || error.retryDelay(step.attempt, Math.random, true) !== null) {
        problems.push(`${name}: attempt ${step.attempt} should stop, got ${JSON.stringify(bounds)}`);
      }
      continue;
    }
    if (bounds === null) {
      problems.push(`${name}: attempt ${step.attempt} should retry`);
      continue;
    }
    if (!close(bounds[0], step.min_ms) || !close(bounds[1], step.max_ms)) {
      problems.push(
        `${name}: attempt ${step.attempt} waits ${bounds.join("..")} ms, expected ${step.min_ms}..${step.max_ms}`,
      );
    }
    for (const r of [0, 0.5, 0.999999]) {
      const delay = error.retryDelay(step.attempt, () => r, true);
      if (delay === null || delay < bounds[0] || delay > bounds[1]) {
        problems.push(`${name}: attempt ${step.attempt} drew ${delay} outside ${bounds.join("..")}`);
      }
    }
  }
  if (expect.localized !== undefined) same("localized message", error.localized, expect.localized);
  if (expect.body !== undefined) same("body written back", error.toJSON(), expect.body);
  return problems;
}

/**
 * Runs every case and template case (the shipped ones unless given);
 * throws an `Error` naming every problem; returns how many ran.
 */
export function runConformance(
  cases: readonly ConformanceCase[] = conformanceCases(),
  templates: readonly TemplateCase[] = templateCases(),
  localization: LocalizationCases = localizationCases(),
): number {
  const problems = [
    ...cases.flatMap(checkCase),
    ...templates.flatMap(checkTemplate),
    ...checkLocalization(localization),
  ];
  if (problems.length > 0) {
    throw new Error(`${problems.length} conformance problem(s):\n${problems.join("\n")}`);
  }
  const others =
    (localization.plurals?.length ?? 0) +
    (localization.localized?.length ?? 0) +
    (localization.negotiation?.length ?? 0);
  return cases.length + templates.length + others;
}

function close(a: number, b: number | undefined): boolean {
  return b !== undefined && Math.abs(a - b) < 1e-6;
}

/** Structural equality of JSON values, key order aside. */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every(
    (k) => Object.hasOwn(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
