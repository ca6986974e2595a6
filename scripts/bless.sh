#!/usr/bin/env bash
# One command that settles every committed file derived from the sources
# after a change: the compiled TypeScript runtime (tsc), every catalog's
# generated/ folder, the golden files (UPDATE_EXPECT=1), the generated docs
# pages (diagnostics.md, catalog-format.md tables, the committed JSON
# Schema) and the UI test outputs. Some feed others (the schema feeds the
# generated folders, the runtime feeds every package), so it runs the suite
# until a run changes nothing, at most four times. Never in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${CI:-}" ]; then echo "bless rewrites files; not in CI" >&2; exit 1; fi
catalogs=(catalog examples/basic/catalog examples/seeds/{roboflow,vision-api,rotavision,clarifai,promptfloe}/catalog
  examples/sqlstate/catalog examples/diagnostics/catalog examples/grpc/catalog)
for round in 1 2 3 4; do
  before=$(git status --porcelain | sha1sum)
  if [ -d tests/typescript/node_modules ]; then
    node tests/typescript/runtime.mjs --bless
  else
    echo "tests/typescript/node_modules missing (cd tests/typescript && npm ci): the compiled runtime is not checked"
  fi
  for catalog in "${catalogs[@]}"; do
    cargo errcat generate --catalog "$catalog" >/dev/null
  done
  UPDATE_EXPECT=1 cargo test -q --workspace --no-fail-fast >/dev/null 2>&1 || true
  after=$(git status --porcelain | sha1sum)
  if [ "$before" = "$after" ] && cargo test -q --workspace >/dev/null 2>&1; then
    echo "settled after $round run(s)"; exit 0
  fi
done
echo "still changing after 4 runs: run \`cargo test --workspace\` to see what fails" >&2
exit 1
