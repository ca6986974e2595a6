#!/usr/bin/env bash
# The edit-build loop: how long `cargo build` takes after one catalog file
# is saved, for the two ways a crate includes the generated module:
#
#   lib: `pub mod errors { include!(...) }` in a library (the README's way);
#   bin: `mod errors { include!(...) }` in a binary, private, nothing used.
#
# Each consumer is a fresh crate made from the README's recipe, with a
# synthetic catalog of N codes, generated once by `errcat generate` as a user
# would (so it has its lock, which every build checks, and a fresh
# `generated/` folder, which `check_generated` compares on every build). It
# is built once (dependencies and all), then a category file is touched and
# the build timed; the fastest of REPEAT runs is kept, with the number of
# warnings cargo printed.
#
# OPT=1 adds the profile setting the README suggests, so that the build
# script's codegen runs optimized (OPT_LEVEL, default 3):
#   [profile.dev.build-override]
#   opt-level = 3
#
# The first build of each consumer (its dependencies compiled, in a target
# folder of its own) is timed too: what the setting costs.
#
# Usage: benches/edit_build.sh [sizes...]    (default: 2000 20000)
# OPT=codegen optimizes only OPT_PACKAGES (default errcat-codegen), with
# `[profile.dev.package.<name>]`.
#
# Env:   REPEAT (default 3), OPT (0, 1 or codegen), OPT_LEVEL, KINDS (default
#        "lib bin"), WORK (scratch folder).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
repeat="${REPEAT:-3}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-edit-build}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2000 20000)

cargo build --quiet --manifest-path "$root/Cargo.toml" -p errcat-codegen --bin errcat
errcat="${CARGO_TARGET_DIR:-$root/target}/debug/errcat"

consumer() { # DIR KIND N
  local dir=$1 kind=$2 n=$3
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
  if [ "${OPT:-0}" = 1 ]; then
    printf '\n[profile.dev.build-override]\nopt-level = %s\n' "${OPT_LEVEL:-3}" >> "$dir/Cargo.toml"
  elif [ "${OPT:-0}" = codegen ]; then
    # Only the codegen and the parsers it runs, not every build dependency.
    for package in ${OPT_PACKAGES:-errcat-codegen}; do
      printf '\n[profile.dev.package.%s]\nopt-level = %s\n' "$package" "${OPT_LEVEL:-3}" >> "$dir/Cargo.toml"
    done
  fi
  cp "$root/Cargo.lock" "$dir/Cargo.lock"
  cat > "$dir/build.rs" <<'RS'
fn main() -> Result<(), errcat_codegen::Error> {
    errcat_codegen::Config::new()
        .catalog_dir("catalog")
        .check_generated("generated")
        .compile()
}
RS
  if [ "$kind" = lib ]; then
    printf 'pub mod errors {\n    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));\n}\n' > "$dir/src/lib.rs"
  else
    printf 'mod errors {\n    include!(concat!(env!("OUT_DIR"), "/errcat.rs"));\n}\n\nfn main() {}\n' > "$dir/src/main.rs"
  fi
  "$errcat" synth --codes "$n" --out "$dir/catalog" > /dev/null
  "$errcat" generate --catalog "$dir/catalog" --generated "$dir/generated" > /dev/null
  local start end
  start=$(date +%s.%N)
  (cd "$dir" && cargo build --quiet --offline > /dev/null 2>&1)
  end=$(date +%s.%N)
  first=$(awk "BEGIN { printf \"%.1f\", $end - $start }")
}

printf '| codes | consumer | first build (s) | build after a save (s) | warnings |\n|---|---|---|---|---|\n'
for n in "${sizes[@]}"; do
  for kind in ${KINDS:-lib bin}; do
    dir="$work/$kind-$n"
    consumer "$dir" "$kind" "$n"
    file=$(find "$dir/catalog" -name '*.toml' ! -name catalog.toml | sort | head -n 1)
    best=""
    warnings=0
    for ((run = 0; run < repeat; run++)); do
      touch "$file"
      start=$(date +%s.%N)
      (cd "$dir" && cargo build --offline 2> "$dir/build.log" > /dev/null)
      end=$(date +%s.%N)
      s=$(awk "BEGIN { printf \"%.2f\", $end - $start }")
      if [ -z "$best" ] || awk "BEGIN { exit !($s < $best) }"; then best=$s; fi
      warnings=$(grep -c '^warning' "$dir/build.log" || true)
    done
    printf '| %s | %s | %s | %s | %s |\n' "$n" "$kind" "$first" "$best" "$warnings"
  done
done
