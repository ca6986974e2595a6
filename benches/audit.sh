#!/usr/bin/env bash
# `errcat audit` on a large HAR: wall time and peak memory (max RSS), beside
# the time `python3 -m json.tool` takes just to read the same file, the usual
# way people inspect a HAR, which holds it all in memory.
#
# The HAR has ENTRIES responses (default 400,000, about 670 MB), every one a
# 400 of the repository's catalog whose message does not follow its
# template, so the audit finds something in each: the worst case for what
# it keeps (it keeps the first 10,000 findings in full and counts the rest).
#
# Usage: benches/audit.sh     Env: ENTRIES, WORK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
entries="${ENTRIES:-400000}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-audit-bench}"
target="${CARGO_TARGET_DIR:-$root/target}"
mkdir -p "$work"
(cd "$root" && cargo build --release -q -p errcat-codegen)

python3 - "$work/big.har" "$entries" <<'PY'
import json, sys
body = json.dumps({"error": {"code": "invalid_request", "type": "invalid_request_error",
                             "message": "The request is not valid: " + "x" * 1200, "request_id": "req_1"}})
entry = json.dumps({"startedDateTime": "2026-12-06T12:00:00Z",
                    "request": {"method": "GET", "url": "https://api.example.com/v1/x", "headers": []},
                    "response": {"status": 400,
                                 "headers": [{"name": "X-Request-Id", "value": "req_1"},
                                             {"name": "Content-Type", "value": "application/json"}],
                                 "content": {"mimeType": "application/json", "text": body}}})
with open(sys.argv[1], "w") as f:
    f.write('{"log":{"version":"1.2","creator":{"name":"bench"},"entries":[')
    f.write(",".join(entry for _ in range(int(sys.argv[2]))))
    f.write("]}}")
PY
echo "HAR: $(du -m "$work/big.har" | cut -f1) MB, $entries entries"

measure() { # LABEL COMMAND...
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > /dev/null 2>&1 || true
  read -r seconds kib < <(tail -n 1 "$work/time")
  printf '%-28s %7.2f s  %8.1f MB max RSS\n' "$label" "$seconds" "$(echo "$kib / 1024" | bc -l)"
}
measure "errcat audit (release)" "$target/release/errcat" --json audit --har "$work/big.har" --catalog "$root/catalog"
measure "python3 -m json.tool" python3 -m json.tool "$work/big.har"
rm -f "$work/big.har"
