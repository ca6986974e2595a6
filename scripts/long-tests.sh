#!/usr/bin/env bash
# The long reliability runs of docs/reliability.md, in one command:
# 1,000,000 cases per property: random catalogs (codegen's fuzz) and hostile
# responses (the runtime's, mend's shapes included); and 50 kills of a
# 20,000-code generate. Release builds; the counts and times are in
# docs/reliability.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ERRCAT_FUZZ_CASES=1000000 cargo test --release -p errcat-codegen --test fuzz -- --test-threads 1
ERRCAT_FUZZ_CASES=1000000 cargo test --release -p errcat-runtime --test fuzz
# Each hostile catalog also starts CPython and Node.js (about 0.3 s).
ERRCAT_FUZZ_CASES=2000 cargo test --release -p errcat-codegen --test hostile_text
ERRCAT_CRASH_CODES=20000 ERRCAT_CRASH_KILLS=50 cargo test --release -p errcat-codegen --test crash
