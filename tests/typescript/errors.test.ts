// The generated TypeScript module of errcat's own catalog: it type-checks
// under `tsc --strict`, passes every conformance case the Rust runtime
// passes, and its classes and guards hold across duplicated copies.

import assert from "node:assert/strict";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import * as errors from "../../generated/typescript/src/errors.js";
import { runCases } from "./conformance.js";

const root = resolve(process.env["ERRCAT_ROOT"] ?? "../..");

test("every conformance case", async () => {
  assert.ok((await runCases("../../generated/typescript/src", join(root, "generated"))) > 60);
});

test("a hostile catalog's module type-checks and passes its cases", async () => {
  const dir = "codegen/tests/fixtures/good/hostile/expected";
  assert.ok((await runCases(`../../${dir}/typescript/src`, join(root, dir))) >= 3);
});

test("Google, JSON:API and GraphQL bodies: written and read as the Rust runtime does", async () => {
  const dir = "codegen/tests/fixtures/good/wire_styles/expected";
  assert.ok((await runCases(`../../${dir}/typescript/src`, join(root, dir))) >= 10);
  const wire = await import("../../codegen/tests/fixtures/good/wire_styles/expected/typescript/src/errors.js");
  const error = wire.create(
    "rate_limited",
    { limit: 5, window: 60 },
    { requestId: "req_1", retryAfterMs: 1500, param: "limit" },
  );
  assert.equal(error.grpcCode, "RESOURCE_EXHAUSTED");
  const body = error.toJSON() as { error: { code: number; status: string; details: Record<string, unknown>[] } };
  assert.equal(body.error.code, 429);
  assert.equal(body.error.status, "RESOURCE_EXHAUSTED");
  assert.deepEqual(body.error.details[0], {
    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
    reason: "rate_limited",
    domain: "wire.example.com",
    metadata: { limit: "5", window: "60" },
  });
  assert.deepEqual(body.error.details[2], { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1.5s" });
  const back = wire.fromResponse(429, [], JSON.stringify(body));
  assert.equal(back.code, "rate_limited");
  assert.equal(back.param, "limit");
  assert.equal(back.requestId, "req_1");
  assert.equal(back.retryAfterMs, 1500);
  assert.equal(wire.grpcForStatus(404), "NOT_FOUND");
  assert.equal(wire.grpcForStatus(418), "FAILED_PRECONDITION");
  assert.equal(wire.grpcForStatus(302), "UNKNOWN");
  const stale = wire.create("stale_version", { version: 7 });
  assert.equal(stale.retryPolicy.strategy, "operation");
  assert.equal(stale.operationBackoff, null);
  assert.equal(stale.retryDelay(1), null);
});

test("the gRPC example's Google bodies pass every case", async () => {
  const dir = "examples/grpc/generated";
  assert.ok((await runCases(`../../${dir}/typescript/src`, join(root, dir))) >= 10);
});

for (const seed of ["roboflow", "vision-api", "rotavision", "clarifai", "promptfloe"]) {
  test(`every conformance case of the ${seed} seed`, async () => {
    const dir = `examples/seeds/${seed}/generated`;
    assert.ok((await runCases(`../../${dir}/typescript/src`, join(root, dir))) >= 3);
  });
}

test("SQLSTATE identities: names, classes by prefix, and every case", async () => {
  const sqlstate = await import("../../examples/sqlstate/generated/typescript/src/errors.js");
  assert.ok(
    (await runCases("../../examples/sqlstate/generated/typescript/src", join(root, "examples/sqlstate/generated"))) >
      40,
  );
  assert.equal(sqlstate.lookup("unique_violation"), "23505");
  assert.equal(sqlstate.facts("23505").name, "unique_violation");
  assert.equal(sqlstate.lookup("22P99"), null);
  assert.equal(sqlstate.resolve("22P99"), "22000");
  assert.equal(sqlstate.resolve("99999"), null);
  assert.equal(sqlstate.resolve("22P99X"), null);
  // An unknown code's fault follows the status class alone, as in Rust.
  for (const [status, fault] of [
    [404, "client"],
    [503, "server"],
    [600, "none"],
    [302, "none"],
  ] as const) {
    const unknown = sqlstate.fromResponse(status, {}, JSON.stringify({ error: { code: "XYZ", message: "m" } }));
    assert.equal(unknown.telemetryLabels()["errcat.fault"], fault, String(status));
  }
  assert.equal(sqlstate.lookup("string_data_right_truncation"), null);
  assert.deepEqual(sqlstate.named("string_data_right_truncation"), ["01004", "22001"]);
  assert.deepEqual(sqlstate.named("unique_violation"), ["23505"]);
  assert.deepEqual(sqlstate.named("no_such_condition"), []);
  assert.equal(sqlstate.facts("01004").name, "string_data_right_truncation");
  assert.equal(sqlstate.facts("22001").category, "data_exception");
  const dataException = sqlstate.category("22");
  assert.equal(dataException?.generic, "22000");
  assert.equal(dataException?.prefix, "22");
  assert.ok(dataException?.codes.includes("22001"));
  assert.equal(sqlstate.category("data_exception"), dataException);
  assert.equal(sqlstate.category("2"), null);
  const error = sqlstate.fromResponse(500, {}, JSON.stringify({ error: { code: "40P99", message: "retry me" } }));
  assert.equal(error.code, "40000");
  assert.equal(error.wireCode, "40P99");
  assert.ok(!error.retryable);
  assert.equal(error.operationBackoff?.maxAttempts, 4);
  const lost = sqlstate.fromResponse(503, {}, JSON.stringify({ error: { code: "08006", message: "lost" } }));
  assert.ok(lost.requiresIdempotent);
  assert.equal(lost.retryDelay(1), null);
  assert.ok(lost.retryDelay(1, Math.random, true) !== null);
  assert.ok(error instanceof sqlstate.TransactionRollbackError);
  const typed = sqlstate.uniqueViolation({ constraint: "users_email_key" });
  assert.equal(typed.status, 409);
  assert.ok(typed instanceof sqlstate.IntegrityError);
});

test("typed constructors render the template and pick the SDK class", () => {
  const error = errors.rateLimited({ limit: 100, window: 60 }, { requestId: "req_1", retryAfterMs: 30000 });
  assert.ok(error instanceof errors.RateLimitError);
  assert.ok(!(error instanceof errors.ValidationError));
  assert.equal(error.message, "Rate limit exceeded: 100 calls per 60 seconds.");
  assert.equal(error.name, "RateLimitError");
  assert.equal(error.status, 429);
  assert.equal(error.docsUrl, "https://errcat.dev/errors/rate_limit.html#rate_limited");
  assert.ok(errors.hasCode(error, "rate_limited"));
  if (errors.hasCode(error, "rate_limited")) {
    // Typed: `limit` is a number here; a misspelt key would not compile.
    const limit: number | undefined = error.details.limit;
    assert.equal(limit, 100);
  }
  assert.ok(!errors.hasCode(error, "internal_error"));
  assert.deepEqual(error.details, { limit: 100, window: 60 });
  const body = error.toJSON() as { error: Record<string, unknown> };
  assert.equal(body.error["code"], "rate_limited");
  assert.equal(body.error["retry_after_ms"], 30000);
  assert.equal(errors.lookup("RATE_LIMIT_ERROR"), "rate_limited", "aliases resolve");
  assert.equal(errors.fromNumeric(17000), "rate_limited");
  assert.equal(errors.renderTemplate("{{literal}} {a}", { a: 1 }), "{literal} 1");
});

test("instanceof and guards hold across a duplicated copy of the module", async () => {
  const dir = mkdtempSync(join(tmpdir(), "errcat-ts-"));
  for (const file of ["errors.js", "runtime.js", "data.js"]) {
    copyFileSync(new URL(`../../generated/typescript/src/${file}`, import.meta.url), join(dir, file));
  }
  copyFileSync(new URL("../../package.json", import.meta.url), join(dir, "package.json"));
  const copy = (await import(pathToFileURL(join(dir, "errors.js")).href)) as typeof errors;
  assert.notEqual(copy.CatalogError, errors.CatalogError, "really two copies");
  const theirs = copy.rateLimited({ limit: 1, window: 1 });
  assert.ok(theirs instanceof errors.CatalogError);
  assert.ok(theirs instanceof errors.RateLimitError);
  assert.ok(!(theirs instanceof errors.ValidationError));
  assert.ok(errors.isCatalogError(theirs));
  assert.ok(!errors.isCatalogError(new Error("plain")));
  assert.ok(!errors.isCatalogError({ code: "rate_limited" }));
});

test("hostile responses never throw and stay bounded", () => {
  const huge = "x".repeat(300 * 1024);
  assert.match(errors.fromResponse(503, [], huge).message, /not parsed/);
  const deep = "[".repeat(100000) + "]".repeat(100000);
  assert.equal(errors.fromResponse(500, [], deep).status, 500);
  const bytes = new Uint8Array([0xff, 0xfe, 0x3c, 0x62, 0x3e]);
  assert.equal(errors.fromResponse(502, [], bytes).status, 502);
  const id = errors.fromResponse(500, { "X-Request-Id": `a\r\nSet-Cookie: x${"y".repeat(500)}` }, "").requestId;
  assert.ok(id !== null && id.length <= 256 && !id.includes("\n"));
  assert.equal(errors.fromResponse(503, { "Retry-After": "99999999999999999999" }, "").retryAfterMs, 4294967295000);
  assert.equal(errors.fromResponse(503, { "Retry-After": "soon" }, "").retryAfterMs, null);
  assert.equal(errors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.now()), 0);
});

test("what plain JavaScript passes never throws either", () => {
  const loose = errors.fromResponse as (status: unknown, headers: unknown, body: unknown) => errors.CatalogError;
  for (const headers of [undefined, null, 7, "x", [["Retry-After"]], [null], new Map([[1, 2]])]) {
    for (const body of [undefined, null, 42, {}, new ArrayBuffer(2), new DataView(new ArrayBuffer(1)), ""]) {
      assert.ok(loose(500, headers, body) instanceof errors.CatalogError);
    }
  }
  assert.equal(loose(Number.NaN, [], "").status, 0);
  // A numeric header value is read as its text.
  assert.equal(loose(503, [["Retry-After", 7]], "").retryAfterMs, 7000);
  assert.equal(loose(503, { "retry-after": 8 }, "").retryAfterMs, 8000);
  const throwing = {
    get forEach() {
      throw new Error("no");
    },
  };
  assert.ok(loose(500, throwing, "") instanceof errors.CatalogError);
  // Details nested deeper than any parse keeps are written pruned.
  let deep: unknown = 1;
  for (let i = 0; i < 5000; i++) deep = { d: deep };
  const built = errors.create("rate_limited", { limit: 1, window: 1 }, { details: { deep } });
  assert.ok(JSON.stringify(built).length < 2000);
  // Own params only: `constructor` is not Object's.
  assert.equal(errors.renderTemplate("{constructor} {toString}", {}), "{constructor} {toString}");
});
