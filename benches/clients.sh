#!/usr/bin/env bash
# The generated TypeScript and Python clients at 20,000 codes: module import
# time and name lookups, each beside a hand-written module holding the same
# data in a plain `Map` (TypeScript) or `dict` (Python), which is what a
# team writes by hand instead. Also the generated size.
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
printf '\n[outputs]\ntypescript = true\npython = true\n' >> "$work/catalog/catalog.toml"
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
