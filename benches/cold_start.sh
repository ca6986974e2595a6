#!/usr/bin/env bash
# Cold start: the first `cargo build` of a consumer crate, from nothing but
# downloaded sources, including errcat-codegen's build-dependency tree.
# Also the same catalog committed as Rust (`[outputs] rust = true`, no build
# script). Compared with the same consumer shape using prost-build, the codegen
# most Rust users already pay for (its tree only: the build script makes a
# `prost_build::Config` and compiles no .proto, since that needs protoc).
#
# Each consumer is built REPEAT times in a fresh target folder with
# `--timings`; the fastest wall time counts, and the slowest units of the
# last build are listed (cargo's report is kept under WORK).
#
# Usage: benches/cold_start.sh     Env: REPEAT (default 2), WORK.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeat="${REPEAT:-2}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-cold-start}"
rm -rf "$work"
mkdir -p "$work"

make_crate() { # DIR BUILD_DEPS DEPS BUILD_RS
  mkdir -p "$1/src"
  printf '[package]\nname = "consumer"\nversion = "0.0.0"\nedition = "2024"\n\n[workspace]\n\n[dependencies]\n%s\n\n[build-dependencies]\n%s\n' "$3" "$2" > "$1/Cargo.toml"
  printf '%s\n' "$4" > "$1/build.rs"
}

make_crate "$work/errcat" \
  "errcat-codegen = { path = \"$root/codegen\", default-features = false }" \
  "errcat-runtime = { path = \"$root/runtime\" }" \
  'fn main() -> Result<(), errcat_codegen::Error> { errcat_codegen::Config::new().catalog_dir("catalog").compile() }'
cp "$root/Cargo.lock" "$work/errcat/"
cp -r "$root/catalog" "$work/errcat/catalog"
printf 'pub mod errors {\n    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));\n}\n' > "$work/errcat/src/lib.rs"

# The same catalog with its Rust committed (`[outputs] rust = true`): no
# build script, no errcat-codegen to compile.
mkdir -p "$work/committed/src"
printf '[package]\nname = "consumer"\nversion = "0.0.0"\nedition = "2024"\n\n[workspace]\n\n[dependencies]\nerrcat-runtime = { path = "%s/runtime" }\n' "$root" > "$work/committed/Cargo.toml"
cp "$root/Cargo.lock" "$work/committed/"
cp -r "$root/catalog" "$work/committed/catalog"
sed -i 's/^\[outputs\]$/[outputs]\nrust = true/' "$work/committed/catalog/catalog.toml"
cargo run --quiet --manifest-path "$root/Cargo.toml" -p errcat-codegen --bin errcat -- generate \
  --catalog "$work/committed/catalog" --generated "$work/committed/generated" >/dev/null
printf 'pub mod errors {\n    include!("../generated/rust/errcat.rs");\n}\n' > "$work/committed/src/lib.rs"

make_crate "$work/prost" 'prost-build = "0.14"' 'prost = "0.14"' \
  'fn main() { let _ = prost_build::Config::new(); }'
printf 'pub use prost;\n' > "$work/prost/src/lib.rs"

units() { # TIMINGS_HTML
  python3 - "$1" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
units.sort(key=lambda u: -u["duration"])
total = sum(u["duration"] for u in units)
print(f"  {len(units)} units, {total:.1f} s of compiler time in all; slowest:")
for u in units[:8]:
    print(f"    {u['duration']:5.2f} s  {u['name']} {u['version']}")
PY
}

for name in errcat committed prost; do
  dir="$work/$name"
  (cd "$dir" && cargo fetch --quiet)
  best=""
  for _ in $(seq "$repeat"); do
    rm -rf "$dir/target"
    start=$(date +%s.%N)
    (cd "$dir" && cargo build --quiet --timings >/dev/null 2>&1)
    took=$(echo "$(date +%s.%N) - $start" | bc)
    if [ -z "$best" ] || [ "$(echo "$took < $best" | bc)" = 1 ]; then best=$took; fi
  done
  printf '%s: first build %.1f s (best of %s)\n' "$name" "$best" "$repeat"
  units "$dir/target/cargo-timings/cargo-timing.html"
done
