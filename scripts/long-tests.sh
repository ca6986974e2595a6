#!/usr/bin/env bash
# The long reliability runs of docs/reliability.md, in one command:
# 1,000,000 random catalogs, 1,000,000 hostile responses, and 50 kills of a
# 20,000-code generate. Release builds; about ten minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
ERRCAT_FUZZ_CASES=250000 cargo test --release -p errcat-codegen --test fuzz -- --test-threads 1
ERRCAT_FUZZ_CASES=500000 cargo test --release -p errcat-runtime --test fuzz
ERRCAT_CRASH_CODES=20000 ERRCAT_CRASH_KILLS=50 cargo test --release -p errcat-codegen --test crash
