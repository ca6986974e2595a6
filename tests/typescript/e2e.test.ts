// End to end: the example axum server (examples/server.rs) answers real
// requests over loopback; this client parses its errors with the generated
// module and follows the retry advice. scripts/e2e.sh starts the server and
// sets E2E_BASE_URL; without it there is nothing to talk to.

import assert from "node:assert/strict";
import { test } from "node:test";
import * as errors from "../../generated/typescript/src/errors.js";

const base = process.env["E2E_BASE_URL"];

async function get(path: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}${path}`, { headers });
}

async function failure(response: Response): Promise<errors.CatalogError> {
  return errors.fromResponse(response.status, response.headers, await response.text());
}

test("the server's errors parse to the catalog's codes and classes", { skip: base === undefined }, async () => {
  const notFound = await failure(await get("/projects/nonexistent", { "X-Request-Id": "req_e2e_ts" }));
  assert.ok(notFound instanceof errors.NotFoundError);
  assert.equal(notFound.code, "project_not_found");
  assert.equal(notFound.param, "project");
  assert.equal(notFound.requestId, "req_e2e_ts");
  assert.equal(notFound.retryable, false);
  const missing = await failure(await get("/secret"));
  assert.ok(errors.hasCode(missing, "missing_api_key"));
  assert.equal(missing.retryDelay(1), null, "never retried");
});

test("a rate-limited call is retried as Retry-After says, until it succeeds", {
  skip: base === undefined,
}, async () => {
  const started = Date.now();
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    const response = await get("/busy");
    if (response.ok) break;
    const error = await failure(response);
    assert.ok(error instanceof errors.RateLimitError);
    assert.equal(error.retryAfterMs, 1000);
    const delay = error.retryDelay(attempt);
    assert.ok(delay !== null, `attempt ${attempt} may retry`);
    assert.equal(delay, 1000, "the server's Retry-After, not a guess");
    waited += delay;
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
  assert.ok(waited >= 1000 && Date.now() - started >= waited);
});
