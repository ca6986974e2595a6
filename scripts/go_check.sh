#!/usr/bin/env bash
# Every generated Go module held to Go's own tools: gofmt -l prints nothing,
# go vet and staticcheck are clean, and go test runs every conformance case
# (and the module's example). Go and staticcheck are Debian's packages
# (golang-go, go-staticcheck); nothing is fetched from the module proxy, as
# the modules use the standard library only.
#
# Usage: scripts/go_check.sh [GENERATED_GO_DIR...]  (default: every catalog's)
set -euo pipefail
cd "$(dirname "$0")/.."
staticcheck=$(command -v staticcheck || command -v go-staticcheck)
if [ $# -eq 0 ]; then
  set -- generated/go examples/*/generated/go examples/seeds/*/generated/go codegen/tests/fixtures/good/*/expected/go
fi
# The runs must not write into the committed folders, nor reach the network.
export GOFLAGS=-mod=mod GOPROXY=off GOCACHE="${GOCACHE:-$PWD/target/go-cache}" GOTELEMETRY=off
for module in "$@"; do
  [ -f "$module/go.mod" ] || continue
  echo "== $module ($(sed -n 's/^module //p' "$module/go.mod"))"
  unformatted=$(gofmt -l "$module")
  if [ -n "$unformatted" ]; then echo "gofmt would change: $unformatted"; exit 1; fi
  (cd "$module" && go vet ./... && "$staticcheck" ./... && go test -count=1 ./... | sed 's/^/   /')
done
