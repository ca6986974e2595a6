#!/usr/bin/env bash
# `errcat lsp` latencies at 2,000 and 20,000 codes (synthetic catalogs),
# beside `errcat check` on the same catalog: what a user runs after saving
# when the editor does not check for them.
#
# For each size: 40 edits of one code's title key, misspelt and mended in
# turn (each followed by waiting for that file's diagnostics), 40 hovers on a code and 40 completions of a
# code table's keys; p50 and p95 of each, in milliseconds, and `errcat
# check` best of 3.
#
# Usage: benches/lsp.sh     Env: SIZES (default "2000 20000"), WORK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-${TMPDIR:-/tmp}/errcat-lsp-bench}"
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -q -p errcat-codegen)
errcat="$target/release/errcat"
echo "| codes | diagnostics after an edit, p50 / p95 | hover, p50 / p95 | completion, p50 / p95 | \`errcat check\` (best of 3) |"
echo "| --- | --- | --- | --- | --- |"
for codes in ${SIZES:-2000 20000}; do
  dir="$work/$codes"
  rm -rf "$dir" && mkdir -p "$dir"
  "$errcat" synth --codes "$codes" --out "$dir/catalog" > /dev/null
  check=$(python3 - "$errcat" "$dir" <<'PY'
import subprocess, sys, time
best = min(
    (lambda t0: (subprocess.run([sys.argv[1], "check", "--catalog", "catalog", "--generated", "none"], cwd=sys.argv[2],
                                capture_output=True), time.perf_counter() - t0)[1])(time.perf_counter())
    for _ in range(3))
print(f"{best * 1000:.0f} ms")
PY
)
  python3 - "$errcat" "$dir" "$codes" "$check" <<'PY'
import json, os, subprocess, sys, time

errcat, root, codes, check = sys.argv[1:]
server = subprocess.Popen([errcat, "lsp"], cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

def send(message):
    body = json.dumps(message).encode()
    server.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    server.stdin.flush()

def receive():
    length = 0
    while True:
        line = server.stdout.readline().decode().strip()
        if not line:
            break
        if line.startswith("Content-Length"):
            length = int(line.split(": ")[1])
    return json.loads(server.stdout.read(length))

ids = iter(range(1, 10**9))

def request(method, params):
    i = next(ids)
    send({"jsonrpc": "2.0", "id": i, "method": method, "params": params})
    while True:
        m = receive()
        if m.get("id") == i:
            return m

def uri(path):
    return "file://" + os.path.abspath(path)

request("initialize", {"processId": None, "rootUri": uri(root), "capabilities": {}})
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
catalog = os.path.join(root, "catalog")
files = sorted(f for f in os.listdir(catalog) if f.endswith(".toml") and f != "catalog.toml")
path = os.path.join(catalog, files[0])
text = open(path).read()
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri(path), "languageId": "toml", "version": 1, "text": text}}})

def wait_diagnostics():
    while True:
        m = receive()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri(path):
            return m

wait_diagnostics()
first_title = text.index("title = ")
line = text[:first_title].count("\n")

def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]

edits = []
for n in range(40):
    # Every other edit misspells the key, so every edit changes the file's
    # diagnostics and is answered by a publish.
    key = "titel" if n % 2 == 0 else "title"
    edited = text[:first_title] + f'{key} = "Edited {n}"' + text[text.index("\n", first_title):]
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri(path), "version": n + 2}, "contentChanges": [{"text": edited}]}})
    wait_diagnostics()
    edits.append((time.perf_counter() - t0) * 1000)

def timed(method, params):
    out = []
    for _ in range(40):
        t0 = time.perf_counter()
        request(method, params)
        out.append((time.perf_counter() - t0) * 1000)
    return out

header = text.rfind("\n[", 0, first_title) + 2
hover = timed("textDocument/hover", {"textDocument": {"uri": uri(path)}, "position": {"line": text[:header].count("\n"), "character": 2}})
complete = timed("textDocument/completion", {"textDocument": {"uri": uri(path)}, "position": {"line": line + 1, "character": 0}})
request("shutdown", None)
send({"jsonrpc": "2.0", "method": "exit"})
fmt = lambda v: f"{pct(v, 50):.1f} / {pct(v, 95):.1f} ms"
print(f"| {int(codes):,} | {fmt(edits)} | {fmt(hover)} | {fmt(complete)} | {check} |")
PY
done
