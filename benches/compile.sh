#!/usr/bin/env bash
# Compile-time benchmark: errcat's generated crate (full and lean) against
# what a user would otherwise write (strum + match; static tables + phf; the
# same plus one hand-written typed constructor per code; and an empty crate,
# rustc's floor), all from the same
# synthetic catalog, at 200 / 2,000 / 20,000 codes.
#
# Each case gets a clean CARGO_TARGET_DIR whose dependencies are built first
# (with an empty lib.rs), so the timed build compiles only the crate itself.
# Peak RSS is the largest process (rustc) as GNU time reports it.
#
# This machine is a VM with noisy neighbours, so each build is repeated
# (after `cargo clean -p` of the crate alone) and the fastest run is kept;
# builds slower than 30 s are not repeated.
#
# Usage: benches/compile.sh [sizes...]      (default: 200 2000 20000)
# Env:   TIMEOUT (seconds per build, default 300), REPEAT (runs per build,
#        default 3), WORK (scratch folder).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
timeout_s="${TIMEOUT:-300}"
repeat="${REPEAT:-3}"
work="${WORK:-${TMPDIR:-/tmp}/errcat-compile-bench}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 2000 20000)
mkdir -p "$work"

cargo build --quiet --release --manifest-path "$root/benches/Cargo.toml" -p errcat-bench-gen
gen="${CARGO_TARGET_DIR:-$root/benches/target}/release/bench-crates"

# time_build DIR TARGET PROFILE_FLAGS... -> "seconds peak_kb" or "> T -"
time_build() {
  local dir=$1 target=$2; shift 2
  (cd "$dir" && echo 'include!("stub.rs");' > src/lib.rs && cargo build --quiet "$@" --target-dir "$target" >/dev/null 2>&1)
  (cd "$dir" && echo 'include!("generated.rs");' > src/lib.rs)
  local out best="" best_kb="-" run
  for ((run = 0; run < repeat; run++)); do
    (cd "$dir" && cargo clean --quiet -p "bench-$(basename "$dir")" "$@" --target-dir "$target" 2>/dev/null || true)
    if ! out=$(cd "$dir" && /usr/bin/time -f "%e %M" timeout "$timeout_s" cargo build --quiet "$@" --target-dir "$target" 2>&1 >/dev/null | tail -n 1); then
      [ -n "$best" ] || { best=">$timeout_s"; best_kb="-"; }
      break
    fi
    read -r s kb <<< "$out"
    if [ -z "$best" ] || awk "BEGIN { exit !($s < $best) }"; then best=$s; best_kb=$kb; fi
    awk "BEGIN { exit !($s > 30) }" && break
  done
  echo "$best $best_kb"
}

printf '| codes | crate | debug (s) | debug peak RSS (MB) | release (s) | release peak RSS (MB) |\n|---|---|---|---|---|---|\n' > "$work/results.md"
for n in "${sizes[@]}"; do
  "$gen" "$n" "$work/$n" "$root/runtime" >/dev/null
  declare -A secs=()
  for crate in errcat errcat-lean phf phf-ctors strum empty; do
    row="| $n | $crate"
    for profile in debug release; do
      flags=()
      [ "$profile" = release ] && flags=(--release)
      read -r s kb < <(time_build "$work/$n/$crate" "$work/target-$n-$crate-$profile" "${flags[@]}")
      secs[$crate-$profile]=$s
      if [ "$kb" = "-" ]; then mb="-"; else mb=$(( kb / 1024 )); fi
      row="$row | $s | $mb"
      echo "n=$n $crate $profile: $s s, peak $mb MB" >&2
    done
    echo "$row |" >> "$work/results.md"
  done
  for profile in debug release; do
    # Like with like: the full API against phf with constructors, the lean
    # one against plain phf; strum is what most people write.
    for pair in errcat:phf-ctors errcat:strum errcat-lean:phf errcat-lean:strum; do
      ours=${pair%%:*} base=${pair##*:}
      e=${secs[$ours-$profile]} b=${secs[$base-$profile]}
      if [[ "$b" == ">"* ]]; then
        echo "n=$n $profile: $ours ${e}s vs $base ${b}s (baseline timed out)" >> "$work/ratios.txt"
      else
        echo "n=$n $profile: $ours ${e}s vs $base ${b}s = $(awk "BEGIN { printf \"%.2f\", $e / $b }")x" >> "$work/ratios.txt"
      fi
    done
  done
done
cat "$work/results.md"
echo
cat "$work/ratios.txt"
