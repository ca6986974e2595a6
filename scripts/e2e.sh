#!/usr/bin/env bash
# End to end: starts the example axum server on a free loopback port, then
# runs the generated TypeScript client (node's fetch), Python client
# (urllib) and Go client (net/http) against it. Expects tests/typescript to
# be built (`npm test`), a Python with pytest (PYTHON, default python3) and
# Go.
set -euo pipefail
cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"
cargo build --quiet --example server --features axum
log=$(mktemp)
# Where cargo put it: a shared CARGO_TARGET_DIR is honoured.
PORT=0 "${CARGO_TARGET_DIR:-target}/debug/examples/server" > "$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 100); do
  grep -q "listening on" "$log" && break
  sleep 0.1
done
base=$(sed -n 's/^listening on //p' "$log" | head -1)
[ -n "$base" ] || { echo "the server did not start:"; cat "$log"; exit 1; }
echo "server at $base"
E2E_BASE_URL="$base" node --test target/ts/tests/typescript/e2e.test.js
E2E_BASE_URL="$base" PYTHONDONTWRITEBYTECODE=1 "$python" -m pytest -q -p no:cacheprovider tests/python/test_e2e.py
(cd tests/go && E2E_BASE_URL="$base" GOPROXY=off GOFLAGS=-mod=mod go test -count=1 ./...)
