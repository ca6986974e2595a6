#!/usr/bin/env bash
# The generated TypeScript, Python and Go clients at 20,000 codes: module
# import time (Go: a program's run to its first lookup, data read
# included, and its first build) and name lookups, each beside a
# hand-written module holding the same data in a plain `Map` (TypeScript),
# `dict` (Python) or `map` literal (Go), which is what a team writes by hand
# instead. Also the generated size.
#
# Python imports are measured with bytecode cached, as after `pip install`.
#
# Usage: benches/clients.sh     Env: CODES (default 20000), WORK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
codes="${CODES:-20000}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-clients-bench}"
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -q -p errcat-codegen)
errcat="$target/release/errcat"
rm -rf "$work" && mkdir -p "$work"
"$errcat" synth --codes "$codes" --out "$work/catalog" > /dev/null
printf '\n[outputs]\ntypescript = true\npython = true\ngo = true\n' >> "$work/catalog/catalog.toml"
"$errcat" generate --catalog "$work/catalog" --generated "$work/generated" > /dev/null
ts="$work/generated/typescript"
py="$work/generated/python"
package="$(basename "$(dirname "$(ls "$py"/*/__init__.py)")")"

# The same data, hand-written: every code's facts as the generated modules
# hold them (read back from them), by name, in a Map or a dict.
cat > "$work/baseline-ts.mjs" <<'JS'
import { writeFileSync } from "node:fs";
const [ts, work] = process.argv.slice(2);
const data = await import(`${ts}/data.js`);
const facts = JSON.stringify(typeof data.CODES === "function" ? data.CODES() : data.CODES);
writeFileSync(
  `${work}/baseline.mjs`,
  `export const CODES = new Map(Object.entries(JSON.parse(${JSON.stringify(facts)})));\n` +
    "export function lookup(name) { return CODES.has(name) ? name : null; }\n",
);
writeFileSync(`${work}/names.json`, JSON.stringify(Object.keys(typeof data.NAMES === "function" ? data.NAMES() : data.NAMES)));
JS
node "$work/baseline-ts.mjs" "$ts" "$work"
PYTHONPATH="$py" python3 - "$work" "$package" <<'PY'
import importlib, sys
work, package = sys.argv[1:]
data = importlib.import_module(f"{package}._data")
with open(f"{work}/baseline.py", "w") as f:
    f.write("CODES = " + repr(dict(data._CODES)) + "\n")
    f.write("def lookup(name):\n    return name if name in CODES else None\n")
PY

node_time() { # MODULE: best of 5 cold imports, in ms
  for _ in 1 2 3 4 5; do
    node --input-type=module -e "const t = performance.now(); await import('$1'); console.log(performance.now() - t)"
  done | sort -n | head -1
}
py_time() { # DIR MODULE: best of 5 imports, bytecode cached (as after pip install)
  PYTHONPYCACHEPREFIX="$work/pycache" python3 -c "import sys; sys.path.insert(0, '$1'); import $2"
  for _ in 1 2 3 4 5; do
    PYTHONPYCACHEPREFIX="$work/pycache" python3 -c "import sys, time; sys.path.insert(0, '$1'); t = time.perf_counter(); import $2; print((time.perf_counter() - t) * 1000)"
  done | sort -n | head -1
}
ts_lookup() { # MODULE: ns per lookup over 1,000,000 lookups (hits and misses)
  node --input-type=module -e "
    import { readFileSync } from 'node:fs';
    const { lookup } = await import('$1');
    const names = JSON.parse(readFileSync('$work/names.json', 'utf8'));
    const keys = names.flatMap((n) => [n, n + '_x']);
    let found = 0;
    for (let i = 0; i < 200000; i++) if (lookup(keys[i % keys.length])) found++;
    const t = process.hrtime.bigint();
    for (let i = 0; i < 1000000; i++) if (lookup(keys[i % keys.length])) found++;
    console.log((Number(process.hrtime.bigint() - t) / 1e6).toFixed(1), found > 0);"
}
py_lookup() { # DIR MODULE
  PYTHONDONTWRITEBYTECODE=1 python3 -c "
import json, sys, time
sys.path.insert(0, '$1')
from $2 import lookup
names = json.load(open('$work/names.json'))
keys = [k for n in names for k in (n, n + '_x')]
t = time.perf_counter()
for i in range(1000000):
    lookup(keys[i % len(keys)])
print(f'{(time.perf_counter() - t) * 1000:.1f}')"
}

ts_import=$(node_time "$ts/errors.js"); ts_base=$(node_time "$work/baseline.mjs")
py_import=$(py_time "$py" "$package"); py_base=$(py_time "$work" baseline)
ts_look=$(ts_lookup "$ts/errors.js" | cut -d' ' -f1); ts_look_base=$(ts_lookup "$work/baseline.mjs" | cut -d' ' -f1)
py_look=$(py_lookup "$py" "$package"); py_look_base=$(py_lookup "$work" baseline)
ratio() { python3 -c "print(f'{$1 / $2:.2f}x')"; }
echo "| $codes codes | errcat | hand-written | ratio |"
echo "| --- | --- | --- | --- |"
echo "| TypeScript: import (best of 5) | ${ts_import%.*} ms | ${ts_base%.*} ms | $(ratio "$ts_import" "$ts_base") |"
echo "| TypeScript: 1,000,000 lookups | $ts_look ms | $ts_look_base ms | $(ratio "$ts_look" "$ts_look_base") |"
echo "| Python: import (best of 5) | ${py_import%.*} ms | ${py_base%.*} ms | $(ratio "$py_import" "$py_base") |"
echo "| Python: 1,000,000 lookups | $py_look ms | $py_look_base ms | $(ratio "$py_look" "$py_look_base") |"
echo
echo "generated size: TypeScript $(du -ch "$ts"/*.js | tail -1 | cut -f1) of JavaScript (+ $(du -ch "$ts"/*.d.ts | tail -1 | cut -f1) of declarations); Python $(du -sh "$py/$package" | cut -f1)"

if command -v go > /dev/null; then
  # The hand-written Go: every code's facts the generated data holds, as one
  # map literal keyed by wire name (what a team writes without errcat).
  gen="$work/generated/go"
  module=$(sed -n 's/^module //p' "$gen/go.mod")
  bench="$work/go-bench"
  mkdir -p "$bench/baseline"
  PYTHONPATH="$py" python3 - "$bench/baseline/codes.go" "$package" <<'PY'
import importlib, json, sys
out, package = sys.argv[1:]
data = importlib.import_module(f"{package}._data")
q = json.dumps
with open(out, "w") as f:
    f.write("package baseline\n\n// Facts is what a team writes down per code.\ntype Facts struct {\n\tStatus int\n\tKind, Fault, Title, Message, Retry string\n}\n\n")
    f.write("// Codes is every code by wire name.\nvar Codes = map[string]Facts{\n")
    for name, c in data._CODES.items():
        f.write(f"\t{q(name)}: {{{c['status']}, {q(c['kind'])}, {q(c['fault'])}, {q(c['title'])}, {q(c['message'])}, {q(c['retry'])}}},\n")
    f.write("}\n\n// Lookup returns the code with this wire name.\nfunc Lookup(name string) (string, bool) {\n\t_, ok := Codes[name]\n\treturn name, ok\n}\n")
PY
  cat > "$bench/go.mod" <<GOMOD
module bench

go 1.19

require $module v0.0.0

replace $module => $gen
GOMOD
  # Two programs, one per module, so each run pays only its own.
  for which in generated baseline; do
    mkdir -p "$bench/cmd-$which"
    if [ "$which" = generated ]; then import="lookups \"$module\""; else import='lookups "bench/baseline"'; fi
    cat > "$bench/cmd-$which/main.go" <<GO
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"time"

	$import
)

func lookup(name string) bool { _, ok := lookups.Lookup(name); return ok }

func main() {
	if os.Args[1] == "first" {
		fmt.Println(lookup("no_such_code"))
		return
	}
	var names []string
	text, _ := os.ReadFile(os.Args[2])
	_ = json.Unmarshal(text, &names)
	keys := make([]string, 0, 2*len(names))
	for _, n := range names {
		keys = append(keys, n, n+"_x")
	}
	found := 0
	for i := 0; i < 200000; i++ {
		if lookup(keys[i%len(keys)]) {
			found++
		}
	}
	start := time.Now()
	for i := 0; i < 1000000; i++ {
		if lookup(keys[i%len(keys)]) {
			found++
		}
	}
	fmt.Printf("%.1f %v\\n", float64(time.Since(start).Microseconds())/1000, found > 0)
}
GO
  done
  export GOFLAGS=-mod=mod GOPROXY=off GOCACHE="$work/go-cache"
  # The standard library built once; then each package compiled again alone.
  (cd "$bench" && rm -rf "$GOCACHE" && go build -o prog-generated ./cmd-generated && go build -o prog-baseline ./cmd-baseline)
  go_build() { # FILE WHICH: seconds to compile FILE's package again (a
    # comment appended, so the build cache misses) and link, best of 3
    for i in 1 2 3; do
      echo "// rebuild $i of $(date +%s%N)" >> "$1"
      (cd "$bench" && python3 -c "
import subprocess, time
t = time.perf_counter(); subprocess.run(['go', 'build', '-o', 'prog-$2', './cmd-$2'], check=True); print(time.perf_counter() - t)")
    done | sort -n | head -1
  }
  gen_build=$(go_build "$gen/data.go" generated); base_build=$(go_build "$bench/baseline/codes.go" baseline)
  go_first() { # WHICH: ms for a whole run to its first lookup, best of 10
    python3 -c "
import subprocess, time
best = min(
    (lambda t: (subprocess.run(['$bench/prog-$1', 'first'], check=True, capture_output=True), time.perf_counter() - t)[1])(time.perf_counter())
    for _ in range(10))
print(best * 1000)"
  }
  go_run=$(go_first generated); go_run_base=$(go_first baseline)
  go_look=$("$bench/prog-generated" lookups "$work/names.json" | cut -d' ' -f1)
  go_look_base=$("$bench/prog-baseline" lookups "$work/names.json" | cut -d' ' -f1)
  echo
  echo "| $codes codes, Go | errcat | hand-written | ratio |"
  echo "| --- | --- | --- | --- |"
  echo "| Go: compiling the package again, and linking (best of 3) | $(printf %.2f "$gen_build") s | $(printf %.2f "$base_build") s | $(ratio "$gen_build" "$base_build") |"
  echo "| Go: a run to its first lookup (best of 10) | $(printf %.1f "$go_run") ms | $(printf %.1f "$go_run_base") ms | $(ratio "$go_run" "$go_run_base") |"
  echo "| Go: 1,000,000 lookups | $go_look ms | $go_look_base ms | $(ratio "$go_look" "$go_look_base") |"
  echo
  echo "generated size: Go $(du -ch "$gen"/*.go | tail -1 | cut -f1) of Go source ($(du -h "$gen/data.go" | cut -f1) of it data.go), program $(du -h "$bench/prog-generated" | cut -f1) (hand-written: $(du -h "$bench/baseline/codes.go" | cut -f1) of source, program $(du -h "$bench/prog-baseline" | cut -f1))"
fi
