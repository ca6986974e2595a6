// Runs a catalog's conformance cases (generated/conformance/cases.json)
// against its generated TypeScript module, as the Rust runtime does in
// tests/support/conformance.rs.

import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

interface Step { attempt: number; stop?: boolean; min_ms?: number; max_ms?: number }
interface Case {
  name: string;
  response: { status: number; headers: [string, string][]; body: string };
  expect: {
    code: string | null; wire_code?: string; class?: string | null; fault?: string; status: number;
    retryable: boolean; message: string; request_id: string | null; retry_after_ms: number | null;
    retry: Step[]; body?: unknown; operation?: boolean; idempotent_only?: boolean;
  };
}

/** What the runner needs of a generated module. */
export interface Module {
  CatalogError: abstract new (...args: never[]) => unknown;
  fromResponse(status: number, headers: Iterable<readonly [string, string]>, body: string): {
    readonly code: string | null; readonly wireCode: string; readonly className: string | null;
    readonly fault: string; readonly name: string; readonly status: number; readonly retryable: boolean;
    readonly message: string; readonly requestId: string | null; readonly retryAfterMs: number | null;
    readonly requiresIdempotent: boolean; readonly operationBackoff: unknown;
    delayBounds(attempt: number): readonly [number, number] | null;
    retryDelay(attempt: number, random?: () => number, idempotent?: boolean): number | null;
    toJSON(): unknown;
  };
}

const close = (a: number, b: number | undefined): boolean => b !== undefined && Math.abs(a - b) < 1e-6;

/** Runs every case of the file at `path`; returns how many ran. */
export function runCases(errors: Module, path: string): number {
  const cases = (JSON.parse(readFileSync(path, "utf8")) as { cases: Case[] }).cases;
  for (const { name, response, expect } of cases) {
    const error = errors.fromResponse(response.status, response.headers, response.body);
    assert.ok(error instanceof errors.CatalogError, name);
    assert.ok(error instanceof Error, name);
    assert.equal(error.code, expect.code, `${name}: code`);
    if (expect.wire_code !== undefined) assert.equal(error.wireCode, expect.wire_code, `${name}: wire code`);
    if (expect.code !== null) {
      assert.equal(error.className, expect.class ?? null, `${name}: class`);
      assert.equal(error.fault, expect.fault, `${name}: fault`);
      assert.equal(error.name, expect.class ?? "CatalogError", `${name}: name`);
    }
    assert.equal(error.status, expect.status, `${name}: status`);
    assert.equal(error.retryable, expect.retryable, `${name}: retryable`);
    assert.equal(error.operationBackoff !== null, expect.operation ?? false, `${name}: operation`);
    assert.equal(error.requiresIdempotent, expect.idempotent_only ?? false, `${name}: idempotent only`);
    if (expect.idempotent_only === true) assert.equal(error.retryDelay(1), null, `${name}: not known idempotent`);
    assert.equal(error.message, expect.message, `${name}: message`);
    assert.equal(error.requestId, expect.request_id, `${name}: request id`);
    assert.equal(error.retryAfterMs, expect.retry_after_ms, `${name}: Retry-After`);
    for (const step of expect.retry) {
      const bounds = error.delayBounds(step.attempt);
      if (step.stop === true) {
        assert.equal(bounds, null, `${name}: attempt ${step.attempt} stops`);
        assert.equal(error.retryDelay(step.attempt, Math.random, true), null);
        continue;
      }
      assert.ok(bounds !== null, `${name}: attempt ${step.attempt} retries`);
      assert.ok(close(bounds[0], step.min_ms) && close(bounds[1], step.max_ms), `${name}: attempt ${step.attempt}: ${bounds.join("..")}`);
      for (const r of [0, 0.5, 0.999999]) {
        const delay = error.retryDelay(step.attempt, () => r, true);
        assert.ok(delay !== null && delay >= bounds[0] && delay <= bounds[1], `${name}: ${delay}`);
      }
    }
    if (expect.body !== undefined) assert.deepEqual(error.toJSON(), expect.body, `${name}: body written back`);
  }
  return cases.length;
}
