#!/usr/bin/env bash
# The generated clients as their users get them: the TypeScript package
# packed with `npm pack` and installed into a fresh npm project, used from
# plain Node.js ESM and from a TypeScript project under `tsc --strict`; the
# Python package installed with pip into a fresh venv, built as a wheel, and
# type-checked with mypy --strict from outside; the Go module required by a
# fresh Go module (a replace directive, as before it is published), built,
# vetted and run. Each runs the conformance cases with the one call its
# runner offers (Go: `go test` in the module).
#
# Usage: scripts/install_clients.sh [GENERATED_DIR]  (default: generated)
# Needs node/npm, tests/typescript/node_modules (for tsc), python3, and
# MYPY (default: target/contracts-venv/bin/mypy), and go when the folder has
# a Go module.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
generated=${1:-generated}
tsc="$root/tests/typescript/node_modules/.bin/tsc"
mypy=${MYPY:-$root/target/contracts-venv/bin/mypy}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
npm_name=$(node -p "require('./$generated/typescript/package.json').name")
python_name=$(ls -d "$generated"/python/*/ | xargs -n1 basename)
before=$(git status --porcelain --ignored -- "$generated")

echo "== npm pack $generated/typescript ($npm_name)"
tarball=$(cd "$work" && npm pack --silent "$root/$generated/typescript")
tar -tzf "$work/$tarball" | sort | sed 's/^/   /'

echo "== a plain JavaScript project (Node.js ESM) installs it"
mkdir "$work/js" && cd "$work/js"
printf '{"name":"js-user","private":true,"type":"module"}\n' > package.json
npm install --silent --no-audit --no-fund "$work/$tarball"
cat > index.js <<JS
import * as errors from "$npm_name";
import { runConformance } from "$npm_name/conformance";
const sample = errors.fromResponse(429, [["Retry-After", "7"]], JSON.stringify({ error: { code: "rate_limited", message: "slow down" } }));
if (!(sample instanceof errors.CatalogError)) throw new Error("not a CatalogError");
console.log("   " + errors.CATALOG_NAME + ": " + runConformance() + " conformance cases pass from plain JavaScript");
JS
node index.js
cd "$root"

echo "== a TypeScript project installs it and compiles under tsc --strict"
mkdir "$work/ts" && cd "$work/ts"
printf '{"name":"ts-user","private":true,"type":"module"}\n' > package.json
npm install --silent --no-audit --no-fund "$work/$tarball"
cat > tsconfig.json <<JSON
{ "compilerOptions": { "strict": true, "noUncheckedIndexedAccess": true, "target": "ES2022",
  "module": "NodeNext", "moduleResolution": "NodeNext", "lib": ["ES2022", "DOM"], "types": [],
  "outDir": "out", "skipLibCheck": false }, "files": ["index.ts"] }
JSON
cat > index.ts <<TS
import { CatalogError, fromResponse, hasCode, type Code } from "$npm_name";
import { runConformance } from "$npm_name/conformance";
const error: CatalogError = fromResponse(500, [], "{}");
const code: Code | null = error.code;
// @ts-expect-error: a code that is not the catalog's does not type-check
const wrong: Code = "no_such_code_in_any_catalog";
if (code !== null && hasCode(error, code)) console.log("   narrowed");
const ran: number = runConformance();
console.log("   " + ran + " conformance cases pass from TypeScript", wrong === code);
TS
"$tsc" -p .
node out/index.js
cd "$root"

echo "== pip installs $generated/python into a fresh venv ($python_name)"
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check "$root/$generated/python"
"$work/venv/bin/pip" wheel --quiet --disable-pip-version-check --no-deps -w "$work/wheels" "$root/$generated/python"
ls "$work/wheels" | sed 's/^/   built /'
cd "$work"
"$work/venv/bin/python" - <<PY
import $python_name as errors
from $python_name import conformance
error = errors.from_response(429, {"Retry-After": "7"}, b'{"error": {"code": "rate_limited"}}')
assert isinstance(error, errors.CatalogError)
print("   " + errors.CATALOG_NAME + ": " + str(conformance.run()) + " conformance cases pass from the installed package")
PY
cat > usage.py <<PY
from $python_name import CatalogError, from_response


def status_of(body: bytes) -> int:
    error: CatalogError = from_response(500, {}, body)
    return error.status
PY
"$mypy" --strict --no-incremental --python-executable "$work/venv/bin/python" usage.py
cd "$root"

if [ -f "$generated/go/go.mod" ]; then
  go_module=$(sed -n 's/^module //p' "$generated/go/go.mod")
  echo "== a fresh Go module requires $go_module, builds, vets and runs"
  mkdir "$work/go" && cd "$work/go"
  export GOPROXY=off GOFLAGS=-mod=mod GOCACHE="${GOCACHE:-$root/target/go-cache}"
  cat > go.mod <<GOMOD
module example.com/user

go 1.19

require $go_module v0.0.0

replace $go_module => $root/$generated/go
GOMOD
  cat > main.go <<GO
package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"

	catalog "$go_module"
)

func main() {
	codes := catalog.Codes()
	sent := catalog.New(codes[0], nil).WithRequestID("req_user")
	recorder := httptest.NewRecorder()
	catalog.WriteError(recorder, sent)
	got := catalog.FromResponse(recorder.Result())
	if !errors.Is(got, codes[0]) || got.RequestID != "req_user" {
		panic(fmt.Sprintf("%s read back as %+v", codes[0], got))
	}
	unknown := catalog.Parse(http.StatusTeapot, nil, []byte("{}"))
	var asError *catalog.Error
	if !errors.As(error(unknown), &asError) || unknown.Code != "" {
		panic("an unknown response is not an *Error")
	}
	fmt.Printf("   %s: %d codes, written and read back from a user's module\\n", catalog.CatalogName, len(codes))
}
GO
  go vet ./...
  go run .
  (cd "$root/$generated/go" && go test -count=1 . | sed 's/^/   /')
  unset GOFLAGS GOPROXY
  cd "$root"
fi
if [ "$(git status --porcelain --ignored -- "$generated")" != "$before" ]; then
  echo "installing wrote into $generated:"; git status --porcelain --ignored -- "$generated"; exit 1
fi
echo "== the clients install and pass their cases"
