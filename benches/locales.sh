#!/usr/bin/env bash
# What locales cost a consumer: the build of a crate made from the README's
# recipe over a synthetic catalog of N codes, in 1 locale and in 5 (each
# code's title and message translated, counts in plural choices), side by
# side in one run; and the size of the generated module. Each crate's
# dependencies are built first; the timed build is the crate alone (its
# build script's codegen and the module), fastest of REPEAT runs.
#
# Usage: benches/locales.sh [sizes...]    (default: 2000)
# Env:   REPEAT (default 3), WORK (scratch folder).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeat="${REPEAT:-3}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-locales-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000)

cargo build --quiet --manifest-path "$root/Cargo.toml" -p errcat-codegen --bin errcat
errcat="${CARGO_TARGET_DIR:-$root/target}/debug/errcat"

consumer() { # DIR N LOCALES
  local dir=$1 n=$2 locales=$3
  rm -rf "$dir"
  mkdir -p "$dir/src"
  cat > "$dir/Cargo.toml" <<TOML
[package]
name = "consumer"
version = "0.0.0"
edition = "2024"

[workspace]

[dependencies]
errcat-runtime = { path = "$root/runtime" }

[build-dependencies]
errcat-codegen = { path = "$root/codegen", default-features = false }
TOML
  cp "$root/Cargo.lock" "$dir/Cargo.lock"
  cat > "$dir/build.rs" <<'RS'
fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new().catalog_dir("catalog").compile()
}
RS
  printf 'pub mod errors {\n    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));\n}\n' > "$dir/src/lib.rs"
  "$errcat" synth --codes "$n" --locales "$((locales - 1))" --out "$dir/catalog" > /dev/null
  (cd "$dir" && cargo build --quiet --offline > /dev/null 2>&1)
}

printf '| codes | locales | crate build (s) | generated module (KB) |\n|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  for locales in 1 5; do
    dir="$work/$n-$locales"
    consumer "$dir" "$n" "$locales"
    best=""
    for ((run = 0; run < repeat; run++)); do
      (cd "$dir" && cargo clean --quiet --offline -p consumer)
      start=$(date +%s.%N)
      (cd "$dir" && cargo build --quiet --offline > /dev/null 2>&1)
      end=$(date +%s.%N)
      s=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
      if [ -z "$best" ] || awk "BEGIN { exit !($s < $best) }"; then best=$s; fi
    done
    module=$(find "$dir/target/debug/build" -name errcat.rs -path '*consumer*' | head -n 1)
    kb=$(( $(stat -c %s "$module") / 1024 ))
    printf '| %s | %s | %s | %s |\n' "$n" "$locales" "$best" "$kb"
  done
done
