// The runtime and the conformance runner that every generated TypeScript
// package ships are the same for every catalog, so their compiled forms
// (.js and .d.ts) are tsc's output, committed beside their sources in
// codegen/src/emit/typescript/. `node runtime.mjs` fails when they are not
// what this tsc makes of the sources; `node runtime.mjs --bless` rewrites
// them. Any catalog's data.ts stands in for the data they import.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const sources = join(root, "codegen/src/emit/typescript");
const work = mkdtempSync(join(tmpdir(), "errcat-runtime-"));
for (const file of ["runtime.ts", "conformance.ts"]) cpSync(join(sources, file), join(work, file));
// Without its @generated line, which the emitter adds to each file it writes.
const data = readFileSync(join(root, "generated/typescript/src/data.ts"), "utf8").replace(
  /^\/\/ @generated[^\n]*\n/,
  "",
);
writeFileSync(join(work, "data.ts"), data);

const options = {
  strict: true,
  noUncheckedIndexedAccess: true,
  noImplicitOverride: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ES2022,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  types: ["node"],
  typeRoots: [join(dirname(fileURLToPath(import.meta.url)), "node_modules/@types")],
  declaration: true,
  newLine: ts.NewLineKind.LineFeed,
  outDir: join(work, "out"),
};
const program = ts.createProgram([join(work, "runtime.ts"), join(work, "conformance.ts")], options);
const emitted = program.emit();
const problems = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
if (problems.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => work, getNewLine: () => "\n" };
  console.error(ts.formatDiagnostics(problems, host));
  process.exit(1);
}
const bless = process.argv.includes("--bless");
const stale = [];
for (const file of ["runtime.js", "runtime.d.ts", "conformance.js", "conformance.d.ts"]) {
  const made = readFileSync(join(work, "out", file), "utf8");
  const committed = join(sources, file);
  let have = "";
  try {
    have = readFileSync(committed, "utf8");
  } catch {}
  if (made !== have) {
    stale.push(file);
    if (bless) writeFileSync(committed, made);
  }
}
if (stale.length > 0 && !bless) {
  console.error(
    `stale compiled runtime in codegen/src/emit/typescript: ${stale.join(", ")}; run \`node tests/typescript/runtime.mjs --bless\`, then \`cargo errcat generate\``,
  );
  process.exit(1);
}
console.log(bless && stale.length > 0 ? `rewrote ${stale.join(", ")}` : "compiled runtime is fresh");
