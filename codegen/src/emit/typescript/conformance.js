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
import { CatalogError, create, fromResponse, negotiateLocale, pluralCategory, renderTemplate } from "./runtime.js";
function shipped() {
    const text = readFileSync(new URL("./conformance.json", import.meta.url), "utf8");
    return JSON.parse(text);
}
/** The cases shipped with this package (`conformance.json`). */
export function conformanceCases() {
    return shipped().cases;
}
/** The template cases shipped with this package. */
export function templateCases() {
    return shipped().templates ?? [];
}
/** What this package renders differently for one template case. */
export function checkTemplate(testCase) {
    const found = renderTemplate(testCase.template, testCase.params, testCase.plurals);
    if (found === testCase.expect)
        return [];
    return [
        `template ${JSON.stringify(testCase.template)}: rendered ${JSON.stringify(found)}, expected ${JSON.stringify(testCase.expect)}`,
    ];
}
/** The plural, localized and negotiation cases shipped with this package. */
export function localizationCases() {
    return shipped();
}
/** What this package decides differently for the plural, localized and negotiation cases. */
export function checkLocalization(shippedCases = localizationCases()) {
    const problems = [];
    for (const c of shippedCases.plurals ?? []) {
        const found = pluralCategory(c.rules, c.number);
        if (found !== c.expect)
            problems.push(`plural ${c.locale} ${JSON.stringify(c.number)}: ${found}, expected ${c.expect}`);
    }
    for (const c of shippedCases.localized ?? []) {
        const error = create(c.code, c.params);
        const found = { title: error.titleIn(c.request), message: error.messageIn(c.request) };
        const message = found.message;
        if (found.title !== c.expect.title)
            problems.push(`${c.code} in ${c.request}: title ${JSON.stringify(found.title)}, expected ${JSON.stringify(c.expect.title)}`);
        if (message !== c.expect.message)
            problems.push(`${c.code} in ${c.request}: message ${JSON.stringify(message)}, expected ${JSON.stringify(c.expect.message)}`);
    }
    for (const c of shippedCases.negotiation ?? []) {
        const found = negotiateLocale(c.accept_language);
        if (found !== c.expect)
            problems.push(`Accept-Language ${JSON.stringify(c.accept_language)}: ${found}, expected ${c.expect}`);
    }
    return problems;
}
/** What this package gets wrong about one case; empty when nothing. */
export function checkCase(testCase) {
    const { name, response, expect } = testCase;
    const problems = [];
    const same = (what, found, expected) => {
        if (!deepEqual(found, expected)) {
            problems.push(`${name}: ${what} is ${JSON.stringify(found)}, expected ${JSON.stringify(expected)}`);
        }
    };
    const error = fromResponse(response.status, response.headers, response.body);
    if (!(error instanceof CatalogError) || !(error instanceof Error))
        return [`${name}: fromResponse did not give a CatalogError`];
    same("code", error.code, expect.code);
    if (expect.wire_code !== undefined)
        same("wire code", error.wireCode, expect.wire_code);
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
    if (expect.telemetry !== undefined)
        same("telemetry labels", error.telemetryLabels(), expect.telemetry);
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
            problems.push(`${name}: attempt ${step.attempt} waits ${bounds.join("..")} ms, expected ${step.min_ms}..${step.max_ms}`);
        }
        for (const r of [0, 0.5, 0.999999]) {
            const delay = error.retryDelay(step.attempt, () => r, true);
            if (delay === null || delay < bounds[0] || delay > bounds[1]) {
                problems.push(`${name}: attempt ${step.attempt} drew ${delay} outside ${bounds.join("..")}`);
            }
        }
    }
    if (expect.localized !== undefined)
        same("localized message", error.localized, expect.localized);
    if (expect.body !== undefined)
        same("body written back", error.toJSON(), expect.body);
    return problems;
}
/**
 * Runs every case and template case (the shipped ones unless given);
 * throws an `Error` naming every problem; returns how many ran.
 */
export function runConformance(cases = conformanceCases(), templates = templateCases(), localization = localizationCases()) {
    const problems = [
        ...cases.flatMap(checkCase),
        ...templates.flatMap(checkTemplate),
        ...checkLocalization(localization),
    ];
    if (problems.length > 0) {
        throw new Error(`${problems.length} conformance problem(s):\n${problems.join("\n")}`);
    }
    const others = (localization.plurals?.length ?? 0) +
        (localization.localized?.length ?? 0) +
        (localization.negotiation?.length ?? 0);
    return cases.length + templates.length + others;
}
function close(a, b) {
    return b !== undefined && Math.abs(a - b) < 1e-6;
}
/** Structural equality of JSON values, key order aside. */
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    if (ka.length !== kb.length)
        return false;
    return ka.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
}
